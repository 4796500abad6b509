import { Link } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useMyRegistrations } from '../api';
import { activityTitle, placeText, RegistrationStatusBadge, timeRange, unitName } from '../components/labels';
import { CertificateActions } from './event-page';
import '../activities.css';

function MyRegistrations() {
  const { t, lang } = useI18n();
  const list = useMyRegistrations(true);
  if (list.status === 'error') {
    return <ErrorState error={list.error} onRetry={list.reload} />;
  }
  if (list.status !== 'success') {
    return <LoadingState />;
  }
  if (list.data.length === 0) {
    return (
      <EmptyState>
        <p>{t('activities.ui.mineEmpty')}</p>
        <Link className="button button--primary" to="/events">
          {t('activities.ui.browseCalendar')}
        </Link>
      </EmptyState>
    );
  }
  return (
    <ul className="ac-list">
      {list.data.map((r) => (
        <li key={r.id} className="ac-card" data-testid="my-registration">
          <div className="ac-card__badges">
            <RegistrationStatusBadge status={r.status} position={r.waitlistPosition} />
            {r.activity.status === 'cancelled' ? (
              <span className="badge badge--target">{t('activities.statuses.cancelled')}</span>
            ) : null}
          </div>
          <h4>
            <Link to={`/events/${r.activity.id}`}>{activityTitle(r.activity, lang)}</Link>
          </h4>
          <div className="ac-card__meta">
            <span>{timeRange(r.activity.startsAt, r.activity.endsAt, lang)}</span>
            <span>{placeText(r.activity, lang, t('activities.online'))}</span>
            <span>{unitName(r.activity, lang)}</span>
          </div>
          <CertificateActions
            registration={r}
            givesCertificate={r.activity.givesCertificate}
            onChange={list.reload}
          />
        </li>
      ))}
    </ul>
  );
}

/** The signed-in person's registrations, waitlist places and certificates. */
export default function MyRegistrationsPage() {
  const { t } = useI18n();
  usePageTitle(t('activities.ui.mineTitle'));
  return (
    <RequireAuth>
      <PageHeader
        title={t('activities.ui.mineTitle')}
        intro={<p>{t('activities.ui.mineIntro')}</p>}
        back={{ to: '/events', label: t('activities.ui.back') }}
      />
      <div className="container page-body">
        <MyRegistrations />
      </div>
    </RequireAuth>
  );
}
