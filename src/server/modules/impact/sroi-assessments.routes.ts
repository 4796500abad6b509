import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** SROI assessments per project in versions, and the stateless calculator. */
export const sroiAssessmentRoutes: FastifyPluginAsyncZod = async () => {};
