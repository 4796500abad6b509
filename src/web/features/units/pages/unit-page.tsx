import { Link, useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { Badge } from '@web/components/ui/badge';
import { ExternalLink } from '@web/components/ui/external-link';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useUnitDetail } from '../api';
import { hostOf, provinceName, regionName } from '../labels';
import '@web/components/ui/panel.css';
import '../units.css';

/** A unit's public page: who hosts it, where it works, how to reach it, and its published activities to come. */
export default function UnitPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const detail = useUnitDetail(id);
  usePageTitle(detail.status === 'success' ? localName(detail.data.unit, lang) : t('units.directory.title'));

  if (detail.status === 'error') {
    return detail.error.isNotFound || detail.error.status === 400 ? (
      <NotFoundState
        title={t('units.page.notFound')}
        text={t('units.page.notFound')}
        back={{ to: '/units', label: t('units.page.backToList') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={detail.error} onRetry={detail.reload} />
      </div>
    );
  }
  if (detail.status !== 'success') {
    return <LoadingState />;
  }
  const { unit, profile, upcomingActivities, abilities } = detail.data;
  const host = localText(profile, 'hostName', lang);
  const description = localText(profile, 'description', lang);
  const region = regionName(unit.regionCode, lang);

  return (
    <>
      <PageHeader
        title={localName(unit, lang)}
        back={{ to: '/units', label: t('units.page.backToList') }}
        eyebrow={<Badge tone="brand">{t(`units.kind.${unit.kind}`)}</Badge>}
        intro={host ? <p>{t('units.directory.hostedBy', { name: host })}</p> : undefined}
      >
        {abilities.viewDashboard ? (
          <p className="button-row">
            <Link
              className="button button--primary"
              to={`/admin/units/${unit.id}`}
              data-testid="un-dashboard-link"
            >
              {t('units.page.dashboard')}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body un-page un-layout">
        <div className="un-main">
          <section className="un-section" aria-labelledby="un-about">
            <h2 id="un-about">{t('units.page.about')}</h2>
            {description ? (
              <p className="un-prewrap">{description}</p>
            ) : (
              <EmptyState>{t('units.page.noDescription')}</EmptyState>
            )}
          </section>
          <section className="un-section" aria-labelledby="un-upcoming">
            <h2 id="un-upcoming">{t('units.page.upcoming')}</h2>
            {upcomingActivities.length === 0 ? (
              <EmptyState>{t('units.page.noUpcoming')}</EmptyState>
            ) : (
              <ul className="un-events" data-testid="un-upcoming">
                {upcomingActivities.map((activity) => (
                  <li key={activity.id} className="un-event">
                    <p className="un-event__date">{formatDate(activity.startsAt, lang, 'dateTime')}</p>
                    <p className="un-event__title">
                      <Link to={`/events/${activity.id}`}>{localText(activity, 'title', lang)}</Link>
                    </p>
                    <p className="un-muted">
                      {activity.isOnline
                        ? t('units.page.online')
                        : activity.provinceCode !== null
                          ? provinceName(activity.provinceCode, lang)
                          : ''}
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to="/events">{t('units.page.allEvents')}</Link>
            </p>
          </section>
        </div>
        <aside className="un-aside panel-card" aria-label={t('units.page.contact')}>
          <dl className="un-facts">
            {host ? (
              <>
                <dt>{t('units.page.host')}</dt>
                <dd>{host}</dd>
              </>
            ) : null}
            {region ? (
              <>
                <dt>{t('units.page.region')}</dt>
                <dd>{region}</dd>
              </>
            ) : null}
            <dt>{t('units.page.provinces')}</dt>
            <dd>
              {unit.provinceCodes.length === 0 ? (
                t('units.page.noProvinces')
              ) : (
                <ul className="un-chips">
                  {unit.provinceCodes.map((code) => (
                    <li key={code}>
                      <Link to={`/provinces/${code}`}>{provinceName(code, lang)}</Link>
                    </li>
                  ))}
                </ul>
              )}
            </dd>
            {profile.contactEmail ? (
              <>
                <dt>{t('units.page.email')}</dt>
                <dd>
                  <a href={`mailto:${profile.contactEmail}`}>{profile.contactEmail}</a>
                </dd>
              </>
            ) : null}
            {profile.contactPhone ? (
              <>
                <dt>{t('units.page.phone')}</dt>
                <dd>
                  <a href={`tel:${profile.contactPhone.replace(/[^0-9+]/g, '')}`}>{profile.contactPhone}</a>
                </dd>
              </>
            ) : null}
            {profile.website ? (
              <>
                <dt>{t('units.page.website')}</dt>
                <dd>
                  <ExternalLink href={profile.website}>{hostOf(profile.website)}</ExternalLink>
                </dd>
              </>
            ) : null}
          </dl>
        </aside>
      </div>
    </>
  );
}
