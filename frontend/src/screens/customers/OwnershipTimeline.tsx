// A customer's ownership history as a timeline, newest first: used by the
// customer detail and by the conflict board's detail.
import type { OwnerKind } from '../../gql/graphql';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import { OwnerChip } from '../../shared/OwnerChip';

export type OwnershipEntry = {
  id: string;
  fromKind?: OwnerKind | null;
  fromDealer?: { name: string } | null;
  toKind: OwnerKind;
  toDealer?: { name: string } | null;
  how: 'INITIAL' | 'TRANSFER' | 'CONFLICT_RESOLUTION';
  reason: string;
  decidedBy: string;
  at: string;
};

export function OwnershipTimeline({ history }: { history: OwnershipEntry[] }) {
  const { t, locale } = useI18n();
  if (history.length === 0) return <p className="dim">{t('detail.historyEmpty')}</p>;
  return (
    <ol className="timeline" aria-label={t('detail.history')}>
      {history
        .slice()
        .reverse()
        .map((h) => (
          <li key={h.id} className="timeline-entry" data-how={h.how}>
            <div className="timeline-line">
              <span className={`how how-${h.how.toLowerCase()}`}>{t(`how.${h.how}`)}</span>
              <time className="dim" dateTime={h.at}>
                {formatDateTime(h.at, locale)}
              </time>
            </div>
            <div className="timeline-line">
              {h.fromKind ? <OwnerChip owner={{ kind: h.fromKind, dealer: h.fromDealer }} /> : <span className="dim">{t('detail.none')}</span>}
              <span className="arrow" aria-hidden="true">→</span>
              <OwnerChip owner={{ kind: h.toKind, dealer: h.toDealer }} />
            </div>
            {h.reason && <div className="timeline-reason">{h.reason}</div>}
            <div className="dim small">{t('detail.decidedBy', { who: h.decidedBy })}</div>
          </li>
        ))}
    </ol>
  );
}
