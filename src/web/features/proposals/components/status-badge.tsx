import type { ProposalStatus } from '@shared/contracts/proposals';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { useI18n } from '@web/lib/i18n';

const TONE: Record<ProposalStatus, BadgeTone> = {
  draft: 'neutral',
  submitted: 'brand',
  returned: 'accent',
  withdrawn: 'neutral',
};

export function StatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useI18n();
  return (
    <span data-testid="proposal-status" data-status={status}>
      <Badge tone={TONE[status]}>{t(`proposals.status.${status}`)}</Badge>
    </span>
  );
}
