import { lazy, Suspense, useCallback, useId, useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  COVERAGE_MEASURES,
  type Coverage,
  type CoverageMeasure,
  type CoverageProvince,
  type CoverageQuery,
} from '@shared/contracts/coverage';
import type { BoundaryFeatureCollection } from '@shared/contracts/geo';
import type { Language } from '@shared/i18n/index';
import { THEMES } from '@shared/reference/themes';
import { ExternalLink } from '@web/components/ui/external-link';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { useBoundaries, useIndicators } from '@web/features/map/api';
import {
  NO_DATA_COLOR,
  TARGET_OUTLINE_COLOR,
  colorsFor,
  extentOf,
  type Extent,
} from '@web/features/map/color-scale';
import { MapViewToggle } from '@web/features/map/components/map-view-toggle';
import { TileGridMap } from '@web/features/map/components/tile-grid-map';
import type { MapItem } from '@web/features/map/map-data';
import { useProgrammes } from '@web/features/programmes/api';
import { TargetBadge } from '@web/features/provinces/components/target-badge';
import { formatBaht, formatNumber, formatYear, localName, localText, sourceLinks } from '@web/lib/format';
import { useI18n, type I18n } from '@web/lib/i18n';
import { formatIndicatorNumber, formatIndicatorValue } from '@web/lib/indicators';
import { usePageTitle } from '@web/lib/page-title';
import { useCoverage } from '../api';
import { CountedNotes, measureText } from '../components/coverage-text';
import { FigureList } from '../components/figure-list';
import {
  COLOUR_MODES,
  COVERAGE_COLORS,
  GAP_COLORS,
  GAP_EXTENT,
  addressOf,
  colourOnScale,
  colourValue,
  formatGap,
  isMeasure,
  isTheme,
  paramsOfAddress,
  addressSuffix,
  type ColourMode,
  type CoverageAddress,
} from '../coverage-data';
import '@web/components/ui/ui.css';
import '@web/features/map/map.css';
import '../coverage.css';

/** A province's tile on the coverage map: the map's item, and whether the province is under-served. */
interface CoverageTile extends MapItem {
  underServed: boolean;
}

/** ECharts is loaded only when the boundary map is shown. */
const ChoroplethMap = lazy(() => import('@web/features/map/components/choropleth-map'));

const NUMBER_LOCALE: Record<Language, string> = { th: 'th-TH', en: 'en-GB' };

/** A short number for a tile (compact money: "500K", "5 แสน"). */
function tileNumber(lang: Language, row: CoverageProvince, mode: ColourMode, measure: CoverageMeasure): string | null {
  const value = colourValue(row, mode, measure);
  if (value === null) {
    return null;
  }
  switch (mode) {
    case 'gap':
      return formatGap(value, NUMBER_LOCALE[lang]);
    case 'need':
      return formatIndicatorNumber(value, row.need?.unit ?? '', lang);
    case 'coverage':
      return measure === 'grant_money' || measure === 'money_per_poor'
        ? formatNumber(value / 100, lang, { notation: 'compact', maximumFractionDigits: 1 })
        : formatNumber(value, lang);
  }
}

function needText(t: I18n['t'], lang: Language, row: CoverageProvince): string {
  return row.need ? formatIndicatorValue(t, lang, row.need.value, row.need.unit) : t('coverage.noData');
}

function gapText(t: I18n['t'], lang: Language, row: CoverageProvince): string {
  return row.gap === null ? t('coverage.noData') : formatGap(row.gap, NUMBER_LOCALE[lang]);
}

