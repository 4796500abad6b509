/** A local government's "we want to adopt this" button on a diffusion-ready innovation's page. */
export function ExpressInterest(_props: { innovationId: string }) {
  return null;
}
