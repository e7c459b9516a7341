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

// The demo's users (channelboard serve --demo), all with one password.
export const demoPassword = process.env.CHANNELBOARD_DEMO_PASSWORD ?? 'channelboard-demo';
export const director = 'director@example.com';
export const manager = 'manager@example.com';
export const analyst = 'analyst@example.com';
export const dealerUser = (code) => `dealer-${code.toLowerCase()}@example.com`;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The browser logs a failed resource load as a console error; an anonymous
// page's /auth/me check answers 401 by design (and a wrong password too).
export const isExpected401 = (text) => /Failed to load resource: the server responded with a status of 401/.test(text);

// openPage starts Chromium with one page in English at a desktop size and
// collects everything the page logs as an error, so a test can assert the
// console stayed clean. With as: an email, it signs that user in through the
// sign-in screen first (the 401 of the anonymous start is not kept).
export async function openPage({ locale = 'en-US', as } = {}) {
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
  if (as) {
    await signIn(page, as);
    const kept = errors.filter((e) => !isExpected401(e));
    errors.length = 0;
    errors.push(...kept);
  }
  return { browser, context, page, errors };
}

// signIn signs email in through the sign-in screen, as a person would (the
// keyboard: type, Enter), and waits for the app. Sign-ins the server slows
// down (429) are waited out and tried again.
export async function signIn(page, email, { password = demoPassword, next } = {}) {
  assert.ok(base, 'set CHANNELBOARD_URL to the address of a running channelboard serve --demo');
  await page.goto(`${base}/signin${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  const form = page.getByTestId('signin');
  await form.waitFor({ timeout: 20000 });
  for (let attempt = 0; ; attempt++) {
    await page.getByTestId('signin-email').fill(email);
    await page.getByTestId('signin-password').fill(password);
    await page.getByTestId('signin-password').press('Enter');
    const outcome = await Promise.race([
      page.getByTestId('user-menu').waitFor({ timeout: 20000 }).then(() => 'in'),
      page.getByTestId('signin-error').waitFor({ timeout: 20000 }).then(() => 'error'),
    ]);
    if (outcome === 'in') break;
    const problem = await page.getByTestId('signin-error').getAttribute('data-problem');
    assert.equal(problem, 'throttled', `signing in ${email}: ${await page.getByTestId('signin-error').textContent()}`);
    assert.ok(attempt < 5, `signing in ${email}: still throttled`);
    await page.getByTestId('signin-error').waitFor({ state: 'detached', timeout: 40000 });
  }
}

// signOut uses the user menu and waits for the sign-in screen.
export async function signOut(page) {
  await page.getByTestId('user-menu-button').click();
  await page.getByTestId('sign-out').click();
  await page.getByTestId('signin').waitFor({ timeout: 15000 });
}

// login signs in as another client would (POST /auth/login) and returns the
// Cookie header that carries the session. 429s are waited out.
const cookies = new Map();
export async function login(email = director, password = demoPassword) {
  assert.ok(base, 'set CHANNELBOARD_URL to the address of a running channelboard serve --demo');
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status === 429 && attempt < 5) {
      await sleep(Number(res.headers.get('retry-after') ?? 1) * 1000 + 100);
      continue;
    }
    const body = await res.json();
    assert.equal(res.status, 200, `sign in ${email}: ${JSON.stringify(body)}`);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .find((c) => /session=/.test(c));
    assert.ok(cookie, `sign in ${email}: a session cookie`);
    return { cookie, user: body.user };
  }
}

async function cookieFor(email) {
  if (!cookies.has(email)) cookies.set(email, (await login(email)).cookie);
  return cookies.get(email);
}

// gqlRaw sends a GraphQL request with the given headers and returns the
// HTTP status and the body, errors and all.
export async function gqlRaw(query, variables = {}, headers = {}) {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json().catch(() => null) };
}

// gqlAs runs a GraphQL request as email, signed in with a session cookie.
export async function gqlAs(email, query, variables = {}) {
  const { body } = await gqlRaw(query, variables, { cookie: await cookieFor(email) });
  assert.ok(body && !body.errors, `GraphQL errors as ${email}: ${JSON.stringify(body?.errors)}`);
  return body.data;
}

export async function screenshot(page, name) {
  mkdirSync(shots, { recursive: true });
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: join(shots, `${name}.png`) });
}

// gql runs a GraphQL request as another client would, outside the browser,
// signed in as the director.
export async function gql(query, variables = {}) {
  return gqlAs(director, query, variables);
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
