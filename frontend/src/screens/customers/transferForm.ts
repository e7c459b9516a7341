// The "Transfer" form as data: the new owner and the reason, checked the way
// the server will check them, turned into TransferCustomerInput.
import type { OwnerKind, TransferCustomerInput } from '../../gql/graphql';

export type TransferFormState = {
  kind: OwnerKind | '';
  dealerId: string;
  reason: string;
};

export type TransferField = 'kind' | 'dealer' | 'reason' | 'form';
export type TransferErrorKey = 'transfer.err.kind' | 'transfer.err.dealer' | 'transfer.err.reason' | 'transfer.err.same';

export const transferKinds: OwnerKind[] = ['DEALER', 'DIRECT', 'UNASSIGNED'];

export function emptyTransferForm(): TransferFormState {
  return { kind: '', dealerId: '', reason: '' };
}

// checkTransferForm says what is missing, or gives the input. Handing a
// customer to the owner it already has is refused here: it would only add a
// meaningless entry to the history.
export function checkTransferForm(
  s: TransferFormState,
  customerId: string,
  current: { kind: OwnerKind; dealerId?: string | null },
): { errors: Partial<Record<TransferField, TransferErrorKey>>; input: TransferCustomerInput | null } {
  const errors: Partial<Record<TransferField, TransferErrorKey>> = {};
  const reason = s.reason.trim();
  if (!s.kind) errors.kind = 'transfer.err.kind';
  if (s.kind === 'DEALER' && !s.dealerId) errors.dealer = 'transfer.err.dealer';
  if (!reason) errors.reason = 'transfer.err.reason';
  if (s.kind && !errors.dealer && s.kind === current.kind && (s.kind !== 'DEALER' || s.dealerId === current.dealerId)) {
    errors[s.kind === 'DEALER' ? 'dealer' : 'kind'] = 'transfer.err.same';
  }
  if (Object.keys(errors).length > 0 || !s.kind) return { errors, input: null };
  return {
    errors,
    input: {
      customerId,
      to: s.kind === 'DEALER' ? { kind: 'DEALER', dealerId: s.dealerId } : { kind: s.kind },
      reason,
    },
  };
}

// transferFieldForServer maps a BAD_USER_INPUT error's field to the form field.
export function transferFieldForServer(field: string | undefined): TransferField {
  switch (field) {
    case 'reason':
    case 'input.reason':
      return 'reason';
    case 'to':
    case 'input.to':
    case 'to.kind':
    case 'input.to.kind':
      return 'kind';
    case 'dealerId':
    case 'to.dealerId':
    case 'input.to.dealerId':
      return 'dealer';
    default:
      return 'form';
  }
}
