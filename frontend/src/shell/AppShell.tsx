// The desktop-style frame: header with the product name, settings and the
// signed-in person's menu, a navigation rail on the left (the screens the
// person's role may open, see access.ts) and the current screen.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useAccess } from '../auth/SessionProvider';
import { useI18n } from '../i18n';
import { navFor } from './access';
import { CommandPalette } from './CommandPalette';
import { DisplayControls } from './DisplayControls';
import { UserMenu } from './UserMenu';

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [location] = useLocation();
  const { role } = useAccess();
  const navItems = navFor(role);
  return (
    <div className="shell">
      <header className="header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">◧</span>
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-tools">
          <span className="dim small kbd-hint">{t('palette.hint')}</span>
          <DisplayControls />
          <UserMenu />
        </div>
      </header>
      <nav className="rail" aria-label={t('nav.label')} data-testid="rail" data-role={role}>
        {navItems.map((item) => {
          const active = location === item.path || location.startsWith(item.path + '/');
          return (
            <Link
              key={item.path}
              href={item.path}
              className={`rail-item${active ? ' active' : ''}`}
              aria-current={active ? 'page' : undefined}
              data-nav={item.path}
            >
              <span className="rail-icon" aria-hidden="true">
                {item.icon}
              </span>
              <span className="rail-label">{t(item.label)}</span>
            </Link>
          );
        })}
      </nav>
      <main className="content">{children}</main>
      <CommandPalette />
    </div>
  );
}
