import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Open data: the versioned read-only public API, dataset catalogue, data dictionary and bulk downloads. */
export const openDataRoutes: FastifyPluginAsyncZod = async () => {};
