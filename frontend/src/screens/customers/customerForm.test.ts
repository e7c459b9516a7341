import { describe, expect, it } from 'vitest';
import { checkCustomerForm, emptyCustomerForm, fieldForServer } from './customerForm';

const filled = { ...emptyCustomerForm(), name: '  Агро Юг ООД ', regionId: 'R1', segment: 'AGRICULTURE' as const };

describe('checkCustomerForm', () => {
  it('names every missing field', () => {
    expect(checkCustomerForm(emptyCustomerForm(), 'k').errors).toEqual({
      name: 'customerForm.err.name',
      region: 'customerForm.err.region',
      segment: 'customerForm.err.segment',
    });
    expect(checkCustomerForm(emptyCustomerForm(), 'k').input).toBeNull();
  });

  it('builds the input, trimmed, unassigned by default', () => {
    expect(checkCustomerForm({ ...filled, taxId: ' BG123 ', size: 'SMALL' }, 'key-1')).toEqual({
      errors: {},
      input: { idempotencyKey: 'key-1', name: 'Агро Юг ООД', regionId: 'R1', segment: 'AGRICULTURE', owner: { kind: 'UNASSIGNED' }, taxId: 'BG123', size: 'SMALL' },
    });
  });

  it('asks staff for the dealer when a dealer owns it', () => {
    expect(checkCustomerForm({ ...filled, owner: 'DEALER' }, 'k').errors).toEqual({ dealer: 'customerForm.err.dealer' });
    expect(checkCustomerForm({ ...filled, owner: 'DEALER', dealerId: 'D9' }, 'k').input?.owner).toEqual({ kind: 'DEALER', dealerId: 'D9' });
    expect(checkCustomerForm({ ...filled, owner: 'DIRECT' }, 'k').input?.owner).toEqual({ kind: 'DIRECT' });
  });

  it('makes a dealer user’s customer its own, whatever the state says', () => {
    expect(checkCustomerForm({ ...filled, owner: 'DIRECT' }, 'k', 'MINE').input?.owner).toEqual({ kind: 'DEALER', dealerId: 'MINE' });
  });

  it('maps server fields back to the form', () => {
    expect(fieldForServer('regionId')).toBe('region');
    expect(fieldForServer('taxId')).toBe('taxId');
    expect(fieldForServer(undefined)).toBe('form');
  });
});
