// The right-hand pane: one customer, its ownership history as a timeline and
// its latest deals.
import { useQuery } from '../../graphql';
import { formatDate, formatMoney, langForCountry } from '../../format';
import { useI18n } from '../../i18n';
import { OwnerChip } from '../../shared/OwnerChip';
import { EmptyState, ErrorState } from '../../shared/States';
import { CustomerDetailQuery } from './operations';
import { OwnershipTimeline } from './OwnershipTimeline';

type Props = { id: string; regionNames: Map<string, string>; onClose: () => void };

export function CustomerDetail({ id, regionNames, onClose }: Props) {
  const { t, locale } = useI18n();
  const q = useQuery(CustomerDetailQuery, { id });

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

        <h3 className="section-title">{t('detail.history')}</h3>
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
    </section>
  );
}
