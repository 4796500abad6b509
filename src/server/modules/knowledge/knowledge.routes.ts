import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  CreateResourceBodySchema,
  KNOWLEDGE_LIMITS,
  ResourceListQuerySchema,
  ResourceListSchema,
  ResourceSchema,
  ResourceVersionBodySchema,
  UpdateResourceBodySchema,
} from '@shared/contracts/knowledge';
import { errorResponses, rateLimit, readFileUpload, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import { contentDisposition } from '@server/lib/files';
import * as service from './knowledge.service';

const tags = ['knowledge'];
const detail = dataOf(ResourceSchema);

/**
 * The knowledge library: toolkits, training materials, case studies and reports, tagged by theme and audience;
 * public list, search and download (counted); staff add, upload or link, and publish.
 */
export const knowledgeRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: KNOWLEDGE_LIMITS.fileMaxBytes,
      fields: 5,
      fieldSize: 1000,
      parts: 6,
      headerPairs: 100,
    },
  });

  app.get(
    '/knowledge',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Published resources, searched (Thai-aware) and filtered by kind, theme and audience (public); scope=manage: the ones the actor manages, drafts included (staff)',
        querystring: ResourceListQuerySchema,
        response: { 200: ResourceListSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => service.listResources(db, request.actor, request.query),
  );

  app.get(
    '/knowledge/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A resource (published; drafts for those who manage them)',
        params: IdParamsSchema,
        response: { 200: detail, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getResource(db, request.actor, request.params.id) }),
  );

  app.get(
    '/knowledge/:id/download',
    {
      config: { public: true, rateLimit: rateLimit(300, '1 minute') },
      schema: {
        tags,
        summary:
          "Download a resource's file; a whole-file GET by a reader counts (staff previews, HEAD and resumed parts do not)",
        params: IdParamsSchema,
        response: {
          200: z.unknown().describe('The file, with the type detected from its content'),
          ...errorResponses(400, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const file = await service.downloadResource(db, app.fileStorage, request.actor, request.params.id, {
        method: request.method,
        range: request.headers.range,
      });
      return sendPrivateFile(reply, file.contentType, contentDisposition(file.fileName), file.bytes);
    },
  );

  app.get(
    '/knowledge/:id/open',
    {
      config: { public: true, rateLimit: rateLimit(300, '1 minute') },
      schema: {
        tags,
        summary: 'Open a resource kept elsewhere (302 to its link); counted like a download',
        params: IdParamsSchema,
        response: { 302: z.unknown(), ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const url = await service.openResourceLink(db, request.actor, request.params.id, {
        method: request.method,
        range: undefined,
      });
      return reply.header('Cache-Control', 'no-store').redirect(url, 302);
    },
  );

  app.post(
    '/knowledge',
    {
      config: session,
      schema: {
        tags,
        summary: "Add a draft resource (officers; a unit's staff for their unit)",
        body: CreateResourceBodySchema,
        response: { 201: detail, ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createResource(db, requireActor(request.actor), request.body, request.meta()),
      }),
  );

  app.patch(
    '/knowledge/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Change a resource (those who manage it; a stale version gets 409)',
        params: IdParamsSchema,
        body: UpdateResourceBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateResource(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.delete(
    '/knowledge/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a resource and its file (those who manage it)',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.deleteResource(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.meta(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/knowledge/:id/file',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary:
          "Attach or replace the resource's file (multipart: file; PDF, Office or image, checked on its content)",
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429) },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      const upload = await readFileUpload(request);
      return {
        data: await service.uploadResourceFile(
          db,
          app.fileStorage,
          actor,
          request.params.id,
          upload,
          request.meta(),
        ),
      };
    },
  );

  app.post(
    '/knowledge/:id/publish',
    {
      config: session,
      schema: {
        tags,
        summary: 'Publish a resource that has a file or a link (those who manage it)',
        params: IdParamsSchema,
        body: ResourceVersionBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.publishResource(
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
    '/knowledge/:id/unpublish',
    {
      config: session,
      schema: {
        tags,
        summary: 'Take a resource back to draft (those who manage it)',
        params: IdParamsSchema,
        body: ResourceVersionBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.unpublishResource(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );
};
