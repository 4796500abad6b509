import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  CallDetailSchema,
  CallFormParamsSchema,
  CallFormSchema,
  CallIdParamsSchema,
  CallListQuerySchema,
  CallSummarySchema,
  CallTransitionSchema,
  CreateCallBodySchema,
  EligibilityQuerySchema,
  EligibilityResultSchema,
  ProblemStatementBodySchema,
  ProblemStatementParamsSchema,
  ProblemStatementSchema,
  SaveCallFormBodySchema,
  UpdateCallBodySchema,
  UpdateProblemStatementBodySchema,
} from '@shared/contracts/calls';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './calls.service';
import { checkEligibility } from '@server/modules/proposals/proposals.service';
import * as statements from './problem-statements.service';
import { PROBLEM_TRANSITION_NAMES } from './calls.transitions';

const SUMMARIES: Record<z.infer<typeof CallTransitionSchema>, string> = {
  publish: 'Publish a draft call (officers; every stage needs a form)',
  close: 'Close a published call (officers)',
  archive: 'Archive a closed call or an unused draft (officers)',
  reopen: 'Reopen a closed call whose closing time is still ahead (officers)',
};

/** Calls for proposals, their forms, eligibility checks and problem statements. */
export const callRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  const tags = ['calls'];
  const callDetail = dataOf(CallDetailSchema);
  const statement = dataOf(ProblemStatementSchema);

  app.get(
    '/calls',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Calls by phase, programme, theme and fiscal year (officers may ask for drafts or archived)',
        querystring: CallListQuerySchema,
        response: { 200: dataOf(z.array(CallSummarySchema)), ...errorResponses(400, 403) },
      },
    },
    async (request) => ({ data: await service.listCalls(db, request.actor, request.query, app.clock()) }),
  );

  app.get(
    '/calls/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One call with its current forms and problem statements',
        params: CallIdParamsSchema,
        response: { 200: callDetail, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await service.getCallDetail(db, request.actor, request.params.id, app.clock()),
    }),
  );

  app.post(
    '/calls',
    {
      config: session,
      schema: {
        tags,
        summary: 'Create a draft call (programme officers)',
        body: CreateCallBodySchema,
        response: { 201: callDetail, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createCall(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.patch(
    '/calls/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Update a call (programme officers; give the version you edited)',
        params: CallIdParamsSchema,
        body: UpdateCallBodySchema,
        response: { 200: callDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateCall(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  for (const transition of CallTransitionSchema.options) {
    app.post(
      `/calls/:id/${transition}`,
      {
        config: session,
        schema: {
          tags,
          summary: SUMMARIES[transition],
          params: CallIdParamsSchema,
          response: { 200: callDetail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => ({
        data: await service.transitionCall(
          db,
          requireActor(request.actor),
          request.params.id,
          transition,
          request.meta(),
          app.clock(),
        ),
      }),
    );
  }

  app.get(
    '/calls/:id/forms',
    {
      config: session,
      schema: {
        tags,
        summary: 'Every form version of a call (programme officers)',
        params: CallIdParamsSchema,
        response: { 200: dataOf(z.array(CallFormSchema)), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listCallForms(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.put(
    '/calls/:id/forms/:stage',
    {
      config: session,
      schema: {
        tags,
        summary: "Save a stage's form (programme officers; a frozen version gets a new version)",
        params: CallFormParamsSchema,
        body: SaveCallFormBodySchema,
        response: { 200: dataOf(CallFormSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.saveCallForm(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.stage,
        request.body.definition,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/calls/:id/eligibility',
    {
      config: session,
      schema: {
        tags,
        summary: 'Whether one of my organisations may apply to the call, with the reasons',
        params: CallIdParamsSchema,
        querystring: EligibilityQuerySchema,
        response: { 200: dataOf(EligibilityResultSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await checkEligibility(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query.organisationId,
      ),
    }),
  );

  app.post(
    '/calls/:id/problem-statements',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Post a problem statement (officers: published; partners and local government owners: pending approval)',
        params: CallIdParamsSchema,
        body: ProblemStatementBodySchema,
        response: { 201: statement, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await statements.createProblemStatement(
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
    '/problem-statements/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Update a problem statement (officers; its poster while pending; give the version you edited)',
        params: ProblemStatementParamsSchema,
        body: UpdateProblemStatementBodySchema,
        response: { 200: statement, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await statements.updateProblemStatement(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  for (const transition of PROBLEM_TRANSITION_NAMES) {
    app.post(
      `/problem-statements/:id/${transition}`,
      {
        config: session,
        schema: {
          tags,
          summary:
            transition === 'publish'
              ? 'Publish a pending problem statement (officers)'
              : 'Withdraw a problem statement (officers; its poster while pending)',
          params: ProblemStatementParamsSchema,
          response: { 200: statement, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => ({
        data: await statements.transitionProblemStatement(
          db,
          requireActor(request.actor),
          request.params.id,
          transition,
          request.meta(),
        ),
      }),
    );
  }
};
