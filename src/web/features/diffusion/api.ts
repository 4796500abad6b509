import type {
  AdoptionDetail,
  AdoptionUpdate,
  CreateAdoptionBody,
  DiffusionOverview,
  DiffusionQuery,
  InnovationDiffusion,
  StatusChangeBody,
  UpdateAdoptionBody,
  UpdateVillageBody,
  VillageProfile,
} from '@shared/contracts/diffusion';
import { apiSend, uploadFile, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const adoptionPath = (id: string, rest = '') => `/api/adoptions/${encodeURIComponent(id)}${rest}`;

export const diffusionApi = {
  create: (body: CreateAdoptionBody) => apiSend<AdoptionDetail>('POST', '/api/adoptions', body),
  update: (id: string, body: UpdateAdoptionBody) => apiSend<AdoptionDetail>('PATCH', adoptionPath(id), body),
  changeStatus: (id: string, body: StatusChangeBody) =>
    apiSend<AdoptionDetail>('POST', adoptionPath(id, '/status'), body),
  updateVillage: (id: string, body: UpdateVillageBody) =>
    apiSend<VillageProfile>('PATCH', `/api/villages/${encodeURIComponent(id)}`, body),
};

/** Posts an update: the story, with the photo (multipart) when one is chosen. */
export function postUpdate(adoptionId: string, story: string, photo: File | null): Promise<AdoptionUpdate> {
  if (photo) {
    return uploadFile<AdoptionUpdate>(adoptionPath(adoptionId, '/photo-updates'), photo, {
      fields: { body: story },
    });
  }
  return apiSend<AdoptionUpdate>('POST', adoptionPath(adoptionId, '/updates'), { body: story });
}

/** Adoption data changes on the page (status, updates): always loaded afresh. */
export function useInnovationDiffusion(innovationId: string | null) {
  return useFreshApi<InnovationDiffusion>(
    innovationId ? `/api/innovations/${encodeURIComponent(innovationId)}/diffusion` : null,
  );
}

export function useOverview(query: DiffusionQuery) {
  return useFreshApi<DiffusionOverview>(
    withQuery('/api/diffusion', {
      theme: query.theme,
      provinceCode: query.provinceCode,
      status: query.status,
    }),
  );
}

export function useAdoption(id: string | undefined) {
  return useFreshApi<AdoptionDetail>(id ? adoptionPath(id) : null);
}

export function useVillage(id: string | undefined) {
  return useFreshApi<VillageProfile>(id ? `/api/villages/${encodeURIComponent(id)}` : null);
}
