import { useCallback, useId, useRef, useState, type FormEvent } from 'react';
import {
  DATA_IMPORT_JOB_KINDS,
  DATA_IMPORT_KINDS,
  DATA_IMPORT_LIMITS,
  type DataImportKind,
  type DataImportOverview,
  type DataImportReport,
} from '@shared/contracts/data-imports';
import type { Job } from '@shared/contracts/jobs';
import { Badge } from '@web/components/ui/badge';
import { ExternalLink } from '@web/components/ui/external-link';
import { FieldError, FormAlert } from '@web/components/ui/form';
import { JobProgress } from '@web/components/ui/job-progress';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { fieldIssues, toApiError, type ApiError } from '@web/lib/api';
import { formatDate, formatNumber, formatYear, localName } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { forgetCached } from '@web/lib/use-api';
import { loadImportReport, startDataImport, useDataImportOverview, useMyJobs } from '../api';
import '@web/components/ui/form.css';
import '../data-imports.css';

const MAX_BYTES: Record<DataImportKind, number> = {
  indicators: DATA_IMPORT_LIMITS.indicatorsMaxBytes,
  boundaries: DATA_IMPORT_LIMITS.boundariesMaxBytes,
};
const ACCEPT: Record<DataImportKind, string> = {
  indicators: '.csv,text/csv',
  boundaries: '.geojson,.json,application/geo+json,application/json',
};
const KIND_OF_JOB = new Map<string, DataImportKind>(
  DATA_IMPORT_KINDS.map((kind) => [DATA_IMPORT_JOB_KINDS[kind], kind]),
);
/** How many earlier imports (from before this visit) are shown. */
const RECENT_MAX = 5;

const CSV_COLUMNS = [
  ['indicator', 'indicator'],
  ['indicator_name_th, indicator_name_en', 'names'],
  ['year', 'year'],
  ['province_code', 'province_code'],
  ['value', 'value'],
  ['unit', 'unit'],
  ['source_url', 'source_url'],
  ['note', 'note'],
] as const;

const CSV_EXAMPLE = [
  'indicator,indicator_name_th,indicator_name_en,year,province_code,value,unit,source_url,note',
  'poverty_headcount_ratio,สัดส่วนคนจน,Poverty headcount ratio,2566,94,23.36,percent,https://www.nesdc.go.th/,',
  'poverty_headcount_ratio,,,2566,95,"1,234.5",percent,https://www.nesdc.go.th/,',
].join('\n');

const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

/** A source address shown by its site's name. */
function hostOf(address: string): string {
  try {
    return new URL(address).hostname || address;
  } catch {
    return address;
  }
}

/** Sources by site: each site once, linked to its first address. */
function sitesOf(sources: readonly string[]): Array<{ host: string; href: string }> {
  const sites = new Map<string, string>();
  for (const source of sources) {
    const host = hostOf(source);
    if (!sites.has(host)) {
      sites.set(host, source);
    }
  }
  return [...sites].map(([host, href]) => ({ host, href }));
}

interface StartedImport {
  jobId: string;
  /** Started on this visit (its data is not in the lists yet). */
  fresh: boolean;
  kind: DataImportKind;
  fileName: string | null;
  createdAt: string | null;
}

