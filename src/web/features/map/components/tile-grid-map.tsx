import type { MouseEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Language } from '@shared/i18n/index';
import { NO_DATA_COLOR, TARGET_OUTLINE_COLOR, textColorOn } from '../color-scale';
import type { MapItem } from '../map-data';
import { PROVINCE_TILES, TILE_GRID_SIZE } from '../tile-layout';

const TILE = 40;
const GAP = 4;
const STEP = TILE + GAP;

const provinceHref = (code: number) => `/provinces/${code}`;

/**
 * The 77 provinces as equal squares on an approximate geographic grid: an SVG whose tiles are links (by default to
 * the province pages; keyboard-focusable, each named with its province and value). The target group is outlined;
 * provinces that `isUnderServed` marks carry a dot.
 */
export function TileGridMap<T extends MapItem>({
  items,
  lang,
  label,
  tileLabel,
  hrefOf = provinceHref,
  isUnderServed,
  testId = 'tile-grid',
}: {
  items: ReadonlyMap<number, T>;
  lang: Language;
  label: string;
  tileLabel: (item: T) => string;
  /** Where a province's tile links to. */
  hrefOf?: (code: number) => string;
  isUnderServed?: (item: T) => boolean;
  testId?: string;
}) {
  const navigate = useNavigate();
  const width = TILE_GRID_SIZE.cols * STEP - GAP;
  const height = TILE_GRID_SIZE.rows * STEP - GAP;

  const onTileClick = (event: MouseEvent<Element>, href: string) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    event.preventDefault();
    void navigate(href);
  };

  return (
    <svg
      className="tile-grid"
      viewBox={`0 0 ${width} ${height}`}
      role="group"
      aria-label={label}
      data-testid={testId}
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
        const href = hrefOf(tile.code);
        const underServed = item !== undefined && isUnderServed !== undefined && isUnderServed(item);
        return (
          <a
            key={tile.code}
            href={href}
            className="tile"
            aria-label={name}
            onClick={(event) => onTileClick(event, href)}
            data-under-served={underServed ? 'true' : undefined}
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
            {underServed ? (
              <circle
                className="tile__under-served"
                cx={x + TILE - 7}
                cy={y + 7}
                r={3.5}
                fill={TARGET_OUTLINE_COLOR}
                stroke="#ffffff"
                strokeWidth={1}
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
