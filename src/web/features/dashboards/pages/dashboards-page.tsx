import { useCallback, useId, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type {
  DashboardOptions,
  Disbursement,
  Outcomes,
  Pipeline,
  SrlProgression,
  UnitTargets,
} from '@shared/contracts/dashboards';
import type { UnitMeasure } from '@shared/contracts/driving-units';
import { FilterSelect } from '@web/components/ui/filter-select';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { formatMeasure, percentOf as percentOfTarget } from '@web/features/units/labels';
import type { ApiResult } from '@web/lib/use-api';
import { formatBaht, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import {
  useDashboardOptions,
  useDisbursement,
  useOutcomes,
  usePipeline,
  useSrlProgression,
  useUnitTargets,
  type DashboardFilters,
} from '../api';
import { ChartBlock } from '../components/chart-block';
import { colourAt, type ChartProps } from '../components/chart-types';
import { fiscalYearText, millionsOfBaht, percentOf, ratioText } from '../labels';
import '@web/components/ui/form.css';
import '../dashboards.css';

/** A dashboard section: heading, intro and its body once loaded (errors and loading in between). */
function Section<T>({
  id,
  title,
  intro,
  result,
  children,
}: {
  id: string;
  title: string;
  intro?: ReactNode;
  result: ApiResult<T>;
  children: (data: T) => ReactNode;
}) {
  return (
    <section className="db-section" aria-labelledby={`${id}-heading`} data-testid={id}>
      <h2 id={`${id}-heading`}>{title}</h2>
      {intro ? <div className="db-muted">{intro}</div> : null}
      {result.status === 'success' ? (
        children(result.data)
      ) : result.status === 'error' ? (
        <ErrorState error={result.error} onRetry={result.reload} />
      ) : (
        <LoadingState />
      )}
    </section>
  );
}

function PipelineView({ data }: { data: Pipeline }) {
  const { t, lang } = useI18n();
  const chart = useMemo<ChartProps>(
    () => ({
      label: t('dashboards.pipeline.chartLabel'),
      categories: data.stages.map((s) => t(`dashboards.pipeline.stages.${s.stage}`)),
      series: [
        { name: t('dashboards.pipeline.count'), values: data.stages.map((s) => s.count), color: colourAt(1) },
      ],
      horizontal: true,
      height: '16rem',
    }),
    [data, t],
  );
  return (
    <>
      <ChartBlock chart={chart}>
        <table className="data-table data-table--stack" data-testid="db-pipeline-table">
          <caption className="visually-hidden">{t('dashboards.pipeline.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboards.pipeline.stage')}</th>
              <th scope="col" className="numeric">
                {t('dashboards.pipeline.count')}
              </th>
              <th scope="col">{t('dashboards.pipeline.detailColumn')}</th>
              <th scope="col" className="numeric">
                {t('dashboards.pipeline.conversion')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.stages.map((s, i) => {
              const before = i > 0 ? data.stages[i - 1] : undefined;
              // calls → proposals is not a conversion: many proposals answer one call
              const share = before && s.stage !== 'proposals' ? percentOf(s.count, before.count) : null;
              return (
                <tr key={s.stage}>
                  <th scope="row" data-label={t('dashboards.pipeline.stage')}>
                    {t(`dashboards.pipeline.stages.${s.stage}`)}
                  </th>
                  <td className="numeric" data-label={t('dashboards.pipeline.count')}>
                    {formatNumber(s.count, lang)}
                  </td>
                  <td data-label={t('dashboards.pipeline.detailColumn')}>
                    {t(`dashboards.pipeline.details.${s.stage}`, { count: formatNumber(s.detail, lang) })}
                  </td>
                  <td className="numeric" data-label={t('dashboards.pipeline.conversion')}>
                    {share === null ? '–' : `${formatNumber(share, lang)}%`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ChartBlock>
      <p className="db-note">
        {t('dashboards.pipeline.money', {
          requested: formatBaht(data.requestedSatang, lang),
          awarded: formatBaht(data.awardedSatang, lang),
        })}
      </p>
      <p className="db-note">{t('dashboards.pipeline.note')}</p>
    </>
  );
}

function DisbursementView({ data }: { data: Disbursement }) {
  const { t, lang } = useI18n();
  const chart = useMemo<ChartProps | null>(
    () =>
      data.years.length === 0
        ? null
        : {
            label: t('dashboards.disbursement.chartLabel'),
            categories: data.years.map((y) => fiscalYearText(y.fiscalYear, lang)),
            series: [
              {
                name: t('dashboards.disbursement.paid'),
                values: data.years.map((y) => y.paidSatang),
                color: colourAt(3),
                stack: 'money',
              },
              {
                name: t('dashboards.disbursement.withheld'),
                values: data.years.map((y) => y.withheldSatang),
                color: colourAt(5),
                stack: 'money',
              },
              {
                name: t('dashboards.disbursement.waiting'),
                values: data.years.map((y) => y.waitingSatang),
                color: colourAt(2),
                stack: 'money',
              },
            ],
            format: (value: number) => millionsOfBaht(value, lang),
            valueName: t('dashboards.millionBaht'),
          },
    [data, t, lang],
  );
  if (data.years.length === 0) {
    return <EmptyState>{t('dashboards.disbursement.empty')}</EmptyState>;
  }
  const columns = ['awarded', 'paid', 'withheld', 'ready', 'waiting'] as const;
  const money = (row: Disbursement['totals'], c: (typeof columns)[number]) =>
    formatBaht(row[`${c}Satang`], lang);
  return (
    <>
      <ChartBlock chart={chart}>
        <table className="data-table data-table--stack" data-testid="db-disbursement-table">
          <caption className="visually-hidden">{t('dashboards.disbursement.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboards.disbursement.fiscalYear')}</th>
              <th scope="col" className="numeric">
                {t('dashboards.disbursement.projects')}
              </th>
              {columns.map((c) => (
                <th key={c} scope="col" className="numeric">
                  {t(`dashboards.disbursement.${c}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {[
              ...data.years.map((y) => ({
                key: String(y.fiscalYear),
                name: fiscalYearText(y.fiscalYear, lang),
                row: y,
              })),
              { key: 'total', name: t('dashboards.total'), row: data.totals },
            ].map(({ key, name, row }) => (
              <tr key={key} className={key === 'total' ? 'db-total' : undefined}>
                <th scope="row" data-label={t('dashboards.disbursement.fiscalYear')}>
                  {name}
                </th>
                <td className="numeric" data-label={t('dashboards.disbursement.projects')}>
                  {formatNumber(row.projectCount, lang)}
                </td>
                {columns.map((c) => (
                  <td key={c} className="numeric" data-label={t(`dashboards.disbursement.${c}`)}>
                    {money(row, c)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ChartBlock>
      <p className="db-note">{t('dashboards.disbursement.note')}</p>
    </>
  );
}

function OutcomesView({ data }: { data: Outcomes }) {
  const { t, lang } = useI18n();
  const themeName = useCallback(
    (g: Outcomes['byTheme'][number]) =>
      g.key === null ? t('dashboards.outcomes.noTheme') : localName(g, lang) || g.key,
    [t, lang],
  );
  const sdgName = (s: Outcomes['bySdg'][number]) =>
    t('dashboards.outcomes.sdgName', { number: s.sdg, name: localName(s, lang) });
  const themeChart = useMemo<ChartProps | null>(
    () =>
      data.byTheme.length === 0
        ? null
        : {
            label: t('dashboards.outcomes.chartTheme'),
            categories: data.byTheme.map(themeName),
            horizontal: true,
            height: `${Math.max(12, data.byTheme.length * 3.5 + 5)}rem`,
            series: [
              {
                name: t('dashboards.outcomes.projects'),
                values: data.byTheme.map((g) => g.projectCount),
                color: colourAt(0),
              },
              {
                name: t('dashboards.outcomes.verified'),
                values: data.byTheme.map((g) => g.verifiedCount),
                color: colourAt(3),
              },
            ],
          },
    [data, t, themeName],
  );
  const sdgChart = useMemo<ChartProps | null>(
    () =>
      data.bySdg.length === 0
        ? null
        : {
            label: t('dashboards.outcomes.chartSdg'),
            categories: data.bySdg.map((s) => `SDG ${s.sdg}`),
            series: [
              {
                name: t('dashboards.outcomes.projects'),
                values: data.bySdg.map((s) => s.projectCount),
                color: colourAt(0),
              },
              {
                name: t('dashboards.outcomes.verified'),
                values: data.bySdg.map((s) => s.verifiedCount),
                color: colourAt(3),
              },
            ],
          },
    [data, t],
  );
  if (data.totals.projectCount === 0) {
    return <EmptyState>{t('dashboards.outcomes.empty')}</EmptyState>;
  }
  const sroi = (ratio: number | null) =>
    ratio === null ? t('dashboards.outcomes.noSroi') : ratioText(ratio, lang);
  return (
    <>
      <h3>{t('dashboards.outcomes.byTheme')}</h3>
      <ChartBlock chart={themeChart}>
        <table className="data-table data-table--stack" data-testid="db-outcomes-theme-table">
          <caption className="visually-hidden">{t('dashboards.outcomes.byTheme')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboards.outcomes.theme')}</th>
              <th scope="col" className="numeric">
                {t('dashboards.outcomes.projects')}
              </th>
              <th scope="col" className="numeric">
                {t('dashboards.outcomes.withIndicators')}
              </th>
              <th scope="col" className="numeric">
                {t('dashboards.outcomes.verified')}
              </th>
              <th scope="col" className="numeric">
                {t('dashboards.outcomes.sroiCount')}
              </th>
              <th scope="col" className="numeric">
                {t('dashboards.outcomes.sroiRatio')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[
              ...data.byTheme.map((g) => ({ key: g.key ?? '-', name: themeName(g), row: g })),
              { key: 'total', name: t('dashboards.total'), row: data.totals },
            ].map(({ key, name, row }) => (
              <tr key={key} className={key === 'total' ? 'db-total' : undefined}>
                <th scope="row" data-label={t('dashboards.outcomes.theme')}>
                  {name}
                </th>
                <td className="numeric" data-label={t('dashboards.outcomes.projects')}>
                  {formatNumber(row.projectCount, lang)}
                </td>
                <td className="numeric" data-label={t('dashboards.outcomes.withIndicators')}>
                  {formatNumber(row.projectsWithIndicators, lang)}
                </td>
                <td className="numeric" data-label={t('dashboards.outcomes.verified')}>
                  {t('dashboards.outcomes.verifiedOf', {
                    verified: formatNumber(row.verifiedCount, lang),
                    total: formatNumber(row.valueCount, lang),
                  })}
                </td>
                <td className="numeric" data-label={t('dashboards.outcomes.sroiCount')}>
                  {formatNumber(row.sroiCount, lang)}
                </td>
                <td className="numeric" data-label={t('dashboards.outcomes.sroiRatio')}>
                  {sroi(row.sroiRatio)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartBlock>
      <h3>{t('dashboards.outcomes.bySdg')}</h3>
      {data.bySdg.length === 0 ? (
        <EmptyState>{t('dashboards.outcomes.emptySdg')}</EmptyState>
      ) : (
        <ChartBlock chart={sdgChart}>
          <table className="data-table data-table--stack" data-testid="db-outcomes-sdg-table">
            <caption className="visually-hidden">{t('dashboards.outcomes.bySdg')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboards.outcomes.sdg')}</th>
                <th scope="col" className="numeric">
                  {t('dashboards.outcomes.projects')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboards.outcomes.verified')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboards.outcomes.sroiCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.bySdg.map((s) => (
                <tr key={s.sdg}>
                  <th scope="row" data-label={t('dashboards.outcomes.sdg')}>
                    {sdgName(s)}
                  </th>
                  <td className="numeric" data-label={t('dashboards.outcomes.projects')}>
                    {formatNumber(s.projectCount, lang)}
                  </td>
                  <td className="numeric" data-label={t('dashboards.outcomes.verified')}>
                    {formatNumber(s.verifiedCount, lang)}
                  </td>
                  <td className="numeric" data-label={t('dashboards.outcomes.sroiCount')}>
                    {formatNumber(s.sroiCount, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartBlock>
      )}
      <p className="db-note">{t('dashboards.outcomes.severalNote')}</p>
      <p className="db-note">{t('dashboards.outcomes.sdgNote')}</p>
    </>
  );
}

function SrlView({ data }: { data: SrlProgression }) {
  const { t, lang } = useI18n();
  const chart = useMemo<ChartProps>(
    () => ({
      label: t('dashboards.srl.chartLabel'),
      categories: data.levels.map((l) => t('dashboards.srl.levelName', { level: l.srl })),
      series: [
        { name: t('dashboards.srl.atStart'), values: data.levels.map((l) => l.atStart), color: colourAt(5) },
        { name: t('dashboards.srl.now'), values: data.levels.map((l) => l.now), color: colourAt(1) },
      ],
    }),
    [data, t],
  );
  return (
    <>
      <p className="db-summary" data-testid="db-srl-summary">
        {t('dashboards.srl.summary', {
          assessed: formatNumber(data.assessedCount, lang),
          total: formatNumber(data.projectCount, lang),
          raised: formatNumber(data.raisedCount, lang),
          same: formatNumber(data.sameCount, lang),
          lowered: formatNumber(data.loweredCount, lang),
        })}
        {data.meanGain === null
          ? null
          : ` · ${t('dashboards.srl.meanGain', { gain: formatNumber(data.meanGain, lang, { maximumFractionDigits: 2 }) })}`}
      </p>
      <ChartBlock chart={chart}>
        <table className="data-table data-table--stack" data-testid="db-srl-table">
          <caption className="visually-hidden">{t('dashboards.srl.heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboards.srl.level')}</th>
              <th scope="col" className="numeric">
                {t('dashboards.srl.atStart')}
              </th>
              <th scope="col" className="numeric">
                {t('dashboards.srl.now')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.levels.map((l) => (
              <tr key={l.srl}>
                <th scope="row" data-label={t('dashboards.srl.level')}>
                  {t('dashboards.srl.levelName', { level: l.srl })}
                </th>
                <td className="numeric" data-label={t('dashboards.srl.atStart')}>
                  {formatNumber(l.atStart, lang)}
                </td>
                <td className="numeric" data-label={t('dashboards.srl.now')}>
                  {formatNumber(l.now, lang)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartBlock>
      <div className="db-columns">
        <div className="db-table-wrap">
          {data.moves.length === 0 ? (
            <EmptyState>{t('dashboards.srl.empty')}</EmptyState>
          ) : (
            <table className="data-table" data-testid="db-srl-moves">
              <caption>{t('dashboards.srl.moves')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboards.srl.from')}</th>
                  <th scope="col">{t('dashboards.srl.to')}</th>
                  <th scope="col" className="numeric">
                    {t('dashboards.srl.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.moves.map((m) => (
                  <tr key={`${m.from}-${m.to}`}>
                    <td>{t('dashboards.srl.levelName', { level: m.from })}</td>
                    <td>{t('dashboards.srl.levelName', { level: m.to })}</td>
                    <td className="numeric">{formatNumber(m.count, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        {data.assessmentsByYear.length > 0 ? (
          <div className="db-table-wrap">
            <table className="data-table" data-testid="db-srl-years">
              <caption>{t('dashboards.srl.byYear')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboards.filters.fiscalYear')}</th>
                  <th scope="col" className="numeric">
                    {t('dashboards.srl.assessments')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('dashboards.srl.meanSrl')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.assessmentsByYear.map((y) => (
                  <tr key={y.fiscalYear}>
                    <th scope="row">{fiscalYearText(y.fiscalYear, lang)}</th>
                    <td className="numeric">{formatNumber(y.count, lang)}</td>
                    <td className="numeric">{formatNumber(y.meanSrl, lang, { maximumFractionDigits: 2 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </div>
    </>
  );
}

function TargetsView({ data }: { data: UnitTargets }) {
  const { t, lang } = useI18n();
  const hours = t('dashboards.targets.hours');
  const chart = useMemo<ChartProps>(
    () => ({
      label: t('dashboards.targets.chartLabel'),
      categories: data.totals.map((m) => t(`units.measure.${m.measure}`)),
      series: [
        {
          name: t('dashboards.targets.percent'),
          values: data.totals.map((m) => percentOfTarget(m.actual, m.target)),
          color: colourAt(3),
        },
      ],
      horizontal: true,
      format: (value: number) => `${formatNumber(value, lang)}%`,
      height: '18rem',
    }),
    [data, t, lang],
  );
  if (data.units.length === 0) {
    return <EmptyState>{t('dashboards.targets.empty')}</EmptyState>;
  }
  const cell = (measure: UnitMeasure, target: number | null, actual: number) => {
    const share = percentOfTarget(actual, target);
    return (
      <>
        {formatMeasure(measure, actual, lang, hours)}
        <span className="db-sub">
          {target === null
            ? t('dashboards.targets.noTarget')
            : `${t('dashboards.targets.target')} ${formatMeasure(measure, target, lang, hours)}${share === null ? '' : ` · ${formatNumber(share, lang)}%`}`}
        </span>
      </>
    );
  };
  return (
    <ChartBlock chart={chart} scrollLabel={t('dashboards.targets.heading')}>
      <table className="data-table data-table--stack db-targets" data-testid="db-targets-table">
        <caption className="visually-hidden">{t('dashboards.targets.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('dashboards.targets.unit')}</th>
            {data.totals.map((m) => (
              <th key={m.measure} scope="col" className="numeric">
                {t(`units.measure.${m.measure}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[
            ...data.units.map((u) => ({ key: u.id, name: localName(u, lang), measures: u.measures })),
            ...(data.units.length > 1
              ? [{ key: 'total', name: t('dashboards.total'), measures: data.totals }]
              : []),
          ].map((row) => (
            <tr key={row.key} className={row.key === 'total' ? 'db-total' : undefined}>
              <th scope="row" data-label={t('dashboards.targets.unit')}>
                {row.name}
              </th>
              {row.measures.map((m) => (
                <td key={m.measure} className="numeric" data-label={t(`units.measure.${m.measure}`)}>
                  {cell(m.measure, m.target, m.actual)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartBlock>
  );
}

function Filters({
  options,
  filters,
  onChange,
}: {
  options: DashboardOptions;
  filters: DashboardFilters;
  onChange: (key: keyof DashboardFilters, value: string) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const years = options.fiscalYears.includes(filters.fiscalYear ?? 0)
    ? options.fiscalYears
    : [...options.fiscalYears, ...(filters.fiscalYear ? [filters.fiscalYear] : [])];
  return (
    <form
      className="db-filters"
      aria-label={t('dashboards.filters.label')}
      onSubmit={(event) => event.preventDefault()}
    >
      <FilterSelect
        id={`${id}-year`}
        label={t('dashboards.filters.fiscalYear')}
        value={filters.fiscalYear ? String(filters.fiscalYear) : ''}
        allLabel={t('dashboards.filters.all')}
        options={years.map((year) => ({ value: String(year), label: fiscalYearText(year, lang) }))}
        onChange={(value) => onChange('fiscalYear', value)}
        testId="db-year"
      />
      <FilterSelect
        id={`${id}-programme`}
        label={t('dashboards.filters.programme')}
        value={filters.programmeId ?? ''}
        allLabel={t('dashboards.filters.all')}
        options={options.programmes.map((p) => ({ value: p.id, label: localName(p, lang) }))}
        onChange={(value) => onChange('programmeId', value)}
        testId="db-programme"
      />
      {options.scope.isUnitScope ? null : (
        <FilterSelect
          id={`${id}-unit`}
          label={t('dashboards.filters.drivingUnit')}
          value={filters.drivingUnitId ?? ''}
          allLabel={t('dashboards.filters.all')}
          options={options.drivingUnits.map((u) => ({ value: u.id, label: localName(u, lang) }))}
          onChange={(value) => onChange('drivingUnitId', value)}
          testId="db-unit"
        />
      )}
    </form>
  );
}

function Sections({ filters }: { filters: DashboardFilters }) {
  const { t, lang } = useI18n();
  const pipeline = usePipeline(filters);
  const disbursement = useDisbursement(filters);
  const outcomes = useOutcomes(filters);
  const srl = useSrlProgression(filters);
  const targets = useUnitTargets(filters);
  const targetYear = targets.status === 'success' ? fiscalYearText(targets.data.fiscalYear, lang) : '';
  return (
    <>
      <Section
        id="db-pipeline"
        title={t('dashboards.pipeline.heading')}
        intro={<p>{t('dashboards.pipeline.intro')}</p>}
        result={pipeline}
      >
        {(data) => <PipelineView data={data} />}
      </Section>
      <Section
        id="db-disbursement"
        title={t('dashboards.disbursement.heading')}
        intro={<p>{t('dashboards.disbursement.intro')}</p>}
        result={disbursement}
      >
        {(data) => <DisbursementView data={data} />}
      </Section>
      <Section
        id="db-outcomes"
        title={t('dashboards.outcomes.heading')}
        intro={<p>{t('dashboards.outcomes.intro')}</p>}
        result={outcomes}
      >
        {(data) => <OutcomesView data={data} />}
      </Section>
      <Section
        id="db-srl"
        title={t('dashboards.srl.heading')}
        intro={<p>{t('dashboards.srl.intro')}</p>}
        result={srl}
      >
        {(data) => <SrlView data={data} />}
      </Section>
      <Section
        id="db-targets"
        title={t('dashboards.targets.heading')}
        intro={targetYear ? <p>{t('dashboards.targets.intro', { year: targetYear })}</p> : null}
        result={targets}
      >
        {(data) => <TargetsView data={data} />}
      </Section>
    </>
  );
}

function DashboardsScreen() {
  const { t } = useI18n();
  usePageTitle(t('dashboards.title'));
  const [params, setParams] = useSearchParams();
  const filters: DashboardFilters = {
    fiscalYear: Number(params.get('fiscalYear')) || undefined,
    programmeId: params.get('programmeId') || undefined,
    drivingUnitId: params.get('drivingUnitId') || undefined,
  };
  const options = useDashboardOptions(filters);
  const change = (key: keyof DashboardFilters, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const key = `${filters.fiscalYear ?? ''}|${filters.programmeId ?? ''}|${filters.drivingUnitId ?? ''}`;
  return (
    <>
      <PageHeader title={t('dashboards.title')} intro={<p>{t('dashboards.intro')}</p>} />
      <div className="container page-body db-page">
        {options.status === 'error' ? (
          options.error.status === 403 ? (
            <EmptyState>
              <span data-testid="db-forbidden">{t('errors.dashboards.FORBIDDEN')}</span>
            </EmptyState>
          ) : (
            <ErrorState error={options.error} onRetry={options.reload} />
          )
        ) : options.status === 'success' ? (
          <>
            <Filters options={options.data} filters={filters} onChange={change} />
            {options.data.scope.isUnitScope ? (
              <p className="db-scope" data-testid="db-unit-scope">
                {t('dashboards.unitScope')}
              </p>
            ) : filters.drivingUnitId ? (
              <p className="db-scope">{t('dashboards.officerUnitScope')}</p>
            ) : null}
            <Sections key={key} filters={filters} />
          </>
        ) : (
          <LoadingState />
        )}
      </div>
    </>
  );
}

/** `/dashboards`: the pipeline, disbursement, outcomes, SRL progression and unit targets (officers; unit staff). */
export default function DashboardsPage() {
  return (
    <RequireAuth>
      <DashboardsScreen />
    </RequireAuth>
  );
}
