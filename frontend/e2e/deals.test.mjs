// The Deals screen in a real browser against the demo data: the inbox,
// approve, reject with a reason, all deals with filters, and registering a
// deal with money typed in major units.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { base, director, gql, openPage, screenshot, statusCount, waitForCount, waitForNewCount } from './browser.mjs';

let s;
before(async () => {
  // Signed in as the channel director, through the sign-in screen.
  s = await openPage({ as: director });
});
after(async () => {
  await s?.browser.close();
});

const rows = () => s.page.locator('.grid-row[data-row-index]');

// A pending registration made through the API, so the test decides on its own
// deals and leaves the demo's inbox for the people looking at it.
async function pendingDeal(customerName) {
  const d = await gql(`query($s: String) {
    customers(first: 1, filter: { search: $s }) { edges { node { id name } } }
    dealers(first: 1, filter: { kind: DEALER, status: ACTIVE }) { edges { node { id } } }
    productLines { id }
  }`, { s: customerName });
  const customer = d.customers.edges[0].node;
  const r = await gql(`mutation($in: RegisterDealInput!) { registerDeal(input: $in) { deal { id stage } } }`, {
    in: {
      customerId: customer.id,
      channel: { kind: 'DEALER', dealerId: d.dealers.edges[0].node.id },
      productLineId: d.productLines[4].id,
      quantity: 1,
      unitPrice: { minor: 777700 + Math.floor(Math.random() * 99), currency: 'EUR' },
    },
  });
  assert.equal(r.registerDeal.deal.stage, 'PENDING_APPROVAL', 'the 2026 policy requires approval');
  return { ...r.registerDeal.deal, customer };
}

async function stageOf(id) {
  return (await gql(`query($id: ID!) { deal(id: $id) { stage closeReason } }`, { id })).deal;
}

test('registration inbox: approve, and reject only with a reason', async () => {
  const { page } = s;
  const a = await pendingDeal('Daciaprod');
  const b = await pendingDeal('Lactoinvest');
  await page.goto(`${base}/deals`);
  await page.waitForURL(/\/deals\/inbox$/);
  await rows().first().waitFor({ timeout: 20000 });
  const inbox = await statusCount(page);
  assert.ok(inbox >= 2, `the inbox has the pending deals: ${inbox}`);
  const stages = await page.evaluate(async () => {
    const r = await fetch('/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ deals(filter:{stages:[PENDING_APPROVAL]}) { totalCount } }' }) });
    return (await r.json()).data.deals.totalCount;
  });
  assert.equal(inbox, stages, 'the inbox counts exactly the PENDING_APPROVAL deals');
  await screenshot(page, 'deals-inbox');

  // Newest registrations are last (oldest first); sort newest first to find ours.
  await page.getByRole('columnheader', { name: /Registered/ }).getByRole('button').click();
  const rowA = rows().filter({ hasText: a.customer.name }).first();
  await rowA.waitFor({ timeout: 15000 });
  await rowA.getByTestId('approve').click();
  await page.getByTestId('notice').filter({ hasText: 'Approved' }).waitFor({ timeout: 10000 });
  assert.equal(await waitForNewCount(page, inbox), inbox - 1, 'the approved deal leaves the inbox');
  assert.equal((await stageOf(a.id)).stage, 'REGISTERED');

  const rowB = rows().filter({ hasText: b.customer.name }).first();
  await rowB.getByTestId('reject').click();
  const dialog = page.getByTestId('reject-dialog');
  await dialog.waitFor();
  await page.getByTestId('reject-submit').click();
  await dialog.locator('.field-error').waitFor();
  assert.match(await dialog.locator('.field-error').textContent(), /Say why/);
  assert.equal((await stageOf(b.id)).stage, 'PENDING_APPROVAL', 'nothing was sent without a reason');
  await page.getByTestId('reject-reason').fill('Duplicate of an earlier registration by the e2e test');
  await page.getByTestId('reject-submit').click();
  await dialog.waitFor({ state: 'detached', timeout: 10000 });
  assert.equal(await waitForNewCount(page, inbox - 1), inbox - 2);
  const rejected = await stageOf(b.id);
  assert.equal(rejected.stage, 'CANCELLED');
  assert.match(rejected.closeReason, /Duplicate of an earlier registration/);
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});