function UploadForm({ onStarted }: { onStarted: (started: StartedImport) => void }) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<DataImportKind>('indicators');
  const [progress, setProgress] = useState<number | null>(null);
  const [fileProblem, setFileProblem] = useState<string | undefined>();
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFileProblem(undefined);
    const file = input.current?.files?.[0];
    if (!file) {
      setFileProblem(t('dataImports.upload.chooseFile'));
      input.current?.focus();
      return;
    }
    if (file.size > MAX_BYTES[kind]) {
      setFileProblem(t('dataImports.errors.TOO_LARGE', { max: megabytes(MAX_BYTES[kind]) }));
      input.current?.focus();
      return;
    }
    setProgress(0);
    try {
      const { jobId } = await startDataImport(kind, file, setProgress);
      onStarted({ jobId, fresh: true, kind, fileName: file.name, createdAt: null });
      if (input.current) {
        input.current.value = '';
      }
    } catch (failure) {
      const apiError = toApiError(failure);
      const issue = fieldIssues(apiError).find((i) => i.field === 'body.file');
      if (issue) {
        setFileProblem(issue.message);
        input.current?.focus();
      } else {
        setError(apiError);
      }
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  const errorId = `${id}-file-error`;
  return (
    <section className="di-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('dataImports.upload.heading')}</h2>
      <p className="di-note">{t('dataImports.allOrNothing')}</p>
      <form className="di-upload" onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="di-kinds">
          <legend>{t('dataImports.upload.kind')}</legend>
          {DATA_IMPORT_KINDS.map((option) => (
            <label key={option} className="di-kind">
              <input
                type="radio"
                name={`${id}-kind`}
                value={option}
                checked={kind === option}
                onChange={() => {
                  setKind(option);
                  setFileProblem(undefined);
                }}
                data-testid={`import-kind-${option}`}
              />
              <span>{t(`dataImports.upload.kinds.${option}`)}</span>
            </label>
          ))}
        </fieldset>
        <div className="field form-field" data-invalid={fileProblem ? 'true' : undefined}>
          <label htmlFor={`${id}-file`}>{t('dataImports.upload.file')}</label>
          <p className="field__hint" id={`${id}-hint`}>
            {t(`dataImports.upload.hint.${kind}`, { max: megabytes(MAX_BYTES[kind]) })}
          </p>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept={ACCEPT[kind]}
            disabled={busy}
            aria-invalid={fileProblem ? true : undefined}
            aria-describedby={fileProblem ? `${id}-hint ${errorId}` : `${id}-hint`}
            onChange={() => setFileProblem(undefined)}
            data-testid="import-file"
          />
          <FieldError id={errorId} message={fileProblem} />
        </div>
        <div className="form-actions">
          <button
            type="submit"
            className="button button--primary"
            disabled={busy}
            aria-busy={busy}
            data-testid="import-submit"
          >
            {busy
              ? t('dataImports.upload.uploading', { percent: Math.round((progress ?? 0) * 100) })
              : t('dataImports.upload.submit')}
          </button>
        </div>
        {error ? <FormAlert testId="import-error">{apiErrorText(error, t)}</FormAlert> : null}
      </form>
    </section>
  );
}

