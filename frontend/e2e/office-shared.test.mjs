// Browser test of documents in a share, against a running server whose Document Server is the
// tests' simulator (BrowserSharedDocumentsIT prepares it): the recipient of a read-only share
// finds the folder under "Shared with me", sees who is editing a document in the file list, opens
// the document in the editor page — the simulator's api.js stand-in gets the signed config in view
// mode — goes back into the share, and opens a markdown file read-only in the built-in editor.
// Env: WORKSPACE_URL, SHARE_USER, SHARE_PASSWORD, SHARE_FOLDER, SHARE_DOCUMENT, SHARE_NOTE,
// SHARE_EDITOR (the name shown as editing), optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const username = requiredEnv('SHARE_USER');
const password = requiredEnv('SHARE_PASSWORD');
const folderName = requiredEnv('SHARE_FOLDER');
const documentName = requiredEnv('SHARE_DOCUMENT');
const noteName = requiredEnv('SHARE_NOTE');
const editorName = requiredEnv('SHARE_EDITOR');
const TIMEOUT = 20_000;

const browser = browserForTests();

test('a read-only share opens its document in view mode and its text read-only', async () => {
  const { context, page, pageErrors } = await openPage(browser(), TIMEOUT);
  const shot = (name) => page.screenshot({ path: new URL(name, outputDir).pathname });

  try {
    await signIn(page, baseUrl, username, password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Files' })
      .click({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Shared with me' }).click();
    await page.getByRole('link', { name: folderName, exact: true }).click();
    await page.waitForURL(/\/files\/shared\/[^/]+$/);
    const shareUrl = page.url();
    await page.getByRole('button', { name: documentName, exact: true }).waitFor();

    // Who is editing, in the file list.
    const mark = page.getByRole('status', {
      name: `${documentName} is being edited by ${editorName}`,
    });
    await mark.waitFor();
    assert.equal((await mark.textContent())?.trim(), `editing: ${editorName}`);
    await shot('office-shared-list.png');

    // The document opens full page in the Document Server's editor, in view mode.
    await page.getByRole('button', { name: documentName, exact: true }).click();
    await page.waitForURL(/\/documents\/edit\/[0-9a-f-]{36}\?share=/);
    await page.getByRole('heading', { level: 1, name: documentName }).waitFor();
    await page.getByText('View only', { exact: true }).waitFor();
    const frame = page.frameLocator('iframe[name="frameEditor"]');
    const opened = new RegExp(
      `^Opened ${documentName.replace('.', '\\.')} \\(\\d+ bytes, token verified\\)$`,
    );
    await frame.getByText(opened).waitFor();
    await shot('office-shared-viewer.png');

    // Back into the share (its top folder, by the share's address or the folder's id in it).
    await page.getByRole('link', { name: '← Back to folder' }).click();
    await page.waitForURL((url) => url.href === shareUrl || url.href.startsWith(`${shareUrl}/`));
    await page.getByRole('button', { name: noteName, exact: true }).waitFor();

    // The markdown file opens in the built-in editor, read-only: no Save, the text cannot change.
    await page.getByRole('button', { name: `Edit: ${noteName}` }).click();
    await page.waitForURL(/\/documents\/text\/[0-9a-f-]{36}\?share=/);
    const editor = page.getByRole('textbox', { name: `Contents of ${noteName}` });
    await editor.waitFor();
    await page.locator('.cm-content').getByText('Shared notes.').waitFor();
    await page.getByText('View only', { exact: true }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Save', exact: true }).count(), 0);
    assert.equal(await editor.getAttribute('contenteditable'), 'false');
    await shot('office-shared-text.png');
    await page.getByRole('link', { name: '← Back to folder' }).click();
    await page.waitForURL(shareUrl);

    assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
  } catch (failure) {
    await page.screenshot({
      path: new URL('office-shared-failure.png', outputDir).pathname,
      fullPage: true,
    });
    throw failure;
  } finally {
    await context.close();
  }
});