test('all deals: filters by stage, channel and product line on the server', async () => {
  const { page } = s;
  await page.goto(`${base}/deals/all`);
  await rows().first().waitFor({ timeout: 20000 });
  const all = await statusCount(page);
  assert.ok(all > 100, `the demo has many deals: ${all}`);

  await page.getByTestId('stage-filter').selectOption('WON');
  const won = await waitForNewCount(page, all);
  assert.ok(won > 0 && won < all, `won ${won} of ${all}`);
  await rows().first().waitFor();
  const stageTexts = await rows().locator('.stage').allTextContents();
  assert.deepEqual([...new Set(stageTexts)], ['Won']);

  await page.getByTestId('channel-filter').selectOption('DIRECT');
  const wonDirect = await waitForNewCount(page, won);
  assert.ok(wonDirect < won, `direct won ${wonDirect} of ${won}`);
  if (wonDirect > 0) {
    const kinds = await rows().locator('[data-owner-kind]').evaluateAll((els) => els.map((e) => e.dataset.ownerKind));
    assert.deepEqual([...new Set(kinds)], ['direct']);
  }
  await page.getByTestId('channel-filter').selectOption('');
  await waitForCount(page, won);

  const lineOptions = await page.getByTestId('line-filter').locator('option').allTextContents();
  await page.getByTestId('line-filter').selectOption({ label: lineOptions[1] });
  const wonLine = await waitForNewCount(page, won);
  assert.ok(wonLine < won, `${lineOptions[1]}: ${wonLine} of ${won}`);
  const lines = await rows().evaluateAll((els) => els.map((e) => e.children[3].textContent));
  assert.deepEqual([...new Set(lines)], [lineOptions[1]]);

  // Server-side sort by amount, largest first.
  await page.getByTestId('line-filter').selectOption('');
  await page.getByTestId('stage-filter').selectOption('');
  await waitForCount(page, all);
  await page.getByRole('columnheader', { name: /Amount/ }).getByRole('button').click();
  await page.getByRole('columnheader', { name: /Amount/ }).getByRole('button').click();
  await page.waitForFunction(() => document.querySelector('[role=columnheader][aria-sort=descending]')?.textContent?.includes('Amount'));
  const top = await gql(`{ deals(first: 1, orderBy: { field: AMOUNT, direction: DESC }) { edges { node { customer { name } } } } }`);
  await page.waitForFunction(
    (name) => document.querySelector('.grid-row[data-row-index="0"] .cell-name')?.textContent === name,
    top.deals.edges[0].node.customer.name,
    { timeout: 15000 },
  );
  await screenshot(page, 'deals-all');
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});

test('register a deal: exact money, field errors from the form and the server', async () => {
  const { page } = s;
  await page.goto(`${base}/deals/inbox`);
  await rows().first().waitFor({ timeout: 20000 });
  const before = await statusCount(page);
  await page.getByTestId('register-deal').click();
  const dialog = page.getByTestId('register-dialog');
  await dialog.waitFor();

  // Submitting empty names every missing field.
  await page.getByTestId('deal-submit').click();
  assert.ok((await dialog.locator('.field-error').count()) >= 3, 'missing fields are named');

  await page.getByTestId('customer-picker').fill('Агро Инвест');
  const option = dialog.locator('.combo-list [role=option]', { hasText: 'Агро Инвест' }).first();
  await option.waitFor({ timeout: 10000 });
  const customerName = (await option.locator('span').first().textContent()).trim();
  await option.click();
  await dialog.getByRole('combobox', { name: 'Dealer' }).fill('Ямбол Трейд');
  await dialog.locator('.combo-list [role=option]', { hasText: 'Ямбол Трейд' }).first().click();
  await page.getByTestId('deal-line').selectOption({ index: 1 });
  await page.getByTestId('deal-quantity').fill('3');
  await page.getByTestId('deal-price').fill('1 234,56');
  // 3 × 1 234,56 = 3 703,68 exactly, in minor units.
  assert.equal(await page.getByTestId('amount-preview').getAttribute('data-minor'), '370368');
  assert.match(await page.getByTestId('amount-preview').textContent(), /3,703\.68/);

  await page.getByTestId('deal-price').fill('12.345');
  await dialog.locator('#deal-price-error').waitFor();
  assert.match(await dialog.locator('#deal-price-error').textContent(), /decimals/);
  await page.getByTestId('deal-price').fill('1 234,56');

  // The server owns the currency rule: its error sits under the price.
  await page.getByTestId('deal-currency').selectOption('BGN');
  await page.getByTestId('deal-submit').click();
  await dialog.locator('#deal-price-error').waitFor({ timeout: 10000 });
  assert.match(await dialog.locator('#deal-price-error').textContent(), /EUR/);
  // And the quantity rule: zero is refused next to the quantity.
  await page.getByTestId('deal-currency').selectOption('EUR');
  await page.getByTestId('deal-quantity').fill('0');
  await page.getByTestId('deal-submit').click();
  await dialog.locator('#deal-quantity-error').waitFor({ timeout: 10000 });
  assert.match(await dialog.locator('#deal-quantity-error').textContent(), /positive/);
  await screenshot(page, 'deals-register');

  await page.getByTestId('deal-quantity').fill('3');
  await page.getByTestId('deal-submit').click();
  await dialog.waitFor({ state: 'detached', timeout: 10000 });
  await page.getByTestId('notice').filter({ hasText: 'waits for approval' }).waitFor({ timeout: 10000 });
  assert.equal(await waitForNewCount(page, before), before + 1, 'the new registration is in the inbox');
  const found = await gql(`{ deals(first: 5, filter: { stages: [PENDING_APPROVAL] }, orderBy: { field: REGISTERED_AT, direction: DESC }) { edges { node { customer { name } amount { minor currency } unitPrice { minor } quantity } } } }`);
  const mine = found.deals.edges.map((e) => e.node).find((n) => n.customer.name === customerName);
  assert.ok(mine, `the deal for ${customerName} was registered`);
  assert.deepEqual([mine.quantity, mine.unitPrice.minor, mine.amount.minor, mine.amount.currency], [3, 123456, 370368, 'EUR']);
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});
