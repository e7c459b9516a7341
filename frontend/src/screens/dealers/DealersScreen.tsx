// The Dealers screen: every dealer with its plan, actual and attainment for
// the current year, and a detail pane (contact, parent and sub-dealers,
// territories, plan vs actual by month).
import { useCallback, useMemo, useRef, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { useAccess } from '../../auth/SessionProvider';
import type { DealerFilter, DealerKind, DealerOrderField, DealerStatus, DealersQuery as DealersResult } from '../../gql/graphql';
import { request } from '../../graphql';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { Grid, type Column, type Sort } from '../../shared/Grid';
import { ExportLink } from '../../shared/ExportLink';
import { ImportDialog } from '../../shared/ImportDialog';
import { SplitPane } from '../../shared/SplitPane';
import { EmptyState, ErrorState, useErrorText } from '../../shared/States';
import { useDebounced } from '../../shared/useDebounced';
import { useGridKeys } from '../../shared/useGridKeys';
import { pendingRowsFor, usePaged } from '../../shared/usePaged';
import { DealerDetail } from './DealerDetail';
import { DealersQuery } from './operations';

type Row = DealersResult['dealers']['edges'][number]['node'];
export const currentYear = 2026;

export function DealersScreen() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const params = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const openId = params.id ? decodeURIComponent(params.id) : undefined;
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const [kind, setKind] = useState<DealerKind | ''>('');
  const [status, setStatus] = useState<DealerStatus | ''>('');
  const [sort, setSort] = useState<Sort>({ field: 'NAME', direction: 'ASC' });
  const [selected, setSelected] = useState(-1);
  const searchBox = useRef<HTMLInputElement>(null);
  const { can } = useAccess();
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');

  const filter = useMemo<DealerFilter>(() => {
    const f: DealerFilter = {};
    if (search) f.search = search;
    if (kind) f.kind = kind;
    if (status) f.status = status;
    return f;
  }, [search, kind, status]);
  const key = JSON.stringify([filter, sort]);
  const fetcher = useCallback(async (k: string, after: string | null) => {
    const [f, o] = JSON.parse(k) as [DealerFilter, { field: DealerOrderField; direction: 'ASC' | 'DESC' }];
    const d = (await request(DealersQuery, { first: 100, after, filter: f, orderBy: o, year: currentYear })).dealers;
    return { nodes: d.edges.map((e) => e.node), totalCount: d.totalCount, hasNextPage: d.pageInfo.hasNextPage, endCursor: d.pageInfo.endCursor };
  }, []);
  const { paging, onRangeEnd, retry, reload } = usePaged<Row>(key, fetcher);

  const open = useCallback((r: Row) => navigate(`/dealers/${encodeURIComponent(r.id)}`), [navigate]);
  const close = useCallback(() => navigate('/dealers'), [navigate]);
  useGridKeys({
    count: paging.items.length,
    setSelected,
    search: searchBox,
    onEnter: () => {
      const r = paging.items[selected];
      if (r) open(r);
    },
    onEscape: () => openId && close(),
  });

  const columns = useMemo<Column<Row>[]>(
    () => [
      { id: 'code', header: t('dealers.col.code'), width: '84px', min: 84, sortField: 'CODE', render: (r) => <span className="mono">{r.code}</span> },
      { id: 'name', header: t('dealers.col.name'), width: 'minmax(150px, 2fr)', min: 150, sortField: 'NAME', title: (r) => r.name, render: (r) => <span className="cell-name">{r.name}</span> },
      { id: 'kind', header: t('dealers.col.kind'), width: '92px', min: 92, render: (r) => t(`dealerKind.${r.kind}`) },
      { id: 'status', header: t('dealers.col.status'), width: '84px', min: 84, render: (r) => <span className={`status status-${r.status.toLowerCase()}`}>{t(`dealerStatus.${r.status}`)}</span> },
      { id: 'tier', header: t('dealers.col.tier'), width: '44px', min: 44, align: 'end', sortField: 'TIER', render: (r) => r.tier },
      { id: 'customers', header: t('dealers.col.customers'), width: '70px', min: 70, align: 'end', render: (r) => r.customerCount },
      { id: 'plan', header: t('dealers.col.plan', { year: String(currentYear) }), width: '110px', min: 110, align: 'end', render: (r) => (r.plan ? formatMoney(r.plan.plannedVolume, locale) : '') },
      { id: 'actual', header: t('dealers.col.actual'), width: '110px', min: 110, align: 'end', render: (r) => (r.plan ? formatMoney(r.plan.actual, locale) : '') },
      {
        id: 'attainment',
        header: t('dealers.col.attainment'),
        width: '120px',
        min: 120,
        render: (r) => (r.plan ? <Attainment pct={r.plan.attainmentPct} /> : <span className="dim">{t('dealers.noPlan')}</span>),
      },
      { id: 'credit', header: t('dealers.col.credit'), width: '106px', min: 106, align: 'end', render: (r) => formatMoney(r.creditLimit, locale) },
      {
        id: 'conflicts',
        header: t('dealers.col.conflicts'),
        width: '70px',
        min: 70,
        align: 'end',
        render: (r) => (r.openConflictCount > 0 ? <span className="badge warn">{r.openConflictCount}</span> : <span className="dim">0</span>),
      },
    ],
    [t, locale],
  );

  let body;
  if (paging.error && paging.items.length === 0) {
    body = <ErrorState title={t('dealers.error')} error={paging.error} action={<button type="button" className="btn" onClick={retry}>{t('customers.retry')}</button>} />;
  } else if (paging.totalCount === 0) {
    body = <EmptyState title={t('dealers.empty')} />;
  } else {
    body = (
      <Grid
        label={t('dealers.title')}
        columns={columns}
        rows={paging.items}
        rowKey={(r) => r.id}
        pendingRows={pendingRowsFor(paging)}
        selectedIndex={selected}
        openKey={openId}
        onSelect={setSelected}
        onOpen={open}
        onRangeEnd={onRangeEnd}
        sort={sort}
        onSort={setSort}
        sortLabel={(column) => t('customers.sortBy', { column })}
        resetKey={key}
      />
    );
  }

  const list = (
    <div className="list-pane">
      {body}
      <div className="statusbar">
        <span data-testid="total-count">{paging.totalCount === null ? '\u00a0' : t('dealers.count', { n: paging.totalCount })}</span>
        {paging.error && paging.items.length > 0 && <span className="error-message">{errorText(paging.error)}</span>}
        <span className="spacer" />
        <span className="dim">{t('customers.keys')}</span>
      </div>
    </div>
  );

  return (
    <div className="screen">
      <div className="toolbar" role="search">
        <h1 className="screen-title">{t('dealers.title')}</h1>
        <input
          ref={searchBox}
          type="search"
          className="input search"
          aria-label={t('dealers.search')}
          placeholder={`${t('dealers.search')}  /`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="dealer-search"
        />
        <label className="field">
          <span>{t('dealers.col.kind')}</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as DealerKind | '')} data-testid="kind-filter">
            <option value="">{t('deals.filter.any')}</option>
            {(['DISTRIBUTOR', 'DEALER', 'SUBDEALER'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`dealerKind.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('dealers.col.status')}</span>
          <select className="input" value={status} onChange={(e) => setStatus(e.target.value as DealerStatus | '')} data-testid="status-filter">
            <option value="">{t('deals.filter.any')}</option>
            {(['ACTIVE', 'SUSPENDED', 'TERMINATED'] as const).map((k) => (
              <option key={k} value={k}>
                {t(`dealerStatus.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        {notice && (
          <span className="notice" data-testid="notice">
            {notice}
          </span>
        )}
        <ExportLink kind="dealers" filter={filter} />
        {can('data.import') && (
          <button type="button" className="btn" onClick={() => setImporting(true)} data-testid="import-csv">
            {t('import.action')}
          </button>
        )}
      </div>
      <SplitPane
        id="dealers"
        label={t('dealers.title')}
        left={list}
        initialRight={520}
        right={openId ? <DealerDetail key={openId} id={openId} year={currentYear} onClose={close} /> : null}
      />
      {importing && (
        <ImportDialog
          kind="dealers"
          onClose={() => setImporting(false)}
          onImported={(r) => {
            setNotice(t('import.notice', { n: r.imported }));
            reload();
          }}
        />
      )}
    </div>
  );
}

// Attainment shows the percentage with a small bar: red under half the plan,
// amber under the plan, green at or over it.
export function Attainment({ pct }: { pct: number }) {
  const { locale } = useI18n();
  const tone = pct >= 100 ? 'good' : pct >= 50 ? 'mid' : 'low';
  return (
    <span className={`attain attain-${tone}`} data-pct={pct.toFixed(1)}>
      <span className="attain-bar" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.max(0, pct))}%` }} />
      </span>
      {new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(pct)} %
    </span>
  );
}
