/**
 * The rendered API docs, `docs/index.html`, opened from disk in Chromium the way a reader would:
 * the page must load nothing from the network and must show what the accounts spec says about
 * both operations (summaries, deprecation, enum values and default, servers, the
 * `operations:delete` path). `npm test` builds the docs first; run alone, this file builds them
 * if they are missing or older than the spec.
 *
 * The locators follow what Redoc 3 renders: the sidebar menu, one section per operation with the
 * operation's method and path in a dropdown of servers in its right-hand panel.
 */
import { mkdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { Locator, Page } from 'playwright-core';
import { describe, test, expect, beforeAll, afterAll } from 'vitest';

import { ACCOUNTS_DOCS, buildDocs } from '../scripts/build-docs.ts';
import { ACCOUNTS_SPEC } from '../scripts/prism.ts';
import { type ChromiumPage, openChromiumPage } from './support/chromium.ts';

const root = resolve(import.meta.dirname, '..');
const SCREENSHOT = join(root, '.artifacts', 'docs.png');

// Starting Chromium and rendering 2.5 MB of inlined Redoc takes seconds on a laptop and can take
// a minute on a loaded CI machine.
const BROWSER_TIMEOUT_MS = 120_000;

const SERVERS = [
  'https://api.d1.thalescloud.io/banking/v1',
  'https://api.d1-stg.thalescloud.io/banking/v1',
];
const REGISTER = { summary: 'Register account', path: '/issuers/{issuerId}/accounts/{accountId}' };
const DELETE = {
  summary: 'Delete account',
  path: '/issuers/{issuerId}/accounts/{accountId}/operations:delete',
};

/** Rebuilds the docs unless `docs/index.html` exists and is newer than the accounts spec. */
async function ensureDocsBuilt(): Promise<void> {
  const [docs, spec] = await Promise.all([
    stat(ACCOUNTS_DOCS).catch(() => undefined),
    stat(ACCOUNTS_SPEC),
  ]);
  if (docs === undefined || docs.mtimeMs < spec.mtimeMs) {
    await buildDocs();
  }
}

/** Requests that stay on this machine: the page itself and what it embeds. */
function isLocal(url: string): boolean {
  return url.startsWith('file:') || url.startsWith('data:');
}

/**
 * Saves a screenshot of the whole page. Redoc renders only the sections near the viewport and
 * sticks its sidebar to it, so a plain full-page screenshot shows blank space above the current
 * section and the sidebar halfway down; with a viewport as tall as the page, every section is
 * rendered in its place.
 */
async function screenshotWholePage(page: Page, path: string): Promise<void> {
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: page.viewportSize()?.width ?? 1440, height });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path, fullPage: true });
}

