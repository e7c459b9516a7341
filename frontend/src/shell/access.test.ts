import { describe, expect, it } from 'vitest';
import { can, capabilities, capabilitiesOf, dealerNodeId, isRole, navFor, roles, safeNext, screenFor, type Capability } from './access';

const mutations: Capability[] = [
  'conflict.acknowledge',
  'conflict.resolve',
  'deal.register',
  'deal.registerDirect',
  'deal.approve',
  'customer.create',
  'customer.transfer',
  'policy.edit',
  'data.import',
];

describe('role → capability', () => {
  it('gives the director everything', () => {
    expect(capabilitiesOf('DIRECTOR')).toEqual([...capabilities]);
  });

  it('gives the manager everything but policy editing and imports', () => {
    expect(capabilitiesOf('MANAGER')).toEqual(capabilities.filter((c) => c !== 'policy.edit' && c !== 'data.import'));
  });

  it('lets the analyst read every screen and change nothing', () => {
    for (const c of capabilities.filter((c) => c.startsWith('screen.'))) expect(can('ANALYST', c), c).toBe(true);
    expect(can('ANALYST', 'dealers.all')).toBe(true);
    for (const m of mutations) expect(can('ANALYST', m), m).toBe(false);
  });

  it('narrows a dealer to its own accounts, registering deals and customers', () => {
    expect(capabilitiesOf('DEALER')).toEqual([
      'screen.board',
      'screen.customers',
      'screen.deals',
      'screen.dealers',
      'screen.policy',
      'deal.register',
      'customer.create',
    ]);
    // No coverage analytics, no console, no list of every dealer.
    for (const c of ['screen.territories', 'screen.console', 'dealers.all'] as const) expect(can('DEALER', c), c).toBe(false);
    // No staff decisions.
    for (const c of ['conflict.resolve', 'conflict.acknowledge', 'deal.approve', 'deal.registerDirect', 'customer.transfer', 'policy.edit', 'data.import'] as const) {
      expect(can('DEALER', c), c).toBe(false);
    }
  });

  it('refuses everything to an unknown or missing role', () => {
    for (const c of capabilities) {
      expect(can('ADMIN', c)).toBe(false);
      expect(can(undefined, c)).toBe(false);
      expect(can(null, c)).toBe(false);
    }
    expect(isRole('DIRECTOR')).toBe(true);
    expect(isRole('director')).toBe(false);
  });

  it('only the director edits the policy, only staff decide', () => {
    expect(roles.filter((r) => can(r, 'policy.edit'))).toEqual(['DIRECTOR']);
    expect(roles.filter((r) => can(r, 'data.import'))).toEqual(['DIRECTOR']);
    expect(roles.filter((r) => can(r, 'conflict.resolve'))).toEqual(['DIRECTOR', 'MANAGER']);
    expect(roles.filter((r) => can(r, 'deal.approve'))).toEqual(['DIRECTOR', 'MANAGER']);
    expect(roles.filter((r) => can(r, 'deal.register'))).toEqual(['DIRECTOR', 'MANAGER', 'DEALER']);
  });
});

describe('navigation by role', () => {
  const paths = (r: Parameters<typeof navFor>[0]) => navFor(r).map((n) => n.path);

  it('shows staff every screen', () => {
    for (const r of ['DIRECTOR', 'MANAGER', 'ANALYST'] as const) {
      expect(paths(r)).toEqual(['/board', '/customers', '/territories', '/dealers', '/deals', '/policy', '/console']);
      expect(navFor(r).find((n) => n.path === '/dealers')?.label).toBe('nav.dealers');
    }
  });

  it('shows a dealer its own screens, Dealers as "My dealer"', () => {
    expect(paths('DEALER')).toEqual(['/board', '/customers', '/dealers', '/deals', '/policy']);
    expect(navFor('DEALER').find((n) => n.path === '/dealers')?.label).toBe('nav.myDealer');
  });

  it('maps addresses to the capability of their screen', () => {
    expect(screenFor('/territories')).toBe('screen.territories');
    expect(screenFor('/territories/abc')).toBe('screen.territories');
    expect(screenFor('/console')).toBe('screen.console');
    expect(screenFor('/deals/inbox')).toBe('screen.deals');
    expect(screenFor('/consoles')).toBeNull();
    expect(screenFor('/nowhere')).toBeNull();
  });
});

describe('dealerNodeId', () => {
  it('encodes like graph/id.go: base64url of "Dealer:<id>", unpadded', () => {
    expect(dealerNodeId(3)).toBe('RGVhbGVyOjM');
    expect(atob('RGVhbGVyOjM')).toBe('Dealer:3');
    expect(dealerNodeId(1234)).toBe('RGVhbGVyOjEyMzQ');
  });
});

describe('safeNext', () => {
  it('keeps a path of the app', () => {
    expect(safeNext('/customers/abc?x=1')).toBe('/customers/abc?x=1');
    expect(safeNext('/deals/all')).toBe('/deals/all');
  });
  it('refuses other origins and the sign-in screen itself', () => {
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil', 'javascript:alert(1)', '/signin', '/signin?next=/x', '', null, undefined]) {
      expect(safeNext(bad), String(bad)).toBe('/board');
    }
  });
});
