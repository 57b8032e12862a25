// Browser test of sharing against a running server: upload with progress and rename in the file
// manager, share the folder by a password-protected link from the share dialog, open the link in a
// fresh browser context (no cookies, nobody signed in): password, listing, preview of text and an
// image, download; a file drop with progress, and revoking the link.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import {
  browserForTests,
  openPage,
  outputDir,
  requiredEnv,
  signIn,
  watchPageErrors,
} from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const username = requiredEnv('WORKSPACE_ADMIN_USER');
const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
const TIMEOUT = 15_000;
const LINK_PASSWORD = 'purple elephant sunrise';
// A 2×2 PNG, to check that the public page previews images.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

const browser = browserForTests();

test('share a folder by link and open it in a fresh browser context', async () => {
  const {
    context: owner,
    page,
    pageErrors,
  } = await openPage(browser(), TIMEOUT, { width: 1280, height: 900 });
  const stamp = `${Date.now()}`;
  const folderName = `e2e share ${stamp}`;
  const uploadName = `notes-${stamp}.txt`;
  const renamedName = `shared-notes-${stamp}.txt`;
  const text = `Shared by link ${stamp}\n${'All work and no play.\n'.repeat(30_000)}`;
  const shot = (target, name) => target.screenshot({ path: new URL(name, outputDir).pathname });
  /** @type {import('playwright-core').BrowserContext | undefined} */
  let visitorContext;

  try {
    await signIn(page, baseUrl, username, password);
    // The first sign-in on a freshly started server (Argon2 on a busy machine) may take a while.
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Files' })
      .click({ timeout: 60_000 });
    await page.getByRole('heading', { level: 1, name: 'All files' }).waitFor();

    await page.getByRole('button', { name: 'New folder' }).click();
    const newFolder = page.getByRole('dialog', { name: 'New folder' });
    await newFolder.getByLabel('Folder name').fill(folderName);
    await newFolder.getByRole('button', { name: 'Create folder' }).click();
    await newFolder.waitFor({ state: 'detached' });
    await page.getByRole('link', { name: folderName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: folderName }).waitFor();

    // Upload with progress (the upload is throttled so that the progress shows), then rename.
    const cdp = await owner.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: 256 * 1024,
    });
    await page.locator('input[type="file"][aria-label="Upload files"]').setInputFiles([
      { name: uploadName, mimeType: 'text/plain', buffer: Buffer.from(text) },
      { name: 'picture.png', mimeType: 'image/png', buffer: PNG },
    ]);
    const uploads = page.getByRole('region', { name: 'Uploads' });
    const progress = uploads.getByRole('progressbar', { name: `Uploading ${uploadName}` });
    await progress.waitFor();
    await page.waitForFunction(
      (element) => Number(element?.getAttribute('aria-valuenow') ?? 0) > 0,
      await progress.elementHandle(),
    );
    await shot(page, 'sharing-upload-progress.png');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await assertContains(
      uploads,
      '2 files uploaded',
      'the upload panel says both are done',
      60_000,
    );
    await page.getByRole('button', { name: uploadName, exact: true }).focus();
    await page.keyboard.press('F2');
    const rename = page.getByRole('dialog', { name: 'Rename file' });
    await rename.getByLabel('New name').fill(renamedName);
    await rename.getByRole('button', { name: 'Rename' }).click();
    await rename.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: renamedName, exact: true }).waitFor();

    // Share the folder by a password-protected link, from the parent folder's list.
    await page
      .getByRole('navigation', { name: 'Folder path' })
      .getByRole('link', { name: 'All files' })
      .click();
    await page.getByRole('button', { name: `Actions for ${folderName}` }).click();
    await page.getByRole('menuitem', { name: 'Share' }).click();
    const dialog = page.getByRole('dialog', { name: `Share “${folderName}”` });
    const linkForm = dialog.getByRole('form', { name: 'New public link' });
    await linkForm.getByLabel('Password (optional)').fill('password1');
    await linkForm.getByRole('button', { name: 'Create link' }).click();
    await linkForm.getByText(/commonly used/).waitFor();
    await linkForm.getByLabel('Password (optional)').fill(LINK_PASSWORD);
    await linkForm.getByRole('button', { name: 'Create link' }).click();
    const address = dialog.getByLabel('Link address');
    await address.waitFor();
    const linkUrl = await address.inputValue();
    assert.match(linkUrl, new RegExp(`^${escape(baseUrl)}/s/[A-Za-z0-9_-]{32}$`));
    await assertContains(dialog, 'password protected', 'the link shows its password');
    await assertContains(dialog, '0 downloads', 'no downloads yet');
    await shot(page, 'sharing-dialog.png');
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('img', { name: `${folderName} is shared by link` }).waitFor();

    // A fresh context: no cookies, no session; the public page needs no sign-in.
    visitorContext = await browser().newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const visitor = await visitorContext.newPage();
    visitor.setDefaultTimeout(TIMEOUT);
    const visitorErrors = watchPageErrors(visitor);
    await visitor.goto(linkUrl);
    await visitor.getByRole('heading', { name: 'This link is protected' }).waitFor();
    assert.equal(
      await visitor.getByRole('navigation', { name: 'Main' }).count(),
      0,
      'outside the signed-in layout',
    );
    await visitor.getByLabel('Password').fill('not the password');
    await visitor.getByRole('button', { name: 'Open' }).click();
    await visitor.getByText('That password is not correct.').waitFor();
    await visitor.getByLabel('Password').fill(LINK_PASSWORD);
    await visitor.getByRole('button', { name: 'Open' }).click();
    await visitor.getByRole('heading', { level: 1, name: folderName }).waitFor();
    const files = visitor.getByRole('table', { name: `Files in ${folderName}` });
    await files.getByRole('button', { name: renamedName, exact: true }).waitFor();
    await shot(visitor, 'sharing-public-folder.png');

    // Preview of the text file, then download it from the preview.
    await files.getByRole('button', { name: renamedName, exact: true }).click();
    const preview = visitor.getByRole('dialog', { name: renamedName });
    await assertContains(
      preview.getByLabel(`Contents of ${renamedName}`),
      `Shared by link ${stamp}`,
      'text preview',
    );
    const [download] = await Promise.all([
      visitor.waitForEvent('download'),
      preview.getByRole('link', { name: 'Download' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), renamedName);
    const saved = await readFile(await download.path(), 'utf8');
    assert.equal(saved, text, 'the downloaded bytes are the uploaded ones');
    await visitor.keyboard.press('Escape');
    await preview.waitFor({ state: 'detached' });

    // Preview of the image.
    await files.getByRole('button', { name: 'picture.png', exact: true }).click();
    const image = visitor
      .getByRole('dialog', { name: 'picture.png' })
      .getByRole('img', { name: 'picture.png' });
    await image.waitFor();
    await visitor.waitForFunction(
      (element) => element.complete && element.naturalWidth === 2,
      await image.elementHandle(),
    );
    await shot(visitor, 'sharing-public-image.png');
    await visitor.keyboard.press('Escape');
    assert.equal(
      (await visitorContext.cookies()).some((c) => c.name === 'cw_refresh'),
      false,
      'never signed in',
    );

    // Back to the owner's share dialog.
    await page.getByRole('button', { name: `Actions for ${folderName}` }).click();
    await page.getByRole('menuitem', { name: 'Share' }).click();
    await dialog.getByLabel('Link address').waitFor();

    // A file drop on the same folder: the visitor uploads with progress and sees nothing of the folder.
    await dialog.getByLabel('What visitors of the new link may do').selectOption('upload');
    await dialog.getByRole('button', { name: 'Create link' }).click();
    await dialog.getByText(/^Upload only \(file drop\) ·/).waitFor();
    const dropUrl = await dialog.getByLabel('Link address').nth(1).inputValue();
    await visitor.goto(dropUrl);
    await visitor.getByRole('heading', { name: `Upload files to “${folderName}”` }).waitFor();
    assert.equal(await visitor.getByText(renamedName).count(), 0, 'a file drop lists nothing');
    await visitor.getByLabel('Choose files to upload').setInputFiles({
      name: renamedName,
      mimeType: 'text/plain',
      buffer: Buffer.from(`dropped ${stamp}\n${'x'.repeat(2_000_000)}`),
    });
    // The drop list's progress bar (role and label; it may be collapsed to no height while small).
    await visitor
      .getByRole('progressbar', { name: `Upload of ${renamedName}` })
      .waitFor({ state: 'attached' });
    await visitor
      .getByText(/^Uploaded as “shared-notes-.* \(2\)\.txt”$/)
      .waitFor({ timeout: 60_000 });
    await shot(visitor, 'sharing-file-drop.png');

    // Revoking the first link: the visitor's page no longer opens.
    await dialog.getByRole('button', { name: 'Revoke' }).first().click();
    await page.getByText('Link revoked').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await visitor.goto(linkUrl);
    await visitor.getByRole('heading', { name: 'This link does not work' }).waitFor();

    assert.deepEqual(visitorErrors, [], 'no script errors or CSP violations on the public page');

    // Clean up: the folder goes to the trash.
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
    assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
  } catch (failure) {
    await page.screenshot({
      path: new URL('sharing-failure.png', outputDir).pathname,
      fullPage: true,
    });
    for (const other of visitorContext?.pages() ?? []) {
      await other.screenshot({
        path: new URL('sharing-failure-visitor.png', outputDir).pathname,
        fullPage: true,
      });
    }
    throw failure;
  } finally {
    await visitorContext?.close();
    await owner.close();
  }
});

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Waits until the element's text contains the expected text. */
async function assertContains(locator, expected, message, timeout = TIMEOUT) {
  const deadline = Date.now() + timeout;
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
