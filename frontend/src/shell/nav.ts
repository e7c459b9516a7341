import type { MessageKey } from '../i18n';

// The screens of the navigation rail. Only Customers is built; the others
// show a "coming soon" state until their issue lands.
export type NavItem = { path: string; label: MessageKey; icon: string; ready: boolean };

export const navItems: NavItem[] = [
  { path: '/board', label: 'nav.board', icon: '▦', ready: false },
  { path: '/customers', label: 'nav.customers', icon: '◉', ready: true },
  { path: '/territories', label: 'nav.territories', icon: '◇', ready: false },
  { path: '/dealers', label: 'nav.dealers', icon: '⬡', ready: false },
  { path: '/deals', label: 'nav.deals', icon: '≡', ready: false },
  { path: '/policy', label: 'nav.policy', icon: '§', ready: false },
  { path: '/console', label: 'nav.console', icon: '›_', ready: false },
];
