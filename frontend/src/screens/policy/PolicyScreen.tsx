// The Policy screen: one year's commercial policy next to the year before it
// (what changed is marked), and the director's edit form for setPolicy.
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'wouter';
import { useAccess } from '../../auth/SessionProvider';
import { GraphQLRequestError, request, useQuery } from '../../graphql';
import { formatDateTime, formatMoney, minorDigits } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { EmptyState, ErrorState, useErrorText } from '../../shared/States';
import { PoliciesQuery, SetPolicyMutation } from './operations';
import { fieldOfServer, toForm, toInput, type Policy, type PolicyForm } from './policyForm';

type Row = { key: string; label: MessageKey; value: (p: Policy) => ReactNode; compare?: (p: Policy) => number | boolean; edit?: (f: PolicyForm, set: (patch: Partial<PolicyForm>) => void) => ReactNode };

export function PolicyScreen() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const params = useParams<{ year?: string }>();
  // Only the director sets the policy; everyone else reads it.
  const canEdit = useAccess().can('policy.edit');
  const q = useQuery(PoliciesQuery, {});
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState('');
  const [busy, setBusy] = useState(false);

  const policies = q.status === 'ok' ? q.data.policies : [];
  const year = params.year ? Number(params.year) : (policies[0]?.year ?? 0);
  const p = policies.find((x) => x.year === year);
  const prev = policies.find((x) => x.year === year - 1);
  const digits = p ? minorDigits(p.currency) : 2;
  const pct = (v: number) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(v)} %`;

  const rows = useMemo<Row[]>(
    () => [
      { key: 'threshold', label: 'policy.threshold', value: (x) => formatMoney(x.directSaleThreshold, locale), compare: (x) => x.directSaleThreshold.minor, edit: (f, set) => <MoneyInput value={f.threshold} currency={f.currency} onChange={(threshold) => set({ threshold })} id="threshold" /> },
      { key: 'protectionDays', label: 'policy.protectionDays', value: (x) => t('policy.days', { n: x.registrationProtectionDays }), compare: (x) => x.registrationProtectionDays, edit: (f, set) => <TextInput value={f.protectionDays} onChange={(protectionDays) => set({ protectionDays })} id="protectionDays" suffix={t('policy.daysUnit')} /> },
      { key: 'approval', label: 'policy.approval', value: (x) => (x.registrationRequiresApproval ? t('policy.yes') : t('policy.no')), compare: (x) => x.registrationRequiresApproval, edit: (f, set) => <input type="checkbox" checked={f.requiresApproval} onChange={(e) => set({ requiresApproval: e.target.checked })} data-testid="edit-approval" aria-label={t('policy.approval')} /> },
      { key: 'tolerancePct', label: 'policy.tolerance', value: (x) => pct(x.priceMismatchTolerancePct), compare: (x) => x.priceMismatchTolerancePct, edit: (f, set) => <TextInput value={f.tolerancePct} onChange={(tolerancePct) => set({ tolerancePct })} id="tolerancePct" suffix="%" /> },
      { key: 'marketingPct', label: 'policy.marketing', value: (x) => pct(x.marketingBudgetPct), compare: (x) => x.marketingBudgetPct, edit: (f, set) => <TextInput value={f.marketingPct} onChange={(marketingPct) => set({ marketingPct })} id="marketingPct" suffix="%" /> },
      { key: 'manufacturerSharePct', label: 'policy.manufacturerShare', value: (x) => pct(x.manufacturerSharePct), compare: (x) => x.manufacturerSharePct, edit: (f, set) => <TextInput value={f.manufacturerSharePct} onChange={(manufacturerSharePct) => set({ manufacturerSharePct })} id="manufacturerSharePct" suffix="%" /> },
      { key: 'compensationPct', label: 'policy.compensation', value: (x) => pct(x.defaultCompensationPct), compare: (x) => x.defaultCompensationPct, edit: (f, set) => <TextInput value={f.compensationPct} onChange={(compensationPct) => set({ compensationPct })} id="compensationPct" suffix="%" /> },
      { key: 'deviationPct', label: 'policy.deviation', value: (x) => pct(x.planDeviationMarginPct), compare: (x) => x.planDeviationMarginPct, edit: (f, set) => <TextInput value={f.deviationPct} onChange={(deviationPct) => set({ deviationPct })} id="deviationPct" suffix="%" /> },
    ],
    // pct depends on locale only.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [t, locale],
  );

  if (q.status === 'loading') {
    return (
      <div className="screen">
        <div className="toolbar">
          <h1 className="screen-title">{t('policy.title')}</h1>
        </div>
        <div className="policy-body" aria-busy="true">
          {Array.from({ length: 10 }, (_, i) => (
            <div key={i} className="skeleton-line">
              <span className="skeleton" />
            </div>
          ))}
        </div>
      </div>
    );
  }
  if (q.status === 'error') return <div className="screen"><ErrorState title={t('policy.error')} error={q.error} /></div>;
  if (!p) {
    return (
      <div className="screen">
        <EmptyState title={t('policy.none', { year: String(year || '') })} />
      </div>
    );
  }

  const set = (patch: Partial<PolicyForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setErrors({});
  };
  const errText = (k: string) => {
    const e = errors[k];
    if (!e) return undefined;
    return e in errorKeys ? t(errorKeys[e as keyof typeof errorKeys]) : e;
  };
  const save = async () => {
    if (!form) return;
    const { input, errors: errs } = toInput(form, digits);
    if (!input) {
      setErrors(errs as Record<string, string>);
      return;
    }
    setBusy(true);
    try {
      await request(SetPolicyMutation, { input });
      setForm(null);
      setNotice(t('policy.saved', { year: String(form.year) }));
      q.reload();
    } catch (err) {
      const field = err instanceof GraphQLRequestError && err.code === 'BAD_USER_INPUT' ? fieldOfServer(err.field) : 'form';
      setErrors({ [field]: errorText(err as Error) });
    } finally {
      setBusy(false);
    }
  };

  const changed = (r: Row) => prev && r.compare && r.compare(p) !== r.compare(prev);
  const floorsById = new Map(p.priceFloors.map((f) => [f.productLine.id, f]));
  const prevFloors = new Map(prev?.priceFloors.map((f) => [f.productLine.id, f]) ?? []);

  return (
    <div className="screen">
      <div className="toolbar">
        <h1 className="screen-title">{t('policy.title')}</h1>
        <div className="tabs" role="tablist">
          {policies.map((x) => (
            <Link key={x.year} href={`/policy/${x.year}`} role="tab" aria-selected={x.year === year} className={`tab${x.year === year ? ' active' : ''}`} onClick={() => setForm(null)}>
              {x.year}
            </Link>
          ))}
        </div>
        <span className="dim">{t('policy.updated', { at: formatDateTime(p.updatedAt, locale) })}</span>
        <span className="spacer" />
        {notice && <span className="notice" data-testid="notice">{notice}</span>}
        {form ? (
          <>
            <button type="button" className="btn" onClick={() => { setForm(null); setErrors({}); }}>
              {t('form.cancel')}
            </button>
            <button type="button" className="btn primary" onClick={save} disabled={busy} data-testid="policy-save">
              {t('policy.save')}
            </button>
          </>
        ) : canEdit ? (
          <button type="button" className="btn primary" onClick={() => { setForm(toForm(p, digits)); setNotice(''); }} data-testid="policy-edit">
            {t('policy.edit')}
          </button>
        ) : (
          <span className="badge" data-testid="policy-read-only">
            {t('access.readOnly')}
          </span>
        )}
      </div>
      <div className="policy-body" data-testid="policy" data-year={p.year}>
        {errors.form && <div className="callout danger" role="alert">{errors.form}</div>}
        <table className="policy-table" data-testid="policy-terms">
          <thead>
            <tr>
              <th />
              <th>{p.year}</th>
              <th className="dim">{prev ? prev.year : ''}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key} className={changed(r) ? 'changed' : undefined}>
                <th scope="row">{t(r.label)}</th>
                <td>
                  {form && r.edit ? (
                    <>
                      {r.edit(form, set)}
                      {errText(r.key) && <div className="field-error error-message" id={`${r.key}-error`} role="alert">{errText(r.key)}</div>}
                    </>
                  ) : (
                    <span data-testid={`value-${r.key}`}>{r.value(p)}</span>
                  )}
                </td>
                <td className="dim">{prev ? r.value(prev) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <div className="policy-columns">
          <section>
            <h3 className="section-title">{t('policy.floors')}</h3>
            <table className="policy-table" data-testid="policy-floors">
              <tbody>
                {(q.data.productLines ?? []).map((line) => {
                  const f = floorsById.get(line.id);
                  const pf = prevFloors.get(line.id);
                  return (
                    <tr key={line.id} className={(f?.minUnitPrice.minor ?? null) !== (pf?.minUnitPrice.minor ?? null) && prev ? 'changed' : undefined}>
                      <th scope="row">{line.name}</th>
                      <td>
                        {form ? (
                          <MoneyInput value={form.floors[line.id] ?? ''} currency={form.currency} onChange={(v) => set({ floors: { ...form.floors, [line.id]: v } })} id={`floor.${line.id}`} label={line.name} />
                        ) : f ? (
                          formatMoney(f.minUnitPrice, locale)
                        ) : (
                          <span className="dim">{t('policy.noFloor')}</span>
                        )}
                        {form && errText(`floor.${line.id}`) && <div className="field-error error-message">{errText(`floor.${line.id}`)}</div>}
                      </td>
                      <td className="dim">{pf ? formatMoney(pf.minUnitPrice, locale) : ''}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {errText('floors') && <div className="field-error error-message">{errText('floors')}</div>}
          </section>
          <section>
            <h3 className="section-title">{t('policy.tiers')}</h3>
            <table className="policy-table" data-testid="policy-tiers">
              <thead>
                <tr>
                  <th>{t('policy.tierFrom')}</th>
                  <th>{t('policy.tierBonus')}</th>
                  {form && <th />}
                </tr>
              </thead>
              <tbody>
                {form
                  ? form.tiers.map((tier, i) => (
                      <tr key={i}>
                        <td>
                          <TextInput value={tier.minAttainmentPct} onChange={(v) => set({ tiers: form.tiers.map((x, j) => (j === i ? { ...x, minAttainmentPct: v } : x)) })} id={`tier.${i}.min`} suffix="%" />
                          {errText(`tier.${i}.min`) && <div className="field-error error-message">{errText(`tier.${i}.min`)}</div>}
                        </td>
                        <td>
                          <TextInput value={tier.bonusPct} onChange={(v) => set({ tiers: form.tiers.map((x, j) => (j === i ? { ...x, bonusPct: v } : x)) })} id={`tier.${i}.bonus`} suffix="%" />
                          {errText(`tier.${i}.bonus`) && <div className="field-error error-message">{errText(`tier.${i}.bonus`)}</div>}
                        </td>
                        <td>
                          <button type="button" className="btn link" onClick={() => set({ tiers: form.tiers.filter((_, j) => j !== i) })}>
                            {t('policy.removeTier')}
                          </button>
                        </td>
                      </tr>
                    ))
                  : p.bonusTiers.map((tier, i) => (
                      <tr key={i}>
                        <td>≥ {pct(tier.minAttainmentPct)}</td>
                        <td>{pct(tier.bonusPct)}</td>
                      </tr>
                    ))}
              </tbody>
            </table>
            {form && (
              <button type="button" className="btn link" onClick={() => set({ tiers: [...form.tiers, { minAttainmentPct: '', bonusPct: '' }] })}>
                {t('policy.addTier')}
              </button>
            )}
            {errText('tiers') && <div className="field-error error-message">{errText('tiers')}</div>}
            {prev && !form && (
              <p className="dim small">
                {prev.year}: {prev.bonusTiers.map((x) => `≥ ${pct(x.minAttainmentPct)} → ${pct(x.bonusPct)}`).join(' · ')}
              </p>
            )}
          </section>
        </div>
      </div>
    </div>
  );
}

const errorKeys = { money: 'policy.err.money', pct: 'policy.err.pct', days: 'policy.err.days', order: 'policy.err.order' } as const;

function TextInput({ value, onChange, id, suffix }: { value: string; onChange: (v: string) => void; id: string; suffix?: string }) {
  return (
    <span className="money-input">
      <input className="input num-input" value={value} onChange={(e) => onChange(e.target.value)} data-testid={`edit-${id}`} aria-label={id} />
      {suffix && <span className="dim">{suffix}</span>}
    </span>
  );
}

function MoneyInput({ value, currency, onChange, id, label }: { value: string; currency: string; onChange: (v: string) => void; id: string; label?: string }) {
  return (
    <span className="money-input">
      <input className="input num-input" inputMode="decimal" value={value} onChange={(e) => onChange(e.target.value)} data-testid={`edit-${id}`} aria-label={label ?? id} />
      <span className="dim">{currency}</span>
    </span>
  );
}
