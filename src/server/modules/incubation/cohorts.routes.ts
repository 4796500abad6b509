import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  AddMemberBodySchema,
  CohortDetailSchema,
  CohortListQuerySchema,
  CohortListSchema,
  CohortMemberParamsSchema,
  CohortMemberSchema,
  CreateCohortBodySchema,
  MemberLookupQuerySchema,
  MemberLookupSchema,
  UpdateCohortBodySchema,
} from '@shared/contracts/cohorts';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as cohorts from './cohorts.service';

const tags = ['cohorts'];

/**
 * Incubation cohorts of driving units and their members: the list in the actor's scope, a cohort's page, making and
 * editing (the unit's staff, officers), adding members by email and removing them.
 */
export const cohortRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  cohorts.setCohortLinkBase(opts.publicUrl);

  app.get(
    '/cohorts',
    {
      config: session,
      schema: {
        tags,
        summary: "Cohorts the actor may see (officers all, unit staff their unit's, members their own)",
        querystring: CohortListQuerySchema,
        response: { 200: dataOf(CohortListSchema), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({ data: await cohorts.listCohorts(db, requireActor(request.actor), request.query) }),
  );

  app.post(
    '/cohorts',
    {
      config: session,
      schema: {
        tags,
        summary: 'Make a cohort (unit staff for their unit, officers for any unit)',
        body: CreateCohortBodySchema,
        response: { 201: dataOf(CohortDetailSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const data = await cohorts.createCohort(db, requireActor(request.actor), request.body, request.meta());
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/cohorts/:id',
    {
      config: session,
      schema: {
        tags,
        summary: "A cohort's page; members are listed to its unit's staff and officers (readers)",
        params: IdParamsSchema,
        response: { 200: dataOf(CohortDetailSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await cohorts.getCohort(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.patch(
    '/cohorts/:id',
    {
      config: session,
      schema: {
        tags,
        summary: "Replace a cohort's details at its current version (the unit's staff, officers)",
        params: IdParamsSchema,
        body: UpdateCohortBodySchema,
        response: { 200: dataOf(CohortDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await cohorts.updateCohort(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/cohorts/:id/member-lookup',
    {
      config: session,
      schema: {
        tags,
        summary: 'Who an email belongs to and their organisations, before adding them (managers)',
        params: IdParamsSchema,
        querystring: MemberLookupQuerySchema,
        response: { 200: dataOf(MemberLookupSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await cohorts.lookupMember(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query.email,
      ),
    }),
  );

  app.post(
    '/cohorts/:id/members',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Add a person by the email of their account, optionally for an organisation they belong to; they are told (managers)',
        params: IdParamsSchema,
        body: AddMemberBodySchema,
        response: { 201: dataOf(CohortMemberSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const data = await cohorts.addMember(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      );
      opts.onMailQueued();
      return reply.status(201).send({ data });
    },
  );

  app.delete(
    '/cohorts/:id/members/:userId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a member who has not answered the questionnaire (managers)',
        params: CohortMemberParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await cohorts.removeMember(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.userId,
        request.meta(),
      );
      return { ok: true as const };
    },
  );
};
