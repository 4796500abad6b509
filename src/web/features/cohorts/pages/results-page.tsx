import { useCallback } from 'react';
import { useParams } from 'react-router';
import {
  RESULTS_EXPORT_FORMATS,
  type AssessmentResults,
  type ResultsExportFormat,
} from '@shared/contracts/cohorts';
import { ExportJobList, useExportJobs } from '@web/components/ui/export-jobs';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { startResultsExport, useResults } from '../api';
import { cohortName, inLang, scoreText, shareText } from '../labels';
import '../cohorts.css';

function changeClass(value: number | null): string {
  if (value === null || Math.abs(value) < 0.005) {
    return 'co-change';
  }
  return value > 0 ? 'co-change co-change--up' : 'co-change co-change--down';
}

/** Two thin bars, before and after, on the questionnaire's scale. */
function Bars({
  pre,
  post,
  points,
  label,
}: {
  pre: number | null;
  post: number | null;
  points: number;
  label: string;
}) {
  const width = (v: number | null) => `${v === null ? 0 : Math.max(0, Math.min(100, (v / points) * 100))}%`;
  return (
    <div className="co-bars" role="img" aria-label={label}>
      <span className="co-bar co-bar--pre" style={{ width: width(pre) }} />
      <span className="co-bar co-bar--post" style={{ width: width(post) }} />
    </div>
  );
}

function Summary({ results }: { results: AssessmentResults }) {
  const { t, lang } = useI18n();
  const c = results.cohort;
  const n = (v: number) => formatNumber(v, lang);
  return (
    <dl className="co-stats" data-testid="results-summary">
      <div>
        <dt>{t('cohorts.results.respondents')}</dt>
        <dd className="co-stats__small">
          {t('cohorts.results.respondentsValue', {
            pre: n(c.preCount),
            post: n(c.postCount),
            paired: n(c.pairedCount),
            members: n(results.memberCount),
          })}
        </dd>
      </div>
      <div>
        <dt>{t('cohorts.results.preMean')}</dt>
        <dd>{scoreText(c.preMean, lang)}</dd>
      </div>
      <div>
        <dt>{t('cohorts.results.postMean')}</dt>
        <dd>{scoreText(c.postMean, lang)}</dd>
      </div>
      <div>
        <dt>{t('cohorts.results.meanChange')}</dt>
        <dd className={changeClass(c.meanChange)} data-testid="mean-change">
          {scoreText(c.meanChange, lang, true)}
        </dd>
      </div>
      <div>
        <dt>{t('cohorts.results.improved')}</dt>
        <dd>
          {shareText(c.improvedShare, lang)}
          <span className="co-stats__small co-block">
            {t('cohorts.results.improvedValue', {
              unchanged: shareText(c.unchangedShare, lang),
              declined: shareText(c.declinedShare, lang),
            })}
          </span>
        </dd>
      </div>
    </dl>
  );
}

