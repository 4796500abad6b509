import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The indicator library and the financial proxy library. */
export const impactLibraryRoutes: FastifyPluginAsyncZod = async () => {};
