import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { AppError } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { safeEqual } from '@server/lib/crypto';
import { resolveSession, type AccountsConfig } from '@server/modules/accounts/accounts.service';

export const SESSION_COOKIE = 'si_session';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * How a route is guarded. `session`: a fully signed-in person (second factor given, enrolment done when required).
 * `enrolling`: signed in, possibly still obliged to set up the second factor. `partial`: password accepted, second
 * factor possibly still pending.
 */
export type AuthMode = 'session' | 'enrolling' | 'partial';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** Who and where, for the audit log. */
    meta(): RequestMeta;
  }
  interface FastifyContextConfig {
    auth?: AuthMode;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Rejects state changes sent from another site: a foreign Origin or a cross-site Fetch Metadata header. */
function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site') {
    throw new AppError('CSRF_REJECTED');
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('CSRF_REJECTED');
    }
    if (host !== request.host) {
      throw new AppError('CSRF_REJECTED');
    }
  } else if (origin === 'null') {
    throw new AppError('CSRF_REJECTED');
  }
}

export const authPlugin = fp(
  (app, opts: { accounts: AccountsConfig; secureCookies: boolean }, done) => {
    app.decorateRequest('actor', null);
    app.decorateRequest('meta', function (this: FastifyRequest): RequestMeta {
      return { actorUserId: this.actor?.userId ?? null, ip: this.ip, requestId: this.id };
    });

    app.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config;
      const mode = config.auth;
      const unsafe = UNSAFE.has(request.method);
      if (unsafe) {
        assertSameOrigin(request);
      }
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        request.actor = await resolveSession(app.database.db, opts.accounts, token);
      }
      if (config.public === true || mode === undefined) {
        return;
      }
      const actor = request.actor;
      if (!actor) {
        throw new AppError('UNAUTHENTICATED');
      }
      if (unsafe) {
        const sent = request.headers[CSRF_HEADER];
        if (typeof sent !== 'string' || !safeEqual(sent, actor.csrfToken)) {
          throw new AppError('CSRF_REJECTED');
        }
      }
      if (mode === 'partial') {
        return;
      }
      if (actor.mfaPending) {
        throw new AppError('TOTP_REQUIRED');
      }
      if (mode === 'session' && actor.mustEnrollTotp) {
        throw new AppError('TOTP_ENROLLMENT_REQUIRED');
      }
    });
    done();
  },
  { name: 'auth', dependencies: ['@fastify/cookie'] },
);

export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
