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
import { apiGetRaw, apiSend, uploadFile, withQuery } from '@web/lib/api';
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

/** Uploads a document to an MOU. */
export function uploadMouDocument(mouId: string, file: File): Promise<MouDocument> {
  return uploadFile<MouDocument>(mouPath(mouId, '/documents'), file);
}
