// Who may do what in the app: the one place that maps a role to what its
// screens show. The server decides what each viewer may read and change
// (a dealer sees only its own accounts; staff mutations are refused to
// dealers and analysts); this map only keeps the app from offering what the
// server would refuse. ../shared/SPEC.md "Who uses it" is the source:
//
//   director  everything, importing files too
//   manager   everything but users, policy and imports
//   dealer    its own dealer: board (its conflicts), customers, deals,
//             registers deals and customers, its plan and bonus, the policy
//             read-only; no coverage analytics, no decisions
//   analyst   reads everything, changes nothing
import type { MessageKey } from '../i18n';

export type Role = 'DIRECTOR' | 'MANAGER' | 'DEALER' | 'ANALYST';
export const roles: readonly Role[] = ['DIRECTOR', 'MANAGER', 'DEALER', 'ANALYST'];

export type Capability =
  // Screens.
  | 'screen.board'
  | 'screen.customers'
  | 'screen.deals'
  | 'screen.dealers'
  | 'screen.territories'
  | 'screen.policy'
  | 'screen.console'
  // Every dealer's list, and filters by dealer or by owner kind; without
  // it the Dealers screen is the viewer's own dealer ("My dealer").
  | 'dealers.all'
  // Conflicts.
  | 'conflict.acknowledge'
  | 'conflict.resolve'
  // Deals: register (a dealer only for itself), register a direct deal,
  // approve or reject a registration.
  | 'deal.register'
  | 'deal.registerDirect'
  | 'deal.approve'
  // Customers: create (a dealer's own), and hand one to another owner.
  | 'customer.create'
  | 'customer.transfer'
  // The year's commercial policy.
  | 'policy.edit'
  // Customers, deals and dealers loaded from a CSV file (POST /import/…).
  | 'data.import';

export const capabilities: readonly Capability[] = [
  'screen.board',
  'screen.customers',
  'screen.deals',
  'screen.dealers',
  'screen.territories',
  'screen.policy',
  'screen.console',
  'dealers.all',
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

const readEverything: Capability[] = [
  'screen.board',
  'screen.customers',
  'screen.deals',
  'screen.dealers',
  'screen.territories',
  'screen.policy',
  'screen.console',
  'dealers.all',
];

const staffChanges: Capability[] = [
  'conflict.acknowledge',
  'conflict.resolve',
  'deal.register',
  'deal.registerDirect',
  'deal.approve',
  'customer.create',
  'customer.transfer',
];

const byRole: Record<Role, ReadonlySet<Capability>> = {
  DIRECTOR: new Set([...readEverything, ...staffChanges, 'policy.edit', 'data.import']),
  MANAGER: new Set([...readEverything, ...staffChanges]),
  ANALYST: new Set(readEverything),
  DEALER: new Set<Capability>([
    'screen.board',
    'screen.customers',
    'screen.deals',
    'screen.dealers',
    'screen.policy',
    'deal.register',
    'customer.create',
  ]),
};

export function isRole(v: unknown): v is Role {
  return typeof v === 'string' && (roles as readonly string[]).includes(v);
}

// can says whether role may use capability. An unknown role may do nothing.
export function can(role: Role | string | null | undefined, capability: Capability): boolean {
  return isRole(role) && byRole[role].has(capability);
}

export function capabilitiesOf(role: Role): Capability[] {
  return capabilities.filter((c) => byRole[role].has(c));
}

// The navigation rail. Each screen names the capability that shows it; the
// Dealers entry becomes "My dealer" for a viewer who sees only its own.
export type NavItem = { path: string; label: MessageKey; icon: string; capability: Capability };

const allNav: NavItem[] = [
  { path: '/board', label: 'nav.board', icon: '▦', capability: 'screen.board' },
  { path: '/customers', label: 'nav.customers', icon: '◉', capability: 'screen.customers' },
  { path: '/territories', label: 'nav.territories', icon: '◇', capability: 'screen.territories' },
  { path: '/dealers', label: 'nav.dealers', icon: '⬡', capability: 'screen.dealers' },
  { path: '/deals', label: 'nav.deals', icon: '≡', capability: 'screen.deals' },
  { path: '/policy', label: 'nav.policy', icon: '§', capability: 'screen.policy' },
  { path: '/console', label: 'nav.console', icon: '›_', capability: 'screen.console' },
];

export function navFor(role: Role): NavItem[] {
  return allNav
    .filter((n) => can(role, n.capability))
    .map((n) => (n.path === '/dealers' && !can(role, 'dealers.all') ? { ...n, label: 'nav.myDealer' } : n));
}

// screenFor names the capability a path's screen needs (null: no screen of
// the rail, e.g. an unknown address).
export function screenFor(path: string): Capability | null {
  const item = allNav.find((n) => path === n.path || path.startsWith(n.path + '/'));
  return item?.capability ?? null;
}

// The role's name in the UI.
export function roleLabel(role: Role): MessageKey {
  return `role.${role}` as MessageKey;
}

// dealerNodeId turns the dealer's database id that /auth/me reports into
// the GraphQL global id of that Dealer (graph/id.go: base64url, unpadded,
// of "Dealer:<id>"). The app uses it only to open the viewer's own dealer.
export function dealerNodeId(dbId: number): string {
  return btoa(`Dealer:${dbId}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// safeNext keeps a return address only when it is a path of this app: no
// other origin ("//evil", "https://…"), no return to the sign-in screen.
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/board';
  if (next === '/signin' || next.startsWith('/signin?') || next.startsWith('/signin/')) return '/board';
  return next;
}
