import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  AssessmentResultsSchema,
  MyAssessmentSchema,
  QuestionnaireSchema,
  ResultsExportQuerySchema,
  SaveQuestionnaireBodySchema,
  SubmitResponseBodySchema,
} from '@shared/contracts/cohorts';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as assessments from './assessments.service';
import { resultsCsv, resultsXlsx } from './cohorts.export';

const tags = ['cohorts'];

/** An ASCII file name and its UTF-8 form for Content-Disposition. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Capacity assessment of a cohort: its questionnaire (managers set it; locked at the first answer), members' pre and
 * post answers, and the results (change per participant and for the cohort) on screen, as XLSX and as CSV.
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

  for (const format of ['xlsx', 'csv'] as const) {
    app.get(
      `/cohorts/:id/results.${format}`,
      {
        config: { ...session, rateLimit: rateLimit(30, '1 minute') },
        schema: {
          tags,
          summary: `The results as ${format === 'xlsx' ? 'an XLSX workbook' : 'CSV (UTF-8)'}, in Thai or English (managers)`,
          params: IdParamsSchema,
          querystring: ResultsExportQuerySchema,
          response: {
            200: z
              .unknown()
              .describe(
                format === 'xlsx'
                  ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
                  : 'text/csv',
              ),
            ...errorResponses(400, 401, 403, 404, 429),
          },
        },
      },
      async (request, reply) => {
        const results = await assessments.getResults(db, requireActor(request.actor), request.params.id);
        const lang = request.query.lang ?? request.lang;
        const name = `cohort-results-${results.fiscalYear}-${results.cohortId.slice(0, 8)}.${format}`;
        const body =
          format === 'xlsx'
            ? await resultsXlsx(results, lang)
            : Buffer.from(resultsCsv(results, lang), 'utf8');
        return reply
          .header(
            'content-type',
            format === 'xlsx'
              ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
              : 'text/csv; charset=utf-8',
          )
          .header('content-disposition', disposition(name))
          .header('cache-control', 'no-store')
          .send(body);
      },
    );
  }
};
