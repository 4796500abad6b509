import { useId, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { PublicImpact } from '@shared/contracts/dashboards';
import { ADOPTION_STATUSES, type AdoptionStatus } from '@shared/contracts/diffusion';
import { FilterSelect } from '@web/components/ui/filter-select';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { formatBaht, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { useMetaDescription, usePageTitle } from '@web/lib/page-title';
import { usePublicImpact } from '../api';
import { ChartBlock } from '../components/chart-block';
import { colourAt, type ChartProps } from '../components/chart-types';
import { fiscalYearText, millionsOfBaht, ratioText } from '../labels';
import '@web/components/ui/form.css';
import '../dashboards.css';

const TOTAL_KEYS = [
  'fundedSatang',
  'projects',
  'closedProjects',
  'innovations',
  'adoptions',
  'adoptedSites',
  'provincesReached',
] as const;

const isAdoptionStatus = (value: string): value is AdoptionStatus =>
  (ADOPTION_STATUSES as readonly string[]).includes(value);

function KeyFigures({ data }: { data: PublicImpact }) {
  const { t, lang } = useI18n();
  return (
    <section className="db-section" aria-labelledby="pi-totals-heading">
      <h2 id="pi-totals-heading" className="visually-hidden">
        {t('dashboards.impact.totals.label')}
      </h2>
      <dl className="db-figures" data-testid="pi-figures">
        {TOTAL_KEYS.map((key) => (
          <div key={key} className="db-figure">
            <dt>{t(`dashboards.impact.totals.${key}`)}</dt>
            <dd>
              {key === 'fundedSatang'
                ? formatBaht(Math.round(data.totals.fundedSatang / 100) * 100, lang)
                : formatNumber(data.totals[key], lang)}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Funding({ data }: { data: PublicImpact }) {
  const { t, lang } = useI18n();
  const themeKeys = useMemo(() => {
    const used = new Set(data.fundingByYear.flatMap((y) => y.byTheme.map((b) => b.theme)));
    const keys: Array<string | null> = data.themes.map((th) => th.code).filter((code) => used.has(code));
    return used.has(null) ? [...keys, null] : keys;
  }, [data]);
  const themeName = useMemo(() => {
    const names = new Map(data.themes.map((th) => [th.code, localName(th, lang)]));
    return (code: string | null) =>
      code === null ? t('dashboards.impact.funding.noTheme') : (names.get(code) ?? code);
  }, [data, lang, t]);
  const amount = (year: PublicImpact['fundingByYear'][number], theme: string | null) =>
    year.byTheme.find((b) => b.theme === theme)?.fundedSatang ?? 0;
  const chart = useMemo<ChartProps | null>(
    () =>
      data.fundingByYear.length === 0
        ? null
        : {
            label: t('dashboards.impact.funding.chartLabel'),
            categories: data.fundingByYear.map((y) => fiscalYearText(y.fiscalYear, lang)),
            series: themeKeys.map((theme, i) => ({
              name: themeName(theme),
              values: data.fundingByYear.map((y) => amount(y, theme)),
              color: colourAt(i),
              stack: 'funding',
            })),
            format: (value: number) => millionsOfBaht(value, lang),
            valueName: t('dashboards.millionBaht'),
            height: '22rem',
          },
    [data, lang, t, themeKeys, themeName],
  );
  return (
    <section className="db-section" aria-labelledby="pi-funding-heading" data-testid="pi-funding">
      <h2 id="pi-funding-heading">{t('dashboards.impact.funding.heading')}</h2>
      {data.fundingByYear.length === 0 ? (
        <EmptyState>{t('dashboards.impact.funding.empty')}</EmptyState>
      ) : (
        <ChartBlock chart={chart} scrollLabel={t('dashboards.impact.funding.heading')}>
          <table className="data-table" data-testid="pi-funding-table">
            <caption className="visually-hidden">{t('dashboards.impact.funding.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboards.impact.funding.theme')}</th>
                {data.fundingByYear.map((y) => (
                  <th key={y.fiscalYear} scope="col" className="numeric">
                    {fiscalYearText(y.fiscalYear, lang)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {themeKeys.map((theme) => (
                <tr key={theme ?? '-'}>
                  <th scope="row">{themeName(theme)}</th>
                  {data.fundingByYear.map((y) => (
                    <td key={y.fiscalYear} className="numeric">
                      {formatBaht(amount(y, theme), lang)}
                    </td>
                  ))}
                </tr>
              ))}
              <tr className="db-total">
                <th scope="row">{t('dashboards.total')}</th>
                {data.fundingByYear.map((y) => (
                  <td key={y.fiscalYear} className="numeric">
                    {formatBaht(y.fundedSatang, lang)}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{t('dashboards.impact.funding.projects')}</th>
                {data.fundingByYear.map((y) => (
                  <td key={y.fiscalYear} className="numeric">
                    {formatNumber(y.projects, lang)}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </ChartBlock>
      )}
      <p className="db-note">{t('dashboards.impact.funding.note')}</p>
    </section>
  );
}

function InnovationsBySrl({ data }: { data: PublicImpact }) {
  const { t, lang } = useI18n();
  const label = (srl: number | null) =>
    srl === null ? t('dashboards.impact.srl.notAssessed') : t('dashboards.srl.levelName', { level: srl });
  const chart = useMemo<ChartProps | null>(
    () =>
      data.innovationsBySrl.length === 0
        ? null
        : {
            label: t('dashboards.impact.srl.chartLabel'),
            categories: data.innovationsBySrl.map((r) =>
              r.srl === null
                ? t('dashboards.impact.srl.notAssessed')
                : t('dashboards.srl.levelName', { level: r.srl }),
            ),
            series: [
              {
                name: t('dashboards.impact.srl.count'),
                values: data.innovationsBySrl.map((r) => r.count),
                color: colourAt(1),
              },
            ],
            height: '16rem',
          },
    [data, t],
  );
  return (
    <section className="db-section" aria-labelledby="pi-srl-heading" data-testid="pi-srl">
      <h2 id="pi-srl-heading">{t('dashboards.impact.srl.heading')}</h2>
      {data.innovationsBySrl.length === 0 ? (
        <EmptyState>{t('dashboards.impact.srl.empty')}</EmptyState>
      ) : (
        <ChartBlock chart={chart}>
          <table className="data-table">
            <caption className="visually-hidden">{t('dashboards.impact.srl.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboards.srl.level')}</th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.srl.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.innovationsBySrl.map((r) => (
                <tr key={r.srl ?? '-'}>
                  <th scope="row">{label(r.srl)}</th>
                  <td className="numeric">{formatNumber(r.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartBlock>
      )}
    </section>
  );
}

function Adoptions({ data }: { data: PublicImpact }) {
  const { t, lang } = useI18n();
  const rows = ADOPTION_STATUSES.map((status) => ({
    status,
    count: data.adoptionsByStatus.find((r) => r.status === status)?.count ?? 0,
  }));
  const other = data.adoptionsByStatus.filter((r) => !isAdoptionStatus(r.status));
  return (
    <section className="db-section" aria-labelledby="pi-adoptions-heading" data-testid="pi-adoptions">
      <h2 id="pi-adoptions-heading">{t('dashboards.impact.adoptions.heading')}</h2>
      {data.totals.adoptions === 0 ? (
        <EmptyState>{t('dashboards.impact.adoptions.empty')}</EmptyState>
      ) : (
        <div className="db-table-wrap db-narrow">
          <table className="data-table">
            <caption className="visually-hidden">{t('dashboards.impact.adoptions.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboards.impact.adoptions.status')}</th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.adoptions.count')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.status}>
                  <th scope="row">{t(`diffusion.status.${r.status}`)}</th>
                  <td className="numeric">{formatNumber(r.count, lang)}</td>
                </tr>
              ))}
              {other.map((r) => (
                <tr key={r.status}>
                  <th scope="row">{r.status}</th>
                  <td className="numeric">{formatNumber(r.count, lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="db-note">{t('dashboards.impact.adoptions.note')}</p>
    </section>
  );
}

function Outcomes({ data }: { data: PublicImpact }) {
  const { t, lang } = useI18n();
  return (
    <section className="db-section" aria-labelledby="pi-outcomes-heading" data-testid="pi-outcomes">
      <h2 id="pi-outcomes-heading">{t('dashboards.impact.outcomes.heading')}</h2>
      {data.outcomes.length === 0 ? (
        <EmptyState>{t('dashboards.impact.outcomes.empty')}</EmptyState>
      ) : (
        <div className="db-table-wrap">
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">{t('dashboards.impact.outcomes.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboards.impact.outcomes.indicator')}</th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.outcomes.value')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.outcomes.projects')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.outcomes.map((o) => (
                <tr key={`${o.code}|${o.unitTh}|${o.unitEn}|${o.aggregation}`}>
                  <th scope="row" data-label={t('dashboards.impact.outcomes.indicator')}>
                    {localName(o, lang)}
                  </th>
                  <td className="numeric" data-label={t('dashboards.impact.outcomes.value')}>
                    {formatNumber(o.value, lang, { maximumFractionDigits: 2 })}{' '}
                    {lang === 'en' ? o.unitEn || o.unitTh : o.unitTh}
                  </td>
                  <td className="numeric" data-label={t('dashboards.impact.outcomes.projects')}>
                    {formatNumber(o.projectCount, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="db-note">{t('dashboards.impact.outcomes.note')}</p>
    </section>
  );
}

function Sroi({ data }: { data: PublicImpact }) {
  const { t, lang } = useI18n();
  const withRatio = useMemo(() => data.sroiByProgramme.filter((g) => g.ratio !== null), [data]);
  const name = (g: PublicImpact['sroiByProgramme'][number]) =>
    g.programmeId === null ? t('dashboards.impact.sroi.noProgramme') : localName(g, lang);
  const chart = useMemo<ChartProps | null>(
    () =>
      withRatio.length === 0
        ? null
        : {
            label: t('dashboards.impact.sroi.chartLabel'),
            categories: withRatio.map((g) =>
              g.programmeId === null ? t('dashboards.impact.sroi.noProgramme') : localName(g, lang),
            ),
            series: [
              {
                name: t('dashboards.impact.sroi.ratio'),
                values: withRatio.map((g) => (g.ratio === null ? null : Number(g.ratio.toFixed(2)))),
                color: colourAt(2),
              },
            ],
            horizontal: true,
            format: (value: number) => formatNumber(value, lang, { maximumFractionDigits: 2 }),
            height: `${Math.max(10, withRatio.length * 3 + 4)}rem`,
          },
    [withRatio, lang, t],
  );
  const whole = (satang: number) => formatBaht(Math.round(satang / 100) * 100, lang);
  return (
    <section className="db-section" aria-labelledby="pi-sroi-heading" data-testid="pi-sroi">
      <h2 id="pi-sroi-heading">{t('dashboards.impact.sroi.heading')}</h2>
      {withRatio.length === 0 ? (
        <EmptyState>{t('dashboards.impact.sroi.empty')}</EmptyState>
      ) : (
        <ChartBlock chart={chart}>
          <table className="data-table data-table--stack">
            <caption className="visually-hidden">{t('dashboards.impact.sroi.heading')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('dashboards.impact.sroi.programme')}</th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.sroi.projects')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.sroi.assessments')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.sroi.presentValue')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.sroi.investment')}
                </th>
                <th scope="col" className="numeric">
                  {t('dashboards.impact.sroi.ratio')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.sroiByProgramme.map((g) => (
                <tr key={g.programmeId ?? '-'}>
                  <th scope="row" data-label={t('dashboards.impact.sroi.programme')}>
                    {name(g)}
                  </th>
                  <td className="numeric" data-label={t('dashboards.impact.sroi.projects')}>
                    {formatNumber(g.projectCount, lang)}
                  </td>
                  <td className="numeric" data-label={t('dashboards.impact.sroi.assessments')}>
                    {formatNumber(g.assessmentCount, lang)}
                  </td>
                  <td className="numeric" data-label={t('dashboards.impact.sroi.presentValue')}>
                    {g.assessmentCount === 0 ? '–' : whole(g.presentValueSatang)}
                  </td>
                  <td className="numeric" data-label={t('dashboards.impact.sroi.investment')}>
                    {g.assessmentCount === 0 ? '–' : whole(g.investmentSatang)}
                  </td>
                  <td className="numeric" data-label={t('dashboards.impact.sroi.ratio')}>
                    {g.ratio === null ? '–' : ratioText(g.ratio, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ChartBlock>
      )}
      <p className="db-note">{t('dashboards.impact.sroi.note')}</p>
    </section>
  );
}

/** `/impact`: public impact figures, aggregated only (no personal data, no drafts), with charts and tables. */
export default function ImpactDashboardPage() {
  const { t, lang } = useI18n();
  const id = useId();
  usePageTitle(t('dashboards.impact.title'));
  useMetaDescription(t('dashboards.impact.metaDescription'));
  const [params, setParams] = useSearchParams();
  const fiscalYear = Number(params.get('fiscalYear')) || undefined;
  const impact = usePublicImpact(fiscalYear);
  const years = impact.status === 'success' ? impact.data.fiscalYears : fiscalYear ? [fiscalYear] : [];
  const changeYear = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set('fiscalYear', value);
    } else {
      next.delete('fiscalYear');
    }
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader title={t('dashboards.impact.title')} intro={<p>{t('dashboards.impact.intro')}</p>} />
      <div className="container page-body db-page">
        <form className="db-filters" onSubmit={(event) => event.preventDefault()}>
          <FilterSelect
            id={`${id}-year`}
            label={t('dashboards.impact.year')}
            value={fiscalYear ? String(fiscalYear) : ''}
            allLabel={t('dashboards.impact.allYears')}
            options={years.map((year) => ({ value: String(year), label: fiscalYearText(year, lang) }))}
            onChange={changeYear}
            testId="pi-year"
          />
        </form>
        {impact.status === 'error' ? (
          <ErrorState error={impact.error} onRetry={impact.reload} />
        ) : impact.status === 'success' ? (
          <>
            <KeyFigures data={impact.data} />
            <Funding data={impact.data} />
            <InnovationsBySrl data={impact.data} />
            <Adoptions data={impact.data} />
            <Outcomes data={impact.data} />
            <Sroi data={impact.data} />
          </>
        ) : (
          <LoadingState />
        )}
      </div>
    </>
  );
}
