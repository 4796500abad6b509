import type { ReportStatus } from '@shared/contracts/projects';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { useI18n } from '@web/lib/i18n';

const TONE: Record<ReportStatus, BadgeTone> = {
  not_started: 'neutral',
  draft: 'neutral',
  submitted: 'brand',
  returned: 'accent',
  approved: 'success',
};

/** A report's status as a badge (the words are the shared `projects.reportStatus.*`). */
export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return (
    <span data-testid="report-status" data-status={status}>
      <Badge tone={TONE[status]}>{t(`projects.reportStatus.${status}`)}</Badge>
    </span>
  );
}
