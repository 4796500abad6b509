import type {
  DashboardOptions,
  Disbursement,
  Outcomes,
  Pipeline,
  PublicImpact,
  SrlProgression,
  UnitTargets,
} from '@shared/contracts/dashboards';
import { withQuery } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';

/** The dashboard filters as the address keeps them. `drivingUnitId` is an officer's (the server keeps staff to theirs). */
export interface DashboardFilters {
  fiscalYear?: number | undefined;
  programmeId?: string | undefined;
  drivingUnitId?: string | undefined;
}

const path = (name: string, filters: DashboardFilters) =>
  withQuery(`/api/dashboards/${name}`, {
    fiscalYear: filters.fiscalYear,
    programmeId: filters.programmeId,
    drivingUnitId: filters.drivingUnitId,
  });

export const useDashboardOptions = (filters: DashboardFilters) =>
  useFreshApi<DashboardOptions>(path('options', filters));
export const usePipeline = (filters: DashboardFilters) => useFreshApi<Pipeline>(path('pipeline', filters));
export const useDisbursement = (filters: DashboardFilters) =>
  useFreshApi<Disbursement>(path('disbursement', filters));
export const useOutcomes = (filters: DashboardFilters) => useFreshApi<Outcomes>(path('outcomes', filters));
export const useSrlProgression = (filters: DashboardFilters) =>
  useFreshApi<SrlProgression>(path('srl', filters));
export const useUnitTargets = (filters: DashboardFilters) =>
  useFreshApi<UnitTargets>(path('unit-targets', filters));

/** The public impact figures (cached: they change slowly). */
export const usePublicImpact = (fiscalYear: number | undefined) =>
  useApi<PublicImpact>(withQuery('/api/public/impact', { fiscalYear }));
