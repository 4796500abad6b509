import type {
  UnitDashboard,
  UnitDetail,
  UnitProfile,
  UnitProfileBody,
  UnitRollup,
  UnitSummary,
  UnitTargetsBody,
} from '@shared/contracts/driving-units';
import { apiSend, withQuery } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';

const unitPath = (id: string, rest = '') => `/api/driving-units/${encodeURIComponent(id)}${rest}`;

export const unitsApi = {
  saveTargets: (id: string, body: UnitTargetsBody) =>
    apiSend<UnitDashboard>('PUT', unitPath(id, '/targets'), body),
  saveProfile: (id: string, body: UnitProfileBody) =>
    apiSend<UnitProfile>('PUT', unitPath(id, '/profile'), body),
};

/** The public directory of units (kept for the session: units change rarely). */
export function useUnitDirectory() {
  return useApi<UnitSummary[]>('/api/driving-units');
}

/** A unit's public page (fresh: its activities and abilities depend on the moment and the person). */
export function useUnitDetail(id: string | undefined) {
  return useFreshApi<UnitDetail>(id ? unitPath(id) : null);
}

/** A unit's dashboard for a fiscal year (BE), always loaded afresh. */
export function useUnitDashboard(id: string | undefined, fiscalYear: number | undefined) {
  return useFreshApi<UnitDashboard>(id ? withQuery(unitPath(id, '/dashboard'), { fiscalYear }) : null);
}

/** The national roll-up for a fiscal year (BE). */
export function useUnitRollup(fiscalYear: number | undefined) {
  return useFreshApi<UnitRollup>(withQuery('/api/driving-units/rollup', { fiscalYear }));
}
