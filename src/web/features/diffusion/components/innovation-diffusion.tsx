/** The diffusion of one innovation (sites, metrics, map), shown on its catalogue page. */
export function InnovationDiffusion(_props: { innovationId: string }) {
  return null;
}
