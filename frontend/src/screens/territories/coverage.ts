// Territory coverage computed in the browser from the region tree and every
// assignment (a few hundred at most, loaded once): which assignments cover a
// region (on it or on an ancestor), which regions nobody covers, and where
// two dealers' exclusive assignments overlap.

export type RegionLike = { id: string; path: string; name: string; depth: number };
export type AssignmentLike = {
  id: string;
  dealer: { id: string; name: string; code: string };
  region: { id: string; path: string; name: string };
  /** Empty means every segment. */
  segments: string[];
  /** Empty means every product line. */
  productLines: { id: string; name: string }[];
  exclusive: boolean;
  active: boolean;
};

/** A scope to look at: one segment and/or one product line, or all. */
export type Scope = { segment?: string; productLineId?: string };

export type CoverageStatus = 'covered' | 'partial' | 'gap';

export type RegionCoverage<A extends AssignmentLike> = {
  region: RegionLike;
  /** Active assignments on this region or an ancestor that reach the scope, nearest region first. */
  covering: A[];
  /** covered: someone covers it; partial: nobody covers it but someone covers a region below; gap: nobody, anywhere under it. */
  status: CoverageStatus;
  /** Exclusive assignments of different dealers that both reach this region with intersecting scopes. */
  overlaps: [A, A][];
};

// isAncestorOrSelf: ltree-style paths, eu.bg covers eu.bg and eu.bg.yambol, not eu.bgx.
export function isAncestorOrSelf(ancestor: string, path: string): boolean {
  return path === ancestor || path.startsWith(ancestor + '.');
}

function reachesScope(a: AssignmentLike, scope: Scope): boolean {
  if (scope.segment && a.segments.length > 0 && !a.segments.includes(scope.segment)) return false;
  if (scope.productLineId && a.productLines.length > 0 && !a.productLines.some((p) => p.id === scope.productLineId)) return false;
  return true;
}

// scopesIntersect: some segment and some product line are in both (empty is all).
export function scopesIntersect(a: AssignmentLike, b: AssignmentLike): boolean {
  const segs = a.segments.length === 0 || b.segments.length === 0 || a.segments.some((s) => b.segments.includes(s));
  const lines =
    a.productLines.length === 0 || b.productLines.length === 0 || a.productLines.some((p) => b.productLines.some((q) => q.id === p.id));
  return segs && lines;
}

export function computeCoverage<A extends AssignmentLike>(regions: RegionLike[], assignments: A[], scope: Scope = {}): RegionCoverage<A>[] {
  const live = assignments.filter((a) => a.active && reachesScope(a, scope));
  const rows = regions.map((region) => {
    const covering = live
      .filter((a) => isAncestorOrSelf(a.region.path, region.path))
      .sort((x, y) => y.region.path.length - x.region.path.length || x.dealer.name.localeCompare(y.dealer.name));
    const overlaps: [A, A][] = [];
    // An overlap is reported where it starts: at the region of the deeper of
    // the two assignments, not again at every region below it.
    const exclusive = covering.filter((a) => a.exclusive);
    for (let i = 0; i < exclusive.length; i++) {
      for (let j = i + 1; j < exclusive.length; j++) {
        const a = exclusive[i];
        const b = exclusive[j];
        if (a.dealer.id === b.dealer.id || !scopesIntersect(a, b)) continue;
        if (a.region.path !== region.path && b.region.path !== region.path) continue;
        overlaps.push([a, b]);
      }
    }
    return { region, covering, overlaps, status: 'covered' as CoverageStatus };
  });
  for (const r of rows) {
    if (r.covering.length > 0) continue;
    const below = rows.some((o) => o.covering.length > 0 && o.region.path !== r.region.path && isAncestorOrSelf(r.region.path, o.region.path));
    r.status = below ? 'partial' : 'gap';
  }
  return rows;
}
