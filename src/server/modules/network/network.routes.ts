import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  ContributionBodySchema,
  ContributionSchema,
  CreatePartnerBodySchema,
  GraphQuerySchema,
  LinkBodySchema,
  LinkTargetOptionSchema,
  MouBodySchema,
  MouDocumentSchema,
  MouSchema,
  NETWORK_LIMITS,
  NetworkGraphSchema,
  PartnerDetailSchema,
  PartnerLinkSchema,
  PartnerListQuerySchema,
  PartnerListSchema,
  UpdateMouBodySchema,
  UpdatePartnerBodySchema,
} from '@shared/contracts/network';
import { errorResponses, rateLimit, readFileUpload, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import { contentDisposition } from '@server/lib/files';
import * as service from './network.service';

const tags = ['network'];
const DocumentParamsSchema = z.object({ id: z.uuid(), documentId: z.uuid() });

/**
 * The SI Network: the public partner directory and partner pages, the network graph, and the officers' records of
 * partners, MOUs (with documents), contributions and links.
 */
export const networkRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: NETWORK_LIMITS.documentMaxBytes,
      fields: 5,
      fieldSize: 1000,
      parts: 6,
      headerPairs: 100,
    },
  });

  app.get(
    '/partners',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The partner directory: filter by role and sector, search Thai or English names (public)',
        querystring: PartnerListQuerySchema,
        response: { 200: PartnerListSchema, ...errorResponses(400) },
      },
    },
    async (request) => service.listPartners(db, request.query, app.clock()),
  );

  app.get(
    '/network/graph',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'The network as nodes (agency, units, partners, programmes, projects) and edges (links, MOUs) (public)',
        querystring: GraphQuerySchema,
        response: { 200: dataOf(NetworkGraphSchema), ...errorResponses(400) },
      },
    },
    async (request) => ({ data: await service.getGraph(db, request.query) }),
  );

  app.get(
    '/network/link-targets',
    {
      config: session,
      schema: {
        tags,
        summary: 'Programmes, projects and units a partner can be linked to (officers)',
        response: { 200: dataOf(z.array(LinkTargetOptionSchema)), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ data: await service.listLinkTargets(db, requireActor(request.actor)) }),
  );

  app.get(
    '/partners/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "A partner's roles, MOUs, contributions (cash and in kind, by fiscal year) and links; MOU documents listed for staff (public)",
        params: IdParamsSchema,
        response: { 200: dataOf(PartnerDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await service.getPartner(db, request.actor, request.params.id, app.clock()),
    }),
  );

  app.post(
    '/partners',
    {
      config: session,
      schema: {
        tags,
        summary: 'Add a partner to the network (officers)',
        body: CreatePartnerBodySchema,
        response: { 201: dataOf(PartnerDetailSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createPartner(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.patch(
    '/partners/:id',
    {
      config: session,
      schema: {
        tags,
        summary: "Change a partner's details (officers; a stale version gets 409)",
        params: IdParamsSchema,
        body: UpdatePartnerBodySchema,
        response: { 200: dataOf(PartnerDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updatePartner(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.delete(
    '/partners/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a partner with its MOUs, documents, contributions and links (officers)',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.deletePartner(
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
    '/partners/:id/mous',
    {
      config: session,
      schema: {
        tags,
        summary: 'Record an MOU with the partner: dates, scope, the unit that signed (officers)',
        params: IdParamsSchema,
        body: MouBodySchema,
        response: { 201: dataOf(MouSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createMou(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.patch(
    '/partner-mous/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Change an MOU (officers; a stale version gets 409)',
        params: IdParamsSchema,
        body: UpdateMouBodySchema,
        response: { 200: dataOf(MouSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateMou(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.delete(
    '/partner-mous/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove an MOU and its documents (officers)',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.deleteMou(
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
    '/partner-mous/:id/documents',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary:
          'Attach a document to an MOU (multipart: file; PDF, image or word-processor file, checked on its content) (officers)',
        consumes: ['multipart/form-data'],
        params: IdParamsSchema,
        response: {
          201: dataOf(MouDocumentSchema),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const upload = await readFileUpload(request);
      return reply.status(201).send({
        data: await service.uploadMouDocument(
          db,
          app.fileStorage,
          actor,
          request.params.id,
          upload,
          request.meta(),
          app.clock(),
        ),
      });
    },
  );

  app.get(
    '/partner-mous/:id/documents/:documentId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Download an MOU document (officers, administrators and driving units’ staff)',
        params: DocumentParamsSchema,
        response: {
          200: z.unknown().describe('The file, with the type detected from its content'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.readMouDocument(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.documentId,
      );
      return sendPrivateFile(reply, file.contentType, contentDisposition(file.fileName), file.bytes);
    },
  );

  app.delete(
    '/partner-mous/:id/documents/:documentId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove an MOU document (officers)',
        params: DocumentParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.deleteMouDocument(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.documentId,
        request.meta(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/partners/:id/contributions',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Record a contribution, cash or in kind at its value, in satang, for a fiscal year (officers)',
        params: IdParamsSchema,
        body: ContributionBodySchema,
        response: { 201: dataOf(ContributionSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.addContribution(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
        ),
      }),
  );

  app.delete(
    '/partner-contributions/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a contribution recorded by mistake (officers)',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.deleteContribution(db, requireActor(request.actor), request.params.id, request.meta());
      return { ok: true as const };
    },
  );

  app.post(
    '/partners/:id/links',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Link the partner to a programme, a project or a unit's work, in one of its roles (officers)",
        params: IdParamsSchema,
        body: LinkBodySchema,
        response: { 201: dataOf(PartnerLinkSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.addLink(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
        ),
      }),
  );

  app.delete(
    '/partner-links/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a link (officers)',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.deleteLink(db, requireActor(request.actor), request.params.id, request.meta());
      return { ok: true as const };
    },
  );
};
