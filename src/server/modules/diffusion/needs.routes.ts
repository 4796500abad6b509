import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  CreatedNeedSchema,
  CreateNeedBodySchema,
  ExpressInterestBodySchema,
  InterestOptionsSchema,
  InterestResultSchema,
  MatchListSchema,
  NeedActionBodySchema,
  NeedDetailSchema,
  NeedListQuerySchema,
  NeedListSchema,
  UpdateNeedBodySchema,
} from '@shared/contracts/needs';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './needs.service';

const tags = ['needs'];

/**
 * The needs register (public form, staff moderation, public list without personal data), matching of
 * diffusion-ready innovations to needs and problem statements, and "we want to adopt this".
 */
export const needRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.post(
    '/needs',
    {
      config: { public: true, rateLimit: rateLimit(10, '1 hour') },
      schema: {
        tags,
        summary:
          'Post a need for innovation through the public form; it waits for staff to moderate it (no sign-in needed)',
        body: CreateNeedBodySchema,
        response: { 201: dataOf(CreatedNeedSchema), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createNeed(db, request.actor, request.body, request.meta(), app.clock()),
      }),
  );

  app.get(
    '/needs',
    {
      config: { public: true, rateLimit: rateLimit(300, '1 minute') },
      schema: {
        tags,
        summary:
          'Published needs (public, without who posted them); staff also see the needs of their area in any status',
        querystring: NeedListQuerySchema,
        response: { 200: NeedListSchema, ...errorResponses(400, 429) },
      },
    },
    async (request) => service.listNeeds(db, request.actor, request.query),
  );

  app.get(
    '/needs/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'A need (public when published; staff of its area also see the requester and contact details)',
        params: IdParamsSchema,
        response: { 200: dataOf(NeedDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getNeed(db, request.actor, request.params.id) }),
  );

  app.patch(
    '/needs/:id',
    {
      config: session,
      schema: {
        tags,
        summary: "Fix a need's wording, theme or area (staff of its area; a stale version gets 409)",
        params: IdParamsSchema,
        body: UpdateNeedBodySchema,
        response: { 200: dataOf(NeedDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateNeed(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.post(
    '/needs/:id/actions',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Moderate a need: publish or reject (with a note) a pending one; mark a published one addressed, or close it (staff of its area)',
        params: IdParamsSchema,
        body: NeedActionBodySchema,
        response: { 200: dataOf(NeedDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.actOnNeed(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.get(
    '/needs/:id/matches',
    {
      config: { public: true, rateLimit: rateLimit(120, '1 minute') },
      schema: {
        tags,
        summary:
          'Diffusion-ready innovations ranked for a need, with the reasons per factor (public for a published need)',
        params: IdParamsSchema,
        response: { 200: dataOf(MatchListSchema), ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => ({ data: await service.getNeedMatches(db, request.actor, request.params.id) }),
  );

  app.get(
    '/problem-statements/:id/matches',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Diffusion-ready innovations ranked for a call's problem statement, with the reasons (officers, units' staff)",
        params: IdParamsSchema,
        response: { 200: dataOf(MatchListSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getStatementMatches(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.get(
    '/innovations/:id/interest-options',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'For the "we want to adopt this" button: diffusion readiness, the organisations the user may act for, an adoption already open',
        params: IdParamsSchema,
        response: { 200: dataOf(InterestOptionsSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await service.getInterestOptions(db, request.actor, request.params.id),
    }),
  );

  app.post(
    '/innovations/:id/interest',
    {
      config: { ...session, rateLimit: rateLimit(30, '1 hour') },
      schema: {
        tags,
        summary:
          'Express interest in adopting a diffusion-ready innovation for an organisation the user owns or edits: opens an adoption at "interested"',
        params: IdParamsSchema,
        body: ExpressInterestBodySchema,
        response: {
          201: dataOf(InterestResultSchema),
          ...errorResponses(400, 401, 403, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const result = await service.expressInterest(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
        opts.publicUrl,
      );
      opts.onMailQueued();
      return reply.status(201).send({ data: result });
    },
  );
};
