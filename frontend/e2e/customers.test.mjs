// End-to-end test of the Customers screen in a real browser: Debian's
// Chromium driven by playwright-core against a running Channelboard with the
// demo data (CHANNELBOARD_URL, e.g. http://127.0.0.1:18080). No mocks: every
// row on screen comes from the real server and database.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { director, gql, isExpected401, signIn } from './browser.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const shots = join(here, 'screenshots');
const base = (process.env.CHANNELBOARD_URL ?? '').replace(/\/$/, '');
// The seed-000 story customer that the demo data always contains.
const storyFragment = process.env.CHANNELBOARD_E2E_SEARCH ?? 'Агро Инвест Ямбол';

let browser;
let page;
const pageErrors = [];

before(async () => {
  assert.ok(base, 'set CHANNELBOARD_URL to the address of a running channelboard serve --demo');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  // Signed in as the channel director, through the sign-in screen; the
  // anonymous start's 401 from /auth/me is expected, nothing else is.
  await signIn(page, director);
  const kept = pageErrors.filter((e) => !isExpected401(e));
  pageErrors.length = 0;
  pageErrors.push(...kept);
});

after(async () => {
  await browser?.close();
});

const rows = () => page.locator('.grid-row[data-row-index]');

async function totalCount() {
  const el = page.getByTestId('total-count');
  await page.waitForFunction(() => /\d/.test(document.querySelector('[data-testid=total-count]')?.textContent ?? ''));
  return Number((await el.textContent()).replace(/\D/g, ''));
}

// waitForCount waits until the status bar shows a total different from prev,
// which is how the grid says a new query has answered.
async function waitForNewTotal(prev) {
  await page.waitForFunction(
    (p) => {
      const t = document.querySelector('[data-testid=total-count]')?.textContent ?? '';
      return /\d/.test(t) && Number(t.replace(/\D/g, '')) !== p;
    },
    prev,
    { timeout: 15000 },
  );
  await page.waitForSelector('.grid-row[data-row-index], .state', { timeout: 15000 });
  return totalCount();
}

