import type { Expertise, PersonnelRole, RequestStatus } from '@shared/contracts/mentoring';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import type { Language } from '@shared/i18n/index';
import { useI18n } from '@web/lib/i18n';

/** A name in the reader's language: English when asked for and given, else Thai. */
export const nameIn = (lang: Language, th: string | null, en: string | null) =>
  (lang === 'en' && en ? en : th) ?? '';

export function RoleBadges({ roles }: { roles: readonly PersonnelRole[] }) {
  const { t } = useI18n();
  return (
    <span className="me-badges">
      {roles.map((r) => (
        <Badge key={r} tone={r === 'mentor' ? 'brand' : 'neutral'}>
          {t(`mentoring.role.${r}`)}
        </Badge>
      ))}
    </span>
  );
}

export function ExpertiseList({ expertise }: { expertise: readonly Expertise[] }) {
  const { t } = useI18n();
  if (expertise.length === 0) {
    return null;
  }
  return <span className="me-muted">{expertise.map((e) => t(`mentoring.expertise.${e}`)).join(' · ')}</span>;
}

const STATUS_TONE: Record<RequestStatus, BadgeTone> = {
  open: 'accent',
  assigned: 'brand',
  closed: 'success',
  declined: 'neutral',
};

export function RequestStatusBadge({ status }: { status: RequestStatus }) {
  const { t } = useI18n();
  return (
    <span data-testid="request-status" data-status={status}>
      <Badge tone={STATUS_TONE[status]}>{t(`mentoring.status.${status}`)}</Badge>
    </span>
  );
}

/** Filled and empty stars for a 1–5 rating, with the value in words for screen readers. */
export function Stars({ value }: { value: number }) {
  const { t } = useI18n();
  const rounded = Math.round(value);
  return (
    <span className="me-stars" role="img" aria-label={t('mentoring.sessions.stars', { value })}>
      <span aria-hidden="true">{'★'.repeat(rounded)}</span>
      <span aria-hidden="true" className="me-stars__off">
        {'★'.repeat(5 - rounded)}
      </span>
    </span>
  );
}
