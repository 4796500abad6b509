import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  AddReviewerConflictBodySchema,
  AssignmentAttachmentParamsSchema,
  AssignmentParamsSchema,
  AutoAssignBodySchema,
  AutoAssignResultSchema,
  CallAssignmentsQuerySchema,
  CallReviewerSchema,
  DeclareConflictBodySchema,
  DeclineAssignmentBodySchema,
  DeclineInvitationBodySchema,
  InviteResultSchema,
  InviteReviewersBodySchema,
  ManualAssignBodySchema,
  MyReviewsSchema,
  ProposalAssignmentsDetailSchema,
  ProposalAssignmentsQuerySchema,
  ProposalAssignmentsSchema,
  RemoveAssignmentBodySchema,
  ReviewerConflictParamsSchema,
  ReviewerListItemSchema,
  ReviewerListQuerySchema,
  ReviewerProfileSchema,
  ReviewerProposalSchema,
  ReviewerUserParamsSchema,
  ReviewSettingsSchema,
  SaveReviewerProfileBodySchema,
  UpdateReviewerBodySchema,
  UpdateReviewSettingsBodySchema,
} from '@shared/contracts/reviewers';
import { errorResponses, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import { contentDisposition } from '@server/lib/files';
import * as service from './reviewers.service';

const tags = ['reviewers'];

/**
 * The reviewer pool and who reviews what: a call's review settings, reviewer profiles and declared conflicts,
 * invitations to review a call, automatic and manual assignment, the reviewer's conflict-of-interest declaration and
 * the proposal as the reviewer reads it (blind when the call says so).
 */
export const reviewerRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  service.setReviewerLinkBase(opts.publicUrl);

  /** Awaits a command that may queue e-mail, then wakes the mail sender. */
  const withQueuedMail = async <T>(command: Promise<T>): Promise<{ data: T }> => {
    const data = await command;
    opts.onMailQueued();
    return { data };
  };

  // ---- Settings -----------------------------------------------------------------------------------------------------

  app.get(
    '/calls/:id/review-settings',
    {
      config: session,
      schema: {
        tags,
        summary: "A call's review settings, or the defaults (version 0) (officers)",
        params: IdParamsSchema,
        response: { 200: dataOf(ReviewSettingsSchema), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getCallReviewSettings(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.patch(
    '/calls/:id/review-settings',
    {
      config: session,
      schema: {
        tags,
        summary: "Change a call's review settings (officers; give the version you read, 0 for the defaults)",
        params: IdParamsSchema,
        body: UpdateReviewSettingsBodySchema,
        response: { 200: dataOf(ReviewSettingsSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateReviewSettings(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  // ---- Profiles -----------------------------------------------------------------------------------------------------

  app.get(
    '/reviewer-profile',
    {
      config: session,
      schema: {
        tags,
        summary: "The signed-in reviewer's profile and declared conflicts (reviewers)",
        response: { 200: dataOf(ReviewerProfileSchema), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ data: await service.getMyProfile(db, requireActor(request.actor)) }),
  );

  app.put(
    '/reviewer-profile',
    {
      config: session,
      schema: {
        tags,
        summary: "Save the signed-in reviewer's profile (give the version you read, 0 for a first save)",
        body: SaveReviewerProfileBodySchema,
        response: { 200: dataOf(ReviewerProfileSchema), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request) => ({
      data: await service.saveMyProfile(db, requireActor(request.actor), request.body, request.meta()),
    }),
  );

  app.post(
    '/reviewer-profile/conflicts',
    {
      config: session,
      schema: {
        tags,
        summary: 'Declare a standing conflict of interest with an organisation (reviewers)',
        body: AddReviewerConflictBodySchema,
        response: { 200: dataOf(ReviewerProfileSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await service.addMyConflict(db, requireActor(request.actor), request.body, request.meta()),
    }),
  );

  app.delete(
    '/reviewer-profile/conflicts/:organisationId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Withdraw a declared standing conflict (reviewers)',
        params: ReviewerConflictParamsSchema,
        response: { 200: dataOf(ReviewerProfileSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.removeMyConflict(
        db,
        requireActor(request.actor),
        request.params.organisationId,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/reviewers',
    {
      config: session,
      schema: {
        tags,
        summary:
          'The reviewer pool by theme, province and text, with loads and a call’s invitation status (officers)',
        querystring: ReviewerListQuerySchema,
        response: { 200: dataOf(z.array(ReviewerListItemSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await service.listReviewers(db, requireActor(request.actor), request.query),
    }),
  );

  app.get(
    '/reviewers/:userId',
    {
      config: session,
      schema: {
        tags,
        summary: "A reviewer's profile and declared conflicts (officers)",
        params: ReviewerUserParamsSchema,
        response: { 200: dataOf(ReviewerProfileSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getReviewer(db, requireActor(request.actor), request.params.userId),
    }),
  );

  app.patch(
    '/reviewers/:userId',
    {
      config: session,
      schema: {
        tags,
        summary: "Change a reviewer's profile, e.g. the maximum load (officers; give the version you read)",
        params: ReviewerUserParamsSchema,
        body: UpdateReviewerBodySchema,
        response: { 200: dataOf(ReviewerProfileSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateReviewer(
        db,
        requireActor(request.actor),
        request.params.userId,
        request.body,
        request.meta(),
      ),
    }),
  );

  // ---- Invitations --------------------------------------------------------------------------------------------------

  app.get(
    '/calls/:id/reviewers',
    {
      config: session,
      schema: {
        tags,
        summary: 'Reviewers invited to review a call, with their answers and loads (officers)',
        params: IdParamsSchema,
        response: { 200: dataOf(z.array(CallReviewerSchema)), ...errorResponses(401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listCallReviewers(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/calls/:id/reviewers',
    {
      config: session,
      schema: {
        tags,
        summary: 'Invite reviewers to review a call: e-mail and in-app message (officers)',
        params: IdParamsSchema,
        body: InviteReviewersBodySchema,
        response: { 200: dataOf(InviteResultSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.inviteReviewers(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
          request.lang,
        ),
      ),
  );

  app.post(
    '/review-invitations/:id/accept',
    {
      config: session,
      schema: {
        tags,
        summary: "Accept an invitation to review a call (:id is the call's id; the invited reviewer)",
        params: IdParamsSchema,
        response: { 200: dataOf(MyReviewsSchema), ...errorResponses(401, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.respondToInvitation(
        db,
        requireActor(request.actor),
        request.params.id,
        'accepted',
        null,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.post(
    '/review-invitations/:id/decline',
    {
      config: session,
      schema: {
        tags,
        summary: "Decline an invitation to review a call (:id is the call's id; the invited reviewer)",
        params: IdParamsSchema,
        body: DeclineInvitationBodySchema,
        response: { 200: dataOf(MyReviewsSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.respondToInvitation(
        db,
        requireActor(request.actor),
        request.params.id,
        'declined',
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  // ---- Assignments (officers) ---------------------------------------------------------------------------------------

  app.get(
    '/calls/:id/assignments',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Proposals up for review at a stage with their reviewers and why each was assigned (officers)',
        params: IdParamsSchema,
        querystring: CallAssignmentsQuerySchema,
        response: { 200: dataOf(z.array(ProposalAssignmentsSchema)), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listCallAssignments(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query.stage,
      ),
    }),
  );

  app.get(
    '/proposals/:id/assignments',
    {
      config: session,
      schema: {
        tags,
        summary:
          "One proposal's reviewers at a stage (default: its own), named, with why each was assigned (officers)",
        params: IdParamsSchema,
        querystring: ProposalAssignmentsQuerySchema,
        response: { 200: dataOf(ProposalAssignmentsDetailSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getProposalAssignments(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query,
      ),
    }),
  );

  app.post(
    '/calls/:id/assignments/auto',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Assign reviewers automatically: N per proposal, balanced load, theme match, no conflicts (officers)',
        params: IdParamsSchema,
        body: AutoAssignBodySchema,
        response: { 200: dataOf(AutoAssignResultSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.autoAssign(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body.stage,
          request.meta(),
        ),
      ),
  );

  app.post(
    '/calls/:id/assignments',
    {
      config: session,
      schema: {
        tags,
        summary: 'Assign a chosen reviewer to a proposal, with a note (officers)',
        params: IdParamsSchema,
        body: ManualAssignBodySchema,
        response: { 201: dataOf(ProposalAssignmentsSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await withQueuedMail(
        service.assignManually(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
        ),
      );
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/review-assignments/:id/remove',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove an assignment whose review is not submitted (officers; audited)',
        params: AssignmentParamsSchema,
        body: RemoveAssignmentBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.removeAssignment(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      );
      return { ok: true as const };
    },
  );

  // ---- The reviewer's side ------------------------------------------------------------------------------------------

  app.get(
    '/review-assignments',
    {
      config: session,
      schema: {
        tags,
        summary: "The signed-in reviewer's invitations and assignments (title and organisation unless blind)",
        response: { 200: dataOf(MyReviewsSchema), ...errorResponses(401) },
      },
    },
    async (request) => ({ data: await service.listMyReviews(db, requireActor(request.actor)) }),
  );

  app.post(
    '/review-assignments/:id/conflict',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Declare a conflict of interest (recused, another reviewer takes over) or none (opens the proposal)',
        params: AssignmentParamsSchema,
        body: DeclareConflictBodySchema,
        response: { 200: dataOf(MyReviewsSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.declareConflict(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
        ),
      ),
  );

  app.post(
    '/review-assignments/:id/decline',
    {
      config: session,
      schema: {
        tags,
        summary: 'Decline an assignment with a reason; another reviewer takes over',
        params: AssignmentParamsSchema,
        body: DeclineAssignmentBodySchema,
        response: { 200: dataOf(MyReviewsSchema), ...errorResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.declineAssignment(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
        ),
      ),
  );

  app.get(
    '/review-assignments/:id/proposal',
    {
      config: session,
      schema: {
        tags,
        summary:
          'The proposal of an active assignment with its form (403 until no conflict is declared; blind if set)',
        params: AssignmentParamsSchema,
        response: { 200: dataOf(ReviewerProposalSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.getAssignmentProposal(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.get(
    '/review-assignments/:id/attachments/:attachmentId',
    {
      config: session,
      schema: {
        tags,
        summary: "Download an attachment of an active assignment's proposal (neutral name if blind)",
        params: AssignmentAttachmentParamsSchema,
        response: {
          200: z.unknown().describe('The file, with the type detected from its content'),
          ...errorResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.readAssignmentAttachment(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.attachmentId,
      );
      return sendPrivateFile(reply, file.contentType, contentDisposition(file.fileName), file.bytes);
    },
  );
};
