import type { PublicFigures } from '@shared/contracts/public-site';
import { useApi } from '@web/lib/use-api';

/** The home page's live figures (the server counts them at most once a minute). */
export function usePublicFigures() {
  return useApi<PublicFigures>('/api/public/figures');
}
