import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses } from '@server/lib/http';
import { authorize, hasRole, requireActor } from '@server/lib/authz';
import { dataOf } from '@shared/contracts/common';
import { listCapturedEmails } from './notifications.service';

const MailSchema = z.object({
  id: z.string(),
  toAddress: z.string(),
  subject: z.string(),
  textBody: z.string(),
  htmlBody: z.string(),
  template: z.string(),
  status: z.string(),
  createdAt: z.string(),
});

/** Development only (no SMTP_URL, not production): administrators read the mail the platform would have sent. */
export const devMailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['notifications'],
        summary: 'Development mail viewer: the newest outgoing messages (administrators)',
        response: { 200: dataOf(z.array(MailSchema)), ...errorResponses(401, 403) },
      },
    },
    async (request) => {
      authorize(requireActor(request.actor), (actor) => hasRole(actor, 'administrator'), {});
      const rows = await listCapturedEmails(app.database.db);
      return { data: rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() })) };
    },
  );
};
