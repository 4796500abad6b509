import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import { CreatedJobSchema } from '@shared/contracts/jobs';
import {
  AssessmentResultsSchema,
  MyAssessmentSchema,
  QuestionnaireSchema,
  ResultsExportBodySchema,
  SaveQuestionnaireBodySchema,
  SubmitResponseBodySchema,
} from '@shared/contracts/cohorts';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as assessments from './assessments.service';

const tags = ['cohorts'];

/**
 * Capacity assessment of a cohort: its questionnaire (managers set it; locked at the first answer), members' pre and
 * post answers, and the results (change per participant and for the cohort) on screen, and exported as XLSX or CSV
 * by a background job.
 */
export const assessmentRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/cohorts/:id/questionnaire',
    {
      config: session,
      schema: {
        tags,
        summary: "A cohort's questionnaire with the number of answers per phase, or null (managers)",
        params: IdParamsSchema,
        response: { 200: dataOf(QuestionnaireSchema.nullable()), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await assessments.getQuestionnaire(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.put(
    '/cohorts/:id/questionnaire',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Make (version null) or replace the questionnaire; items and scale are locked once anyone answered (managers)',
        params: IdParamsSchema,
        body: SaveQuestionnaireBodySchema,
        response: { 200: dataOf(QuestionnaireSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await assessments.saveQuestionnaire(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/cohorts/:id/assessment',
    {
      config: session,
      schema: {
        tags,
        summary: 'The questionnaire as a member answers it, with their own answers and change (readers)',
        params: IdParamsSchema,
        response: { 200: dataOf(MyAssessmentSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await assessments.getMyAssessment(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/cohorts/:id/assessment/responses',
    {
      config: session,
      schema: {
        tags,
        summary: 'Answer the pre or the post questionnaire, once each, every item (members)',
        params: IdParamsSchema,
        body: SubmitResponseBodySchema,
        response: { 201: dataOf(MyAssessmentSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const data = await assessments.submitResponse(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/cohorts/:id/results',
    {
      config: session,
      schema: {
        tags,
        summary: 'The change per participant and for the cohort (managers)',
        params: IdParamsSchema,
        response: { 200: dataOf(AssessmentResultsSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await assessments.getResults(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/cohorts/:id/results/exports',
    {
      config: { ...session, rateLimit: rateLimit(20, '1 minute') },
      schema: {
        tags,
        summary:
          'Starts an export of the results as an XLSX workbook (summary and members) or CSV (UTF-8), in Thai or English: a background job to follow at GET /api/jobs/:id (managers)',
        params: IdParamsSchema,
        body: ResultsExportBodySchema,
        response: { 202: dataOf(CreatedJobSchema), ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const created = await assessments.createResultsExport(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
      );
      app.jobs.kick();
      return reply.code(202).send({ data: created });
    },
  );
};