test('customers screen: owners, filters, detail with ownership history', async () => {
  await page.goto(`${base}/customers`);
  await rows().first().waitFor({ timeout: 20000 });
  const all = await totalCount();
  assert.ok(all >= 100, `demo data should have many customers, the grid says ${all}`);
  assert.ok((await rows().count()) > 10, 'the grid shows a screenful of rows');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');

  // Each owner kind has customers, and its rows carry that kind's chip.
  const seen = {};
  for (const [mode, kind] of [
    ['direct', 'direct'],
    ['unassigned', 'unassigned'],
    ['anyDealer', 'dealer'],
  ]) {
    const before = await totalCount();
    await page.getByTestId('owner-filter').selectOption(mode);
    const n = await waitForNewTotal(before);
    assert.ok(n > 0 && n < all, `${mode}: ${n} of ${all} customers`);
    await rows().first().waitFor();
    const kinds = await rows().locator('[data-owner-kind]').evaluateAll((els) => els.map((e) => e.dataset.ownerKind));
    assert.ok(kinds.length > 0, `${mode}: rows have owner chips`);
    assert.deepEqual([...new Set(kinds)], [kind], `${mode}: every visible chip is ${kind}`);
    seen[kind] = n;
  }
  assert.equal(seen.direct + seen.unassigned + seen.dealer, all, 'the three owner kinds partition the customers');

  await page.getByTestId('owner-filter').selectOption('all');
  assert.equal(await waitForNewTotal(seen.dealer), all);

  // Text search narrows the grid to the story customer.
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'customer-search');
  await page.keyboard.type(storyFragment);
  // Wait for the rows of the whole fragment, not of a prefix typed so far.
  await page.waitForFunction(
    (s) => {
      const el = document.querySelector('[data-testid=total-count]');
      return el?.dataset.search === s && /\d/.test(el.textContent ?? '');
    },
    storyFragment,
    { timeout: 15000 },
  );
  const found = await totalCount();
  const typed = await page.getByTestId('customer-search').inputValue();
  assert.ok(found >= 1 && found < all, `search "${storyFragment}" (typed "${typed}") found ${found} of ${all}`);
  const names = await rows().locator('.cell-name').allTextContents();
  assert.ok(names.length >= 1, 'the matches are on screen');
  for (const name of names) {
    assert.ok(name.toLowerCase().includes(storyFragment.toLowerCase()), `"${name}" matches "${storyFragment}"`);
  }

  // Clicking a row opens the detail with its ownership history.
  await rows().first().click();
  await page.waitForURL(/\/customers\/[^/]+$/);
  const detail = page.locator('section.detail');
  await detail.locator('.timeline-entry').first().waitFor({ timeout: 15000 });
  assert.ok((await detail.locator('.timeline-entry').count()) >= 1, 'ownership history has an entry');
  assert.equal((await detail.locator('.detail-title').textContent()).trim(), names[0]);
  assert.ok((await detail.locator('.timeline-entry [data-owner-kind]').count()) >= 1, 'history shows the owner chips');

  // With the search cleared the detail stays open beside the whole list:
  // that is the screenshot (light and dark) the README uses.
  await page.getByTestId('customer-search').fill('');
  assert.equal(await waitForNewTotal(found), all);
  await page.evaluate(() => document.activeElement?.blur());
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'customers.png') });
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.screenshot({ path: join(shots, 'customers-dark.png') });
  await page.getByTestId('theme-toggle').click();
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');

  // Esc closes the detail; the keyboard alone opens one again.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('Escape');
  await page.waitForURL(/\/customers$/);
  assert.equal(await detail.count(), 0);
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/customers\/[^/]+$/);
  await detail.locator('.timeline-entry').first().waitFor({ timeout: 15000 });

  // Scrolling to the end of the loaded rows fetches the next page.
  const loaded = Number(await page.locator('.grid').getAttribute('data-loaded'));
  assert.equal(loaded, 100, 'the first page holds 100 rows');
  await page.locator('.grid').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await page.waitForFunction((n) => Number(document.querySelector('.grid')?.dataset.loaded) > n, 100, {
    timeout: 15000,
  });
  assert.ok(Number(await page.locator('.grid').getAttribute('data-loaded')) > 100, 'a second page was loaded');

  assert.deepEqual(pageErrors, [], 'no errors in the browser console');
});

