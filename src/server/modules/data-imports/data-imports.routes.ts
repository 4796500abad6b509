import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  DATA_IMPORT_LIMITS,
  DataImportKindParamsSchema,
  DataImportOverviewSchema,
} from '@shared/contracts/data-imports';
import { CreatedJobSchema } from '@shared/contracts/jobs';
import { errorResponses, rateLimit, readFileUpload } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as dataImports from './data-imports.service';

const tags = ['data-imports'];

/** Administrators' imports of reference data (area indicators, province boundaries) from files, run as jobs. */
export const dataImportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: Math.max(DATA_IMPORT_LIMITS.indicatorsMaxBytes, DATA_IMPORT_LIMITS.boundariesMaxBytes),
      fields: 2,
      fieldSize: 1000,
      parts: 3,
      headerPairs: 100,
    },
  });

  app.get(
    '/admin/data-imports',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Reference data loaded: area-indicator figures by indicator and year (provinces, sources, last update) and province boundaries (administrators)',
        response: { 200: dataOf(DataImportOverviewSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({
      data: await dataImports.getDataImportOverview(db, requireActor(request.actor)),
    }),
  );

  app.post(
    '/admin/data-imports/:kind',
    {
      config: { ...session, rateLimit: rateLimit(30, '1 hour') },
      schema: {
        tags,
        summary:
          'Import area indicators (kind indicators: a UTF-8 CSV) or province boundaries (kind boundaries: a GeoJSON FeatureCollection) from an uploaded file (multipart: file), checked on its content and outline, then every row in a background job to follow at GET /api/jobs/:id; its download is the import report (JSON). All or nothing (administrators)',
        consumes: ['multipart/form-data'],
        params: DataImportKindParamsSchema,
        response: {
          202: dataOf(CreatedJobSchema),
          ...errorResponses(400, 401, 403, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      // refused before the file is read
      dataImports.assertCanImport(actor);
      const upload = await readFileUpload(request);
      const created = await dataImports.startDataImport(
        db,
        app.fileStorage,
        actor,
        request.params.kind,
        upload,
        request.meta(),
      );
      app.jobs.kick();
      return reply.code(202).send({ data: created });
    },
  );
};
