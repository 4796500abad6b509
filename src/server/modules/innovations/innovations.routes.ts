import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  CoverBodySchema,
  CreateInnovationBodySchema,
  DiffusionBodySchema,
  FeatureInnovationBodySchema,
  INNOVATION_LIMITS,
  InnovationChoicesSchema,
  InnovationDetailSchema,
  InnovationMediaParamsSchema,
  InnovationVersionBodySchema,
  MediaChangeBodySchema,
  NominableInnovationSchema,
  SrlAssessmentBodySchema,
  UpdateInnovationBodySchema,
} from '@shared/contracts/innovations';
import { AppError, fieldIssue } from '@server/lib/errors';
import { errorResponses, rateLimit, readMultipartForm } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import { contentDisposition } from '@server/lib/files';
import * as service from './innovations.service';

const tags = ['innovations'];
const detail = dataOf(InnovationDetailSchema);

/** Reads a multipart upload: the `file` part and the optional `captionTh` / `captionEn` fields. */
async function readMediaUpload(request: FastifyRequest): Promise<service.MediaUpload> {
  const form = await readMultipartForm(request);
  const file = form.files.get('file');
  if (!file) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
    });
  }
  return {
    ...file,
    captionTh: form.fields.get('captionTh') ?? '',
    captionEn: form.fields.get('captionEn') ?? '',
  };
}

/**
 * The innovation catalogue's entries (the list and the suggestions are in `innovations.catalogue.routes.ts`): an
 * entry's public page, its photos and documents; officers add, publish, feature, assess and package entries; the
 * owner organisations' editors keep their content up to date.
 */
export const innovationRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: INNOVATION_LIMITS.documentMaxBytes,
      fields: 4,
      fieldSize: 2000,
      parts: 6,
      headerPairs: 100,
    },
  });

  app.get(
    '/innovations/choices',
    {
      config: session,
      schema: {
        tags,
        summary: 'Programmes, driving units and network partners to choose from in the editor (officers)',
        response: { 200: dataOf(InnovationChoicesSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ data: await service.getChoices(db, requireActor(request.actor)) }),
  );

  app.get(
    '/innovations/nominable',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Published entries the actor may nominate to a contest (their organisations'; officers: every one)",
        response: { 200: dataOf(z.array(NominableInnovationSchema)), ...errorResponses(401) },
      },
    },
    async (request) => ({
      data: await service.listNominableInnovations(db, requireActor(request.actor)),
    }),
  );

  app.get(
    '/innovations/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "An entry's page (published: everyone; drafts: officers, the owner organisations' members, the unit's staff)",
        params: IdParamsSchema,
        response: { 200: detail, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getInnovation(db, request.actor, request.params.id) }),
  );

  app.post(
    '/innovations',
    {
      config: session,
      schema: {
        tags,
        summary: 'Add a draft entry directly (programme officers, administrators)',
        body: CreateInnovationBodySchema,
        response: { 201: detail, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createInnovation(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.patch(
    '/innovations/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Change an entry's content (officers; the owners' owners and editors — a published entry stays published); stale version 409",
        params: IdParamsSchema,
        body: UpdateInnovationBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateInnovation(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  for (const command of ['publish', 'unpublish'] as const) {
    app.post(
      `/innovations/:id/${command}`,
      {
        config: session,
        schema: {
          tags,
          summary:
            command === 'publish'
              ? 'Publish an entry: draft or unpublished → published (officers; needs a Thai summary, a theme, the origin)'
              : 'Take a published entry down (officers)',
          params: IdParamsSchema,
          body: InnovationVersionBodySchema,
          response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => ({
        data: await service.moveInnovation(
          db,
          requireActor(request.actor),
          request.params.id,
          command,
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
    );
  }

  app.post(
    '/innovations/:id/feature',
    {
      config: session,
      schema: {
        tags,
        summary: 'Feature a published entry in the catalogue, or stop (officers)',
        params: IdParamsSchema,
        body: FeatureInnovationBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.featureInnovation(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.put(
    '/innovations/:id/adoption-package',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mark a diffusion-ready model with its adoption package, or take the mark away (officers)',
        params: IdParamsSchema,
        body: DiffusionBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.setDiffusion(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.post(
    '/innovations/:id/srl',
    {
      config: session,
      schema: {
        tags,
        summary: 'Record a dated Social Readiness Level assessment (officers)',
        params: IdParamsSchema,
        body: SrlAssessmentBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.assessSrl(
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
    '/innovations/:id/media',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary:
          'Add a photo (JPEG/PNG/WebP, resized to a thumbnail) or a document (PDF/Office), checked on its content (multipart: file, captionTh, captionEn)',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 201: detail, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429) },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const upload = await readMediaUpload(request);
      return reply.status(201).send({
        data: await service.addMedia(db, app.fileStorage, actor, request.params.id, upload, request.meta()),
      });
    },
  );

  app.patch(
    '/innovations/:id/media/:mediaId',
    {
      config: session,
      schema: {
        tags,
        summary: "Change a file's caption or place in the gallery (the entry's editors)",
        params: InnovationMediaParamsSchema,
        body: MediaChangeBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.changeMedia(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.mediaId,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.delete(
    '/innovations/:id/media/:mediaId',
    {
      config: session,
      schema: {
        tags,
        summary: "Remove a photo or document (the entry's editors)",
        params: InnovationMediaParamsSchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.removeMedia(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.mediaId,
        request.meta(),
      ),
    }),
  );

  app.put(
    '/innovations/:id/cover',
    {
      config: session,
      schema: {
        tags,
        summary: "Choose the cover photo (the entry's editors)",
        params: IdParamsSchema,
        body: CoverBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.setCover(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  for (const thumbnail of [false, true]) {
    app.get(
      `/innovations/:id/media/:mediaId${thumbnail ? '/thumbnail' : ''}`,
      {
        config: { public: true, rateLimit: rateLimit(600, '1 minute') },
        schema: {
          tags,
          summary: thumbnail
            ? "A photo's thumbnail (WebP; public for published entries)"
            : 'A photo or document of an entry (public for published entries; the type detected from its content)',
          params: InnovationMediaParamsSchema,
          response: { 200: z.unknown().describe('The file'), ...errorResponses(400, 404, 429) },
        },
      },
      async (request, reply) => {
        const file = await service.readMedia(
          db,
          app.fileStorage,
          request.actor,
          request.params.id,
          request.params.mediaId,
          thumbnail,
        );
        return reply
          .header('Content-Type', file.contentType)
          .header('Content-Disposition', contentDisposition(file.fileName, file.inline))
          .header('X-Content-Type-Options', 'nosniff')
          .header('Cache-Control', file.isPublic ? 'public, max-age=3600' : 'private, no-store')
          .send(file.bytes);
      },
    );
  }
};
