// The register-deal form as data: what the person typed, checked the way the
// server will check it, turned into RegisterDealInput with money in exact
// minor units. Server errors (BAD_USER_INPUT with extensions.field) are mapped
// back to the form field they are about.
import type { RegisterDealInput } from '../../gql/graphql';
import { lineAmount, parseMajor, parseQuantity } from '../../shared/money';

export type DealFormField = 'customer' | 'dealer' | 'productLine' | 'quantity' | 'unitPrice' | 'expectedClose' | 'form';

export type DealFormState = {
  customerId: string;
  channel: 'DEALER' | 'DIRECT';
  dealerId: string;
  productLineId: string;
  quantity: string;
  unitPrice: string;
  currency: string;
  expectedClose: string;
};

// Message keys, so the form words them in the UI language.
export type DealFormErrorKey =
  | 'dealForm.err.customer'
  | 'dealForm.err.dealer'
  | 'dealForm.err.productLine'
  | 'dealForm.err.quantity'
  | 'dealForm.err.priceEmpty'
  | 'dealForm.err.priceFormat'
  | 'dealForm.err.pricePrecision'
  | 'dealForm.err.priceNegative'
  | 'dealForm.err.tooLarge';

export type DealFormCheck = {
  errors: Partial<Record<DealFormField, DealFormErrorKey>>;
  /** quantity × unit price in minor units, when both are valid. */
  amountMinor: bigint | null;
  input: RegisterDealInput | null;
};

const priceErrors = {
  empty: 'dealForm.err.priceEmpty',
  format: 'dealForm.err.priceFormat',
  precision: 'dealForm.err.pricePrecision',
  negative: 'dealForm.err.priceNegative',
  tooLarge: 'dealForm.err.tooLarge',
} as const;

export function checkDealForm(s: DealFormState, digits: number, idempotencyKey: string): DealFormCheck {
  const errors: DealFormCheck['errors'] = {};
  if (!s.customerId) errors.customer = 'dealForm.err.customer';
  if (s.channel === 'DEALER' && !s.dealerId) errors.dealer = 'dealForm.err.dealer';
  if (!s.productLineId) errors.productLine = 'dealForm.err.productLine';
  // Zero and negative quantities are left to the server, which owns that
  // rule; the form only insists on a whole number.
  const quantity = parseQuantity(s.quantity);
  if (quantity === null) errors.quantity = 'dealForm.err.quantity';
  const price = parseMajor(s.unitPrice, digits);
  if (!price.ok) errors.unitPrice = priceErrors[price.error];
  let amountMinor: bigint | null = null;
  if (quantity !== null && price.ok) {
    amountMinor = lineAmount(quantity, price.minor);
    if (amountMinor === null) errors.quantity = 'dealForm.err.tooLarge';
  }
  if (Object.keys(errors).length > 0 || quantity === null || !price.ok) return { errors, amountMinor, input: null };
  return {
    errors,
    amountMinor,
    input: {
      idempotencyKey,
      customerId: s.customerId,
      channel: s.channel === 'DEALER' ? { kind: 'DEALER', dealerId: s.dealerId } : { kind: 'DIRECT' },
      productLineId: s.productLineId,
      quantity,
      // Safe: parseMajor refuses anything above Number.MAX_SAFE_INTEGER.
      unitPrice: { minor: Number(price.minor), currency: s.currency },
      expectedClose: s.expectedClose || null,
    },
  };
}

// fieldForServer maps the server's extensions.field to the form field.
export function fieldForServer(field: string | undefined): DealFormField {
  const f = (field ?? '').replace(/^input\./, '');
  if (f.startsWith('customerId')) return 'customer';
  if (f.startsWith('channel')) return 'dealer';
  if (f.startsWith('productLineId')) return 'productLine';
  if (f.startsWith('quantity')) return 'quantity';
  if (f.startsWith('unitPrice')) return 'unitPrice';
  if (f.startsWith('expectedClose')) return 'expectedClose';
  return 'form';
}

// newIdempotencyKey names one submission of the form, so a retry after a
// lost answer cannot register the deal twice.
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c?.randomUUID === 'function') return c.randomUUID();
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
