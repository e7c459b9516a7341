import { describe, expect, it } from 'vitest';
import { fieldOfServer, parsePct, toForm, toInput, type Policy } from './policyForm';

const policy: Policy = {
  id: 'p',
  year: 2026,
  currency: 'EUR',
  directSaleThreshold: { minor: 1000000, currency: 'EUR' },
  registrationProtectionDays: 90,
  registrationRequiresApproval: true,
  priceMismatchTolerancePct: 5,
  marketingBudgetPct: 1.5,
  manufacturerSharePct: 50,
  defaultCompensationPct: 5,
  planDeviationMarginPct: 10,
  priceFloors: [{ productLine: { id: 'pumps', name: 'Pumps' }, minUnitPrice: { minor: 355000, currency: 'EUR' } }],
  bonusTiers: [
    { minAttainmentPct: 90, bonusPct: 1 },
    { minAttainmentPct: 100, bonusPct: 2.5 },
  ],
  updatedAt: '2025-12-05T10:00:00Z',
};

describe('policy form', () => {
  it('round-trips a policy through the form without changing a value', () => {
    const { input, errors } = toInput(toForm(policy, 2), 2);
    expect(errors).toEqual({});
    expect(input).toEqual({
      year: 2026,
      currency: 'EUR',
      directSaleThreshold: 1000000,
      registrationProtectionDays: 90,
      registrationRequiresApproval: true,
      priceMismatchTolerancePct: 5,
      marketingBudgetPct: 1.5,
      manufacturerSharePct: 50,
      defaultCompensationPct: 5,
      planDeviationMarginPct: 10,
      priceFloors: [{ productLineId: 'pumps', minUnitPrice: 355000 }],
      bonusTiers: [
        { minAttainmentPct: 90, bonusPct: 1 },
        { minAttainmentPct: 100, bonusPct: 2.5 },
      ],
    });
  });

  it('takes money in major units with either decimal mark, and drops emptied floors', () => {
    const f = { ...toForm(policy, 2), threshold: '12 500,50', floors: { pumps: '', valves: '320.1' } };
    const { input } = toInput(f, 2);
    expect(input?.directSaleThreshold).toBe(1250050);
    expect(input?.priceFloors).toEqual([{ productLineId: 'valves', minUnitPrice: 32010 }]);
  });

  it('names each bad field, including tiers that do not climb', () => {
    const f = {
      ...toForm(policy, 2),
      threshold: '1.234',
      marketingPct: 'lots',
      protectionDays: '-1',
      tiers: [
        { minAttainmentPct: '100', bonusPct: '2' },
        { minAttainmentPct: '90', bonusPct: '1' },
      ],
    };
    const { input, errors } = toInput(f, 2);
    expect(input).toBeNull();
    expect(errors).toEqual({ threshold: 'money', marketingPct: 'pct', protectionDays: 'days', 'tier.1.min': 'order' });
  });

  it('parses percentages with a comma and refuses nonsense', () => {
    expect(parsePct('1,5')).toBe(1.5);
    expect(parsePct('100')).toBe(100);
    expect(parsePct('-2')).toBeNull();
    expect(parsePct('1e2')).toBeNull();
    expect(parsePct('2000')).toBeNull();
  });

  it('maps server fields onto the form', () => {
    expect(fieldOfServer('input.marketingBudgetPct')).toBe('marketingPct');
    expect(fieldOfServer('input.priceFloors')).toBe('floors');
    expect(fieldOfServer('input.registrationProtectionDays')).toBe('protectionDays');
    expect(fieldOfServer('input.year')).toBe('form');
  });
});
