// The conflict board: columns by status (open, acknowledged, recently
// closed), counts by kind, filters, and live updates: new conflicts slide in
// with a short highlight and a toast. A card opens the detail beside the board.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useParams } from 'wouter';
import { useAccess } from '../../auth/SessionProvider';
import type { BoardQuery as BoardResult, ConflictFilter, ConflictKind, Severity } from '../../gql/graphql';
import { request, useQuery } from '../../graphql';
import { formatMoney, langForCountry } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { SplitPane } from '../../shared/SplitPane';
import { EmptyState, ErrorState } from '../../shared/States';
import { DealerPicker, type DealerRef } from '../customers/DealerPicker';
import { columnIds, groupBoard, newIds, partyLabels, type ColumnId, type PartyWords } from './board';
import { ConflictDetail } from './ConflictDetail';
import { BoardOptionsQuery, BoardQuery } from './operations';
import { useConflictFeed, type FeedMode } from './useConflictFeed';

export type Card = BoardResult['open']['edges'][number]['node'];

export const kinds: ConflictKind[] = ['DUPLICATE_REGISTRATION', 'DIRECT_BYPASS', 'SMALL_DIRECT_ORDER', 'OWNERSHIP_CLAIM', 'OUT_OF_TERRITORY', 'PRICE_BELOW_FLOOR', 'PRICE_MISMATCH', 'DUPLICATE_CUSTOMER'];
const severities: Severity[] = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'];
const ages = { any: 0, day: 1, week: 7, month: 30 } as const;
type Age = keyof typeof ages;
const highlightMs = 4000;

