import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  AddJudgeBodySchema,
  CertificateCodeParamsSchema,
  CertificateLangQuerySchema,
  CertificateVerificationSchema,
  ConflictBodySchema,
  ContestCategoryParamsSchema,
  ContestDetailSchema,
  ContestEntrySchema,
  ContestIdParamsSchema,
  ContestJudgeParamsSchema,
  ContestJudgeSchema,
  ContestListQuerySchema,
  ContestRankingSchema,
  ContestScoreSchema,
  ContestSummarySchema,
  ContestTransitionSchema,
  ContestWinnersSchema,
  CreateContestBodySchema,
  EntryDecisionBodySchema,
  EntryIdParamsSchema,
  JudgeCandidateSchema,
  JudgingSheetSchema,
  MyJudgingSchema,
  NominableProposalSchema,
  NominateBodySchema,
  RevokeCertificateBodySchema,
  ScoreBodySchema,
  UpdateContestBodySchema,
  WinnersBodySchema,
  type ContestTransition,
} from '@shared/contracts/contests';
import { errorResponses, rateLimit, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './contests.service';
import { renderCertificatePdf } from './contests.pdf';

const SUMMARIES: Record<ContestTransition, string> = {
  open: 'Open a draft contest for nominations (officers)',
  start_judging: 'Close nominations and start judging (officers)',
  announce: 'Announce the winners: issues their certificates and tells the nominators (officers)',
  archive: 'Archive an announced contest or an unused draft (officers)',
};

/** Social award contests: categories, nominations, judges and scores, winners, certificates. */
export const contestRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  const tags = ['contests'];
  const detail = dataOf(ContestDetailSchema);
  const publicUrl = opts.publicUrl.replace(/\/$/, '');
  service.setContestLinkBase(publicUrl);

  app.get(
    '/contests',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Award contests (officers may ask for drafts, and see every status by default)',
        querystring: ContestListQuerySchema,
        response: { 200: dataOf(z.array(ContestSummarySchema)), ...errorResponses(400, 403) },
      },
    },
    async (request) => ({ data: await service.listContests(db, request.actor, request.query) }),
  );

  app.post(
    '/contests',
    {
      config: session,
      schema: {
        tags,
        summary: 'Create a draft contest with its award categories and rubrics (officers)',
        body: CreateContestBodySchema,
        response: { 201: detail, ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createContest(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.get(
    '/contests/nominable-proposals',
    {
      config: session,
      schema: {
        tags,
        summary: 'Submitted proposals of my organisations, which I may nominate',
        response: { 200: dataOf(z.array(NominableProposalSchema)), ...errorResponses(401) },
      },
    },
    async (request) => ({
      data: await service.listNominableProposals(db, requireActor(request.actor)),
    }),
  );

  app.get(
    '/contests/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One contest with its categories (drafts: officers only)',
        params: ContestIdParamsSchema,
        response: { 200: detail, ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await service.getContest(db, request.actor, request.params.id, app.clock()),
    }),
  );

  app.patch(
    '/contests/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Update a contest and (while draft or open) its categories (officers; give the version)',
        params: ContestIdParamsSchema,
        body: UpdateContestBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateContest(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  for (const transition of ContestTransitionSchema.options) {
    app.post(
      `/contests/:id/${transition.replace('_', '-')}`,
      {
        config: session,
        schema: {
          tags,
          summary: SUMMARIES[transition],
          params: ContestIdParamsSchema,
          response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => {
        const data = await service.transitionContest(
          db,
          requireActor(request.actor),
          request.params.id,
          transition,
          request.meta(),
          app.clock(),
        );
        opts.onMailQueued();
        return { data };
      },
    );
  }

  app.get(
    '/contests/:id/entries',
    {
      config: session,
      schema: {
        tags,
        summary: 'Entries of a contest (officers: all; others: the ones they nominated)',
        params: ContestIdParamsSchema,
        response: { 200: dataOf(z.array(ContestEntrySchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.listEntries(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/contests/:id/entries',
    {
      config: { ...session, rateLimit: rateLimit(30, '1 minute') },
      schema: {
        tags,
        summary: 'Nominate a proposal of my organisation, or an open entry, while nominations are open',
        params: ContestIdParamsSchema,
        body: NominateBodySchema,
        response: { 201: dataOf(ContestEntrySchema), ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.nominate(
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
    '/contest-entries/:id/decision',
    {
      config: session,
      schema: {
        tags,
        summary: 'Accept or reject an entry (officers; give the version)',
        params: EntryIdParamsSchema,
        body: EntryDecisionBodySchema,
        response: { 200: dataOf(ContestEntrySchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.decideEntry(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/contests/:id/judges',
    {
      config: session,
      schema: {
        tags,
        summary: "A contest's judges and how far each is (officers)",
        params: ContestIdParamsSchema,
        response: { 200: dataOf(z.array(ContestJudgeSchema)), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listJudges(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.get(
    '/contests/:id/judge-candidates',
    {
      config: session,
      schema: {
        tags,
        summary: 'Reviewers who may be added as judges (officers)',
        params: ContestIdParamsSchema,
        response: { 200: dataOf(z.array(JudgeCandidateSchema)), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listJudgeCandidates(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/contests/:id/judges',
    {
      config: session,
      schema: {
        tags,
        summary: 'Add a reviewer as a judge (officers)',
        params: ContestIdParamsSchema,
        body: AddJudgeBodySchema,
        response: { 200: dataOf(z.array(ContestJudgeSchema)), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.addJudge(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body.userId,
        request.meta(),
      ),
    }),
  );

  app.delete(
    '/contests/:id/judges/:userId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove a judge; submitted scores stay (officers)',
        params: ContestJudgeParamsSchema,
        response: { 200: dataOf(z.array(ContestJudgeSchema)), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.removeJudge(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.userId,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/contest-judging',
    {
      config: session,
      schema: {
        tags,
        summary: 'Contests I judge, with my progress',
        response: { 200: dataOf(z.array(MyJudgingSchema)), ...errorResponses(401) },
      },
    },
    async (request) => ({ data: await service.listMyJudging(db, requireActor(request.actor)) }),
  );

  app.get(
    '/contests/:id/judging',
    {
      config: session,
      schema: {
        tags,
        summary: "A judge's sheet: categories, rubrics, accepted entries and my scores (judges)",
        params: ContestIdParamsSchema,
        response: { 200: dataOf(JudgingSheetSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getJudgingSheet(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.put(
    '/contest-entries/:id/score',
    {
      config: session,
      schema: {
        tags,
        summary: 'Save a draft of my scores for an entry (judges, while judging)',
        params: EntryIdParamsSchema,
        body: ScoreBodySchema,
        response: { 200: dataOf(ContestScoreSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.saveScore(db, requireActor(request.actor), request.params.id, request.body),
    }),
  );

  app.post(
    '/contest-entries/:id/score/submit',
    {
      config: session,
      schema: {
        tags,
        summary: 'Submit my scores for an entry; locked afterwards (judges, while judging)',
        params: EntryIdParamsSchema,
        body: ScoreBodySchema,
        response: { 200: dataOf(ContestScoreSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.submitScore(
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
    '/contest-entries/:id/conflict',
    {
      config: session,
      schema: {
        tags,
        summary: 'Declare a conflict of interest with an entry: recused from scoring it (judges)',
        params: EntryIdParamsSchema,
        body: ConflictBodySchema,
        response: { 200: dataOf(ContestScoreSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.declareConflict(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body.statement,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/contests/:id/ranking',
    {
      config: session,
      schema: {
        tags,
        summary: 'Ranking of each category: raw and calibrated means of the judges (officers)',
        params: ContestIdParamsSchema,
        response: { 200: dataOf(ContestRankingSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getRanking(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.put(
    '/contests/:id/categories/:categoryId/winners',
    {
      config: session,
      schema: {
        tags,
        summary: "Choose a category's winners and their places (officers, while judging)",
        params: ContestCategoryParamsSchema,
        body: WinnersBodySchema,
        response: { 200: dataOf(z.array(ContestEntrySchema)), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.setWinners(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.categoryId,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/contests/:id/winners',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The winners of an announced contest, by category and place',
        params: ContestIdParamsSchema,
        response: { 200: dataOf(ContestWinnersSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getWinners(db, request.params.id) }),
  );

  app.get(
    '/contest-entries/:id/certificate.pdf',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary:
          "A winner's certificate as a PDF (officers, the nominator, members of the entrant organisation)",
        params: EntryIdParamsSchema,
        querystring: CertificateLangQuerySchema,
        response: {
          200: z.unknown().describe('application/pdf'),
          ...errorResponses(400, 401, 404, 409, 429),
        },
      },
    },
    async (request, reply) => {
      const certificate = await service.getCertificateForPrint(
        db,
        requireActor(request.actor),
        request.params.id,
      );
      const lang = request.query.lang ?? request.lang;
      const raw = certificate.code.replace('-', '');
      const pdf = await renderCertificatePdf(certificate, lang, `${publicUrl}/contests/certificates/${raw}`);
      return sendPrivateFile(reply, 'application/pdf', `attachment; filename="certificate-${raw}.pdf"`, pdf);
    },
  );

  app.post(
    '/contest-entries/:id/certificate/revoke',
    {
      config: session,
      schema: {
        tags,
        summary: "Revoke a winner's certificate, with a reason (officers)",
        params: EntryIdParamsSchema,
        body: RevokeCertificateBodySchema,
        response: { 200: dataOf(ContestEntrySchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.revokeCertificate(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body.reason,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.get(
    '/contest-certificates/:code',
    {
      config: { public: true, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary: 'Check a certificate verification code: valid, revoked or unknown',
        params: CertificateCodeParamsSchema,
        response: { 200: dataOf(CertificateVerificationSchema), ...errorResponses(400, 429) },
      },
    },
    async (request) => ({ data: await service.verifyCertificate(db, request.params.code) }),
  );
};
