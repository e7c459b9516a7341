// "New customer": name, tax id, region, segment, size and the owner. A dealer
// user registers its own customer (the owner is fixed to its dealer); staff
// choose unassigned, direct sales or a dealer. Errors sit next to their field.
import { useMemo, useState } from 'react';
import { GraphQLRequestError, request } from '../../graphql';
import { useI18n, type MessageKey } from '../../i18n';
import { Dialog, FieldError } from '../../shared/Dialog';
import { OwnerChip } from '../../shared/OwnerChip';
import { useErrorText } from '../../shared/States';
import { newIdempotencyKey } from '../deals/dealForm';
import { checkCustomerForm, emptyCustomerForm, fieldForServer, segments, sizes, type CustomerFormField, type CustomerFormState, type CustomerOwnerChoice } from './customerForm';
import { DealerPicker, type DealerRef } from './DealerPicker';
import { CreateCustomerMutation } from './operations';

type Props = {
  regions: { id: string; name: string; depth: number }[];
  fixedDealer: DealerRef | null;
  onClose: () => void;
  onDone: (customer: { id: string; name: string }) => void;
};

export function CreateCustomerDialog({ regions, fixedDealer, onClose, onDone }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [s, setS] = useState<CustomerFormState>(emptyCustomerForm);
  const [dealer, setDealer] = useState<DealerRef | null>(null);
  const [idemKey] = useState(newIdempotencyKey);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<CustomerFormField, string>>>({});
  const [busy, setBusy] = useState(false);
  const state = { ...s, dealerId: dealer?.id ?? '' };
  const check = useMemo(() => checkCustomerForm(state, idemKey, fixedDealer?.id), [JSON.stringify(state), idemKey, fixedDealer?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  const minDepth = regions.reduce((m, r) => Math.min(m, r.depth), Infinity);

  const set = (patch: Partial<CustomerFormState>, field: CustomerFormField) => {
    setS((v) => ({ ...v, ...patch }));
    setServerErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };
  const errorFor = (f: CustomerFormField): string | undefined => {
    if (serverErrors[f]) return serverErrors[f];
    const k = check.errors[f];
    return k && touched ? t(k as MessageKey) : undefined;
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!check.input) return;
    setBusy(true);
    try {
      const r = await request(CreateCustomerMutation, { input: check.input });
      onDone(r.createCustomer.customer);
    } catch (err) {
      const field = err instanceof GraphQLRequestError && err.code === 'BAD_USER_INPUT' ? fieldForServer(err.field) : 'form';
      setServerErrors({ [field]: errorText(err as Error) });
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('customerForm.title')} onClose={onClose} wide testId="customer-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <label className="form-field">
          <span>{t('customerForm.name')}</span>
          <input className="input" value={s.name} onChange={(e) => set({ name: e.target.value }, 'name')} aria-invalid={Boolean(errorFor('name')) || undefined} aria-describedby="customer-name-error" data-testid="customer-name" />
          <FieldError id="customer-name-error" message={errorFor('name')} />
        </label>
        <div className="form-row">
          <label className="form-field">
            <span>{t('customerForm.taxId')}</span>
            <input className="input" value={s.taxId} onChange={(e) => set({ taxId: e.target.value }, 'taxId')} aria-invalid={Boolean(errorFor('taxId')) || undefined} aria-describedby="customer-tax-error" data-testid="customer-tax-id" />
            <FieldError id="customer-tax-error" message={errorFor('taxId')} />
          </label>
          <label className="form-field">
            <span>{t('customerForm.region')}</span>
            <select className="input" value={s.regionId} onChange={(e) => set({ regionId: e.target.value }, 'region')} aria-invalid={Boolean(errorFor('region')) || undefined} aria-describedby="customer-region-error" data-testid="customer-region">
              <option value="">{t('dealForm.choose')}</option>
              {regions.map((r) => (
                <option key={r.id} value={r.id}>
                  {'\u00a0\u00a0'.repeat(Math.max(0, r.depth - minDepth))}
                  {r.name}
                </option>
              ))}
            </select>
            <FieldError id="customer-region-error" message={errorFor('region')} />
          </label>
        </div>
        <div className="form-row">
          <label className="form-field">
            <span>{t('customerForm.segment')}</span>
            <select className="input" value={s.segment} onChange={(e) => set({ segment: e.target.value as CustomerFormState['segment'] }, 'segment')} aria-invalid={Boolean(errorFor('segment')) || undefined} aria-describedby="customer-segment-error" data-testid="customer-segment">
              <option value="">{t('dealForm.choose')}</option>
              {segments.map((x) => (
                <option key={x} value={x}>
                  {t(`segment.${x}`)}
                </option>
              ))}
            </select>
            <FieldError id="customer-segment-error" message={errorFor('segment')} />
          </label>
          <label className="form-field">
            <span>{t('customerForm.size')}</span>
            <select className="input" value={s.size} onChange={(e) => set({ size: e.target.value as CustomerFormState['size'] }, 'form')} data-testid="customer-size">
              <option value="">{t('customerForm.sizeNone')}</option>
              {sizes.map((x) => (
                <option key={x} value={x}>
                  {t(`size.${x}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="form-field">
          <legend>{t('customerForm.owner')}</legend>
          {fixedDealer ? (
            <div className="radio-row" data-testid="customer-fixed-owner">
              <span>{t('customerForm.ownedBy')}</span>
              <OwnerChip owner={{ kind: 'DEALER', dealer: fixedDealer }} />
            </div>
          ) : (
            <div className="radio-row">
              {(['UNASSIGNED', 'DIRECT', 'DEALER'] as CustomerOwnerChoice[]).map((k) => (
                <label key={k} className="radio">
                  <input type="radio" name="owner" value={k} checked={s.owner === k} onChange={() => set({ owner: k }, 'dealer')} data-testid={`customer-owner-${k}`} />
                  {k === 'UNASSIGNED' ? t('owner.unassigned') : k === 'DIRECT' ? t('owner.direct') : t('channel.DEALER')}
                </label>
              ))}
              {s.owner === 'DEALER' && (
                <DealerPicker
                  value={dealer}
                  onChange={(d) => {
                    setDealer(d);
                    setServerErrors((x) => ({ ...x, dealer: undefined }));
                  }}
                />
              )}
            </div>
          )}
          <FieldError id="customer-dealer-error" message={errorFor('dealer')} />
        </fieldset>
        {serverErrors.form && (
          <div className="error-message" role="alert">
            {serverErrors.form}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy} data-testid="customer-submit">
            {t('customerForm.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
