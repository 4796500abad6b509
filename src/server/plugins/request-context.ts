import fp from 'fastify-plugin';
import type {} from '@fastify/cookie';
import { negotiateLanguage, type Language } from '@shared/i18n/index';

declare module 'fastify' {
  interface FastifyRequest {
    lang: Language;
  }
}

/** Sets `request.lang` from the `lang` cookie or Accept-Language, and echoes the request id to the client. */
export const requestContextPlugin = fp(
  (app, _opts, done) => {
    app.decorateRequest('lang', 'th');
    app.addHook('onRequest', (request, reply, next) => {
      const header = request.headers['accept-language'];
      const cookieLang: string | undefined = request.cookies.lang;
      request.lang = negotiateLanguage(cookieLang, typeof header === 'string' ? header : undefined);
      void reply.header('x-request-id', request.id);
      next();
    });
    done();
  },
  { name: 'request-context', dependencies: ['@fastify/cookie'] },
);
