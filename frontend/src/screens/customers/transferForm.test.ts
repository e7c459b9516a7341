import { describe, expect, it } from 'vitest';
import { checkTransferForm, emptyTransferForm, transferFieldForServer } from './transferForm';

const dealerOwned = { kind: 'DEALER' as const, dealerId: 'D1' };

describe('checkTransferForm', () => {
  it('asks for the owner and the reason', () => {
    const r = checkTransferForm(emptyTransferForm(), 'C1', dealerOwned);
    expect(r.input).toBeNull();
    expect(r.errors).toEqual({ kind: 'transfer.err.kind', reason: 'transfer.err.reason' });
  });

  it('asks for the dealer when the new owner is a dealer', () => {
    const r = checkTransferForm({ kind: 'DEALER', dealerId: '', reason: 'moved' }, 'C1', dealerOwned);
    expect(r.input).toBeNull();
    expect(r.errors).toEqual({ dealer: 'transfer.err.dealer' });
  });

  it('refuses a reason of spaces', () => {
    const r = checkTransferForm({ kind: 'DIRECT', dealerId: '', reason: '   ' }, 'C1', dealerOwned);
    expect(r.errors).toEqual({ reason: 'transfer.err.reason' });
  });

  it('refuses the owner the customer already has', () => {
    expect(checkTransferForm({ kind: 'DEALER', dealerId: 'D1', reason: 'x' }, 'C1', dealerOwned).errors).toEqual({ dealer: 'transfer.err.same' });
    expect(checkTransferForm({ kind: 'DIRECT', dealerId: '', reason: 'x' }, 'C1', { kind: 'DIRECT' }).errors).toEqual({ kind: 'transfer.err.same' });
  });

  it('builds the input for a dealer, trimming the reason', () => {
    const r = checkTransferForm({ kind: 'DEALER', dealerId: 'D2', reason: '  took over the region ' }, 'C1', dealerOwned);
    expect(r.errors).toEqual({});
    expect(r.input).toEqual({ customerId: 'C1', to: { kind: 'DEALER', dealerId: 'D2' }, reason: 'took over the region' });
  });

  it('sends no dealer for direct or unassigned, even if one was picked before', () => {
    const r = checkTransferForm({ kind: 'UNASSIGNED', dealerId: 'D2', reason: 'dealer terminated' }, 'C1', dealerOwned);
    expect(r.input).toEqual({ customerId: 'C1', to: { kind: 'UNASSIGNED' }, reason: 'dealer terminated' });
  });
});

describe('transferFieldForServer', () => {
  it('maps the server fields to the form', () => {
    expect(transferFieldForServer('input.reason')).toBe('reason');
    expect(transferFieldForServer('to.dealerId')).toBe('dealer');
    expect(transferFieldForServer('to')).toBe('kind');
    expect(transferFieldForServer(undefined)).toBe('form');
  });
});
