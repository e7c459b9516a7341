// How an owner is shown everywhere: the chip's label and its channel colour.
// The three kinds each have their own tone so a glance down the grid tells
// dealer-owned, direct and unassigned customers apart.
import type { T } from '../i18n';

export type OwnerKind = 'DEALER' | 'DIRECT' | 'UNASSIGNED';
export type OwnerTone = 'dealer' | 'direct' | 'unassigned';

export type OwnerLike = { kind: OwnerKind; dealer?: { name: string } | null };

export function ownerTone(kind: OwnerKind): OwnerTone {
  switch (kind) {
    case 'DEALER':
      return 'dealer';
    case 'DIRECT':
      return 'direct';
    default:
      return 'unassigned';
  }
}

export function ownerLabel(owner: OwnerLike, t: T): string {
  switch (owner.kind) {
    case 'DEALER':
      // A dealer the viewer may not see (a dealer user looking at a
      // competitor's customer or deal) arrives without its dealer.
      return owner.dealer?.name ?? t('owner.otherPartner');
    case 'DIRECT':
      return t('owner.direct');
    default:
      return t('owner.unassigned');
  }
}

export function ownerChip(owner: OwnerLike, t: T): { label: string; tone: OwnerTone } {
  return { label: ownerLabel(owner, t), tone: ownerTone(owner.kind) };
}
