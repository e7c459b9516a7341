import { describe, expect, it } from 'vitest';
import { exportUrl } from './exportUrl';

// query reads the parameters of a download address back, as the server does.
const query = (url: string) => Object.fromEntries(new URL(url, 'http://app.test').searchParams);

describe('exportUrl', () => {
  it('asks for the whole list when nothing is filtered', () => {
    expect(exportUrl('customers', {})).toBe('/export/customers.csv');
    expect(exportUrl('deals', {})).toBe('/export/deals.csv');
    expect(exportUrl('dealers', {})).toBe('/export/dealers.csv');
  });

  it('leaves out empty, null and undefined values and empty lists', () => {
    expect(exportUrl('customers', { search: '', regionId: null, ownerKind: undefined, ownerDealerId: '  ' })).toBe('/export/customers.csv');
    expect(exportUrl('deals', { stages: [], dealerId: null, openOnly: null })).toBe('/export/deals.csv');
  });

  it('passes every customer filter under its GraphQL name', () => {
    const url = exportUrl('customers', {
      search: 'agro',
      ownerKind: 'DEALER',
      ownerDealerId: 'RGVhbGVyOjc',
      regionId: 'UmVnaW9uOjEy',
      segment: 'RETAIL',
      keyAccount: true,
    });
    expect(url).toBe('/export/customers.csv?search=agro&ownerKind=DEALER&ownerDealerId=RGVhbGVyOjc&regionId=UmVnaW9uOjEy&segment=RETAIL&keyAccount=true');
  });

  it('writes false, not nothing, for a boolean filter set to false', () => {
    expect(query(exportUrl('customers', { keyAccount: false }))).toEqual({ keyAccount: 'false' });
    expect(query(exportUrl('deals', { openOnly: false }))).toEqual({ openOnly: 'false' });
  });

  it('joins deal stages with commas and passes every deal filter', () => {
    const url = exportUrl('deals', {
      stages: ['WON', 'LOST'],
      channelKind: 'DIRECT',
      dealerId: 'RGVhbGVyOjc=',
      customerId: 'Q3VzdG9tZXI6NDI=',
      productLineId: 3,
      regionId: 'UmVnaW9uOjEy',
      openOnly: true,
    });
    expect(url.startsWith('/export/deals.csv?')).toBe(true);
    expect(query(url)).toEqual({
      stages: 'WON,LOST',
      channelKind: 'DIRECT',
      dealerId: 'RGVhbGVyOjc=',
      customerId: 'Q3VzdG9tZXI6NDI=',
      productLineId: '3',
      regionId: 'UmVnaW9uOjEy',
      openOnly: 'true',
    });
    expect(url).toContain('stages=WON%2CLOST');
  });

  it('encodes ids and search text so they arrive unchanged', () => {
    // Base64 padding and the characters of standard base64 must not be read
    // as query syntax; a search may hold any script, spaces and & or =.
    const url = exportUrl('customers', { ownerDealerId: 'a+b/c==', search: 'Агро & Co = 100%' });
    expect(url).toBe('/export/customers.csv?search=%D0%90%D0%B3%D1%80%D0%BE+%26+Co+%3D+100%25&ownerDealerId=a%2Bb%2Fc%3D%3D');
    expect(query(url)).toEqual({ search: 'Агро & Co = 100%', ownerDealerId: 'a+b/c==' });
  });

  it('passes the dealer filters and ignores what the kind does not take', () => {
    expect(exportUrl('dealers', { kind: 'DISTRIBUTOR', status: 'ACTIVE', search: 'carpati', regionId: 'UmVnaW9uOjM' })).toBe(
      '/export/dealers.csv?search=carpati&kind=DISTRIBUTOR&status=ACTIVE&regionId=UmVnaW9uOjM',
    );
    // A deals filter's field given to the dealers export is not a parameter of it.
    expect(exportUrl('dealers', { stages: ['WON'] } as never)).toBe('/export/dealers.csv');
  });

  it('trims the search as the list does', () => {
    expect(query(exportUrl('dealers', { search: '  bg-001 ' }))).toEqual({ search: 'bg-001' });
  });
});
