import { useParams } from 'react-router';
import type { ImpactReport, ReportIndicator } from '@shared/contracts/impact-report';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatBaht, formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { impactReportPdfUrl, useImpactReport } from '../api-report';
import { ReportIndicatorChart } from '../components/report-indicator-chart';
import { ReportLogicModel } from '../components/report-logic-model';
import { percentText, ReportSroi } from '../components/report-sroi';
import '@web/components/ui/form.css';
import '../report.css';

const pick = (lang: 'th' | 'en', th: string | null, en: string | null) =>
  lang === 'en' && en ? en : (th ?? '');

function Verification({ indicator }: { indicator: ReportIndicator }) {
  const { t, lang } = useI18n();
  const { verified, submitted, queried } = indicator.counts;
  const total = verified + submitted + queried;
  if (total === 0) {
    return <span className="ir-muted">{t('impactReport.indicators.noValues')}</span>;
  }
  return (
    <span className="ir-verification">
      <Badge tone={verified === total ? 'success' : 'neutral'}>
        {t('impactReport.indicators.verifiedOf', { verified, total })}
      </Badge>
      {indicator.verifiedShare !== null ? (
        <span className="ir-muted">{percentText(indicator.verifiedShare, lang)}</span>
      ) : null}
      {submitted > 0 ? (
        <Badge tone="accent">{`${t('impactReport.valueStatus.submitted')} ${submitted}`}</Badge>
      ) : null}
      {queried > 0 ? (
        <Badge tone="target">{t('impactReport.indicators.queried', { count: queried })}</Badge>
      ) : null}
    </span>
  );
}

