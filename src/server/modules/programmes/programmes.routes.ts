import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { ProgrammeSchema, ProgrammeSlugParamsSchema } from '@shared/contracts/reference';
import { UpdateProgrammeBodySchema } from '@shared/contracts/calls';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
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

  app.patch(
    '/:slug',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Update a programme (programme officers and administrators; give the version you edited)',
        params: ProgrammeSlugParamsSchema,
        body: UpdateProgrammeBodySchema,
        response: { 200: dataOf(ProgrammeSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateProgramme(
        db,
        requireActor(request.actor),
        request.params.slug,
        request.body,
        request.meta(),
      ),
    }),
  );
};
