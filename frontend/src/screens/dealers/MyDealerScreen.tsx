// "My dealer": what the Dealers screen is for a dealer user — its own
// dealer's page (contract, plan against actual, bonus and marketing budget,
// territories), full width, without the list of every dealer.
import { useAccess } from '../../auth/SessionProvider';
import { useI18n } from '../../i18n';
import { EmptyState } from '../../shared/States';
import { DealerDetail } from './DealerDetail';
import { currentYear } from './DealersScreen';

export function MyDealerScreen() {
  const { t } = useI18n();
  const { ownDealer } = useAccess();
  return (
    <div className="screen" data-testid="my-dealer">
      <div className="toolbar">
        <h1 className="screen-title">{t('dealers.myDealer')}</h1>
        {ownDealer && <span className="dim">{ownDealer.name}</span>}
      </div>
      <div className="list-pane my-dealer">
        {ownDealer ? <DealerDetail id={ownDealer.id} year={currentYear} /> : <EmptyState title={t('dealers.notFound')} />}
      </div>
    </div>
  );
}
