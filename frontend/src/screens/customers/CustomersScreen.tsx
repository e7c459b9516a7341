// The Customers screen: filters, the server-paged grid and the detail pane.
// The open customer lives in the URL (/customers/:id) so it survives reloads
// and can be linked; filters and sort live in component state.
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { useAccess } from '../../auth/SessionProvider';
import type { CustomerFilter, CustomerOrderField, CustomersQuery as CustomersResult } from '../../gql/graphql';
import { request, useQuery } from '../../graphql';
import { formatDate, langForCountry } from '../../format';
import { useI18n } from '../../i18n';
import { Grid, type Column, type Sort } from '../../shared/Grid';
import { ExportLink } from '../../shared/ExportLink';
import { ImportDialog } from '../../shared/ImportDialog';
import { OwnerChip } from '../../shared/OwnerChip';
import { initialPaging, pagingReducer, shouldLoadMore, type PagingState } from '../../shared/paging';
import { SplitPane } from '../../shared/SplitPane';
import { EmptyState, ErrorState, useErrorText } from '../../shared/States';
import { useDebounced } from '../../shared/useDebounced';
import { CreateCustomerDialog } from './CreateCustomerDialog';
import { CustomerDetail } from './CustomerDetail';
import { DealerPicker, type DealerRef } from './DealerPicker';
import { CustomerFilterOptionsQuery, CustomersQuery } from './operations';

type Row = CustomersResult['customers']['edges'][number]['node'];
type OwnerMode = 'all' | 'anyDealer' | 'direct' | 'unassigned' | 'dealer';

const pageSize = 100;
const firstLoadSkeletons = 30;

