// The conflict board in a real browser against the demo data: columns and
// counts agree with the API, a deal registered by another client makes a new
// card appear without a reload, and a conflict is acknowledged and dismissed
// from the UI and moves column.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { base, director, gql, openPage, screenshot } from './browser.mjs';

let s;
before(async () => {
  // Signed in as the channel director, through the sign-in screen.
  s = await openPage({ as: director });
});
after(async () => {
  await s?.browser.close();
});

// A server whose schema has the feed but whose endpoint refuses the
// websocket makes the board fall back to polling after one refused handshake,
// which the browser logs; that one message is expected then, nothing else.
let fellBackToPolling = false;
async function noteMode(page) {
  await page.waitForFunction(() => document.querySelector('[data-testid=live-mode]')?.dataset.mode !== 'connecting', null, { timeout: 20000 });
  const mode = await page.getByTestId('live-mode').getAttribute('data-mode');
  if (mode === 'polling') fellBackToPolling = true;
  return mode;
}
function consoleErrors() {
  return s.errors.filter((e) => !(fellBackToPolling && /WebSocket connection to .* failed/.test(e)));
}

const liveCount = `{ open: conflicts(first: 1, filter: { statuses: [OPEN] }) { totalCount }
  ack: conflicts(first: 1, filter: { statuses: [ACKNOWLEDGED] }) { totalCount } }`;

async function columnCount(page, col) {
  return Number(await page.getByTestId(`count-${col}`).textContent());
}

test('board: columns match the API, empty state when there is nothing', async () => {
  const { page } = s;
  const api = await gql(liveCount);
  await page.goto(`${base}/`);
  await page.waitForURL(/\/board$/);
  await page.getByTestId('live-mode').waitFor();
  if (api.open.totalCount + api.ack.totalCount === 0) {
    await page.getByText('No conflicts').first().waitFor({ timeout: 20000 });
  } else {
    await page.locator('.card[data-conflict-id]').first().waitFor({ timeout: 20000 });
    // Other clients may change conflicts meanwhile: compare with a fresh count.
    const now = await gql(liveCount);
    assert.equal(await columnCount(page, 'OPEN'), now.open.totalCount);
    assert.equal(await columnCount(page, 'ACKNOWLEDGED'), now.ack.totalCount);
    const statuses = await page.locator('[data-column=OPEN] .card').evaluateAll((els) => els.map((e) => e.dataset.status));
    assert.deepEqual([...new Set(statuses)], ['OPEN']);
    const kinds = await page.getByTestId('kind-counts').locator('[data-kind]').evaluateAll((els) => els.reduce((n, e) => n + Number(e.dataset.count), 0));
    assert.equal(kinds, now.open.totalCount + now.ack.totalCount, 'the counts by kind add up to the live conflicts');
  }
  console.log(`board mode: ${await noteMode(page)}`);
  await screenshot(page, 'board');
  assert.deepEqual(consoleErrors(), [], 'no errors in the browser console');
});

test('board: a new conflict slides in live, is acknowledged, then dismissed with a reason', async () => {
  const { page } = s;
  await page.goto(`${base}/board`);
  await page.waitForFunction(() => document.querySelector('[data-testid=count-OPEN]')?.textContent?.match(/\d/), null, { timeout: 20000 }).catch(() => {});
  await page.locator('[data-testid=board], .state').first().waitFor({ timeout: 20000 });

  // Another client registers a small direct order for a dealer's customer.
  const d = await gql(`{ customers(first: 1, filter: { ownerKind: DEALER, keyAccount: false, search: "Ямбол" }) { edges { node { id name } } } productLines { id } }`);
  const customer = d.customers.edges[0].node;
  const before = await gql(`query($c: ID!) { conflicts(first: 100, filter: { customerId: $c }) { edges { node { id } } } }`, { c: customer.id });
  const known = new Set(before.conflicts.edges.map((e) => e.node.id));
  const started = Date.now();
  await gql(`mutation($in: RegisterDealInput!) { registerDeal(input: $in) { deal { id } } }`, {
    in: { customerId: customer.id, channel: { kind: 'DIRECT' }, productLineId: d.productLines[0].id, quantity: 1, unitPrice: { minor: 123400, currency: 'EUR' } },
  });
  const after = await gql(`query($c: ID!) { conflicts(first: 100, filter: { customerId: $c, statuses: [OPEN] }) { edges { node { id kind } } } }`, { c: customer.id });
  const created = after.conflicts.edges.map((e) => e.node).filter((n) => !known.has(n.id));
  assert.ok(created.length >= 1, `registering a small direct order for ${customer.name} opens a conflict`);
  const id = created[0].id;

  // The card appears without a reload (live feed, or the 5 s poll without one).
  const card = page.locator(`[data-column=OPEN] .card[data-conflict-id="${id}"]`);
  await card.waitFor({ timeout: 12000 });
  const mode = await noteMode(page);
  const took = Date.now() - started;
  console.log(`new card visible after ${took} ms (mode ${mode})`);
  if (mode === 'live') assert.ok(took < 4000, `live mode shows the card in ${took} ms`);

  await card.click();
  await page.waitForURL(new RegExp(`/board/${encodeURIComponent(id)}$`));
  const detail = page.getByTestId('conflict-detail');
  await detail.getByTestId('explanation').waitFor({ timeout: 15000 });
  assert.ok((await detail.getByTestId('explanation').textContent()).length > 20, 'the rule is explained in words');
  assert.ok((await detail.getByTestId('deal-side').count()) >= 1, 'the deals are shown');
  assert.ok((await detail.locator('.timeline-entry').count()) >= 1, 'the ownership timeline is shown');

  await detail.getByTestId('acknowledge').click();
  await page.locator(`[data-column=ACKNOWLEDGED] .card[data-conflict-id="${id}"]`).waitFor({ timeout: 15000 });
  assert.equal((await gql(`query($id: ID!) { conflict(id: $id) { status } }`, { id })).conflict.status, 'ACKNOWLEDGED');

  await detail.getByTestId('action-DISMISS').check();
  await detail.getByTestId('resolve-submit').click();
  assert.match(await detail.getByTestId('resolve-error').textContent(), /Say why/);
  await detail.getByTestId('resolve-note').fill('Test order from the e2e run');
  await screenshot(page, 'board-detail');
  await detail.getByTestId('resolve-submit').click();
  await page.locator(`[data-column=CLOSED] .card[data-conflict-id="${id}"]`).waitFor({ timeout: 15000 });
  await detail.getByTestId('resolution').waitFor({ timeout: 15000 });
  const closed = (await gql(`query($id: ID!) { conflict(id: $id) { status resolution resolutionNote } }`, { id })).conflict;
  assert.deepEqual(closed, { status: 'DISMISSED', resolution: 'DISMISS', resolutionNote: 'Test order from the e2e run' });
  assert.deepEqual(consoleErrors(), [], 'no errors in the browser console');
});

