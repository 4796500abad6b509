import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { ProgrammeSchema, ProgrammeSlugParamsSchema } from '@shared/contracts/reference';
import { errorResponses } from '@server/lib/http';
import * as service from './programmes.service';

export const programmeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const tags = ['programmes'];

  app.get(
    '/',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Programmes of the plan',
        response: { 200: dataOf(z.array(ProgrammeSchema)) },
      },
    },
    async () => ({ data: await service.listProgrammes(db) }),
  );

  app.get(
    '/:slug',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One programme',
        params: ProgrammeSlugParamsSchema,
        response: { 200: dataOf(ProgrammeSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getProgrammeOrThrow(db, request.params.slug) }),
  );
};
