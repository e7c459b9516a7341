import { Link } from 'wouter';
import { useI18n, type MessageKey } from '../i18n';
import { EmptyState } from '../shared/States';

export function ComingSoon({ screen }: { screen: MessageKey }) {
  const { t } = useI18n();
  return (
    <div className="screen">
      <div className="toolbar">
        <h1 className="screen-title">{t(screen)}</h1>
      </div>
      <EmptyState title={t('soon.title', { screen: t(screen) })} icon="◔">
        <p>{t('soon.body')}</p>
        <Link href="/customers" className="btn">
          {t('soon.open')}
        </Link>
      </EmptyState>
    </div>
  );
}

export function NotFound({ path }: { path: string }) {
  const { t } = useI18n();
  return (
    <div className="screen">
      <EmptyState title={t('notFound.title')} icon="?">
        <p>{t('notFound.body', { path })}</p>
      </EmptyState>
    </div>
  );
}