test('region and dealer filters, server-side sort, Russian', async () => {
  await page.goto(`${base}/customers`);
  await rows().first().waitFor({ timeout: 20000 });
  const all = await totalCount();

  // Region: a country includes its sub-regions on the server side.
  const regionOptions = await page.getByTestId('region-filter').locator('option').allTextContents();
  const bulgaria = regionOptions.find((o) => o.trim() === 'България');
  assert.ok(bulgaria, `the region list has България: ${regionOptions.slice(0, 8).join(', ')}`);
  assert.ok(
    regionOptions.some((o) => /^\u00a0+\S/.test(o) && o.trim() === 'Ямбол'),
    'sub-regions are indented under their parents',
  );
  await page.getByTestId('region-filter').selectOption({ label: bulgaria });
  const inBulgaria = await waitForNewTotal(all);
  assert.ok(inBulgaria > 0 && inBulgaria < all, `Bulgaria has ${inBulgaria} of ${all}`);
  const yambol = regionOptions.find((o) => o.trim() === 'Ямбол');
  await page.getByTestId('region-filter').selectOption({ label: yambol });
  const inYambol = await waitForNewTotal(inBulgaria);
  assert.ok(inYambol > 0 && inYambol < inBulgaria, `Yambol ${inYambol} is part of Bulgaria ${inBulgaria}`);
  await page.getByTestId('region-filter').selectOption('');
  assert.equal(await waitForNewTotal(inYambol), all);

  // Owner: one dealer picked from the searchable list.
  await page.getByTestId('owner-filter').selectOption('dealer');
  const picker = page.getByRole('combobox', { name: 'Dealer' });
  await picker.fill('Ямбол Трейд');
  const option = page.getByRole('option', { name: /Ямбол Трейд/ }).first();
  await option.waitFor({ timeout: 10000 });
  await option.click();
  const ofDealer = await waitForNewTotal(all);
  assert.ok(ofDealer > 0 && ofDealer < all, `the dealer owns ${ofDealer}`);
  const owners = await rows().locator('[data-owner-kind]').allTextContents();
  assert.ok(owners.length > 0 && owners.every((o) => o.startsWith('Ямбол Трейд')), `owners: ${owners.join(', ')}`);
  await page.getByTestId('owner-filter').selectOption('all');
  assert.equal(await waitForNewTotal(ofDealer), all);

  // Sorting happens on the server: descending by name starts elsewhere.
  const firstAsc = await rows().first().locator('.cell-name').textContent();
  await page.getByRole('columnheader', { name: /Name/ }).getByRole('button').click();
  await page.waitForFunction(
    (prev) => document.querySelector('.grid-row[data-row-index="0"] .cell-name')?.textContent !== prev,
    firstAsc,
    { timeout: 15000 },
  );
  assert.equal(await page.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort'), 'descending');

  // Russian: the shell and the screen switch language, html lang follows.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ru');
  await page.locator('.rail-item', { hasText: 'Клиенты' }).waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
  assert.match(await page.getByTestId('total-count').textContent(), /клиент/);
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'customers-ru.png') });
  await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
  await page.locator('.rail-item', { hasText: 'Customers' }).waitFor();
  assert.deepEqual(pageErrors, [], 'no errors in the browser console');
});

test('a bad customer address shows the server error, not a blank pane', async () => {
  await page.goto(`${base}/customers/not-an-id`);
  const alert = page.locator('section.detail [role=alert]');
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.locator('.state-title').textContent(), /Could not load the customer/);
  // The server's own message (e.g. "invalid id") is shown, not a generic one.
  const message = (await alert.locator('.error-message').textContent()).trim();
  assert.ok(message.length > 0 && !/^HTTP/.test(message), `error message: "${message}"`);
  await rows().first().waitFor({ timeout: 20000 });
});

