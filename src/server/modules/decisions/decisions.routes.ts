import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import { BulkResultSchema } from '@shared/contracts/proposals';
import {
  ApplicantDecisionSchema,
  BulkScreeningBodySchema,
  CallDecisionsSchema,
  DecisionBodySchema,
  DecisionResultSchema,
  LetterQuerySchema,
  NotifyBodySchema,
  NotifyResultSchema,
  PhaseBodySchema,
  PublicResultsSchema,
  ReviewStateSchema,
  ScreeningBodySchema,
  SelectionSchema,
  ShortlistBodySchema,
} from '@shared/contracts/decisions';
import { errorResponses, rateLimit, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './decisions.service';
import { renderDecisionLetter } from './decisions.pdf';

const tags = ['decisions'];

/** An ASCII file name and its UTF-8 form for Content-Disposition. */
function inlineDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Selection after review: screening (one proposal or many), phase moves, the shortlist, decisions with the call's
 * budget enforced, the release of letters (email, in-app, PDF), the applicant's view and the public results.
 */
export const decisionRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  service.setDecisionLinkBase(opts.publicUrl);

  app.post(
    '/proposals/:id/screening',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Screen a submitted proposal: passed → review, failed → screened out; passing an ineligible one overrides eligibility with the reason (officers)',
        params: IdParamsSchema,
        body: ScreeningBodySchema,
        response: { 200: dataOf(ReviewStateSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const data = await service.screenProposal(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
        opts.publicUrl,
      );
      opts.onMailQueued();
      return { data };
    },
  );

  app.post(
    '/calls/:id/screening',
    {
      config: session,
      schema: {
        tags,
        summary: 'Screen several proposals of a call at once; refusals are reported per proposal (officers)',
        params: IdParamsSchema,
        body: BulkScreeningBodySchema,
        response: { 200: dataOf(BulkResultSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const data = await service.screenProposals(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
        request.lang,
        opts.publicUrl,
      );
      opts.onMailQueued();
      return { data };
    },
  );

  app.post(
    '/proposals/:id/phase',
    {
      config: session,
      schema: {
        tags,
        summary: 'Move a proposal in review on to the panel or the decision phase (officers)',
        params: IdParamsSchema,
        body: PhaseBodySchema,
        response: { 200: dataOf(ReviewStateSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.moveProposalPhase(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.post(
    '/proposals/:id/shortlist',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Put a screened-in proposal on the shortlist (panel, people's choice) or take it off (officers)",
        params: IdParamsSchema,
        body: ShortlistBodySchema,
        response: { 200: dataOf(ReviewStateSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.setShortlisted(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/proposals/:id/selection',
    {
      config: session,
      schema: {
        tags,
        summary: "A proposal's phase, decision, the call's budget and the outcomes open to it (officers)",
        params: IdParamsSchema,
        response: { 200: dataOf(SelectionSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getSelection(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/proposals/:id/decision',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Record or change the decision on a proposal; awards within the request, the call's maximum and its budget (officers)",
        params: IdParamsSchema,
        body: DecisionBodySchema,
        response: { 200: dataOf(DecisionResultSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.decideProposal(
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
    '/proposals/:id/decision',
    {
      config: session,
      schema: {
        tags,
        summary:
          'The released decision on a proposal, with anonymised reviewer feedback when the call shares it (members, officers)',
        params: IdParamsSchema,
        response: {
          200: dataOf(ApplicantDecisionSchema.nullable()),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => ({
      data: await service.getApplicantDecision(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.get(
    '/proposals/:id/decision-letter.pdf',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary:
          'The decision letter as a PDF in Thai or English (members once released; officers any time, as a preview)',
        params: IdParamsSchema,
        querystring: LetterQuerySchema,
        response: { 200: z.unknown().describe('application/pdf'), ...errorResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const now = app.clock();
      const facts = await service.getLetterFacts(db, requireActor(request.actor), request.params.id);
      const lang = request.query.lang ?? request.lang;
      const pdf = await renderDecisionLetter(facts, lang, now);
      const name = `decision-${facts.receiptNumber ?? facts.proposalId.slice(0, 8)}-${lang}.pdf`;
      return sendPrivateFile(reply, 'application/pdf', inlineDisposition(name), pdf);
    },
  );

  app.get(
    '/calls/:id/decisions',
    {
      config: session,
      schema: {
        tags,
        summary: "A call's decisions, budget, proposals by phase and unsent letters (officers)",
        params: IdParamsSchema,
        response: { 200: dataOf(CallDecisionsSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listDecisions(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/calls/:id/decisions/notify',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Release the call's unsent decisions: letters by email and in the app; the applicants can read them (officers)",
        params: IdParamsSchema,
        body: NotifyBodySchema,
        response: { 200: dataOf(NotifyResultSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const data = await service.releaseDecisions(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
        request.lang,
        opts.publicUrl,
      );
      opts.onMailQueued();
      return { data };
    },
  );

  app.get(
    '/calls/:id/results',
    {
      config: { public: true, rateLimit: rateLimit(120, '1 minute') },
      schema: {
        tags,
        summary: "A call's released awards: organisations, provinces, amounts and their total (public)",
        params: IdParamsSchema,
        response: { 200: dataOf(PublicResultsSchema), ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => ({ data: await service.getPublicResults(db, request.params.id) }),
  );
};
