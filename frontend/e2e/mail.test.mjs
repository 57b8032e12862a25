// Browser test of mail against a running server and the tests' GreenMail (started by
// ear/src/test/java/org/cloudworkspace/ui/BrowserMailIT.java, which also checks what arrived by SMTP).
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, MAIL_E2E_EMAIL, MAIL_E2E_PASSWORD,
// MAIL_E2E_IMAP_PORT, MAIL_E2E_SMTP_PORT, MAIL_E2E_SUBJECT, optional CHROMIUM_PATH.
// Skipped when MAIL_E2E_EMAIL is not set (the sign-in browser test runs every file in e2e/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const email = process.env.MAIL_E2E_EMAIL;
const TIMEOUT = 20_000;

const browser = browserForTests(() => !(email === undefined || email === ''));

test(
  'add an account, read a message with blocked remote images, reply with an attachment',
  { skip: email === undefined || email === '' ? 'MAIL_E2E_EMAIL is not set' : false },
  async () => {
    const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
    const subject = requiredEnv('MAIL_E2E_SUBJECT');
    assert.ok(browser());
    const {
      context,
      page,
      pageErrors: errors,
    } = await openPage(browser(), TIMEOUT, { width: 1400, height: 900 });
    try {
      await signIn(
        page,
        baseUrl,
        requiredEnv('WORKSPACE_ADMIN_USER'),
        requiredEnv('WORKSPACE_ADMIN_PASSWORD'),
      );
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.getByRole('link', { name: 'Mail' }).click();
      await page.waitForURL(/\/mail$/);

      // Add the account: the server tests IMAP and SMTP before saving it.
      await page
        .getByRole('button', { name: /Add (mail )?account/ })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Your name').fill('Ada Browser');
      await dialog.getByLabel('E-mail address').fill(requiredEnv('MAIL_E2E_EMAIL'));
      await dialog.getByLabel('IMAP server').fill('127.0.0.1');
      await dialog.getByLabel('IMAP security').selectOption('none');
      await dialog.getByLabel('IMAP port').fill(requiredEnv('MAIL_E2E_IMAP_PORT'));
      await dialog.getByLabel('IMAP username').fill(requiredEnv('MAIL_E2E_EMAIL'));
      await dialog.getByLabel('IMAP password').fill(requiredEnv('MAIL_E2E_PASSWORD'));
      await dialog.getByLabel('SMTP server').fill('127.0.0.1');
      await dialog.getByLabel('SMTP security').selectOption('none');
      await dialog.getByLabel('SMTP port').fill(requiredEnv('MAIL_E2E_SMTP_PORT'));
      await dialog.getByRole('button', { name: 'Test connection' }).click();
      await dialog.getByText('Both servers accepted the sign-in.').waitFor();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });

      // Read the message: its remote image is blocked, the sanitized body shows in the sandboxed frame.
      const list = page.getByRole('listbox', { name: 'Messages' });
      await list.getByRole('option', { name: new RegExp(subject) }).click();
      await page.getByRole('heading', { level: 2, name: subject }).waitFor();
      await page.getByText('Remote images were blocked to protect your privacy.').waitFor();
      const frameElement = page.locator('iframe[title="Message body"]');
      assert.equal(
        await frameElement.getAttribute('sandbox'),
        'allow-popups allow-popups-to-escape-sandbox',
      );
      const frame = page.frameLocator('iframe[title="Message body"]');
      await frame.getByText('Hello from the browser test').waitFor();
      assert.equal(
        await frame.locator('img[src^="http"]').count(),
        0,
        'no remote image in the frame',
      );
      assert.equal(await frame.locator('script').count(), 0, 'no script in the frame');
      await page.screenshot({ path: new URL('mail-read.png', outputDir).pathname });

      // Reply with an attachment.
      await page.getByRole('button', { name: 'Reply', exact: true }).click();
      const compose = page.getByRole('dialog', { name: 'New message' });
      assert.match(await compose.getByLabel('Subject').inputValue(), /^Re: /);
      await compose.getByLabel('Message text').fill('Thanks, see the attached notes.');
      await compose.locator('input[type="file"]').setInputFiles({
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('notes from the browser'),
      });
      await compose.getByRole('button', { name: 'Remove attachment notes.txt' }).waitFor();
      await compose.getByRole('button', { name: 'Send' }).click();
      await compose.waitFor({ state: 'detached' });
      await page.getByText('Message sent').waitFor();

      // Allow the remote images of this message: now the frame may load them.
      await page.getByRole('button', { name: 'Show images' }).click();
      await frame.locator('img[src^="http"]').waitFor({ state: 'attached' });
      await page.screenshot({ path: new URL('mail-images.png', outputDir).pathname });
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  },
);
