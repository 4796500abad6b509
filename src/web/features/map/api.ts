import type { BoundaryFeatureCollection } from '@shared/contracts/geo';
import type { AreaIndicator, IndicatorValues } from '@shared/contracts/indicators';
import { withQuery } from '@web/lib/api';
import { useApi, useApiRaw } from '@web/lib/use-api';

export function useIndicators() {
  return useApi<AreaIndicator[]>('/api/indicators');
}

export function useIndicatorValues(code: string | null, year: number | null) {
  return useApi<IndicatorValues>(
    code === null ? null : withQuery(`/api/indicators/${encodeURIComponent(code)}/values`, { year }),
  );
}

/** Province boundaries as GeoJSON (an empty collection when they have not been imported). */
export function useBoundaries() {
  return useApiRaw<BoundaryFeatureCollection>('/api/geo/boundaries');
}
