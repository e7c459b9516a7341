import { describe, expect, it } from 'vitest';
import { computeCoverage, isAncestorOrSelf, scopesIntersect, type AssignmentLike } from './coverage';

const region = (path: string) => ({ id: path, path, name: path, depth: path.split('.').length });
const regions = ['eu', 'eu.bg', 'eu.bg.yambol', 'eu.bg.yambol.elhovo', 'eu.bg.varna', 'eu.bgx', 'eu.ro', 'eu.ro.timis'].map(region);

let n = 0;
function assign(dealer: string, path: string, o: Partial<AssignmentLike> = {}): AssignmentLike {
  return {
    id: `a${++n}`,
    dealer: { id: dealer, name: dealer, code: dealer },
    region: { id: path, path, name: path },
    segments: [],
    productLines: [],
    exclusive: false,
    active: true,
    ...o,
  };
}
const byPath = <T extends { region: { path: string } }>(rows: T[]) => new Map(rows.map((r) => [r.region.path, r]));

describe('isAncestorOrSelf', () => {
  it('follows path segments, not string prefixes', () => {
    expect(isAncestorOrSelf('eu.bg', 'eu.bg')).toBe(true);
    expect(isAncestorOrSelf('eu.bg', 'eu.bg.yambol')).toBe(true);
    expect(isAncestorOrSelf('eu.bg', 'eu.bgx')).toBe(false);
    expect(isAncestorOrSelf('eu.bg.yambol', 'eu.bg')).toBe(false);
  });
});

describe('computeCoverage', () => {
  it('inherits coverage down the tree, nearest assignment first', () => {
    const dist = assign('D', 'eu.bg');
    const yambol = assign('Y', 'eu.bg.yambol');
    const rows = byPath(computeCoverage(regions, [dist, yambol]));
    expect(rows.get('eu.bg.yambol.elhovo')!.covering.map((a) => a.dealer.id)).toEqual(['Y', 'D']);
    expect(rows.get('eu.bg.varna')!.covering.map((a) => a.dealer.id)).toEqual(['D']);
    expect(rows.get('eu.bgx')!.covering).toEqual([]);
  });

  it('finds gaps, and tells them from parents covered only below', () => {
    const rows = byPath(computeCoverage(regions, [assign('D', 'eu.bg'), assign('T', 'eu.ro.timis')]));
    expect(rows.get('eu.bg.varna')!.status).toBe('covered');
    expect(rows.get('eu.bgx')!.status).toBe('gap');
    expect(rows.get('eu.ro')!.status).toBe('partial');
    expect(rows.get('eu')!.status).toBe('partial');
  });

  it('ignores inactive assignments and those outside the scope looked at', () => {
    const rows = computeCoverage(
      regions,
      [assign('Old', 'eu.ro', { active: false }), assign('Agro', 'eu.ro', { segments: ['AGRICULTURE'] })],
      { segment: 'RETAIL' },
    );
    expect(byPath(rows).get('eu.ro.timis')!.status).toBe('gap');
    const agro = computeCoverage(regions, [assign('Agro', 'eu.ro', { segments: ['AGRICULTURE'] })], { segment: 'AGRICULTURE' });
    expect(byPath(agro).get('eu.ro.timis')!.status).toBe('covered');
    const pumps = computeCoverage(regions, [assign('V', 'eu.ro', { productLines: [{ id: 'valves', name: 'Valves' }] })], { productLineId: 'pumps' });
    expect(byPath(pumps).get('eu.ro')!.status).toBe('gap');
  });

  it('reports two dealers exclusive on intersecting scopes once, where the overlap starts', () => {
    const all = assign('A', 'eu.ro.timis', { exclusive: true });
    const agro = assign('B', 'eu.ro.timis', { exclusive: true, segments: ['AGRICULTURE'] });
    const rows = byPath(computeCoverage([...regions, region('eu.ro.timis.lugoj')], [all, agro]));
    expect(rows.get('eu.ro.timis')!.overlaps.map(([a, b]) => [a.dealer.id, b.dealer.id].sort())).toEqual([['A', 'B']]);
    expect(rows.get('eu.ro.timis.lugoj')!.overlaps).toEqual([]);
  });

  it('does not call it an overlap when scopes are disjoint, one is not exclusive, or the dealer is the same', () => {
    const rows = computeCoverage(regions, [
      assign('A', 'eu.bg', { exclusive: true, segments: ['RETAIL'] }),
      assign('B', 'eu.bg.yambol', { exclusive: true, segments: ['AGRICULTURE'] }),
      assign('C', 'eu.bg.yambol', { exclusive: false }),
      assign('A', 'eu.bg.yambol', { exclusive: true }),
    ]);
    // A (all segments) on yambol meets B (AGRICULTURE) on yambol: that one is real.
    const yambol = byPath(rows).get('eu.bg.yambol')!;
    expect(yambol.overlaps.map(([a, b]) => [a.dealer.id, b.dealer.id].sort())).toEqual([['A', 'B']]);
    expect(byPath(rows).get('eu.bg')!.overlaps).toEqual([]);
  });
});

describe('scopesIntersect', () => {
  it('treats an empty list as everything', () => {
    const a = assign('A', 'eu', { segments: ['RETAIL'], productLines: [{ id: 'p', name: 'p' }] });
    expect(scopesIntersect(a, assign('B', 'eu'))).toBe(true);
    expect(scopesIntersect(a, assign('B', 'eu', { productLines: [{ id: 'q', name: 'q' }] }))).toBe(false);
  });
});
