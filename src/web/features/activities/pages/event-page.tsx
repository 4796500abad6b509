import { useId, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { ActivityDetail, Registration } from '@shared/contracts/activities';
import type { Organisation } from '@shared/contracts/organisations';
import { Badge } from '@web/components/ui/badge';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { loginPath } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { toApiError } from '@web/lib/api';
import { formatDate, formatNumber } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useFreshApi } from '@web/lib/use-api';
import { activitiesApi, certificatePdfHref, useActivity } from '../api';
import {
  ActivityStatusBadge,
  RegistrationStatusBadge,
  activityTitle,
  placeText,
  SeatsLine,
  timeRange,
  unitName,
} from '../components/labels';
import '@web/components/ui/form.css';
import '../activities.css';

/** The certificate of a registration: ask for it, download it, or see that it was revoked. */
export function CertificateActions({
  registration,
  givesCertificate,
  onChange,
}: {
  registration: Registration;
  givesCertificate: boolean;
  onChange: () => void;
}) {
  const { t, lang } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!givesCertificate || registration.status !== 'registered' || !registration.attendedAt) {
    return null;
  }
  const c = registration.certificate;
  if (c?.revokedAt) {
    return <Badge tone="target">{t('activities.ui.certificateRevoked')}</Badge>;
  }
  if (c) {
    return (
      <div className="ac-actions">
        <a
          className="button button--primary"
          href={certificatePdfHref(registration.id, lang)}
          data-testid="certificate-pdf"
        >
          {t('activities.ui.downloadCertificate')}
        </a>
        <Link to={`/certificates/${c.code}`}>{t('activities.ui.verifyCertificate')}</Link>
      </div>
    );
  }
  const ask = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await activitiesApi.requestCertificate(registration.id);
      onChange();
    } catch (error) {
      setProblem(apiErrorText(toApiError(error), t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ac-actions">
      <button
        type="button"
        className="button button--primary"
        disabled={busy}
        onClick={() => void ask()}
        data-testid="request-certificate"
      >
        {t('activities.ui.getCertificate')}
      </button>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
    </div>
  );
}

function RegisterPanel({ activity, onChange }: { activity: ActivityDetail; onChange: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { me } = useAuth();
  const location = useLocation();
  const orgs = useFreshApi<Organisation[]>(me ? '/api/organisations?scope=mine' : null);
  const [organisationId, setOrganisationId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mine = activity.myRegistration;

  const run = async (action: () => Promise<unknown>, message: string | null) => {
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      await action();
      setDone(message);
      onChange();
    } catch (error) {
      setProblem(apiErrorText(toApiError(error), t));
    } finally {
      setBusy(false);
    }
  };

  if (activity.status === 'cancelled') {
    return <p className="ac-panel">{t('activities.ui.activityCancelled')}</p>;
  }
  const full = activity.seatsTaken >= activity.capacity;
  return (
    <section className="ac-panel" aria-labelledby={`${id}-title`} data-testid="register-panel">
      <h2 id={`${id}-title`}>{t('activities.ui.registerTitle')}</h2>
      <SeatsLine activity={activity} />
      {activity.status === 'completed' ? <p>{t('activities.ui.activityCompleted')}</p> : null}
      {mine ? (
        <>
          <p data-testid="my-registration-status" data-status={mine.status}>
            <RegistrationStatusBadge status={mine.status} position={mine.waitlistPosition} />{' '}
            {mine.status === 'registered'
              ? t('activities.ui.registeredNote')
              : t('activities.ui.waitlistedNote', { position: mine.waitlistPosition ?? 1 })}
          </p>
          {mine.attendedAt ? (
            <p>{t('activities.ui.attendedNote', { at: formatDate(mine.attendedAt, lang, 'dateTime') })}</p>
          ) : null}
          <CertificateActions
            registration={mine}
            givesCertificate={activity.givesCertificate}
            onChange={onChange}
          />
          {activity.abilities.canCancelRegistration ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              data-testid="cancel-registration"
              onClick={() => {
                if (window.confirm(t('activities.ui.cancelRegistrationConfirm'))) {
                  void run(
                    () => activitiesApi.cancelRegistration(mine.id, mine.version),
                    t('activities.ui.cancelled'),
                  );
                }
              }}
            >
              {t('activities.ui.cancelRegistration')}
            </button>
          ) : null}
        </>
      ) : activity.registrationOpen ? (
        me ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void run(() => activitiesApi.register(activity.id, organisationId || null), null);
            }}
          >
            {orgs.status === 'success' && orgs.data.length > 0 ? (
              <div className="field">
                <label htmlFor={`${id}-org`}>{t('activities.ui.registerAs')}</label>
                <select
                  id={`${id}-org`}
                  value={organisationId}
                  onChange={(e) => setOrganisationId(e.target.value)}
                >
                  <option value="">{t('activities.ui.registerSelf')}</option>
                  {orgs.data.map((o) => (
                    <option key={o.id} value={o.id}>
                      {lang === 'en' && o.nameEn ? o.nameEn : o.nameTh}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <p>
              <button type="submit" className="button button--primary" disabled={busy} data-testid="register">
                {full ? t('activities.ui.registerWaitlistButton') : t('activities.ui.registerButton')}
              </button>
            </p>
          </form>
        ) : (
          <Link className="button button--primary" to={loginPath(location.pathname)}>
            {t('activities.ui.signInToRegister')}
          </Link>
        )
      ) : activity.status === 'published' ? (
        <p>{t('activities.ui.registrationClosed')}</p>
      ) : null}
      {activity.registrationOpen && activity.registrationClosesAt ? (
        <p className="field__hint">
          {t('activities.ui.registrationOpenUntil', {
            at: formatDate(activity.registrationClosesAt, lang, 'dateTime'),
          })}
        </p>
      ) : null}
      {done ? <FormSuccess>{done}</FormSuccess> : null}
      {problem ? <FormAlert>{problem}</FormAlert> : null}
    </section>
  );
}

/** An activity's public page: what, when, where, who runs it, and registration for the signed-in person. */
export default function EventPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const result = useActivity(id);
  const activity = result.status === 'success' ? result.data : null;
  usePageTitle(activity ? activityTitle(activity, lang) : t('activities.ui.calendarTitle'));
  if (result.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={result.error} onRetry={result.reload} />
      </div>
    );
  }
  if (!activity) {
    return <LoadingState />;
  }
  const description =
    lang === 'en' && activity.descriptionEn ? activity.descriptionEn : activity.descriptionTh;
  return (
    <>
      <PageHeader
        title={activityTitle(activity, lang)}
        back={{ to: '/events', label: t('activities.ui.back') }}
        eyebrow={
          <span className="ac-card__badges">
            <Badge tone="brand">{t(`activities.kinds.${activity.kind}`)}</Badge>
            <ActivityStatusBadge status={activity.status} />
          </span>
        }
      >
        {activity.abilities.canManage ? (
          <p>
            <Link className="button button--secondary" to={`/admin/activities/${activity.id}`}>
              {t('activities.ui.manage')}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body ac-event">
        <div>
          <dl className="ac-facts">
            <dt>{t('activities.ui.when')}</dt>
            <dd>{timeRange(activity.startsAt, activity.endsAt, lang)}</dd>
            <dt>{t('activities.ui.where')}</dt>
            <dd>{placeText(activity, lang, t('activities.online'))}</dd>
            <dt>{t('activities.ui.organiser')}</dt>
            <dd>{unitName(activity, lang)}</dd>
            <dt>{t('activities.ui.capacity')}</dt>
            <dd>{t('activities.ui.seats', { taken: activity.seatsTaken, capacity: activity.capacity })}</dd>
            {activity.hours > 0 ? (
              <>
                <dt>{t('activities.ui.hours')}</dt>
                <dd>{t('activities.ui.hoursValue', { hours: formatNumber(activity.hours, lang) })}</dd>
              </>
            ) : null}
            {activity.audiences.length > 0 ? (
              <>
                <dt>{t('activities.ui.audiences')}</dt>
                <dd>{activity.audiences.map((a) => t(`activities.audiences.${a}`)).join(', ')}</dd>
              </>
            ) : null}
            {activity.isOnline ? (
              <>
                <dt>{t('activities.ui.onlineLink')}</dt>
                <dd>
                  {activity.onlineUrl ? (
                    <a href={activity.onlineUrl} rel="noopener noreferrer" target="_blank">
                      {activity.onlineUrl}
                    </a>
                  ) : (
                    t('activities.ui.onlineLinkHidden')
                  )}
                </dd>
              </>
            ) : null}
          </dl>
          {description ? (
            <>
              <h2>{t('activities.ui.description')}</h2>
              <p className="ac-description">{description}</p>
            </>
          ) : null}
          {activity.facilitators.length > 0 ? (
            <>
              <h2>{t('activities.ui.facilitators')}</h2>
              <ul>
                {activity.facilitators.map((f) => (
                  <li key={f.personId}>
                    {lang === 'en' && f.nameEn ? f.nameEn : f.nameTh} (
                    {t(`activities.facilitatorRoles.${f.role}`)})
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
        <RegisterPanel activity={activity} onChange={result.reload} />
      </div>
    </>
  );
}
