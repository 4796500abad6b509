import type {
  InstalmentStatus,
  ProjectHealth,
  ProjectStatus,
  ReallocationStatus,
  ReportStatus,
} from '@shared/contracts/projects';
import type { BudgetCategory } from '@shared/contracts/forms';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

const STATUS_TONE: Record<ProjectStatus, BadgeTone> = {
  setup: 'neutral',
  agreement_issued: 'accent',
  active: 'brand',
  closed: 'success',
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`projects.status.${status}`)}</Badge>;
}

/** On track or at risk; the reasons follow in words (colour only helps). */
export function HealthBadge({ health, status }: { health: ProjectHealth; status: ProjectStatus }) {
  const { t } = useI18n();
  if (status !== 'active') {
    // Health is judged only while the project runs.
    return <span className="pj-muted">{t('projectsUi.healthNotRunning')}</span>;
  }
  return (
    <Badge tone={health.status === 'at_risk' ? 'target' : 'success'}>
      {t(`projects.health.${health.status}`)}
    </Badge>
  );
}

/** The reasons a project is at risk, one per line ("2 overdue reports"). */
export function HealthReasons({ health }: { health: ProjectHealth }) {
  const { t } = useI18n();
  if (health.reasons.length === 0) {
    return null;
  }
  return (
    <ul className="pj-reasons">
      {health.reasons.map((r) => (
        <li key={r.reason}>{t(`projects.healthReason.${r.reason}`, { count: r.count })}</li>
      ))}
    </ul>
  );
}

const REPORT_TONE: Record<ReportStatus, BadgeTone> = {
  not_started: 'neutral',
  draft: 'neutral',
  submitted: 'accent',
  returned: 'target',
  approved: 'success',
};

export function ReportStatusBadge({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return <Badge tone={REPORT_TONE[status]}>{t(`projects.reportStatus.${status}`)}</Badge>;
}

const INSTALMENT_TONE: Record<InstalmentStatus, BadgeTone> = {
  scheduled: 'neutral',
  ready: 'accent',
  paid: 'success',
};

export function InstalmentStatusBadge({ status }: { status: InstalmentStatus }) {
  const { t } = useI18n();
  return <Badge tone={INSTALMENT_TONE[status]}>{t(`projects.instalmentStatus.${status}`)}</Badge>;
}

const REALLOCATION_TONE: Record<ReallocationStatus, BadgeTone> = {
  pending: 'accent',
  approved: 'success',
  rejected: 'target',
  cancelled: 'neutral',
};

export function ReallocationStatusBadge({ status }: { status: ReallocationStatus }) {
  const { t } = useI18n();
  return <Badge tone={REALLOCATION_TONE[status]}>{t(`projects.reallocationStatus.${status}`)}</Badge>;
}

/** A budget category in the language (the proposal form's words). */
export function useCategoryLabel(): (category: BudgetCategory) => string {
  const { t } = useI18n();
  return (category) => t(`proposals.form.budget.categories.${category}`);
}

/** A project's title in the language, falling back to the other one. */
export function projectTitle(p: { titleTh: string; titleEn: string }, lang: 'th' | 'en'): string {
  return lang === 'th' ? p.titleTh || p.titleEn : p.titleEn || p.titleTh;
}

/** The organisation's name in the language. */
export function organisationName(
  p: { organisationNameTh: string; organisationNameEn: string | null },
  lang: 'th' | 'en',
): string {
  return localName({ nameTh: p.organisationNameTh, nameEn: p.organisationNameEn ?? '' }, lang);
}

/** The supervising unit's name in the language, or null when there is none. */
export function unitName(
  p: { drivingUnitNameTh: string | null; drivingUnitNameEn: string | null },
  lang: 'th' | 'en',
): string | null {
  return p.drivingUnitNameTh === null
    ? null
    : localName({ nameTh: p.drivingUnitNameTh, nameEn: p.drivingUnitNameEn ?? '' }, lang);
}
