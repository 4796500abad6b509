import type {
  Contribution,
  ContributionBody,
  CreatePartnerBody,
  LinkBody,
  LinkTargetOption,
  Mou,
  MouBody,
  MouDocument,
  NetworkGraph,
  PartnerDetail,
  PartnerLink,
  PartnerList,
  PartnerListQuery,
  PartnerRole,
  UpdatePartnerBody,
} from '@shared/contracts/network';
import { ApiError, CSRF_HEADER, apiGetRaw, apiSend, withQuery } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';

const partnerPath = (id: string, rest = '') => `/api/partners/${encodeURIComponent(id)}${rest}`;
const mouPath = (id: string, rest = '') => `/api/partner-mous/${encodeURIComponent(id)}${rest}`;

/** The directory's query without paging defaults, as address parameters. */
export function directoryQuery(
  query: Partial<PartnerListQuery>,
): Record<string, string | number | undefined> {
  return { q: query.q, role: query.role, sector: query.sector, cursor: query.cursor, limit: query.limit };
}

export const networkApi = {
  list: (query: Partial<PartnerListQuery>, init?: { signal?: AbortSignal }) =>
    apiGetRaw<PartnerList>(withQuery('/api/partners', directoryQuery(query)), init),
  create: (body: CreatePartnerBody) => apiSend<PartnerDetail>('POST', '/api/partners', body),
  update: (id: string, body: UpdatePartnerBody) => apiSend<PartnerDetail>('PATCH', partnerPath(id), body),
  remove: (id: string) => apiSend('DELETE', partnerPath(id)),
  createMou: (partnerId: string, body: MouBody) =>
    apiSend<Mou>('POST', partnerPath(partnerId, '/mous'), body),
  removeMou: (id: string) => apiSend('DELETE', mouPath(id)),
  removeDocument: (mouId: string, documentId: string) =>
    apiSend('DELETE', mouPath(mouId, `/documents/${encodeURIComponent(documentId)}`)),
  addContribution: (partnerId: string, body: ContributionBody) =>
    apiSend<Contribution>('POST', partnerPath(partnerId, '/contributions'), body),
  removeContribution: (id: string) =>
    apiSend('DELETE', `/api/partner-contributions/${encodeURIComponent(id)}`),
  addLink: (partnerId: string, body: LinkBody) =>
    apiSend<PartnerLink>('POST', partnerPath(partnerId, '/links'), body),
  removeLink: (id: string) => apiSend('DELETE', `/api/partner-links/${encodeURIComponent(id)}`),
};

/** An MOU document's download address (staff only; a plain link). */
export function documentHref(mouId: string, documentId: string): string {
  return mouPath(mouId, `/documents/${encodeURIComponent(documentId)}`);
}

/** A partner's page data, loaded afresh (officers change it on the page). */
export function usePartner(id: string | undefined) {
  return useFreshApi<PartnerDetail>(id ? partnerPath(id) : null);
}

/** The network graph, optionally only partners with one role. */
export function useNetworkGraph(role: PartnerRole | undefined) {
  return useFreshApi<NetworkGraph>(withQuery('/api/network/graph', { role }));
}

/** What officers can link partners to (kept for the session). */
export function useLinkTargets(enabled: boolean) {
  return useApi<LinkTargetOption[]>(enabled ? '/api/network/link-targets' : null);
}

function errorOf(status: number, body: unknown): ApiError {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    const error = (body as { error: { code?: unknown; message?: unknown; details?: unknown } }).error;
    if (typeof error.code === 'string' && typeof error.message === 'string') {
      return new ApiError(error.code, error.message, status, error.details);
    }
  }
  return new ApiError('HTTP_ERROR', `HTTP ${status}`, status);
}

/**
 * Sends one file as multipart form data (`file`) with the session's CSRF token; resolves with the answer's data or
 * rejects with the server's error (wrong content, too big).
 */
export async function uploadFile<T>(path: string, file: File, csrfToken: string | null): Promise<T> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const lang = document.documentElement.lang;
  if (lang) {
    headers['accept-language'] = lang;
  }
  if (csrfToken) {
    headers[CSRF_HEADER] = csrfToken;
  }
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError('NETWORK_ERROR', 'Network error', 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    throw errorOf(response.status, body);
  }
  return (body as { data: T }).data;
}

/** Uploads a document to an MOU. */
export function uploadMouDocument(mouId: string, file: File, csrfToken: string | null): Promise<MouDocument> {
  return uploadFile<MouDocument>(mouPath(mouId, '/documents'), file, csrfToken);
}
