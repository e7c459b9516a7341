import type { MessageKey } from '../i18n';

// The screens of the navigation rail; those not built yet show a "coming
// soon" state until their issue lands.
export type NavItem = { path: string; label: MessageKey; icon: string; ready: boolean };

export const navItems: NavItem[] = [
  { path: '/board', label: 'nav.board', icon: '▦', ready: true },
  { path: '/customers', label: 'nav.customers', icon: '◉', ready: true },
  { path: '/territories', label: 'nav.territories', icon: '◇', ready: true },
  { path: '/dealers', label: 'nav.dealers', icon: '⬡', ready: true },
  { path: '/deals', label: 'nav.deals', icon: '≡', ready: true },
  { path: '/policy', label: 'nav.policy', icon: '§', ready: true },
  { path: '/console', label: 'nav.console', icon: '›_', ready: true },
];
