import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema, OkSchema } from '@shared/contracts/identity';
import {
  AcceptInvitationBodySchema,
  ChangeMemberRoleBodySchema,
  CreateOrganisationBodySchema,
  InvitationSchema,
  InviteBodySchema,
  MemberParamsSchema,
  MemberSchema,
  OrganisationLookupQuerySchema,
  OrganisationLookupResponseSchema,
  OrganisationSchema,
  TransferOwnershipBodySchema,
  UpdateOrganisationBodySchema,
} from '@shared/contracts/organisations';
import { errorResponses, rateLimit } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './organisations.service';

const tags = ['organisations'];
const ok = { ok: true as const };

export const organisationRoutes: FastifyPluginAsyncZod<{
  publicUrl: string;
  onMailQueued: () => void;
}> = async (app, opts) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.post(
    '/organisations',
    {
      config: session,
      schema: {
        tags,
        summary: 'Create an organisation (the creator becomes owner)',
        body: CreateOrganisationBodySchema,
        response: { 201: dataOf(OrganisationSchema), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await service.createOrganisation(db, requireActor(request.actor), request.body, request.meta()),
      }),
  );

  app.get(
    '/organisations',
    {
      config: session,
      schema: {
        tags,
        summary: 'My organisations, or all (administrators and programme officers, scope=all)',
        querystring: z.object({ scope: z.enum(['mine', 'all']).default('mine') }).strict(),
        response: { 200: dataOf(z.array(OrganisationSchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await service.listOrganisations(db, requireActor(request.actor), request.query.scope),
    }),
  );

  app.get(
    '/organisations/lookup',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary: 'Find organisations by part of their Thai or English name (minimal references, at most 20)',
        querystring: OrganisationLookupQuerySchema,
        response: { 200: dataOf(OrganisationLookupResponseSchema), ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => ({
      data: await service.lookupOrganisations(db, request.query.q),
    }),
  );

  app.get(
    '/organisations/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'One organisation',
        params: IdParamsSchema,
        response: { 200: dataOf(OrganisationSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.getOrganisation(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.patch(
    '/organisations/:id',
    {
      config: session,
      schema: {
        tags,
        summary: 'Update the profile (owners and editors; give the version you edited)',
        params: IdParamsSchema,
        body: UpdateOrganisationBodySchema,
        response: { 200: dataOf(OrganisationSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await service.updateOrganisation(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/organisations/:id/members',
    {
      config: session,
      schema: {
        tags,
        summary: 'Members and their roles',
        params: IdParamsSchema,
        response: { 200: dataOf(z.array(MemberSchema)), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await service.listMembers(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/organisations/:id/invitations',
    {
      config: { ...session, rateLimit: rateLimit(30, '1 hour') },
      schema: {
        tags,
        summary: 'Invite a person by email (owners)',
        params: IdParamsSchema,
        body: InviteBodySchema,
        response: { 201: OkSchema, ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request, reply) => {
      await service.inviteMember(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        opts.publicUrl,
        request.lang,
      );
      opts.onMailQueued();
      return reply.status(201).send(ok);
    },
  );

  app.get(
    '/organisations/:id/invitations',
    {
      config: session,
      schema: {
        tags,
        summary: 'Open invitations (owners)',
        params: IdParamsSchema,
        response: { 200: dataOf(z.array(InvitationSchema)), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.listInvitations(db, requireActor(request.actor), request.params.id),
    }),
  );

  app.post(
    '/invitations/accept',
    {
      config: { ...session, rateLimit: rateLimit(30, '15 minutes') },
      schema: {
        tags,
        summary: 'Accept an invitation with the token from its email',
        body: AcceptInvitationBodySchema,
        response: {
          200: dataOf(z.object({ organisationId: z.string() })),
          ...errorResponses(400, 401, 403, 410, 429),
        },
      },
    },
    async (request) => ({
      data: await service.acceptInvitation(
        db,
        requireActor(request.actor),
        request.body.token,
        request.meta(),
      ),
    }),
  );

  app.patch(
    '/organisations/:id/members/:userId',
    {
      config: session,
      schema: {
        tags,
        summary: "Change a member's role (owners)",
        params: MemberParamsSchema,
        body: ChangeMemberRoleBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.changeMemberRole(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.userId,
        request.body.role,
        request.meta(),
      );
      return ok;
    },
  );

  app.delete(
    '/organisations/:id/members/:userId',
    {
      config: session,
      schema: {
        tags,
        summary: 'Leave (your own id) or remove a member (owners)',
        params: MemberParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.removeMember(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.userId,
        request.meta(),
      );
      return ok;
    },
  );

  app.post(
    '/organisations/:id/transfer-ownership',
    {
      config: session,
      schema: {
        tags,
        summary: 'Hand ownership to another member (owners)',
        params: IdParamsSchema,
        body: TransferOwnershipBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.transferOwnership(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body.userId,
        request.meta(),
      );
      return ok;
    },
  );
};
