import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { PUBLIC_FIGURES_MAX_AGE_SECONDS, PublicFiguresSchema } from '@shared/contracts/public-site';
import { errorResponses, rateLimit } from '@server/lib/http';
import * as service from './public-site.service';

const tags = ['public-site'];

/** Public site: live figures for the home page, sitemap.xml and robots.txt. */
export const publicSiteRoutes: FastifyPluginAsyncZod<{ publicUrl: string }> = async (app, opts) => {
  const { db } = app.database;
  const baseUrl = opts.publicUrl.replace(/\/+$/, '');
  const figures = service.createFiguresCache();
  const publicPage = { public: true, rateLimit: rateLimit(300, '1 minute') };

  app.get(
    '/api/public/figures',
    {
      config: publicPage,
      schema: {
        tags,
        summary:
          'Live figures of the home page: programmes, open calls, funded projects, provinces reached, beneficiaries, published innovations, adoptions (public; counted at most once a minute)',
        response: { 200: dataOf(PublicFiguresSchema), ...errorResponses(429) },
      },
    },
    async (_request, reply) => {
      const data = await figures.get(db, app.clock());
      void reply.header('cache-control', `public, max-age=${PUBLIC_FIGURES_MAX_AGE_SECONDS}`);
      return { data };
    },
  );

  app.get(
    '/sitemap.xml',
    {
      config: publicPage,
      schema: {
        tags,
        summary:
          'sitemap.xml: public list pages, programmes, published and closed calls, published innovations, provinces and their coverage pages',
        response: { 200: z.string().describe('application/xml'), ...errorResponses(429) },
      },
    },
    async (_request, reply) =>
      reply
        .type('application/xml; charset=utf-8')
        .header('cache-control', 'public, max-age=3600')
        .send(await service.buildSitemap(db, baseUrl)),
  );

  app.get(
    '/robots.txt',
    {
      config: publicPage,
      schema: {
        tags,
        summary:
          'robots.txt: public pages and the open-data API allowed; the rest of the API and private pages not',
        response: { 200: z.string().describe('text/plain'), ...errorResponses(429) },
      },
    },
    async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .header('cache-control', 'public, max-age=86400')
        .send(service.buildRobots(baseUrl)),
  );
};
