// The conflict board as data: cards grouped into columns by status, kept up
// to date by merging conflicts as they arrive from the live feed (or a poll),
// with the cards that are new since the last look marked for a highlight.

export type Status = 'OPEN' | 'ACKNOWLEDGED' | 'RESOLVED' | 'DISMISSED';
export type ColumnId = 'OPEN' | 'ACKNOWLEDGED' | 'CLOSED';
export type CardLike = { id: string; status: Status; detectedAt: string; updatedAt: string };

export const columnIds: ColumnId[] = ['OPEN', 'ACKNOWLEDGED', 'CLOSED'];

export function columnOf(status: Status): ColumnId {
  return status === 'RESOLVED' || status === 'DISMISSED' ? 'CLOSED' : status;
}

export type Board<C extends CardLike> = Record<ColumnId, C[]>;

// groupBoard puts each card in its status column: live columns newest
// detection first, the closed column most recently closed first and cut to
// closedLimit (it shows what just happened, not the archive).
export function groupBoard<C extends CardLike>(cards: C[], closedLimit = 20): Board<C> {
  const board: Board<C> = { OPEN: [], ACKNOWLEDGED: [], CLOSED: [] };
  const seen = new Set<string>();
  for (const c of cards) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    board[columnOf(c.status)].push(c);
  }
  const byDetected = (a: C, b: C) => b.detectedAt.localeCompare(a.detectedAt) || b.id.localeCompare(a.id);
  board.OPEN.sort(byDetected);
  board.ACKNOWLEDGED.sort(byDetected);
  board.CLOSED.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || b.id.localeCompare(a.id));
  board.CLOSED = board.CLOSED.slice(0, closedLimit);
  return board;
}

// mergeCards applies newer versions of conflicts (from an event or a poll)
// to the known ones: a conflict's newer state replaces its older one, so a
// card moves column when its status changed. An older version never
// overwrites a newer one, whatever order the updates come in.
export function mergeCards<C extends CardLike>(known: C[], updates: C[]): C[] {
  const byId = new Map(known.map((c) => [c.id, c]));
  for (const u of updates) {
    const k = byId.get(u.id);
    if (!k || u.updatedAt >= k.updatedAt) byId.set(u.id, u);
  }
  return [...byId.values()];
}

// newIds: the conflicts in next that were not in prev (for the highlight).
export function newIds(prev: { id: string }[] | null, next: { id: string }[]): string[] {
  if (prev === null) return [];
  const had = new Set(prev.map((c) => c.id));
  return next.filter((c) => !had.has(c.id)).map((c) => c.id);
}

// The last feed cursor survives reloads, so the board resumes where it was.
const cursorKey = 'channelboard.board.cursor';
export function loadCursor(storage: Pick<Storage, 'getItem'> = window.localStorage): string | null {
  return storage.getItem(cursorKey);
}
export function saveCursor(cursor: string, storage: Pick<Storage, 'setItem'> = window.localStorage) {
  storage.setItem(cursorKey, cursor);
}
export function clearCursor(storage: Pick<Storage, 'removeItem'> = window.localStorage) {
  storage.removeItem(cursorKey);
}

// partyLabels words a conflict's parties for a card: the dealers the viewer
// may see by name, then the ones it may not ("another partner" — a dealer
// user never sees a competitor's name), then direct sales.
export type PartiesLike = { dealers: { name: string }[]; direct: boolean; otherPartners?: number | null };
export type PartyWords = { otherPartner: string; otherPartners: (n: number) => string; direct: string };

export function partyLabels(p: PartiesLike, words: PartyWords): string[] {
  const out = p.dealers.map((d) => d.name);
  const hidden = p.otherPartners ?? 0;
  if (hidden === 1) out.push(words.otherPartner);
  else if (hidden > 1) out.push(words.otherPartners(hidden));
  if (p.direct) out.push(words.direct);
  return out;
}
