// A customer's conflicts as the detail shows them: its possible duplicates
// (DUPLICATE_CUSTOMER conflicts, each with the other customer or customers)
// and its other live conflicts.
import type { ConflictKind, ConflictStatus } from '../../gql/graphql';

export type CustomerConflict = {
  id: string;
  kind: ConflictKind;
  status: ConflictStatus;
  customers: { id: string }[];
};

export type Duplicate<K extends CustomerConflict> = {
  conflict: K;
  // The other customers; empty when the viewer may not see the other one
  // (a dealer user and another dealer's account).
  others: K['customers'];
};

export const liveStatuses: ConflictStatus[] = ['OPEN', 'ACKNOWLEDGED'];

export function isLive(status: ConflictStatus): boolean {
  return liveStatuses.includes(status);
}

// splitConflicts separates the duplicates (live ones first, then the closed
// ones, each group in the server's newest-first order) from the other live
// conflicts.
export function splitConflicts<K extends CustomerConflict>(conflicts: K[], customerId: string): { duplicates: Duplicate<K>[]; open: K[] } {
  const dups = conflicts.filter((c) => c.kind === 'DUPLICATE_CUSTOMER');
  const duplicates = [...dups.filter((c) => isLive(c.status)), ...dups.filter((c) => !isLive(c.status))].map((conflict) => ({
    conflict,
    others: conflict.customers.filter((x, i, all) => x.id !== customerId && all.findIndex((y) => y.id === x.id) === i),
  }));
  const open = conflicts.filter((c) => c.kind !== 'DUPLICATE_CUSTOMER' && isLive(c.status));
  return { duplicates, open };
}
