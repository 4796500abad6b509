import type { District, Province, ProvinceDetail, Subdistrict } from '@shared/contracts/geo';
import type { ProvinceIndicatorValue } from '@shared/contracts/indicators';
import { useApi } from '@web/lib/use-api';

export function useProvinces() {
  return useApi<Province[]>('/api/geo/provinces');
}

/** A province by its two-digit code; `null` (nothing loaded) when the code is not a province code at all. */
export function useProvince(code: number | null) {
  return useApi<ProvinceDetail>(code === null ? null : `/api/geo/provinces/${code}`);
}

export function useDistricts(provinceCode: number | null) {
  return useApi<District[]>(provinceCode === null ? null : `/api/geo/provinces/${provinceCode}/districts`);
}

export function useSubdistricts(districtCode: number | null) {
  return useApi<Subdistrict[]>(
    districtCode === null ? null : `/api/geo/districts/${districtCode}/subdistricts`,
  );
}

export function useProvinceIndicators(provinceCode: number | null) {
  return useApi<ProvinceIndicatorValue[]>(
    provinceCode === null ? null : `/api/geo/provinces/${provinceCode}/indicators`,
  );
}

/** Parses a route's province code: two digits, 10–99. */
export function parseProvinceCode(raw: string | undefined): number | null {
  if (!raw || !/^\d{2}$/.test(raw)) {
    return null;
  }
  const code = Number(raw);
  return code >= 10 && code <= 99 ? code : null;
}
