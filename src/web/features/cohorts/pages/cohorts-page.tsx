import { useId } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CohortSummary } from '@shared/contracts/cohorts';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { currentFiscalYearBe } from '@web/features/call-admin/bangkok-time';
import { formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCohorts } from '../api';
import { cohortName, periodText } from '../labels';
import '@web/components/ui/form.css';
import '../cohorts.css';

/** Fiscal years (BE) to choose from: one ahead of the current one, back to five before it. */
function fiscalYearChoices(): number[] {
  const now = currentFiscalYearBe();
  return Array.from({ length: 7 }, (_, i) => now + 1 - i);
}

function PhaseState({ answered, label }: { answered: boolean; label: string }) {
  const { t } = useI18n();
  return (
    <span className={answered ? 'co-phase co-phase--done' : 'co-phase'}>
      {label}: {answered ? t('cohorts.list.answered') : t('cohorts.list.notAnswered')}
    </span>
  );
}

function CohortRow({ cohort, manager }: { cohort: CohortSummary; manager: boolean }) {
  const { t, lang } = useI18n();
  return (
    <tr data-testid="cohort-row">
      <td data-label={t('cohorts.list.col.cohort')} className="co-title-cell">
        <div>
          <Link to={`/cohorts/${cohort.id}`} className="co-title-link" data-testid="cohort-link">
            {cohortName(cohort, lang)}
          </Link>
          <span className="co-muted">
            {localName({ nameTh: cohort.drivingUnitNameTh, nameEn: cohort.drivingUnitNameEn }, lang)} ·{' '}
            {t('cohorts.page.fiscalYear')} {cohort.fiscalYear}
          </span>
        </div>
      </td>
      <td data-label={t('cohorts.list.col.period')}>{periodText(cohort, lang, t)}</td>
      <td data-label={t('cohorts.list.col.members')} className="numeric">
        {t('cohorts.list.members', { count: formatNumber(cohort.memberCount, lang) })}
      </td>
      <td data-label={t('cohorts.list.col.assessment')}>
        <div className="co-cell-stack">
          {cohort.hasQuestionnaire ? (
            <Badge tone="success">{t('cohorts.list.hasQuestionnaire')}</Badge>
          ) : (
            <Badge tone="neutral">{t('cohorts.list.noQuestionnaire')}</Badge>
          )}
          {cohort.me.isMember && cohort.hasQuestionnaire ? (
            <>
              <PhaseState answered={cohort.me.answeredPre} label={t('cohorts.phase.pre')} />
              <PhaseState answered={cohort.me.answeredPost} label={t('cohorts.phase.post')} />
              {!cohort.me.answeredPost ? (
                <Link
                  to={`/cohorts/${cohort.id}/assessment`}
                  className="button button--primary co-small-button"
                  data-testid="answer-link"
                >
                  {t('cohorts.list.answer')}
                </Link>
              ) : null}
            </>
          ) : null}
          {manager && !cohort.me.isMember && cohort.hasQuestionnaire ? (
            <Link to={`/cohorts/${cohort.id}/results`} className="co-link">
              {t('cohorts.page.results')}
            </Link>
          ) : null}
        </div>
      </td>
    </tr>
  );
}

function Cohorts() {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const raw = Number(params.get('fiscalYear'));
  const fiscalYear = Number.isInteger(raw) && raw >= 2560 && raw <= 2600 ? raw : undefined;
  const list = useCohorts(fiscalYear === undefined ? {} : { fiscalYear });
  usePageTitle(t('cohorts.list.title'));

  const isOfficer = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
  const isUnitStaff = hasRole(me, 'driving_unit_staff') && Boolean(me?.drivingUnitId);
  const manager = isOfficer || isUnitStaff;

  return (
    <>
      <PageHeader
        title={t('cohorts.list.title')}
        intro={<p>{manager ? t('cohorts.list.introStaff') : t('cohorts.list.introMember')}</p>}
      >
        {manager ? (
          <p className="co-header-links">
            <Link to="/cohorts/new" className="button button--primary" data-testid="new-cohort">
              {t('cohorts.list.new')}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body co-page">
        <div className="co-filters">
          <div className="field form-field">
            <label htmlFor={`${id}-fy`}>{t('cohorts.list.fiscalYear')}</label>
            <select
              id={`${id}-fy`}
              value={fiscalYear ?? ''}
              onChange={(event) => setParams(event.target.value ? { fiscalYear: event.target.value } : {})}
              data-testid="filter-fiscalYear"
            >
              <option value="">{t('cohorts.list.any')}</option>
              {fiscalYearChoices().map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
        </div>
        {list.status === 'error' ? (
          <ErrorState error={list.error} onRetry={list.reload} />
        ) : list.status !== 'success' ? (
          <LoadingState />
        ) : list.data.length === 0 ? (
          <EmptyState>{manager ? t('cohorts.list.empty') : t('cohorts.list.emptyMember')}</EmptyState>
        ) : (
          <>
            <p className="co-count" aria-live="polite">
              {t('cohorts.list.count', { count: formatNumber(list.data.length, lang) })}
            </p>
            <table className="data-table data-table--stack co-table" data-testid="cohorts-table">
              <caption className="visually-hidden">{t('cohorts.list.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('cohorts.list.col.cohort')}</th>
                  <th scope="col">{t('cohorts.list.col.period')}</th>
                  <th scope="col" className="numeric">
                    {t('cohorts.list.col.members')}
                  </th>
                  <th scope="col">{t('cohorts.list.col.assessment')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((cohort) => (
                  <CohortRow key={cohort.id} cohort={cohort} manager={manager} />
                ))}
              </tbody>
            </table>
          </>
        )}
      </div>
    </>
  );
}

/** `/cohorts`: the incubation cohorts a person may see (their unit's, all, or those they belong to). */
export default function CohortsPage() {
  return (
    <RequireAuth>
      <Cohorts />
    </RequireAuth>
  );
}
