import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Background jobs: progress and result downloads. */
export const jobRoutes: FastifyPluginAsyncZod = async () => {};
