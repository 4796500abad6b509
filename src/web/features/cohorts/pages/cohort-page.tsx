import { Link, useParams } from 'react-router';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useCohort } from '../api';
import { MembersSection } from '../components/members-section';
import { QuestionnaireSection } from '../components/questionnaire-section';
import { cohortName, inLang, periodText } from '../labels';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../cohorts.css';

function Cohort() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const cohort = useCohort(id);
  usePageTitle(cohort.status === 'success' ? cohortName(cohort.data, lang) : t('cohorts.list.title'));

  if (cohort.status === 'error') {
    return cohort.error.isNotFound ? (
      <NotFoundState
        title={t('common.notFoundTitle')}
        text={t('common.notFoundText')}
        back={{ to: '/cohorts', label: t('cohorts.page.back') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={cohort.error} onRetry={cohort.reload} />
      </div>
    );
  }
  if (cohort.status !== 'success') {
    return (
      <div className="container page-body">
        <LoadingState />
      </div>
    );
  }
  const c = cohort.data;
  const description = inLang(lang, c.descriptionTh, c.descriptionEn);
  return (
    <>
      <PageHeader
        title={cohortName(c, lang)}
        back={{ to: '/cohorts', label: t('cohorts.page.back') }}
        intro={description ? <p className="co-prewrap">{description}</p> : undefined}
      >
        <p className="co-header-links">
          {c.abilities.answer ? (
            <Link
              to={`/cohorts/${c.id}/assessment`}
              className="button button--primary"
              data-testid="answer-link"
            >
              {t('cohorts.page.answer')}
            </Link>
          ) : null}
          {c.abilities.manage ? (
            <>
              <Link
                to={`/cohorts/${c.id}/results`}
                className="button button--primary"
                data-testid="results-link"
              >
                {t('cohorts.page.results')}
              </Link>
              <Link to={`/cohorts/${c.id}/edit`} className="button button--secondary" data-testid="edit-link">
                {t('cohorts.page.edit')}
              </Link>
            </>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body co-page">
        <dl className="co-facts" data-testid="cohort-facts">
          <div>
            <dt>{t('cohorts.page.unit')}</dt>
            <dd>{localName({ nameTh: c.drivingUnitNameTh, nameEn: c.drivingUnitNameEn }, lang)}</dd>
          </div>
          {c.programmeNameTh ? (
            <div>
              <dt>{t('cohorts.page.programme')}</dt>
              <dd>{inLang(lang, c.programmeNameTh, c.programmeNameEn)}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('cohorts.page.fiscalYear')}</dt>
            <dd>{c.fiscalYear}</dd>
          </div>
          <div>
            <dt>{t('cohorts.page.period')}</dt>
            <dd>{periodText(c, lang, t)}</dd>
          </div>
          {c.audiences.length > 0 ? (
            <div>
              <dt>{t('cohorts.page.audiences')}</dt>
              <dd className="co-badges">
                {c.audiences.map((a) => (
                  <Badge key={a} tone="brand">
                    {t(`cohorts.audience.${a}`)}
                  </Badge>
                ))}
              </dd>
            </div>
          ) : null}
        </dl>
        {c.abilities.manage ? (
          <>
            <QuestionnaireSection cohortId={c.id} />
            <MembersSection cohort={c} onChanged={cohort.reload} />
          </>
        ) : null}
      </div>
    </>
  );
}

/** `/cohorts/:id`: a cohort's details; its unit's staff and officers manage its questionnaire and members here. */
export default function CohortPage() {
  return (
    <RequireAuth>
      <Cohort />
    </RequireAuth>
  );
}
