import type { AssignmentStatus, InvitationStatus } from '@shared/contracts/reviewers';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { useI18n } from '@web/lib/i18n';

const INVITATION_TONE: Record<InvitationStatus, BadgeTone> = {
  invited: 'accent',
  accepted: 'brand',
  declined: 'neutral',
};

export function InvitationBadge({ status }: { status: InvitationStatus | null }) {
  const { t } = useI18n();
  return (
    <Badge tone={status ? INVITATION_TONE[status] : 'neutral'}>
      {t(`reviewers.invitationStatus.${status ?? 'none'}`)}
    </Badge>
  );
}

const ASSIGNMENT_TONE: Record<AssignmentStatus, BadgeTone> = {
  pending_coi: 'accent',
  active: 'brand',
  recused: 'target',
  declined: 'neutral',
  removed: 'neutral',
};

export function AssignmentBadge({ status }: { status: AssignmentStatus }) {
  const { t } = useI18n();
  return <Badge tone={ASSIGNMENT_TONE[status]}>{t(`reviewers.status.${status}`)}</Badge>;
}
