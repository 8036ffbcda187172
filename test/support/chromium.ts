/**
 * Starts Debian's Chromium under playwright-core for the browser tests, so that no browser has
 * to be downloaded: playwright-core drives whatever executable it is given.
 */
import { type Browser, type Page, chromium } from 'playwright-core';

import { CHROMIUM_PATH } from '../../scripts/ensure-chromium.ts';

// Chromium talks to Google on its own (component updates, sync, safe browsing lists, QUIC
// probes). Those requests are not the page's, and on a machine without internet they only slow
// the start down, so they are switched off. `--no-sandbox` because the tests may run as root in
// a container, where Chromium's sandbox cannot start.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-quic',
  '--disable-sync',
];

/** A page in a freshly started Chromium. */
export interface ChromiumPage {
  /** A blank page, in a browser context of its own. */
  page: Page;
  /**
   * Closes the browser and waits until its process has exited. Safe to call more than once.
   * Playwright also kills the browser when the test process exits, but a test should not rely
   * on that.
   */
  close(): Promise<void>;
}

/**
 * Launches Chromium and opens one page. Playwright gives the browser a temporary profile of its
 * own and removes it on close, so runs do not share cookies, storage or cache.
 */
export async function openChromiumPage(): Promise<ChromiumPage> {
  const browser: Browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    return { page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
