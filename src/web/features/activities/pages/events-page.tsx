import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  ACTIVITY_AUDIENCES,
  ACTIVITY_KINDS,
  type ActivityAudience,
  type ActivityKind,
  type ActivitySummary,
} from '@shared/contracts/activities';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { useProvinces } from '@web/features/provinces/api';
import { useDrivingUnits } from '@web/features/projects/api';
import { formatDate, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCalendar, type CalendarQuery } from '../api';
import { activityTitle, placeText, SeatsLine, timeRange, unitName } from '../components/labels';
import '@web/components/ui/form.css';
import '../activities.css';

/** This month in Bangkok, YYYY-MM. */
function currentMonth(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 7);
}

function shiftMonth(month: string, by: number): string {
  const [y = 2026, m = 1] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + by, 1)).toISOString().slice(0, 7);
}

function monthLabel(month: string, lang: 'th' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(`${month}-15T00:00:00+07:00`));
}

/** One activity as a card of the calendar. */
export function ActivityCard({ activity }: { activity: ActivitySummary }) {
  const { t, lang } = useI18n();
  return (
    <li className="ac-card" data-testid="activity-card">
      <div className="ac-card__badges">
        <Badge tone="brand">{t(`activities.kinds.${activity.kind}`)}</Badge>
        {activity.status === 'cancelled' ? (
          <Badge tone="target">{t('activities.statuses.cancelled')}</Badge>
        ) : null}
        {activity.status === 'completed' ? (
          <Badge tone="success">{t('activities.statuses.completed')}</Badge>
        ) : null}
        {activity.givesCertificate ? <Badge>{t('activities.ui.certificateBadge')}</Badge> : null}
      </div>
      <h4>
        <Link to={`/events/${activity.id}`}>{activityTitle(activity, lang)}</Link>
      </h4>
      <div className="ac-card__meta">
        <span>{timeRange(activity.startsAt, activity.endsAt, lang)}</span>
        <span>{placeText(activity, lang, t('activities.online'))}</span>
      </div>
      <div className="ac-card__meta">
        <span>{unitName(activity, lang)}</span>
        <SeatsLine activity={activity} />
      </div>
    </li>
  );
}

/** The public events calendar: a month of published activities, by day, with filters kept in the address. */
export default function EventsPage() {
  const { t, lang } = useI18n();
  const id = useId();
  const { me } = useAuth();
  usePageTitle(t('activities.ui.calendarTitle'));
  const [params, setParams] = useSearchParams();
  const provinces = useProvinces();
  const units = useDrivingUnits();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? (params.get('month') ?? '')
    : currentMonth();
  const kind = params.get('kind') ?? '';
  const audience = params.get('audience') ?? '';
  const province = params.get('province') ?? '';
  const unit = params.get('unit') ?? '';
  const query: CalendarQuery = {
    month,
    ...(kind ? { kind: kind as ActivityKind } : {}),
    ...(audience ? { audience: audience as ActivityAudience } : {}),
    ...(province ? { provinceCode: Number(province) } : {}),
    ...(unit ? { drivingUnitId: unit } : {}),
  };
  const list = useCalendar(query);
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const byDay = new Map<string, ActivitySummary[]>();
  if (list.status === 'success') {
    for (const a of list.data) {
      const day = formatDate(a.startsAt, lang, 'long');
      byDay.set(day, [...(byDay.get(day) ?? []), a]);
    }
  }
  const isManager =
    hasRole(me, 'administrator') || hasRole(me, 'programme_officer') || hasRole(me, 'driving_unit_staff');
  const select = (
    key: string,
    label: string,
    value: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => set(key, e.target.value)}>
        <option value="">{t('activities.ui.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <PageHeader title={t('activities.ui.calendarTitle')} intro={<p>{t('activities.ui.calendarIntro')}</p>}>
        <div className="ac-links">
          {me ? (
            <Link className="button button--secondary" to="/events/mine">
              {t('activities.ui.myRegistrations')}
            </Link>
          ) : null}
          <Link className="button button--secondary" to="/attend">
            {t('activities.ui.checkIn')}
          </Link>
          {isManager ? (
            <Link className="button button--secondary" to="/admin/activities">
              {t('activities.ui.manage')}
            </Link>
          ) : null}
        </div>
      </PageHeader>
      <div className="container page-body">
        <div className="ac-toolbar">
          <div className="ac-month">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set('month', shiftMonth(month, -1))}
              aria-label={t('activities.ui.previousMonth')}
            >
              ←
            </button>
            <h2 aria-live="polite" data-testid="calendar-month">
              {monthLabel(month, lang)}
            </h2>
            <button
              type="button"
              className="button button--secondary"
              onClick={() => set('month', shiftMonth(month, 1))}
              aria-label={t('activities.ui.nextMonth')}
            >
              →
            </button>
          </div>
          <button type="button" className="button button--secondary" onClick={() => set('month', '')}>
            {t('activities.ui.thisMonth')}
          </button>
        </div>
        <div className="ac-filters" role="group" aria-label={t('activities.ui.filters')}>
          {select(
            'kind',
            t('activities.ui.kind'),
            kind,
            ACTIVITY_KINDS.map((k) => ({ value: k, label: t(`activities.kinds.${k}`) })),
          )}
          {select(
            'audience',
            t('activities.ui.audience'),
            audience,
            ACTIVITY_AUDIENCES.map((a) => ({ value: a, label: t(`activities.audiences.${a}`) })),
          )}
          {select(
            'province',
            t('activities.ui.province'),
            province,
            provinces.status === 'success'
              ? provinces.data.map((p) => ({ value: String(p.code), label: localName(p, lang) }))
              : [],
          )}
          {select(
            'unit',
            t('activities.ui.unit'),
            unit,
            units.status === 'success'
              ? units.data.map((u) => ({ value: u.id, label: localName(u, lang) }))
              : [],
          )}
        </div>
        {list.status === 'error' ? <ErrorState error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'loading' || list.status === 'idle' ? <LoadingState /> : null}
        {list.status === 'success' && list.data.length === 0 ? (
          <EmptyState>{t('activities.ui.noActivities')}</EmptyState>
        ) : null}
        {[...byDay].map(([day, items]) => (
          <section key={day} className="ac-day">
            <h3>{day}</h3>
            <ul className="ac-list">
              {items.map((a) => (
                <ActivityCard key={a.id} activity={a} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </>
  );
}
