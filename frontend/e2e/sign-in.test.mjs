// Browser test of sign-in, session restore, navigation and sign-out against a running server.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv } from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const username = requiredEnv('WORKSPACE_ADMIN_USER');
const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
const TIMEOUT = 15_000;

const browser = browserForTests();

test('sign in, keep the session across a reload, visit the profile, sign out', async () => {
  const { context, page, pageErrors } = await openPage(browser(), TIMEOUT);

  try {
    await page.goto(baseUrl);
    await page.waitForURL(/\/login$/);
    const signInHeading = page.getByRole('heading', { name: 'Sign in' });
    await signInHeading.waitFor();
    await page.screenshot({ path: new URL('sign-in.png', outputDir).pathname });

    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(`${password}-not-it`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByRole('form', { name: 'Sign in' }).getByRole('alert');
    await error.waitFor();
    assert.notEqual((await error.innerText()).trim(), '', 'a wrong password shows a message');
    assert.match(page.url(), /\/login$/);

    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.waitFor();
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    await nav.getByRole('link', { name: 'Profile' }).waitFor();
    const userMenu = page.getByTestId('user-menu');
    await assertContains(userMenu, username, 'the top bar names the signed-in user');
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/');
    await page.screenshot({ path: new URL('home.png', outputDir).pathname });

    await page.reload();
    await nav.waitFor();
    await assertContains(userMenu, username, 'a reload keeps the session');
    assert.equal(new URL(page.url()).pathname, '/');

    await nav.getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL(/\/profile$/);
    await page.getByRole('heading', { level: 1, name: 'Profile' }).waitFor();
    await page.getByRole('heading', { name: 'Change password' }).waitFor();
    await assertContains(page.locator('main'), username, 'the profile shows the account');
    await page.screenshot({ path: new URL('profile.png', outputDir).pathname, fullPage: true });

    await page.goto(`${baseUrl}/no-such-page`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Go to Home' }).click();
    await page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login$/);
    await signInHeading.waitFor();

    // The refresh cookie is gone: a reload must not sign anyone back in.
    await page.reload();
    await signInHeading.waitFor();
    assert.match(page.url(), /\/login$/);

    assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
  } catch (failure) {
    await page.screenshot({ path: new URL('failure.png', outputDir).pathname, fullPage: true });
    throw failure;
  } finally {
    await context.close();
  }
});

/** Waits until the element's text contains the expected text. */
async function assertContains(locator, expected, message) {
  const deadline = Date.now() + TIMEOUT;
  let text = '';
  while (Date.now() < deadline) {
    text = await locator.innerText().catch(() => '');
    if (text.includes(expected)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.fail(`${message}: expected "${expected}" in "${text}"`);
}
