import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Language } from '@shared/i18n/index';
import { NO_DATA_COLOR, TARGET_OUTLINE_COLOR, textColorOn } from '../color-scale';
import type { MapItem } from '../map-data';
import { PROVINCE_TILES, TILE_GRID_SIZE } from '../tile-layout';

const TILE = 40;
const GAP = 4;
const STEP = TILE + GAP;

/**
 * The 77 provinces as equal squares on an approximate geographic grid: an SVG whose tiles are links to the
 * province pages (keyboard-focusable, each named with its province and value).
 */
export function TileGridMap({
  items,
  lang,
  label,
  tileLabel,
}: {
  items: ReadonlyMap<number, MapItem>;
  lang: Language;
  label: string;
  tileLabel: (item: MapItem) => string;
}) {
  const navigate = useNavigate();
  const width = TILE_GRID_SIZE.cols * STEP - GAP;
  const height = TILE_GRID_SIZE.rows * STEP - GAP;

  const onTileClick = (event: MouseEvent<Element>, code: number) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    void navigate(`/provinces/${code}`);
  };

  return (
    <svg
      className="tile-grid"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={label}
      data-testid="tile-grid"
    >
      {PROVINCE_TILES.map((tile) => {
        const item = items.get(tile.code);
        const fill = item?.fill ?? NO_DATA_COLOR;
        const text = textColorOn(fill);
        const x = tile.col * STEP;
        const y = tile.row * STEP;
        const isTarget = item?.targetRank !== null && item?.targetRank !== undefined;
        const abbr = lang === 'th' ? tile.abbrTh : tile.abbrEn;
        const hasValue = item?.numberText !== null && item?.numberText !== undefined;
        // The accessible name begins with the tile's visible text (abbreviation and number), then the details.
        const visible = hasValue ? `${abbr} ${item?.numberText ?? ''}` : abbr;
        const name = `${visible} (${item ? tileLabel(item) : String(tile.code)})`;
        return (
          <a
            key={tile.code}
            href={`/provinces/${tile.code}`}
            className="tile"
            aria-label={name}
            onClick={(event) => onTileClick(event, tile.code)}
          >
            <title>{name}</title>
            <rect className="tile__bg" x={x} y={y} width={TILE} height={TILE} rx={4} fill={fill} />
            {isTarget ? (
              <rect
                className="tile__target"
                x={x + 1.25}
                y={y + 1.25}
                width={TILE - 2.5}
                height={TILE - 2.5}
                rx={3}
                fill="none"
                stroke={TARGET_OUTLINE_COLOR}
                strokeWidth={2.5}
              />
            ) : null}
            <text x={x + TILE / 2} textAnchor="middle" fill={text} aria-hidden="true">
              <tspan className="tile__abbr" x={x + TILE / 2} y={y + (hasValue ? 17 : 24)}>
                {abbr}
              </tspan>
              {hasValue ? (
                <>
                  {' '}
                  <tspan className="tile__value" x={x + TILE / 2} y={y + 31}>
                    {item?.numberText}
                  </tspan>
                </>
              ) : null}
            </text>
          </a>
        );
      })}
    </svg>
  );
}
