import type { ActivityStatus, ActivitySummary, RegistrationStatus } from '@shared/contracts/activities';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import type { Language } from '@shared/i18n/index';

const STATUS_TONE: Record<ActivityStatus, BadgeTone> = {
  draft: 'neutral',
  published: 'brand',
  completed: 'success',
  cancelled: 'target',
};

const REGISTRATION_TONE: Record<RegistrationStatus, BadgeTone> = {
  registered: 'success',
  waitlisted: 'accent',
  cancelled: 'neutral',
};

export function ActivityStatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`activities.statuses.${status}`)}</Badge>;
}

export function RegistrationStatusBadge({
  status,
  position,
}: {
  status: RegistrationStatus;
  position?: number | null;
}) {
  const { t } = useI18n();
  return (
    <Badge tone={REGISTRATION_TONE[status]}>
      {status === 'waitlisted' && position
        ? t('activities.ui.position', { position })
        : t(`activities.registrationStatuses.${status}`)}
    </Badge>
  );
}

/** The title in the reader's language (English when there is one). */
export function activityTitle(a: { titleTh: string; titleEn: string }, lang: Language): string {
  return lang === 'en' && a.titleEn ? a.titleEn : a.titleTh;
}

export function unitName(
  a: { drivingUnitNameTh: string; drivingUnitNameEn: string },
  lang: Language,
): string {
  return lang === 'en' && a.drivingUnitNameEn ? a.drivingUnitNameEn : a.drivingUnitNameTh;
}

/** "1 ธ.ค. 2569 09:00 – 16:00" (one day) or both ends in full. */
export function timeRange(startsAt: string, endsAt: string, lang: Language): string {
  const start = formatDate(startsAt, lang, 'dateTime');
  const sameDay = formatDate(startsAt, lang) === formatDate(endsAt, lang);
  const end = sameDay
    ? new Intl.DateTimeFormat('en-GB', {
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
        timeZone: 'Asia/Bangkok',
      }).format(new Date(endsAt))
    : formatDate(endsAt, lang, 'dateTime');
  return `${start} – ${end}`;
}

/** Where: venue, district, province — or "Online". */
export function placeText(a: ActivitySummary, lang: Language, onlineLabel: string): string {
  const th = lang === 'th';
  const parts = [
    a.venue,
    th ? a.districtNameTh : a.districtNameEn,
    th ? a.provinceNameTh : a.provinceNameEn,
  ].filter((p): p is string => Boolean(p));
  if (a.isOnline) {
    parts.push(onlineLabel);
  }
  return parts.join(' · ');
}

/** Seats left, or full with the waitlist. */
export function SeatsLine({ activity }: { activity: ActivitySummary }) {
  const { t } = useI18n();
  const left = activity.capacity - activity.seatsTaken;
  if (activity.status !== 'published') {
    return null;
  }
  return (
    <span className={left > 0 ? 'ac-seats' : 'ac-seats ac-seats--full'}>
      {left > 0 ? t('activities.ui.seatsLeft', { count: left }) : t('activities.ui.full')}
      {activity.waitlistCount > 0
        ? ` · ${t('activities.ui.waitlistCount', { count: activity.waitlistCount })}`
        : ''}
    </span>
  );
}
