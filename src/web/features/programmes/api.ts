import type { Programme } from '@shared/contracts/reference';
import { useApi } from '@web/lib/use-api';

export function useProgrammes() {
  return useApi<Programme[]>('/api/programmes');
}

export function useProgramme(slug: string | undefined) {
  return useApi<Programme>(slug ? `/api/programmes/${encodeURIComponent(slug)}` : null);
}