function Filters({
  address,
  data,
  go,
}: {
  address: CoverageAddress;
  data: Coverage | null;
  go: (next: CoverageAddress) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const indicators = useIndicators();
  const programmes = useProgrammes();
  const { query } = address;
  const set = (changes: Partial<CoverageQuery>) => {
    const next: CoverageQuery = { ...query, ...changes };
    for (const key of Object.keys(next) as Array<keyof CoverageQuery>) {
      if (next[key] === undefined) {
        delete next[key];
      }
    }
    go({ ...address, query: next });
  };
  const needCode = query.need ?? data?.need?.indicator.code ?? '';
  const needList = indicators.status === 'success' ? indicators.data : [];
  const years =
    needList.find((i) => i.code === needCode)?.years ?? data?.need?.indicator.years ?? [];
  const needYear = query.needYear ?? (data?.need?.indicator.code === needCode ? data.need.year : undefined);
  const fiscalYears = data?.fiscalYears ?? [];
  const fiscalOptions =
    query.fiscalYear !== undefined && !fiscalYears.includes(query.fiscalYear)
      ? [query.fiscalYear, ...fiscalYears]
      : fiscalYears;
  const filtered =
    query.programme !== undefined ||
    query.theme !== undefined ||
    query.fiscalYear !== undefined ||
    query.need !== undefined ||
    query.needYear !== undefined ||
    (query.measure !== undefined && query.measure !== 'grant_money');

  return (
    <form
      className="coverage-filters"
      aria-label={t('coverage.filtersLabel')}
      onSubmit={(event) => event.preventDefault()}
      data-testid="coverage-filters"
    >
      <div className="field">
        <label htmlFor={`${id}-need`}>{t('coverage.need')}</label>
        <select
          id={`${id}-need`}
          value={needCode}
          onChange={(e) => set({ need: e.target.value || undefined, needYear: undefined })}
          disabled={needList.length === 0}
        >
          {needList.map((indicator) => (
            <option key={indicator.code} value={indicator.code}>
              {localName(indicator, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-year`}>{t('coverage.needYear')}</label>
        <select
          id={`${id}-year`}
          value={needYear ?? ''}
          onChange={(e) =>
            set({ need: needCode || undefined, needYear: e.target.value ? Number(e.target.value) : undefined })
          }
          disabled={years.length === 0}
        >
          {years.map((year) => (
            <option key={year} value={year}>
              {formatYear(year, lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-measure`}>{t('coverage.measure')}</label>
        <select
          id={`${id}-measure`}
          value={query.measure ?? 'grant_money'}
          onChange={(e) => set({ measure: isMeasure(e.target.value) ? e.target.value : undefined })}
          data-testid="coverage-measure"
        >
          {COVERAGE_MEASURES.map((m) => (
            <option key={m} value={m}>
              {t(`coverage.measures.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-programme`}>{t('coverage.programme')}</label>
        <select
          id={`${id}-programme`}
          value={query.programme ?? ''}
          onChange={(e) => set({ programme: e.target.value || undefined })}
          data-testid="coverage-programme"
        >
          <option value="">{t('coverage.allProgrammes')}</option>
          {programmes.status === 'success'
            ? programmes.data.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {localName(p, lang)}
                </option>
              ))
            : null}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-theme`}>{t('coverage.theme')}</label>
        <select
          id={`${id}-theme`}
          value={query.theme ?? ''}
          onChange={(e) => set({ theme: isTheme(e.target.value) ? e.target.value : undefined })}
          data-testid="coverage-theme"
        >
          <option value="">{t('coverage.allThemes')}</option>
          {THEMES.map((th) => (
            <option key={th.code} value={th.code}>
              {`${th.number}. ${localName(th, lang)}`}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-fy`}>{t('coverage.fiscalYear')}</label>
        <select
          id={`${id}-fy`}
          value={query.fiscalYear ?? ''}
          onChange={(e) => set({ fiscalYear: e.target.value ? Number(e.target.value) : undefined })}
          data-testid="coverage-fiscal-year"
        >
          <option value="">{t('coverage.allFiscalYears')}</option>
          {fiscalOptions.map((year) => (
            <option key={year} value={year}>
              {year}
            </option>
          ))}
        </select>
      </div>
      {filtered ? (
        <button
          type="button"
          className="button button--secondary coverage-filters__clear"
          onClick={() => go({ ...address, query: {} })}
        >
          {t('coverage.clearFilters')}
        </button>
      ) : null}
    </form>
  );
}

function Totals({ data }: { data: Coverage }) {
  const { t, lang } = useI18n();
  const { totals } = data;
  const figures: Array<[string, string]> = [
    [t('coverage.totals.grant'), formatBaht(totals.grantSatang, lang)],
    [t('coverage.totals.projects'), formatNumber(totals.projects, lang)],
    [t('coverage.totals.beneficiaries'), formatNumber(totals.beneficiaries, lang)],
    [t('coverage.totals.adoptions'), formatNumber(totals.adoptions, lang)],
    [t('coverage.totals.provincesReached'), formatNumber(totals.provincesReached, lang)],
    [t('coverage.totals.underServed'), formatNumber(totals.underServed, lang)],
  ];
  return (
    <section aria-label={t('coverage.totalsLabel')} className="coverage-totals-section">
      <FigureList figures={figures} testId="coverage-totals" />
      {totals.unassignedSatang > 0 ? (
        <p className="coverage-note">
          {t('coverage.unassigned', { amount: formatBaht(totals.unassignedSatang, lang) })}
        </p>
      ) : null}
    </section>
  );
}

function Legend({
  mode,
  extent,
  colors,
  lowText,
  highText,
  threshold,
  showDot,
}: {
  mode: ColourMode;
  extent: Extent | null;
  colors: readonly string[];
  lowText: string;
  highText: string;
  threshold: number;
  /** The tile grid dots under-served provinces; the boundary map shows them by colour alone. */
  showDot: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="map-legend" role="group" aria-label={t('coverage.legendLabel')}>
      {extent ? (
        <div className="map-legend__scale">
          <div
            className="map-legend__bar"
            style={{ backgroundImage: `linear-gradient(to right, ${colors.join(', ')})` }}
          />
          <div className="map-legend__ends">
            <span>{lowText}</span>
            <span>{highText}</span>
          </div>
        </div>
      ) : null}
      <ul className="map-legend__keys">
        <li>
          <span className="map-legend__swatch" style={{ backgroundColor: NO_DATA_COLOR }} aria-hidden="true" />
          {mode === 'gap' ? t('coverage.legendNoGap') : t('coverage.noData')}
        </li>
        <li>
          <span
            className="map-legend__swatch map-legend__swatch--outline"
            style={{ borderColor: TARGET_OUTLINE_COLOR }}
            aria-hidden="true"
          />
          {t('map.targetGroupOutline')}
        </li>
        {showDot ? (
          <li>
            <span className="coverage-legend__dot" aria-hidden="true" />
            {t('coverage.legendUnderServed', { threshold: formatNumber(threshold, lang) })}
          </li>
        ) : null}
      </ul>
    </div>
  );
}

function NeedPanel({ data }: { data: Coverage }) {
  const { t, lang } = useI18n();
  const { need } = data;
  if (!need) {
    return <EmptyState>{t('coverage.noNeed')}</EmptyState>;
  }
  const links = need.sources.flatMap((s) => sourceLinks(s));
  const unique = links.filter((link, index) => links.findIndex((l) => l.url === link.url) === index);
  const description = localText(need.indicator, 'description', lang);
  return (
    <div className="coverage-need" data-testid="coverage-need">
      <h2 id="coverage-need-title" className="map-aside__title">
        {localName(need.indicator, lang)}
      </h2>
      <p className="map-aside__meta">
        {t('coverage.needYearShown', { year: formatYear(need.year, lang) })} ·{' '}
        {need.indicator.higherIsNeedier ? t('map.needierHigh') : t('map.needierLow')}
      </p>
      {need.isDefault ? <p className="map-aside__meta">{t('coverage.needDefault')}</p> : null}
      {description ? <p>{description}</p> : null}
      <p className="map-aside__meta">
        {t('coverage.provincesWithFigure', { count: formatNumber(need.provinceCount, lang) })}
      </p>
      {unique.length > 0 ? (
        <div className="map-sources">
          <h3>{t('coverage.sources')}</h3>
          <ul>
            {unique.map((link) => (
              <li key={link.url}>
                <ExternalLink href={link.url}>{link.label}</ExternalLink>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function MapArea({
  data,
  address,
  boundaries,
  go,
}: {
  data: Coverage;
  address: CoverageAddress;
  boundaries: BoundaryFeatureCollection | null;
  go: (next: CoverageAddress) => void;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const mode = address.colour;
  const measure = data.filters.measure;
  const search = addressSuffix(address);
  const hasBoundaries = (boundaries?.features.length ?? 0) > 0;
  const showChoropleth = hasBoundaries && !address.tiles;
  const higherIsNeedier = data.need?.indicator.higherIsNeedier ?? true;

  const { extent, colors } = useMemo(() => {
    const values = data.provinces
      .map((row) => colourValue(row, mode, measure))
      .filter((v): v is number => v !== null);
    switch (mode) {
      case 'gap':
        return { extent: GAP_EXTENT, colors: [...GAP_COLORS] };
      case 'need':
        return { extent: extentOf(values), colors: colorsFor(higherIsNeedier) };
      case 'coverage':
        return { extent: extentOf(values), colors: [...COVERAGE_COLORS] };
    }
  }, [data, mode, measure, higherIsNeedier]);

  const items = useMemo(() => {
    const map = new Map<number, CoverageTile>();
    for (const row of data.provinces) {
      const value = colourValue(row, mode, measure);
      const target = row.targetRank !== null ? t('provinces.targetRank', { rank: row.targetRank }) : null;
      const under = row.underServed ? t('coverage.underServedBadge') : null;
      map.set(row.code, {
        code: row.code,
        name: localName(row, lang),
        value,
        numberText: tileNumber(lang, row, mode, measure),
        valueText: [
          `${t('coverage.colour.gap')}: ${gapText(t, lang, row)}`,
          `${t('coverage.colour.need')}: ${needText(t, lang, row)}`,
          `${t(`coverage.measures.${measure}`)}: ${measureText(t, lang, row, measure)}`,
        ].join(' · '),
        targetRank: row.targetRank,
        targetText: [target, under].filter((s): s is string => s !== null).join(' · ') || null,
        fill: colourOnScale(value, extent, colors),
        underServed: row.underServed,
      });
    }
    return map;
  }, [data, mode, measure, lang, t, extent, colors]);

  const what =
    mode === 'coverage' ? t(`coverage.measures.${measure}`) : t(`coverage.colour.${mode}`);
  const labels = useMemo(() => {
    switch (mode) {
      case 'gap':
        return { low: t('coverage.legendGapLow'), high: t('coverage.legendGapHigh') };
      case 'need':
        // The scale runs from the lowest value to the highest: for ranks (1 = poorest) the low end is the neediest.
        return higherIsNeedier
          ? { low: t('coverage.legendNeedLow'), high: t('coverage.legendNeedHigh') }
          : { low: t('coverage.legendNeedHigh'), high: t('coverage.legendNeedLow') };
      case 'coverage':
        return { low: t('coverage.legendCoverageLow'), high: t('coverage.legendCoverageHigh') };
    }
  }, [mode, t, higherIsNeedier]);
  // The choropleth's own scale has little room: short words at its ends (the legend beside it says them in full).
  const choroplethLabels = useMemo(
    () =>
      mode === 'gap'
        ? { low: t('coverage.scaleGapLow'), high: t('coverage.scaleGapHigh') }
        : { low: t('coverage.scaleLow'), high: t('coverage.scaleHigh') },
    [mode, t],
  );
  const onSelect = useCallback(
    (code: number) => void navigate(`/coverage/${code}${search}`),
    [navigate, search],
  );
  const tileLabel = (item: CoverageTile) =>
    t('coverage.tileText', { province: item.name, value: item.valueText }) +
    (item.targetText ? `; ${item.targetText}` : '');

  return (
    <div className="map-layout coverage-layout">
      <div className="map-panel" data-testid="coverage-map" data-view={showChoropleth ? 'boundaries' : 'tiles'}>
        <p className="map-panel__mode">
          {showChoropleth ? t('map.choropleth') : hasBoundaries ? t('map.tileGridView') : t('map.tileGrid')}
        </p>
        {showChoropleth && boundaries ? (
          <Suspense fallback={<LoadingState label={t('map.loading')} />}>
            <ChoroplethMap
              boundaries={boundaries}
              items={items}
              extent={extent}
              colors={colors}
              labels={choroplethLabels}
              ariaLabel={t('coverage.mapLabel', { what })}
              onSelect={onSelect}
            />
          </Suspense>
        ) : (
          <TileGridMap
            items={items}
            lang={lang}
            label={t('coverage.tileGridLabel', { what })}
            hrefOf={(code) => `/coverage/${code}${search}`}
            isUnderServed={(item) => item.underServed}
            tileLabel={tileLabel}
            testId="coverage-tile-grid"
          />
        )}
      </div>
      <aside className="map-aside" aria-labelledby={data.need ? 'coverage-need-title' : undefined}>
        <fieldset className="map-view-toggle coverage-toggle">
          <legend>{t('coverage.colourBy')}</legend>
          <div className="map-view-toggle__options">
            {COLOUR_MODES.map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name="coverage-colour"
                  value={m}
                  checked={mode === m}
                  onChange={() => go({ ...address, colour: m })}
                />
                <span>{t(`coverage.colour.${m}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {hasBoundaries ? (
          <MapViewToggle
            name="coverage-view"
            className="map-view-toggle coverage-toggle"
            isTiles={address.tiles}
            onChange={(tiles) => go({ ...address, tiles })}
          />
        ) : null}
        <Legend
          mode={mode}
          extent={extent}
          colors={colors}
          lowText={labels.low}
          highText={labels.high}
          threshold={data.threshold}
          showDot={!showChoropleth}
        />
        <NeedPanel data={data} />
      </aside>
    </div>
  );
}

function UnderServedTable({ data, search }: { data: Coverage; search: string }) {
  const { t, lang } = useI18n();
  const byCode = new Map(data.provinces.map((p) => [p.code, p]));
  const rows = data.underServed.flatMap((code) => {
    const row = byCode.get(code);
    return row ? [row] : [];
  });
  const measure = data.filters.measure;
  const needName = data.need ? localName(data.need.indicator, lang) : t('coverage.col.need');
  if (rows.length === 0) {
    return <EmptyState>{t('coverage.noUnderServed')}</EmptyState>;
  }
  return (
    <div className="coverage-table-wrap">
      <table className="data-table data-table--stack coverage-table" data-testid="under-served-table">
        <caption>
          {t('coverage.underServedCaption', { need: needName, measure: t(`coverage.measures.${measure}`) })}
        </caption>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('coverage.col.rank')}
            </th>
            <th scope="col">{t('coverage.col.province')}</th>
            <th scope="col">{t('coverage.col.targetGroup')}</th>
            <th scope="col" className="numeric">
              {t('coverage.col.need')}
            </th>
            <th scope="col" className="numeric">
              {t(`coverage.measures.${measure}`)}
            </th>
            <th scope="col" className="numeric">
              {t('coverage.col.gap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <tr key={row.code} className={row.targetRank !== null ? 'coverage-table__target' : undefined}>
              <td className="numeric" data-label={t('coverage.col.rank')}>
                {formatNumber(index + 1, lang)}
              </td>
              <th scope="row" data-label={t('coverage.col.province')}>
                <Link to={`/coverage/${row.code}${search}`}>{localName(row, lang)}</Link>
              </th>
              <td data-label={t('coverage.col.targetGroup')}>
                {row.targetRank !== null ? <TargetBadge rank={row.targetRank} /> : '–'}
              </td>
              <td className="numeric" data-label={t('coverage.col.need')}>
                {needText(t, lang, row)}
              </td>
              <td className="numeric" data-label={t(`coverage.measures.${measure}`)}>
                {measureText(t, lang, row, measure)}
              </td>
              <td className="numeric" data-label={t('coverage.col.gap')}>
                {gapText(t, lang, row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AllProvincesTable({ data, search }: { data: Coverage; search: string }) {
  const { t, lang } = useI18n();
  const collator = new Intl.Collator(lang);
  const rows = [...data.provinces].sort((a, b) => collator.compare(localName(a, lang), localName(b, lang)));
  const needName = data.need ? localName(data.need.indicator, lang) : t('coverage.col.need');
  return (
    <div className="coverage-table-wrap">
      <table className="data-table data-table--stack coverage-table" data-testid="coverage-table">
        <caption>{t('coverage.allCaption', { need: needName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.col.province')}</th>
            <th scope="col" className="numeric">
              {t('coverage.col.need')}
            </th>
            <th scope="col" className="numeric">
              {t('coverage.col.grant')}
            </th>
            <th scope="col" className="numeric">
              {t('coverage.col.perPoor')}
            </th>
            <th scope="col" className="numeric">
              {t('coverage.col.projects')}
            </th>
            <th scope="col" className="numeric">
              {t('coverage.col.beneficiaries')}
            </th>
            <th scope="col" className="numeric">
              {t('coverage.col.adoptions')}
            </th>
            <th scope="col" className="numeric">
              {t('coverage.col.gap')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.code}>
              <th scope="row" data-label={t('coverage.col.province')}>
                <Link to={`/coverage/${row.code}${search}`}>{localName(row, lang)}</Link>
                {row.targetRank !== null ? (
                  <>
                    {' '}
                    <TargetBadge rank={row.targetRank} />
                  </>
                ) : null}
                {row.underServed ? (
                  <>
                    {' '}
                    <span className="badge badge--accent">{t('coverage.underServedBadge')}</span>
                  </>
                ) : null}
              </th>
              <td className="numeric" data-label={t('coverage.col.need')}>
                {needText(t, lang, row)}
              </td>
              <td className="numeric" data-label={t('coverage.col.grant')}>
                {formatBaht(row.grantSatang, lang)}
              </td>
              <td className="numeric" data-label={t('coverage.col.perPoor')}>
                {row.grantPerPoorSatang === null ? '–' : formatBaht(row.grantPerPoorSatang, lang)}
              </td>
              <td className="numeric" data-label={t('coverage.col.projects')}>
                {formatNumber(row.projects, lang)}
              </td>
              <td className="numeric" data-label={t('coverage.col.beneficiaries')}>
                {formatNumber(row.beneficiaries, lang)}
              </td>
              <td className="numeric" data-label={t('coverage.col.adoptions')}>
                {formatNumber(row.adoptions, lang)}
              </td>
              <td className="numeric" data-label={t('coverage.col.gap')}>
                {gapText(t, lang, row)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The coverage-versus-need map: need against grant money, projects, beneficiaries and adoptions per province, with the gap index. */
export default function CoveragePage() {
  const { t } = useI18n();
  usePageTitle(t('coverage.title'));
  const [params, setParams] = useSearchParams();
  const address = useMemo(() => addressOf(params), [params]);
  const coverage = useCoverage(address.query);
  const boundaries = useBoundaries();
  const go = (next: CoverageAddress) =>
    setParams(paramsOfAddress(next), { replace: true, preventScrollReset: true });
  const data = coverage.status === 'success' ? coverage.data : null;
  const search = addressSuffix(address);

  let body;
  if (coverage.status === 'error') {
    body = <ErrorState error={coverage.error} onRetry={coverage.reload} />;
  } else if (!data || boundaries.status === 'loading' || boundaries.status === 'idle') {
    body = (
      <div className="map-panel" data-testid="coverage-map">
        <LoadingState label={t('coverage.loading')} />
      </div>
    );
  } else {
    body = (
      <>
        <Totals data={data} />
        <MapArea
          data={data}
          address={address}
          boundaries={boundaries.status === 'success' ? boundaries.data : null}
          go={go}
        />
        <section className="section" aria-labelledby="under-served-title">
          <h2 id="under-served-title">{t('coverage.underServedTitle')}</h2>
          <p className="coverage-note">{t('coverage.underServedIntro')}</p>
          <UnderServedTable data={data} search={search} />
        </section>
        <section className="section" aria-labelledby="all-provinces-title">
          <h2 id="all-provinces-title">{t('coverage.allTitle')}</h2>
          <p className="coverage-note">{t('coverage.allIntro')}</p>
          <AllProvincesTable data={data} search={search} />
        </section>
        <CountedNotes threshold={data.threshold} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('coverage.title')} intro={<p>{t('coverage.intro')}</p>} />
      <div className="container page-body">
        <Filters address={address} data={data} go={go} />
        {body}
      </div>
    </>
  );
}
