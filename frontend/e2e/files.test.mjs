// Browser test of the file manager against a running server: create a folder, upload a file
// with progress, rename it, preview it, delete it and restore it from the trash, and find it on the
// home page.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const username = requiredEnv('WORKSPACE_ADMIN_USER');
const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
const TIMEOUT = 15_000;

const browser = browserForTests();

test('create a folder, upload, rename, preview, delete and restore from the trash', async () => {
  const { context, page, pageErrors } = await openPage(browser(), TIMEOUT);

  const stamp = `${Date.now()}`;
  const folderName = `e2e files ${stamp}`;
  const uploadName = `upload-${stamp}.txt`;
  const renamedName = `renamed-${stamp}.txt`;
  // Big enough that the upload reports progress before it completes.
  const text = `Cloud Workspace e2e ${stamp}\n${'The quick brown fox jumps over the lazy dog.\n'.repeat(40_000)}`;
  const shot = (name) => page.screenshot({ path: new URL(name, outputDir).pathname });

  try {
    await signIn(page, baseUrl, username, password);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Files' }).click();
    await page.waitForURL(/\/files$/);
    await page.getByRole('heading', { level: 1, name: 'All files' }).waitFor();
    await page
      .getByRole('meter', { name: 'Storage used' })
      .or(page.getByText(/ used$/))
      .first()
      .waitFor();

    // New folder, then into it.
    await page.getByRole('button', { name: 'New folder' }).click();
    const newFolder = page.getByRole('dialog', { name: 'New folder' });
    await newFolder.getByLabel('Folder name').fill(folderName);
    await newFolder.getByRole('button', { name: 'Create folder' }).click();
    await newFolder.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: folderName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: folderName }).waitFor();
    await page.getByText('This folder is empty').waitFor();
    const folderUrl = page.url();
    assert.match(new URL(folderUrl).pathname, /^\/files\/.+/);

    // Upload through the file input; the panel shows progress, then "Uploaded".
    await page.locator('input[type="file"][aria-label="Upload files"]').setInputFiles({
      name: uploadName,
      mimeType: 'text/plain',
      buffer: Buffer.from(text),
    });
    const uploads = page.getByRole('region', { name: 'Uploads' });
    await uploads.waitFor();
    await uploads.getByText(/^Uploaded · /).waitFor({ timeout: 60_000 });
    await assertContains(uploads, uploadName, 'the upload panel names the file');
    await assertContains(uploads, '1 file uploaded', 'the upload panel says it is done');
    await page.getByRole('button', { name: uploadName, exact: true }).waitFor();
    await shot('files-uploaded.png');
    await uploads.getByRole('button', { name: 'Clear', exact: true }).click();

    // Rename with F2 on the focused row.
    await page.getByRole('button', { name: uploadName, exact: true }).focus();
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog', { name: 'Rename file' });
    const nameField = rename.getByLabel('New name');
    await nameField.fill('bad/name.txt');
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.getByText('Names cannot contain / or \\.').waitFor();
    await nameField.fill(renamedName);
    await nameField.press('Enter');
    await rename.waitFor({ state: 'detached' });
    const renamed = page.getByRole('button', { name: renamedName, exact: true });
    await renamed.waitFor();
    assert.equal(await page.getByRole('button', { name: uploadName, exact: true }).count(), 0);

    // Preview: text is shown as text.
    await renamed.click();
    const viewer = page.getByRole('dialog', { name: renamedName });
    const contents = viewer.getByLabel(`Contents of ${renamedName}`);
    await assertContains(contents, `Cloud Workspace e2e ${stamp}`, 'the preview shows the text');
    await shot('files-preview.png');
    await page.keyboard.press('Escape');
    await viewer.waitFor({ state: 'detached' });

    // Delete (to the trash) after confirming.
    await page.getByRole('checkbox', { name: `Select ${renamedName}` }).check();
    await page.keyboard.press('Delete');
    const confirm = page.getByRole('dialog', { name: `Delete “${renamedName}”?` });
    await confirm.getByRole('button', { name: 'Move to trash' }).click();
    await page.getByText(`Moved “${renamedName}” to the trash`).waitFor();
    await renamed.waitFor({ state: 'detached' });

    // Restore from the trash, then find it back in its folder.
    const views = page.getByRole('navigation', { name: 'File views' });
    await views.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trash' }).waitFor();
    const trash = page.getByRole('table', { name: 'Deleted items' });
    await trash.getByText(renamedName, { exact: true }).waitFor();
    await shot('files-trash.png');
    await trash.getByRole('button', { name: `Restore ${renamedName}` }).click();
    await page.getByText(`Restored “${renamedName}”`).waitFor();
    await trash.getByText(renamedName, { exact: true }).waitFor({ state: 'detached' });

    // The home page lists it among the recently changed files, with its folder, and opens it
    // as the file manager does.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Home' })
      .click();
    const recent = page
      .getByRole('region', { name: 'Files' })
      .getByRole('region', { name: 'Recently changed' });
    const entry = recent.getByRole('listitem').filter({ hasText: renamedName });
    await entry.getByText(`All files / ${folderName}`).waitFor();
    await shot('home.png');
    await entry.getByRole('button', { name: renamedName, exact: true }).click();
    const fromHome = page.getByRole('dialog', { name: renamedName });
    await assertContains(
      fromHome.getByLabel(`Contents of ${renamedName}`),
      `Cloud Workspace e2e ${stamp}`,
      'the file opened from the home page shows its text',
    );
    await page.keyboard.press('Escape');
    await fromHome.waitFor({ state: 'detached' });

    await page.goto(folderUrl);
    await page.getByRole('heading', { level: 1, name: folderName }).waitFor();
    await page.getByRole('button', { name: renamedName, exact: true }).waitFor();

    // Clean up: the folder goes to the trash and from there for good.
    await page
      .getByRole('navigation', { name: 'Folder path' })
      .getByRole('link', { name: 'All files' })
      .click();
    await page.getByRole('checkbox', { name: `Select ${folderName}` }).check();
    await page
      .getByRole('toolbar', { name: 'Selected items' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await page
      .getByRole('dialog', { name: `Delete “${folderName}”?` })
      .getByRole('button', { name: 'Move to trash' })
      .click();
    await page.getByRole('link', { name: folderName, exact: true }).waitFor({ state: 'detached' });
    await views.getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('button', { name: `More actions for ${folderName}` }).click();
    await page.getByRole('menuitem', { name: 'Delete forever' }).click();
    await page
      .getByRole('dialog', { name: `Delete “${folderName}” forever?` })
      .getByRole('button', { name: 'Delete forever' })
      .click();
    await page.getByText(folderName, { exact: true }).waitFor({ state: 'detached' });

    assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
  } catch (failure) {
    await page.screenshot({
      path: new URL('files-failure.png', outputDir).pathname,
      fullPage: true,
    });
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
  assert.fail(`${message}: expected "${expected}" in "${text.slice(0, 500)}"`);
}
