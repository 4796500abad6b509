import { Badge } from '@web/components/ui/badge';
import { useI18n } from '@web/lib/i18n';

/** Marks a province of the poor-province target group with its rank. */
export function TargetBadge({ rank }: { rank: number }) {
  const { t } = useI18n();
  return (
    <Badge tone="target" title={t('provinces.targetRank', { rank })}>
      <span aria-hidden="true">{t('provinces.rank', { rank })}</span>
      <span className="visually-hidden">{t('provinces.targetRank', { rank })}</span>
    </Badge>
  );
}
