import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ProvinceCoverage } from '@shared/contracts/coverage';
import { THEMES } from '@shared/reference/themes';
import { ExternalLink } from '@web/components/ui/external-link';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useProgrammes } from '@web/features/programmes/api';
import { parseProvinceCode } from '@web/features/provinces/api';
import { TargetBadge } from '@web/features/provinces/components/target-badge';
import { formatBaht, formatNumber, formatYear, localName, sourceLinks } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { formatIndicatorValue } from '@web/lib/indicators';
import { usePageTitle } from '@web/lib/page-title';
import { useProvinceCoverage } from '../api';
import { addressOf, addressSuffix, formatGap } from '../coverage-data';
import { CountedNotes, measureText } from '../components/coverage-text';
import { FigureList } from '../components/figure-list';
import '@web/components/ui/ui.css';
import '../coverage.css';

function Facts({ data }: { data: ProvinceCoverage }) {
  const { t, lang } = useI18n();
  const { province, need } = data;
  const locale = lang === 'th' ? 'th-TH' : 'en-GB';
  const score = (value: number | null) =>
    value === null ? t('coverage.noData') : formatNumber(value, lang, { maximumFractionDigits: 2 });
  const links = province.need ? sourceLinks(province.need.sourceUrl) : [];
  return (
    <dl className="coverage-facts" aria-label={t('coverage.province.factsLabel')} data-testid="coverage-facts">
      <div>
        <dt>{t('coverage.province.needFigure')}</dt>
        <dd>
          {province.need ? (
            <>
              {formatIndicatorValue(t, lang, province.need.value, province.need.unit)}
              <span className="coverage-facts__meta">
                {need ? localName(need.indicator, lang) : ''} ·{' '}
                {t('coverage.needYearShown', { year: formatYear(province.need.year, lang) })}
                {links.map((link) => (
                  <span key={link.url}>
                    {' · '}
                    <ExternalLink href={link.url}>{t('coverage.sources')}</ExternalLink>
                  </span>
                ))}
              </span>
            </>
          ) : (
            <>
              {t('coverage.noData')}
              <span className="coverage-facts__meta">
                {need ? `${localName(need.indicator, lang)} · ` : ''}
                {t('coverage.province.noNeedHint')}
              </span>
            </>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('coverage.province.needScore')}</dt>
        <dd>{score(province.needScore)}</dd>
      </div>
      <div>
        <dt>
          {t('coverage.province.coverageScore', { measure: t(`coverage.measures.${data.filters.measure}`) })}
        </dt>
        <dd>{score(province.coverageScore)}</dd>
      </div>
      <div className={province.underServed ? 'coverage-facts__under-served' : undefined}>
        <dt>{t('coverage.province.gap')}</dt>
        <dd>
          {province.gap === null ? t('coverage.province.noGap') : formatGap(province.gap, locale)}
          <span className="coverage-facts__meta">
            {data.underServedRank !== null
              ? t('coverage.province.underServedRank', { rank: formatNumber(data.underServedRank, lang) })
              : province.gap !== null
                ? t('coverage.province.notUnderServed')
                : ''}
          </span>
        </dd>
      </div>
    </dl>
  );
}

function CoverageFigures({ data }: { data: ProvinceCoverage }) {
  const { t, lang } = useI18n();
  const { province } = data;
  const figures: Array<[string, string]> = [
    [t('coverage.col.grant'), formatBaht(province.grantSatang, lang)],
    [t('coverage.measures.money_per_poor'), measureText(t, lang, province, 'money_per_poor')],
    [t('coverage.col.projects'), formatNumber(province.projects, lang)],
    [t('coverage.col.beneficiaries'), formatNumber(province.beneficiaries, lang)],
    [t('coverage.col.adoptions'), formatNumber(province.adoptions, lang)],
  ];
  if (province.poorCount) {
    figures.splice(2, 0, [
      t('coverage.province.poorCount', { year: formatYear(province.poorCount.year, lang) }),
      formatIndicatorValue(t, lang, province.poorCount.value, province.poorCount.unit),
    ]);
  }
  return (
    <section className="section" aria-labelledby="coverage-figures-title">
      <h2 id="coverage-figures-title">{t('coverage.province.coverageTitle')}</h2>
      <FigureList figures={figures} testId="coverage-figures" />
    </section>
  );
}

function Districts({ data }: { data: ProvinceCoverage }) {
  const { t, lang } = useI18n();
  return (
    <section className="section" aria-labelledby="coverage-districts-title" data-testid="coverage-districts">
      <h2 id="coverage-districts-title">{t('coverage.province.districtsTitle')}</h2>
      <p className="coverage-note">{t('coverage.province.districtsNote')}</p>
      {data.districts.length === 0 ? (
        <EmptyState>{t('coverage.province.noDistrictData')}</EmptyState>
      ) : (
        <div className="coverage-table-wrap">
          <table className="data-table data-table--stack coverage-table">
            <caption>{t('coverage.province.districtsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.province.district')}</th>
                <th scope="col" className="numeric">
                  {t('coverage.col.projects')}
                </th>
                <th scope="col" className="numeric">
                  {t('coverage.col.adoptions')}
                </th>
                <th scope="col" className="numeric">
                  {t('coverage.col.beneficiaries')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.districts.map((d) => (
                <tr key={d.code}>
                  <th scope="row" data-label={t('coverage.province.district')}>
                    {localName(d, lang)}
                  </th>
                  <td className="numeric" data-label={t('coverage.col.projects')}>
                    {formatNumber(d.projects, lang)}
                  </td>
                  <td className="numeric" data-label={t('coverage.col.adoptions')}>
                    {formatNumber(d.adoptions, lang)}
                  </td>
                  <td className="numeric" data-label={t('coverage.col.beneficiaries')}>
                    {formatNumber(d.beneficiaries, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data.projectsWithoutDistrict > 0 || data.adoptionsWithoutDistrict > 0 ? (
        <p className="coverage-note">
          {t('coverage.province.withoutDistrict', {
            projects: formatNumber(data.projectsWithoutDistrict, lang),
            adoptions: formatNumber(data.adoptionsWithoutDistrict, lang),
          })}
        </p>
      ) : null}
    </section>
  );
}

function Projects({ data }: { data: ProvinceCoverage }) {
  const { t, lang } = useI18n();
  return (
    <section className="section" aria-labelledby="coverage-projects-title" data-testid="coverage-projects">
      <h2 id="coverage-projects-title">{t('coverage.province.projectsTitle')}</h2>
      {data.projects.length === 0 ? (
        <EmptyState>{t('coverage.province.noProjects')}</EmptyState>
      ) : (
        <div className="coverage-table-wrap">
          <table className="data-table data-table--stack coverage-table">
            <caption>{t('coverage.province.projectsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('coverage.province.agreement')}</th>
                <th scope="col">{t('coverage.province.projectTitle')}</th>
                <th scope="col" className="numeric">
                  {t('coverage.fiscalYear')}
                </th>
                <th scope="col" className="numeric">
                  {t('coverage.province.share')}
                </th>
                <th scope="col">{t('coverage.province.innovation')}</th>
              </tr>
            </thead>
            <tbody>
              {data.projects.map((p) => (
                <tr key={p.id}>
                  <td data-label={t('coverage.province.agreement')}>{p.agreementNumber}</td>
                  <th scope="row" data-label={t('coverage.province.projectTitle')}>
                    {lang === 'en' && p.titleEn ? p.titleEn : p.titleTh}
                  </th>
                  <td className="numeric" data-label={t('coverage.fiscalYear')}>
                    {p.fiscalYear}
                  </td>
                  <td className="numeric" data-label={t('coverage.province.share')}>
                    {formatBaht(p.shareSatang, lang)}
                    {p.provinceCount > 1 ? (
                      <span className="coverage-facts__meta">
                        {t('coverage.province.sharedProject', { count: formatNumber(p.provinceCount, lang) })}
                      </span>
                    ) : null}
                  </td>
                  <td data-label={t('coverage.province.innovation')}>
                    {p.innovationId ? (
                      <Link to={`/innovations/${p.innovationId}`}>{t('coverage.province.viewInnovation')}</Link>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Innovations({ data }: { data: ProvinceCoverage }) {
  const { t, lang } = useI18n();
  return (
    <section className="section" aria-labelledby="coverage-innovations-title" data-testid="coverage-innovations">
      <h2 id="coverage-innovations-title">{t('coverage.province.innovationsTitle')}</h2>
      {data.innovations.length === 0 ? (
        <EmptyState>{t('coverage.province.noInnovations')}</EmptyState>
      ) : (
        <ul className="coverage-innovations">
          {data.innovations.map((innovation) => (
            <li key={innovation.id}>
              <Link to={`/innovations/${innovation.id}`}>
                {lang === 'en' && innovation.titleEn ? innovation.titleEn : innovation.titleTh}
              </Link>
              <span className="coverage-facts__meta">
                {t('coverage.province.innovationFigures', {
                  adoptions: formatNumber(innovation.adoptions, lang),
                  beneficiaries: formatNumber(innovation.beneficiaries, lang),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The filters the figures are for, in words. */
function FiltersShown({ data }: { data: ProvinceCoverage }) {
  const { t, lang } = useI18n();
  const programmes = useProgrammes();
  const { filters } = data;
  const parts: string[] = [];
  if (filters.programme !== null) {
    const programme =
      programmes.status === 'success' ? programmes.data.find((p) => p.slug === filters.programme) : undefined;
    parts.push(programme ? localName(programme, lang) : filters.programme);
  }
  if (filters.theme !== null) {
    const theme = THEMES.find((th) => th.code === filters.theme);
    parts.push(theme ? localName(theme, lang) : filters.theme);
  }
  if (filters.fiscalYear !== null) {
    parts.push(`${t('coverage.fiscalYear')} ${filters.fiscalYear}`);
  }
  const text = parts.length > 0 ? parts.join(' · ') : t('coverage.province.noFilters');
  return (
    <p className="coverage-note" data-testid="coverage-filters-shown">
      {t('coverage.province.filtersShown', { filters: text })}
    </p>
  );
}

/** A province's coverage against need, drilled down to its districts. */
export default function CoverageProvincePage() {
  const { code: rawCode } = useParams();
  const [params] = useSearchParams();
  const { t, lang } = useI18n();
  const address = useMemo(() => addressOf(params), [params]);
  const query = address.query;
  const code = parseProvinceCode(rawCode);
  const coverage = useProvinceCoverage(code, query);
  const data = coverage.status === 'success' ? coverage.data : null;
  const notFound =
    code === null || (coverage.status === 'error' && (coverage.error.isNotFound || coverage.error.status === 404));
  usePageTitle(
    data
      ? `${localName(data.province, lang)} · ${t('coverage.title')}`
      : notFound
        ? t('coverage.province.notFound')
        : t('coverage.title'),
  );
  const search = addressSuffix(address);
  const back = { to: `/coverage${search}`, label: t('coverage.province.back') };

  if (notFound) {
    return (
      <NotFoundState
        title={t('coverage.province.notFound')}
        text={t('coverage.province.notFoundText', { code: rawCode ?? '' })}
        back={back}
      />
    );
  }
  if (coverage.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={coverage.error} onRetry={coverage.reload} />
      </div>
    );
  }
  if (!data) {
    return (
      <div className="container page-body">
        <LoadingState label={t('coverage.loading')} />
      </div>
    );
  }
  const { province } = data;
  return (
    <>
      <PageHeader
        title={localName(province, lang)}
        back={back}
        eyebrow={
          <>
            <span>{t('coverage.title')}</span>
            {province.targetRank !== null ? <TargetBadge rank={province.targetRank} /> : null}
            {province.underServed ? (
              <span className="badge badge--accent">{t('coverage.underServedBadge')}</span>
            ) : null}
          </>
        }
      >
        <FiltersShown data={data} />
        <Facts data={data} />
        <p className="coverage-links">
          <Link to={`/provinces/${province.code}`}>{t('coverage.province.profile')}</Link>
        </p>
      </PageHeader>
      <div className="container page-body">
        <CoverageFigures data={data} />
        <Districts data={data} />
        <Innovations data={data} />
        <Projects data={data} />
        <CountedNotes threshold={data.threshold} />
      </div>
    </>
  );
}
