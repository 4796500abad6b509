import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  AdoptionDetailSchema,
  AdoptionUpdateSchema,
  CreateAdoptionBodySchema,
  DIFFUSION_LIMITS,
  DiffusionOverviewSchema,
  DiffusionQuerySchema,
  InnovationDiffusionSchema,
  PostUpdateBodySchema,
  StatusChangeBodySchema,
  UpdateAdoptionBodySchema,
  UpdateVillageBodySchema,
  VillageProfileSchema,
} from '@shared/contracts/diffusion';
import { AppError, fieldIssue } from '@server/lib/errors';
import { errorResponses, rateLimit, readMultipartForm } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './adoptions.service';

const tags = ['diffusion'];

/** Reads a photo update's multipart body: the `body` text field and the `file` (the photo). */
async function readUpdateParts(
  request: FastifyRequest,
): Promise<{ body: string; photo: service.PhotoUpload | null }> {
  const form = await readMultipartForm(request);
  return { body: form.fields.get('body') ?? '', photo: form.files.get('file') ?? null };
}

/**
 * Diffusion: adoptions of catalogue innovations (record, edit, status timeline, updates with photos), an innovation's
 * diffusion section, the overview of all adoptions and village profiles.
 */
export const diffusionRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: DIFFUSION_LIMITS.photoMaxBytes,
      fields: 2,
      fieldSize: DIFFUSION_LIMITS.story * 4,
      parts: 3,
      headerPairs: 100,
    },
  });

  app.get(
    '/innovations/:id/diffusion',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "An innovation's diffusion: metrics, adoption sites, who adopted from whom (public for published innovations)",
        params: IdParamsSchema,
        response: { 200: dataOf(InnovationDiffusionSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await service.getInnovationDiffusion(db, request.actor, request.params.id),
    }),
  );

  app.get(
    '/diffusion',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Every adoption of published innovations with metrics and origins, filtered (public; staff: all)',
        querystring: DiffusionQuerySchema,
        response: { 200: dataOf(DiffusionOverviewSchema), ...errorResponses(400) },
      },
    },
    async (request) => ({ data: await service.getOverview(db, request.actor, request.query) }),
  );

  app.post(
    '/adoptions',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary:
          'Record an adoption of a published innovation (officers; unit staff in their provinces; adopter organisation members)',
        body: CreateAdoptionBodySchema,
        response: { 201: dataOf(AdoptionDetailSchema), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createAdoption(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.get(
    '/adoptions/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'An adoption with its timeline and updates (public for published innovations, without author names)',
        params: IdParamsSchema,
        response: { 200: dataOf(AdoptionDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getAdoption(db, request.actor, request.params.id) }),
  );

  app.patch(
    '/adoptions/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Change an adoption's site, adopter, partner, source, adaptations, beneficiaries, funding (409 if stale)",
        params: IdParamsSchema,
        body: UpdateAdoptionBodySchema,
        response: { 200: dataOf(AdoptionDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateAdoption(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.post(
    '/adoptions/:id/status',
    {
      config: session,
      schema: {
        tags,
        summary: 'Move an adoption along its timeline (dated; discontinued needs a reason; 409 if stale)',
        params: IdParamsSchema,
        body: StatusChangeBodySchema,
        response: { 200: dataOf(AdoptionDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.changeStatus(
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
    '/adoptions/:id/updates',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary: 'Post a written update (a story) on an adoption (who manages the adoption)',
        params: IdParamsSchema,
        body: PostUpdateBodySchema,
        response: { 201: dataOf(AdoptionUpdateSchema), ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.postUpdate(
          db,
          app.fileStorage,
          requireActor(request.actor),
          request.params.id,
          { body: request.body.body, photo: null },
          request.meta(),
        ),
      }),
  );

  app.post(
    '/adoptions/:id/photo-updates',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary:
          'Post an update with a photo (multipart: body, file — JPEG/PNG/WebP checked on its content) (who manages the adoption)',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: {
          201: dataOf(AdoptionUpdateSchema),
          ...errorResponses(400, 401, 403, 404, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const input = await readUpdateParts(request);
      if (!input.photo) {
        throw new AppError('VALIDATION_FAILED', undefined, {
          issues: [fieldIssue('body.file', 'required', 'errors.FILE_REQUIRED')],
        });
      }
      return reply.status(201).send({
        data: await service.postUpdate(db, app.fileStorage, actor, request.params.id, input, request.meta()),
      });
    },
  );

  app.get(
    '/adoption-updates/:id/photo',
    {
      config: { public: true },
      schema: {
        tags,
        summary: "An update's photo or its thumbnail (public for published innovations)",
        params: IdParamsSchema,
        querystring: z.object({ size: z.enum(['full', 'thumbnail']).default('full') }).strict(),
        response: {
          200: z.unknown().describe('The image, with the type detected from its content'),
          ...errorResponses(400, 404),
        },
      },
    },
    async (request, reply) => {
      const photo = await service.readUpdatePhoto(
        db,
        app.fileStorage,
        request.actor,
        request.params.id,
        request.query.size === 'thumbnail',
      );
      return reply
        .header('Content-Type', photo.contentType)
        .header('X-Content-Type-Options', 'nosniff')
        .header('Cache-Control', 'public, max-age=300')
        .send(photo.bytes);
    },
  );

  app.get(
    '/villages/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A village: its innovations, adopters, indicators and stories (public)',
        params: IdParamsSchema,
        response: { 200: dataOf(VillageProfileSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getVillage(db, request.actor, request.params.id) }),
  );

  app.patch(
    '/villages/:id',
    {
      config: session,
      schema: {
        tags,
        summary: "Name and describe a village (officers; unit staff of the village's province)",
        params: IdParamsSchema,
        body: UpdateVillageBodySchema,
        response: { 200: dataOf(VillageProfileSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.updateVillage(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );
};
