import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  ChangePasswordBodySchema,
  EraseAccountBodySchema,
  GrantRoleBodySchema,
  RoleParamsSchema,
  UserListQuerySchema,
  UserSummarySchema,
  ForgotPasswordBodySchema,
  IdParamsSchema,
  LoginBodySchema,
  LoginResultSchema,
  MeSchema,
  OkSchema,
  RegisterBodySchema,
  ResetPasswordBodySchema,
  SessionInfoSchema,
  TokenBodySchema,
  TotpLoginBodySchema,
  TotpSetupSchema,
  UpdateProfileBodySchema,
} from '@shared/contracts/identity';
import { errorResponses, rateLimit } from '@server/lib/http';
import { AppError } from '@server/lib/errors';
import { requireActor } from '@server/lib/authz';
import { clearSessionCookie, setSessionCookie } from '@server/plugins/auth';
import * as service from './accounts.service';

export interface AccountRoutesOptions {
  accounts: service.AccountsConfig;
  secureCookies: boolean;
  /** Called after a commit that queued email, so that the outbox worker sends it now. */
  onMailQueued: () => void;
}

const tags = ['accounts'];
const ok = { ok: true as const };

export const accountRoutes: FastifyPluginAsyncZod<AccountRoutesOptions> = async (app, opts) => {
  const { db } = app.database;
  const { accounts, secureCookies, onMailQueued } = opts;

  app.get(
    '/privacy-notice',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The current privacy notice (PDPA), which registration accepts by version',
        response: { 200: dataOf(z.object({ version: z.string(), textTh: z.string(), textEn: z.string() })) },
      },
    },
    async () => {
      const notice = await service.getCurrentPrivacyNotice(db);
      return { data: { version: notice.version, textTh: notice.textTh, textEn: notice.textEn } };
    },
  );

  app.post(
    '/register',
    {
      config: { public: true, rateLimit: rateLimit(10, '1 hour') },
      schema: {
        tags,
        summary: 'Create an account; a verification link is emailed',
        body: RegisterBodySchema,
        response: { 201: dataOf(z.object({ id: z.string() })), ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      const result = await service.register(db, accounts, request.body, request.meta(), request.lang);
      onMailQueued();
      return reply.status(201).send({ data: result });
    },
  );

  app.post(
    '/verify-email',
    {
      config: { public: true, rateLimit: rateLimit(30, '15 minutes') },
      schema: {
        tags,
        summary: 'Confirm an email address',
        body: TokenBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 410, 429) },
      },
    },
    async (request) => {
      await service.verifyEmail(db, request.body.token, request.meta());
      return ok;
    },
  );

  app.post(
    '/login',
    {
      config: { public: true, rateLimit: rateLimit(30, '5 minutes') },
      schema: {
        tags,
        summary: 'Sign in with email and password; may ask for the second factor',
        body: LoginBodySchema,
        response: { 200: dataOf(LoginResultSchema), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const ticket = await service.login(db, accounts, request.body, {
        ...request.meta(),
        userAgent: request.headers['user-agent'] ?? null,
      });
      setSessionCookie(reply, ticket.token, ticket.expiresAt, secureCookies);
      const actor = await service.resolveSession(db, accounts, ticket.token);
      if (!actor) {
        throw new AppError('INTERNAL');
      }
      const me = ticket.status === 'signed_in' ? await service.getMe(db, actor) : null;
      return { data: { status: ticket.status, csrfToken: actor.csrfToken, me } };
    },
  );

  app.post(
    '/login/totp',
    {
      config: { auth: 'partial', rateLimit: rateLimit(20, '5 minutes') },
      schema: {
        tags,
        summary: 'Give the second-factor code to finish signing in',
        body: TotpLoginBodySchema,
        response: { 200: dataOf(MeSchema), ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request) => {
      const actor = requireActor(request.actor);
      await service.completeTotpLogin(db, actor, request.body.code, request.meta());
      return { data: await service.getMe(db, { ...actor, mfaPending: false }) };
    },
  );

  app.post(
    '/logout',
    {
      config: { auth: 'partial' },
      schema: {
        tags,
        summary: 'Sign out this session',
        response: { 200: OkSchema, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await service.logout(db, requireActor(request.actor), request.meta());
      clearSessionCookie(reply, secureCookies);
      return ok;
    },
  );

  app.get(
    '/me',
    {
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: 'The signed-in person, roles and CSRF token',
        response: { 200: dataOf(MeSchema), ...errorResponses(401) },
      },
    },
    async (request) => ({ data: await service.getMe(db, requireActor(request.actor)) }),
  );

  app.patch(
    '/me',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Update name, phone or preferred language',
        body: UpdateProfileBodySchema,
        response: { 200: dataOf(MeSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await service.updateProfile(db, requireActor(request.actor), request.body, request.meta()),
    }),
  );

  app.post(
    '/password/forgot',
    {
      config: { public: true, rateLimit: rateLimit(5, '15 minutes') },
      schema: {
        tags,
        summary: 'Email a reset link (the answer never tells whether the account exists)',
        body: ForgotPasswordBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 429) },
      },
    },
    async (request) => {
      await service.requestPasswordReset(db, accounts, request.body.email, request.meta());
      onMailQueued();
      return ok;
    },
  );

  app.post(
    '/password/reset',
    {
      config: { public: true, rateLimit: rateLimit(10, '15 minutes') },
      schema: {
        tags,
        summary: 'Set a new password with a reset token',
        body: ResetPasswordBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 410, 429) },
      },
    },
    async (request) => {
      await service.resetPassword(db, request.body.token, request.body.password, request.meta());
      onMailQueued();
      return ok;
    },
  );

  app.post(
    '/password/change',
    {
      config: { auth: 'session', rateLimit: rateLimit(10, '15 minutes') },
      schema: {
        tags,
        summary: 'Change the password',
        body: ChangePasswordBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request) => {
      await service.changePassword(
        db,
        requireActor(request.actor),
        request.body.currentPassword,
        request.body.newPassword,
        request.meta(),
      );
      onMailQueued();
      return ok;
    },
  );

  app.get(
    '/sessions',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'My signed-in sessions',
        response: { 200: dataOf(z.array(SessionInfoSchema)), ...errorResponses(401, 403) },
      },
    },
    async (request) => ({ data: await service.listSessions(db, requireActor(request.actor)) }),
  );

  app.delete(
    '/sessions/:id',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Sign out one of my sessions',
        params: IdParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.revokeOwnSession(db, requireActor(request.actor), request.params.id, request.meta());
      return ok;
    },
  );

  app.post(
    '/totp/setup',
    {
      config: { auth: 'enrolling' },
      schema: {
        tags,
        summary: 'Start two-factor enrolment: a secret and its QR code',
        response: { 200: dataOf(TotpSetupSchema), ...errorResponses(401, 403, 409) },
      },
    },
    async (request) => ({ data: await service.startTotpEnrolment(db, requireActor(request.actor)) }),
  );

  app.post(
    '/totp/enable',
    {
      config: { auth: 'enrolling', rateLimit: rateLimit(20, '5 minutes') },
      schema: {
        tags,
        summary: 'Confirm enrolment with a code',
        body: TotpLoginBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request) => {
      await service.confirmTotpEnrolment(db, requireActor(request.actor), request.body.code, request.meta());
      return ok;
    },
  );

  app.post(
    '/totp/disable',
    {
      config: { auth: 'session', rateLimit: rateLimit(20, '5 minutes') },
      schema: {
        tags,
        summary: 'Turn the second factor off (not for roles that require it)',
        body: TotpLoginBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request) => {
      await service.disableTotp(db, accounts, requireActor(request.actor), request.body.code, request.meta());
      return ok;
    },
  );

  app.get(
    '/me/export',
    {
      config: { auth: 'session', rateLimit: rateLimit(10, '1 hour') },
      schema: {
        tags,
        summary: 'Download all my personal data (PDPA) as JSON',
        response: { 200: z.record(z.string(), z.unknown()), ...errorResponses(401, 403, 429) },
      },
    },
    async (request, reply) => {
      const data = await service.exportPersonalData(db, requireActor(request.actor));
      void reply.header('content-disposition', 'attachment; filename="si-platform-personal-data.json"');
      void reply.header('cache-control', 'no-store');
      return data;
    },
  );

  app.post(
    '/me/erase',
    {
      config: { auth: 'session', rateLimit: rateLimit(5, '1 hour') },
      schema: {
        tags,
        summary: 'Erase my personal data and close my account (PDPA)',
        body: EraseAccountBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 409, 429) },
      },
    },
    async (request, reply) => {
      await service.eraseAccount(db, requireActor(request.actor), request.body.password, request.meta());
      clearSessionCookie(reply, secureCookies);
      return ok;
    },
  );
};

/** Administrators: accounts and their platform roles. */
export const adminUserRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const adminTags = ['administration'];
  app.get(
    '/users',
    {
      config: { auth: 'session' },
      schema: {
        tags: adminTags,
        summary: 'Accounts with their roles (administrators)',
        querystring: UserListQuerySchema,
        response: { 200: dataOf(z.array(UserSummarySchema)), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await service.listUsers(db, requireActor(request.actor), request.query.search),
    }),
  );
  app.post(
    '/users/:id/roles',
    {
      config: { auth: 'session' },
      schema: {
        tags: adminTags,
        summary: 'Grant a platform role (administrators)',
        params: IdParamsSchema,
        body: GrantRoleBodySchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      await service.grantRole(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body.role,
        request.body.drivingUnitId ?? null,
        request.meta(),
      );
      return ok;
    },
  );
  app.delete(
    '/users/:id/roles/:role',
    {
      config: { auth: 'session' },
      schema: {
        tags: adminTags,
        summary: 'Revoke a platform role (administrators)',
        params: RoleParamsSchema,
        response: { 200: OkSchema, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await service.revokeRole(
        db,
        requireActor(request.actor),
        request.params.id,
        request.params.role,
        request.meta(),
      );
      return ok;
    },
  );
};
