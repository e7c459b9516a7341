// The resolution form as data: which action, with which dealer, compensation
// or split, turned into ResolveConflictInput, or a reason why not yet.
import type { CompensationBasis, ConflictResolution, ResolveConflictInput } from '../../gql/graphql';
import { parseMajor } from '../../shared/money';

export type Action = Exclude<ConflictResolution, 'AUTO'>;
export const actions: Action[] = ['AWARD_DEALER', 'AWARD_DIRECT', 'SPLIT', 'ROUTE_TO_DEALER', 'TRANSFER_CUSTOMER', 'DISMISS'];

export type ResolveState = {
  action: Action;
  note: string;
  dealerId: string;
  /** TRANSFER_CUSTOMER to direct sales rather than a dealer. */
  toDirect: boolean;
  basis: CompensationBasis;
  /** Major units; empty means the policy's default compensation. */
  compensation: string;
  /** dealId → share in percent, as typed. */
  shares: Record<string, string>;
};

export type ResolveError = 'resolve.err.note' | 'resolve.err.dealer' | 'resolve.err.amount' | 'resolve.err.splitSum' | 'resolve.err.splitTwo' | 'resolve.err.share';

// Which actions make sense for a conflict: routing only a direct order,
// awarding direct only where the direct channel is a party, splitting only
// between two or more deals.
export function actionsFor(c: { kind: string; parties: { direct: boolean }; deals: unknown[] }): Action[] {
  return actions.filter((a) => {
    if (a === 'ROUTE_TO_DEALER') return c.kind === 'SMALL_DIRECT_ORDER' || c.kind === 'DIRECT_BYPASS';
    if (a === 'AWARD_DIRECT') return c.parties.direct;
    if (a === 'SPLIT') return c.deals.length >= 2;
    return true;
  });
}

export function buildResolveInput(
  id: string,
  s: ResolveState,
  currency: string,
  digits: number,
  idempotencyKey: string,
): { input: ResolveConflictInput | null; error?: ResolveError } {
  const input: ResolveConflictInput = { id, resolution: s.action, idempotencyKey };
  if (s.note.trim()) input.note = s.note.trim();
  switch (s.action) {
    case 'DISMISS':
      if (!input.note) return { input: null, error: 'resolve.err.note' };
      break;
    case 'AWARD_DEALER':
    case 'ROUTE_TO_DEALER':
      // No dealer picked: the server takes the suggested one.
      if (s.dealerId) input.dealerId = s.dealerId;
      break;
    case 'TRANSFER_CUSTOMER':
      if (!s.toDirect) {
        if (!s.dealerId) return { input: null, error: 'resolve.err.dealer' };
        input.dealerId = s.dealerId;
      }
      break;
    case 'AWARD_DIRECT': {
      if (s.dealerId) input.dealerId = s.dealerId;
      input.compensation = { basis: s.basis };
      if (s.compensation.trim()) {
        const m = parseMajor(s.compensation, digits);
        if (!m.ok) return { input: null, error: 'resolve.err.amount' };
        input.compensation.amount = { minor: Number(m.minor), currency };
      }
      break;
    }
    case 'SPLIT': {
      const entries = Object.entries(s.shares).filter(([, v]) => v.trim() !== '');
      if (entries.length < 2) return { input: null, error: 'resolve.err.splitTwo' };
      // Shares are summed in hundredths of a percent, as integers, so
      // 33.33 + 33.33 + 33.34 is exactly 100.
      let sum = 0;
      const splits = [];
      for (const [dealId, v] of entries) {
        const m = parseMajor(v, 2);
        if (!m.ok) return { input: null, error: 'resolve.err.share' };
        sum += Number(m.minor);
        splits.push({ dealId, sharePct: Number(m.minor) / 100 });
      }
      if (sum !== 10000) return { input: null, error: 'resolve.err.splitSum' };
      input.splits = splits;
      break;
    }
  }
  return { input };
}
