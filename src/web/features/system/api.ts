import type { HealthResponse } from '@shared/contracts/system';
import { useApiRaw } from '@web/lib/use-api';

/** The server's health (a bare document, not wrapped in `{ data }`); its version is shown in the footer. */
export function useHealth() {
  return useApiRaw<HealthResponse>('/api/health');
}