describe('the rendered API docs', { timeout: BROWSER_TIMEOUT_MS }, () => {
  let browser: ChromiumPage | undefined;
  let page: Page;
  const remoteRequests: string[] = [];
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    await ensureDocsBuilt();
    browser = await openChromiumPage();
    page = browser.page;

    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') {
        consoleErrors.push(message.text());
      }
    });

    // on the context, so that requests of workers and popups are caught as well as the page's
    await page.context().route('**/*', async (route) => {
      const url = route.request().url();
      if (isLocal(url)) {
        await route.continue();
        return;
      }
      remoteRequests.push(`${route.request().method()} ${url}`);
      await route.abort('blockedbyclient');
    });

    await page.goto(pathToFileURL(ACCOUNTS_DOCS).href, { waitUntil: 'load' });
    await page.getByRole('heading', { level: 2, name: 'Deprecated' }).waitFor();
  }, BROWSER_TIMEOUT_MS);

  afterAll(async () => {
    try {
      // taken here, so that a failing run leaves a picture of what was on the screen
      if (browser !== undefined) {
        await mkdir(join(root, '.artifacts'), { recursive: true });
        await screenshotWholePage(page, SCREENSHOT);
      }
    } finally {
      await browser?.close();
    }
  }, BROWSER_TIMEOUT_MS);

  /** The sidebar's menu of tags and operations. */
  const sidebar = () => page.locator('[data-component-name="Menu/Menu"]').first();

  /**
   * Opens an operation from the sidebar, as a reader would, and returns its section once it
   * shows the operation's summary as a heading.
   */
  async function openOperation(summary: string): Promise<Locator> {
    const link = sidebar().getByRole('link', { name: summary });
    if (!(await link.isVisible())) {
      await sidebar().getByRole('link', { name: 'Deprecated', exact: true }).click();
    }
    await link.click();

    const heading = page.getByRole('heading', { level: 2, name: summary });
    await heading.waitFor();
    return page.locator('[data-section-id]').filter({ has: heading });
  }

  /** The text of `locator` as it is rendered (hidden elements left out), once it is visible. */
  async function visibleText(locator: Locator): Promise<string> {
    await locator.waitFor({ state: 'visible' });
    return locator.innerText();
  }

  /** Opens the method-and-path dropdown of an operation and returns the servers it lists. */
  async function serversOf(section: Locator, path: string): Promise<string> {
    const dropdown = section.getByRole('button', { name: path });
    await dropdown.click();
    const servers = await visibleText(section.getByRole('menu'));
    // closed again, so that the next step and the screenshot see the page as it was
    await page.keyboard.press('Escape');
    return servers;
  }

  test('shows both operations by summary, each marked deprecated', async () => {
    for (const { summary } of [REGISTER, DELETE]) {
      const section = await openOperation(summary);
      const heading = await visibleText(section.getByRole('heading', { level: 2 }));
      expect(heading).toContain(summary);
      // Redoc puts a "Deprecated" badge beside the summary of a deprecated operation
      expect(heading, `${summary} has no Deprecated badge`).toMatch(/\bDeprecated\b/);
    }

    // The tag of both operations is also called "Deprecated", so the word alone proves nothing:
    // only badges in the headings of operations count.
    const badges = page
      .locator('[data-item-kind="httpItem"] h2 [data-component-name="Tag/Tag"]')
      .filter({ hasText: /^deprecated$/i, visible: true });
    expect(await badges.count()).toBeGreaterThanOrEqual(2);
  });

  test('shows the account states and the reason codes with their default', async () => {
    const register = await visibleText(await openOperation(REGISTER.summary));
    expect(register).toContain('"ACTIVE"');
    expect(register).toContain('"INACTIVE"');

    const remove = await visibleText(await openOperation(DELETE.summary));
    expect(remove).toContain('"USER_DECISION"');
    expect(remove).toContain('"ISSUER_DECISION"');
    expect(remove).toMatch(/Default:\s*"ISSUER_DECISION"/);
  });

  test("lists both servers in each operation's dropdown of URLs", async () => {
    for (const { summary, path } of [REGISTER, DELETE]) {
      const servers = await serversOf(await openOperation(summary), path);
      for (const server of SERVERS) {
        expect(servers, `${summary} does not list ${server}`).toContain(`${server}${path}`);
      }
    }
  });

  test('shows the operations:delete path with its colon as it is sent', async () => {
    const section = await openOperation(DELETE.summary);
    const path = await visibleText(section.getByRole('button', { name: DELETE.path }));
    expect(path).toContain(DELETE.path);
    expect(await visibleText(section)).not.toContain('operations%3Adelete');
  });

  // last, so that it covers the requests and errors of every click above as well as the load
  test('made no request to the network and raised no error', () => {
    const blocked = `requests that would have left the machine: ${remoteRequests.join(', ')}`;
    expect(remoteRequests.length, blocked).toBe(0);
    expect(pageErrors, 'uncaught errors in the page').toEqual([]);
    expect(consoleErrors, 'errors in the browser console').toEqual([]);
  });
});
