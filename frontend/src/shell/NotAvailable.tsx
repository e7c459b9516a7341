// What a screen the viewer's role may not open shows instead (an address
// typed or bookmarked; the rail never offers it).
import { Link } from 'wouter';
import { useAccess } from '../auth/SessionProvider';
import { useI18n, type MessageKey } from '../i18n';
import { EmptyState } from '../shared/States';
import { roleLabel } from './access';

export function NotAvailable({ screen }: { screen: MessageKey }) {
  const { t } = useI18n();
  const { role, can } = useAccess();
  const dealerView = !can('dealers.all') && can('screen.dealers');
  return (
    <div className="screen" data-testid="not-available">
      <div className="toolbar">
        <h1 className="screen-title">{t(screen)}</h1>
      </div>
      <EmptyState title={t('access.title')} icon="⊘">
        <p>{t('access.body', { screen: t(screen), role: t(roleLabel(role)) })}</p>
        {screen === 'nav.territories' && dealerView && <p>{t('access.territoriesDealer')}</p>}
        {screen === 'nav.territories' && dealerView ? (
          <Link href="/dealers" className="btn">
            {t('access.openMyDealer')}
          </Link>
        ) : (
          <Link href="/board" className="btn">
            {t('access.openBoard')}
          </Link>
        )}
      </EmptyState>
    </div>
  );
}
