import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import { CreatedJobSchema } from '@shared/contracts/jobs';
import {
  BulkActionBodySchema,
  BulkResultSchema,
  IntakeExportBodySchema,
  IntakePageSchema,
  IntakeQuerySchema,
} from '@shared/contracts/proposals';
import { errorResponses, rateLimit, sendCached } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './intake.service';

const tags = ['intake'];

/** The officers' intake of a call: the filtered list, its export (a job) and bulk actions (programme officers, admins). */
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
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const { id } = request.params;
      if (request.query.status === 'draft') {
        // Drafts' edits are not announced to the read cache.
        return service.listIntake(db, actor, id, request.query);
      }
      // Whoever may see the call's intake sees the same list: checked for each request, the list cached per filters.
      await service.assertIntakeAccess(db, actor, id);
      return sendCached(reply, app.readCache, ['intake', id, request.query], IntakePageSchema, () =>
        service.listIntake(db, actor, id, request.query),
      );
    },
  );

  app.post(
    '/calls/:id/proposals/exports',
    {
      config: { ...session, rateLimit: rateLimit(20, '1 minute') },
      schema: {
        tags,
        summary:
          "Starts an export of the call's filtered proposals as XLSX or CSV (UTF-8 with BOM), with Thai headers: a background job to follow at GET /api/jobs/:id (officers)",
        params: IdParamsSchema,
        body: IntakeExportBodySchema,
        response: { 202: dataOf(CreatedJobSchema), ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      const created = await service.createIntakeExport(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
      );
      app.jobs.kick();
      return reply.code(202).send({ data: created });
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
