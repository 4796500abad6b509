import type { CallStatus, ProblemStatus } from '@shared/contracts/calls';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { useI18n } from '@web/lib/i18n';

const STATUS_TONE: Record<CallStatus, BadgeTone> = {
  draft: 'neutral',
  published: 'brand',
  closed: 'accent',
  archived: 'neutral',
};

/** A call's status as a small badge (ร่าง, เผยแพร่แล้ว, ปิดรับแล้ว, เก็บถาวร). */
export function CallStatusBadge({ status }: { status: CallStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`calls.admin.status.${status}`)}</Badge>;
}

const PROBLEM_TONE: Record<ProblemStatus, BadgeTone> = {
  pending: 'accent',
  published: 'brand',
  withdrawn: 'neutral',
};

export function ProblemStatusBadge({ status }: { status: ProblemStatus }) {
  const { t } = useI18n();
  return <Badge tone={PROBLEM_TONE[status]}>{t(`calls.admin.problems.status.${status}`)}</Badge>;
}
