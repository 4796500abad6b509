import type { AuditEvent } from '@shared/contracts/audit';
import { apiGetRaw, withQuery } from '@web/lib/api';

/** The filters of the audit log, as the page's URL and the API take them. */
export interface AuditFilters {
  actorUserId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const AUDIT_FILTER_KEYS = ['actorUserId', 'entityType', 'entityId', 'action', 'from', 'to'] as const;

export interface AuditPage {
  data: AuditEvent[];
  page: { nextCursor: number | null };
}

export const AUDIT_PAGE_SIZE = 50;

/** One page of the audit log, newest first; `cursor` continues after the previous page. */
export function fetchAuditPage(filters: AuditFilters, cursor?: number): Promise<AuditPage> {
  return apiGetRaw<AuditPage>(withQuery('/api/audit-events', { ...filters, cursor, limit: AUDIT_PAGE_SIZE }));
}

/** The filters named in a URL's search parameters (empty ones left out). */
export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of AUDIT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) {
      filters[key] = value;
    }
  }
  return filters;
}
