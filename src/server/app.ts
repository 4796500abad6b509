import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DatabaseHandle } from './db/client';
import type { Env } from './env';
import { getVersion } from './lib/version';
import { errorHandlerPlugin } from './plugins/error-handler';
import { openapiPlugin } from './plugins/openapi';
import { requestContextPlugin } from './plugins/request-context';
import { securityPlugin } from './plugins/security';
import { webPlugin } from './plugins/web';
import { geoRoutes } from './modules/geo/geo.routes';
import { indicatorRoutes } from './modules/indicators/indicators.routes';
import { programmeRoutes } from './modules/programmes/programmes.routes';
import { referenceRoutes } from './modules/reference/reference.routes';
import { systemRoutes } from './modules/system/system.routes';

declare module 'fastify' {
  interface FastifyInstance {
    database: DatabaseHandle;
  }
  interface FastifyContextConfig {
    /** The route needs no session. Every other /api route must declare how it is guarded. */
    public?: boolean;
  }
}

export interface BuildAppOptions {
  database: DatabaseHandle;
  env: Env;
  logger?: FastifyServerOptions['logger'];
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the application: plugins and modules, without listening (tests use `app.inject`). */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { env, database } = options;
  const app = Fastify({
    logger: options.logger ?? { level: env.LOG_LEVEL },
    trustProxy: env.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    genReqId(request) {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('database', database);

  app.addHook('onRoute', (route) => {
    const url = route.url;
    if (url.startsWith('/api/') && !url.startsWith('/api/docs') && route.config?.public !== true) {
      throw new Error(`Route ${route.method.toString()} ${url} is neither public nor guarded`);
    }
  });

  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip'] });
  await app.register(cookie);
  await app.register(requestContextPlugin);
  await app.register(errorHandlerPlugin);
  await app.register(securityPlugin, { secureCookies: env.TRUST_PROXY });
  await app.register(rateLimit, { global: false });
  await app.register(openapiPlugin, { version: getVersion() });

  await app.register(systemRoutes, {
    prefix: '/api',
    migrationsDir: env.MIGRATIONS_DIR,
    version: getVersion(),
  });
  await app.register(geoRoutes, { prefix: '/api/geo' });
  await app.register(indicatorRoutes, { prefix: '/api' });
  await app.register(referenceRoutes, { prefix: '/api/reference' });
  await app.register(programmeRoutes, { prefix: '/api/programmes' });
  await app.register(webPlugin, { distDir: env.WEB_DIST_DIR });

  return app;
}
