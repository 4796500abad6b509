import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Dashboards: the pipeline, disbursement, outcomes, SRL progression and unit targets; public impact figures. */
export const dashboardRoutes: FastifyPluginAsyncZod = async () => {};
