import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** A project's logic model, indicators, actuals, evidence and verification. */
export const projectImpactRoutes: FastifyPluginAsyncZod = async () => {};
