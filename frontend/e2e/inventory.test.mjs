// Browser test of the InventoryPro single sign-on hand-off against a running server and the tests' InventoryPro
// stand-in (started by ear/src/test/java/org/cloudworkspace/ui/BrowserInventoryIT.java).
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, INVENTORY_PRO_STANDIN_URL, optional CHROMIUM_PATH.
// Skipped when INVENTORY_PRO_STANDIN_URL is not set (the sign-in browser test runs every file in e2e/).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const standInUrl = process.env.INVENTORY_PRO_STANDIN_URL?.replace(/\/+$/, '');
const TIMEOUT = 15_000;

const browser = browserForTests(() => !(standInUrl === undefined || standInUrl === ''));

test(
  'Open InventoryPro lands on InventoryPro signed in with a one-time ticket',
  {
    skip:
      standInUrl === undefined || standInUrl === ''
        ? 'INVENTORY_PRO_STANDIN_URL is not set'
        : false,
  },
  async () => {
    const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
    const username = requiredEnv('WORKSPACE_ADMIN_USER');
    const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
    assert.ok(browser());
    const context = await browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));

    try {
      await signIn(page, baseUrl, username, password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.waitFor();

      await nav.getByRole('link', { name: 'Inventory' }).click();
      await page.waitForURL(/\/inventory$/);
      await page.getByRole('heading', { level: 1, name: 'Inventory' }).waitFor();
      await page.screenshot({ path: new URL('inventory.png', outputDir).pathname });

      await page.getByRole('button', { name: 'Open InventoryPro' }).click();
      await page.waitForURL((url) => url.href.startsWith(`${standInUrl}/sso/login?`));
      const landed = new URL(page.url());
      assert.match(landed.searchParams.get('ticket') ?? '', /^ST-[A-Za-z0-9_-]{43}$/);
      assert.equal(landed.searchParams.get('service'), standInUrl);
      const greeting = page.locator('#user');
      await greeting.waitFor();
      assert.equal((await greeting.innerText()).trim(), `Signed in as ${username}`);
      await page.screenshot({ path: new URL('inventorypro-landed.png', outputDir).pathname });

      assert.deepEqual(pageErrors, [], 'no script errors');
    } catch (failure) {
      await page.screenshot({
        path: new URL('inventory-failure.png', outputDir).pathname,
        fullPage: true,
      });
      throw failure;
    } finally {
      await context.close();
    }
  },
);
