import { Fragment, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  PORTFOLIO_DIMENSIONS,
  PORTFOLIO_NO_KEY,
  type Portfolio,
  type PortfolioDimension,
  type PortfolioFigures,
  type PortfolioGroup,
  type PortfolioProject,
} from '@shared/contracts/impact-report';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useDrivingUnits } from '@web/features/projects/api';
import { formatBaht, formatNumber, localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { usePortfolio, usePortfolioProjects, type PortfolioFilters } from '../api-report';
import { ReportPortfolioChart } from '../components/report-portfolio-chart';
import { percentText } from '../components/report-sroi';
import '@web/components/ui/form.css';
import '@web/components/ui/toggle-group.css';
import '../report.css';

const isDimension = (value: string | null): value is PortfolioDimension =>
  (PORTFOLIO_DIMENSIONS as readonly string[]).includes(value ?? '');

const wholeBaht = (satang: number, lang: 'th' | 'en') => formatBaht(Math.round(satang / 100) * 100, lang);

/** The gross ratio in the reader's convention: Thai "1 : X", English "X : 1". */
function ratioText(ratio: number, lang: 'th' | 'en'): string {
  const x = formatNumber(ratio, lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return lang === 'th' ? `1 : ${x}` : `${x} : 1`;
}

function SroiCell({ figures }: { figures: PortfolioFigures }) {
  const { t, lang } = useI18n();
  const { sroi } = figures;
  if (sroi.ratio === null) {
    return <>{t('impactReport.portfolio.noSroi')}</>;
  }
  return (
    <span className="ir-sroi-cell">
      <strong>{ratioText(sroi.ratio, lang)}</strong>
      <span className="ir-muted ir-block">
        {wholeBaht(sroi.presentValueSatang, lang)} ÷ {wholeBaht(sroi.investmentSatang, lang)}
      </span>
    </span>
  );
}

interface Drill {
  isOpen: boolean;
  controls: string;
  onToggle: () => void;
}

function Row({
  name,
  figures,
  header,
  drill,
}: {
  name: string;
  figures: PortfolioFigures;
  header?: boolean;
  drill?: Drill;
}) {
  const { t, lang } = useI18n();
  return (
    <tr className={header ? 'ir-total' : undefined}>
      <th scope="row" data-label={t('impactReport.portfolio.group')}>
        {drill ? (
          <button
            type="button"
            className="ir-drill-toggle"
            aria-expanded={drill.isOpen}
            aria-controls={drill.controls}
            title={t(
              drill.isOpen ? 'impactReport.portfolio.hideProjects' : 'impactReport.portfolio.showProjects',
              {
                name,
              },
            )}
            onClick={drill.onToggle}
            data-testid="ir-drill-toggle"
          >
            <span className="ir-drill-toggle__mark" aria-hidden="true">
              {drill.isOpen ? '▾' : '▸'}
            </span>
            <span>{name}</span>
          </button>
        ) : (
          name
        )}
      </th>
      <td className="numeric" data-label={t('impactReport.portfolio.projects')}>
        {figures.projectCount}
      </td>
      <td className="numeric" data-label={t('impactReport.portfolio.withIndicators')}>
        {figures.projectsWithIndicators}
      </td>
      <td className="numeric" data-label={t('impactReport.portfolio.verifiedShare')}>
        {figures.valueCount === 0
          ? '–'
          : `${percentText(figures.verifiedShare, lang)} (${figures.verifiedCount}/${figures.valueCount})`}
      </td>
      <td className="numeric" data-label={t('impactReport.portfolio.sroi')}>
        <SroiCell figures={figures} />
      </td>
      <td className="numeric" data-label={t('impactReport.portfolio.assessments')}>
        <div>
          {figures.sroi.assessmentCount}
          <span className="ir-muted ir-block">
            {t('impactReport.portfolio.assessmentsDetail', {
              evaluative: figures.sroi.evaluativeCount,
              forecast: figures.sroi.forecastCount,
            })}
          </span>
        </div>
      </td>
    </tr>
  );
}

function IndicatorSums({ figures }: { figures: PortfolioFigures }) {
  const { t, lang } = useI18n();
  return (
    <section className="ir-section" aria-labelledby="ir-sums-heading">
      <h2 id="ir-sums-heading">{t('impactReport.portfolio.indicatorsHeading')}</h2>
      <p className="ir-muted">{t('impactReport.portfolio.indicatorsNote')}</p>
      {figures.indicators.length === 0 ? (
        <EmptyState>{t('impactReport.portfolio.indicatorsEmpty')}</EmptyState>
      ) : (
        <div className="ir-table-wrap">
          <table className="data-table data-table--stack" data-testid="ir-indicator-sums">
            <thead>
              <tr>
                <th scope="col">{t('impactReport.indicators.code')}</th>
                <th scope="col">{t('impactReport.indicators.name')}</th>
                <th scope="col">{t('impactReport.indicators.aggregation')}</th>
                <th scope="col" className="numeric">
                  {t('impactReport.portfolio.projects')}
                </th>
                <th scope="col" className="numeric">
                  {t('impactReport.indicators.actual')}
                </th>
              </tr>
            </thead>
            <tbody>
              {figures.indicators.map((i) => (
                <tr key={`${i.indicatorId}-${i.unitTh}-${i.aggregation}`}>
                  <td data-label={t('impactReport.indicators.code')}>
                    <span className="ir-code">{i.code}</span>
                  </td>
                  <td data-label={t('impactReport.indicators.name')}>
                    {lang === 'en' ? i.nameEn || i.nameTh : i.nameTh}
                  </td>
                  <td data-label={t('impactReport.indicators.aggregation')}>
                    {t(`impactReport.aggregations.${i.aggregation}`)}
                  </td>
                  <td className="numeric" data-label={t('impactReport.portfolio.projects')}>
                    {i.projectCount}
                  </td>
                  <td className="numeric" data-label={t('impactReport.indicators.actual')}>
                    {formatNumber(i.value, lang)} {lang === 'en' ? i.unitEn || i.unitTh : i.unitTh}
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

function ProjectSroi({ project }: { project: PortfolioProject }) {
  const { t, lang } = useI18n();
  const { sroi } = project;
  if (!sroi || sroi.ratio === null) {
    return <>{t('impactReport.portfolio.noSroi')}</>;
  }
  return (
    <span className="ir-sroi-cell">
      <strong>{ratioText(sroi.ratio, lang)}</strong>{' '}
      <span className="ir-muted">
        ({t(`impactReport.portfolio.drill.${sroi.kind}`, { version: sroi.versionNo })})
      </span>
    </span>
  );
}

/** A group's projects, loaded when its row is opened; the same filters and scope as the group's figures. */
function GroupProjects({
  id,
  name,
  filters,
  groupKey,
}: {
  id: string;
  name: string;
  filters: PortfolioFilters;
  groupKey: string | null;
}) {
  const { t, lang } = useI18n();
  const list = usePortfolioProjects(filters, groupKey, true);
  return (
    <tr className="ir-drill" id={id}>
      <td colSpan={6} className="ir-drill__cell">
        <div className="ir-drill__body" data-testid="ir-drill">
          <h3 className="ir-drill__heading">{t('impactReport.portfolio.drill.heading', { name })}</h3>
          {list.status === 'error' ? (
            <ErrorState error={list.error} onRetry={list.reload} />
          ) : list.status !== 'success' ? (
            <LoadingState />
          ) : list.data.projects.length === 0 ? (
            <EmptyState>{t('impactReport.portfolio.drill.empty')}</EmptyState>
          ) : (
            <>
              {list.data.total > list.data.projects.length ? (
                <p className="ir-muted">
                  {t('impactReport.portfolio.drill.shown', {
                    shown: list.data.projects.length,
                    total: list.data.total,
                  })}
                </p>
              ) : null}
              <ul className="ir-drill__list">
                {list.data.projects.map((p) => (
                  <li key={p.id} className="ir-drill__item" data-testid="ir-drill-project">
                    <Link
                      to={`/projects/${p.id}/impact/report`}
                      className="ir-drill__title"
                      title={t('impactReport.portfolio.drill.openReport')}
                    >
                      <span className="ir-code">{p.agreementNumber}</span>{' '}
                      {lang === 'en' ? p.titleEn || p.titleTh : p.titleTh}
                    </Link>
                    <dl className="ir-drill__facts">
                      <div>
                        <dt>{t('impactReport.portfolio.drill.status')}</dt>
                        <dd>{t(`projects.status.${p.status}`)}</dd>
                      </div>
                      <div>
                        <dt>{t('impactReport.portfolio.drill.indicators')}</dt>
                        <dd>
                          {t(
                            p.hasIndicators
                              ? 'impactReport.portfolio.drill.hasIndicators'
                              : 'impactReport.portfolio.drill.noIndicators',
                          )}
                        </dd>
                      </div>
                      <div>
                        <dt>{t('impactReport.portfolio.drill.verified')}</dt>
                        <dd>
                          {p.valueCount === 0
                            ? '–'
                            : `${percentText(p.verifiedShare, lang)} (${p.verifiedCount}/${p.valueCount})`}
                        </dd>
                      </div>
                      <div>
                        <dt>{t('impactReport.portfolio.drill.sroi')}</dt>
                        <dd>
                          <ProjectSroi project={p} />
                        </dd>
                      </div>
                    </dl>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </td>
    </tr>
  );
}

function PortfolioView({ data, filters }: { data: Portfolio; filters: PortfolioFilters }) {
  const { t, lang } = useI18n();
  const drillId = useId();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (key: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(key)) {
        next.delete(key);
      } else {
        next.add(key);
      }
      return next;
    });
  const nameOf = (g: PortfolioGroup) =>
    (lang === 'en' ? g.nameEn || g.nameTh : g.nameTh || g.nameEn) ||
    g.key ||
    t('impactReport.portfolio.unnamed');
  const names = data.groups.map(nameOf);
  if (data.groups.length === 0) {
    return <EmptyState>{t('impactReport.portfolio.empty')}</EmptyState>;
  }
  return (
    <>
      <ReportPortfolioChart groups={data.groups} names={names} />
      <div className="ir-table-wrap">
        <table className="data-table data-table--stack ir-portfolio" data-testid="ir-portfolio">
          <caption>{t(`impactReport.portfolio.dimensions.${data.by}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('impactReport.portfolio.group')}</th>
              <th scope="col" className="numeric">
                {t('impactReport.portfolio.projects')}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.portfolio.withIndicators')}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.portfolio.verifiedShare')}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.portfolio.sroi')}
              </th>
              <th scope="col" className="numeric">
                {t('impactReport.portfolio.assessments')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.groups.map((g, i) => {
              const openKey = g.key ?? PORTFOLIO_NO_KEY;
              const controls = `${drillId}-${i}`;
              const isOpen = open.has(openKey);
              return (
                <Fragment key={openKey}>
                  <Row
                    name={names[i] ?? ''}
                    figures={g}
                    drill={{ isOpen, controls, onToggle: () => toggle(openKey) }}
                  />
                  {isOpen ? (
                    <GroupProjects id={controls} name={names[i] ?? ''} filters={filters} groupKey={g.key} />
                  ) : null}
                </Fragment>
              );
            })}
            <Row name={t('impactReport.portfolio.total')} figures={data.totals} header />
          </tbody>
        </table>
      </div>
      <p className="ir-note">{t('impactReport.portfolio.aggregatedNote')}</p>
      {data.countsInSeveral ? <p className="ir-note">{t('impactReport.portfolio.severalNote')}</p> : null}
      <IndicatorSums figures={data.totals} />
    </>
  );
}

function PortfolioScreen() {
  const { t, lang } = useI18n();
  const id = useId();
  usePageTitle(t('impactReport.portfolio.title'));
  const [params, setParams] = useSearchParams();
  const byParam = params.get('by');
  const by: PortfolioDimension = isDimension(byParam) ? byParam : 'programme';
  const fiscalYear = Number(params.get('fiscalYear')) || undefined;
  const programmeId = params.get('programmeId') ?? undefined;
  const { me } = useAuth();
  const isOfficer = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
  const drivingUnitId = (isOfficer ? params.get('drivingUnitId') : null) ?? undefined;
  const filters: PortfolioFilters = { by, fiscalYear, programmeId, drivingUnitId };
  const portfolio = usePortfolio(filters);
  const units = useDrivingUnits();
  const change = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(key, value);
    } else {
      next.delete(key);
    }
    setParams(next, { replace: true });
  };
  const options = portfolio.status === 'success' ? portfolio.data.options : null;

  return (
    <>
      <PageHeader
        title={t('impactReport.portfolio.title')}
        intro={<p>{t('impactReport.portfolio.intro')}</p>}
      >
        <div className="toggle-group ir-dimensions" role="group" aria-label={t('impactReport.portfolio.by')}>
          {PORTFOLIO_DIMENSIONS.map((d) => (
            <button
              key={d}
              type="button"
              className="toggle-group__option"
              aria-pressed={by === d}
              onClick={() => change('by', d)}
              data-testid={`ir-by-${d}`}
            >
              {t(`impactReport.portfolio.dimensions.${d}`)}
            </button>
          ))}
        </div>
      </PageHeader>
      <div className="container page-body ir-page">
        <form className="ir-filters" onSubmit={(event) => event.preventDefault()}>
          <div className="field form-field">
            <label htmlFor={`${id}-year`}>{t('impactReport.portfolio.fiscalYear')}</label>
            <select
              id={`${id}-year`}
              value={fiscalYear ? String(fiscalYear) : ''}
              onChange={(event) => change('fiscalYear', event.target.value)}
            >
              <option value="">{t('impactReport.portfolio.all')}</option>
              {(options?.fiscalYears ?? (fiscalYear ? [fiscalYear] : [])).map((year) => (
                <option key={year} value={String(year)}>
                  {lang === 'th' ? year : year - 543}
                </option>
              ))}
            </select>
          </div>
          <div className="field form-field">
            <label htmlFor={`${id}-programme`}>{t('impactReport.portfolio.programme')}</label>
            <select
              id={`${id}-programme`}
              value={programmeId ?? ''}
              onChange={(event) => change('programmeId', event.target.value)}
            >
              <option value="">{t('impactReport.portfolio.all')}</option>
              {(options?.programmes ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {lang === 'en' ? p.nameEn || p.nameTh : p.nameTh}
                </option>
              ))}
            </select>
          </div>
          {isOfficer ? (
            <div className="field form-field">
              <label htmlFor={`${id}-unit`}>{t('impactReport.portfolio.drivingUnit')}</label>
              <select
                id={`${id}-unit`}
                value={drivingUnitId ?? ''}
                onChange={(event) => change('drivingUnitId', event.target.value)}
                data-testid="ir-unit-filter"
              >
                <option value="">{t('impactReport.portfolio.all')}</option>
                {(units.status === 'success' ? units.data : []).map((u) => (
                  <option key={u.id} value={u.id}>
                    {localName(u, lang)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {!isOfficer && portfolio.status === 'success' && portfolio.data.drivingUnitId && options ? (
            <p className="ir-muted ir-scope">{t('impactReport.portfolio.unitScope')}</p>
          ) : null}
        </form>
        {portfolio.status === 'error' ? (
          portfolio.error.status === 403 ? (
            <EmptyState>{t('errors.impactReport.PORTFOLIO_FORBIDDEN')}</EmptyState>
          ) : (
            <ErrorState error={portfolio.error} onRetry={portfolio.reload} />
          )
        ) : portfolio.status === 'success' ? (
          <PortfolioView
            key={`${by}|${fiscalYear ?? ''}|${programmeId ?? ''}|${drivingUnitId ?? ''}`}
            data={portfolio.data}
            filters={filters}
          />
        ) : (
          <LoadingState />
        )}
      </div>
    </>
  );
}

/** `/impact/portfolio`: portfolio views per programme, driving unit, province and theme (officers; unit staff). */
export default function ImpactPortfolioPage() {
  return (
    <RequireAuth>
      <PortfolioScreen />
    </RequireAuth>
  );
}
