// One conflict beside the board: the rule that fired in plain words, the
// parties, the deals side by side, the customer's ownership timeline, its
// events, and the resolution form.
import { useState } from 'react';
import { Link } from 'wouter';
import { useAccess } from '../../auth/SessionProvider';
import type { CompensationBasis } from '../../gql/graphql';
import { GraphQLRequestError, request, useQuery } from '../../graphql';
import { formatDate, formatDateTime, formatMoney, minorDigits } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { OwnerChip } from '../../shared/OwnerChip';
import { EmptyState, ErrorState, useErrorText } from '../../shared/States';
import { DealerPicker, type DealerRef } from '../customers/DealerPicker';
import { OwnershipTimeline } from '../customers/OwnershipTimeline';
import { newIdempotencyKey } from '../deals/dealForm';
import { AcknowledgeMutation, ConflictDetailQuery, ResolveMutation } from './operations';
import { actionsFor, buildResolveInput, type Action, type ResolveState } from './resolveForm';

type Props = { id: string; onClose: () => void; onChanged: () => void };

export function ConflictDetail({ id, onClose, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const q = useQuery(ConflictDetailQuery, { id, lang: locale });
  const head = (title: React.ReactNode) => (
    <div className="detail-head">
      <h2 className="detail-title">{title}</h2>
      <button type="button" className="btn icon" onClick={onClose} aria-label={t('detail.close')} title={`${t('detail.close')} (Esc)`}>
        ×
      </button>
    </div>
  );
  if (q.status === 'loading') {
    return (
      <section className="detail" aria-busy="true">
        {head(<span className="skeleton wide" />)}
        <div className="detail-body">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="skeleton-line">
              <span className="skeleton" />
            </div>
          ))}
        </div>
      </section>
    );
  }
  if (q.status === 'error') {
    return (
      <section className="detail">
        {head('')}
        <ErrorState title={t('board.detailError')} error={q.error} />
      </section>
    );
  }
  const c = q.data.conflict;
  if (!c) {
    return (
      <section className="detail">
        {head('')}
        <EmptyState title={t('board.notFound')} />
      </section>
    );
  }
  const live = c.status === 'OPEN' || c.status === 'ACKNOWLEDGED';
  return (
    <section className="detail" aria-label={t(`kind.${c.kind}` as MessageKey)} data-testid="conflict-detail" data-status={c.status}>
      {head(
        <>
          <span className={`kind-dot kind-${c.kind.toLowerCase()}`} aria-hidden="true" /> {t(`kind.${c.kind}` as MessageKey)}{' '}
          <span className={`sev sev-${c.severity.toLowerCase()}`}>{t(`severity.${c.severity}` as MessageKey)}</span>{' '}
          <span className="badge" data-testid="conflict-status">{t(`status.${c.status}` as MessageKey)}</span>
        </>,
      )}
      <div className="detail-body">
        <p className="explanation" data-testid="explanation">
          {c.explanation.text}
        </p>
        <dl className="facts">
          <dt>{t('deals.col.customer')}</dt>
          <dd>
            {c.customer ? (
              <>
                <Link href={`/customers/${encodeURIComponent(c.customer.id)}`}>{c.customer.name}</Link> <OwnerChip owner={c.customer.owner} />
              </>
            ) : (
              <span className="dim">{t('owner.hiddenCustomer')}</span>
            )}
            {c.customers.length > 1 && (
              <div className="dim small">
                {t('board.alsoCustomer')}{' '}
                {c.customers
                  .filter((x) => x.id !== c.customer?.id)
                  .map((x) => (
                    <Link key={x.id} href={`/customers/${encodeURIComponent(x.id)}`}>
                      {x.name}
                    </Link>
                  ))}
              </div>
            )}
          </dd>
          <dt>{t('board.parties')}</dt>
          <dd>
            {c.parties.dealers.map((d) => (
              <OwnerChip key={d.id} owner={{ kind: 'DEALER', dealer: d }} />
            ))}{' '}
            {c.parties.otherPartners > 0 && (
              <span className="chip chip-unassigned" data-testid="other-partner" title={t('owner.otherPartner')}>
                {c.parties.otherPartners === 1 ? t('owner.otherPartner') : t('owner.otherPartners', { n: c.parties.otherPartners })}
              </span>
            )}{' '}
            {c.parties.direct && <OwnerChip owner={{ kind: 'DIRECT' }} />}
          </dd>
          {c.suggestedDealer && (
            <>
              <dt>{t('board.suggested')}</dt>
              <dd>{c.suggestedDealer.name}</dd>
            </>
          )}
          <dt>{t('board.atStake')}</dt>
          <dd>{formatMoney(c.atStake, locale)}</dd>
          <dt>{t('board.detected')}</dt>
          <dd>
            {formatDateTime(c.detectedAt, locale)}
            {c.acknowledgedAt && <span className="dim"> · {t('board.acknowledgedBy', { who: c.acknowledgedBy || t('detail.none'), at: formatDateTime(c.acknowledgedAt, locale) })}</span>}
          </dd>
          {c.resolution && (
            <>
              <dt>{t('board.resolution')}</dt>
              <dd data-testid="resolution">
                {t(`resolution.${c.resolution}` as MessageKey)} {c.resolutionNote && <span className="dim">— {c.resolutionNote}</span>}{' '}
                <span className="dim small">{c.closedBy && t('detail.decidedBy', { who: c.closedBy })}</span>
              </dd>
            </>
          )}
        </dl>

        {c.deals.length > 0 && (
          <>
            <h3 className="section-title">{t('board.deals')}</h3>
            <div className="deal-sides">
              {c.deals.map((d) => {
                const split = c.splits.find((s) => s.deal.id === d.id);
                return (
                  <div key={d.id} className="deal-side" data-testid="deal-side">
                    <OwnerChip owner={{ kind: d.channel.kind, dealer: d.channel.dealer }} />
                    <div className={`stage stage-${d.stage.toLowerCase()}`}>{t(`stage.${d.stage}`)}</div>
                    <dl className="facts tight">
                      <dt>{t('deals.col.productLine')}</dt>
                      <dd>{d.productLine.name}</dd>
                      <dt>{t('deals.col.quantity')}</dt>
                      <dd>{d.quantity}</dd>
                      <dt>{t('deals.col.unitPrice')}</dt>
                      <dd className="num">{formatMoney(d.unitPrice, locale)}</dd>
                      <dt>{t('deals.col.amount')}</dt>
                      <dd className="num">
                        <strong>{formatMoney(d.amount, locale)}</strong>
                      </dd>
                      {d.prepaid.minor > 0 && (
                        <>
                          <dt>{t('board.prepaid')}</dt>
                          <dd className="num">{formatMoney(d.prepaid, locale)}</dd>
                        </>
                      )}
                      <dt>{t('deals.col.registered')}</dt>
                      <dd>{formatDate(d.registeredAt, locale)}</dd>
                      {d.protectedUntil && (
                        <>
                          <dt>{t('board.protectedUntil')}</dt>
                          <dd>{formatDate(d.protectedUntil, locale)}</dd>
                        </>
                      )}
                      {split && (
                        <>
                          <dt>{t('board.share')}</dt>
                          <dd>{split.sharePct} %</dd>
                        </>
                      )}
                    </dl>
                  </div>
                );
              })}
            </div>
          </>
        )}

        {live && can('conflict.resolve') && <ResolveForm c={c} canAcknowledge={can('conflict.acknowledge')} onDone={() => { q.reload(); onChanged(); }} />}
        {live && !can('conflict.resolve') && (
          <p className="callout info" data-testid="conflict-read-only">
            {t('access.conflictReadOnly')}
          </p>
        )}

        {c.compensations.length > 0 && (
          <>
            <h3 className="section-title">{t('board.compensations')}</h3>
            <ul className="plain-list">
              {c.compensations.map((x, i) => (
                <li key={i}>
                  {x.dealer.name}: {formatMoney(x.amount, locale)} · {t(`basis.${x.basis}` as MessageKey)}
                </li>
              ))}
            </ul>
          </>
        )}

        <h3 className="section-title">{t('detail.history')}</h3>
        {c.customer && <OwnershipTimeline history={c.customer.ownershipHistory} />}

        <h3 className="section-title">{t('board.events')}</h3>
        <ol className="events">
          {c.events.map((e) => (
            <li key={e.cursor}>
              <span className={`event event-${e.type.toLowerCase()}`}>{t(`event.${e.type}` as MessageKey)}</span> <time className="dim">{formatDateTime(e.at, locale)}</time>
              {e.reason && <div className="dim small">{e.reason}</div>}
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

type Detail = NonNullable<import('../../gql/graphql').ConflictDetailQuery['conflict']>;

function ResolveForm({ c, canAcknowledge, onDone }: { c: Detail; canAcknowledge: boolean; onDone: () => void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const options = actionsFor(c);
  const [s, setS] = useState<ResolveState>({ action: options[0], note: '', dealerId: '', toDirect: false, basis: 'AGENT_COMMISSION', compensation: '', shares: {} });
  const [otherDealer, setOtherDealer] = useState<DealerRef | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [idemKey] = useState(newIdempotencyKey);
  const currency = c.atStake.currency;
  const set = (patch: Partial<ResolveState>) => {
    setS((x) => ({ ...x, ...patch }));
    setError('');
  };

  const run = async (f: () => Promise<unknown>) => {
    setBusy(true);
    setError('');
    try {
      await f();
      onDone();
    } catch (e) {
      setError(errorText(e as Error) + (e instanceof GraphQLRequestError && e.field ? ` (${e.field})` : ''));
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const state = { ...s, dealerId: s.dealerId === '*other' ? (otherDealer?.id ?? '') : s.dealerId };
    const { input, error: err } = buildResolveInput(c.id, state, currency, minorDigits(currency), idemKey);
    if (!input) {
      setError(t(err as MessageKey));
      return;
    }
    void run(() => request(ResolveMutation, { input }));
  };

  const partyDealers = [...c.parties.dealers];
  if (c.suggestedDealer && !partyDealers.some((d) => d.id === c.suggestedDealer!.id)) partyDealers.push({ ...c.suggestedDealer, code: '' });
  const needsDealer = s.action === 'AWARD_DEALER' || s.action === 'ROUTE_TO_DEALER' || s.action === 'AWARD_DIRECT' || (s.action === 'TRANSFER_CUSTOMER' && !s.toDirect);

  return (
    <form className="resolve" onSubmit={submit} noValidate data-testid="resolve-form">
      <h3 className="section-title">{t('board.decide')}</h3>
      {c.status === 'OPEN' && canAcknowledge && (
        <button type="button" className="btn" disabled={busy} onClick={() => void run(() => request(AcknowledgeMutation, { id: c.id }))} data-testid="acknowledge">
          {t('board.acknowledge')}
        </button>
      )}
      <div className="resolve-actions" role="radiogroup" aria-label={t('board.resolution')}>
        {options.map((a: Action) => (
          <label key={a} className={`radio-card${s.action === a ? ' active' : ''}`}>
            <input type="radio" name="action" value={a} checked={s.action === a} onChange={() => set({ action: a })} data-testid={`action-${a}`} />
            <span>{t(`resolution.${a}` as MessageKey)}</span>
          </label>
        ))}
      </div>
      <p className="dim small">{t(`resolutionHint.${s.action}` as MessageKey)}</p>
      {s.action === 'TRANSFER_CUSTOMER' && (
        <label className="radio">
          <input type="checkbox" checked={s.toDirect} onChange={(e) => set({ toDirect: e.target.checked })} />
          {t('board.toDirect')}
        </label>
      )}
      {needsDealer && (
        <label className="form-field">
          <span>{s.action === 'AWARD_DIRECT' ? t('board.compensatedDealer') : t('board.dealer')}</span>
          <select className="input" value={s.dealerId} onChange={(e) => set({ dealerId: e.target.value })} data-testid="resolve-dealer">
            {s.action !== 'TRANSFER_CUSTOMER' && <option value="">{c.suggestedDealer ? t('board.suggestedOption', { name: c.suggestedDealer.name }) : t('board.defaultOption')}</option>}
            {s.action === 'TRANSFER_CUSTOMER' && <option value="">{t('dealForm.choose')}</option>}
            {partyDealers.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
            <option value="*other">{t('board.otherDealer')}</option>
          </select>
          {s.dealerId === '*other' && <DealerPicker value={otherDealer} onChange={setOtherDealer} />}
        </label>
      )}
      {s.action === 'AWARD_DIRECT' && (
        <div className="form-row">
          <label className="form-field">
            <span>{t('board.basis')}</span>
            <select className="input" value={s.basis} onChange={(e) => set({ basis: e.target.value as CompensationBasis })}>
              {(['AGENT_COMMISSION', 'DISCOUNT_ON_GOODS', 'CASH'] as const).map((b) => (
                <option key={b} value={b}>
                  {t(`basis.${b}` as MessageKey)}
                </option>
              ))}
            </select>
          </label>
          <label className="form-field">
            <span>{t('board.compensation', { currency })}</span>
            <input className="input num-input" inputMode="decimal" value={s.compensation} placeholder={t('board.policyDefault')} onChange={(e) => set({ compensation: e.target.value })} data-testid="compensation" />
          </label>
        </div>
      )}
      {s.action === 'SPLIT' && (
        <div className="form-row">
          {c.deals.map((d) => (
            <label key={d.id} className="form-field">
              <span>
                {d.channel.dealer?.name ?? t('owner.direct')} · {formatMoney(d.amount, locale)}
              </span>
              <span className="money-input">
                <input className="input num-input" value={s.shares[d.id] ?? ''} onChange={(e) => set({ shares: { ...s.shares, [d.id]: e.target.value } })} data-testid="split-share" />
                <span className="dim">%</span>
              </span>
            </label>
          ))}
        </div>
      )}
      <label className="form-field">
        <span>{s.action === 'DISMISS' ? t('board.noteRequired') : t('board.note')}</span>
        <textarea className="input area" rows={2} value={s.note} onChange={(e) => set({ note: e.target.value })} data-testid="resolve-note" />
      </label>
      {error && (
        <div className="error-message" role="alert" data-testid="resolve-error">
          {error}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="btn primary" disabled={busy} data-testid="resolve-submit">
          {t('board.resolve')}
        </button>
      </div>
    </form>
  );
}
