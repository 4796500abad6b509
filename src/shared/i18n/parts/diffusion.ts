import type { Widen } from '../widen';

/** Thai strings of the diffusion capability (the source); English below. */
export const diffusionTh = {
  errors: {},
  emails: {},
  inbox: {},
};

export const diffusionEn: Widen<typeof diffusionTh> = {
  errors: {},
  emails: {},
  inbox: {},
};
