// Importing customers from a CSV file through the app, in a real browser
// against the demo data: the check lists the bad line, skipping it imports
// the rest, and the new customers are in the list.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { base, director, gql, manager, openPage, screenshot, statusCount, waitForNewCount } from './browser.mjs';

let s;
before(async () => {
  // Signed in as the channel director, through the sign-in screen.
  s = await openPage({ as: director });
});
after(async () => {
  await s?.browser.close();
});

const rows = () => s.page.locator('.grid-row[data-row-index]');

// The refused import (a bad row, no skipping) is answered 400, which the
// browser logs as a failed resource; nothing else may be logged.
const isExpected400 = (text) => /Failed to load resource: the server responded with a status of 400/.test(text);

test('import customers: the bad line is reported, skipped, the good rows are in the list', async () => {
  const { page } = s;
  // A mark of this run, so the test can run again against the same data.
  const mark = `E2E${Date.now().toString(36).toUpperCase()}`;
  const { regions } = await gql(`{ regions { path } }`);
  const region = regions.map((r) => r.path).find((p) => p.split('.').length === 2);
  assert.ok(region, 'the demo has a country region');
  const names = [`Импорт Ферма ${mark}`, `Import Mill ${mark}`];
  const file = [
    'id,name,tax_id,region,segment,size,key_account,key_account_reason,owner_kind,owner_dealer,owner_since,created_at',
    `,${names[0]},,${region},AGRICULTURE,SMALL,false,,UNASSIGNED,,,`,
    `,Nowhere ${mark},,no.such.region,AGRICULTURE,SMALL,false,,UNASSIGNED,,,`, // line 3: bad
    `,${names[1]},,${region},INDUSTRIAL,MEDIUM,false,,DIRECT,,,`,
  ].join('\n') + '\n';

  await page.goto(`${base}/customers`);
  await rows().first().waitFor({ timeout: 20000 });
  const before = await statusCount(page);

  await page.getByTestId('import-csv').click();
  const dialog = page.getByRole('dialog', { name: 'Import customers from CSV' });
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'import-file', 'the file field has the focus');
  await page.getByTestId('import-file').setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(file, 'utf8') });

  // The check (a dry run) lists the bad line and why.
  await page.getByTestId('import-check').click();
  const bad = page.getByTestId('import-bad');
  await bad.waitFor({ timeout: 15000 });
  const lines = await bad.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.children[0].textContent, tr.children[1].textContent]));
  assert.equal(lines.length, 1, `one bad row: ${JSON.stringify(lines)}`);
  assert.equal(lines[0][0], '3');
  assert.match(lines[0][1], /no\.such\.region/);
  assert.match(await bad.locator('caption').textContent(), /1 bad row of 3/);
  await screenshot(page, 'import');

  // Importing without skipping imports nothing and says so.
  await page.getByTestId('import-submit').click();
  await page.getByTestId('import-error').waitFor({ timeout: 15000 });
  assert.match(await page.getByTestId('import-error').textContent(), /nothing was imported/);
  const none = await gql(`query($s: String) { customers(first: 1, filter: { search: $s }) { totalCount } }`, { s: mark });
  assert.equal(none.customers.totalCount, 0, 'a refused import wrote nothing');

  // Skip the bad row: the two good ones are imported.
  await page.getByLabel('Skip bad rows and import the rest').check();
  await page.getByTestId('import-submit').click();
  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 30000 });
  assert.equal(await result.getAttribute('data-imported'), '2');
  assert.equal(await result.getAttribute('data-skipped'), '1');
  assert.match(await result.textContent(), /Imported 2 rows, skipped 1/);
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'import-close');
  await page.getByTestId('import-close').click();
  await dialog.waitFor({ state: 'detached' });

  // The list was read again: two more customers, and they are the new ones.
  assert.equal(await waitForNewCount(page, before), before + 2);
  await page.getByTestId('customer-search').fill(mark);
  await page.waitForFunction(
    (m) => {
      const el = document.querySelector('[data-testid=total-count]');
      return el?.dataset.search === m && /\d/.test(el.textContent ?? '');
    },
    mark,
    { timeout: 15000 },
  );
  const shown = await rows().locator('.cell-name').allTextContents();
  assert.deepEqual(shown.sort(), [...names].sort());
  const api = await gql(`query($s: String) { customers(first: 5, filter: { search: $s }) { edges { node { name owner { kind } } } } }`, { s: mark });
  assert.deepEqual(
    api.customers.edges.map((e) => `${e.node.name} ${e.node.owner.kind}`).sort(),
    [`${names[0]} UNASSIGNED`, `${names[1]} DIRECT`].sort(),
  );
  assert.deepEqual(s.errors.filter((e) => !isExpected400(e)), [], 'no errors in the browser console');
});

test('import: offered to the director only', async () => {
  const other = await openPage({ as: manager });
  try {
    await other.page.goto(`${base}/customers`);
    await other.page.locator('.grid-row[data-row-index]').first().waitFor({ timeout: 20000 });
    assert.equal(await other.page.getByTestId('new-customer').count(), 1, 'the manager sees the screen’s own actions');
    assert.equal(await other.page.getByTestId('import-csv').count(), 0, 'but no import');
  } finally {
    await other.browser.close();
  }
  const { page } = s;
  for (const path of ['/deals/all', '/dealers']) {
    await page.goto(`${base}${path}`);
    await page.getByTestId('import-csv').waitFor({ timeout: 20000 });
  }
});
