// The "New customer" form as data: what was typed, checked the way the
// server will check it, turned into CreateCustomerInput. A dealer user's
// customer is always its own (fixedDealerId); staff choose the owner.
import type { CreateCustomerInput, CustomerSize, Segment } from '../../gql/graphql';

export type CustomerFormField = 'name' | 'taxId' | 'region' | 'segment' | 'dealer' | 'form';
export type CustomerOwnerChoice = 'UNASSIGNED' | 'DIRECT' | 'DEALER';

export type CustomerFormState = {
  name: string;
  taxId: string;
  regionId: string;
  segment: Segment | '';
  size: CustomerSize | '';
  owner: CustomerOwnerChoice;
  dealerId: string;
};

export type CustomerFormErrorKey = 'customerForm.err.name' | 'customerForm.err.region' | 'customerForm.err.segment' | 'customerForm.err.dealer';

export const segments: Segment[] = ['INDUSTRIAL', 'CONSTRUCTION', 'AGRICULTURE', 'UTILITIES', 'RETAIL', 'PUBLIC'];
export const sizes: CustomerSize[] = ['SMALL', 'MEDIUM', 'LARGE', 'ENTERPRISE'];

export function emptyCustomerForm(): CustomerFormState {
  return { name: '', taxId: '', regionId: '', segment: '', size: '', owner: 'UNASSIGNED', dealerId: '' };
}

export function checkCustomerForm(
  s: CustomerFormState,
  idempotencyKey: string,
  fixedDealerId?: string | null,
): { errors: Partial<Record<CustomerFormField, CustomerFormErrorKey>>; input: CreateCustomerInput | null } {
  const errors: Partial<Record<CustomerFormField, CustomerFormErrorKey>> = {};
  const name = s.name.trim();
  if (!name) errors.name = 'customerForm.err.name';
  if (!s.regionId) errors.region = 'customerForm.err.region';
  if (!s.segment) errors.segment = 'customerForm.err.segment';
  const owner = fixedDealerId ? 'DEALER' : s.owner;
  const dealerId = fixedDealerId || s.dealerId;
  if (owner === 'DEALER' && !dealerId) errors.dealer = 'customerForm.err.dealer';
  if (Object.keys(errors).length > 0 || !s.segment) return { errors, input: null };
  const input: CreateCustomerInput = {
    idempotencyKey,
    name,
    regionId: s.regionId,
    segment: s.segment,
    owner: owner === 'DEALER' ? { kind: 'DEALER', dealerId } : { kind: owner },
  };
  const taxId = s.taxId.trim();
  if (taxId) input.taxId = taxId;
  if (s.size) input.size = s.size;
  return { errors, input };
}

// fieldForServer maps a BAD_USER_INPUT error's field to the form field.
export function fieldForServer(field: string | undefined): CustomerFormField {
  switch (field) {
    case 'name':
      return 'name';
    case 'taxId':
      return 'taxId';
    case 'regionId':
      return 'region';
    case 'segment':
      return 'segment';
    case 'owner':
    case 'owner.dealerId':
    case 'dealerId':
      return 'dealer';
    default:
      return 'form';
  }
}