test('director transfers a customer to another dealer; the history gains the entry', async () => {
  // A dealer's customer with no live conflicts and the fewest deals, so the
  // transfer disturbs as little as possible of what other tests look at.
  const { customers } = await gql(`{
    customers(first: 200, filter: { ownerKind: DEALER }, orderBy: { field: CREATED_AT, direction: DESC }) {
      edges { node { id name dealCount openConflictCount ownershipHistory { id } owner { dealer { id name code } } } }
    }
  }`);
  const cust = customers.edges
    .map((e) => e.node)
    .filter((c) => c.openConflictCount === 0)
    .sort((a, b) => a.dealCount - b.dealCount)[0];
  assert.ok(cust, 'the demo has a dealer-owned customer without live conflicts');
  const country = cust.owner.dealer.code.split('-')[0];
  const { dealers } = await gql(`{ dealers(first: 200) { edges { node { id name code status } } } }`);
  const target = dealers.edges
    .map((e) => e.node)
    .find((d) => d.id !== cust.owner.dealer.id && d.status === 'ACTIVE' && d.code.startsWith(`${country}-`));
  assert.ok(target, `another active dealer in ${country}`);
  const historyBefore = cust.ownershipHistory.length;

  await page.goto(`${base}/customers/${encodeURIComponent(cust.id)}`);
  const detail = page.locator('section.detail');
  await detail.locator('.timeline-entry').first().waitFor({ timeout: 15000 });
  assert.equal(await detail.locator('.timeline-entry').count(), historyBefore);
  await detail.getByTestId('duplicates').waitFor();
  await detail.getByTestId('open-conflicts').waitFor();

  await page.getByTestId('transfer-customer').click();
  const dialog = page.getByTestId('transfer-dialog');
  await dialog.waitFor();
  // Nothing chosen: the form says what is missing, inline.
  await page.getByTestId('transfer-submit').click();
  await dialog.locator('.field-error').first().waitFor();
  assert.ok((await dialog.locator('.field-error').count()) >= 2, 'owner and reason are required');

  await page.getByTestId('transfer-owner-DEALER').check();
  await dialog.getByRole('combobox').fill(target.name);
  const option = dialog.getByRole('option', { name: new RegExp(target.code) }).first();
  await option.waitFor({ timeout: 10000 });
  await option.click();
  const reason = `e2e transfer ${Date.now()}`;
  await page.getByTestId('transfer-reason').fill(reason);
  await page.getByTestId('transfer-submit').click();
  await dialog.waitFor({ state: 'detached', timeout: 15000 });

  // The detail is read again: a TRANSFER entry on top, to the new dealer.
  await page.waitForFunction((n) => document.querySelectorAll('section.detail .timeline-entry').length === n, historyBefore + 1, {
    timeout: 15000,
  });
  const newest = detail.locator('.timeline-entry').first();
  assert.equal(await newest.getAttribute('data-how'), 'TRANSFER');
  assert.match(await newest.textContent(), new RegExp(reason));
  assert.ok((await newest.textContent()).includes(target.name), 'the entry names the new dealer');
  assert.ok((await detail.locator('.facts').textContent()).includes(target.name), 'the owner shown is the new dealer');
  await page.getByTestId('transfer-notice').waitFor();

  const { customer } = await gql(`query($id: ID!) { customer(id: $id) { owner { kind dealer { id } } } }`, { id: cust.id });
  assert.deepEqual(customer.owner, { kind: 'DEALER', dealer: { id: target.id } });
  assert.deepEqual(pageErrors, [], 'no errors in the browser console');
});

test('possible duplicates: the other customer, linked, and the conflict on the board', async () => {
  const { conflicts } = await gql(`{
    conflicts(filter: { kinds: [DUPLICATE_CUSTOMER], statuses: [OPEN, ACKNOWLEDGED] }, first: 1) {
      edges { node { id customer { id } customers { id name } } }
    }
  }`);
  const k = conflicts.edges[0]?.node;
  assert.ok(k, 'the demo has a live DUPLICATE_CUSTOMER conflict');
  const other = k.customers.find((c) => c.id !== k.customer.id);

  await page.goto(`${base}/customers/${encodeURIComponent(k.customer.id)}`);
  const dups = page.locator('section.detail').getByTestId('duplicates');
  const link = dups.getByTestId('duplicate-customer').filter({ hasText: other.name }).first();
  await link.waitFor({ timeout: 15000 });
  const onBoard = dups.locator(`a[href="/board/${encodeURIComponent(k.id)}"]`);
  assert.equal(await onBoard.count(), 1, 'the duplicate links to its conflict on the board');
  assert.match(await onBoard.textContent(), /Duplicate customer/);
  mkdirSync(shots, { recursive: true });
  await page.evaluate(() => document.activeElement?.blur());
  await page.screenshot({ path: join(shots, 'customers-duplicates.png') });

  // The link opens the other customer, whose duplicates name this one.
  await link.click();
  await page.waitForURL(new RegExp(`/customers/${encodeURIComponent(other.id)}$`));
  await page.locator('section.detail').getByTestId('duplicates').locator(`a[href="/board/${encodeURIComponent(k.id)}"]`).waitFor({ timeout: 15000 });

  // And the conflict link opens the board on it.
  await page.locator('section.detail').getByTestId('duplicates').locator(`a[href="/board/${encodeURIComponent(k.id)}"]`).click();
  await page.waitForURL(new RegExp(`/board/${encodeURIComponent(k.id)}$`));
  assert.deepEqual(pageErrors, [], 'no errors in the browser console');
});
