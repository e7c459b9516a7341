// The Dealers and Territories screens in a real browser against the demo data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { base, director, gql, openPage, screenshot, statusCount, waitForNewCount } from './browser.mjs';

let s;
before(async () => {
  // Signed in as the channel director, through the sign-in screen.
  s = await openPage({ as: director });
});
after(async () => {
  await s?.browser.close();
});

const rows = () => s.page.locator('.grid-row[data-row-index]');

test('dealers: plan vs actual for 2026, filters, detail with territories and chart', async () => {
  const { page } = s;
  const api = await gql(`{ dealers(first: 200) { totalCount edges { node { code name plan(year: 2026) { attainmentPct } } } } }`);
  await page.goto(`${base}/dealers`);
  await rows().first().waitFor({ timeout: 20000 });
  assert.equal(await statusCount(page), api.dealers.totalCount);

  // The attainment shown is the server's, row by row.
  const shown = await rows().evaluateAll((els) =>
    els.map((e) => [e.querySelector('.mono')?.textContent, e.querySelector('[data-pct]')?.getAttribute('data-pct') ?? null]),
  );
  const byCode = new Map(api.dealers.edges.map((e) => [e.node.code, e.node.plan]));
  assert.ok(shown.length >= 20);
  for (const [code, pct] of shown) {
    const plan = byCode.get(code);
    assert.equal(pct, plan ? plan.attainmentPct.toFixed(1) : null, `attainment of ${code}`);
  }

  await page.getByTestId('kind-filter').selectOption('DISTRIBUTOR');
  const distributors = await waitForNewCount(page, api.dealers.totalCount);
  assert.ok(distributors > 0 && distributors < api.dealers.totalCount);
  const kinds = await rows().evaluateAll((els) => els.map((e) => e.children[2].textContent));
  assert.deepEqual([...new Set(kinds)], ['Distributor']);
  await page.getByTestId('kind-filter').selectOption('');
  await waitForNewCount(page, distributors);

  // Search, then the keyboard opens the detail.
  await page.keyboard.press('/');
  await page.keyboard.type('Ямбол Трейд');
  await page.waitForFunction(() => document.querySelectorAll('.grid-row[data-row-index]').length === 1, null, { timeout: 15000 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/dealers\/[^/]+$/);
  const detail = page.getByTestId('dealer-detail');
  await detail.getByTestId('dealer-plan').waitFor({ timeout: 15000 });
  assert.match(await detail.locator('.detail-title').textContent(), /Ямбол Трейд/);
  assert.ok((await detail.getByTestId('dealer-territories').locator('tbody tr').count()) >= 1, 'the dealer has territories');
  assert.equal(await detail.getByTestId('plan-chart').locator('rect').count(), 12, 'one bar per month');
  assert.match(await detail.getByTestId('dealer-contact').textContent(), /@/);
  await page.getByTestId('dealer-search').fill('');
  await rows().nth(10).waitFor({ timeout: 15000 });
  await screenshot(page, 'dealers');
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});

test('territories: coverage inherited down the tree, the exclusive overlap in Timiș', async () => {
  const { page } = s;
  await page.goto(`${base}/territories`);
  const tree = page.getByTestId('territory-tree');
  await tree.waitFor({ timeout: 20000 });
  const regions = await gql(`{ regions { id } }`);
  assert.equal(await tree.locator('[data-path]').count(), regions.regions.length, 'every region is a row');

  // Distributors cover whole countries, so a county with no dealer of its own is still covered.
  const pleven = tree.locator('[data-path="eu.bg.pleven"]');
  assert.equal(await pleven.getAttribute('data-status'), 'covered');
  assert.equal(await tree.locator('[data-path="eu"]').getAttribute('data-status'), 'partial');

  // The demo's Timiș has two dealers exclusive for agriculture.
  const timis = tree.locator('[data-path="eu.ro.timis"]');
  assert.ok(Number(await timis.getAttribute('data-overlaps')) >= 1, 'Timiș shows an exclusive overlap');
  const summary = page.getByTestId('coverage-summary');
  assert.ok(Number(await summary.getAttribute('data-overlaps')) >= 1);
  await timis.click();
  await page.waitForURL(/\/territories\/[^/]+$/);
  const detail = page.getByTestId('region-detail');
  await detail.locator('.callout.warn').waitFor();
  assert.match(await detail.locator('.callout.warn').textContent(), /exclusive/);
  await screenshot(page, 'territories');

  // "Only gaps and overlaps" keeps exactly the flagged rows.
  await page.getByTestId('problems-only').check();
  const flagged = await tree.locator('[data-path]').evaluateAll((els) => els.map((e) => [e.dataset.status, e.dataset.overlaps]));
  assert.ok(flagged.length >= 1);
  for (const [status, overlaps] of flagged) assert.ok(status === 'gap' || Number(overlaps) > 0);
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});
