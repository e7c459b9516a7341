import { useI18n } from '../i18n';
import { ownerChip, type OwnerLike } from './owner';

export function OwnerChip({ owner }: { owner: OwnerLike }) {
  const { t } = useI18n();
  const { label, tone } = ownerChip(owner, t);
  return (
    <span className={`chip chip-${tone}`} data-owner-kind={tone} title={label}>
      {label}
    </span>
  );
}
