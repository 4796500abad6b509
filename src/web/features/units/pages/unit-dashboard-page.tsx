import { Link, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useUnitDashboard } from '../api';
import { MeasureCard } from '../components/measure-card';
import { ProfileDialog } from '../components/profile-dialog';
import { TargetsDialog } from '../components/targets-dialog';
import { YearSelect } from '../components/year-select';
import { parseFiscalYear } from '../labels';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../units.css';

function Dashboard() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const dashboard = useUnitDashboard(id, parseFiscalYear(params.get('fiscalYear')));
  usePageTitle(
    dashboard.status === 'success' ? localName(dashboard.data.unit, lang) : t('units.dashboard.title'),
  );
  const isOfficer = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');

  if (dashboard.status === 'error') {
    return dashboard.error.isNotFound || dashboard.error.status === 400 ? (
      <NotFoundState
        title={t('units.dashboard.notFound')}
        text={t('units.dashboard.notFound')}
        back={{ to: '/units', label: t('units.page.backToList') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={dashboard.error} onRetry={dashboard.reload} />
      </div>
    );
  }
  if (dashboard.status !== 'success') {
    return <LoadingState />;
  }
  const data = dashboard.data;
  const { unit, profile, abilities } = data;
  const host = localText(profile, 'hostName', lang);
  const description = localText(profile, 'description', lang);

  return (
    <>
      <PageHeader
        title={localName(unit, lang)}
        eyebrow={t('units.dashboard.title')}
        back={
          isOfficer
            ? { to: `/admin/units?fiscalYear=${data.fiscalYear}`, label: t('units.dashboard.rollup') }
            : { to: `/units/${unit.id}`, label: t('units.dashboard.publicPage') }
        }
        intro={<p>{t('units.dashboard.intro')}</p>}
      />
      <div className="container page-body un-page">
        <div className="un-toolbar">
          <YearSelect
            value={data.fiscalYear}
            current={data.currentFiscalYear}
            onChange={(year) => setParams({ fiscalYear: String(year) })}
          />
          <div className="button-row">
            {abilities.editTargets ? <TargetsDialog dashboard={data} onSaved={dashboard.reload} /> : null}
            <Link className="button button--secondary" to={`/units/${unit.id}`}>
              {t('units.dashboard.publicPage')}
            </Link>
          </div>
        </div>
        {!abilities.editTargets ? (
          <p className="un-muted">{t('units.dashboard.targetsOnlyOfficers')}</p>
        ) : null}

        <section className="un-section" aria-labelledby="un-measures">
          <h2 id="un-measures">
            {t('units.dashboard.measures')} ·{' '}
            {t('units.dashboard.fiscalYearOption', { year: data.fiscalYear })}
          </h2>
          <div className="un-measures">
            {data.measures.map((result) => (
              <MeasureCard key={result.measure} result={result} />
            ))}
          </div>
        </section>

        <div className="un-columns">
          <section className="un-section panel-card" aria-labelledby="un-profile">
            <div className="un-section__head">
              <h2 id="un-profile">{t('units.dashboard.profile')}</h2>
              {abilities.editProfile ? (
                <ProfileDialog unitId={unit.id} profile={profile} onSaved={dashboard.reload} />
              ) : null}
            </div>
            <dl className="un-facts">
              <dt>{t('units.page.host')}</dt>
              <dd>{host || '—'}</dd>
              <dt>{t('units.page.about')}</dt>
              <dd className="un-prewrap">{description || t('units.page.noDescription')}</dd>
              <dt>{t('units.page.email')}</dt>
              <dd>{profile.contactEmail ?? '—'}</dd>
              <dt>{t('units.page.phone')}</dt>
              <dd>{profile.contactPhone ?? '—'}</dd>
              <dt>{t('units.page.website')}</dt>
              <dd className="un-break">{profile.website ?? '—'}</dd>
            </dl>
          </section>
          <section className="un-section panel-card" aria-labelledby="un-staff">
            <h2 id="un-staff">{t('units.dashboard.staff')}</h2>
            {data.staff.length === 0 ? (
              <EmptyState>{t('units.dashboard.staffEmpty')}</EmptyState>
            ) : (
              <ul className="un-staff" data-testid="un-staff">
                {data.staff.map((person) => (
                  <li key={person.userId}>
                    <strong>{person.name}</strong>
                    {person.email ? <span className="un-break">{person.email}</span> : null}
                    <span className="un-muted">
                      {t('units.dashboard.staffSince', { date: formatDate(person.grantedAt, lang) })}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="un-muted">{t('units.dashboard.staffHint')}</p>
          </section>
        </div>
      </div>
    </>
  );
}

/** A unit's dashboard: targets against actuals of a fiscal year, its profile and staff (its staff; officers). */
export default function UnitDashboardPage() {
  return (
    <RequireAuth>
      <Dashboard />
    </RequireAuth>
  );
}
