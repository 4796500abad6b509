import type { DrivingUnit, PlatformRole, UserSummary } from '@shared/contracts/identity';
import { apiSend, withQuery } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';

const USERS = '/api/admin/users';

function rolesPath(userId: string): string {
  return `${USERS}/${encodeURIComponent(userId)}/roles`;
}

export const adminUsersApi = {
  grantRole: (userId: string, role: PlatformRole, drivingUnitId: string | null) =>
    apiSend('POST', rolesPath(userId), role === 'driving_unit_staff' ? { role, drivingUnitId } : { role }),
  revokeRole: (userId: string, role: PlatformRole) =>
    apiSend('DELETE', `${rolesPath(userId)}/${encodeURIComponent(role)}`),
};

/** Accounts (at most 200), optionally those whose name or email contains `search`. */
export function useUsers(search: string) {
  return useFreshApi<UserSummary[]>(withQuery(USERS, { search: search.trim() || undefined }));
}

export function useDrivingUnits() {
  return useApi<DrivingUnit[]>('/api/driving-units');
}
