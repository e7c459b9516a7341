// Downloading lists as CSV through the app, in a real browser against the
// demo data: "Download CSV" on Customers, Deals and Dealers is a link to
// GET /export/{kind}.csv carrying the filters applied on screen; the file
// (UTF-8 with a byte-order mark, the export's header) holds exactly the rows
// of the list shown, and a dealer user's file only what that dealer sees.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import { base, dealerUser, director, gql, gqlAs, openPage, statusCount, waitForNewCount } from './browser.mjs';

// The demo's Bulgarian dealer in Yambol: the seed-000 story's dealer.
const dealerCode = process.env.CHANNELBOARD_E2E_DEALER ?? 'BG-001';
const dealerEmail = dealerUser(dealerCode);

// The header of each export (store.CSVColumns).
const columns = {
  customers: ['id', 'name', 'tax_id', 'region', 'segment', 'size', 'key_account', 'key_account_reason', 'owner_kind', 'owner_dealer', 'owner_since', 'created_at'],
  deals: ['id', 'customer_id', 'channel', 'dealer', 'product_line', 'quantity', 'unit_price', 'amount', 'currency', 'stage', 'prepaid', 'expected_close', 'registered_at', 'protected_until', 'closed_at', 'close_reason'],
  dealers: ['id', 'code', 'name', 'kind', 'parent', 'status', 'tier', 'home_region', 'contract_start', 'contract_end', 'credit_limit', 'currency', 'contact_name', 'contact_email', 'contact_phone', 'created_at'],
};

let s;
before(async () => {
  // Signed in as the channel director, through the sign-in screen.
  s = await openPage({ as: director });
});
after(async () => {
  await s?.browser.close();
});

const rowsOf = (page) => page.locator('.grid-row[data-row-index]');

// parseCsv reads RFC 4180 CSV (quoted fields may hold commas, quotes and
// line breaks) into arrays of fields.
function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

// download clicks the page's Download CSV link, waits for the browser's
// download and reads the file: its bytes, the header and the rows as
// objects keyed by column.
async function download(page, kind) {
  const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByTestId('export-csv').click()]);
  assert.equal(file.suggestedFilename(), `${kind}.csv`);
  assert.equal(await file.failure(), null, 'the download completed');
  const bytes = await readFile(await file.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'the file starts with the UTF-8 byte-order mark');
  const [header, ...records] = parseCsv(bytes.subarray(3).toString('utf8'));
  assert.deepEqual(header, columns[kind], `the ${kind} header`);
  for (const r of records) assert.equal(r.length, header.length, `every row has ${header.length} fields: ${JSON.stringify(r)}`);
  return records.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

// exportHref is where the Download CSV link points, split into path and query.
async function exportHref(page) {
  const u = new URL(await page.getByTestId('export-csv').getAttribute('href'), base);
  return { path: u.pathname, query: Object.fromEntries(u.searchParams) };
}

// The number in a GraphQL global id ("Customer:7", base64url): the CSV's id.
const idNumber = (gid) => Buffer.from(gid, 'base64url').toString('utf8').split(':')[1];

// customerIds pages through a customers list as email sees it and returns
// the ids as the CSV writes them.
async function customerIds(email, filter = {}) {
  const ids = [];
  let after = null;
  for (;;) {
    const { customers } = await gqlAs(
      email,
      `query($after: String, $f: CustomerFilter) { customers(first: 100, after: $after, filter: $f) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`,
      { after, f: filter },
    );
    ids.push(...customers.edges.map((e) => idNumber(e.node.id)));
    if (!customers.pageInfo.hasNextPage) return ids.sort();
    after = customers.pageInfo.endCursor;
  }
}

