// The Deals screen: the registration inbox (deals waiting for approval, oldest
// first, approve or reject with a reason) and every deal with filters. Both
// are server-paged and server-sorted grids; registering a deal opens a form.
import { useCallback, useMemo, useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useAccess } from '../../auth/SessionProvider';
import type { DealFilter, DealOrderField, DealStage, DealsQuery as DealsResult } from '../../gql/graphql';
import { request, useQuery } from '../../graphql';
import { formatDate, formatMoney, langForCountry } from '../../format';
import { useI18n } from '../../i18n';
import { Grid, type Column, type Sort } from '../../shared/Grid';
import { ExportLink } from '../../shared/ExportLink';
import { ImportDialog } from '../../shared/ImportDialog';
import { OwnerChip } from '../../shared/OwnerChip';
import { EmptyState, ErrorState, useErrorText } from '../../shared/States';
import { pendingRowsFor, usePaged } from '../../shared/usePaged';
import { useGridKeys } from '../../shared/useGridKeys';
import { DealerPicker, type DealerRef } from '../customers/DealerPicker';
import { DealOptionsQuery, DealsQuery, ApproveDealMutation } from './operations';
import { RegisterDealDialog } from './RegisterDealDialog';
import { RejectDialog } from './RejectDialog';

export type DealRow = DealsResult['deals']['edges'][number]['node'];
type View = 'inbox' | 'all';

const stages: DealStage[] = ['PENDING_APPROVAL', 'REGISTERED', 'QUOTED', 'WON', 'LOST', 'CANCELLED'];
const pageSize = 100;
export const policyYear = 2026;

