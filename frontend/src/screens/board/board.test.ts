import { describe, expect, it } from 'vitest';
import { columnOf, groupBoard, loadCursor, mergeCards, newIds, partyLabels, saveCursor, type CardLike, type Status } from './board';

const card = (id: string, status: Status, detectedAt: string, updatedAt = detectedAt): CardLike => ({ id, status, detectedAt, updatedAt });

describe('groupBoard', () => {
  it('puts cards in columns by status, newest first, resolved and dismissed together', () => {
    const b = groupBoard([
      card('1', 'OPEN', '2026-11-01T10:00:00Z'),
      card('2', 'OPEN', '2026-11-03T10:00:00Z'),
      card('3', 'ACKNOWLEDGED', '2026-11-02T10:00:00Z'),
      card('4', 'RESOLVED', '2026-10-01T10:00:00Z', '2026-11-05T00:00:00Z'),
      card('5', 'DISMISSED', '2026-10-02T10:00:00Z', '2026-11-06T00:00:00Z'),
    ]);
    expect(b.OPEN.map((c) => c.id)).toEqual(['2', '1']);
    expect(b.ACKNOWLEDGED.map((c) => c.id)).toEqual(['3']);
    expect(b.CLOSED.map((c) => c.id)).toEqual(['5', '4']);
    expect(columnOf('DISMISSED')).toBe('CLOSED');
  });

  it('keeps only the most recently closed cards and never shows a card twice', () => {
    const closed = Array.from({ length: 30 }, (_, i) => card(`c${i}`, 'RESOLVED', '2026-01-01T00:00:00Z', `2026-11-${String(i + 1).padStart(2, '0')}T00:00:00Z`));
    const b = groupBoard([...closed, closed[0]], 5);
    expect(b.CLOSED.map((c) => c.id)).toEqual(['c29', 'c28', 'c27', 'c26', 'c25']);
  });
});

describe('mergeCards', () => {
  it('moves a card when its newer state arrives', () => {
    const known = [card('1', 'OPEN', '2026-11-01T10:00:00Z')];
    const merged = mergeCards(known, [card('1', 'RESOLVED', '2026-11-01T10:00:00Z', '2026-11-02T00:00:00Z'), card('2', 'OPEN', '2026-11-02T09:00:00Z')]);
    const b = groupBoard(merged);
    expect(b.OPEN.map((c) => c.id)).toEqual(['2']);
    expect(b.CLOSED.map((c) => c.id)).toEqual(['1']);
  });

  it('ignores a stale update that arrives after a newer one', () => {
    const newer = card('1', 'ACKNOWLEDGED', '2026-11-01T10:00:00Z', '2026-11-01T12:00:00Z');
    const stale = card('1', 'OPEN', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z');
    expect(mergeCards([newer], [stale])[0].status).toBe('ACKNOWLEDGED');
  });
});

describe('newIds and the saved cursor', () => {
  it('marks nothing on the first load, then only the cards that were not there', () => {
    expect(newIds(null, [card('1', 'OPEN', 'x')])).toEqual([]);
    expect(newIds([card('1', 'OPEN', 'x')], [card('2', 'OPEN', 'y'), card('1', 'OPEN', 'x')])).toEqual(['2']);
  });

  it('keeps the last cursor in storage', () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    expect(loadCursor(storage)).toBeNull();
    saveCursor('42:7', storage);
    expect(loadCursor(storage)).toBe('42:7');
  });
});

describe('partyLabels', () => {
  const words = { otherPartner: 'Another partner', otherPartners: (n: number) => `${n} other partners`, direct: 'Direct sales' };
  it('names the dealers the viewer may see, then the hidden ones, then direct sales', () => {
    expect(partyLabels({ dealers: [{ name: 'A' }, { name: 'B' }], direct: true, otherPartners: 0 }, words)).toEqual(['A', 'B', 'Direct sales']);
    expect(partyLabels({ dealers: [{ name: 'Mine' }], direct: false, otherPartners: 1 }, words)).toEqual(['Mine', 'Another partner']);
    expect(partyLabels({ dealers: [], direct: true, otherPartners: 2 }, words)).toEqual(['2 other partners', 'Direct sales']);
  });
  it('reads a server without the field as no hidden partner', () => {
    expect(partyLabels({ dealers: [{ name: 'A' }], direct: false }, words)).toEqual(['A']);
  });
});
