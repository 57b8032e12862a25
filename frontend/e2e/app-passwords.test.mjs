// Browser test of app passwords on the profile page against a running server: create one, use it for WebDAV,
// revoke it, and the WebDAV client is refused from its next request on.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const username = requiredEnv('WORKSPACE_ADMIN_USER');
const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
const TIMEOUT = 15_000;

const browser = browserForTests();

/** PROPFIND of the WebDAV root with Basic credentials, as a desktop client would; answers the status. */
async function davStatus(secret) {
  const response = await fetch(`${baseUrl}/dav/files/${encodeURIComponent(username)}/`, {
    method: 'PROPFIND',
    headers: {
      Depth: '0',
      Authorization: `Basic ${Buffer.from(`${username}:${secret}`).toString('base64')}`,
    },
  });
  await response.arrayBuffer();
  return response.status;
}

test('create an app password on the profile page, use it for WebDAV, revoke it', async () => {
  const { context, page, pageErrors } = await openPage(browser(), TIMEOUT, {
    width: 1280,
    height: 900,
  });
  const name = `Browser test ${Date.now()}`;

  try {
    await signIn(page, baseUrl, username, password);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();

    await page.goto(`${baseUrl}/profile#app-passwords`);
    const section = page.getByRole('region', { name: 'App passwords and WebDAV' });
    await section.waitFor();
    await section.getByText(`${baseUrl}/dav/files/${username}/`).waitFor();

    await section.getByRole('button', { name: 'Create app password' }).click();
    await section.getByText(/Name it after the device/).waitFor();

    await section.getByLabel('Name of the new app password').fill(name);
    await section.getByRole('button', { name: 'Create app password' }).click();
    const secretField = section.getByLabel('New app password', { exact: true });
    await secretField.waitFor();
    const secret = (await secretField.innerText()).trim();
    assert.match(secret, /^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){5}$/, 'the password is shown once');
    await page.screenshot({ path: new URL('app-password-created.png', outputDir).pathname });

    assert.equal(await davStatus(secret), 207, 'the new app password opens WebDAV');
    await page.reload();
    const table = section.getByRole('table', { name: 'Your app passwords' });
    await table.getByText(name).waitFor();
    assert.equal(
      await section.getByLabel('New app password', { exact: true }).count(),
      0,
      'never shown again',
    );

    await section.getByRole('button', { name: `Revoke ${name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Revoke' }).click();
    await dialog.waitFor({ state: 'detached' });
    await table.getByText(name).waitFor({ state: 'detached' });
    assert.equal(await davStatus(secret), 401, 'a revoked app password is refused at once');
    assert.deepEqual(pageErrors, [], 'no errors in the page');
  } finally {
    await page
      .screenshot({ path: new URL('app-passwords-final.png', outputDir).pathname })
      .catch(() => {});
    await context.close();
  }
});
