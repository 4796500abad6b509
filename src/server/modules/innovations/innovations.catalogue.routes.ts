import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogueListSchema,
  CatalogueQuerySchema,
  SuggestionListSchema,
  SuggestQuerySchema,
} from '@shared/contracts/innovation-catalogue';
import { errorResponses, rateLimit, sendCached } from '@server/lib/http';
import * as service from './innovations.catalogue.service';

const tags = ['innovations'];

/** The innovation catalogue's list and the search box's autocomplete (public; curators also see drafts). */
export const innovationCatalogueRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    '/innovations',
    {
      config: { public: true, rateLimit: rateLimit(300, '1 minute') },
      schema: {
        tags,
        summary:
          'The catalogue: published innovations, Thai-aware search (typo-tolerant) ranked by relevance, filtered by theme, SDG, province, region, SRL, programme and diffusion-readiness, with highlighted matches; scope=manage: every status with a status filter (curators)',
        querystring: CatalogueQuerySchema,
        response: { 200: CatalogueListSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) =>
      // The public catalogue is the same for everyone (published entries only); curators' views are not cached.
      request.query.scope === 'public'
        ? sendCached(reply, app.readCache, ['catalogue', request.query], CatalogueListSchema, () =>
            service.listCatalogue(db, null, request.query),
          )
        : service.listCatalogue(db, request.actor, request.query),
  );

  app.get(
    '/innovations/suggest',
    {
      config: { public: true, rateLimit: rateLimit(600, '1 minute') },
      schema: {
        tags,
        summary: 'Titles of published innovations matching what is typed so far (autocomplete)',
        querystring: SuggestQuerySchema,
        response: { 200: SuggestionListSchema, ...errorResponses(400, 429) },
      },
    },
    async (request) => service.suggestInnovations(db, request.actor, request.query),
  );
};
