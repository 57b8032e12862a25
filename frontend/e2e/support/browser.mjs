// Shared set-up of the browser tests: Debian's Chromium through playwright-core, with the flags this machine needs
// (no sandbox as root, no background networking on a closed network), and the environment the tests read.
import { chromium } from 'playwright-core';

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
