import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  CreateIndicatorValueBodySchema,
  CreateProjectIndicatorBodySchema,
  IMPACT_PROJECT_LIMITS,
  IndicatorFileSchema,
  IndicatorValueSchema,
  LogicModelSchema,
  ProjectIndicatorSchema,
  ProjectIndicatorsSchema,
  ReviewIndicatorValueBodySchema,
  SaveLogicModelBodySchema,
  UpdateIndicatorValueBodySchema,
  UpdateProjectIndicatorBodySchema,
  VersionQuerySchema,
} from '@shared/contracts/impact-project';
import { errorResponses, rateLimit, sendPrivateFile, readFileUpload } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import { contentDisposition } from '@server/lib/files';
import * as logicModels from './logic-models.service';
import * as service from './project-indicators.service';

const tags = ['project-impact'];

/** A project's logic model, indicators, actuals, evidence and verification. */
export const projectImpactRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: IMPACT_PROJECT_LIMITS.fileMaxBytes,
      fields: 5,
      fieldSize: 1000,
      parts: 6,
      headerPairs: 100,
    },
  });

  // ---- Logic model ------------------------------------------------------------------------------------------------

  app.get(
    '/projects/:id/logic-model',
    {
      config: session,
      schema: {
        tags,
        summary:
          'The project’s logic model (impact pathway): boxes by stage and their links; version 0 before a save',
        params: IdParamsSchema,
        response: { 200: dataOf(LogicModelSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await logicModels.getLogicModel(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.put(
    '/projects/:id/logic-model',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Save the whole logic model (grantee writers and staff, project open; stale version 409); indicators linked to removed boxes are unlinked',
        params: IdParamsSchema,
        body: SaveLogicModelBodySchema,
        response: { 200: dataOf(LogicModelSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await logicModels.saveLogicModel(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  // ---- Project indicators -----------------------------------------------------------------------------------------

  app.get(
    '/projects/:id/indicators',
    {
      config: session,
      schema: {
        tags,
        summary:
          'The project’s indicators with baseline, target, actuals per period, evidence, verification, data-quality flags and the verified share',
        params: IdParamsSchema,
        response: { 200: dataOf(ProjectIndicatorsSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.listProjectIndicators(
        db,
        requireActor(request.actor),
        request.params.id,
        app.clock(),
      ),
    }),
  );

  app.post(
    '/projects/:id/indicators',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Add an indicator from the library (indicatorId) or the project’s own (code, names, unit, type)',
        params: IdParamsSchema,
        body: CreateProjectIndicatorBodySchema,
        response: { 201: dataOf(ProjectIndicatorSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createProjectIndicator(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.patch(
    '/project-indicators/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Change baseline, target, logic-model box, order (names and unit of own indicators) with version',
        params: IdParamsSchema,
        body: UpdateProjectIndicatorBodySchema,
        response: { 200: dataOf(ProjectIndicatorSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateProjectIndicator(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.delete(
    '/project-indicators/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove an indicator with its values (?version=); refused while a value is verified',
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.deleteProjectIndicator(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.query.version,
        request.meta(),
      );
      return { ok: true as const };
    },
  );

  // ---- Values -----------------------------------------------------------------------------------------------------

  app.post(
    '/project-indicators/:id/values',
    {
      config: session,
      schema: {
        tags,
        summary: 'Record an actual value for a period (submitted for verification)',
        params: IdParamsSchema,
        body: CreateIndicatorValueBodySchema,
        response: { 201: dataOf(IndicatorValueSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createValue(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.patch(
    '/indicator-values/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Correct a value that is not verified (a queried one goes back to submitted)',
        params: IdParamsSchema,
        body: UpdateIndicatorValueBodySchema,
        response: { 200: dataOf(IndicatorValueSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateValue(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.delete(
    '/indicator-values/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a value that is not verified (?version=)',
        params: IdParamsSchema,
        querystring: VersionQuerySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.deleteValue(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.query.version,
        request.meta(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/indicator-values/:id/review',
    {
      config: session,
      schema: {
        tags,
        summary: 'Verify a value, or query it with a comment (officers and the supervising unit’s staff)',
        params: IdParamsSchema,
        body: ReviewIndicatorValueBodySchema,
        response: { 200: dataOf(IndicatorValueSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.reviewValue(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  // ---- Evidence files ---------------------------------------------------------------------------------------------

  app.get(
    '/indicator-values/:id/files',
    {
      config: session,
      schema: {
        tags,
        summary: 'The evidence files of a value',
        params: IdParamsSchema,
        response: { 200: dataOf(z.array(IndicatorFileSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.listValueFiles(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/indicator-values/:id/files',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary: 'Attach an evidence file (multipart: file); its type is checked on its content',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: {
          201: dataOf(IndicatorFileSchema),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const upload = await readFileUpload(request);
      return reply.status(201).send({
        data: await service.uploadValueFile(
          db,
          app.fileStorage,
          actor,
          request.params.id,
          upload,
          request.meta(),
          app.clock(),
        ),
      });
    },
  );

  app.get(
    '/indicator-files/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Download an evidence file (readers of the project)',
        params: IdParamsSchema,
        response: {
          200: z.unknown().describe('The file, with the type detected from its content'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.readValueFile(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
      );
      return sendPrivateFile(reply, file.contentType, contentDisposition(file.fileName), file.bytes);
    },
  );

  app.delete(
    '/indicator-files/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove an evidence file of a value that is not verified',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.deleteValueFile(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.meta(),
      );
      return { ok: true as const };
    },
  );
};