test('director: Download CSV gives the customers as filtered on screen', async () => {
  const { page } = s;
  await page.goto(`${base}/customers`);
  await rowsOf(page).first().waitFor({ timeout: 20000 });
  const all = await statusCount(page);
  // Unfiltered, the link asks for the whole list.
  assert.deepEqual(await exportHref(page), { path: '/export/customers.csv', query: {} });
  assert.equal(await page.getByTestId('export-csv').textContent(), 'Download CSV');

  // Direct sales' customers in Bulgaria.
  const { regions } = await gql(`{ regions { id name path } }`);
  const bulgaria = regions.find((r) => r.name === 'България');
  assert.ok(bulgaria, 'the demo has Bulgaria');
  await page.getByTestId('owner-filter').selectOption('direct');
  const direct = await waitForNewCount(page, all);
  await page.getByTestId('region-filter').selectOption(bulgaria.id);
  const shown = await waitForNewCount(page, direct);
  assert.ok(shown > 0 && shown < direct && direct < all, `filtered: ${shown} of ${direct} direct of ${all}`);
  await rowsOf(page).first().waitFor({ timeout: 15000 });
  const names = await rowsOf(page).locator('.cell-name').allTextContents();
  assert.ok(names.length > 0, 'the filtered rows are on screen');

  // The link carries the filters the list was read with.
  assert.deepEqual(await exportHref(page), { path: '/export/customers.csv', query: { ownerKind: 'DIRECT', regionId: bulgaria.id } });

  const file = await download(page, 'customers');
  assert.equal(file.length, shown, 'as many rows as the list counts');
  for (const r of file) {
    assert.equal(r.owner_kind, 'DIRECT', `${r.name}: owned by direct sales`);
    assert.equal(r.owner_dealer, '', `${r.name}: no dealer`);
    assert.ok(r.region === bulgaria.path || r.region.startsWith(`${bulgaria.path}.`), `${r.name}: ${r.region} is in Bulgaria (${bulgaria.path})`);
  }
  const inFile = new Set(file.map((r) => r.name));
  for (const name of names) assert.ok(inFile.has(name), `"${name}" shown on screen is in the file`);
  assert.deepEqual(
    file.map((r) => r.id).sort(),
    await customerIds(director, { ownerKind: 'DIRECT', regionId: bulgaria.id }),
    'the file holds exactly the customers of the filtered list',
  );

  // Clearing the filters makes the link ask for the whole list again.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  assert.equal(await waitForNewCount(page, shown), all);
  assert.deepEqual(await exportHref(page), { path: '/export/customers.csv', query: {} });
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});

test('director: Download CSV on Deals and Dealers keeps their filters', async () => {
  const { page } = s;
  // Deals: the won ones.
  await page.goto(`${base}/deals/all`);
  await page.getByTestId('deals-all').waitFor({ timeout: 20000 });
  await rowsOf(page).first().waitFor({ timeout: 20000 });
  const deals = await statusCount(page);
  await page.getByTestId('stage-filter').selectOption('WON');
  const won = await waitForNewCount(page, deals);
  assert.ok(won > 0 && won < deals, `${won} won of ${deals}`);
  assert.deepEqual(await exportHref(page), { path: '/export/deals.csv', query: { stages: 'WON' } });
  const dealFile = await download(page, 'deals');
  assert.equal(dealFile.length, won, 'as many deals as the list counts');
  assert.deepEqual([...new Set(dealFile.map((r) => r.stage))], ['WON']);

  // The inbox downloads what it lists: the registrations waiting for approval.
  await page.goto(`${base}/deals/inbox`);
  await page.getByTestId('deals-inbox').waitFor({ timeout: 20000 });
  assert.deepEqual(await exportHref(page), { path: '/export/deals.csv', query: { stages: 'PENDING_APPROVAL' } });

  // Dealers: the distributors.
  await page.goto(`${base}/dealers`);
  await rowsOf(page).first().waitFor({ timeout: 20000 });
  const dealers = await statusCount(page);
  await page.getByTestId('kind-filter').selectOption('DISTRIBUTOR');
  const distributors = await waitForNewCount(page, dealers);
  assert.ok(distributors > 0 && distributors < dealers, `${distributors} distributors of ${dealers}`);
  assert.deepEqual(await exportHref(page), { path: '/export/dealers.csv', query: { kind: 'DISTRIBUTOR' } });
  const dealerFile = await download(page, 'dealers');
  assert.equal(dealerFile.length, distributors, 'as many dealers as the list counts');
  assert.deepEqual([...new Set(dealerFile.map((r) => r.kind))], ['DISTRIBUTOR']);
  const codes = await rowsOf(page).locator('.mono').allTextContents();
  const inFile = new Set(dealerFile.map((r) => r.code));
  for (const code of codes) assert.ok(inFile.has(code), `${code} shown on screen is in the file`);
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});

