import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  ImpactReportQuerySchema,
  ImpactReportSchema,
  PortfolioProjectsQuerySchema,
  PortfolioProjectsSchema,
  PortfolioQuerySchema,
  PortfolioSchema,
} from '@shared/contracts/impact-report';
import { contentDisposition } from '@server/lib/files';
import { errorResponses, rateLimit, sendPrivateFile } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import { renderImpactReport } from './impact-report.pdf';
import * as reports from './impact-reports.service';
import * as portfolio from './portfolio.service';

const tags = ['impact'];

/** Impact reports per project (JSON and PDF, Thai and English) and portfolio views. */
export const impactReportRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/projects/:id/impact-report',
    {
      config: session,
      schema: {
        tags,
        summary:
          "A project's impact report: logic model, indicators (baseline, target, actuals, verification) and the latest final SROI of each kind (readers)",
        params: IdParamsSchema,
        querystring: ImpactReportQuerySchema,
        response: { 200: dataOf(ImpactReportSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await reports.getImpactReport(db, requireActor(request.actor), request.params.id, app.clock()),
    }),
  );

  app.get(
    '/projects/:id/impact-report.pdf',
    {
      config: { ...session, rateLimit: rateLimit(30, '1 minute') },
      schema: {
        tags,
        summary: "A project's impact report as a PDF in Thai or English (readers)",
        params: IdParamsSchema,
        querystring: ImpactReportQuerySchema,
        response: { 200: z.unknown().describe('application/pdf'), ...errorResponses(400, 401, 404, 429) },
      },
    },
    async (request, reply) => {
      const now = app.clock();
      const report = await reports.getImpactReport(db, requireActor(request.actor), request.params.id, now);
      const lang = request.query.lang ?? request.lang;
      const pdf = await renderImpactReport(report, lang, now);
      const fileName = `impact-report-${report.project.agreementNumber}-${lang}.pdf`;
      return sendPrivateFile(reply, 'application/pdf', contentDisposition(fileName, true), pdf);
    },
  );

  app.get(
    '/impact/portfolio',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Impact portfolio by programme, driving unit, province or theme: projects, verified share, indicator sums where units allow, aggregated SROI (officers; unit staff their unit)',
        querystring: PortfolioQuerySchema,
        response: { 200: dataOf(PortfolioSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await portfolio.getPortfolio(db, requireActor(request.actor), request.query),
    }),
  );

  app.get(
    '/impact/portfolio/projects',
    {
      config: session,
      schema: {
        tags,
        summary:
          "One portfolio group's projects (same filters and scope as the portfolio): indicators, verified share, the SROI assessment counted for each (officers; unit staff their unit)",
        querystring: PortfolioProjectsQuerySchema,
        response: { 200: dataOf(PortfolioProjectsSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await portfolio.listPortfolioProjects(db, requireActor(request.actor), request.query),
    }),
  );
};
