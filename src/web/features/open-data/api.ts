import { OPEN_DATA_BASE_PATH, type OpenCatalogue } from '@shared/contracts/open-data';
import { useApi } from '@web/lib/use-api';

/** The open datasets with their live record counts and last changes. */
export function useOpenCatalogue() {
  return useApi<OpenCatalogue>(`${OPEN_DATA_BASE_PATH}/datasets`);
}