test('dealer: Download CSV holds only the dealer’s own customers', async () => {
  const me = (await gql(`query($s: String) { dealers(first: 5, filter: { search: $s }) { edges { node { id code } } } }`, { s: dealerCode })).dealers.edges
    .map((e) => e.node)
    .find((d) => d.code === dealerCode);
  assert.ok(me, `the demo has dealer ${dealerCode}`);
  const everyone = (await gql(`{ customers(first: 1) { totalCount } }`)).customers.totalCount;

  const d = await openPage({ as: dealerEmail });
  try {
    const { page } = d;
    await page.goto(`${base}/customers`);
    await rowsOf(page).first().waitFor({ timeout: 20000 });
    const shown = await statusCount(page);
    assert.ok(shown > 0 && shown < everyone, `the dealer sees ${shown} of ${everyone} customers`);
    // The dealer sets no filter: the server narrows the file.
    assert.deepEqual(await exportHref(page), { path: '/export/customers.csv', query: {} });

    const file = await download(page, 'customers');
    assert.equal(file.length, shown, 'as many rows as the dealer’s list counts');
    assert.deepEqual(file.map((r) => r.id).sort(), await customerIds(dealerEmail), 'exactly the customers the API gives the dealer');
    assert.ok(
      file.some((r) => r.owner_kind === 'DEALER' && r.owner_dealer === dealerCode),
      'the dealer’s own customers are in the file',
    );
    // A customer of another dealer that this dealer registered a deal for
    // never names the other dealer.
    for (const r of file) {
      if (r.owner_kind === 'DEALER') assert.ok(r.owner_dealer === dealerCode || r.owner_dealer === '', `${r.name}: owner ${r.owner_dealer}`);
    }
    const names = await rowsOf(page).locator('.cell-name').allTextContents();
    const inFile = new Set(file.map((r) => r.name));
    for (const name of names) assert.ok(inFile.has(name), `"${name}" shown on screen is in the file`);

    // Narrowing on screen narrows the file too: a region (or a region above
    // one) holding some but not all of the dealer's customers, by the file.
    const counts = new Map();
    for (const r of file) {
      const parts = r.region.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const path = parts.slice(0, i).join('.');
        counts.set(path, (counts.get(path) ?? 0) + 1);
      }
    }
    const [path, expected] = [...counts].filter(([, n]) => n < shown).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0] ?? [];
    assert.ok(path, `the dealer's customers are in more than one region: ${JSON.stringify([...counts])}`);
    const region = (await gqlAs(dealerEmail, `{ regions { id path } }`)).regions.find((r) => r.path === path);
    assert.ok(region, `the dealer can filter by ${path}`);
    await page.getByTestId('region-filter').selectOption(region.id);
    assert.equal(await waitForNewCount(page, shown), expected, `the list shows the ${expected} customers in ${path}`);
    assert.deepEqual(await exportHref(page), { path: '/export/customers.csv', query: { regionId: region.id } });
    const narrowed = await download(page, 'customers');
    assert.equal(narrowed.length, expected);
    for (const r of narrowed) assert.ok(r.region === path || r.region.startsWith(`${path}.`), `${r.name}: ${r.region} is in ${path}`);
    assert.deepEqual(narrowed.map((r) => r.id).sort(), await customerIds(dealerEmail, { regionId: region.id }));
    assert.deepEqual(d.errors, [], 'no errors in the browser console');
  } finally {
    await d.browser.close();
  }
});