export function CustomersScreen() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const params = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const openId = params.id ? decodeURIComponent(params.id) : undefined;

  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const [ownerMode, setOwnerMode] = useState<OwnerMode>('all');
  const [dealer, setDealer] = useState<DealerRef | null>(null);
  const [regionId, setRegionId] = useState('');
  const [sort, setSort] = useState<Sort>({ field: 'NAME', direction: 'ASC' });
  const searchBox = useRef<HTMLInputElement>(null);
  // A dealer user sees only its own customers: no filter by owner. It may
  // register a customer, which is then its own.
  const { can, ownDealer } = useAccess();
  const byOwner = can('dealers.all');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState('');

  const options = useQuery(CustomerFilterOptionsQuery, {});
  const regions = useMemo(() => (options.status === 'ok' ? options.data.regions : []), [options]);
  const regionNames = useMemo(() => new Map(regions.map((r) => [r.path, r.name])), [regions]);

  const filter = useMemo<CustomerFilter>(() => {
    const f: CustomerFilter = {};
    if (search) f.search = search;
    if (regionId) f.regionId = regionId;
    if (ownerMode === 'direct') f.ownerKind = 'DIRECT';
    if (ownerMode === 'unassigned') f.ownerKind = 'UNASSIGNED';
    if (ownerMode === 'anyDealer') f.ownerKind = 'DEALER';
    if (ownerMode === 'dealer' && dealer) {
      f.ownerKind = 'DEALER';
      f.ownerDealerId = dealer.id;
    }
    return f;
  }, [search, regionId, ownerMode, dealer]);
  const orderBy = useMemo(() => ({ field: sort.field as CustomerOrderField, direction: sort.direction }), [sort]);
  const key = JSON.stringify([filter, orderBy]);

  const [paging, dispatch] = useReducer(pagingReducer<Row>, key, initialPaging<Row>);
  const inflight = useRef('');
  const fetchPage = useCallback(
    (k: string, after: string | null) => {
      const tag = `${k}|${after}`;
      if (inflight.current === tag) return;
      inflight.current = tag;
      dispatch({ type: 'fetch', key: k });
      const [f, o] = JSON.parse(k) as [CustomerFilter, typeof orderBy];
      request(CustomersQuery, { first: pageSize, after, filter: f, orderBy: o }).then(
        (data) => {
          if (inflight.current === tag) inflight.current = '';
          const c = data.customers;
          dispatch({
            type: 'loaded',
            key: k,
            after,
            page: {
              nodes: c.edges.map((e) => e.node),
              totalCount: c.totalCount,
              hasNextPage: c.pageInfo.hasNextPage,
              endCursor: c.pageInfo.endCursor,
            },
          });
        },
        (error: Error) => {
          if (inflight.current === tag) inflight.current = '';
          dispatch({ type: 'failed', key: k, error });
        },
      );
    },
    [],
  );

  const [selected, setSelected] = useState(-1);
  useEffect(() => {
    dispatch({ type: 'reset', key });
    setSelected(-1);
    fetchPage(key, null);
  }, [key, fetchPage]);

  const pagingRef = useRef<PagingState<Row>>(paging);
  pagingRef.current = paging;
  const onRangeEnd = useCallback(
    (last: number) => {
      const p = pagingRef.current;
      if (p.items.length > 0 && shouldLoadMore(p, last)) fetchPage(p.key, p.endCursor);
    },
    [fetchPage],
  );

  const open = useCallback((row: Row) => navigate(`/customers/${encodeURIComponent(row.id)}`), [navigate]);
  const close = useCallback(() => navigate('/customers'), [navigate]);

  // Keyboard: / focuses the search, j/k or arrows move, Enter opens, Esc closes.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const el = e.target as HTMLElement;
      const typing = el.matches('input, select, textarea, [contenteditable="true"]');
      if (e.key === 'Escape') {
        if (typing) el.blur();
        else if (openId) close();
        return;
      }
      if (typing) return;
      const p = pagingRef.current;
      switch (e.key) {
        case '/':
          searchBox.current?.focus();
          searchBox.current?.select();
          break;
        case 'j':
        case 'ArrowDown':
          setSelected((s) => Math.min(s + 1, p.items.length - 1));
          break;
        case 'k':
        case 'ArrowUp':
          setSelected((s) => Math.max(s - 1, 0));
          break;
        case 'Enter': {
          if (el.matches('button, a')) return;
          const row = p.items[selected];
          if (row) open(row);
          break;
        }
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openId, close, open, selected]);

  const columns = useMemo<Column<Row>[]>(
    () => [
      {
        id: 'name',
        header: t('customers.col.name'),
        width: 'minmax(146px, 2.4fr)', min: 146,
        sortField: 'NAME',
        title: (r) => r.name,
        render: (r) => (
          <span className="cell-name" lang={langForCountry(r.country)}>
            {r.name}
          </span>
        ),
      },
      { id: 'taxId', header: t('customers.col.taxId'), width: 'minmax(100px, 1.1fr)', min: 100, render: (r) => <span className="mono">{r.taxId ?? ''}</span> },
      { id: 'owner', header: t('customers.col.owner'), width: 'minmax(120px, 1.6fr)', min: 120, render: (r) => <OwnerChip owner={r.owner} /> },
      {
        id: 'ownerSince',
        header: t('customers.col.ownerSince'),
        width: '94px', min: 94,
        sortField: 'OWNER_SINCE',
        render: (r) => formatDate(r.owner.since, locale),
      },
      { id: 'region', header: t('customers.col.region'), width: 'minmax(80px, 1fr)', min: 80, title: (r) => r.region.path, render: (r) => r.region.name },
      { id: 'segment', header: t('customers.col.segment'), width: 'minmax(86px, 1fr)', min: 86, render: (r) => t(`segment.${r.segment}`) },
      { id: 'size', header: t('customers.col.size'), width: '70px', min: 70, render: (r) => t(`size.${r.size}`) },
      {
        id: 'key',
        header: t('customers.col.keyAccount'),
        width: '40px', min: 40,
        align: 'center',
        title: (r) => (r.keyAccount ? r.keyAccountReason || t('customers.keyAccountNoReason') : undefined),
        render: (r) =>
          r.keyAccount ? (
            <span className="key-flag" aria-label={t('customers.keyAccount')}>
              ★
            </span>
          ) : null,
      },
      { id: 'deals', header: t('customers.col.deals'), width: '52px', min: 52, align: 'end', render: (r) => r.dealCount },
      {
        id: 'created',
        header: t('customers.col.created'),
        width: '88px', min: 88,
        sortField: 'CREATED_AT',
        render: (r) => formatDate(r.createdAt, locale),
      },
    ],
    [t, locale],
  );

  // The search the shown rows answer (not the one being typed): lets tests
  // and screen readers tell a settled result from an intermediate one.
  const loadedSearch = useMemo(() => (JSON.parse(paging.key) as [CustomerFilter])[0].search ?? '', [paging.key]);
  const firstLoad = paging.items.length === 0 && paging.totalCount === null;
  const pendingRows = paging.error
    ? 0
    : firstLoad
      ? firstLoadSkeletons
      : paging.hasNextPage
        ? Math.min(20, (paging.totalCount ?? 0) - paging.items.length)
        : 0;
  const filtered = Object.keys(filter).length > 0;

  let body: React.ReactNode;
  if (paging.error && paging.items.length === 0) {
    body = (
      <ErrorState
        title={t('customers.error.title')}
        error={paging.error}
        action={
          <button type="button" className="btn" onClick={() => fetchPage(paging.key, null)}>
            {t('customers.retry')}
          </button>
        }
      />
    );
  } else if (!firstLoad && paging.items.length === 0) {
    body = (
      <EmptyState title={filtered ? t('customers.empty.title') : t('customers.empty.none')}>
        {filtered && t('customers.empty.body')}
      </EmptyState>
    );
  } else {
    body = (
      <Grid<Row>
        label={t('customers.title')}
        resetKey={paging.key}
        columns={columns}
        rows={paging.items}
        rowKey={(r) => r.id}
        pendingRows={Math.max(0, pendingRows)}
        selectedIndex={selected}
        openKey={openId}
        onSelect={setSelected}
        onOpen={open}
        onRangeEnd={onRangeEnd}
        sort={sort}
        onSort={setSort}
        sortLabel={(column) => t('customers.sortBy', { column })}
      />
    );
  }

  const clearFilters = () => {
    setText('');
    setOwnerMode('all');
    setDealer(null);
    setRegionId('');
  };

  const list = (
    <div className="list-pane">
      {body}
      <div className="statusbar" aria-live="polite">
        <span data-testid="total-count" data-search={loadedSearch}>
          {paging.totalCount === null ? '\u00a0' : t('customers.count', { n: paging.totalCount })}
        </span>
        {paging.totalCount !== null && paging.items.length < paging.totalCount && (
          <span className="dim">{t('customers.loadedOf', { loaded: paging.items.length, total: paging.totalCount })}</span>
        )}
        {paging.error && paging.items.length > 0 && (
          <span className="error-message">
            {errorText(paging.error)}{' '}
            <button type="button" className="btn link" onClick={() => fetchPage(paging.key, paging.endCursor)}>
              {t('customers.retry')}
            </button>
          </span>
        )}
        <span className="spacer" />
        <span className="dim">{t('customers.keys')}</span>
      </div>
    </div>
  );

  return (
    <div className="screen">
      <div className="toolbar" role="search">
        <h1 className="screen-title">{t('customers.title')}</h1>
        <input
          ref={searchBox}
          type="search"
          className="input search"
          aria-label={t('customers.search')}
          placeholder={`${t('customers.search')}  /`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // ArrowDown leaves the search for the grid, like a desktop list.
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              e.currentTarget.blur();
              setSelected(0);
            }
          }}
          data-testid="customer-search"
        />
        {byOwner && (
        <label className="field">
          <span>{t('customers.filter.owner')}</span>
          <select
            className="input"
            value={ownerMode}
            onChange={(e) => setOwnerMode(e.target.value as OwnerMode)}
            data-testid="owner-filter"
          >
            <option value="all">{t('customers.filter.ownerAll')}</option>
            <option value="anyDealer">{t('customers.filter.ownerAnyDealer')}</option>
            <option value="direct">{t('customers.filter.ownerDirect')}</option>
            <option value="unassigned">{t('customers.filter.ownerUnassigned')}</option>
            <option value="dealer">{t('customers.filter.ownerDealer')}</option>
          </select>
        </label>
        )}
        {byOwner && ownerMode === 'dealer' && <DealerPicker value={dealer} onChange={setDealer} />}
        <label className="field">
          <span>{t('customers.filter.region')}</span>
          <select className="input" value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="region-filter">
            <option value="">{t('customers.filter.regionAll')}</option>
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {'\u00a0\u00a0'.repeat(Math.max(0, r.depth - minDepth(regions)))}
                {r.name}
              </option>
            ))}
          </select>
        </label>
        {(filtered || text) && (
          <button type="button" className="btn link" onClick={clearFilters}>
            {t('customers.filter.clear')}
          </button>
        )}
        <span className="spacer" />
        {notice && (
          <span className="notice" data-testid="notice">
            {notice}
          </span>
        )}
        <ExportLink kind="customers" filter={filter} />
        {can('data.import') && (
          <button type="button" className="btn" onClick={() => setImporting(true)} data-testid="import-csv">
            {t('import.action')}
          </button>
        )}
        {can('customer.create') && (
          <button type="button" className="btn primary" onClick={() => setCreating(true)} data-testid="new-customer">
            {t('customers.new')}
          </button>
        )}
      </div>
      <SplitPane
        id="customers"
        label={t('customers.title')}
        left={list}
        right={
          openId ? (
            <CustomerDetail
              key={openId}
              id={openId}
              regionNames={regionNames}
              onClose={close}
              onChanged={() => {
                // The owner shown in the grid changed: read the list again.
                dispatch({ type: 'reset', key });
                fetchPage(key, null);
              }}
            />
          ) : null
        }
      />
      {importing && (
        <ImportDialog
          kind="customers"
          onClose={() => setImporting(false)}
          onImported={(r) => {
            setNotice(t('import.notice', { n: r.imported }));
            // Reload from the first page: the imported customers are in the list now.
            dispatch({ type: 'reset', key });
            fetchPage(key, null);
          }}
        />
      )}
      {creating && (
        <CreateCustomerDialog
          regions={regions}
          fixedDealer={can('dealers.all') ? null : ownDealer}
          onClose={() => setCreating(false)}
          onDone={(c) => {
            setCreating(false);
            setNotice(t('customers.createdNotice', { name: c.name }));
            // Reload from the first page: the new customer is in the list now.
            dispatch({ type: 'reset', key });
            fetchPage(key, null);
            navigate(`/customers/${encodeURIComponent(c.id)}`);
          }}
        />
      )}
    </div>
  );
}

function minDepth(regions: { depth: number }[]): number {
  let m = Infinity;
  for (const r of regions) m = Math.min(m, r.depth);
  return m === Infinity ? 0 : m;
}
