import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Impact reports per project (JSON and PDF) and portfolio views. */
export const impactReportRoutes: FastifyPluginAsyncZod = async () => {};
