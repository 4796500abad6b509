import { Suspense, lazy, useCallback, useMemo } from 'react';
import { useNavigate } from 'react-router';
import type { AdoptionSummary } from '@shared/contracts/diffusion';
import { LoadingState } from '@web/components/ui/states';
import { useBoundaries } from '@web/features/map/api';
import { useProvinces } from '@web/features/provinces/api';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { PROVINCE_TILES } from '@web/features/map/tile-layout';
import { buildMapModel, type MapModel } from '../map-model';
import { TILE_EXTENT, provinceCentroids, tilePositions } from '../map-points';
import { provinceName, siteText } from '../labels';

const DiffusionMap = lazy(() => import('./diffusion-map'));

const TILE = 40;
const GAP = 4;
const STEP = TILE + GAP;

/** The fallback without boundaries: provinces as tiles, sites as dots, links as arrows (SVG). */
function TileDiffusionMap({ model, label }: { model: MapModel; label: string }) {
  const navigate = useNavigate();
  const { lang } = useI18n();
  const width = TILE_EXTENT.cols * STEP - GAP;
  const height = TILE_EXTENT.rows * STEP - GAP;
  const at = ([col, row]: [number, number]) => [col * STEP + TILE / 2, row * STEP + TILE / 2] as const;
  const target = new Set(model.targetProvinceCodes);
  return (
    <svg className="df-map__tiles" viewBox={`0 0 ${width} ${height}`} role="group" aria-label={label}>
      <defs>
        <marker
          id="df-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="5"
          markerHeight="5"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="#5a6b7c" />
        </marker>
      </defs>
      {PROVINCE_TILES.map((tile) => (
        <g key={tile.code}>
          <title>{provinceName(tile.code, lang)}</title>
          <rect
            x={tile.col * STEP}
            y={tile.row * STEP}
            width={TILE}
            height={TILE}
            rx={4}
            fill={target.has(tile.code) ? '#fbe9e7' : '#eef2f6'}
            stroke="#b8c4d0"
          />
          <text x={tile.col * STEP + 4} y={tile.row * STEP + 11} className="df-map__abbr" aria-hidden="true">
            {lang === 'th' ? tile.abbrTh : tile.abbrEn}
          </text>
        </g>
      ))}
      {model.links.map((link, i) => {
        const [x1, y1] = at(link.from);
        const [x2, y2] = at(link.to);
        return (
          <line
            key={i}
            x1={x1}
            y1={y1}
            x2={x2}
            y2={y2}
            stroke="#5a6b7c"
            strokeOpacity={0.6}
            strokeWidth={1.2}
            markerEnd="url(#df-arrow)"
          />
        );
      })}
      {model.sites.map((site) => {
        const [x, y] = at(site.point);
        const color =
          model.legend.find((l) => l.kind === 'status' && l.status === site.status)?.color ?? '#333';
        return (
          <a
            key={site.id}
            href={`/adoptions/${site.id}`}
            aria-label={site.tip.replace(/\n/g, ', ')}
            onClick={(event) => {
              event.preventDefault();
              void navigate(`/adoptions/${site.id}`);
            }}
          >
            <title>{site.tip}</title>
            <circle cx={x} cy={y} r={5} fill={color} stroke="#fff" strokeWidth={1} />
          </a>
        );
      })}
      {model.origins.map((origin) => {
        const [x, y] = at(origin.point);
        return (
          <g key={origin.id}>
            <title>{origin.tip}</title>
            <path
              d={`M${x},${y - 8} L${x + 7},${y} L${x},${y + 8} L${x - 7},${y} z`}
              fill={model.originColor}
              stroke="#fff"
            />
          </g>
        );
      })}
    </svg>
  );
}

/**
 * The diffusion map: origins and adoption sites (coloured by status) with origin→site links, on the province
 * boundaries when imported (ECharts, loaded lazily), on the tile grid otherwise; a legend and a one-line summary.
 */
export function DiffusionMapPanel({
  origins,
  adoptions,
}: {
  origins: Array<{ id: string; provinceCode: number | null; title: string }>;
  adoptions: AdoptionSummary[];
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const navigate = useNavigate();
  const boundaries = useBoundaries();
  const provinces = useProvinces();
  const hasBoundaries = boundaries.status === 'success' && boundaries.data.features.length > 0;
  const targetCodes = useMemo(
    () =>
      provinces.status === 'success'
        ? provinces.data.filter((p) => p.targetRank !== null).map((p) => p.code)
        : [],
    [provinces],
  );
  const model = useMemo(() => {
    if (boundaries.status === 'loading' || boundaries.status === 'idle') {
      return null;
    }
    const positions =
      boundaries.status === 'success' && boundaries.data.features.length > 0
        ? provinceCentroids(boundaries.data)
        : tilePositions();
    return buildMapModel({
      origins,
      adoptions,
      positions,
      spread: 0.16,
      targetProvinceCodes: targetCodes,
      labels: {
        origin: t('diffusion.map.origin'),
        link: t('diffusion.map.link'),
        status: (status) => t(`diffusion.status.${status}`),
        province: (code) => provinceName(code, lang),
        siteTip: (a) =>
          `${a.adopterName}\n${siteText(a, i18n)}\n${t(`diffusion.status.${a.status}`)} · ${formatDate(a.statusOn, lang)}`,
        originTip: (title, code) => `${title}\n${t('diffusion.map.origin')} · ${provinceName(code, lang)}`,
      },
    });
  }, [boundaries, origins, adoptions, targetCodes, t, lang, i18n]);
  const onSelectSite = useCallback((id: string) => void navigate(`/adoptions/${id}`), [navigate]);

  if (!model) {
    return <LoadingState />;
  }
  const provincesReached = new Set(adoptions.map((a) => a.provinceCode)).size;
  return (
    <figure className="df-map" data-testid="diffusion-map" data-view={hasBoundaries ? 'boundaries' : 'tiles'}>
      {hasBoundaries && boundaries.status === 'success' ? (
        <Suspense fallback={<LoadingState />}>
          <DiffusionMap
            boundaries={boundaries.data}
            model={model}
            ariaLabel={t('diffusion.map.label')}
            onSelectSite={onSelectSite}
          />
        </Suspense>
      ) : (
        <TileDiffusionMap model={model} label={t('diffusion.map.label')} />
      )}
      <ul className="df-map__legend">
        {model.legend.map((entry) => (
          <li key={entry.name}>
            <span
              className={entry.kind === 'origin' ? 'df-map__key df-map__key--origin' : 'df-map__key'}
              style={{ background: entry.color }}
              aria-hidden="true"
            />
            {entry.name}
          </li>
        ))}
      </ul>
      <figcaption className="df-muted">
        {t('diffusion.map.summary', {
          origins: model.origins.length,
          sites: adoptions.length,
          provinces: provincesReached,
        })}
        {hasBoundaries ? null : ` · ${t('diffusion.map.tilesNote')}`}
      </figcaption>
    </figure>
  );
}
