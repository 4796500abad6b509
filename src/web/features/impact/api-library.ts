import type {
  CreateFinancialProxyBody,
  CreateImpactIndicatorBody,
  FinancialProxy,
  FinancialProxyList,
  FinancialProxyListQuery,
  ImpactIndicator,
  ImpactIndicatorList,
  ImpactIndicatorListQuery,
  UpdateFinancialProxyBody,
  UpdateImpactIndicatorBody,
} from '@shared/contracts/impact-library';
import { apiGet, apiGetRaw, apiSend, withQuery } from '@web/lib/api';

/** Filters of the indicator library list (all optional; the server's defaults apply). */
export type IndicatorFilters = Partial<ImpactIndicatorListQuery>;
/** Filters of the financial proxy library list. */
export type ProxyFilters = Partial<FinancialProxyListQuery>;

const indicatorPath = (id: string) => `/api/impact-indicators/${encodeURIComponent(id)}`;
const proxyPath = (id: string) => `/api/financial-proxies/${encodeURIComponent(id)}`;

/** The indicator library and the financial proxy library (`/api/impact-indicators`, `/api/financial-proxies`). */
export const libraryApi = {
  listIndicators: (query: IndicatorFilters, init?: { signal?: AbortSignal }) =>
    apiGetRaw<ImpactIndicatorList>(
      withQuery('/api/impact-indicators', {
        q: query.q,
        type: query.type,
        theme: query.theme,
        active: query.active,
        sort: query.sort,
        limit: query.limit,
        cursor: query.cursor,
      }),
      init,
    ),
  getIndicator: (id: string) => apiGet<ImpactIndicator>(indicatorPath(id)),
  createIndicator: (body: CreateImpactIndicatorBody) =>
    apiSend<ImpactIndicator>('POST', '/api/impact-indicators', body),
  updateIndicator: (id: string, body: UpdateImpactIndicatorBody) =>
    apiSend<ImpactIndicator>('PATCH', indicatorPath(id), body),

  listProxies: (query: ProxyFilters, init?: { signal?: AbortSignal }) =>
    apiGetRaw<FinancialProxyList>(
      withQuery('/api/financial-proxies', {
        q: query.q,
        theme: query.theme,
        active: query.active,
        sort: query.sort,
        limit: query.limit,
        cursor: query.cursor,
      }),
      init,
    ),
  getProxy: (id: string) => apiGet<FinancialProxy>(proxyPath(id)),
  createProxy: (body: CreateFinancialProxyBody) =>
    apiSend<FinancialProxy>('POST', '/api/financial-proxies', body),
  updateProxy: (id: string, body: UpdateFinancialProxyBody) =>
    apiSend<FinancialProxy>('PATCH', proxyPath(id), body),
};
