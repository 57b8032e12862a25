// Browser test of resumable uploads: a large file goes up with tus; the connection breaks after part
// of it arrived, the page is reloaded, the same file is picked again, and the upload goes on from
// where the server's offset says instead of starting over.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const username = requiredEnv('WORKSPACE_ADMIN_USER');
const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
const TIMEOUT = 30_000;
const SIZE = 20 * 1024 * 1024;
const FIRST_PART = 8 * 1024 * 1024;

const browser = browserForTests();

test('a large upload survives a broken connection and a page reload', async () => {
  const stamp = `${Date.now()}`;
  const name = `resumable-${stamp}.bin`;
  const filePath = new URL(name, outputDir).pathname;
  const content = randomBytes(SIZE);
  await writeFile(filePath, content);

  const { context, page, pageErrors } = await openPage(browser(), TIMEOUT);
  /** What the browser sent to the tus endpoint, in order. */
  const calls = [];
  let phase = 'before-reload';
  let heldPatch = null;

  await page.route('**/api/files/uploads**', async (route) => {
    const request = route.request();
    const offset = request.headers()['upload-offset'];
    calls.push({ phase, method: request.method(), offset });
    if (phase === 'before-reload' && request.method() === 'PATCH') {
      if (offset === '0') {
        // Only the first 8 MiB get through, as when the network fails part-way.
        await route.continue({ postData: content.subarray(0, FIRST_PART) });
        return;
      }
      // The rest never arrives: the page is reloaded while it hangs.
      heldPatch = route;
      return;
    }
    await route.continue();
  });

  try {
    await signIn(page, baseUrl, username, password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Files' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'All files' }).waitFor();

    const input = page.locator('input[type="file"][aria-label="Upload files"]');
    await input.setInputFiles(filePath);
    const deadline = Date.now() + TIMEOUT;
    while (heldPatch === null && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.notEqual(heldPatch, null, 'the upload went on after the first part');
    const resumeAt = calls.filter((c) => c.method === 'PATCH').at(-1)?.offset;
    assert.equal(resumeAt, String(FIRST_PART), 'the server kept the first part');

    phase = 'after-reload';
    await page.reload();
    await heldPatch.abort('connectionreset').catch(() => undefined);
    await page.getByRole('heading', { level: 1, name: 'All files' }).waitFor();
    await input.setInputFiles(filePath);

    const uploads = page.getByRole('region', { name: 'Uploads' });
    await uploads.getByText(/^Uploaded · /).waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name, exact: true }).waitFor();

    const afterReload = calls.filter((c) => c.phase === 'after-reload');
    assert.equal(
      afterReload.filter((c) => c.method === 'POST').length,
      0,
      `no new upload was created after the reload: ${JSON.stringify(afterReload)}`,
    );
    assert.ok(
      afterReload.some((c) => c.method === 'HEAD'),
      'the client asked for the offset',
    );
    assert.equal(
      afterReload.find((c) => c.method === 'PATCH')?.offset,
      String(FIRST_PART),
      'the upload went on from the bytes the server had',
    );
    assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
  } catch (failure) {
    await page.screenshot({
      path: new URL('files-resumable-failure.png', outputDir).pathname,
      fullPage: true,
    });
    throw failure;
  } finally {
    await context.close();
    await rm(filePath, { force: true });
  }
});
