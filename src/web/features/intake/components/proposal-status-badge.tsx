import type { ProposalStatus } from '@shared/contracts/proposals';
import { useI18n } from '@web/lib/i18n';

/** A proposal's status as a small coloured label (the word carries the meaning; colour only helps). */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return (
    <span className={`in-status in-status--${status}`} data-testid="proposal-status">
      {t(`intake.status.${status}`)}
    </span>
  );
}
