// Shared setup of the screen tests: Debian's Chromium driven by
// playwright-core against a running Channelboard with the demo data
// (CHANNELBOARD_URL). Not a test file itself (no .test. in the name).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const shots = join(here, 'screenshots');
export const base = (process.env.CHANNELBOARD_URL ?? '').replace(/\/$/, '');

// openPage starts Chromium with one page in English at a desktop size and
// collects everything the page logs as an error, so a test can assert the
// console stayed clean.
export async function openPage({ locale = 'en-US' } = {}) {
  assert.ok(base, 'set CHANNELBOARD_URL to the address of a running channelboard serve --demo');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({ locale, viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { browser, context, page, errors };
}

export async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

// gql runs a GraphQL request as another client would, outside the browser.
export async function gql(query, variables = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  assert.ok(!body.errors, `GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

// statusCount reads the number the screen's status bar shows.
export async function statusCount(page) {
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=total-count]')?.textContent ?? ''), null, { timeout: 15000 });
  return Number((await page.getByTestId('total-count').textContent()).replace(/\D/g, ''));
}

// waitForNewCount waits until the status bar shows a number other than prev.
export async function waitForNewCount(page, prev) {
  await page.waitForFunction(
    (p) => {
      const t = document.querySelector('[data-testid=total-count]')?.textContent ?? '';
      return /\d/.test(t) && Number(t.replace(/\D/g, '')) !== p;
    },
    prev,
    { timeout: 15000 },
  );
  return statusCount(page);
}

// waitForCount waits until the status bar shows exactly n.
export async function waitForCount(page, n) {
  await page.waitForFunction(
    (want) => Number((document.querySelector('[data-testid=total-count]')?.textContent ?? '').replace(/\D/g, '')) === want,
    n,
    { timeout: 20000 },
  );
}