export function BoardScreen() {
  const { t } = useI18n();
  const params = useParams<{ id?: string }>();
  const [, navigate] = useLocation();
  const openId = params.id ? decodeURIComponent(params.id) : undefined;
  const [kind, setKind] = useState<ConflictKind | ''>('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [regionId, setRegionId] = useState('');
  const [dealer, setDealer] = useState<DealerRef | null>(null);
  const [age, setAge] = useState<Age>('any');
  const [data, setData] = useState<BoardResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [toasts, setToasts] = useState<{ id: number; text: string }[]>([]);
  const options = useQuery(BoardOptionsQuery, {});
  // A dealer sees only conflicts it is part of: no filter by dealer.
  const { can } = useAccess();
  const byDealer = can('dealers.all');

  const filter = useMemo<ConflictFilter>(() => {
    const f: ConflictFilter = {};
    if (kind) f.kinds = [kind];
    if (severity) f.severities = [severity];
    if (regionId) f.regionId = regionId;
    if (dealer) f.dealerId = dealer.id;
    // Rounded to the minute so the filter (and the query key) is stable between polls.
    if (ages[age]) f.detectedAfter = new Date(Math.floor((Date.now() - ages[age] * 86400000) / 60000) * 60000).toISOString();
    return f;
  }, [kind, severity, regionId, dealer, age]);
  const key = JSON.stringify(filter);

  const toast = useCallback((text: string) => {
    const id = Date.now() + Math.random();
    setToasts((ts) => [...ts.slice(-3), { id, text }]);
    setTimeout(() => setToasts((ts) => ts.filter((x) => x.id !== id)), 5000);
  }, []);

  // Loads the board; the rows on screen stay until the answer arrives, so
  // polls and live refreshes never flash skeletons.
  const prevCards = useRef<{ key: string; cards: Card[] } | null>(null);
  const seq = useRef(0);
  const load = useCallback(() => {
    const mine = ++seq.current;
    const f = JSON.parse(key) as ConflictFilter;
    request(BoardQuery, {
      open: { ...f, statuses: ['OPEN'] },
      ack: { ...f, statuses: ['ACKNOWLEDGED'] },
      closed: { ...f, statuses: ['RESOLVED', 'DISMISSED'] },
      live: { ...f, statuses: ['OPEN', 'ACKNOWLEDGED'] },
    }).then(
      (d) => {
        if (mine !== seq.current) return;
        const cards = [...d.open.edges, ...d.ack.edges, ...d.closed.edges].map((e) => e.node);
        const prev = prevCards.current?.key === key ? prevCards.current.cards : null;
        const added = newIds(prev, cards);
        prevCards.current = { key, cards };
        setData(d);
        setError(null);
        if (added.length) {
          setFresh((s) => new Set([...s, ...added]));
          setTimeout(() => setFresh((s) => new Set([...s].filter((id) => !added.includes(id)))), highlightMs);
          const opened = cards.filter((c) => added.includes(c.id) && c.status === 'OPEN');
          if (opened.length === 1) toast(t('board.toastNew', { kind: t(`kind.${opened[0].kind}` as MessageKey), customer: opened[0].customer?.name ?? t('owner.hiddenCustomer') }));
          else if (opened.length > 1) toast(t('board.toastNewMany', { n: opened.length }));
        }
      },
      (e: Error) => mine === seq.current && setError(e),
    );
  }, [key, t, toast]);
  useEffect(() => {
    setData(null);
    load();
  }, [load]);

  // Live events refresh the board at most every 400 ms, however fast they come.
  const pending = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const refreshSoon = useCallback(() => {
    if (pending.current) return;
    pending.current = setTimeout(() => {
      pending.current = undefined;
      load();
    }, 400);
  }, [load]);
  const loadRef = useRef(load);
  loadRef.current = load;
  const mode = useConflictFeed({
    onEvent: () => refreshSoon(),
    onPoll: () => loadRef.current(),
    onCaughtUp: (n) => toast(t('board.caughtUp', { n })),
  });

  const cards = useMemo(() => (data ? [...data.open.edges, ...data.ack.edges, ...data.closed.edges].map((e) => e.node) : []), [data]);
  const board = useMemo(() => groupBoard(cards), [cards]);
  const totals: Record<ColumnId, number> = { OPEN: data?.open.totalCount ?? 0, ACKNOWLEDGED: data?.ack.totalCount ?? 0, CLOSED: data?.closed.totalCount ?? 0 };
  const kindCounts = new Map((data?.byKind ?? []).map((r) => [r.kind, r.count]));

  // Keyboard: j/k move through the open column's cards, Enter opens, Esc closes.
  const flat = useMemo(() => columnIds.flatMap((c) => board[c]), [board]);
  const [sel, setSel] = useState(-1);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const el = e.target as HTMLElement;
      if (el.matches('input, select, textarea')) return;
      if (e.key === 'j' || e.key === 'ArrowDown') setSel((s) => Math.min(s + 1, flat.length - 1));
      else if (e.key === 'k' || e.key === 'ArrowUp') setSel((s) => Math.max(s - 1, 0));
      else if (e.key === 'Enter' && flat[sel] && !el.matches('button, a')) navigate(`/board/${encodeURIComponent(flat[sel].id)}`);
      else if (e.key === 'Escape' && openId) navigate('/board');
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [flat, sel, openId, navigate]);
  useEffect(() => {
    if (sel >= 0) document.querySelector(`[data-card-index="${sel}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [sel]);

  const filtered = Boolean(kind || severity || regionId || dealer || age !== 'any');
  let body;
  if (error && !data) {
    body = <ErrorState title={t('board.error')} error={error} action={<button type="button" className="btn" onClick={load}>{t('customers.retry')}</button>} />;
  } else if (data && cards.length === 0) {
    body = (
      <EmptyState title={filtered ? t('board.emptyFiltered') : t('board.empty')} icon="✓">
        <p>{t('board.emptyBody')}</p>
      </EmptyState>
    );
  } else {
    let index = 0;
    body = (
      <div className="board" data-testid="board">
        {columnIds.map((col) => (
          <section key={col} className={`board-col col-${col.toLowerCase()}`} aria-label={t(`board.col.${col}` as MessageKey)} data-column={col}>
            <header className="board-col-head">
              <span>{t(`board.col.${col}` as MessageKey)}</span>
              <span className="badge" data-testid={`count-${col}`}>
                {data ? totals[col] : '…'}
              </span>
            </header>
            <div className="board-cards">
              {!data
                ? Array.from({ length: 4 }, (_, i) => <div key={i} className="card skeleton-card" />)
                : board[col].map((c) => {
                    const i = index++;
                    return <ConflictCard key={c.id} c={c} index={i} selected={i === sel} open={c.id === openId} fresh={fresh.has(c.id)} onOpen={() => navigate(`/board/${encodeURIComponent(c.id)}`)} />;
                  })}
              {data && col === 'CLOSED' && totals.CLOSED > board.CLOSED.length && <div className="dim small more">{t('board.closedRecent', { n: board.CLOSED.length, total: totals.CLOSED })}</div>}
              {data && col !== 'CLOSED' && totals[col] > board[col].length && <div className="dim small more">{t('board.more', { n: totals[col] - board[col].length })}</div>}
            </div>
          </section>
        ))}
      </div>
    );
  }

  return (
    <div className="screen">
      <div className="toolbar">
        <h1 className="screen-title">{t('board.title')}</h1>
        <label className="field">
          <span>{t('board.filter.kind')}</span>
          <select className="input" value={kind} onChange={(e) => setKind(e.target.value as ConflictKind | '')} data-testid="kind-filter">
            <option value="">{t('deals.filter.any')}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('board.filter.severity')}</span>
          <select className="input" value={severity} onChange={(e) => setSeverity(e.target.value as Severity | '')} data-testid="severity-filter">
            <option value="">{t('deals.filter.any')}</option>
            {severities.map((s) => (
              <option key={s} value={s}>
                {t(`severity.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('customers.filter.region')}</span>
          <select className="input" value={regionId} onChange={(e) => setRegionId(e.target.value)} data-testid="region-filter">
            <option value="">{t('customers.filter.regionAll')}</option>
            {(options.status === 'ok' ? options.data.regions : []).map((r) => (
              <option key={r.id} value={r.id}>
                {'\u00a0\u00a0'.repeat(Math.max(0, r.depth - 1))}
                {r.name}
              </option>
            ))}
          </select>
        </label>
        {byDealer && <DealerPicker value={dealer} onChange={setDealer} />}
        <label className="field">
          <span>{t('board.filter.age')}</span>
          <select className="input" value={age} onChange={(e) => setAge(e.target.value as Age)} data-testid="age-filter">
            {(Object.keys(ages) as Age[]).map((a) => (
              <option key={a} value={a}>
                {t(`board.age.${a}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <span className="spacer" />
        <LiveBadge mode={mode} />
      </div>
      <div className="kind-strip" data-testid="kind-counts">
        {kinds.map((k) => (
          <button
            key={k}
            type="button"
            className={`kind-count${kind === k ? ' active' : ''}${kindCounts.get(k) ? '' : ' zero'}`}
            onClick={() => setKind(kind === k ? '' : k)}
            data-kind={k}
            data-count={kindCounts.get(k) ?? 0}
            title={t('board.liveOfKind')}
          >
            <span className={`kind-dot kind-${k.toLowerCase()}`} aria-hidden="true" />
            {t(`kind.${k}` as MessageKey)} <strong>{kindCounts.get(k) ?? 0}</strong>
          </button>
        ))}
      </div>
      <SplitPane
        id="board"
        label={t('board.title')}
        left={<div className="list-pane board-pane">{body}</div>}
        initialRight={620}
        right={openId ? <ConflictDetail key={openId} id={openId} onClose={() => navigate('/board')} onChanged={load} /> : null}
      />
      <div className="toasts" aria-live="polite" data-testid="toasts">
        {toasts.map((x) => (
          <div key={x.id} className="toast" role="status">
            {x.text}
          </div>
        ))}
      </div>
    </div>
  );
}

function LiveBadge({ mode }: { mode: FeedMode }) {
  const { t } = useI18n();
  return (
    <span className={`live live-${mode}`} data-testid="live-mode" data-mode={mode} title={t(`board.mode.${mode}Hint` as MessageKey)}>
      <span className="live-dot" aria-hidden="true" />
      {t(`board.mode.${mode}` as MessageKey)}
    </span>
  );
}

function ConflictCard({ c, index, selected, open, fresh, onOpen }: { c: Card; index: number; selected: boolean; open: boolean; fresh: boolean; onOpen: () => void }) {
  const { t, locale } = useI18n();
  const parties = partyLabels(c.parties, partyWords(t));
  return (
    <button
      type="button"
      className={`card sev-${c.severity.toLowerCase()}${selected ? ' selected' : ''}${open ? ' open' : ''}${fresh ? ' fresh' : ''}`}
      onClick={onOpen}
      data-card-index={index}
      data-conflict-id={c.id}
      data-status={c.status}
      data-kind={c.kind}
    >
      <div className="card-top">
        <span className={`kind-dot kind-${c.kind.toLowerCase()}`} aria-hidden="true" />
        <span className="card-kind">{t(`kind.${c.kind}` as MessageKey)}</span>
        <span className={`sev sev-${c.severity.toLowerCase()}`}>{t(`severity.${c.severity}` as MessageKey)}</span>
      </div>
      <div className={c.customer ? 'card-customer' : 'card-customer dim'} lang={c.customer ? langForCountry(c.customer.country) : undefined}>
        {c.customer?.name ?? t('owner.hiddenCustomer')}
      </div>
      <div className="card-parties dim" title={parties.join(' · ')}>
        {parties.join(' · ')}
      </div>
      <div className="card-foot">
        {c.atStake.minor > 0 ? <span className="num">{formatMoney(c.atStake, locale)}</span> : <span />}
        <span className="dim">{c.resolution ? t(`resolution.${c.resolution}` as MessageKey) : ago(c.detectedAt, locale)}</span>
      </div>
    </button>
  );
}

// ago words the time since a conflict was detected ("3 days ago").
export function ago(iso: string, locale: string): string {
  const s = (Date.parse(iso) - Date.now()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const abs = Math.abs(s);
  if (abs < 60) return rtf.format(Math.round(s), 'second');
  if (abs < 3600) return rtf.format(Math.round(s / 60), 'minute');
  if (abs < 86400) return rtf.format(Math.round(s / 3600), 'hour');
  return rtf.format(Math.round(s / 86400), 'day');
}

// partyWords: the words partyLabels needs, in the UI language.
export function partyWords(t: ReturnType<typeof useI18n>['t']): PartyWords {
  return { otherPartner: t('owner.otherPartner'), otherPartners: (n) => t('owner.otherPartners', { n }), direct: t('owner.direct') };
}
