// Browser test of the IDE against a running server with a runner and a Docker engine
// (started by ear/src/test/java/org/cloudworkspace/ui/BrowserIdeIT.java): create and start a workspace from the list,
// open it, create a file, edit it in Monaco and save with Ctrl+S, run a command in the xterm.js terminal and see its
// output, reload and find the same shell with its output replayed.
// Env: WORKSPACE_URL, WORKSPACE_ADMIN_USER, WORKSPACE_ADMIN_PASSWORD, IDE_E2E=true, optional CHROMIUM_PATH.
// Skipped unless IDE_E2E=true (it needs Docker).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { browserForTests, openPage, outputDir, requiredEnv, signIn } from './support/browser.mjs';

const enabled = process.env.IDE_E2E === 'true';
const TIMEOUT = 30_000;

const browser = browserForTests(() => enabled);

test(
  'open a workspace, edit and save a file, run a command in the terminal',
  { skip: enabled ? false : 'IDE_E2E is not true' },
  async () => {
    const baseUrl = requiredEnv('WORKSPACE_URL').replace(/\/+$/, '');
    const username = requiredEnv('WORKSPACE_ADMIN_USER');
    const password = requiredEnv('WORKSPACE_ADMIN_PASSWORD');
    assert.ok(browser());
    const { context, page, pageErrors } = await openPage(browser(), TIMEOUT, {
      width: 1400,
      height: 900,
    });
    const name = `browser-${Date.now().toString(36)}`;

    try {
      await signIn(page, baseUrl, username, password);
      const nav = page.getByRole('navigation', { name: 'Main' });
      await nav.waitFor();

      // The list page: create, start (progress shown), open.
      await nav.getByRole('link', { name: 'IDE' }).click();
      await page.waitForURL(/\/ide$/);
      await page.getByLabel('Workspace name').fill(name);
      await page.getByRole('button', { name: 'Create workspace' }).click();
      const row = page.locator(`tr[data-workspace="${name}"]`);
      await row.waitFor();
      await row.getByRole('button', { name: 'Start' }).click();
      await row.locator('[data-status="running"]').waitFor({ timeout: 90_000 });
      await page.screenshot({ path: new URL('ide-list.png', outputDir).pathname });
      await row.getByRole('link', { name: 'Open' }).click();
      await page.waitForURL(/\/ide\/[0-9a-f-]{36}$/);
      const workspaceId = page.url().split('/').pop();

      // A new file, edited in Monaco and saved with Ctrl+S.
      await page.getByRole('button', { name: 'New file' }).click();
      const dialog = page.getByRole('dialog', { name: 'New file' });
      await dialog.getByLabel('Path').fill('hello.sh');
      await dialog.getByRole('button', { name: 'Create' }).click();
      await page.locator('[data-path="hello.sh"]').waitFor();
      const editor = page.locator('.ide-editor__monaco .monaco-editor');
      await editor.waitFor();
      await editor.click();
      await page.keyboard.insertText('echo "saved-from-browser $((20+22))"');
      await page
        .getByRole('tab', { name: /hello\.sh/ })
        .getByLabel('unsaved changes')
        .waitFor();
      await page.keyboard.press('Control+s');
      await page
        .getByRole('tab', { name: /hello\.sh/ })
        .getByLabel('unsaved changes')
        .waitFor({ state: 'detached' });

      // The saved file is in the workspace: read it back through the API with the page's own session.
      const saved = await page.evaluate(async (id) => {
        const refresh = await fetch('/api/auth/refresh', {
          method: 'POST',
          credentials: 'same-origin',
        });
        const { accessToken } = await refresh.json();
        const response = await fetch(`/api/ide/workspaces/${id}/files/content?path=hello.sh`, {
          headers: { Authorization: `Bearer ${accessToken}` },
        });
        return response.text();
      }, workspaceId);
      assert.equal(saved, 'echo "saved-from-browser $((20+22))"');

      // The terminal runs it.
      const terminal = page.locator('.ide-terminal:not([hidden])');
      await terminal.locator('.xterm-rows').waitFor();
      await terminal.locator('.xterm-screen').click();
      await page.keyboard.type('bash hello.sh\n');
      await terminal.locator('.xterm-rows', { hasText: 'saved-from-browser 42' }).waitFor();
      await page.screenshot({ path: new URL('ide-workspace.png', outputDir).pathname });

      // A reload re-attaches to the same shell and replays its output.
      await page.reload();
      const again = page.locator('.ide-terminal:not([hidden]) .xterm-rows');
      await again.filter({ hasText: 'saved-from-browser 42' }).waitFor();

      // Clean up: delete the workspace from the list.
      await page.goto(`${baseUrl}/ide`);
      await page
        .locator(`tr[data-workspace="${name}"]`)
        .getByRole('button', { name: 'Delete' })
        .click();
      await page.getByRole('button', { name: 'Delete workspace' }).click();
      await page.locator(`tr[data-workspace="${name}"]`).waitFor({ state: 'detached' });

      assert.deepEqual(pageErrors, [], 'no script errors or CSP violations');
    } catch (failure) {
      await page.screenshot({
        path: new URL('ide-failure.png', outputDir).pathname,
        fullPage: true,
      });
      throw failure;
    } finally {
      await context.close();
    }
  },
);
