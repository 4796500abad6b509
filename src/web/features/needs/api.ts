import type {
  CreatedNeed,
  CreateNeedBody,
  ExpressInterestBody,
  InterestOptions,
  InterestResult,
  MatchList,
  NeedActionBody,
  NeedDetail,
  NeedList,
  NeedListQuery,
  UpdateNeedBody,
} from '@shared/contracts/needs';
import { apiGetRaw, apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const needPath = (id: string, rest = '') => `/api/needs/${encodeURIComponent(id)}${rest}`;

export type NeedFilters = Partial<
  Pick<NeedListQuery, 'q' | 'theme' | 'provinceCode' | 'status' | 'cursor' | 'limit'>
>;

export const needsApi = {
  list: (query: NeedFilters, init?: { signal?: AbortSignal }) =>
    apiGetRaw<NeedList>(
      withQuery('/api/needs', {
        q: query.q,
        theme: query.theme,
        provinceCode: query.provinceCode,
        status: query.status,
        cursor: query.cursor,
        limit: query.limit,
      }),
      init,
    ),
  create: (body: CreateNeedBody) => apiSend<CreatedNeed>('POST', '/api/needs', body),
  update: (id: string, body: UpdateNeedBody) => apiSend<NeedDetail>('PATCH', needPath(id), body),
  act: (id: string, body: NeedActionBody) => apiSend<NeedDetail>('POST', needPath(id, '/actions'), body),
  expressInterest: (innovationId: string, body: ExpressInterestBody) =>
    apiSend<InterestResult>('POST', `/api/innovations/${encodeURIComponent(innovationId)}/interest`, body),
};

/** A need's page data, loaded afresh (staff act on it on the page). */
export function useNeed(id: string | undefined) {
  return useFreshApi<NeedDetail>(id ? needPath(id) : null);
}

export function useNeedMatches(id: string | undefined) {
  return useFreshApi<MatchList>(id ? needPath(id, '/matches') : null);
}

export function useStatementMatches(id: string | undefined) {
  return useFreshApi<MatchList>(id ? `/api/problem-statements/${encodeURIComponent(id)}/matches` : null);
}

/** What the "we want to adopt this" button needs; loaded afresh (it changes once the user acts). */
export function useInterestOptions(innovationId: string) {
  return useFreshApi<InterestOptions>(
    `/api/innovations/${encodeURIComponent(innovationId)}/interest-options`,
  );
}
