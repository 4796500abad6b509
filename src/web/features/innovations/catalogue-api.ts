import type { CatalogueList, CatalogueQuery, SuggestionList } from '@shared/contracts/innovation-catalogue';
import { apiGetRaw, withQuery } from '@web/lib/api';

/** The query parameters the catalogue list takes (all optional here; the server applies the defaults). */
export type CatalogueParams = Partial<CatalogueQuery>;

export const catalogueApi = {
  list: (query: CatalogueParams, init?: { signal?: AbortSignal }) =>
    apiGetRaw<CatalogueList>(
      withQuery('/api/innovations', {
        q: query.q,
        theme: query.theme,
        sdg: query.sdg,
        province: query.province,
        region: query.region,
        srlMin: query.srlMin,
        srlMax: query.srlMax,
        programme: query.programme,
        diffusionReady: query.diffusionReady,
        featured: query.featured,
        scope: query.scope,
        status: query.status,
        sort: query.sort,
        limit: query.limit,
        cursor: query.cursor,
      }),
      init,
    ),
  suggest: (q: string, init?: { signal?: AbortSignal }) =>
    apiGetRaw<SuggestionList>(withQuery('/api/innovations/suggest', { q, limit: 8 }), init),
};

/** The public page of an innovation. */
export const innovationHref = (id: string) => `/innovations/${encodeURIComponent(id)}`;
