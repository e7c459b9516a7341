// Register a deal: customer, channel, product line, quantity and unit price
// in major units (converted to minor units exactly), with a live preview of
// the amount. Input errors, the form's own and the server's, sit next to the
// field they are about.
import { useMemo, useState } from 'react';
import { GraphQLRequestError, request } from '../../graphql';
import { formatMoney, minorDigits } from '../../format';
import { useI18n, type MessageKey } from '../../i18n';
import { Dialog, FieldError } from '../../shared/Dialog';
import { OwnerChip } from '../../shared/OwnerChip';
import { useErrorText } from '../../shared/States';
import { DealerPicker, type DealerRef } from '../customers/DealerPicker';
import { CustomerPicker, type CustomerRef } from './CustomerPicker';
import { checkDealForm, fieldForServer, newIdempotencyKey, type DealFormField, type DealFormState } from './dealForm';
import { RegisterDealMutation } from './operations';

const currencies = ['EUR', 'BGN', 'RON', 'CNY', 'USD'];

type Props = {
  currency: string;
  /** A dealer user registers for its own dealer only: no channel choice. */
  fixedDealer?: DealerRef | null;
  productLines: { id: string; name: string }[];
  onClose: () => void;
  onDone: (stage: string, customer: string) => void;
};

export function RegisterDealDialog({ currency, fixedDealer, productLines, onClose, onDone }: Props) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [customer, setCustomer] = useState<CustomerRef | null>(null);
  const [dealer, setDealer] = useState<DealerRef | null>(fixedDealer ?? null);
  const [s, setS] = useState<DealFormState>({
    customerId: '',
    channel: 'DEALER',
    dealerId: '',
    productLineId: '',
    quantity: '1',
    unitPrice: '',
    currency,
    expectedClose: '',
  });
  // One key per opened form: resubmitting after a lost answer is safe.
  const [idemKey] = useState(newIdempotencyKey);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<DealFormField, string>>>({});
  const [busy, setBusy] = useState(false);

  const state = { ...s, customerId: customer?.id ?? '', dealerId: dealer?.id ?? '' };
  const digits = minorDigits(s.currency);
  const check = useMemo(() => checkDealForm(state, digits, idemKey), [JSON.stringify(state), digits, idemKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const set = (patch: Partial<DealFormState>, field: DealFormField) => {
    setS((v) => ({ ...v, ...patch }));
    setServerErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };
  const errorFor = (f: DealFormField): string | undefined => {
    if (serverErrors[f]) return serverErrors[f];
    const k = check.errors[f as keyof typeof check.errors];
    // Empty fields are not an error until the person tries to submit.
    return k && (touched || !isEmptyError(k, state)) ? t(k as MessageKey) : undefined;
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!check.input) return;
    setBusy(true);
    try {
      const r = await request(RegisterDealMutation, { input: check.input });
      onDone(r.registerDeal.deal.stage, customer?.name ?? '');
    } catch (err) {
      const text = errorText(err as Error);
      const field = err instanceof GraphQLRequestError && err.code === 'BAD_USER_INPUT' ? fieldForServer(err.field) : 'form';
      setServerErrors({ [field]: text });
      setBusy(false);
    }
  };

  const amount = check.amountMinor;
  return (
    <Dialog title={t('dealForm.title')} onClose={onClose} wide testId="register-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <div className="form-field">
          <span>{t('dealForm.customer')}</span>
          <CustomerPicker
            value={customer}
            onChange={(c) => {
              setCustomer(c);
              setServerErrors((x) => ({ ...x, customer: undefined }));
            }}
            invalid={Boolean(errorFor('customer'))}
            describedBy="deal-customer-error"
          />
          <FieldError id="deal-customer-error" message={errorFor('customer')} />
        </div>
        <fieldset className="form-field">
          <legend>{t('dealForm.channel')}</legend>
          {fixedDealer ? (
            <div className="radio-row" data-testid="deal-fixed-dealer">
              <OwnerChip owner={{ kind: 'DEALER', dealer: fixedDealer }} />
            </div>
          ) : (
          <div className="radio-row">
            {(['DEALER', 'DIRECT'] as const).map((k) => (
              <label key={k} className="radio">
                <input type="radio" name="channel" value={k} checked={s.channel === k} onChange={() => set({ channel: k }, 'dealer')} data-testid={`channel-${k}`} />
                {t(`channel.${k}`)}
              </label>
            ))}
            {s.channel === 'DEALER' && (
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
          <FieldError id="deal-dealer-error" message={errorFor('dealer')} />
        </fieldset>
        <label className="form-field">
          <span>{t('dealForm.productLine')}</span>
          <select className="input" value={s.productLineId} onChange={(e) => set({ productLineId: e.target.value }, 'productLine')} aria-invalid={Boolean(errorFor('productLine')) || undefined} data-testid="deal-line">
            <option value="">{t('dealForm.choose')}</option>
            {productLines.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          <FieldError id="deal-line-error" message={errorFor('productLine')} />
        </label>
        <div className="form-row">
          <label className="form-field">
            <span>{t('dealForm.quantity')}</span>
            <input className="input num-input" inputMode="numeric" value={s.quantity} onChange={(e) => set({ quantity: e.target.value }, 'quantity')} aria-invalid={Boolean(errorFor('quantity')) || undefined} aria-describedby="deal-quantity-error" data-testid="deal-quantity" />
            <FieldError id="deal-quantity-error" message={errorFor('quantity')} />
          </label>
          <label className="form-field">
            <span>{t('dealForm.unitPrice')}</span>
            <span className="money-input">
              <input className="input num-input" inputMode="decimal" value={s.unitPrice} placeholder={digits ? '0.00' : '0'} onChange={(e) => set({ unitPrice: e.target.value }, 'unitPrice')} aria-invalid={Boolean(errorFor('unitPrice')) || undefined} aria-describedby="deal-price-error" data-testid="deal-price" />
              <select className="input" aria-label={t('dealForm.currency')} value={s.currency} onChange={(e) => set({ currency: e.target.value }, 'unitPrice')} data-testid="deal-currency">
                {Array.from(new Set([currency, ...currencies])).map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </span>
            <FieldError id="deal-price-error" message={errorFor('unitPrice')} />
          </label>
          <label className="form-field">
            <span>{t('dealForm.expectedClose')}</span>
            <input className="input" type="date" value={s.expectedClose} onChange={(e) => set({ expectedClose: e.target.value }, 'expectedClose')} />
            <FieldError id="deal-close-error" message={errorFor('expectedClose')} />
          </label>
        </div>
        <div className="amount-preview" data-testid="amount-preview" data-minor={amount === null ? '' : amount.toString()}>
          <span className="dim">{t('dealForm.amount')}</span>{' '}
          <strong>{amount === null ? '—' : formatMoney({ minor: Number(amount), currency: s.currency }, locale)}</strong>
        </div>
        {serverErrors.form && (
          <div className="error-message" role="alert">
            {serverErrors.form}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy} data-testid="deal-submit">
            {t('dealForm.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

function isEmptyError(key: string, s: DealFormState): boolean {
  switch (key) {
    case 'dealForm.err.customer':
    case 'dealForm.err.dealer':
    case 'dealForm.err.productLine':
    case 'dealForm.err.priceEmpty':
      return true;
    case 'dealForm.err.quantity':
      return s.quantity.trim() === '';
    default:
      return false;
  }
}