function Results() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const results = useResults(id);
  const startExport = useCallback(
    (format: ResultsExportFormat) => startResultsExport(id ?? '', format, lang),
    [id, lang],
  );
  const exports = useExportJobs(startExport);
  const exportLabel = (format: ResultsExportFormat) =>
    t(format === 'xlsx' ? 'cohorts.results.exportXlsx' : 'cohorts.results.exportCsv');
  usePageTitle(t('cohorts.results.title'));

  if (results.status === 'error') {
    return results.error.isNotFound ? (
      <NotFoundState
        title={t('common.notFoundTitle')}
        text={t('common.notFoundText')}
        back={{ to: '/cohorts', label: t('cohorts.page.back') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={results.error} onRetry={results.reload} />
      </div>
    );
  }
  if (results.status !== 'success') {
    return (
      <div className="container page-body">
        <LoadingState />
      </div>
    );
  }
  const r = results.data;
  const q = r.questionnaire;
  const name = cohortName({ nameTh: r.cohortNameTh, nameEn: r.cohortNameEn }, lang);
  return (
    <>
      <PageHeader
        title={t('cohorts.results.title')}
        back={{ to: `/cohorts/${r.cohortId}`, label: name }}
        intro={<p>{t('cohorts.results.intro')}</p>}
      >
        {q ? (
          <p className="co-header-links">
            {RESULTS_EXPORT_FORMATS.map((format) => (
              <button
                key={format}
                type="button"
                className="button button--secondary"
                disabled={exports.busy !== null}
                aria-busy={exports.busy === format}
                onClick={() => void exports.run(format, exportLabel(format))}
                data-testid={`results-export-${format}`}
              >
                {exportLabel(format)}
              </button>
            ))}
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body co-page">
        <ExportJobList jobs={exports.jobs} error={exports.error} />
        {!q ? (
          <EmptyState>{t('cohorts.results.noQuestionnaire')}</EmptyState>
        ) : (
          <>
            <p className="co-muted">
              <strong>{name}</strong> · {inLang(lang, q.titleTh, q.titleEn)} ·{' '}
              {t('cohorts.questionnaire.scale', { points: q.scalePoints })}
            </p>
            <Summary results={r} />
            <section className="co-section">
              <h2>{t('cohorts.results.byItem')}</h2>
              <p className="co-legend" aria-hidden="true">
                <span className="co-legend__entry">
                  <span className="co-bar co-bar--pre co-legend__swatch" /> {t('cohorts.results.col.pre')}
                </span>
                <span className="co-legend__entry">
                  <span className="co-bar co-bar--post co-legend__swatch" /> {t('cohorts.results.col.post')}
                </span>
              </p>
              <table className="data-table data-table--stack co-table" data-testid="results-items">
                <caption className="visually-hidden">{t('cohorts.results.byItemCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cohorts.results.col.item')}</th>
                    <th scope="col" className="numeric">
                      {t('cohorts.results.col.pre')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('cohorts.results.col.post')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('cohorts.results.col.change')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.cohort.items.map((item, index) => {
                    const asked = q.items[index];
                    return (
                      <tr key={item.itemId}>
                        <td data-label={t('cohorts.results.col.item')}>
                          <div className="co-item-cell">
                            <span>
                              {index + 1}. {asked ? inLang(lang, asked.textTh, asked.textEn) : item.itemId}
                            </span>
                            <Bars
                              pre={item.pre}
                              post={item.post}
                              points={q.scalePoints}
                              label={t('cohorts.results.chartLabel', { n: index + 1 })}
                            />
                          </div>
                        </td>
                        <td data-label={t('cohorts.results.col.pre')} className="numeric">
                          {scoreText(item.pre, lang)}
                        </td>
                        <td data-label={t('cohorts.results.col.post')} className="numeric">
                          {scoreText(item.post, lang)}
                        </td>
                        <td data-label={t('cohorts.results.col.change')} className="numeric">
                          <span className={changeClass(item.change)}>
                            {scoreText(item.change, lang, true)}
                          </span>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </section>
            <section className="co-section">
              <h2>{t('cohorts.results.byParticipant')}</h2>
              <table className="data-table data-table--stack co-table" data-testid="results-participants">
                <caption className="visually-hidden">{t('cohorts.results.byParticipantCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('cohorts.results.col.name')}</th>
                    <th scope="col" className="numeric">
                      {t('cohorts.results.col.pre')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('cohorts.results.col.post')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('cohorts.results.col.change')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.participants.map((p) => (
                    <tr key={p.userId} data-testid="participant-row">
                      <td data-label={t('cohorts.results.col.name')}>
                        <div>
                          {p.name}
                          {p.organisationNameTh ? (
                            <span className="co-muted">
                              {inLang(lang, p.organisationNameTh, p.organisationNameEn)}
                            </span>
                          ) : null}
                        </div>
                      </td>
                      <td data-label={t('cohorts.results.col.pre')} className="numeric">
                        {scoreText(p.preMean, lang)}
                      </td>
                      <td data-label={t('cohorts.results.col.post')} className="numeric">
                        {scoreText(p.postMean, lang)}
                      </td>
                      <td data-label={t('cohorts.results.col.change')} className="numeric">
                        <span className={changeClass(p.change)}>{scoreText(p.change, lang, true)}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </>
        )}
      </div>
    </>
  );
}

/** `/cohorts/:id/results`: the change per participant and for the cohort, with XLSX and CSV downloads (managers). */
export default function ResultsPage() {
  return (
    <RequireAuth>
      <Results />
    </RequireAuth>
  );
}
