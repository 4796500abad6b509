import { lazy, Suspense, useCallback, useId, useMemo, type ChangeEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { AreaIndicator, IndicatorValues } from '@shared/contracts/indicators';
import type { BoundaryFeatureCollection, Province } from '@shared/contracts/geo';
import { ExternalLink } from '@web/components/ui/external-link';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { TargetBadge } from '@web/features/provinces/components/target-badge';
import { useProvinces } from '@web/features/provinces/api';
import {
  formatNumber,
  formatYear,
  localName,
  localText,
  sourceLinks,
  type SourceLink,
} from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { formatIndicatorNumber, formatIndicatorValue, unitLabel } from '@web/lib/indicators';
import { usePageTitle } from '@web/lib/page-title';
import { useBoundaries, useIndicators, useIndicatorValues } from '../api';
import {
  NO_DATA_COLOR,
  TARGET_OUTLINE_COLOR,
  colorForValue,
  colorsFor,
  extentOf,
  type Extent,
} from '../color-scale';
import { MapViewToggle } from '../components/map-view-toggle';
import { TileGridMap } from '../components/tile-grid-map';
import { DEFAULT_INDICATOR, byNeed, valuesByProvince, type MapItem } from '../map-data';
import '@web/components/ui/ui.css';
import '../map.css';

/** ECharts is loaded only when the boundary map is shown. */
const ChoroplethMap = lazy(() => import('../components/choropleth-map'));

type View = 'boundaries' | 'tiles';

function Legend({
  extent,
  colors,
  indicator,
  showScale,
}: {
  extent: Extent | null;
  colors: string[];
  indicator: AreaIndicator;
  showScale: boolean;
}) {
  const { t, lang } = useI18n();
  return (
    <div className="map-legend" role="group" aria-label={t('map.legendLabel')}>
      {showScale && extent ? (
        <div className="map-legend__scale">
          <div
            className="map-legend__bar"
            style={{ backgroundImage: `linear-gradient(to right, ${colors.join(', ')})` }}
          />
          <div className="map-legend__ends">
            <span>
              {t('map.legendLow')} · {formatIndicatorValue(t, lang, extent.min, indicator.unit)}
            </span>
            <span>
              {t('map.legendHigh')} · {formatIndicatorValue(t, lang, extent.max, indicator.unit)}
            </span>
          </div>
        </div>
      ) : null}
      <p className="map-legend__need">
        {indicator.higherIsNeedier ? t('map.needierHigh') : t('map.needierLow')}
      </p>
      <ul className="map-legend__keys">
        <li>
          <span
            className="map-legend__swatch"
            style={{ backgroundColor: NO_DATA_COLOR }}
            aria-hidden="true"
          />
          {t('map.noData')}
        </li>
        <li>
          <span
            className="map-legend__swatch map-legend__swatch--outline"
            style={{ borderColor: TARGET_OUTLINE_COLOR }}
            aria-hidden="true"
          />
          {t('map.targetGroupOutline')}
        </li>
      </ul>
    </div>
  );
}

function ValuesTable({ items, caption }: { items: MapItem[]; caption: string }) {
  const { t } = useI18n();
  return (
    <table className="data-table map-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('map.province')}</th>
          <th scope="col" className="numeric">
            {t('provinces.value')}
          </th>
          <th scope="col">{t('provinces.targetGroup')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.code}>
            <th scope="row">
              <Link to={`/provinces/${item.code}`}>{item.name}</Link>
            </th>
            <td className="numeric">{item.valueText}</td>
            <td>{item.targetRank !== null ? <TargetBadge rank={item.targetRank} /> : null}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Sources({ links }: { links: SourceLink[] }) {
  const { t } = useI18n();
  if (links.length === 0) {
    return null;
  }
  return (
    <div className="map-sources">
      <h3>{t('map.sources')}</h3>
      <ul>
        {links.map((link) => (
          <li key={link.url}>
            <ExternalLink href={link.url}>{link.label}</ExternalLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

function MapView({
  indicator,
  values,
  provinces,
  boundaries,
  view,
}: {
  indicator: AreaIndicator;
  values: IndicatorValues;
  provinces: Province[];
  boundaries: BoundaryFeatureCollection | null;
  view: View;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const indicatorName = localName(indicator, lang);

  const extent = useMemo(() => extentOf(values.values.map((v) => v.value)), [values]);
  const colors = useMemo(() => colorsFor(indicator.higherIsNeedier), [indicator.higherIsNeedier]);
  const items = useMemo(() => {
    const byCode = valuesByProvince(values.values);
    const map = new Map<number, MapItem>();
    for (const province of provinces) {
      const value = byCode.get(province.code);
      map.set(province.code, {
        code: province.code,
        name: localName(province, lang),
        value: value ? value.value : null,
        numberText: value ? formatIndicatorNumber(value.value, value.unit, lang) : null,
        valueText: value ? formatIndicatorValue(t, lang, value.value, value.unit) : t('map.noData'),
        targetRank: province.targetRank,
        targetText:
          province.targetRank !== null ? t('provinces.targetRank', { rank: province.targetRank }) : null,
        fill: value && extent ? colorForValue(value.value, extent, indicator.higherIsNeedier) : NO_DATA_COLOR,
      });
    }
    return map;
  }, [values, provinces, lang, t, extent, indicator.higherIsNeedier]);
  const labels = useMemo(() => ({ low: t('map.legendLow'), high: t('map.legendHigh') }), [t]);
  const onSelect = useCallback((code: number) => void navigate(`/provinces/${code}`), [navigate]);

  const withData = [...items.values()]
    .filter((item) => item.value !== null)
    .sort(byNeed(indicator.higherIsNeedier, new Intl.Collator(lang)));
  const links = useMemo(() => {
    const all = values.values.flatMap((v) => sourceLinks(v.sourceUrl));
    return all.filter((link, index) => all.findIndex((l) => l.url === link.url) === index);
  }, [values]);
  const yearText = values.year !== null ? formatYear(values.year, lang) : '–';
  const tileLabel = (item: MapItem) =>
    t('map.tileValue', { province: item.name, value: item.valueText }) +
    (item.targetText ? `; ${item.targetText}` : '');

  return (
    <>
      <div className="map-layout">
        <div className="map-panel" data-testid="province-map" data-view={view}>
          <p className="map-panel__mode">
            {view === 'boundaries'
              ? t('map.choropleth')
              : boundaries?.features.length
                ? t('map.tileGridView')
                : t('map.tileGrid')}
          </p>
          {view === 'boundaries' && boundaries ? (
            <Suspense fallback={<LoadingState label={t('map.loading')} />}>
              <ChoroplethMap
                boundaries={boundaries}
                items={items}
                extent={extent}
                colors={colors}
                labels={labels}
                ariaLabel={t('map.choroplethLabel', { indicator: indicatorName })}
                onSelect={onSelect}
              />
            </Suspense>
          ) : (
            <TileGridMap
              items={items}
              lang={lang}
              label={t('map.tileGridLabel', { indicator: indicatorName })}
              tileLabel={tileLabel}
            />
          )}
        </div>
        <aside className="map-aside" aria-labelledby="map-indicator-title">
          <h2 id="map-indicator-title" className="map-aside__title">
            {indicatorName}
          </h2>
          <p className="map-aside__meta">
            {t('map.yearShown', { year: yearText })} · {unitLabel(t, indicator.unit)}
          </p>
          {localText(indicator, 'description', lang) ? (
            <p>{localText(indicator, 'description', lang)}</p>
          ) : null}
          <p className="map-aside__meta">
            {t('map.provincesWithData', { count: formatNumber(withData.length, lang) })}
          </p>
          <Legend extent={extent} colors={colors} indicator={indicator} showScale={view === 'tiles'} />
          <Sources links={links} />
        </aside>
      </div>

      <section className="section map-values" aria-labelledby="map-table-title">
        <h2 id="map-table-title">{t('map.tableTitle')}</h2>
        {withData.length === 0 ? (
          <EmptyState>{t('map.noValues')}</EmptyState>
        ) : (
          <ValuesTable
            items={withData}
            caption={`${indicatorName} · ${t('map.yearShown', { year: yearText })}`}
          />
        )}
      </section>
    </>
  );
}

/** The province map: choose an indicator and year; provinces coloured by value; click one for its page. */
export default function MapPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('map.title'));
  const [params, setParams] = useSearchParams();
  const indicators = useIndicators();
  const provinces = useProvinces();
  const boundaries = useBoundaries();
  const indicatorId = useId();
  const yearId = useId();

  const list = indicators.status === 'success' ? indicators.data : [];
  const requested = params.get('indicator');
  const indicator =
    list.find((i) => i.code === requested) ??
    list.find((i) => i.code === DEFAULT_INDICATOR) ??
    list[0] ??
    null;
  const requestedYear = Number(params.get('year'));
  const year = indicator
    ? indicator.years.includes(requestedYear)
      ? requestedYear
      : (indicator.defaultYear ?? indicator.years[0] ?? null)
    : null;
  const values = useIndicatorValues(indicator ? indicator.code : null, year);

  const hasBoundaries = boundaries.status === 'success' && boundaries.data.features.length > 0;
  const view: View = hasBoundaries && params.get('view') !== 'tiles' ? 'boundaries' : 'tiles';

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) {
        next.delete(key);
      } else {
        next.set(key, value);
      }
    }
    setParams(next, { replace: true, preventScrollReset: true });
  };
  const onIndicator = (event: ChangeEvent<HTMLSelectElement>) =>
    update({ indicator: event.target.value, year: null });
  const onYear = (event: ChangeEvent<HTMLSelectElement>) => update({ year: event.target.value });

  let body;
  if (indicators.status === 'error') {
    body = <ErrorState error={indicators.error} onRetry={indicators.reload} />;
  } else if (provinces.status === 'error') {
    body = <ErrorState error={provinces.error} onRetry={provinces.reload} />;
  } else if (values.status === 'error') {
    body = <ErrorState error={values.error} onRetry={values.reload} />;
  } else if (indicators.status === 'success' && list.length === 0) {
    body = <EmptyState>{t('map.noIndicators')}</EmptyState>;
  } else if (
    indicator === null ||
    provinces.status !== 'success' ||
    values.status !== 'success' ||
    boundaries.status === 'loading'
  ) {
    body = (
      <div className="map-panel" data-testid="province-map">
        <LoadingState label={t('map.loading')} />
      </div>
    );
  } else {
    body = (
      <MapView
        indicator={indicator}
        values={values.data}
        provinces={provinces.data}
        boundaries={boundaries.status === 'success' ? boundaries.data : null}
        view={view}
      />
    );
  }

  return (
    <>
      <PageHeader title={t('map.title')} intro={<p>{t('map.intro')}</p>}>
        <div className="map-controls">
          <div className="field">
            <label htmlFor={indicatorId}>{t('map.indicator')}</label>
            <select
              id={indicatorId}
              value={indicator?.code ?? ''}
              onChange={onIndicator}
              disabled={list.length === 0}
            >
              {list.map((item) => (
                <option key={item.code} value={item.code}>
                  {localName(item, lang)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={yearId}>{t('common.yearColumn')}</label>
            <select
              id={yearId}
              value={year ?? ''}
              onChange={onYear}
              disabled={!indicator || indicator.years.length === 0}
            >
              {(indicator?.years ?? []).map((y) => (
                <option key={y} value={y}>
                  {formatYear(y, lang)}
                </option>
              ))}
            </select>
          </div>
          {hasBoundaries ? (
            <MapViewToggle
              name="map-view"
              isTiles={view === 'tiles'}
              onChange={(tiles) => update({ view: tiles ? 'tiles' : null })}
            />
          ) : null}
        </div>
      </PageHeader>
      <div className="container page-body">{body}</div>
    </>
  );
}
