import { describe, expect, it } from 'vitest';
import type { ConflictKind, ConflictStatus } from '../../gql/graphql';
import { splitConflicts } from './conflicts';

const k = (id: string, kind: ConflictKind, status: ConflictStatus, customers: string[]) => ({
  id,
  kind,
  status,
  customers: customers.map((c) => ({ id: c, name: `name ${c}` })),
});

describe('splitConflicts', () => {
  const all = [
    k('K1', 'DUPLICATE_CUSTOMER', 'RESOLVED', ['C1', 'C2']),
    k('K2', 'OWNERSHIP_CLAIM', 'OPEN', ['C1']),
    k('K3', 'DUPLICATE_CUSTOMER', 'OPEN', ['C3', 'C1']),
    k('K4', 'PRICE_MISMATCH', 'DISMISSED', ['C1']),
    k('K5', 'DIRECT_BYPASS', 'ACKNOWLEDGED', ['C1']),
  ];

  it('lists the duplicates, live first, with the other customer', () => {
    const { duplicates } = splitConflicts(all, 'C1');
    expect(duplicates.map((d) => d.conflict.id)).toEqual(['K3', 'K1']);
    expect(duplicates.map((d) => d.others.map((o) => o.id))).toEqual([['C3'], ['C2']]);
  });

  it('keeps the other live conflicts, not closed ones or duplicates', () => {
    expect(splitConflicts(all, 'C1').open.map((c) => c.id)).toEqual(['K2', 'K5']);
  });

  it('has no other customer when the viewer may not see it', () => {
    const { duplicates } = splitConflicts([k('K9', 'DUPLICATE_CUSTOMER', 'OPEN', ['C1'])], 'C1');
    expect(duplicates[0].others).toEqual([]);
  });

  it('lists each other customer once', () => {
    const { duplicates } = splitConflicts([k('K9', 'DUPLICATE_CUSTOMER', 'OPEN', ['C1', 'C2', 'C2'])], 'C1');
    expect(duplicates[0].others.map((o) => o.id)).toEqual(['C2']);
  });
});
