import { describe, expect, it } from 'vitest';
import { actionsFor, buildResolveInput, type ResolveState } from './resolveForm';

const base: ResolveState = { action: 'AWARD_DEALER', note: '', dealerId: '', toDirect: false, basis: 'AGENT_COMMISSION', compensation: '', shares: {} };
const build = (s: Partial<ResolveState>) => buildResolveInput('C1', { ...base, ...s }, 'EUR', 2, 'k');

describe('buildResolveInput', () => {
  it('leaves the dealer to the server when none is picked', () => {
    expect(build({})).toEqual({ input: { id: 'C1', resolution: 'AWARD_DEALER', idempotencyKey: 'k' } });
    expect(build({ dealerId: 'D9', note: ' agreed on the phone ' }).input).toEqual({ id: 'C1', resolution: 'AWARD_DEALER', idempotencyKey: 'k', dealerId: 'D9', note: 'agreed on the phone' });
  });

  it('requires a reason to dismiss', () => {
    expect(build({ action: 'DISMISS', note: '  ' })).toEqual({ input: null, error: 'resolve.err.note' });
    expect(build({ action: 'DISMISS', note: 'known duplicate' }).input?.note).toBe('known duplicate');
  });

  it('compensates in exact minor units, or by the policy default', () => {
    expect(build({ action: 'AWARD_DIRECT', compensation: '1 250,75', basis: 'CASH' }).input?.compensation).toEqual({ basis: 'CASH', amount: { minor: 125075, currency: 'EUR' } });
    expect(build({ action: 'AWARD_DIRECT' }).input?.compensation).toEqual({ basis: 'AGENT_COMMISSION' });
    expect(build({ action: 'AWARD_DIRECT', compensation: '12.345' }).error).toBe('resolve.err.amount');
  });

  it('splits only between two or more deals, adding up to exactly 100 %', () => {
    expect(build({ action: 'SPLIT', shares: { a: '100' } }).error).toBe('resolve.err.splitTwo');
    expect(build({ action: 'SPLIT', shares: { a: '60', b: '30' } }).error).toBe('resolve.err.splitSum');
    expect(build({ action: 'SPLIT', shares: { a: '33.33', b: '33.33', c: '33,34' } }).input?.splits).toEqual([
      { dealId: 'a', sharePct: 33.33 },
      { dealId: 'b', sharePct: 33.33 },
      { dealId: 'c', sharePct: 33.34 },
    ]);
    expect(build({ action: 'SPLIT', shares: { a: 'half', b: '50' } }).error).toBe('resolve.err.share');
  });

  it('transfers to a dealer or to direct sales', () => {
    expect(build({ action: 'TRANSFER_CUSTOMER' }).error).toBe('resolve.err.dealer');
    expect(build({ action: 'TRANSFER_CUSTOMER', toDirect: true }).input).toEqual({ id: 'C1', resolution: 'TRANSFER_CUSTOMER', idempotencyKey: 'k' });
  });
});

describe('actionsFor', () => {
  it('offers only the actions that fit the conflict', () => {
    expect(actionsFor({ kind: 'SMALL_DIRECT_ORDER', parties: { direct: true }, deals: [1] })).toEqual(['AWARD_DEALER', 'AWARD_DIRECT', 'ROUTE_TO_DEALER', 'TRANSFER_CUSTOMER', 'DISMISS']);
    expect(actionsFor({ kind: 'DUPLICATE_REGISTRATION', parties: { direct: false }, deals: [1, 2] })).toEqual(['AWARD_DEALER', 'SPLIT', 'TRANSFER_CUSTOMER', 'DISMISS']);
  });
});
