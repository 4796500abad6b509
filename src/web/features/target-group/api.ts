import type { ProvinceGroup, UpdateProvinceGroupBody } from '@shared/contracts/reference';
import { TARGET_GROUP_CODE } from '@web/features/reference/api';
import { apiSend } from '@web/lib/api';
import { forgetCached, useFreshApi } from '@web/lib/use-api';

const GROUP_PATH = `/api/reference/province-groups/${TARGET_GROUP_CODE}`;

export const targetGroupApi = {
  /** Replaces the group (administrators); afterwards the cached group and provinces (their rank) are stale. */
  update: async (body: UpdateProvinceGroupBody) => {
    const saved = await apiSend<ProvinceGroup>('PUT', GROUP_PATH, body);
    forgetCached('/api/reference/province-groups/', '/api/geo/provinces');
    return saved;
  },
};

/** The target group as it is now (never from the session cache: the editor must start from the latest). */
export function useTargetGroupFresh() {
  return useFreshApi<ProvinceGroup>(GROUP_PATH);
}
