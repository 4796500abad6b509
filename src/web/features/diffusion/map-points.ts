import type { BoundaryFeatureCollection } from '@shared/contracts/geo';
import type { AdoptionStatus } from '@shared/contracts/diffusion';
import { PROVINCE_TILES, TILE_GRID_SIZE } from '@web/features/map/tile-layout';

/** Status colours on the map and beside status names (each with a text label; never colour alone). */
export const STATUS_COLORS: Record<AdoptionStatus, string> = {
  interested: '#b7791f',
  planning: '#2b6cb0',
  implementing: '#6b46c1',
  adopted: '#2f855a',
  sustained: '#1c4532',
  discontinued: '#718096',
};

export const ORIGIN_COLOR = '#a11b12';

export type Point = [number, number];

type Ring = Point[];

function isPoint(value: unknown): value is Point {
  return Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number';
}

/** The signed area and centroid of a ring (shoelace). */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0, y0] = ring[i] ?? [0, 0];
    const [x1, y1] = ring[i + 1] ?? [0, 0];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    cx += (x0 + x1) * cross;
    cy += (y0 + y1) * cross;
  }
  area /= 2;
  if (area === 0) {
    const n = Math.max(ring.length, 1);
    return { area: 0, x: ring.reduce((s, p) => s + p[0], 0) / n, y: ring.reduce((s, p) => s + p[1], 0) / n };
  }
  return { area, x: cx / (6 * area), y: cy / (6 * area) };
}

/** The outer rings of a Polygon or MultiPolygon. */
function outerRings(geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown[][] }): Ring[] {
  const polygons =
    geometry.type === 'Polygon' ? [geometry.coordinates] : (geometry.coordinates as unknown[][][]);
  return polygons.flatMap((polygon) => {
    const outer = polygon[0];
    return Array.isArray(outer) ? [outer.filter(isPoint)] : [];
  });
}

/**
 * Each province's centroid [longitude, latitude]: the centroid of its largest polygon (so an island does not pull a
 * coastal province's point into the sea).
 */
export function provinceCentroids(boundaries: BoundaryFeatureCollection): Map<number, Point> {
  const centroids = new Map<number, Point>();
  for (const feature of boundaries.features) {
    let best: { area: number; x: number; y: number } | null = null;
    for (const ring of outerRings(feature.geometry)) {
      const c = ringCentroid(ring);
      if (!best || Math.abs(c.area) > Math.abs(best.area)) {
        best = c;
      }
    }
    if (best) {
      centroids.set(feature.properties.code, [best.x, best.y]);
    }
  }
  return centroids;
}

/** Tile-grid positions [column, row] (row growing downwards is flipped by the chart's inverse y axis). */
export function tilePositions(): Map<number, Point> {
  return new Map(PROVINCE_TILES.map((tile) => [tile.code, [tile.col, tile.row]]));
}

export const TILE_EXTENT = { cols: TILE_GRID_SIZE.cols, rows: TILE_GRID_SIZE.rows };

/**
 * The `index`-th point around a province's centre: the first at the centre, then on a golden-angle spiral, so that
 * several sites in one province stay apart and each keeps its place when more are added.
 */
export function spreadPoint(centre: Point, index: number, step: number): Point {
  if (index === 0) {
    return centre;
  }
  const angle = index * 2.399963;
  const radius = step * Math.sqrt(index);
  return [centre[0] + radius * Math.cos(angle), centre[1] + radius * Math.sin(angle)];
}
