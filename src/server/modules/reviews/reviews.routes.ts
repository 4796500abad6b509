import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  OfficerReviewSchema,
  ProposalReviewsSchema,
  RankingSchema,
  ReopenReviewBodySchema,
  ReviewSheetSchema,
  RubricParamsSchema,
  RubricSchema,
  SaveReviewBodySchema,
  SaveRubricBodySchema,
  StageQuerySchema,
  SubmitReviewBodySchema,
} from '@shared/contracts/reviews';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './reviews.service';

const tags = ['reviews'];

/** Rubrics, the reviewer's scoring sheet, officers' named reviews and reopening, and the ranking of a call. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  const sheet = dataOf(ReviewSheetSchema);

  app.get(
    '/calls/:id/rubrics/:stage',
    {
      config: session,
      schema: {
        tags,
        summary: "A call stage's rubric, or the starter rubric (version 0) until one is saved (officers)",
        params: RubricParamsSchema,
        response: { 200: dataOf(RubricSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getRubric(db, requireActor(request.actor), request.params.id, request.params.stage),
    }),
  );

  app.put(
    '/calls/:id/rubrics/:stage',
    {
      config: session,
      schema: {
        tags,
        summary: "Save a call stage's rubric (officers; 409 once a review of the stage is submitted)",
        params: RubricParamsSchema,
        body: SaveRubricBodySchema,
        response: { 200: dataOf(RubricSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.saveRubric(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.stage,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/review-assignments/:id/review',
    {
      config: session,
      schema: {
        tags,
        summary:
          'The reviewer’s scoring sheet: rubric, own review, anonymised other reviews when allowed (own open assignment)',
        params: IdParamsSchema,
        response: { 200: sheet, ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getReviewSheet(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.put(
    '/review-assignments/:id/review',
    {
      config: session,
      schema: {
        tags,
        summary: 'Save the review as a draft (version 0 creates it; stale version → 409; submitted → 409)',
        params: IdParamsSchema,
        body: SaveReviewBodySchema,
        response: { 200: sheet, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.saveReview(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.post(
    '/review-assignments/:id/review/submit',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Submit the review: every criterion scored, required comments, a recommendation; then it is locked',
        params: IdParamsSchema,
        body: SubmitReviewBodySchema,
        response: { 200: sheet, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.submitReview(
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
    '/reviews/:id/reopen',
    {
      config: session,
      schema: {
        tags,
        summary: 'Reopen a submitted review as a draft, with a reason; the reviewer is told (officers)',
        params: IdParamsSchema,
        body: ReopenReviewBodySchema,
        response: { 200: dataOf(OfficerReviewSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.reopenReview(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/proposals/:id/reviews',
    {
      config: session,
      schema: {
        tags,
        summary:
          "A proposal's reviewers, named, with their reviews, z-scores and the proposal's scores (officers)",
        params: IdParamsSchema,
        querystring: StageQuerySchema,
        response: { 200: dataOf(ProposalReviewsSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listProposalReviews(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query,
      ),
    }),
  );

  app.get(
    '/calls/:id/ranking',
    {
      config: session,
      schema: {
        tags,
        summary:
          "A call stage's ranking: raw and calibrated scores, disagreement, running total against the budget (officers)",
        params: IdParamsSchema,
        querystring: StageQuerySchema,
        response: { 200: dataOf(RankingSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getRanking(db, requireActor(request.actor), request.params.id, request.query),
    }),
  );
};
