// The Policy screen in a real browser: the 2026 terms beside 2025, and an edit
// through setPolicy that the server stores exactly (restored afterwards).
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

const policyQuery = `{ policy(year: 2026) { currency directSaleThreshold { minor } marketingBudgetPct registrationProtectionDays bonusTiers { minAttainmentPct bonusPct } priceFloors { productLine { id } minUnitPrice { minor } } } }`;

test('policy: 2026 beside 2025, edited with exact money and field errors', async () => {
  const { page } = s;
  const original = (await gql(policyQuery)).policy;
  try {
    await page.goto(`${base}/policy`);
    const terms = page.getByTestId('policy-terms');
    await terms.waitFor({ timeout: 20000 });
    assert.equal(await page.getByTestId('policy').getAttribute('data-year'), '2026');
    assert.equal(await page.getByTestId('value-threshold').textContent(), '€10,000.00');
    assert.equal((await terms.locator('thead th').allTextContents()).slice(1).join(','), '2026,2025');
    // Changed terms are marked: the threshold went from 8,000 to 10,000.
    assert.equal(await terms.locator('tr[data-key=threshold]').getAttribute('class'), 'changed');
    assert.equal(await page.getByTestId('policy-tiers').locator('tbody tr').count(), original.bonusTiers.length);
    await screenshot(page, 'policy');

    await page.getByTestId('policy-edit').click();
    await page.getByTestId('edit-marketingPct').fill('lots');
    await page.getByTestId('edit-threshold').fill('12 500,50');
    await page.getByTestId('policy-save').click();
    await page.locator('#marketingPct-error').waitFor();
    assert.match(await page.locator('#marketingPct-error').textContent(), /percentage/);

    // The server's own rule (0.5–3 %) comes back next to the field.
    await page.getByTestId('edit-marketingPct').fill('7');
    await page.getByTestId('policy-save').click();
    await page.locator('#marketingPct-error').waitFor({ timeout: 10000 });
    assert.match(await page.locator('#marketingPct-error').textContent(), /0\.5 to 3/);

    await page.getByTestId('edit-marketingPct').fill('1,75');
    await page.getByTestId('policy-save').click();
    await page.getByTestId('notice').waitFor({ timeout: 10000 });
    await page.getByTestId('value-threshold').filter({ hasText: '€12,500.50' }).waitFor({ timeout: 10000 });
    const saved = (await gql(policyQuery)).policy;
    assert.equal(saved.directSaleThreshold.minor, 1250050);
    assert.equal(saved.marketingBudgetPct, 1.75);
    assert.deepEqual(saved.bonusTiers, original.bonusTiers, 'untouched tiers are kept');
    assert.deepEqual(saved.priceFloors, original.priceFloors, 'untouched floors are kept');

    await page.getByRole('tab', { name: '2025' }).click();
    await page.waitForURL(/\/policy\/2025$/);
    await page.getByTestId('value-threshold').filter({ hasText: '€8,000.00' }).waitFor();
    assert.deepEqual(s.errors, [], 'no errors in the browser console');
  } finally {
    await gql(`mutation($in: SetPolicyInput!) { setPolicy(input: $in) { policy { year } } }`, {
      in: {
        year: 2026,
        currency: original.currency,
        directSaleThreshold: original.directSaleThreshold.minor,
        marketingBudgetPct: original.marketingBudgetPct,
        registrationProtectionDays: original.registrationProtectionDays,
      },
    });
  }
});
