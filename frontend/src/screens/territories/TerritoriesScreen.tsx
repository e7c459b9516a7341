// The Territories screen: the region tree against the dealers. Each region
// shows who covers it (an assignment on it or on an ancestor) for the chosen
// segment and product line; gaps and overlapping exclusive assignments are
// highlighted, and a region opens the full list of its assignments.
import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import type { AssignmentsQuery as AssignmentsResult } from '../../gql/graphql';
import { request, useQuery } from '../../graphql';
import { formatDate, langForCountry } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { SplitPane } from '../../shared/SplitPane';
import { EmptyState, ErrorState } from '../../shared/States';
import { scopeText } from '../dealers/DealerDetail';
import { computeCoverage, type RegionCoverage } from './coverage';
import { AssignmentsQuery, TerritoryRegionsQuery } from './operations';

type Assignment = AssignmentsResult['territoryAssignments']['edges'][number]['node'];
const segments = ['INDUSTRIAL', 'CONSTRUCTION', 'AGRICULTURE', 'UTILITIES', 'RETAIL', 'PUBLIC'] as const;

// useAllAssignments loads every assignment once, page by page.
function useAllAssignments() {
  const [state, setState] = useState<{ items: Assignment[] | null; error: Error | null }>({ items: null, error: null });
  const [nonce, setNonce] = useState(0);
  useEffect(() => {
    let live = true;
    (async () => {
      const items: Assignment[] = [];
      let after: string | null = null;
      for (;;) {
        const page: AssignmentsResult = await request(AssignmentsQuery, { after });
        items.push(...page.territoryAssignments.edges.map((e) => e.node));
        if (!page.territoryAssignments.pageInfo.hasNextPage) break;
        after = page.territoryAssignments.pageInfo.endCursor ?? null;
      }
      return items;
    })().then(
      (items) => live && setState({ items, error: null }),
      (error: Error) => live && setState({ items: null, error }),
    );
    return () => {
      live = false;
    };
  }, [nonce]);
  return { ...state, retry: () => setNonce((n) => n + 1) };
}

