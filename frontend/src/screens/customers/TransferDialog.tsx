// Handing a customer to another owner: a dealer, direct sales or nobody,
// with the reason that goes into its ownership history.
import { useState } from 'react';
import type { OwnerKind } from '../../gql/graphql';
import { GraphQLRequestError, request } from '../../graphql';
import { useI18n, type MessageKey } from '../../i18n';
import { Dialog, FieldError } from '../../shared/Dialog';
import { OwnerChip } from '../../shared/OwnerChip';
import { useErrorText } from '../../shared/States';
import { DealerPicker, type DealerRef } from './DealerPicker';
import { TransferCustomerMutation } from './operations';
import { checkTransferForm, emptyTransferForm, transferFieldForServer, transferKinds, type TransferField, type TransferFormState } from './transferForm';

type Props = {
  customer: { id: string; name: string; owner: { kind: OwnerKind; dealer?: { id: string; name: string } | null } };
  onClose: () => void;
  onDone: () => void;
};

export function TransferDialog({ customer, onClose, onDone }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [s, setS] = useState<TransferFormState>(emptyTransferForm);
  const [dealer, setDealer] = useState<DealerRef | null>(null);
  const [touched, setTouched] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<TransferField, string>>>({});
  const [busy, setBusy] = useState(false);
  const state = { ...s, dealerId: dealer?.id ?? '' };
  const check = checkTransferForm(state, customer.id, { kind: customer.owner.kind, dealerId: customer.owner.dealer?.id });

  const set = (patch: Partial<TransferFormState>, field: TransferField) => {
    setS((v) => ({ ...v, ...patch }));
    setServerErrors((e) => ({ ...e, [field]: undefined, form: undefined }));
  };
  const errorFor = (f: TransferField): string | undefined => {
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
      await request(TransferCustomerMutation, { input: check.input });
      onDone();
    } catch (err) {
      const field = err instanceof GraphQLRequestError && err.code === 'BAD_USER_INPUT' ? transferFieldForServer(err.field) : 'form';
      setServerErrors({ [field]: errorText(err as Error) });
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('transfer.title')} onClose={onClose} testId="transfer-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <p>
          <strong>{customer.name}</strong>
        </p>
        <div className="radio-row">
          <span className="dim">{t('transfer.current')}</span>
          <OwnerChip owner={customer.owner} />
        </div>
        <fieldset className="form-field">
          <legend>{t('transfer.to')}</legend>
          <div className="radio-row">
            {transferKinds.map((k) => (
              <label key={k} className="radio">
                <input
                  type="radio"
                  name="transfer-owner"
                  value={k}
                  checked={s.kind === k}
                  onChange={() => {
                    set({ kind: k }, 'kind');
                    setServerErrors((x) => ({ ...x, dealer: undefined }));
                  }}
                  data-testid={`transfer-owner-${k}`}
                />
                {k === 'UNASSIGNED' ? t('owner.unassigned') : k === 'DIRECT' ? t('owner.direct') : t('channel.DEALER')}
              </label>
            ))}
            {s.kind === 'DEALER' && (
              <DealerPicker
                value={dealer}
                onChange={(d) => {
                  setDealer(d);
                  setServerErrors((x) => ({ ...x, dealer: undefined, form: undefined }));
                }}
              />
            )}
          </div>
          <FieldError id="transfer-kind-error" message={errorFor('kind')} />
          <FieldError id="transfer-dealer-error" message={errorFor('dealer')} />
        </fieldset>
        <label className="form-field">
          <span>{t('transfer.reason')}</span>
          <textarea
            className="input area"
            rows={3}
            value={s.reason}
            placeholder={t('transfer.reasonHint')}
            onChange={(e) => set({ reason: e.target.value }, 'reason')}
            aria-invalid={Boolean(errorFor('reason')) || undefined}
            aria-describedby="transfer-reason-error"
            data-testid="transfer-reason"
          />
          <FieldError id="transfer-reason-error" message={errorFor('reason')} />
        </label>
        {serverErrors.form && (
          <div className="error-message" role="alert" data-testid="transfer-error">
            {serverErrors.form}
          </div>
        )}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="btn primary" disabled={busy} data-testid="transfer-submit">
            {t('transfer.submit')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
