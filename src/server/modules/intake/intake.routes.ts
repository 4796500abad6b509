import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  BulkActionBodySchema,
  BulkResultSchema,
  IntakeExportQuerySchema,
  IntakePageSchema,
  IntakeQuerySchema,
} from '@shared/contracts/proposals';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './intake.service';

const tags = ['intake'];

/** The officers' intake of a call: the filtered list, its export and bulk actions (programme officers, admins). */
export const intakeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/calls/:id/proposals',
    {
      config: session,
      schema: {
        tags,
        summary: "A call's proposals with filters, Thai-aware search, sorting and paging (officers)",
        params: IdParamsSchema,
        querystring: IntakeQuerySchema,
        response: { 200: IntakePageSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.listIntake(db, requireActor(request.actor), request.params.id, request.query),
  );

  app.get(
    '/calls/:id/proposals/export',
    {
      config: { ...session, rateLimit: rateLimit(30, '1 minute') },
      schema: {
        tags,
        summary:
          'Export the filtered proposals as CSV (UTF-8 with BOM) or XLSX, with Thai headers (officers)',
        params: IdParamsSchema,
        querystring: IntakeExportQuerySchema,
        response: {
          200: z.unknown().describe('The file: text/csv, or the XLSX spreadsheet type'),
          ...errorResponses(400, 401, 403, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const file = await service.exportIntake(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query,
      );
      file.body.on('error', (error) => request.log.error({ err: error }, 'intake export failed mid-stream'));
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', file.contentDisposition)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  );

  app.post(
    '/calls/:id/proposals/bulk',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Mark eligible / ineligible, or return for revision, several proposals of the call (officers)',
        params: IdParamsSchema,
        body: BulkActionBodySchema,
        response: { 200: dataOf(BulkResultSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const result = await service.bulkIntakeAction(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
        request.lang,
      );
      if (result.done.length > 0) {
        app.outbox.kick();
      }
      return { data: result };
    },
  );
};
