// The Analyst console in a real browser: GraphiQL bundled with the app, loaded
// only on /console, running a saved query against the real /graphql under the
// server's CSP (no inline scripts, no eval, no data: fonts).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { base, director, gql, openPage, screenshot } from './browser.mjs';

let s;
before(async () => {
  // Signed in as the channel director, through the sign-in screen.
  s = await openPage({ as: director });
  // Any CSP refusal is recorded as well as logged, so the test can name it.
  await s.page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.effectiveDirective} ${e.blockedURI.slice(0, 40)}`));
  });
});
after(async () => {
  await s?.browser.close();
});

test('the console is not in the board bundle', async () => {
  const { page } = s;
  const scripts = [];
  const onRequest = (r) => r.resourceType() === 'script' && scripts.push(r.url());
  page.on('request', onRequest);
  await page.goto(`${base}/board`);
  await page.locator('.rail-item', { hasText: 'Console' }).waitFor({ timeout: 15000 });
  page.off('request', onRequest);
  assert.ok(scripts.length > 0);
  assert.deepEqual(scripts.filter((u) => /ConsoleScreen|codemirror/.test(u)), []);
});

test('console: a saved query runs and shows the data, console clean', async () => {
  const { page } = s;
  const data = await gql(`{ dealers(first: 10) { edges { node { name openConflictCount } } } }`);
  const first = data.dealers.edges[0].node.name;

  await page.locator('.rail-item', { hasText: 'Console' }).click();
  await page.waitForURL(/\/console$/);
  await page.locator('.graphiql-container .graphiql-query-editor .CodeMirror').waitFor({ timeout: 20000 });
  assert.equal(await page.locator('h1.screen-title').textContent(), 'Analyst console');

  const picker = page.getByTestId('console-examples');
  assert.deepEqual((await picker.locator('option').allTextContents()).slice(1), [
    'Dealers by open conflicts',
    'Direct share by region',
    'Money at stake by conflict kind',
    'Plan attainment and bonuses this year',
    'Territory gaps and exclusive overlaps',
  ]);
  await picker.selectOption('dealers-open-conflicts');
  const query = page.locator('.graphiql-query-editor .CodeMirror');
  await page.waitForFunction(() => /openConflictCount/.test(document.querySelector('.graphiql-query-editor .CodeMirror')?.textContent ?? ''));
  assert.match(await query.textContent(), /dealers\(first: 10\)/);
  await page.waitForTimeout(300);

  await page.locator('.graphiql-execute-button').click();
  const result = page.locator('.graphiql-response');
  await page.waitForFunction(
    (name) => (document.querySelector('.graphiql-response')?.textContent ?? '').includes(name),
    first,
    { timeout: 15000 },
  );
  const text = await result.textContent();
  assert.match(text, /"openConflictCount": \d+/);
  assert.doesNotMatch(text, /"errors"/);

  // The other examples replace the editor's text and run as well.
  await picker.selectOption('money-at-stake-by-kind');
  await page.waitForFunction(() => /conflictStats/.test(document.querySelector('.graphiql-query-editor .CodeMirror')?.textContent ?? ''));
  // GraphiQL reads the operation's name from the editor 100 ms after a change;
  // a run sooner would send the old name with the new text.
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => /"atStake"/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), null, { timeout: 15000 });
  await screenshot(page, 'console');

  // Territory coverage answers with its count and the first page of overlaps.
  await picker.selectOption('territory-coverage');
  await page.waitForFunction(() => /overlapCount/.test(document.querySelector('.graphiql-query-editor .CodeMirror')?.textContent ?? ''));
  await page.waitForTimeout(300);
  await page.keyboard.press('Control+Enter');
  await page.waitForFunction(() => /"overlapCount": \d+/.test(document.querySelector('.graphiql-response')?.textContent ?? ''), null, { timeout: 15000 });
  assert.doesNotMatch(await result.textContent(), /"errors"/);

  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violations');
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});

test('console in Russian', async () => {
  const { page } = s;
  await page.evaluate(() => window.localStorage.setItem('channelboard.locale', 'ru'));
  try {
    await page.goto(`${base}/console`);
    await page.locator('.graphiql-container').waitFor({ timeout: 20000 });
    assert.equal(await page.locator('h1.screen-title').textContent(), 'Консоль аналитика');
  } finally {
    await page.evaluate(() => window.localStorage.removeItem('channelboard.locale'));
  }
  assert.match(await page.getByTestId('console-examples').locator('option').nth(1).textContent(), /Дилеры/);
  assert.deepEqual(s.errors, [], 'no errors in the browser console');
});
