// Browser test of documents against a running server whose Document Server is the tests' simulator
// (its api.js stand-in frames an editor page that verifies the signed config and fetches the
// document like the real one): "New document" opens the editor page full-page with the signed
// config, and the built-in text editor edits and saves a markdown file.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, ONLYOFFICE_URL, optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const documentServer = requiredEnv('ONLYOFFICE_URL').replace(/\/+$/, '');
const username = requiredEnv('WORKSPACE_ADMIN_USER');
const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
const TIMEOUT = 20_000;

const browser = browserForTests();

test('a new document opens in the Document Server editor; the text editor edits and saves', async () => {
  const { context, page, pageErrors } = await openPage(browser(), TIMEOUT);
  const stamp = `${Date.now()}`;
  const folderName = `e2e office ${stamp}`;
  const noteName = `notes-${stamp}.md`;
  const shot = (name) => page.screenshot({ path: new URL(name, outputDir).pathname });

  try {
    await signIn(page, baseUrl, username, password);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Files' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'All files' }).waitFor();

    await page.getByRole('button', { name: 'New folder' }).click();
    const newFolder = page.getByRole('dialog', { name: 'New folder' });
    await newFolder.getByLabel('Folder name').fill(folderName);
    await newFolder.getByRole('button', { name: 'Create folder' }).click();
    await newFolder.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: folderName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: folderName }).waitFor();
    const folderUrl = page.url();

    // New document: created blank and opened straight in the editor page, full page.
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'New document' }).click();
    await page.waitForURL(/\/documents\/edit\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'New document.docx' }).waitFor();
    const frame = page.frameLocator('iframe[name="frameEditor"]');
    await frame.getByText(/^Opened New document\.docx \(\d+ bytes, token verified\)$/).waitFor();
    const frameSrc = await page.locator('iframe[name="frameEditor"]').getAttribute('src');
    assert.ok(
      frameSrc?.startsWith(documentServer),
      'the editor frame comes from the Document Server',
    );
    await shot('office-editor.png');

    // The way back to the folder.
    await page.getByRole('link', { name: '← Back to folder' }).click();
    await page.waitForURL(folderUrl);
    await page.getByRole('button', { name: 'New document.docx', exact: true }).waitFor();

    // The built-in editor: upload a markdown file, edit it, save, and find the change after a reload.
    await page.locator('input[type="file"][aria-label="Upload files"]').setInputFiles({
      name: noteName,
      mimeType: 'text/markdown',
      buffer: Buffer.from(`# Notes ${stamp}\n\nFirst line.\n`),
    });
    await page.getByRole('button', { name: noteName, exact: true }).waitFor();
    await page.getByRole('button', { name: `Actions for ${noteName}` }).click();
    await page.getByRole('menuitem', { name: 'Edit', exact: true }).click();
    await page.waitForURL(/\/documents\/text\/[0-9a-f-]{36}$/);
    const editor = page.getByRole('textbox', { name: `Contents of ${noteName}` });
    await editor.waitFor();
    await page.locator('.cm-content').getByText('First line.').waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('Added in the browser.');
    await page.getByText('· unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText(`Saved “${noteName}”`).waitFor();
    await page.getByText('· unsaved changes').waitFor({ state: 'detached' });
    await shot('office-text-editor.png');

    await page.reload();
    await page.locator('.cm-content').getByText('Added in the browser.').waitFor();
    // The save kept the previous content as a version.
    await page.getByRole('button', { name: 'Versions' }).click();
    await page
      .getByRole('region', { name: 'Versions' })
      .getByRole('button', { name: 'Restore' })
      .waitFor();

    assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
  } catch (failure) {
    await page.screenshot({
      path: new URL('office-failure.png', outputDir).pathname,
      fullPage: true,
    });
    throw failure;
  } finally {
    await context.close();
  }
});
