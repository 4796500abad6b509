import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Public site: live figures for the home page, sitemap.xml and robots.txt. */
export const publicSiteRoutes: FastifyPluginAsyncZod = async () => {};
