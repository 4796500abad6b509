import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';

/**
 * Security headers on every response. The CSP allows only same-origin scripts, styles, fonts, images and
 * connections, which the SPA satisfies (no inline scripts, fonts self-hosted). The API docs page gets a
 * relaxed style policy through @fastify/swagger-ui's own static CSP.
 */
export const securityPlugin = fp(
  async (app, opts: { secureCookies: boolean }) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          baseUri: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          styleSrcAttr: ["'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          workerSrc: ["'self'", 'blob:'],
          ...(opts.secureCookies ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      hsts: opts.secureCookies ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    });
    app.addHook('onSend', (_request, reply, payload, done) => {
      void reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(self)');
      done(null, payload);
    });
  },
  { name: 'security', dependencies: [] },
);
