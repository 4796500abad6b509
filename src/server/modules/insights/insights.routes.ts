import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Policy insight reports: data, and exports as XLSX, CSV and PDF run as jobs. */
export const insightRoutes: FastifyPluginAsyncZod = async () => {};
