// Rejecting a registration needs a reason: the dealer reads it.
import { useState } from 'react';
import { GraphQLRequestError, request } from '../../graphql';
import { formatMoney } from '../../format';
import { useI18n } from '../../i18n';
import { Dialog, FieldError } from '../../shared/Dialog';
import { useErrorText } from '../../shared/States';
import type { DealRow } from './DealsScreen';
import { RejectDealMutation } from './operations';

export function RejectDialog({ deal, onClose, onDone }: { deal: DealRow; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<{ field: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError({ field: true, text: t('deals.rejectReasonRequired') });
      return;
    }
    setBusy(true);
    try {
      await request(RejectDealMutation, { id: deal.id, reason: reason.trim() });
      onDone();
    } catch (err) {
      const field = err instanceof GraphQLRequestError && err.field === 'input.reason';
      setError({ field, text: errorText(err as Error) });
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('deals.rejectTitle')} onClose={onClose} testId="reject-dialog">
      <form className="form" onSubmit={submit} noValidate>
        <p className="dim">
          {deal.customer.name} · {deal.channel.dealer?.name ?? t('channel.DIRECT')} · {formatMoney(deal.amount, locale)}
        </p>
        <label className="form-field">
          <span>{t('deals.rejectReason')}</span>
          <textarea
            className="input area"
            rows={3}
            autoFocus
            value={reason}
            onChange={(e) => {
              setReason(e.target.value);
              setError(null);
            }}
            aria-invalid={error?.field || undefined}
            aria-describedby="reject-reason-error"
            data-testid="reject-reason"
          />
          <FieldError id="reject-reason-error" message={error?.field ? error.text : undefined} />
        </label>
        {error && !error.field && <div className="error-message" role="alert">{error.text}</div>}
        <div className="form-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('form.cancel')}
          </button>
          <button type="submit" className="btn danger" disabled={busy} data-testid="reject-submit">
            {t('deals.reject')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
