// Browser test of the admin console against a running server: an admin creates a user with a temporary password;
// the user signs in and must choose a new password before anything else (and finds no admin area: 403 page); the admin
// disables the user, and the user's open session stops at the next API call: back to sign-in with a message.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, optional CHROMIUM_PATH.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  browserForTests,
  outputDir,
  requiredEnv,
  signIn,
  watchPageErrors,
} from './support/browser.mjs';

const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
const adminName = requiredEnv('WORKSPACE_ADMIN_USER');
const adminPassword = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
const TIMEOUT = 20_000;

const browser = browserForTests();

async function newPage() {
  const context = await browser().newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  return { page, errors: watchPageErrors(page) };
}

function shot(page, name) {
  return page.screenshot({
    path: new URL(`admin-${name}.png`, outputDir).pathname,
    fullPage: true,
  });
}

test('admin creates a user who must change the password; disabling ends the open session', async () => {
  const username = `e2e-${Date.now().toString(36)}`;
  const temporary = `Temp-${Math.random().toString(36).slice(2)}-horse-battery`;
  const chosen = `Own-${Math.random().toString(36).slice(2)}-staple-correct`;
  const admin = await newPage();
  const user = await newPage();

  try {
    // The admin creates the account from the Users page.
    await signIn(admin.page, baseUrl, adminName, adminPassword);
    const nav = admin.page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Admin' }).click();
    await admin.page.waitForURL(/\/admin\/users$/);
    await admin.page.getByRole('table', { name: 'Users' }).waitFor();
    await admin.page.getByRole('button', { name: 'New user' }).click();
    const form = admin.page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Username').fill(username);
    await form.getByLabel('Full name').fill('E2E Person');
    await form.getByLabel('Email').fill(`${username}@example.org`);
    await form.getByLabel('Temporary password').fill(temporary);
    assert.equal(await form.getByLabel(/Must choose a new password/).isChecked(), true);
    await admin.page.getByRole('button', { name: 'Create user' }).click();
    await admin.page.getByRole('dialog').waitFor({ state: 'detached' });
    await admin.page.getByLabel('Search users').fill(username);
    const row = admin.page.locator(`tr[data-username="${username}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /Temporary password/);
    assert.match(await row.innerText(), /Never/);
    await shot(admin.page, 'users');

    // The user signs in with the temporary password and must choose a new one before anything else.
    await signIn(user.page, baseUrl, username, temporary);
    await user.page.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    assert.equal(
      await user.page.getByRole('navigation', { name: 'Main' }).count(),
      0,
      'no workspace yet',
    );
    await shot(user.page, 'must-change-password');
    await user.page.getByLabel('Current password').fill(temporary);
    await user.page.getByLabel('New password', { exact: true }).fill(chosen);
    await user.page.getByLabel('Confirm new password').fill(chosen);
    await user.page.getByRole('button', { name: 'Change password' }).click();
    const userNav = user.page.getByRole('navigation', { name: 'Main' });
    await userNav.getByRole('link', { name: 'Profile' }).waitFor();
    assert.equal(
      await userNav.getByRole('link', { name: 'Admin' }).count(),
      0,
      'no admin entry for users',
    );
    await user.page.goto(`${baseUrl}/admin/users`);
    await user.page.getByTestId('forbidden').waitFor();
    await user.page.getByText('403 — administrators only').waitFor();
    await userNav.getByRole('link', { name: 'Home' }).click();
    await user.page.getByRole('heading', { level: 1, name: /^Welcome, / }).waitFor();

    // The admin sees the sign-in and disables the user.
    await admin.page.reload();
    await admin.page.getByLabel('Search users').fill(username);
    await row.waitFor();
    await row.getByRole('button', { name: `Actions for ${username}` }).click();
    await admin.page.getByRole('menuitem', { name: 'Disable' }).click();
    await admin.page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click();
    await admin.page.getByRole('dialog').waitFor({ state: 'detached' });
    await row.getByText('Disabled').waitFor();
    await shot(admin.page, 'disabled');

    // The user's next API call fails: back to sign-in, with a message.
    await userNav.getByRole('link', { name: 'Profile' }).click();
    await user.page.waitForURL(/\/login$/);
    await user.page.getByText('Your session has ended — please sign in again.').waitFor();
    await shot(user.page, 'session-ended');
    await user.page.getByLabel('Username').fill(username);
    await user.page.getByLabel('Password').fill(chosen);
    await user.page.getByRole('button', { name: 'Sign in' }).click();
    await user.page.getByRole('form', { name: 'Sign in' }).getByRole('alert').waitFor();
    assert.match(user.page.url(), /\/login$/, 'a disabled user cannot sign in again');

    assert.deepEqual(admin.errors, [], 'no script errors or CSP violations (admin)');
    assert.deepEqual(user.errors, [], 'no script errors or CSP violations (user)');
  } catch (error) {
    await shot(admin.page, 'failure-admin').catch(() => {});
    await shot(user.page, 'failure-user').catch(() => {});
    throw error;
  }
});

test('the admin console shows sessions, the audit log, settings and system status', async () => {
  const admin = await newPage();
  try {
    await signIn(admin.page, baseUrl, adminName, adminPassword);
    await admin.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Admin' })
      .click();
    const tabs = admin.page.getByRole('navigation', { name: 'Administration' });

    await tabs.getByRole('link', { name: 'Sessions' }).click();
    await admin.page
      .locator(`table[aria-label="Open sessions"] tr[data-username="${adminName}"]`)
      .first()
      .waitFor();

    await tabs.getByRole('link', { name: 'Audit log' }).click();
    const audit = admin.page.getByRole('table', { name: 'Audit events' });
    await audit.waitFor();
    await admin.page.getByLabel('Type').selectOption('auth.sign_in');
    await admin.page.getByRole('button', { name: 'Filter' }).click();
    await audit.getByText('auth.sign_in').first().waitFor();
    const download = admin.page.waitForEvent('download');
    await admin.page.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    assert.match(file.suggestedFilename(), /^audit-log-.*\.csv$/);

    await tabs.getByRole('link', { name: 'Settings' }).click();
    const retention = admin.page.getByLabel(/Days audit events are kept/);
    await retention.fill('not a number');
    await admin.page.getByRole('button', { name: 'Save changes' }).click();
    await admin.page.getByText('Nothing was saved: correct the settings marked below.').waitFor();
    await admin.page.getByText('INVENTORY_PRO_SHARED_SECRET').waitFor();
    await shot(admin.page, 'settings');

    await tabs.getByRole('link', { name: 'System status' }).click();
    await admin.page.getByRole('article', { name: 'Database' }).getByText('Up').waitFor();
    await admin.page.getByRole('link', { name: 'Prometheus metrics' }).waitFor();
    await shot(admin.page, 'status');
    assert.deepEqual(admin.errors, [], 'no script errors or CSP violations');
  } catch (error) {
    await shot(admin.page, 'failure-console').catch(() => {});
    throw error;
  }
});
