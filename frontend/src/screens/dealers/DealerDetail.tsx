// One dealer: contact, contract, parent and sub-dealers, territories and the
// year's plan against the actual, with a month-by-month chart.
import { Link } from 'wouter';
import { formatDate, formatMoney } from '../../format';
import { useQuery } from '../../graphql';
import { useI18n } from '../../i18n';
import { EmptyState, ErrorState } from '../../shared/States';
import { Attainment } from './DealersScreen';
import { monthlyActuals, type MonthBar } from './monthly';
import { DealerDetailQuery, DealerPerformanceQuery } from './operations';

type Props = { id: string; year: number; onClose?: () => void };

export function DealerDetail({ id, year, onClose }: Props) {
  const { t, locale } = useI18n();
  const q = useQuery(DealerDetailQuery, { id, year, prevYear: year - 1 });

  const header = (title: React.ReactNode) => (
    <div className="detail-head">
      <h2 className="detail-title">{title}</h2>
      {onClose && (
        <button type="button" className="btn icon" onClick={onClose} title={`${t('detail.close')} (Esc)`} aria-label={t('detail.close')}>
          ×
        </button>
      )}
    </div>
  );
  if (q.status === 'loading') {
    return (
      <section className="detail" aria-busy="true">
        {header(<span className="skeleton wide" />)}
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
        {header('')}
        <ErrorState title={t('dealers.detailError')} error={q.error} />
      </section>
    );
  }
  const d = q.data.dealer;
  if (!d) {
    return (
      <section className="detail">
        {header('')}
        <EmptyState title={t('dealers.notFound')} />
      </section>
    );
  }
  const none = t('detail.none');
  const plan = d.plan;
  const bars = plan ? monthlyActuals(d.won.edges.map((e) => e.node), year, plan.plannedVolume.currency, plan.plannedVolume.minor) : [];

  return (
    <section className="detail" aria-label={d.name} data-testid="dealer-detail">
      {header(
        <>
          <span className="mono dim">{d.code}</span> {d.name}
        </>,
      )}
      <div className="detail-body">
        <dl className="facts">
          <dt>{t('dealers.col.kind')}</dt>
          <dd>
            {t(`dealerKind.${d.kind}`)} · {t('dealers.tierN', { n: d.tier })} ·{' '}
            <span className={`status status-${d.status.toLowerCase()}`}>{t(`dealerStatus.${d.status}`)}</span>
          </dd>
          <dt>{t('dealers.homeRegion')}</dt>
          <dd>{d.homeRegion?.name ?? none}</dd>
          <dt>{t('dealers.contract')}</dt>
          <dd>
            {formatDate(d.contractStart, locale)} – {d.contractEnd ? formatDate(d.contractEnd, locale) : t('dealers.openEnded')}
          </dd>
          <dt>{t('dealers.contact')}</dt>
          <dd data-testid="dealer-contact">
            {d.contact.name || none}
            {d.contact.email && (
              <>
                {' · '}
                <a href={`mailto:${d.contact.email}`}>{d.contact.email}</a>
              </>
            )}
            {d.contact.phone && <> · <span className="mono">{d.contact.phone}</span></>}
          </dd>
          <dt>{t('dealers.col.credit')}</dt>
          <dd>{formatMoney(d.creditLimit, locale)}</dd>
          <dt>{t('dealers.col.customers')}</dt>
          <dd>
            <Link href="/customers">{d.customerCount}</Link> · {t('dealers.openConflicts', { n: d.openConflictCount })}
          </dd>
          {d.parent && (
            <>
              <dt>{t('dealers.parent')}</dt>
              <dd>
                <Link href={`/dealers/${encodeURIComponent(d.parent.id)}`}>
                  <span className="mono">{d.parent.code}</span> {d.parent.name}
                </Link>
              </dd>
            </>
          )}
        </dl>

        <h3 className="section-title">{t('dealers.planTitle', { year: String(year) })}</h3>
        {plan ? (
          <div data-testid="dealer-plan">
            <div className="plan-figures">
              <span>
                {t('dealers.col.plan', { year: String(year) })}: <strong>{formatMoney(plan.plannedVolume, locale)}</strong>
              </span>
              <span>
                {t('dealers.col.actual')}: <strong>{formatMoney(plan.actual, locale)}</strong>
              </span>
              <Attainment pct={plan.attainmentPct} />
            </div>
            <PlanChart bars={bars} planned={plan.plannedVolume.minor} currency={plan.plannedVolume.currency} />
            {d.prevPlan && (
              <p className="dim small">
                {t('dealers.prevYear', {
                  year: String(year - 1),
                  plan: formatMoney(d.prevPlan.plannedVolume, locale),
                  actual: formatMoney(d.prevPlan.actual, locale),
                  pct: new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(d.prevPlan.attainmentPct),
                })}
              </p>
            )}
          </div>
        ) : (
          <p className="dim">{t('dealers.noPlanYear', { year: String(year) })}</p>
        )}

        {plan && <Performance id={d.id} year={year} />}

        <h3 className="section-title">{t('dealers.territories')}</h3>
        {d.territories.length === 0 ? (
          <p className="dim">{t('dealers.noTerritories')}</p>
        ) : (
          <table className="mini-table" data-testid="dealer-territories">
            <thead>
              <tr>
                <th>{t('territories.region')}</th>
                <th>{t('territories.scope')}</th>
                <th>{t('territories.valid')}</th>
              </tr>
            </thead>
            <tbody>
              {d.territories.map((a) => (
                <tr key={a.id} className={a.active ? undefined : 'inactive'}>
                  <td title={a.region.path}>
                    {a.region.name} {a.exclusive && <span className="badge">{t('territories.exclusive')}</span>}
                  </td>
                  <td title={scopeText(a, t)}>{scopeText(a, t)}</td>
                  <td>
                    {formatDate(a.validFrom, locale)} – {a.validTo ? formatDate(a.validTo, locale) : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        {d.subDealers.length > 0 && (
          <>
            <h3 className="section-title">{t('dealers.subDealers')}</h3>
            <ul className="plain-list">
              {d.subDealers.map((s) => (
                <li key={s.id}>
                  <Link href={`/dealers/${encodeURIComponent(s.id)}`}>
                    <span className="mono">{s.code}</span> {s.name}
                  </Link>{' '}
                  <span className="dim">{t(`dealerStatus.${s.status}`)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </section>
  );
}

// Performance: the bonus earned and projected, the marketing budget and its
// split, compensation owed and credit, from the year's policy (analytics).
// Loaded apart from the detail: if it fails, the rest of the page stands.
function Performance({ id, year }: { id: string; year: number }) {
  const { t, locale } = useI18n();
  const q = useQuery(DealerPerformanceQuery, { id, year });
  if (q.status === 'loading') {
    return (
      <div aria-busy="true">
        {Array.from({ length: 3 }, (_, i) => (
          <div key={i} className="skeleton-line">
            <span className="skeleton" />
          </div>
        ))}
      </div>
    );
  }
  if (q.status === 'error') return null;
  const p = q.data.performance.edges[0]?.node;
  if (!p || !p.hasPolicy) return null;
  const pct = (v: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  const money = (m: { minor: number; currency: string }) => formatMoney(m, locale);
  return (
    <>
      <h3 className="section-title">{t('dealers.bonusTitle', { year: String(year) })}</h3>
      <dl className="facts" data-testid="dealer-bonus">
        <dt>{t('dealers.bonusNow')}</dt>
        <dd>
          <strong data-testid="bonus">{money(p.bonus)}</strong>{' '}
          <span className="dim">
            {p.bonusTier ? t('dealers.bonusTier', { pct: pct(p.bonusTier.minAttainmentPct), bonus: pct(p.bonusTier.bonusPct) }) : t('dealers.bonusNoTier')}
          </span>
        </dd>
        <dt>{t('dealers.projected')}</dt>
        <dd data-testid="projected-bonus">{t('dealers.projectedLine', { actual: money(p.projectedActual), bonus: money(p.projectedBonus) })}</dd>
        <dt>{t('dealers.marketing')}</dt>
        <dd>
          <strong>{money(p.marketingBudget)}</strong>{' '}
          <span className="dim">{t('dealers.marketingSplit', { manufacturer: money(p.marketingManufacturerShare), dealer: money(p.marketingDealerShare) })}</span>
        </dd>
        {p.compensationOwed.minor > 0 && (
          <>
            <dt>{t('dealers.compensation')}</dt>
            <dd>{money(p.compensationOwed)}</dd>
          </>
        )}
        <dt>{t('dealers.credit')}</dt>
        <dd>
          {money(p.creditUsed)} / {money(p.creditLimit)} {p.overCreditLimit && <span className="badge danger">{t('dealers.overCredit')}</span>}
        </dd>
      </dl>
      {p.planDeviation && <div className="callout warn">{t('dealers.behindPlan', { amount: money(p.shortfall) })}</div>}
    </>
  );
}

type T = ReturnType<typeof useI18n>['t'];
export function scopeText(a: { segments: string[]; productLines: { name: string }[] }, t: T): string {
  const seg = a.segments.length ? a.segments.map((s) => t(`segment.${s}` as Parameters<T>[0])).join(', ') : t('territories.allSegments');
  const lines = a.productLines.length ? a.productLines.map((p) => p.name).join(', ') : t('territories.allLines');
  return `${seg} · ${lines}`;
}

// PlanChart: the cumulative actual per month as bars against the plan's even
// pace as a line; months to come are drawn faint.
function PlanChart({ bars, planned, currency }: { bars: MonthBar[]; planned: number; currency: string }) {
  const { t, locale } = useI18n();
  const max = Math.max(planned, ...bars.map((b) => b.cumulative), 1);
  const w = 360;
  const h = 120;
  const bw = w / 12;
  const y = (v: number) => h - (v / max) * (h - 6);
  const months = Array.from({ length: 12 }, (_, i) => new Intl.DateTimeFormat(locale, { month: 'narrow', timeZone: 'UTC' }).format(Date.UTC(2026, i, 1)));
  const pace = bars.map((b, i) => `${i * bw + bw / 2},${y(b.pace)}`).join(' ');
  return (
    <svg className="plan-chart" viewBox={`0 0 ${w} ${h + 14}`} role="img" aria-label={t('dealers.chartLabel')} data-testid="plan-chart">
      {bars.map((b, i) => (
        <rect key={b.month} x={i * bw + 3} width={bw - 6} y={y(b.cumulative)} height={h - y(b.cumulative)} className={b.cumulative >= b.pace ? 'bar good' : 'bar'}>
          <title>{`${months[i]}: ${formatMoneyShort(b.cumulative, currency, locale)} / ${formatMoneyShort(b.pace, currency, locale)}`}</title>
        </rect>
      ))}
      <polyline points={pace} className="pace" />
      {months.map((m, i) => (
        <text key={i} x={i * bw + bw / 2} y={h + 12} className="axis">
          {m}
        </text>
      ))}
    </svg>
  );
}

function formatMoneyShort(minor: number, currency: string, locale: string): string {
  return formatMoney({ minor, currency }, locale);
}
