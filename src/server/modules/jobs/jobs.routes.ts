import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import { JobListSchema, JobSchema } from '@shared/contracts/jobs';
import { contentDisposition } from '@server/lib/files';
import { errorResponses, rateLimit, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import type { JobWorker } from './jobs.service';
import * as jobs from './jobs.service';

declare module 'fastify' {
  interface FastifyInstance {
    /** The background job worker of this instance (kick it after creating a job). */
    jobs: JobWorker;
  }
}

const tags = ['jobs'];

/** Background jobs: progress and result downloads. */
export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/jobs',
    {
      config: session,
      schema: {
        tags,
        summary: 'My background jobs (exports), newest first, with progress and download addresses',
        response: { 200: dataOf(JobListSchema), ...errorResponses(401) },
      },
    },
    async (request) => ({ data: await jobs.listMyJobs(db, requireActor(request.actor)) }),
  );

  app.get(
    '/jobs/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          "A background job's status, progress (progress of total, the step under way) and, once done, its download address (whoever asked for it, and officers)",
        params: IdParamsSchema,
        response: { 200: dataOf(JobSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await jobs.getJob(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.get(
    '/jobs/:id/download',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary:
          "A succeeded job's result file (409 while it runs or when it failed; 404 once expired or for another's job)",
        params: IdParamsSchema,
        response: {
          200: z.unknown().describe('the result file'),
          ...errorResponses(400, 401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const file = await jobs.readJobResult(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
      );
      return sendPrivateFile(reply, file.contentType, contentDisposition(file.fileName), file.bytes);
    },
  );
};
