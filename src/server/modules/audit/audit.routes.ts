import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema } from '@shared/contracts/audit';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as service from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log (administrators), newest first',
        querystring: AuditQuerySchema,
        response: { 200: AuditPageSchema, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const result = await service.listAuditEvents(
        app.database.db,
        requireActor(request.actor),
        request.query,
      );
      return { data: result.data, page: { nextCursor: result.nextCursor } };
    },
  );
};