function ReportView({ report }: { report: DataImportReport }) {
  const { t, lang } = useI18n();
  const id = useId();
  const isIndicators = report.kind === 'indicators';
  const figures: Array<[string, string]> = [
    [
      t(isIndicators ? 'dataImports.report.rowsRead' : 'dataImports.report.featuresRead'),
      formatNumber(report.rowsRead, lang),
    ],
    [
      t(isIndicators ? 'dataImports.report.values' : 'dataImports.report.boundaries'),
      formatNumber(report.imported, lang),
    ],
  ];
  if (report.outcome === 'imported') {
    figures.push([t('dataImports.report.provinces'), formatNumber(report.provinces, lang)]);
  }
  if (isIndicators && report.outcome === 'imported') {
    figures.push(
      [
        t('dataImports.report.years'),
        report.years.map((y) => formatYear(y, lang)).join(', ') || t('dataImports.report.none'),
      ],
      [t('dataImports.report.created'), report.indicatorsCreated.join(', ') || t('dataImports.report.none')],
      [t('dataImports.report.updated'), report.indicatorsUpdated.join(', ') || t('dataImports.report.none')],
    );
  }
  return (
    <div className="di-report" data-testid="import-report" data-outcome={report.outcome}>
      <p className="di-report__outcome">
        {report.outcome === 'imported' ? (
          <Badge tone="success">{t('dataImports.report.imported')}</Badge>
        ) : (
          <strong className="di-report__rejected">
            {t('dataImports.report.rejected', { count: report.problemCount })}
          </strong>
        )}
      </p>
      <dl className="di-figures">
        {figures.map(([label, value]) => (
          <div key={label} className="di-figure">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {report.problems.length > 0 ? (
        <div className="di-table-wrap">
          <p className="di-problems-title" id={`${id}-caption`}>
            {t('dataImports.report.problemsCaption')}
          </p>
          <table
            className="data-table data-table--stack"
            aria-labelledby={`${id}-caption`}
            data-testid="import-problems"
          >
            <thead>
              <tr>
                <th scope="col" className="numeric di-position">
                  {t(isIndicators ? 'dataImports.report.line' : 'dataImports.report.feature')}
                </th>
                <th scope="col">{t('dataImports.report.field')}</th>
                <th scope="col">{t('dataImports.report.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.problems.map((problem, index) => {
                const position = problem.line ?? problem.feature;
                return (
                  <tr key={index}>
                    <td
                      data-label={t(isIndicators ? 'dataImports.report.line' : 'dataImports.report.feature')}
                      className="numeric"
                    >
                      {position === null ? t('dataImports.report.wholeFile') : formatNumber(position, lang)}
                    </td>
                    <td data-label={t('dataImports.report.field')}>
                      <code>{problem.field}</code>
                    </td>
                    <td data-label={t('dataImports.report.reason')}>
                      {lang === 'en' ? problem.reasonEn : problem.reasonTh}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {report.problemCount > report.problems.length ? (
            <p className="di-muted">
              {t('dataImports.report.moreProblems', {
                shown: report.problems.length,
                count: report.problemCount,
              })}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

function ImportJob({ started, onImported }: { started: StartedImport; onImported: () => void }) {
  const { t, lang } = useI18n();
  const [report, setReport] = useState<DataImportReport | null>(null);
  const [reportFailed, setReportFailed] = useState(false);
  const onDone = useCallback(
    (job: Job) => {
      if (job.status !== 'succeeded' || !job.downloadUrl) {
        return;
      }
      loadImportReport(job.downloadUrl).then(
        (loaded) => {
          setReport(loaded);
          if (loaded.outcome === 'imported' && started.fresh) {
            onImported();
          }
        },
        () => setReportFailed(true),
      );
    },
    [onImported, started.fresh],
  );
  const kindName = t(`dataImports.upload.kinds.${started.kind}`);
  const label = started.fileName
    ? t('dataImports.jobs.label', { kind: kindName, file: started.fileName })
    : started.createdAt
      ? `${kindName} · ${t('dataImports.jobs.startedAt', { date: formatDate(started.createdAt, lang, 'dateTime') })}`
      : kindName;
  return (
    <li className="di-job">
      <JobProgress jobId={started.jobId} label={label} onDone={onDone} />
      {report ? <ReportView report={report} /> : null}
      {reportFailed ? <p className="di-muted">{t('dataImports.report.loadFailed')}</p> : null}
    </li>
  );
}

function ImportJobs({ started, onImported }: { started: StartedImport[]; onImported: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const jobs = useMyJobs();
  const startedIds = new Set(started.map((s) => s.jobId));
  const earlier: StartedImport[] =
    jobs.status === 'success'
      ? jobs.data
          .flatMap((job) => {
            const kind = KIND_OF_JOB.get(job.kind);
            return kind && !startedIds.has(job.id)
              ? [{ jobId: job.id, fresh: false, kind, fileName: null, createdAt: job.createdAt }]
              : [];
          })
          .slice(0, RECENT_MAX)
      : [];
  const all = [...started, ...earlier];
  return (
    <section className="di-section" aria-labelledby={`${id}-heading`} data-testid="import-jobs">
      <h2 id={`${id}-heading`}>{t('dataImports.jobs.heading')}</h2>
      {jobs.status === 'error' ? <ErrorState error={jobs.error} onRetry={jobs.reload} /> : null}
      {all.length === 0 ? (
        jobs.status === 'success' ? (
          <EmptyState>{t('dataImports.jobs.none')}</EmptyState>
        ) : jobs.status === 'loading' ? (
          <LoadingState />
        ) : null
      ) : (
        <ul className="di-jobs">
          {all.map((item) => (
            <ImportJob key={item.jobId} started={item} onImported={onImported} />
          ))}
        </ul>
      )}
    </section>
  );
}

function LoadedData({ overview }: { overview: DataImportOverview }) {
  const { t, lang } = useI18n();
  const id = useId();
  const { boundaries } = overview;
  return (
    <>
      <section className="di-section" aria-labelledby={`${id}-indicators`} data-testid="loaded-indicators">
        <h2 id={`${id}-indicators`}>{t('dataImports.loaded.heading')}</h2>
        <p className="di-muted">{t('dataImports.loaded.intro')}</p>
        {overview.indicators.length === 0 ? (
          <EmptyState>{t('dataImports.loaded.none')}</EmptyState>
        ) : (
          <div className="di-table-wrap">
            <table className="data-table data-table--stack">
              <caption className="visually-hidden">{t('dataImports.loaded.heading')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dataImports.loaded.indicator')}</th>
                  <th scope="col" className="numeric">
                    {t('dataImports.loaded.year')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('dataImports.loaded.provinces')}
                  </th>
                  <th scope="col">{t('dataImports.loaded.sources')}</th>
                  <th scope="col">{t('dataImports.loaded.updated')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.indicators.map((row) => (
                  <tr key={`${row.code}-${row.year}`} data-testid="loaded-indicator" data-code={row.code}>
                    <th scope="row" data-label={t('dataImports.loaded.indicator')}>
                      <span>
                        {localName(row, lang)}
                        <br />
                        <code className="di-code">{row.code}</code>
                      </span>
                    </th>
                    <td className="numeric" data-label={t('dataImports.loaded.year')}>
                      {formatYear(row.year, lang)}
                    </td>
                    <td className="numeric" data-label={t('dataImports.loaded.provinces')}>
                      {formatNumber(row.provinceCount, lang)}
                    </td>
                    <td data-label={t('dataImports.loaded.sources')}>
                      <ul className="di-sources">
                        {sitesOf(row.sources).map((site) => (
                          <li key={site.host}>
                            <ExternalLink href={site.href}>{site.host}</ExternalLink>
                          </li>
                        ))}
                        {row.sourceCount > row.sources.length ? (
                          <li className="di-muted">
                            {t('dataImports.loaded.moreSources', {
                              count: row.sourceCount - row.sources.length,
                            })}
                          </li>
                        ) : null}
                      </ul>
                    </td>
                    <td data-label={t('dataImports.loaded.updated')}>{formatDate(row.updatedAt, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="di-section" aria-labelledby={`${id}-boundaries`} data-testid="loaded-boundaries">
        <h2 id={`${id}-boundaries`}>{t('dataImports.loaded.boundariesHeading')}</h2>
        {boundaries.withBoundary === 0 ? (
          <p>{t('dataImports.loaded.noBoundaries')}</p>
        ) : (
          <>
            <p>
              {t('dataImports.loaded.boundaries', {
                count: boundaries.withBoundary,
                total: boundaries.provinces,
              })}
            </p>
            <ul className="di-sources">
              {boundaries.sources.map((source) => (
                <li key={source.source}>
                  {t('dataImports.loaded.boundarySource', {
                    source: source.source || '–',
                    count: source.provinces,
                  })}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}

function FormatHelp() {
  const { t } = useI18n();
  const id = useId();
  return (
    <section className="di-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('dataImports.format.heading')}</h2>
      <h3>{t('dataImports.format.indicatorsHeading')}</h3>
      <p>{t('dataImports.format.indicatorsIntro')}</p>
      <div className="di-table-wrap">
        <table className="data-table di-format-table">
          <caption className="visually-hidden">{t('dataImports.format.indicatorsHeading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dataImports.format.column')}</th>
              <th scope="col">{t('dataImports.format.meaning')}</th>
            </tr>
          </thead>
          <tbody>
            {CSV_COLUMNS.map(([column, key]) => (
              <tr key={column}>
                <th scope="row">
                  <code>{column}</code>
                </th>
                <td>{t(`dataImports.format.columns.${key}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="di-example-label">{t('dataImports.format.example')}</p>
      <pre className="di-example" tabIndex={0}>
        {CSV_EXAMPLE}
      </pre>
      <h3>{t('dataImports.format.boundariesHeading')}</h3>
      <p>{t('dataImports.format.boundariesIntro')}</p>
    </section>
  );
}

function DataImportsScreen() {
  const { t } = useI18n();
  usePageTitle(t('dataImports.title'));
  const overview = useDataImportOverview();
  const [started, setStarted] = useState<StartedImport[]>([]);
  const { reload } = overview;
  const onImported = useCallback(() => {
    // other pages read indicators and boundaries from the session cache: let them load afresh
    forgetCached('/api/indicators', '/api/geo');
    reload();
  }, [reload]);
  // an import started on this page is announced by its bar; keep the newest first
  const onStarted = useCallback((item: StartedImport) => setStarted((list) => [item, ...list]), []);
  return (
    <>
      <PageHeader title={t('dataImports.title')} intro={<p>{t('dataImports.intro')}</p>} />
      <div className="container page-body di-page">
        <UploadForm onStarted={onStarted} />
        <ImportJobs started={started} onImported={onImported} />
        {overview.status === 'error' ? (
          <ErrorState error={overview.error} onRetry={overview.reload} />
        ) : overview.status === 'success' ? (
          <LoadedData overview={overview.data} />
        ) : (
          <LoadingState />
        )}
        <FormatHelp />
      </div>
    </>
  );
}

/** Administrators import area indicators (CSV) and province boundaries (GeoJSON) as background jobs. */
export default function DataImportsPage() {
  return (
    <RequireAuth role="administrator">
      <DataImportsScreen />
    </RequireAuth>
  );
}
