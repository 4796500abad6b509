import { lazy, Suspense, useCallback, useId, useMemo, useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import {
  EXPORT_FORMATS,
  POLICY_RESULT_KEYS,
  type ExportFormat,
  type FundingGapRow,
  type Named,
  type PolicyReport,
  type PolicyReportFilters,
} from '@shared/contracts/insights';
import { THEME_CODES, type ThemeCode } from '@shared/reference/themes';
import { LANGUAGES, type Language } from '@shared/i18n/languages';
import { JobProgress } from '@web/components/ui/job-progress';
import { FilterSelect } from '@web/components/ui/filter-select';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { toApiError, type ApiError } from '@web/lib/api';
import { formatBaht, formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { startPolicyReportExport, usePolicyReport } from '../api';
import type { BarSeries } from '../components/insight-bar-chart';
import '@web/components/ui/form.css';
import '../insights.css';

const InsightBarChart = lazy(() => import('../components/insight-bar-chart'));

const isTheme = (value: string | null): value is ThemeCode =>
  (THEME_CODES as readonly string[]).includes(value ?? '');
const yearParam = (value: string | null) => {
  const year = Number(value);
  return Number.isInteger(year) && year >= 2500 && year <= 2700 ? year : undefined;
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function useNames(report: PolicyReport) {
  const { t, lang } = useI18n();
  return useMemo(() => {
    const nameOf = (list: readonly Named[], key: string | null) => {
      if (key === null) {
        return t('insights.notStated');
      }
      const found = list.find((item) => item.code === key);
      return found ? (lang === 'en' ? found.nameEn || found.nameTh : found.nameTh) : key;
    };
    return {
      theme: (key: string | null) => nameOf(report.themes, key),
      region: (key: string | null) => nameOf(report.regions, key),
      year: (fy: number) => String(lang === 'th' ? fy : fy - 543),
    };
  }, [report, lang, t]);
}

function Chart(props: {
  labels: string[];
  series: BarSeries[];
  label: string;
  format: (value: number) => string;
  horizontal?: boolean;
  integer?: boolean;
}) {
  return (
    <Suspense fallback={<div className="pi-chart pi-chart--loading" aria-hidden="true" />}>
      <InsightBarChart {...props} />
    </Suspense>
  );
}

function Section({
  id,
  title,
  note,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  children: ReactNode;
}) {
  return (
    <section className="pi-section" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>{title}</h2>
      {note ? <p className="pi-note">{note}</p> : null}
      {children}
    </section>
  );
}

function Filters({ report, filters }: { report: PolicyReport | null; filters: PolicyReportFilters }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const change = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const years = report?.options.fiscalYears ?? [];
  const yearLabel = (fy: number) => String(lang === 'th' ? fy : fy - 543);
  const yearOptions = [...new Set([...years, filters.fiscalYearFrom, filters.fiscalYearTo])]
    .filter((y): y is number => y !== undefined)
    .sort((a, b) => a - b)
    .map((y) => ({ value: String(y), label: yearLabel(y) }));
  return (
    <form
      className="pi-filters"
      onSubmit={(event) => event.preventDefault()}
      aria-label={t('insights.filters.legend')}
    >
      <FilterSelect
        id={`${id}-from`}
        label={t('insights.filters.fiscalYearFrom')}
        value={String(filters.fiscalYearFrom ?? '')}
        allLabel={t('insights.filters.all')}
        options={yearOptions}
        onChange={(value) => change('fiscalYearFrom', value)}
      />
      <FilterSelect
        id={`${id}-to`}
        label={t('insights.filters.fiscalYearTo')}
        value={String(filters.fiscalYearTo ?? '')}
        allLabel={t('insights.filters.all')}
        options={yearOptions}
        onChange={(value) => change('fiscalYearTo', value)}
      />
      <FilterSelect
        id={`${id}-programme`}
        label={t('insights.filters.programme')}
        value={filters.programme ?? ''}
        allLabel={t('insights.filters.all')}
        options={(report?.options.programmes ?? []).map((p) => ({
          value: p.id,
          label: lang === 'en' ? p.nameEn || p.nameTh : p.nameTh,
        }))}
        onChange={(value) => change('programme', value)}
      />
      <FilterSelect
        id={`${id}-theme`}
        label={t('insights.filters.theme')}
        value={filters.theme ?? ''}
        allLabel={t('insights.filters.all')}
        options={(report?.themes ?? []).map((theme) => ({
          value: theme.code,
          label: lang === 'en' ? theme.nameEn || theme.nameTh : theme.nameTh,
        }))}
        onChange={(value) => change('theme', value)}
      />
    </form>
  );
}

interface StartedExport {
  jobId: string;
  format: ExportFormat;
  lang: Language;
}

function ExportPanel({ filters }: { filters: PolicyReportFilters }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [fileLang, setFileLang] = useState<Language>(lang);
  const [started, setStarted] = useState<StartedExport[]>([]);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const start = useCallback(
    async (format: ExportFormat) => {
      setBusy(format);
      setError(null);
      try {
        const { jobId } = await startPolicyReportExport(format, fileLang, filters);
        setStarted((list) => [{ jobId, format, lang: fileLang }, ...list]);
      } catch (failure) {
        setError(toApiError(failure));
      } finally {
        setBusy(null);
      }
    },
    [fileLang, filters],
  );
  return (
    <section className="pi-export" aria-labelledby={`${id}-heading`} data-testid="pi-export">
      <h2 id={`${id}-heading`}>{t('insights.export.heading')}</h2>
      <p className="pi-note">{t('insights.export.intro')}</p>
      <div className="pi-export__controls">
        <div className="field form-field">
          <label htmlFor={`${id}-lang`}>{t('insights.export.language')}</label>
          <select
            id={`${id}-lang`}
            value={fileLang}
            onChange={(event) => setFileLang(event.target.value as Language)}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'th' ? 'ไทย' : 'English'}
              </option>
            ))}
          </select>
        </div>
        <div className="pi-export__buttons">
          {EXPORT_FORMATS.map((format) => (
            <button
              key={format}
              type="button"
              className="button button--secondary"
              disabled={busy !== null}
              aria-busy={busy === format}
              onClick={() => void start(format)}
              data-testid={`pi-export-${format}`}
            >
              {t(`insights.export.${format}`)}
            </button>
          ))}
        </div>
      </div>
      {error ? <ErrorState error={error} /> : null}
      {started.length > 0 ? (
        <ul className="pi-export__jobs">
          {started.map((s) => (
            <li key={s.jobId}>
              <JobProgress
                jobId={s.jobId}
                label={`${s.format.toUpperCase()} · ${s.lang === 'th' ? 'ไทย' : 'English'}`}
              />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function GapTable({
  rows,
  nameOf,
  caption,
}: {
  rows: FundingGapRow[];
  nameOf: (key: string | null) => string;
  caption: string;
}) {
  const { t, lang } = useI18n();
  const c = (key: 'needs' | 'proposals' | 'requested' | 'awards' | 'awarded' | 'gap' | 'awardRate') =>
    t(`insights.columns.${key}`);
  return (
    <div className="pi-table-wrap">
      <table className="data-table data-table--stack">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{caption}</th>
            <th scope="col" className="numeric">
              {c('needs')}
            </th>
            <th scope="col" className="numeric">
              {c('proposals')}
            </th>
            <th scope="col" className="numeric">
              {c('requested')}
            </th>
            <th scope="col" className="numeric">
              {c('awards')}
            </th>
            <th scope="col" className="numeric">
              {c('awarded')}
            </th>
            <th scope="col" className="numeric">
              {c('gap')}
            </th>
            <th scope="col" className="numeric">
              {c('awardRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.key ?? 'none'}>
              <th scope="row">{nameOf(g.key)}</th>
              <td className="numeric" data-label={c('needs')}>
                {formatNumber(g.needs, lang)}
              </td>
              <td className="numeric" data-label={c('proposals')}>
                {formatNumber(g.proposals, lang)}
              </td>
              <td className="numeric" data-label={c('requested')}>
                {formatBaht(g.requestedSatang, lang)}
              </td>
              <td className="numeric" data-label={c('awards')}>
                {formatNumber(g.awards, lang)}
              </td>
              <td className="numeric" data-label={c('awarded')}>
                {formatBaht(g.awardedSatang, lang)}
              </td>
              <td className="numeric" data-label={c('gap')}>
                {formatBaht(g.gapSatang, lang)}
              </td>
              <td className="numeric" data-label={c('awardRate')}>
                {g.awardRate === null
                  ? '–'
                  : `${formatNumber(g.awardRate * 100, lang, { maximumFractionDigits: 1 })}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ReportView({ report }: { report: PolicyReport }) {
  const { t, lang } = useI18n();
  const names = useNames(report);
  // the charts plot baht (the tables show satang as baht)
  const bahtShort = useCallback(
    (baht: number) => formatNumber(baht, lang, { notation: 'compact', maximumFractionDigits: 1 }),
    [lang],
  );
  const count = useCallback(
    (value: number) => formatNumber(value, lang, { maximumFractionDigits: 0 }),
    [lang],
  );
  const r = report.results;

  const trendLabels = useMemo(() => report.trends.map((row) => names.year(row.fiscalYear)), [report, names]);
  const trendSeries = useMemo<BarSeries[]>(
    () => [
      {
        name: t('insights.columns.requested'),
        values: report.trends.map((row) => row.requestedSatang / 100),
      },
      { name: t('insights.columns.awarded'), values: report.trends.map((row) => row.awardedSatang / 100) },
      { name: t('insights.columns.paid'), values: report.trends.map((row) => row.paidSatang / 100) },
    ],
    [report, t],
  );
  const regionRows = report.fundingGaps.byRegion;
  const regionLabels = useMemo(() => regionRows.map((g) => names.region(g.key)), [regionRows, names]);
  const regionSeries = useMemo<BarSeries[]>(
    () => [
      { name: t('insights.columns.requested'), values: regionRows.map((g) => g.requestedSatang / 100) },
      { name: t('insights.columns.awarded'), values: regionRows.map((g) => g.awardedSatang / 100) },
    ],
    [regionRows, t],
  );
  const themeKeys = useMemo(() => {
    const keys = [...new Set(report.needs.cells.map((c) => c.theme))];
    const order = report.themes.map((th) => th.code);
    return keys.sort((a, b) => (a === null ? 99 : order.indexOf(a)) - (b === null ? 99 : order.indexOf(b)));
  }, [report]);
  const regionKeys = useMemo(() => {
    const keys = [...new Set(report.needs.cells.map((c) => c.region))];
    const order = report.regions.map((rg) => rg.code);
    return keys.sort((a, b) => (a === null ? 99 : order.indexOf(a)) - (b === null ? 99 : order.indexOf(b)));
  }, [report]);
  const needsOf = (theme: string | null, region: string | null) => {
    const found = report.needs.cells.find((c) => c.theme === theme && c.region === region);
    return found ? found.problemStatements + found.proposals + found.communityNeeds : 0;
  };
  const needLabels = useMemo(() => themeKeys.map((k) => names.theme(k)), [themeKeys, names]);
  const needSeries = useMemo<BarSeries[]>(() => {
    const sum = (theme: string | null, key: 'problemStatements' | 'proposals' | 'communityNeeds') =>
      report.needs.cells.filter((c) => c.theme === theme).reduce((s, c) => s + c[key], 0);
    return (['problemStatements', 'proposals', 'communityNeeds'] as const).map((key) => ({
      name: t(`insights.columns.${key}`),
      values: themeKeys.map((k) => sum(k, key)),
      stack: 'needs',
    }));
  }, [report, themeKeys, t]);

  return (
    <>
      <Section id="pi-results" title={t('insights.sections.results')} note={t('insights.notes.results')}>
        <dl className="pi-figures">
          {POLICY_RESULT_KEYS.map((key) => (
            <div key={key} className="pi-figure">
              <dt>{t(`insights.results.${key}`)}</dt>
              <dd>{formatNumber(r[key], lang)}</dd>
            </div>
          ))}
        </dl>
      </Section>

      <Section id="pi-trends" title={t('insights.sections.trends')} note={t('insights.notes.trends')}>
        {report.trends.length === 0 ? (
          <EmptyState>{t('insights.empty')}</EmptyState>
        ) : (
          <>
            <Chart
              labels={trendLabels}
              series={trendSeries}
              label={`${t('insights.charts.trends')}. ${t('insights.charts.tableBelow')}`}
              format={bahtShort}
            />
            <div className="pi-table-wrap">
              <table className="data-table data-table--stack">
                <caption className="visually-hidden">{t('insights.sections.trends')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.columns.fiscalYear')}</th>
                    <th scope="col" className="numeric">
                      {t('insights.columns.calls')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('insights.columns.proposals')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('insights.columns.awards')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('insights.columns.requested')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('insights.columns.awarded')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('insights.columns.paid')}
                    </th>
                    <th scope="col" className="numeric">
                      {t('insights.columns.projectsClosed')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {report.trends.map((row) => (
                    <tr key={row.fiscalYear}>
                      <th scope="row">{names.year(row.fiscalYear)}</th>
                      <td className="numeric" data-label={t('insights.columns.calls')}>
                        {count(row.calls)}
                      </td>
                      <td className="numeric" data-label={t('insights.columns.proposals')}>
                        {count(row.proposals)}
                      </td>
                      <td className="numeric" data-label={t('insights.columns.awards')}>
                        {count(row.awards)}
                      </td>
                      <td className="numeric" data-label={t('insights.columns.requested')}>
                        {formatBaht(row.requestedSatang, lang)}
                      </td>
                      <td className="numeric" data-label={t('insights.columns.awarded')}>
                        {formatBaht(row.awardedSatang, lang)}
                      </td>
                      <td className="numeric" data-label={t('insights.columns.paid')}>
                        {formatBaht(row.paidSatang, lang)}
                      </td>
                      <td className="numeric" data-label={t('insights.columns.projectsClosed')}>
                        {count(row.projectsClosed)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Section>

      <Section
        id="pi-funding"
        title={t('insights.sections.fundingRegion')}
        note={t('insights.notes.funding')}
      >
        {regionRows.length === 0 ? (
          <EmptyState>{t('insights.empty')}</EmptyState>
        ) : (
          <>
            <Chart
              labels={regionLabels}
              series={regionSeries}
              label={`${t('insights.charts.fundingRegion')}. ${t('insights.charts.tableBelow')}`}
              format={bahtShort}
              horizontal
            />
            <GapTable rows={regionRows} nameOf={names.region} caption={t('insights.columns.region')} />
          </>
        )}
        <h3 className="pi-subheading">{t('insights.sections.fundingTheme')}</h3>
        {report.fundingGaps.byTheme.length === 0 ? (
          <EmptyState>{t('insights.empty')}</EmptyState>
        ) : (
          <GapTable
            rows={report.fundingGaps.byTheme}
            nameOf={names.theme}
            caption={t('insights.columns.theme')}
          />
        )}
      </Section>

      <Section id="pi-needs" title={t('insights.sections.needs')} note={t('insights.notes.needs')}>
        {report.needs.cells.length === 0 ? (
          <EmptyState>{t('insights.empty')}</EmptyState>
        ) : (
          <>
            <Chart
              labels={needLabels}
              series={needSeries}
              label={`${t('insights.charts.needs')}. ${t('insights.charts.tableBelow')}`}
              format={count}
              horizontal
              integer
            />
            <div className="pi-table-wrap">
              <table className="data-table pi-matrix">
                <caption className="visually-hidden">{t('insights.sections.needs')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.columns.theme')}</th>
                    {regionKeys.map((region) => (
                      <th scope="col" key={region ?? 'none'} className="numeric">
                        {names.region(region)}
                      </th>
                    ))}
                    <th scope="col" className="numeric">
                      {t('insights.total')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {themeKeys.map((theme) => (
                    <tr key={theme ?? 'none'}>
                      <th scope="row">{names.theme(theme)}</th>
                      {regionKeys.map((region) => {
                        const value = needsOf(theme, region);
                        return (
                          <td key={region ?? 'none'} className={`numeric${value === 0 ? ' pi-zero' : ''}`}>
                            {count(value)}
                          </td>
                        );
                      })}
                      <td className="numeric">
                        <strong>
                          {count(regionKeys.reduce((s, region) => s + needsOf(theme, region), 0))}
                        </strong>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </Section>

      <Section id="pi-outcomes" title={t('insights.sections.outcomes')} note={t('insights.notes.outcomes')}>
        {r.outcomes.length === 0 ? (
          <EmptyState>{t('insights.empty')}</EmptyState>
        ) : (
          <div className="pi-table-wrap">
            <table className="data-table data-table--stack">
              <caption className="visually-hidden">{t('insights.sections.outcomes')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('insights.columns.indicator')}</th>
                  <th scope="col">{t('insights.columns.unit')}</th>
                  <th scope="col" className="numeric">
                    {t('insights.columns.projects')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('insights.columns.values')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('insights.columns.sum')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.outcomes.map((o) => (
                  <tr key={`${o.code}-${o.unitTh}-${o.aggregation}`}>
                    <th scope="row">
                      <span className="pi-code">{o.code}</span>{' '}
                      {lang === 'en' ? o.nameEn || o.nameTh : o.nameTh}
                    </th>
                    <td data-label={t('insights.columns.unit')}>
                      {lang === 'en' ? o.unitEn || o.unitTh : o.unitTh}
                    </td>
                    <td className="numeric" data-label={t('insights.columns.projects')}>
                      {count(o.projects)}
                    </td>
                    <td className="numeric" data-label={t('insights.columns.values')}>
                      {count(o.values)}
                    </td>
                    <td className="numeric" data-label={t('insights.columns.sum')}>
                      {o.total === null ? '–' : formatNumber(o.total, lang)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Section>
    </>
  );
}

function InsightsScreen() {
  const { t, lang } = useI18n();
  usePageTitle(t('insights.title'));
  const [params] = useSearchParams();
  const theme = params.get('theme');
  const programme = params.get('programme');
  const filters: PolicyReportFilters = useMemo(() => {
    const from = yearParam(params.get('fiscalYearFrom'));
    const to = yearParam(params.get('fiscalYearTo'));
    return {
      fiscalYearFrom: from,
      // a range given backwards is read as its first year only (the server would refuse it)
      fiscalYearTo: from !== undefined && to !== undefined && to < from ? undefined : to,
      programme: programme && UUID.test(programme) ? programme : undefined,
      theme: isTheme(theme) ? theme : undefined,
    };
  }, [params, programme, theme]);
  const report = usePolicyReport(filters);
  const data = report.status === 'success' ? report.data : null;
  const unit = data?.scope.drivingUnit;
  return (
    <>
      <PageHeader
        title={t('insights.title')}
        intro={
          <>
            <p>{t('insights.intro')}</p>
            {data ? (
              <p className="pi-scope" data-testid="pi-scope">
                {unit
                  ? t('insights.scopeUnit', {
                      unit: lang === 'en' ? unit.nameEn || unit.nameTh : unit.nameTh,
                      count: data.scope.provinceCount ?? 0,
                    })
                  : t('insights.scopeAll')}{' '}
                · {t('insights.generatedAt', { date: formatDate(data.generatedAt, lang, 'dateTime') })}
              </p>
            ) : null}
          </>
        }
      />
      <div className="container page-body pi-page">
        <Filters report={data} filters={filters} />
        {data ? <ExportPanel filters={filters} /> : null}
        {report.status === 'error' ? (
          report.error.code === 'FORBIDDEN' ? (
            <div className="state state--error" role="alert" data-testid="pi-forbidden">
              <p>{t('insights.errors.FORBIDDEN')}</p>
            </div>
          ) : (
            <ErrorState error={report.error} onRetry={report.reload} />
          )
        ) : !data ? (
          <LoadingState />
        ) : (
          <ReportView report={data} />
        )}
      </div>
    </>
  );
}

/** Policy insight reports with exports run as jobs. */
export default function InsightsPage() {
  return (
    <RequireAuth>
      <InsightsScreen />
    </RequireAuth>
  );
}
