import type { FlagshipObjective, ProvinceGroup, Theme } from '@shared/contracts/reference';
import { useApi } from '@web/lib/use-api';

/** The code of the poor-province target group (กลุ่มจังหวัดยากจน). */
export const TARGET_GROUP_CODE = 'poverty_target';

export function useThemes() {
  return useApi<Theme[]>('/api/reference/themes');
}

export function useFlagshipObjectives() {
  return useApi<FlagshipObjective[]>('/api/reference/flagship-objectives');
}

export function useTargetGroup() {
  return useApi<ProvinceGroup>(`/api/reference/province-groups/${TARGET_GROUP_CODE}`);
}
