import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthResponseSchema } from '@shared/contracts/system';
import { errorResponses } from '@server/lib/http';
import { getHealth } from './system.service';

export const systemRoutes: FastifyPluginAsyncZod<{ migrationsDir: string; version: string }> = async (
  app,
  opts,
) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: {
        tags: ['system'],
        summary: 'Liveness and database status',
        response: { 200: HealthResponseSchema, ...errorResponses(503) },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'no-store');
      return getHealth(app.database, opts.migrationsDir, opts.version);
    },
  );
};