export function TerritoriesScreen() {
  const { t } = useI18n();
  const params = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const openId = params.id ? decodeURIComponent(params.id) : undefined;
  const base = useQuery(TerritoryRegionsQuery, {});
  const all = useAllAssignments();
  const [segment, setSegment] = useState('');
  const [productLineId, setProductLineId] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);

  const coverage = useMemo(() => {
    if (base.status !== 'ok' || !all.items) return null;
    return computeCoverage(base.data.regions, all.items, { segment: segment || undefined, productLineId: productLineId || undefined });
  }, [base, all.items, segment, productLineId]);

  const gaps = coverage?.filter((c) => c.status === 'gap').length ?? 0;
  const overlaps = coverage?.reduce((n, c) => n + c.overlaps.length, 0) ?? 0;
  const shown = coverage?.filter((c) => !problemsOnly || c.status === 'gap' || c.overlaps.length > 0) ?? [];
  const minDepth = coverage ? Math.min(...coverage.map((c) => c.region.depth)) : 0;
  const open = coverage?.find((c) => c.region.id === openId);

  let body;
  const error = base.status === 'error' ? base.error : all.error;
  if (error) {
    body = <ErrorState title={t('territories.error')} error={error} action={<button type="button" className="btn" onClick={() => { base.reload(); all.retry(); }}>{t('customers.retry')}</button>} />;
  } else if (!coverage) {
    body = (
      <div className="tree-table" aria-busy="true">
        {Array.from({ length: 16 }, (_, i) => (
          <div key={i} className="skeleton-line">
            <span className="skeleton" />
          </div>
        ))}
      </div>
    );
  } else if (shown.length === 0) {
    body = <EmptyState title={problemsOnly ? t('territories.noProblems') : t('territories.noRegions')} icon="✓" />;
  } else {
    body = (
      <div className="tree-table" role="table" aria-label={t('territories.title')} data-testid="territory-tree">
        <div className="tree-row tree-head" role="row">
          <span role="columnheader">{t('territories.region')}</span>
          <span role="columnheader">{t('territories.coveredBy')}</span>
          <span role="columnheader">{t('territories.state')}</span>
        </div>
        {shown.map((c) => (
          <RegionRow key={c.region.id} c={c} indent={c.region.depth - minDepth} open={c.region.id === openId} onOpen={() => navigate(`/territories/${encodeURIComponent(c.region.id)}`)} />
        ))}
      </div>
    );
  }

  return (
    <div className="screen">
      <div className="toolbar">
        <h1 className="screen-title">{t('territories.title')}</h1>
        <label className="field">
          <span>{t('customers.col.segment')}</span>
          <select className="input" value={segment} onChange={(e) => setSegment(e.target.value)} data-testid="segment-scope">
            <option value="">{t('territories.allSegments')}</option>
            {segments.map((s) => (
              <option key={s} value={s}>
                {t(`segment.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('deals.filter.productLine')}</span>
          <select className="input" value={productLineId} onChange={(e) => setProductLineId(e.target.value)} data-testid="line-scope">
            <option value="">{t('territories.allLines')}</option>
            {(base.status === 'ok' ? base.data.productLines : []).map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="radio">
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} data-testid="problems-only" />
          {t('territories.problemsOnly')}
        </label>
        <span className="spacer" />
        {coverage && (
          <span className="summary" data-testid="coverage-summary" data-gaps={gaps} data-overlaps={overlaps}>
            <span className={gaps ? 'badge danger' : 'badge'}>{t('territories.gaps', { n: gaps })}</span>{' '}
            <span className={overlaps ? 'badge warn' : 'badge'}>{t('territories.overlaps', { n: overlaps })}</span>
          </span>
        )}
      </div>
      <SplitPane
        id="territories"
        label={t('territories.title')}
        left={<div className="list-pane scroll">{body}</div>}
        right={open ? <RegionDetail c={open} onClose={() => navigate('/territories')} /> : null}
      />
    </div>
  );
}

function RegionRow({ c, indent, open, onOpen }: { c: RegionCoverage<Assignment>; indent: number; open: boolean; onOpen: () => void }) {
  const { t } = useI18n();
  const direct = c.covering.filter((a) => a.region.path === c.region.path);
  const inherited = c.covering.length - direct.length;
  const stateKey: MessageKey = c.overlaps.length ? 'territories.state.overlap' : (`territories.state.${c.status}` as MessageKey);
  return (
    <div
      className={`tree-row status-${c.status}${c.overlaps.length ? ' has-overlap' : ''}${open ? ' open' : ''}`}
      role="row"
      tabIndex={0}
      data-path={c.region.path}
      data-status={c.status}
      data-overlaps={c.overlaps.length}
      onClick={onOpen}
      onKeyDown={(e) => e.key === 'Enter' && onOpen()}
    >
      <span role="cell" className="tree-name" style={{ paddingLeft: 6 + indent * 16 }} lang={langForCountry(c.region.path.split('.')[1]?.toUpperCase())}>
        {c.region.name}
      </span>
      <span role="cell" className="tree-cover">
        {direct.map((a) => (
          <span key={a.id} className={`chip chip-dealer${a.exclusive ? ' exclusive' : ''}`} title={`${a.dealer.name} · ${scopeText(a, t)}`}>
            {a.exclusive && '◆ '}
            {a.dealer.code}
            {(a.segments.length > 0 || a.productLines.length > 0) && <span className="scope-mark">*</span>}
          </span>
        ))}
        {inherited > 0 && <span className="dim small">{t('territories.inherited', { n: inherited })}</span>}
      </span>
      <span role="cell">
        <span className={`badge ${c.overlaps.length ? 'warn' : c.status === 'gap' ? 'danger' : c.status === 'partial' ? '' : 'ok'}`}>{t(stateKey)}</span>
      </span>
    </div>
  );
}

function RegionDetail({ c, onClose }: { c: RegionCoverage<Assignment>; onClose: () => void }) {
  const { t, locale } = useI18n();
  return (
    <section className="detail" aria-label={c.region.name} data-testid="region-detail">
      <div className="detail-head">
        <h2 className="detail-title">
          {c.region.name} <span className="dim mono small">{c.region.path}</span>
        </h2>
        <button type="button" className="btn icon" onClick={onClose} aria-label={t('detail.close')} title={`${t('detail.close')} (Esc)`}>
          ×
        </button>
      </div>
      <div className="detail-body">
        {c.overlaps.length > 0 && (
          <div className="callout warn" role="note">
            {c.overlaps.map(([a, b]) => (
              <p key={a.id + b.id}>{t('territories.overlapText', { a: a.dealer.name, b: b.dealer.name })}</p>
            ))}
          </div>
        )}
        {c.status === 'gap' && <div className="callout danger">{t('territories.gapText')}</div>}
        {c.status === 'partial' && <p className="dim">{t('territories.partialText')}</p>}
        {c.covering.length > 0 && (
          <table className="mini-table">
            <thead>
              <tr>
                <th>{t('deals.col.channel')}</th>
                <th>{t('territories.scope')}</th>
                <th>{t('territories.from')}</th>
              </tr>
            </thead>
            <tbody>
              {c.covering.map((a) => (
                <tr key={a.id}>
                  <td title={a.dealer.name}>
                    <Link href={`/dealers/${encodeURIComponent(a.dealer.id)}`}>{a.dealer.name}</Link> {a.exclusive && <span className="badge">{t('territories.exclusive')}</span>}
                  </td>
                  <td title={scopeText(a, t)}>{scopeText(a, t)}</td>
                  <td title={`${formatDate(a.validFrom, locale)} – ${a.validTo ? formatDate(a.validTo, locale) : ''}`}>
                    {a.region.path === c.region.path ? t('territories.here') : a.region.name}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
