import type {
  CoverBody,
  CreateInnovationBody,
  DiffusionBody,
  FeatureInnovationBody,
  InnovationChoices,
  InnovationDetail,
  InnovationVersionBody,
  MediaChangeBody,
  SrlAssessmentBody,
  UpdateInnovationBody,
} from '@shared/contracts/innovations';
import { apiSend, uploadFile } from '@web/lib/api';
import { useApi, useFreshApi } from '@web/lib/use-api';

const path = (id: string, rest = '') => `/api/innovations/${encodeURIComponent(id)}${rest}`;

export const innovationApi = {
  create: (body: CreateInnovationBody) => apiSend<InnovationDetail>('POST', '/api/innovations', body),
  update: (id: string, body: UpdateInnovationBody) => apiSend<InnovationDetail>('PATCH', path(id), body),
  publish: (id: string, body: InnovationVersionBody) =>
    apiSend<InnovationDetail>('POST', path(id, '/publish'), body),
  unpublish: (id: string, body: InnovationVersionBody) =>
    apiSend<InnovationDetail>('POST', path(id, '/unpublish'), body),
  feature: (id: string, body: FeatureInnovationBody) =>
    apiSend<InnovationDetail>('POST', path(id, '/feature'), body),
  setDiffusion: (id: string, body: DiffusionBody) =>
    apiSend<InnovationDetail>('PUT', path(id, '/adoption-package'), body),
  assessSrl: (id: string, body: SrlAssessmentBody) =>
    apiSend<InnovationDetail>('POST', path(id, '/srl'), body),
  setCover: (id: string, body: CoverBody) => apiSend<InnovationDetail>('PUT', path(id, '/cover'), body),
  upload: (id: string, file: File, captionTh: string) =>
    uploadFile<InnovationDetail>(path(id, '/media'), file, { fields: { captionTh } }),
  changeMedia: (id: string, mediaId: string, body: MediaChangeBody) =>
    apiSend<InnovationDetail>('PATCH', path(id, `/media/${encodeURIComponent(mediaId)}`), body),
  removeMedia: (id: string, mediaId: string) =>
    apiSend<InnovationDetail>('DELETE', path(id, `/media/${encodeURIComponent(mediaId)}`)),
};

/** An entry, loaded afresh (editors change it on the page). */
export function useInnovation(id: string | undefined) {
  return useFreshApi<InnovationDetail>(id ? path(id) : null);
}

/** Programmes, units and partners for the editor (officers only; kept for the session). */
export function useInnovationChoices(enabled: boolean) {
  return useApi<InnovationChoices>(enabled ? '/api/innovations/choices' : null);
}

/** The public page of an entry, and its absolute address for sharing. */
export const innovationPagePath = (id: string) => `/innovations/${encodeURIComponent(id)}`;
export const innovationPageUrl = (id: string) => `${window.location.origin}${innovationPagePath(id)}`;

/** Share addresses of a page for LINE and Facebook (opened in a new tab; nothing is loaded from them here). */
export function shareLinks(url: string, text: string): { line: string; facebook: string } {
  return {
    line: `https://social-plugins.line.me/lineit/share?url=${encodeURIComponent(url)}&text=${encodeURIComponent(text)}`,
    facebook: `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`,
  };
}

/** A file size for people: KB below a megabyte, else MB with one decimal. */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