function Indicators({ report }: { report: ImpactReport }) {
  const { t, lang } = useI18n();
  if (report.indicators.length === 0) {
    return <EmptyState>{t('impactReport.indicators.empty')}</EmptyState>;
  }
  return (
    <>
      <ul className="ir-indicators">
        {report.indicators.map((i) => (
          <li key={i.id} className="ir-indicator" data-testid="ir-indicator">
            <div className="ir-indicator__head">
              <h3>
                <span className="ir-code">{i.code}</span> {pick(lang, i.nameTh, i.nameEn)}
              </h3>
              <p className="ir-muted">
                {pick(lang, i.unitTh, i.unitEn)} · {t('impactReport.indicators.aggregation')}:{' '}
                {t(`impactReport.aggregations.${i.aggregation}`)} ·{' '}
                {i.isLibrary ? t('impactReport.indicators.library') : t('impactReport.indicators.own')}
              </p>
              <Verification indicator={i} />
            </div>
            <ReportIndicatorChart indicator={i} />
            {i.values.length > 0 ? (
              <details className="ir-values">
                <summary>{t('impactReport.indicators.periods', { count: i.values.length })}</summary>
                <ul>
                  {i.values.map((v) => (
                    <li key={v.id}>
                      <span>
                        {v.periodStart ? `${formatDate(v.periodStart, lang)} – ` : ''}
                        {formatDate(v.periodEnd, lang)}
                      </span>
                      <strong>{formatNumber(v.value, lang)}</strong>
                      <Badge
                        tone={
                          v.status === 'verified' ? 'success' : v.status === 'queried' ? 'target' : 'accent'
                        }
                      >
                        {t(`impactReport.valueStatus.${v.status}`)}
                      </Badge>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
            <p className="visually-hidden">
              {[
                `${t('impactReport.indicators.baseline')} ${i.baseline === null ? '–' : formatNumber(i.baseline, lang)}`,
                `${t('impactReport.indicators.target')} ${i.target === null ? '–' : formatNumber(i.target, lang)}`,
                `${t('impactReport.indicators.actual')} ${i.actual === null ? '–' : formatNumber(i.actual, lang)}`,
              ].join(', ')}
            </p>
          </li>
        ))}
      </ul>
      <p className="ir-muted">{t('impactReport.indicators.actualNote')}</p>
    </>
  );
}

function Report({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const report = useImpactReport(id);
  const title =
    report.status === 'success' ? pick(lang, report.data.project.titleTh, report.data.project.titleEn) : '';
  usePageTitle(title ? `${t('impactReport.title')} · ${title}` : t('impactReport.title'));

  if (report.status === 'error') {
    return report.error.isNotFound || report.error.status === 400 ? (
      <NotFoundState
        title={t('projectsUi.notFound')}
        text={t('projectsUi.notFoundText')}
        back={{ to: '/projects', label: t('projectsUi.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={report.error} onRetry={report.reload} />
      </div>
    );
  }
  if (report.status !== 'success') {
    return <LoadingState />;
  }
  const { project, sroi } = report.data;
  const kinds = (['evaluative', 'forecast'] as const).map((kind) => ({ kind, assessment: sroi[kind] }));

  return (
    <>
      <PageHeader
        title={t('impactReport.title')}
        eyebrow={<span>{project.agreementNumber}</span>}
        back={{ to: `/projects/${id}`, label: t('impactReport.backToProject') }}
        intro={<p className="ir-project-title">{title}</p>}
      >
        <p className="ir-actions">
          <a className="button button--secondary" href={impactReportPdfUrl(id, 'th')} data-testid="ir-pdf-th">
            {t('impactReport.downloadPdfTh')}
          </a>
          <a className="button button--secondary" href={impactReportPdfUrl(id, 'en')} data-testid="ir-pdf-en">
            {t('impactReport.downloadPdfEn')}
          </a>
        </p>
      </PageHeader>
      <div className="container page-body ir-page">
        <dl className="ir-facts">
          <div>
            <dt>{t('impactReport.project.organisation')}</dt>
            <dd>{pick(lang, project.organisationNameTh, project.organisationNameEn)}</dd>
          </div>
          <div>
            <dt>{t('impactReport.project.programme')}</dt>
            <dd>{pick(lang, project.programmeNameTh, project.programmeNameEn) || '–'}</dd>
          </div>
          <div>
            <dt>{t('impactReport.project.drivingUnit')}</dt>
            <dd>{pick(lang, project.drivingUnitNameTh, project.drivingUnitNameEn) || '–'}</dd>
          </div>
          <div>
            <dt>{t('impactReport.project.fiscalYear')}</dt>
            <dd>{lang === 'th' ? project.fiscalYear : project.fiscalYear - 543}</dd>
          </div>
          <div>
            <dt>{t('impactReport.project.period')}</dt>
            <dd>
              {project.startsOn && project.endsOn
                ? `${formatDate(project.startsOn, lang)} – ${formatDate(project.endsOn, lang)}`
                : '–'}
            </dd>
          </div>
          <div>
            <dt>{t('impactReport.project.award')}</dt>
            <dd>{formatBaht(project.awardSatang, lang)}</dd>
          </div>
        </dl>

        <section className="ir-section" aria-labelledby="ir-logic-heading">
          <h2 id="ir-logic-heading">{t('impactReport.logic.heading')}</h2>
          {report.data.logicModel.nodes.length === 0 ? (
            <EmptyState>{t('impactReport.logic.empty')}</EmptyState>
          ) : (
            <ReportLogicModel nodes={report.data.logicModel.nodes} />
          )}
        </section>

        <section className="ir-section" aria-labelledby="ir-indicators-heading">
          <h2 id="ir-indicators-heading">{t('impactReport.indicators.heading')}</h2>
          <Indicators report={report.data} />
        </section>

        <section className="ir-section" aria-labelledby="ir-sroi-heading">
          <h2 id="ir-sroi-heading">{t('impactReport.sroi.heading')}</h2>
          {kinds.map(({ kind, assessment }) =>
            assessment ? (
              <ReportSroi key={kind} assessment={assessment} />
            ) : (
              <div key={kind} className="ir-sroi ir-sroi--none">
                <h3>{t(`impactReport.sroi.kinds.${kind}`)}</h3>
                <EmptyState>{t('impactReport.sroi.none')}</EmptyState>
              </div>
            ),
          )}
          {sroi.drafts.length > 0 ? (
            <p className="ir-muted">{t('impactReport.sroi.drafts', { count: sroi.drafts.length })}</p>
          ) : null}
        </section>
        <p className="ir-muted">
          {t('impactReport.generatedAt', { date: formatDate(report.data.generatedAt, lang, 'dateTime') })}
        </p>
      </div>
    </>
  );
}

function ReportRoute() {
  const { id } = useParams();
  return id ? <Report id={id} /> : null;
}

/** `/projects/:id/impact/report`: the project's impact report (web; the PDF beside it in Thai and English). */
export default function ImpactReportPage() {
  return (
    <RequireAuth>
      <ReportRoute />
    </RequireAuth>
  );
}
