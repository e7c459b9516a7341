// The policy edit form as data: a policy becomes editable text (money in
// major units, percentages as typed), and the text becomes SetPolicyInput
// with money in exact minor units, or errors per field.
import type { PoliciesQuery, SetPolicyInput } from '../../gql/graphql';
import { minorToDecimal } from '../../format';
import { parseMajor } from '../../shared/money';

export type Policy = PoliciesQuery['policies'][number];

export type PolicyForm = {
  year: number;
  currency: string;
  threshold: string;
  protectionDays: string;
  requiresApproval: boolean;
  tolerancePct: string;
  marketingPct: string;
  manufacturerSharePct: string;
  compensationPct: string;
  deviationPct: string;
  /** productLineId → minimum unit price in major units ('' = no floor). */
  floors: Record<string, string>;
  tiers: { minAttainmentPct: string; bonusPct: string }[];
};

export type PolicyFormErrors = Partial<Record<string, 'money' | 'pct' | 'days' | 'order'>>;

export function toForm(p: Policy, digits: number): PolicyForm {
  return {
    year: p.year,
    currency: p.currency,
    threshold: minorToDecimal(p.directSaleThreshold.minor, digits),
    protectionDays: String(p.registrationProtectionDays),
    requiresApproval: p.registrationRequiresApproval,
    tolerancePct: String(p.priceMismatchTolerancePct),
    marketingPct: String(p.marketingBudgetPct),
    manufacturerSharePct: String(p.manufacturerSharePct),
    compensationPct: String(p.defaultCompensationPct),
    deviationPct: String(p.planDeviationMarginPct),
    floors: Object.fromEntries(p.priceFloors.map((f) => [f.productLine.id, minorToDecimal(f.minUnitPrice.minor, digits)])),
    tiers: p.bonusTiers.map((t) => ({ minAttainmentPct: String(t.minAttainmentPct), bonusPct: String(t.bonusPct) })),
  };
}

// parsePct reads a percentage such as "1.5" or "1,5" (0–1000).
export function parsePct(text: string): number | null {
  const s = text.trim().replace(',', '.');
  if (!/^[0-9]+(\.[0-9]+)?$/.test(s)) return null;
  const v = Number(s);
  return v <= 1000 ? v : null;
}

export function toInput(f: PolicyForm, digits: number): { input: SetPolicyInput | null; errors: PolicyFormErrors } {
  const errors: PolicyFormErrors = {};
  const money = (field: string, text: string): number | null => {
    const r = parseMajor(text, digits);
    if (!r.ok) {
      errors[field] = 'money';
      return null;
    }
    return Number(r.minor);
  };
  const pct = (field: string, text: string): number | null => {
    const v = parsePct(text);
    if (v === null) errors[field] = 'pct';
    return v;
  };
  const threshold = money('threshold', f.threshold);
  const days = /^[0-9]{1,4}$/.test(f.protectionDays.trim()) ? Number(f.protectionDays.trim()) : null;
  if (days === null) errors.protectionDays = 'days';
  const input: SetPolicyInput = {
    year: f.year,
    currency: f.currency,
    directSaleThreshold: threshold ?? 0,
    registrationProtectionDays: days,
    registrationRequiresApproval: f.requiresApproval,
    priceMismatchTolerancePct: pct('tolerancePct', f.tolerancePct),
    marketingBudgetPct: pct('marketingPct', f.marketingPct),
    manufacturerSharePct: pct('manufacturerSharePct', f.manufacturerSharePct),
    defaultCompensationPct: pct('compensationPct', f.compensationPct),
    planDeviationMarginPct: pct('deviationPct', f.deviationPct),
    priceFloors: Object.entries(f.floors)
      .filter(([, text]) => text.trim() !== '')
      .map(([productLineId, text]) => ({ productLineId, minUnitPrice: money(`floor.${productLineId}`, text) ?? 0 })),
    bonusTiers: f.tiers.map((t, i) => ({
      minAttainmentPct: pct(`tier.${i}.min`, t.minAttainmentPct) ?? 0,
      bonusPct: pct(`tier.${i}.bonus`, t.bonusPct) ?? 0,
    })),
  };
  // Tiers climb: each needs more attainment than the one before.
  const mins = input.bonusTiers!.map((t) => t.minAttainmentPct);
  mins.forEach((m, i) => {
    if (i > 0 && m <= mins[i - 1] && !errors[`tier.${i}.min`]) errors[`tier.${i}.min`] = 'order';
  });
  return { input: Object.keys(errors).length ? null : input, errors };
}

// fieldOfServer maps the server's extensions.field to the form's field name.
export function fieldOfServer(field: string | undefined): string {
  const f = (field ?? '').replace(/^input\./, '');
  const map: Record<string, string> = {
    directSaleThreshold: 'threshold',
    registrationProtectionDays: 'protectionDays',
    priceMismatchTolerancePct: 'tolerancePct',
    marketingBudgetPct: 'marketingPct',
    manufacturerSharePct: 'manufacturerSharePct',
    defaultCompensationPct: 'compensationPct',
    planDeviationMarginPct: 'deviationPct',
    priceFloors: 'floors',
    bonusTiers: 'tiers',
  };
  return map[f.split('.')[0].replace(/\[.*$/, '')] ?? 'form';
}
