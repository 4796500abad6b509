import type { Coverage, CoverageQuery, ProvinceCoverage } from '@shared/contracts/coverage';
import { withQuery } from '@web/lib/api';
import { useApi } from '@web/lib/use-api';

/** Coverage against need of every province for the filters (public). */
export function useCoverage(query: CoverageQuery) {
  return useApi<Coverage>(withQuery('/api/coverage', { ...query }));
}

/** One province's coverage for the filters; nothing is loaded while `code` is null. */
export function useProvinceCoverage(code: number | null, query: CoverageQuery) {
  return useApi<ProvinceCoverage>(
    code === null ? null : withQuery(`/api/coverage/provinces/${code}`, { ...query }),
  );
}
