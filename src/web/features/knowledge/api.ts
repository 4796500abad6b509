import type {
  CreateResourceBody,
  Resource,
  ResourceList,
  ResourceListQuery,
  ResourceVersionBody,
  UpdateResourceBody,
} from '@shared/contracts/knowledge';
import { apiGetRaw, apiSend, uploadFile, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const resourcePath = (id: string, rest = '') => `/api/knowledge/${encodeURIComponent(id)}${rest}`;

export const knowledgeApi = {
  list: (query: Partial<ResourceListQuery>, init?: { signal?: AbortSignal }) =>
    apiGetRaw<ResourceList>(
      withQuery('/api/knowledge', {
        q: query.q,
        kind: query.kind,
        theme: query.theme,
        audience: query.audience,
        scope: query.scope,
        limit: query.limit,
        cursor: query.cursor,
      }),
      init,
    ),
  create: (body: CreateResourceBody) => apiSend<Resource>('POST', '/api/knowledge', body),
  update: (id: string, body: UpdateResourceBody) => apiSend<Resource>('PATCH', resourcePath(id), body),
  remove: (id: string) => apiSend('DELETE', resourcePath(id)),
  publish: (id: string, body: ResourceVersionBody) =>
    apiSend<Resource>('POST', resourcePath(id, '/publish'), body),
  unpublish: (id: string, body: ResourceVersionBody) =>
    apiSend<Resource>('POST', resourcePath(id, '/unpublish'), body),
  upload: (id: string, file: File) => uploadFile<Resource>(resourcePath(id, '/file'), file),
};

/** A resource, loaded afresh (its download count changes). */
export function useResource(id: string | undefined) {
  return useFreshApi<Resource>(id ? resourcePath(id) : null);
}

/** The file's download address (a plain link: the browser downloads it, and it counts). */
export function downloadHref(id: string): string {
  return resourcePath(id, '/download');
}

/** The address that opens a resource kept elsewhere (redirects, and counts). */
export function openHref(id: string): string {
  return resourcePath(id, '/open');
}

/** A file size for people: KB below a megabyte, else MB with one decimal. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
