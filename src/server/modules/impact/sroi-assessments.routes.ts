import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  CreateSroiAssessmentBodySchema,
  SaveSroiAssessmentBodySchema,
  SroiAssessmentDetailSchema,
  SroiAssessmentListSchema,
  SroiCalculateResponseSchema,
  SroiVersionBodySchema,
} from '@shared/contracts/sroi-assessments';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './sroi-assessments.service';

const tags = ['sroi'];
const detail = dataOf(SroiAssessmentDetailSchema);
const EmptyBodySchema = z.object({}).strict();
const DeleteQuerySchema = z.object({ version: z.coerce.number().int().min(1) }).strict();
/** The engine's JSON model of SROI-SPEC §1; the service validates it field by field (400 naming the field). */
const EngineModelBodySchema = z
  .record(z.string(), z.unknown())
  .describe(
    'An SROI model in the JSON format of SROI-SPEC §1: currency, discountRate, convention, inputs [{label, value, year}], outcomes [{id, quantity or quantityByYear, proxy, deadweight, displacement, attribution, dropoff, duration, startYear}]',
  );

/** SROI assessments per project in versions, and the stateless calculator. */
export const sroiAssessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/projects/:id/sroi-assessments',
    {
      config: session,
      schema: {
        tags,
        summary: "A project's SROI assessments by kind and version, with headline figures and abilities",
        params: IdParamsSchema,
        response: { 200: dataOf(SroiAssessmentListSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.listAssessments(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/projects/:id/sroi-assessments',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Start an assessment of a kind: version 1, or the next version copied from the latest (refused while a draft exists)',
        params: IdParamsSchema,
        body: CreateSroiAssessmentBodySchema,
        response: { 201: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createAssessment(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          app.clock(),
        ),
      }),
  );

  app.get(
    '/sroi-assessments/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'An assessment: model (money in satang), result, issues in Thai and English, svi-2012 comparison for th-base-year',
        params: IdParamsSchema,
        response: { 200: detail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.getAssessment(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.put(
    '/sroi-assessments/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Save a draft (title, notes, whole model) and recompute it; an invalid model is saved with its issues (stale version 409, final 409)',
        params: IdParamsSchema,
        body: SaveSroiAssessmentBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.saveAssessment(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        app.clock(),
      ),
    }),
  );

  app.post(
    '/sroi-assessments/:id/finalise',
    {
      config: session,
      schema: {
        tags,
        summary: 'Finalise a draft that computes (staff only; refused while it has issues); audited',
        params: IdParamsSchema,
        body: SroiVersionBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.finaliseAssessment(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.post(
    '/sroi-assessments/:id/new-version',
    {
      config: session,
      schema: {
        tags,
        summary: 'Start the next version from a copy of this final assessment (the latest of its kind)',
        params: IdParamsSchema,
        body: EmptyBodySchema,
        response: { 201: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createNextVersion(
          db,
          requireActor(request.actor),
          request.params.id,
          app.clock(),
        ),
      }),
  );

  app.delete(
    '/sroi-assessments/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Delete a draft (its writers; ?version= must be current); final versions are kept',
        params: IdParamsSchema,
        querystring: DeleteQuerySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.deleteAssessment(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query.version,
        request.meta(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/sroi/calculate',
    {
      config: { ...session, rateLimit: rateLimit(600, '1 hour') },
      schema: {
        tags,
        summary:
          'Calculate an SROI model of SROI-SPEC §1 (stateless; the same engine as the editor and the CLI); 400 names the field',
        body: EngineModelBodySchema,
        response: { 200: dataOf(SroiCalculateResponseSchema), ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => {
      requireActor(request.actor);
      return { data: service.calculate(request.body) };
    },
  );
};
