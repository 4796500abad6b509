import { z } from 'zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { OkSchema } from '@shared/contracts/identity';
import { FORM_LIMITS } from '@shared/contracts/forms';
import {
  AttachmentParamsSchema,
  AttachmentSchema,
  CreateProposalBodySchema,
  EligibilityOverrideBodySchema,
  MyProposalsQuerySchema,
  ProposalDetailSchema,
  ProposalParamsSchema,
  ProposalSummarySchema,
  ReturnProposalBodySchema,
  SaveProposalBodySchema,
  VersionBodySchema,
} from '@shared/contracts/proposals';
import { errorResponses, rateLimit, readMultipartForm, sendPrivateFile } from '@server/lib/http';
import { invalidField } from '@server/lib/errors';
import { requireActor } from '@server/lib/authz';
import * as service from './proposals.service';
import { renderProposalPdf } from './proposals.pdf';
import { contentDisposition } from '@server/lib/files';

const tags = ['proposals'];
const detail = dataOf(ProposalDetailSchema);

/** Reads the one file and the `questionId` field of an upload; a file past the size limit comes back truncated. */
async function readUpload(request: FastifyRequest): Promise<service.UploadInput> {
  const form = await readMultipartForm(request);
  const file = form.files.get('file');
  if (!file) {
    throw invalidField('body.file', 'errors.FILE_REQUIRED');
  }
  return { questionId: form.fields.get('questionId') ?? null, ...file };
}

export const proposalRoutes: FastifyPluginAsyncZod<{
  publicUrl: string;
  onMailQueued: () => void;
}> = async (app, opts) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  service.setProposalLinkBase(opts.publicUrl);

  /** Awaits a command that may queue e-mail, then wakes the mail sender. */
  const withQueuedMail = async <T>(command: Promise<T>): Promise<{ data: T }> => {
    const data = await command;
    opts.onMailQueued();
    return { data };
  };

  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: {
      files: 1,
      fileSize: FORM_LIMITS.fileSizeMaxBytes,
      fields: 5,
      fieldSize: 1000,
      parts: 6,
      headerPairs: 100,
    },
  });

  app.post(
    '/proposals',
    {
      config: session,
      schema: {
        tags,
        summary: 'Start a draft in an open call (owners and editors of the organisation)',
        body: CreateProposalBodySchema,
        response: { 201: detail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createProposal(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
  );

  app.get(
    '/proposals/mine',
    {
      config: session,
      schema: {
        tags,
        summary: 'Proposals of my organisations (or of one, organisationId=), newest change first',
        querystring: MyProposalsQuerySchema,
        response: { 200: dataOf(z.array(ProposalSummarySchema)), ...errorResponses(400, 401) },
      },
    },
    async (request) => ({
      data: await service.listMyProposals(db, requireActor(request.actor), request.query.organisationId),
    }),
  );

  app.get(
    '/proposals/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'One proposal with its form version, answers, attachments, eligibility, history and abilities',
        params: ProposalParamsSchema,
        response: { 200: detail, ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.getProposal(db, requireActor(request.actor), request.params.id, app.clock()),
    }),
  );

  app.patch(
    '/proposals/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Autosave a draft (give the version you edited; a stale one gets 409 with the newer proposal)',
        params: ProposalParamsSchema,
        body: SaveProposalBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409, 413) },
      },
    },
    async (request) => ({
      data: await service.saveProposal(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        app.clock(),
      ),
    }),
  );

  app.post(
    '/proposals/:id/attachments',
    {
      config: { ...session, rateLimit: rateLimit(120, '1 hour') },
      schema: {
        tags,
        summary: 'Attach a file (multipart: questionId, file); its type is checked on its content',
        consumes: ['multipart/form-data'],
        params: ProposalParamsSchema,
        response: {
          201: dataOf(AttachmentSchema),
          ...errorResponses(400, 401, 403, 404, 409, 413, 415, 429),
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request.actor);
      const upload = await readUpload(request);
      return reply.status(201).send({
        data: await service.uploadAttachment(
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
    '/proposals/:id/attachments/:attachmentId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Download an attachment',
        params: AttachmentParamsSchema,
        response: {
          200: z.unknown().describe('The file, with the type detected from its content'),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.readAttachment(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.attachmentId,
      );
      return sendPrivateFile(reply, file.contentType, contentDisposition(file.fileName), file.bytes);
    },
  );

  app.delete(
    '/proposals/:id/attachments/:attachmentId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Remove an attachment (and its mention in the answers)',
        params: AttachmentParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.deleteAttachment(
        db,
        app.fileStorage,
        requireActor(request.actor),
        request.params.id,
        request.params.attachmentId,
        request.meta(),
        app.clock(),
      );
      return { ok: true as const };
    },
  );

  app.post(
    '/proposals/:id/submit',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary:
          'Submit (all answers checked, deadline to the second); submitting again gives the same receipt',
        params: ProposalParamsSchema,
        body: VersionBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409, 422, 429) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.submitProposal(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body.version,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      ),
  );

  app.post(
    '/proposals/:id/withdraw',
    {
      config: session,
      schema: {
        tags,
        summary: 'Withdraw before the deadline (owners and editors)',
        params: ProposalParamsSchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.withdrawProposal(
          db,
          requireActor(request.actor),
          request.params.id,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      ),
  );

  app.post(
    '/proposals/:id/return',
    {
      config: session,
      schema: {
        tags,
        summary: 'Return a submitted proposal for revision by a due date (officers)',
        params: ProposalParamsSchema,
        body: ReturnProposalBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.returnProposal(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      ),
  );

  app.post(
    '/proposals/:id/eligibility',
    {
      config: session,
      schema: {
        tags,
        summary: 'Override the automatic eligibility result with a reason (officers)',
        params: ProposalParamsSchema,
        body: EligibilityOverrideBodySchema,
        response: { 200: detail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      withQueuedMail(
        service.overrideEligibility(
          db,
          requireActor(request.actor),
          request.params.id,
          request.body,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      ),
  );

  app.post(
    '/proposals/:id/invite-full',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Invite a submitted concept note to the full stage: creates its full-proposal draft (officers)',
        params: ProposalParamsSchema,
        response: { 201: detail, ...errorResponses(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const invited = await withQueuedMail(
        service.inviteFullProposal(
          db,
          requireActor(request.actor),
          request.params.id,
          request.meta(),
          app.clock(),
          opts.publicUrl,
        ),
      );
      return reply.status(201).send(invited);
    },
  );

  app.get(
    '/proposals/:id/pdf',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary: 'The proposal as a PDF (Thai rendered with its own font)',
        params: ProposalParamsSchema,
        response: { 200: z.unknown().describe('application/pdf'), ...errorResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const now = app.clock();
      const printable = await service.getProposalForPrint(
        db,
        requireActor(request.actor),
        request.params.id,
        now,
      );
      const pdf = await renderProposalPdf(db, printable, request.lang, now);
      const name = `${printable.detail.receiptNumber ?? `proposal-${printable.detail.id.slice(0, 8)}`}.pdf`;
      return sendPrivateFile(reply, 'application/pdf', contentDisposition(name, true), pdf);
    },
  );
};
