import type { CallDetail, CallPhase, CallSummary, EligibilityResult } from '@shared/contracts/calls';
import type { ThemeCode } from '@shared/reference/themes';
import { apiGet, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const CALLS = '/api/calls';

export interface CallFilters {
  phase: CallPhase | 'all';
  programme?: string | undefined;
  theme?: ThemeCode | undefined;
}

export function callPath(id: string, rest = ''): string {
  return `${CALLS}/${encodeURIComponent(id)}${rest}`;
}

/** Published calls, by phase and filters (always fresh: a call opens or closes while the page is open). */
export function useCalls(filters: CallFilters) {
  return useFreshApi<CallSummary[]>(withQuery(CALLS, { ...filters }));
}

export function useCall(id: string | undefined) {
  return useFreshApi<CallDetail>(id ? callPath(id) : null);
}

/** Whether an organisation may apply to a call, with each rule's reason (members of the organisation only). */
export function useEligibility(callId: string, organisationId: string | null) {
  return useFreshApi<EligibilityResult>(
    organisationId ? withQuery(callPath(callId, '/eligibility'), { organisationId }) : null,
  );
}

export const callsApi = {
  get: (id: string) => apiGet<CallDetail>(callPath(id)),
  list: (filters: CallFilters) => apiGet<CallSummary[]>(withQuery(CALLS, { ...filters })),
};