export function DealsScreen() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const params = useParams<{ view?: string }>();
  const [, navigate] = useLocation();
  const view: View = params.view === 'all' ? 'all' : 'inbox';
  // Staff decide registrations; a dealer sees its own waiting for approval.
  const { can, ownDealer } = useAccess();
  const canApprove = can('deal.approve');
  const byDealer = can('dealers.all');

  const [stage, setStage] = useState<DealStage | ''>('');
  const [channelKind, setChannelKind] = useState<'' | 'DEALER' | 'DIRECT'>('');
  const [dealer, setDealer] = useState<DealerRef | null>(null);
  const [productLineId, setProductLineId] = useState('');
  const [sortAll, setSortAll] = useState<Sort>({ field: 'REGISTERED_AT', direction: 'DESC' });
  const [sortInbox, setSortInbox] = useState<Sort>({ field: 'REGISTERED_AT', direction: 'ASC' });
  const sort = view === 'inbox' ? sortInbox : sortAll;
  const setSort = view === 'inbox' ? setSortInbox : setSortAll;
  const [selected, setSelected] = useState(-1);
  const [handled, setHandled] = useState<Map<string, 'approved' | 'rejected'>>(new Map());
  const [rejecting, setRejecting] = useState<DealRow | null>(null);
  const [registering, setRegistering] = useState(false);
  const [importing, setImporting] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const options = useQuery(DealOptionsQuery, { year: policyYear });
  const productLines = options.status === 'ok' ? options.data.productLines : [];

  const filter = useMemo<DealFilter>(() => {
    if (view === 'inbox') return { stages: ['PENDING_APPROVAL'] };
    const f: DealFilter = {};
    if (stage) f.stages = [stage];
    if (channelKind) f.channelKind = channelKind;
    if (dealer) f.dealerId = dealer.id;
    if (productLineId) f.productLineId = productLineId;
    return f;
  }, [view, stage, channelKind, dealer, productLineId]);
  const key = JSON.stringify([filter, { field: sort.field as DealOrderField, direction: sort.direction }]);

  const fetcher = useCallback(async (k: string, after: string | null) => {
    const [f, o] = JSON.parse(k) as [DealFilter, { field: DealOrderField; direction: 'ASC' | 'DESC' }];
    const d = (await request(DealsQuery, { first: pageSize, after, filter: f, orderBy: o })).deals;
    return { nodes: d.edges.map((e) => e.node), totalCount: d.totalCount, hasNextPage: d.pageInfo.hasNextPage, endCursor: d.pageInfo.endCursor };
  }, []);
  const { paging, onRangeEnd, retry, reload } = usePaged<DealRow>(key, fetcher);

  // Approved and rejected deals leave the inbox at once, without a reload
  // that would lose the scroll position.
  const rows = useMemo(
    () => (view === 'inbox' ? paging.items.filter((r) => !handled.has(r.id)) : paging.items),
    [view, paging.items, handled],
  );
  const total = paging.totalCount === null ? null : view === 'inbox' ? Math.max(0, paging.totalCount - countIn(handled, paging.items)) : paging.totalCount;

  const markHandled = (id: string, how: 'approved' | 'rejected') => setHandled((m) => new Map(m).set(id, how));

  const approve = async (row: DealRow) => {
    setBusy(row.id);
    try {
      await request(ApproveDealMutation, { id: row.id });
      markHandled(row.id, 'approved');
      setNotice({ text: t('deals.approved', { customer: row.customer.name }) });
    } catch (e) {
      setNotice({ text: errorText(e as Error), error: true });
    } finally {
      setBusy(null);
    }
  };

  const openCustomer = useCallback((row: DealRow) => navigate(`/customers/${encodeURIComponent(row.customer.id)}`), [navigate]);
  useGridKeys({
    count: rows.length,
    setSelected,
    onEnter: () => {
      const row = rows[selected];
      if (row) openCustomer(row);
    },
    enabled: !rejecting && !registering,
  });

  const columns = useMemo<Column<DealRow>[]>(() => {
    const cols: Column<DealRow>[] = [
      { id: 'registered', header: t('deals.col.registered'), width: '96px', min: 96, sortField: 'REGISTERED_AT', render: (r) => formatDate(r.registeredAt, locale), title: (r) => r.registeredAt },
      {
        id: 'customer',
        header: t('deals.col.customer'),
        width: 'minmax(160px, 2.2fr)',
        min: 160,
        title: (r) => r.customer.name,
        render: (r) => (
          <span className="cell-name" lang={langForCountry(r.customer.country)}>
            {r.customer.name}
          </span>
        ),
      },
      { id: 'channel', header: t('deals.col.channel'), width: 'minmax(120px, 1.6fr)', min: 120, render: (r) => <OwnerChip owner={{ kind: r.channel.kind, dealer: r.channel.dealer }} /> },
      { id: 'line', header: t('deals.col.productLine'), width: 'minmax(100px, 1.2fr)', min: 100, title: (r) => r.productLine.name, render: (r) => r.productLine.name },
      { id: 'qty', header: t('deals.col.quantity'), width: '56px', min: 56, align: 'end', render: (r) => r.quantity },
      { id: 'unit', header: t('deals.col.unitPrice'), width: '104px', min: 104, align: 'end', render: (r) => formatMoney(r.unitPrice, locale) },
      { id: 'amount', header: t('deals.col.amount'), width: '116px', min: 116, align: 'end', sortField: 'AMOUNT', render: (r) => <span className="num">{formatMoney(r.amount, locale)}</span> },
    ];
    if (view === 'all') {
      cols.push(
        { id: 'stage', header: t('deals.col.stage'), width: '118px', min: 118, render: (r) => <span className={`stage stage-${r.stage.toLowerCase()}`}>{t(`stage.${r.stage}`)}</span>, title: (r) => r.closeReason || undefined },
        { id: 'close', header: t('deals.col.expectedClose'), width: '96px', min: 96, sortField: 'EXPECTED_CLOSE', render: (r) => formatDate(r.expectedClose, locale) },
      );
    } else if (canApprove) {
      cols.push({
        id: 'actions',
        header: t('deals.col.decision'),
        width: '170px',
        min: 170,
        render: (r) => (
          <span className="row-actions">
            <button type="button" className="btn small primary" disabled={busy === r.id} onClick={(e) => { e.stopPropagation(); void approve(r); }} data-testid="approve">
              {t('deals.approve')}
            </button>
            <button type="button" className="btn small" disabled={busy === r.id} onClick={(e) => { e.stopPropagation(); setRejecting(r); }} data-testid="reject">
              {t('deals.reject')}
            </button>
          </span>
        ),
      });
    } else {
      cols.push({ id: 'awaiting', header: t('deals.col.stage'), width: '150px', min: 150, render: () => <span className="stage stage-pending_approval">{t('access.awaiting')}</span> });
    }
    return cols;
    // approve closes over busy and t; recomputing with them is what we want.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, locale, view, busy, canApprove]);

  const filtered = view === 'all' && Boolean(stage || channelKind || dealer || productLineId);
  let body;
  if (paging.error && paging.items.length === 0) {
    body = <ErrorState title={t('deals.error')} error={paging.error} action={<button type="button" className="btn" onClick={retry}>{t('customers.retry')}</button>} />;
  } else if (total === 0 && !paging.loading) {
    body = view === 'inbox' ? (
      <EmptyState title={t('deals.inboxEmpty')} icon="✓">
        <p>{t('deals.inboxEmptyBody')}</p>
      </EmptyState>
    ) : (
      <EmptyState title={t('deals.empty')}>{filtered && <p>{t('customers.empty.body')}</p>}</EmptyState>
    );
  } else {
    body = (
      <Grid
        label={view === 'inbox' ? t('deals.inbox') : t('deals.all')}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        pendingRows={pendingRowsFor(paging)}
        selectedIndex={selected}
        onSelect={setSelected}
        onOpen={() => {}}
        onRangeEnd={onRangeEnd}
        sort={sort}
        onSort={setSort}
        sortLabel={(column) => t('customers.sortBy', { column })}
        resetKey={key}
      />
    );
  }

  return (
    <div className="screen" data-testid={`deals-${view}`}>
      <div className="toolbar">
        <h1 className="screen-title">{t('deals.title')}</h1>
        <div className="tabs" role="tablist">
          <Link href="/deals/inbox" role="tab" aria-selected={view === 'inbox'} className={`tab${view === 'inbox' ? ' active' : ''}`}>
            {t('deals.inbox')}
          </Link>
          <Link href="/deals/all" role="tab" aria-selected={view === 'all'} className={`tab${view === 'all' ? ' active' : ''}`}>
            {t('deals.all')}
          </Link>
        </div>
        {view === 'all' && (
          <>
            <label className="field">
              <span>{t('deals.filter.stage')}</span>
              <select className="input" value={stage} onChange={(e) => setStage(e.target.value as DealStage | '')} data-testid="stage-filter">
                <option value="">{t('deals.filter.any')}</option>
                {stages.map((s) => (
                  <option key={s} value={s}>
                    {t(`stage.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            {byDealer && (
            <label className="field">
              <span>{t('deals.filter.channel')}</span>
              <select className="input" value={channelKind} onChange={(e) => setChannelKind(e.target.value as '' | 'DEALER' | 'DIRECT')} data-testid="channel-filter">
                <option value="">{t('deals.filter.any')}</option>
                <option value="DEALER">{t('channel.DEALER')}</option>
                <option value="DIRECT">{t('channel.DIRECT')}</option>
              </select>
            </label>
            )}
            {byDealer && <DealerPicker value={dealer} onChange={setDealer} />}
            <label className="field">
              <span>{t('deals.filter.productLine')}</span>
              <select className="input" value={productLineId} onChange={(e) => setProductLineId(e.target.value)} data-testid="line-filter">
                <option value="">{t('deals.filter.any')}</option>
                {productLines.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </label>
            {filtered && (
              <button type="button" className="btn link" onClick={() => { setStage(''); setChannelKind(''); setDealer(null); setProductLineId(''); }}>
                {t('customers.filter.clear')}
              </button>
            )}
          </>
        )}
        <span className="spacer" />
        <ExportLink kind="deals" filter={filter} />
        {can('data.import') && (
          <button type="button" className="btn" onClick={() => setImporting(true)} data-testid="import-csv">
            {t('import.action')}
          </button>
        )}
        {can('deal.register') && (
          <button type="button" className="btn primary" onClick={() => setRegistering(true)} data-testid="register-deal">
            {t('deals.register')}
          </button>
        )}
      </div>
      <div className="list-pane">
        {body}
        <div className="statusbar" aria-live="polite">
          <span data-testid="total-count">{total === null ? '\u00a0' : t('deals.count', { n: total })}</span>
          {notice && (
            <span className={notice.error ? 'error-message' : 'notice'} data-testid="notice">
              {notice.text}
            </span>
          )}
          {paging.error && paging.items.length > 0 && (
            <span className="error-message">
              {errorText(paging.error)}{' '}
              <button type="button" className="btn link" onClick={retry}>
                {t('customers.retry')}
              </button>
            </span>
          )}
          <span className="spacer" />
          <span className="dim">{t('deals.keys')}</span>
        </div>
      </div>
      {rejecting && (
        <RejectDialog
          deal={rejecting}
          onClose={() => setRejecting(null)}
          onDone={() => {
            markHandled(rejecting.id, 'rejected');
            setNotice({ text: t('deals.rejected', { customer: rejecting.customer.name }) });
            setRejecting(null);
          }}
        />
      )}
      {importing && (
        <ImportDialog
          kind="deals"
          onClose={() => setImporting(false)}
          onImported={(r) => {
            setHandled(new Map());
            setNotice({ text: t('import.notice', { n: r.imported }) });
            reload();
          }}
        />
      )}
      {registering && (
        <RegisterDealDialog
          currency={options.status === 'ok' ? (options.data.policy?.currency ?? 'EUR') : 'EUR'}
          productLines={productLines}
          fixedDealer={can('deal.registerDirect') ? null : ownDealer}
          onClose={() => setRegistering(false)}
          onDone={(stageAfter, customer) => {
            setRegistering(false);
            setHandled(new Map());
            setNotice({ text: t(stageAfter === 'PENDING_APPROVAL' ? 'deals.registeredPending' : 'deals.registeredOk', { customer }) });
            reload();
          }}
        />
      )}
    </div>
  );
}

function countIn(handled: Map<string, unknown>, items: { id: string }[]): number {
  let n = 0;
  for (const it of items) if (handled.has(it.id)) n++;
  return n;
}
