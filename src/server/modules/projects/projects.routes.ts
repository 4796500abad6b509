import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import { CreatedJobSchema } from '@shared/contracts/jobs';
import {
  AcceptAgreementBodySchema,
  CloseProjectBodySchema,
  DisbursementExportBodySchema,
  DisbursementQuerySchema,
  DisbursementReportSchema,
  InstalmentSchema,
  PaymentBodySchema,
  ProjectDetailSchema,
  ProjectListQuerySchema,
  ProjectListSchema,
  ProjectSetupBodySchema,
  ProjectUnitBodySchema,
  ReallocationBodySchema,
  ReallocationDecisionBodySchema,
  ReallocationSchema,
  VersionBodySchema,
} from '@shared/contracts/projects';
import { errorResponses, rateLimit, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as agreements from './agreements.service';
import * as closeout from './closeout.service';
import * as money from './money.service';
import * as projects from './projects.service';
import { renderAgreement } from './projects.agreement';

const tags = ['projects'];

const PdfQuerySchema = z.object({ lang: z.enum(['th', 'en']).optional() }).strict();

/** An ASCII file name and its UTF-8 form for Content-Disposition. */
function disposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * Grant projects: the portfolio list with health, a project's page, its setup, the agreement (issue, withdraw, PDF,
 * signature), payments of instalments, budget reallocations, close-out and the disbursement report.
 */
export const projectRoutes: FastifyPluginAsyncZod<{ publicUrl: string; onMailQueued: () => void }> = async (
  app,
  opts,
) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  projects.setProjectLinkBase(opts.publicUrl);

  app.get(
    '/projects',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Projects the actor may see (officers all, unit staff their portfolio, members their organisations), with health',
        querystring: ProjectListQuerySchema,
        response: { 200: ProjectListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => projects.listProjects(db, requireActor(request.actor), request.query, app.clock()),
  );

  app.get(
    '/projects/disbursements',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Money by fiscal year (BE) and programme: awarded, paid, withheld, ready, scheduled (officers; unit staff their portfolio)',
        querystring: DisbursementQuerySchema,
        response: { 200: dataOf(DisbursementReportSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await money.getDisbursementReport(db, requireActor(request.actor), request.query),
    }),
  );

  app.post(
    '/projects/disbursements/exports',
    {
      config: { ...session, rateLimit: rateLimit(20, '1 minute') },
      schema: {
        tags,
        summary:
          'Starts an export of the disbursement report as an XLSX workbook with Thai headers: a background job to follow at GET /api/jobs/:id (officers; unit staff their portfolio)',
        body: DisbursementExportBodySchema,
        response: { 202: dataOf(CreatedJobSchema), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const created = await money.createDisbursementExport(db, requireActor(request.actor), request.body);
      app.jobs.kick();
      return reply.code(202).send({ data: created });
    },
  );

  app.get(
    '/projects/:id',
    {
      config: session,
      schema: {
        tags,
        summary:
          "A project's plan, money, reports, reallocations, health and the actor's abilities (readers)",
        params: IdParamsSchema,
        response: { 200: dataOf(ProjectDetailSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await projects.getProject(db, requireActor(request.actor), request.params.id, app.clock()),
    }),
  );

  app.put(
    '/projects/:id/setup',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Replace the plan of a project in setup; budget lines and instalments must each sum to the award (officers)',
        params: IdParamsSchema,
        body: ProjectSetupBodySchema,
        response: { 200: dataOf(ProjectDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await projects.saveProjectSetup(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.patch(
    '/projects/:id/unit',
    {
      config: session,
      schema: {
        tags,
        summary: 'Change the supervising driving unit of a project (officers)',
        params: IdParamsSchema,
        body: ProjectUnitBodySchema,
        response: { 200: dataOf(ProjectDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await projects.changeProjectUnit(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.post(
    '/projects/:id/agreement/issue',
    {
      config: session,
      schema: {
        tags,
        summary: "Issue the agreement: freeze its terms and ask the organisation's owners to sign (officers)",
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: dataOf(ProjectDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const data = await agreements.issueAgreement(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      opts.onMailQueued();
      return { data };
    },
  );

  app.post(
    '/projects/:id/agreement/withdraw',
    {
      config: session,
      schema: {
        tags,
        summary: 'Withdraw an unsigned agreement, back to setup (officers)',
        params: IdParamsSchema,
        body: VersionBodySchema,
        response: { 200: dataOf(ProjectDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await agreements.withdrawAgreement(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.get(
    '/projects/:id/agreement.pdf',
    {
      config: { ...session, rateLimit: rateLimit(60, '1 minute') },
      schema: {
        tags,
        summary: 'The issued agreement as a PDF in Thai or English, from its frozen terms (readers)',
        params: IdParamsSchema,
        querystring: PdfQuerySchema,
        response: { 200: z.unknown().describe('application/pdf'), ...errorResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const document = await agreements.getAgreementForPdf(
        db,
        requireActor(request.actor),
        request.params.id,
      );
      const lang = request.query.lang ?? request.lang;
      const pdf = await renderAgreement(document, lang, app.clock());
      return sendPrivateFile(
        reply,
        'application/pdf',
        disposition('inline', `agreement-${document.terms.agreementNumber}-${lang}.pdf`),
        pdf,
      );
    },
  );

  app.post(
    '/projects/:id/agreement/accept',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Sign the issued agreement with a typed name; the project becomes active (owners of the grantee organisation)',
        params: IdParamsSchema,
        body: AcceptAgreementBodySchema,
        response: { 200: dataOf(ProjectDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const data = await agreements.acceptAgreement(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      opts.onMailQueued();
      return { data };
    },
  );

  app.post(
    '/instalments/:id/payment',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Record the payment of a ready instalment; any shortfall is withheld with a note or carried forward (officers)',
        params: IdParamsSchema,
        body: PaymentBodySchema,
        response: { 200: dataOf(InstalmentSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const data = await money.recordPayment(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      opts.onMailQueued();
      return { data };
    },
  );

  app.post(
    '/projects/:id/reallocations',
    {
      config: session,
      schema: {
        tags,
        summary:
          "Ask to move budget between lines, within the line's remaining amount and the project's limit (members who write, staff)",
        params: IdParamsSchema,
        body: ReallocationBodySchema,
        response: { 201: dataOf(ReallocationSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const data = await money.requestReallocation(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      return reply.status(201).send({ data });
    },
  );

  for (const action of ['approve', 'reject', 'cancel'] as const) {
    app.post(
      `/reallocations/:id/${action}`,
      {
        config: session,
        schema: {
          tags,
          summary:
            action === 'cancel'
              ? 'Cancel a pending reallocation request (its requester)'
              : action === 'approve'
                ? 'Approve a pending reallocation: the limit is checked again and the amount moves between lines (staff)'
                : 'Reject a pending reallocation with a reason (staff)',
          params: IdParamsSchema,
          body: ReallocationDecisionBodySchema,
          response: { 200: dataOf(ReallocationSchema), ...errorResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) => ({
        data: await money.decideReallocation(
          db,
          requireActor(request.actor),
          request.params.id,
          action,
          request.body,
          request.meta(),
          app.clock(),
        ),
      }),
    );
  }

  app.post(
    '/projects/:id/close',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Close a project whose reports are all approved and instalments all paid; its innovation catalogue entry is made or updated (officers)',
        params: IdParamsSchema,
        body: CloseProjectBodySchema,
        response: { 200: dataOf(ProjectDetailSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const data = await closeout.closeProject(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      );
      opts.onMailQueued();
      return { data };
    },
  );
};
