import { describe, expect, it } from 'vitest';
import { checkDealForm, fieldForServer, type DealFormState } from './dealForm';

const filled: DealFormState = {
  customerId: 'Q3VzdG9tZXI6MQ',
  channel: 'DEALER',
  dealerId: 'RGVhbGVyOjE',
  productLineId: 'UHJvZHVjdExpbmU6MQ',
  quantity: '3',
  unitPrice: '1 234,56',
  currency: 'EUR',
  expectedClose: '',
};

describe('checkDealForm', () => {
  it('builds the input with the price in exact minor units and previews the amount', () => {
    const r = checkDealForm(filled, 2, 'k1');
    expect(r.errors).toEqual({});
    expect(r.amountMinor).toBe(370368n);
    expect(r.input).toEqual({
      idempotencyKey: 'k1',
      customerId: 'Q3VzdG9tZXI6MQ',
      channel: { kind: 'DEALER', dealerId: 'RGVhbGVyOjE' },
      productLineId: 'UHJvZHVjdExpbmU6MQ',
      quantity: 3,
      unitPrice: { minor: 123456, currency: 'EUR' },
      expectedClose: null,
    });
  });

  it('sends no dealer for a direct deal', () => {
    const r = checkDealForm({ ...filled, channel: 'DIRECT', dealerId: '' }, 2, 'k');
    expect(r.input?.channel).toEqual({ kind: 'DIRECT' });
  });

  it('names every missing or malformed field', () => {
    const r = checkDealForm(
      { ...filled, customerId: '', dealerId: '', productLineId: '', quantity: '2.5', unitPrice: '12.345' },
      2,
      'k',
    );
    expect(r.input).toBeNull();
    expect(r.amountMinor).toBeNull();
    expect(r.errors).toEqual({
      customer: 'dealForm.err.customer',
      dealer: 'dealForm.err.dealer',
      productLine: 'dealForm.err.productLine',
      quantity: 'dealForm.err.quantity',
      unitPrice: 'dealForm.err.pricePrecision',
    });
  });

  it('refuses an amount the server could not receive exactly', () => {
    const r = checkDealForm({ ...filled, quantity: '1000000', unitPrice: '90071992547.40' }, 2, 'k');
    expect(r.errors.quantity).toBe('dealForm.err.tooLarge');
    expect(r.input).toBeNull();
  });
});

describe('fieldForServer', () => {
  it('puts server errors next to the field they name', () => {
    expect(fieldForServer('input.quantity')).toBe('quantity');
    expect(fieldForServer('input.unitPrice.currency')).toBe('unitPrice');
    expect(fieldForServer('input.channel.dealerId')).toBe('dealer');
    expect(fieldForServer('input.customerId')).toBe('customer');
    expect(fieldForServer('input.productLineId')).toBe('productLine');
    expect(fieldForServer(undefined)).toBe('form');
    expect(fieldForServer('input.idempotencyKey')).toBe('form');
  });
});
