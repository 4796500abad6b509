import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  EvidenceFileSchema,
  EvidenceUploadQuerySchema,
  PROJECT_LIMITS,
  ReportBodySchema,
  ReportDetailSchema,
  ReportReviewBodySchema,
  VersionBodySchema,
} from '@shared/contracts/projects';
import { errorResponses, rateLimit, sendPrivateFile, readFileUpload } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import { contentDisposition } from '@server/lib/files';
import * as service from './reports.service';

const tags = ['project-reports'];
const detail = dataOf(ReportDetailSchema);
const FileParamsSchema = z.object({ id: z.uuid(), fileId: z.uuid() });

/**
 * Progress and final reports of grant projects: the grantee's draft, evidence files, submission with completeness
 * checks, and the review (return with comments, or approval that readies the linked instalment).
 */
export const projectReportRoutes: FastifyPluginAsyncZod<{
  publicUrl: string;
  onMailQueued: () => void;
}> = async (app, opts) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  /** Awaits a command that may queue e-mail, then wakes the mail sender. */
  const withQueuedMail = async <T>(command: Promise<T>): Promise<{ data: T }> => {
    const data = await command;
    opts.onMailQueued();
    return { data };
  };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: PROJECT_LIMITS.evidenceFileMaxBytes,
      fields: 5,
      fieldSize: 1000,
      parts: 6,
      headerPairs: 100,
    },
  });

  app.get(
    '/project-reports/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'A progress or final report with milestones, expenditure by budget line, indicators, SRL, evidence, history and abilities',
        params: IdParamsSchema,
        response: { 200: detail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.getReport(db, requireActor(request.actor), request.params.id, app.clock()),
    }),
  );

  app.put(
    '/project-reports/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Save the whole draft (owners and editors; not started, draft or returned; a stale version gets 409)',
        params: IdParamsSchema,
        body: ReportBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.saveReport(
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
    '/project-reports/:id/files',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary:
          'Attach an evidence file (multipart: file; purpose and milestoneId in the query); its type is checked on its content',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        querystring: EvidenceUploadQuerySchema,
        response: {
          201: dataOf(EvidenceFileSchema),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const upload = await readFileUpload(request);
      return reply.status(201).send({
        data: await service.uploadEvidence(
          db,
          app.fileStorage,
          actor,
          request.params.id,
          request.query,
          upload,
          request.meta(),
          app.clock(),
        ),
      });
    },
  );

  app.get(
    '/project-reports/:id/files/:fileId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Download an evidence file (readers of the project)',
        params: FileParamsSchema,
        response: {
          200: z.unknown().describe('The file, with the type detected from its content'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.readEvidence(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.fileId,
      );
      return sendPrivateFile(reply, file.contentType, contentDisposition(file.fileName), file.bytes);
    },
  );

  app.delete(
    '/project-reports/:id/files/:fileId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove an evidence file (owners and editors, while the report can be edited)',
        params: FileParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.deleteEvidence(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.fileId,
        request.meta(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/project-reports/:id/submit',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary:
          'Submit the report (owners and editors): an incomplete one gets 400 with each missing part by field; the reviewers are told',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.submitReport(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      ),
  );

  app.post(
    '/project-reports/:id/return',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Return a submitted report with a comment (officers or the supervising unit’s staff); the grantee is told',
        params: IdParamsSchema,
        body: ReportReviewBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.returnReport(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      ),
  );

  app.post(
    '/project-reports/:id/approve',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Approve a submitted report (officers or the supervising unit’s staff): milestones take its completion, the linked instalment becomes ready for payment',
        params: IdParamsSchema,
        body: ReportReviewBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.approveReport(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      ),
  );
};
