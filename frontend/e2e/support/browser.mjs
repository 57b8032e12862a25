// Shared set-up of the browser tests: Debian's Chromium through playwright-core, with the flags this machine needs
// (no sandbox as root, no background networking on a closed network), and the environment the tests read.
import { mkdir } from 'node:fs/promises';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

/** Where the tests put their screenshots. */
export const outputDir = new URL('../output/', import.meta.url);

/** Launches headless Chromium (CHROMIUM_PATH, default /usr/bin/chromium). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The value of an environment variable the test cannot run without. */
export function requiredEnv(name) {
  const value = process.env[name];
  if (value === undefined || value === '') {
    throw new Error(`Set ${name} to run the browser test (see frontend/README.md).`);
  }
  return value;
}

/** Collects the page's script errors and Content Security Policy violations, for a final "none" assertion. */
export function watchPageErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // Failed requests (the silent refresh's 401) are logged too; only CSP violations count here.
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      errors.push(message.text());
    }
  });
  return errors;
}

/**
 * Starts Chromium before the tests of the calling file and closes it after them, when {@code enabled()} says the
 * tests run at all. Answers a function that gives the browser (undefined when not enabled).
 * @returns {() => import('playwright-core').Browser}
 */
export function browserForTests(enabled = () => true) {
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  before(async () => {
    if (!enabled()) {
      return;
    }
    await mkdir(outputDir, { recursive: true });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/** Signs in on the login page; the caller waits for what it expects next. */
export async function signIn(page, baseUrl, username, password) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/**
 * A page in a fresh browser context with the test's default timeout, and the list its script errors and CSP
 * violations go to.
 */
export async function openPage(browser, timeout, viewport = { width: 1280, height: 800 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(timeout);
  return { context, page, pageErrors: watchPageErrors(page) };
}
