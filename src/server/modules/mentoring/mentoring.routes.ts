import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  AssignMentorBodySchema,
  CreateRequestBodySchema,
  LogSessionBodySchema,
  MentoringRequestDetailSchema,
  MentoringRequestSchema,
  MentorOptionSchema,
  PersonBodySchema,
  PersonDetailSchema,
  PersonnelListQuerySchema,
  PersonSummarySchema,
  RateSessionBodySchema,
  RecognitionBodySchema,
  RequestListQuerySchema,
  RequestStatusBodySchema,
  UpdatePersonBodySchema,
} from '@shared/contracts/mentoring';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as mentoring from './mentoring.service';
import * as personnel from './personnel.service';

const tags = ['mentoring'];

const MentorOptionsQuerySchema = z.object({ drivingUnitId: z.uuid().optional() }).strict();

/**
 * SI personnel (the public registry and mentor directory; officers and unit staff manage it) and mentoring requests,
 * sessions and ratings.
 */
export const mentoringRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  mentoring.setMentoringLinkBase(opts.publicUrl);

  app.get(
    '/personnel',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'The SI personnel registry (active people; managers also their inactive entries), with records',
        querystring: PersonnelListQuerySchema,
        response: { 200: dataOf(z.array(PersonSummarySchema)), ...errorResponses(400) },
      },
    },
    async (request) => ({ data: await personnel.listPersonnel(db, request.actor, request.query) }),
  );

  app.get(
    '/personnel/mentor-options',
    {
      config: session,
      schema: {
        tags,
        summary: 'Active mentors to assign, the given unit’s first (officers, unit staff)',
        querystring: MentorOptionsQuerySchema,
        response: { 200: dataOf(z.array(MentorOptionSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await personnel.listMentorOptions(
        db,
        requireActor(request.actor),
        request.query.drivingUnitId ?? null,
      ),
    }),
  );

  app.get(
    '/personnel/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "A person's profile, record (hours, sessions, activities, projects, rating) and recognitions",
        params: IdParamsSchema,
        response: { 200: dataOf(PersonDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await personnel.getPerson(db, request.actor, request.params.id) }),
  );

  app.post(
    '/personnel',
    {
      config: session,
      schema: {
        tags,
        summary: 'Add a facilitator, coach or mentor (officers; unit staff for their own unit)',
        body: PersonBodySchema,
        response: { 201: dataOf(PersonDetailSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const data = await personnel.createPerson(
        db,
        requireActor(request.actor),
        request.body,
        request.meta(),
      );
      return reply.status(201).send({ data });
    },
  );

  app.patch(
    '/personnel/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Change a registry entry (officers; the unit’s staff)',
        params: IdParamsSchema,
        body: UpdatePersonBodySchema,
        response: { 200: dataOf(PersonDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await personnel.updatePerson(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.post(
    '/personnel/:id/recognitions',
    {
      config: session,
      schema: {
        tags,
        summary: 'Record a recognition of the person (officers; the unit’s staff)',
        params: IdParamsSchema,
        body: RecognitionBodySchema,
        response: { 201: dataOf(PersonDetailSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const data = await personnel.addRecognition(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/mentoring/requests',
    {
      config: session,
      schema: {
        tags,
        summary: 'Mentoring requests: mine, those I mentor, my unit’s queue (officers: every unit)',
        querystring: RequestListQuerySchema,
        response: { 200: dataOf(z.array(MentoringRequestSchema)), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      data: await mentoring.listRequests(db, requireActor(request.actor), request.query),
    }),
  );

  app.post(
    '/mentoring/requests',
    {
      config: session,
      schema: {
        tags,
        summary: 'Ask for mentoring for yourself, an organisation you belong to, or your funded project',
        body: CreateRequestBodySchema,
        response: { 201: dataOf(MentoringRequestDetailSchema), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      const data = await mentoring.createRequest(
        db,
        requireActor(request.actor),
        request.body,
        request.meta(),
      );
      return reply.status(201).send({ data });
    },
  );

  app.get(
    '/mentoring/requests/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'A request with its sessions (the mentee, the mentor, the unit’s staff, officers)',
        params: IdParamsSchema,
        response: { 200: dataOf(MentoringRequestDetailSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await mentoring.getRequest(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/mentoring/requests/:id/assign',
    {
      config: session,
      schema: {
        tags,
        summary: 'Assign a mentor (the unit’s staff, officers); the mentor is told',
        params: IdParamsSchema,
        body: AssignMentorBodySchema,
        response: { 200: dataOf(MentoringRequestDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const data = await mentoring.assignMentor(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      );
      opts.onMailQueued();
      return { data };
    },
  );

  app.post(
    '/mentoring/requests/:id/status',
    {
      config: session,
      schema: {
        tags,
        summary: 'Close an assigned request (mentor, staff) or decline an open one (staff, officers)',
        params: IdParamsSchema,
        body: RequestStatusBodySchema,
        response: { 200: dataOf(MentoringRequestDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await mentoring.setRequestStatus(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.post(
    '/mentoring/requests/:id/sessions',
    {
      config: session,
      schema: {
        tags,
        summary: 'Log a session (the assigned mentor): date, topic, hours, notes, follow-ups',
        params: IdParamsSchema,
        body: LogSessionBodySchema,
        response: { 201: dataOf(MentoringRequestDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const data = await mentoring.logSession(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      return reply.status(201).send({ data });
    },
  );

  app.post(
    '/mentoring/sessions/:id/rating',
    {
      config: session,
      schema: {
        tags,
        summary: 'Rate a session 1–5 with a comment (the mentee; once)',
        params: IdParamsSchema,
        body: RateSessionBodySchema,
        response: { 200: dataOf(MentoringRequestDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await mentoring.rateSession(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );
};
