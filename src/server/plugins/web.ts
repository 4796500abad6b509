import { existsSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { AppError } from '@server/lib/errors';
import { rateLimit } from '@server/lib/http';

/**
 * Serves the built SPA from `distDir` (hashed assets cached for a year, index.html never cached) and answers every
 * unknown path: under /api with a JSON 404, elsewhere with the SPA's index.html so client routes deep-link.
 * The 404 handler is rate-limited.
 */
export const webPlugin = fp(
  async (app, opts: { distDir: string }) => {
    const distDir = path.resolve(opts.distDir);
    const hasWeb = existsSync(path.join(distDir, 'index.html'));
    if (hasWeb) {
      await app.register(fastifyStatic, {
        root: distDir,
        prefix: '/',
        wildcard: false,
        index: false,
        setHeaders(res, filePath) {
          if (filePath.includes(`${path.sep}assets${path.sep}`)) {
            void res.header('cache-control', 'public, max-age=31536000, immutable');
          }
        },
      });
    }
    app.setNotFoundHandler({ preHandler: app.rateLimit(rateLimit(300, '1 minute')) }, (request, reply) => {
      const pathname = request.url.split('?')[0] ?? '';
      if (pathname === '/api' || pathname.startsWith('/api/') || !hasWeb || request.method !== 'GET') {
        throw new AppError('ROUTE_NOT_FOUND', undefined, undefined, {
          method: request.method,
          url: pathname,
        });
      }
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    });
  },
  { name: 'web', dependencies: ['@fastify/rate-limit'] },
);