test('Ctrl+K jumps to a dealer, a customer or a live conflict by name', async () => {
  const { page } = s;
  await page.goto(`${base}/board`);
  await noteMode(page);
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').waitFor();
  await page.keyboard.type('Ямбол');
  const dealer = page.locator('[data-testid=palette] li[data-href^="/dealers/"]').first();
  await dealer.waitFor({ timeout: 15000 });
  assert.ok((await page.locator('[data-testid=palette] li[data-href^="/customers/"]').count()) >= 1, 'customers match too');
  const href = await dealer.getAttribute('data-href');
  await dealer.click();
  await page.waitForURL((u) => u.pathname === href);
  await page.getByTestId('dealer-detail').waitFor({ timeout: 15000 });

  // The keyboard alone: the first customer match, Enter.
  await page.keyboard.press('Control+k');
  await page.getByTestId('palette-input').fill('Агро Инвест');
  await page.locator('[data-testid=palette] li[data-href^="/customers/"]').first().waitFor({ timeout: 15000 });
  const screens = await page.locator('[data-testid=palette] li[data-href]').evaluateAll((els) => els.map((e) => e.dataset.href));
  const first = screens.findIndex((h) => h.startsWith('/customers/'));
  for (let i = 0; i < first; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/customers\/[^/]+$/);
  await page.locator('section.detail .timeline-entry').first().waitFor({ timeout: 15000 });
  assert.deepEqual(consoleErrors(), [], 'no errors in the browser console');
});

test('board in Bulgarian: shell, navigation and the rule’s words', async () => {
  const { page } = s;
  await page.evaluate(() => window.localStorage.setItem('channelboard.locale', 'bg'));
  try {
    await page.goto(`${base}/board`);
    await page.getByTestId('live-mode').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('h1.screen-title').textContent(), 'Табло на конфликтите');
    assert.equal(await page.locator('html').getAttribute('lang'), 'bg');
    // The picker offers Bulgarian by its own name, and it is the one chosen.
    const picker = page.getByRole('combobox', { name: 'Език' });
    assert.equal(await picker.inputValue(), 'bg');
    assert.ok((await picker.locator('option').allTextContents()).includes('Български'));

    // The main navigation: all Bulgarian, no English fallback.
    const rail = page.getByRole('navigation', { name: 'Основна навигация' });
    const labels = (await rail.locator('.rail-label').allTextContents()).map((l) => l.trim());
    assert.ok(labels.length >= 6, `navigation has its items: ${labels}`);
    const english = ['Board', 'Customers', 'Territories', 'Dealers', 'Deals', 'Policy', 'Console', 'My dealer'];
    for (const l of labels) {
      assert.ok(!english.includes(l), `navigation item "${l}" is in English`);
      assert.match(l, /^[А-Яа-я ]+$/, `navigation item "${l}" is Bulgarian`);
    }
    for (const l of ['Конфликти', 'Клиенти', 'Дилъри', 'Сделки']) assert.ok(labels.includes(l), `navigation lacks ${l}: ${labels}`);

    // A conflict's explanation comes from the server in Bulgarian.
    const card = page.locator('.card[data-conflict-id]').first();
    if (await card.count()) {
      const id = await card.getAttribute('data-conflict-id');
      await card.click();
      await page.getByTestId('explanation').waitFor({ timeout: 15000 });
      const want = await gql(`query($id: ID!) { conflict(id: $id) { explanation { bg: text(lang: "bg") en: text(lang: "en") } } }`, { id });
      assert.notEqual(want.conflict.explanation.bg, want.conflict.explanation.en);
      assert.equal((await page.getByTestId('explanation').textContent()).trim(), want.conflict.explanation.bg);
    }
  } finally {
    await page.evaluate(() => window.localStorage.removeItem('channelboard.locale'));
  }
  assert.deepEqual(consoleErrors(), [], 'no errors in the browser console');
});
