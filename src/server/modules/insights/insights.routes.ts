import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { CreatedJobSchema } from '@shared/contracts/jobs';
import {
  PolicyReportExportBodySchema,
  PolicyReportQuerySchema,
  PolicyReportSchema,
} from '@shared/contracts/insights';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as insights from './insights.service';

const tags = ['insights'];

/** Policy insight reports: data, and exports as XLSX, CSV and PDF run as jobs. */
export const insightRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/insights/policy-report',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary:
          'The policy insight report: needs by theme × region, funding gaps by region and theme, trends by fiscal year (BE), results; filters fiscalYearFrom/To, programme, theme (officers; unit staff their unit)',
        querystring: PolicyReportQuerySchema,
        response: { 200: dataOf(PolicyReportSchema), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => ({
      data: await insights.getPolicyReport(db, requireActor(request.actor), request.query, app.clock()),
    }),
  );

  app.post(
    '/insights/policy-report/exports',
    {
      config: { ...session, rateLimit: rateLimit(20, '1 minute') },
      schema: {
        tags,
        summary:
          'Starts an export of the policy report as XLSX, CSV (one long file with a section column) or PDF, in Thai or English: a background job to follow at GET /api/jobs/:id',
        body: PolicyReportExportBodySchema,
        response: { 202: dataOf(CreatedJobSchema), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const created = await insights.createPolicyReportExport(db, requireActor(request.actor), request.body);
      app.jobs.kick();
      return reply.code(202).send({ data: created });
    },
  );
};
