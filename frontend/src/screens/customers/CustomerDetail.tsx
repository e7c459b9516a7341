// The right-hand pane: one customer, its possible duplicates and open
// conflicts, its ownership history as a timeline (with the transfer action
// for those allowed to hand it over) and its latest deals.
import { useState } from 'react';
import { Link } from 'wouter';
import { useAccess } from '../../auth/SessionProvider';
import type { CustomerDetailQuery as CustomerDetailResult } from '../../gql/graphql';
import { request, useQuery } from '../../graphql';
import { formatDate, formatMoney, langForCountry } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { OwnerChip } from '../../shared/OwnerChip';
import { EmptyState, ErrorState } from '../../shared/States';
import { splitConflicts } from './conflicts';
import { CustomerDetailQuery } from './operations';
import { OwnershipTimeline } from './OwnershipTimeline';
import { TransferDialog } from './TransferDialog';

type Props = { id: string; regionNames: Map<string, string>; onClose: () => void; onChanged?: () => void };

export function CustomerDetail({ id, regionNames, onClose, onChanged }: Props) {
  const { t, locale } = useI18n();
  const { can } = useAccess();
  const loaded = useQuery(CustomerDetailQuery, { id });
  // After a transfer the detail is read again quietly: the answer replaces
  // the shown one without the loading skeleton (no layout jump).
  const [fresh, setFresh] = useState<CustomerDetailResult | null>(null);
  const q = fresh ? { status: 'ok' as const, data: fresh } : loaded;
  const [transferring, setTransferring] = useState(false);
  const [notice, setNotice] = useState('');

  const header = (title: React.ReactNode, lang?: string) => (
    <div className="detail-head">
      <h2 className="detail-title" lang={lang}>
        {title}
      </h2>
      <button type="button" className="btn icon" onClick={onClose} title={`${t('detail.close')} (Esc)`} aria-label={t('detail.close')}>
        ×
      </button>
    </div>
  );

  if (q.status === 'loading') {
    return (
      <section className="detail" aria-busy="true">
        {header(<span className="skeleton wide" />)}
        <div className="detail-body">
          {Array.from({ length: 6 }, (_, i) => (
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
        {header('')}
        <ErrorState title={t('detail.error')} error={q.error} />
      </section>
    );
  }
  const c = q.data.customer;
  if (!c) {
    return (
      <section className="detail">
        {header('')}
        <EmptyState title={t('detail.notFound')} />
      </section>
    );
  }

  const regionPath = c.region.path
    .split('.')
    .map((_, i, parts) => {
      const p = parts.slice(0, i + 1).join('.');
      return regionNames.get(p) ?? (p === c.region.path ? c.region.name : parts[i]);
    })
    .join(' › ');
  const deals = c.deals.edges.map((e) => e.node);
  const lang = langForCountry(c.country);
  const { duplicates, open: openConflicts } = splitConflicts(c.conflicts, c.id);
  const conflictLink = (k: { id: string; kind: string; severity: string; status: string; detectedAt: string }) => (
    <Link href={`/board/${encodeURIComponent(k.id)}`} className="conflict-link" title={t('detail.onBoard')} data-testid="conflict-link">
      <span className={`sev sev-${k.severity.toLowerCase()}`}>{t(`severity.${k.severity}` as MessageKey)}</span> {t(`kind.${k.kind}` as MessageKey)}{' '}
      <span className="dim">
        · {t(`status.${k.status}` as MessageKey)} · {formatDate(k.detectedAt, locale)}
      </span>
    </Link>
  );

  return (
    <section className="detail" aria-label={c.name}>
      {header(c.name, lang)}
      <div className="detail-body">
        <dl className="facts">
          <dt>{t('detail.owner')}</dt>
          <dd>
            <OwnerChip owner={c.owner} /> <span className="dim">{t('detail.since', { date: formatDate(c.owner.since, locale) })}</span>
          </dd>
          <dt>{t('detail.taxId')}</dt>
          <dd className="mono">{c.taxId ?? t('detail.none')}</dd>
          <dt>{t('detail.region')}</dt>
          <dd>{regionPath}</dd>
          <dt>{t('detail.segment')}</dt>
          <dd>{t(`segment.${c.segment}`)}</dd>
          <dt>{t('detail.size')}</dt>
          <dd>{t(`size.${c.size}`)}</dd>
          <dt>{t('detail.keyAccount')}</dt>
          <dd>
            {c.keyAccount ? (
              <>
                <span className="key-flag" aria-hidden="true">★</span> {c.keyAccountReason || t('customers.keyAccountNoReason')}
              </>
            ) : (
              <span className="dim">{t('detail.notKeyAccount')}</span>
            )}
          </dd>
        </dl>

        <section aria-label={t('detail.duplicates')} data-testid="duplicates">
          <h3 className="section-title">
            {t('detail.duplicates')} {duplicates.length > 0 && <span className="dim">{duplicates.length}</span>}
          </h3>
          {duplicates.length === 0 ? (
            <p className="dim">{t('detail.duplicatesEmpty')}</p>
          ) : (
            <ul className="plain-list">
              {duplicates.map(({ conflict: k, others }) => (
                <li key={k.id} className="duplicate-entry" data-status={k.status}>
                  {others.length === 0 ? (
                    <span className="dim" data-testid="duplicate-hidden">
                      {t('detail.duplicateHidden')}
                    </span>
                  ) : (
                    others.map((o) => (
                      <div key={o.id} className="duplicate-other">
                        <Link
                          href={`/customers/${encodeURIComponent(o.id)}`}
                          lang={langForCountry(o.country)}
                          title={t('detail.openCustomer', { name: o.name })}
                          data-testid="duplicate-customer"
                        >
                          {o.name}
                        </Link>{' '}
                        <OwnerChip owner={o.owner} />
                      </div>
                    ))
                  )}
                  <div className="small">{conflictLink(k)}</div>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section aria-label={t('detail.openConflicts')} data-testid="open-conflicts">
          <h3 className="section-title">
            {t('detail.openConflicts')} {openConflicts.length > 0 && <span className="dim">{openConflicts.length}</span>}
          </h3>
          {openConflicts.length === 0 ? (
            <p className="dim">{t('detail.openConflictsEmpty')}</p>
          ) : (
            <ul className="plain-list">
              {openConflicts.map((k) => (
                <li key={k.id}>{conflictLink(k)}</li>
              ))}
            </ul>
          )}
        </section>

        <div className="section-head">
          <h3 className="section-title">{t('detail.history')}</h3>
          {notice && (
            <span className="notice" data-testid="transfer-notice">
              {notice}
            </span>
          )}
          {can('customer.transfer') && (
            <button type="button" className="btn" onClick={() => setTransferring(true)} data-testid="transfer-customer">
              {t('transfer.action')}
            </button>
          )}
        </div>
        <OwnershipTimeline history={c.ownershipHistory} />

        <h3 className="section-title">
          {t('detail.deals')}{' '}
          {c.deals.totalCount > 0 && <span className="dim">{t('detail.dealsShown', { shown: deals.length, total: c.deals.totalCount })}</span>}
        </h3>
        {deals.length === 0 ? (
          <p className="dim">{t('detail.dealsEmpty')}</p>
        ) : (
          <table className="mini-table">
            <colgroup>
              <col className="c-stage" />
              <col className="c-line" />
              <col className="c-amount" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>{t('detail.deal.stage')}</th>
                <th>{t('detail.deal.productLine')}</th>
                <th className="num">{t('detail.deal.amount')}</th>
                <th>{t('detail.deal.channel')}</th>
              </tr>
            </thead>
            <tbody>
              {deals.map((d) => (
                <tr key={d.id} title={`${t('detail.deal.registered')}: ${formatDate(d.registeredAt, locale)}`}>
                  <td>
                    <span className={`stage stage-${d.stage.toLowerCase()}`}>{t(`stage.${d.stage}`)}</span>
                  </td>
                  <td title={d.productLine.name}>{d.productLine.name}</td>
                  <td className="num">{formatMoney(d.amount, locale)}</td>
                  <td>
                    <OwnerChip owner={{ kind: d.channel.kind, dealer: d.channel.dealer }} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {transferring && (
        <TransferDialog
          customer={c}
          onClose={() => setTransferring(false)}
          onDone={() => {
            setTransferring(false);
            setNotice(t('transfer.done'));
            request(CustomerDetailQuery, { id }).then(setFresh, () => loaded.reload());
            onChanged?.();
          }}
        />
      )}
    </section>
  );
}
