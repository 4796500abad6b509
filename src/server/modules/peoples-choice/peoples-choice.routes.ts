import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  PeoplesChoiceParamsSchema,
  PeoplesChoiceSchema,
  VoteBodySchema,
  VoteSchema,
} from '@shared/contracts/peoples-choice';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './peoples-choice.service';

/** People's choice: the public shortlist of a call, votes by verified accounts, results after the vote closes. */
export const peoplesChoiceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const tags = ['peoples-choice'];

  app.get(
    '/calls/:id/peoples-choice',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "A call's shortlisted ideas for the people's choice; counts and ranks once the vote has closed",
        params: PeoplesChoiceParamsSchema,
        response: { 200: dataOf(PeoplesChoiceSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await service.getPeoplesChoice(db, request.actor, request.params.id, app.clock()),
    }),
  );

  app.post(
    '/calls/:id/peoples-choice/votes',
    {
      config: { auth: 'session', rateLimit: rateLimit(10, '1 minute') },
      schema: {
        tags,
        summary: 'Vote for one shortlisted idea (verified accounts, once per call, while the vote is open)',
        params: PeoplesChoiceParamsSchema,
        body: VoteBodySchema,
        response: { 201: dataOf(VoteSchema), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.castVote(
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
