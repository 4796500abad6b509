import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { dataOf } from '@shared/contracts/common';
import {
  DashboardOptionsSchema,
  DashboardQuerySchema,
  DisbursementSchema,
  OutcomesSchema,
  PipelineSchema,
  PublicImpactQuerySchema,
  PublicImpactSchema,
  SrlProgressionSchema,
  UnitTargetsSchema,
} from '@shared/contracts/dashboards';
import { requireActor, type Actor } from '@server/lib/authz';
import { errorResponses, rateLimit, sendCached } from '@server/lib/http';
import * as dashboards from './dashboards.service';

const tags = ['dashboards'];
const DashboardOptionsResponse = dataOf(DashboardOptionsSchema);
const PipelineResponse = dataOf(PipelineSchema);
const DisbursementResponse = dataOf(DisbursementSchema);
const OutcomesResponse = dataOf(OutcomesSchema);
const SrlProgressionResponse = dataOf(SrlProgressionSchema);
const UnitTargetsResponse = dataOf(UnitTargetsSchema);
const PublicImpactResponse = dataOf(PublicImpactSchema);
const scopeNote =
  '(officers: all, or one unit by filter; a driving unit’s staff: their unit’s projects only)';

/** Dashboards: the pipeline, disbursement, outcomes, SRL progression and unit targets; public impact figures. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  const forbidden = errorResponses(400, 401, 403);

  /**
   * A dashboard's figures from the read cache, per scope (all, or one unit) and filters. Figures that depend on the
   * time say until when they hold (`expiresAt`), or are kept per second of the clock (`perSecond`). Anyone without a
   * scope is refused by the service.
   */
  function sendDashboard<S extends z.ZodType>(
    name: string,
    request: FastifyRequest & { query: unknown },
    reply: FastifyReply,
    schema: S,
    compute: (actor: Actor) => Promise<z.input<S>>,
    timing: { perSecond?: boolean; expiresAt?: () => Date | null } = {},
  ): Promise<FastifyReply> {
    const actor = requireActor(request.actor);
    const scope = dashboards.cacheScopeOf(actor) ?? `refused:${actor.userId}`;
    const now = app.clock();
    const second = timing.perSecond ? Math.floor(now.getTime() / 1000) : null;
    return sendCached(
      reply,
      app.readCache,
      ['dashboards', name, scope, request.query, second],
      schema,
      () => compute(actor),
      { now, expiresAt: timing.expiresAt },
    );
  }

  app.get(
    '/dashboards/options',
    {
      config: session,
      schema: {
        tags,
        summary: `What the dashboard filters offer: fiscal years, programmes, driving units ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: DashboardOptionsResponse, ...forbidden },
      },
    },
    async (request, reply) =>
      sendDashboard('options', request, reply, DashboardOptionsResponse, async (actor) => ({
        data: await dashboards.getDashboardOptions(db, actor, request.query),
      })),
  );

  app.get(
    '/dashboards/pipeline',
    {
      config: session,
      schema: {
        tags,
        summary: `The pipeline calls → proposals → awards → projects → innovations → adoptions, counts per stage ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: PipelineResponse, ...forbidden },
      },
    },
    async (request, reply) => {
      let pipelineChangesAt: Date | null = null;
      return sendDashboard(
        'pipeline',
        request,
        reply,
        PipelineResponse,
        async (actor) => {
          const { pipeline, changesAt } = await dashboards.getPipeline(db, actor, request.query, app.clock());
          pipelineChangesAt = changesAt;
          return { data: pipeline };
        },
        { expiresAt: () => pipelineChangesAt },
      );
    },
  );

  app.get(
    '/dashboards/disbursement',
    {
      config: session,
      schema: {
        tags,
        summary: `Disbursement per fiscal year of the award: awarded, paid, withheld, ready, waiting ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: DisbursementResponse, ...forbidden },
      },
    },
    async (request, reply) =>
      sendDashboard('disbursement', request, reply, DisbursementResponse, async (actor) => ({
        data: await dashboards.getDisbursement(db, actor, request.query),
      })),
  );

  app.get(
    '/dashboards/outcomes',
    {
      config: session,
      schema: {
        tags,
        summary: `Outcomes by theme and by SDG: verified indicator values and final SROI assessments ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: OutcomesResponse, ...forbidden },
      },
    },
    async (request, reply) =>
      sendDashboard('outcomes', request, reply, OutcomesResponse, async (actor) => ({
        data: await dashboards.getOutcomes(db, actor, request.query),
      })),
  );

  app.get(
    '/dashboards/srl',
    {
      config: session,
      schema: {
        tags,
        summary: `SRL progression: projects' starting level against their innovation's (or latest report's) level now ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: SrlProgressionResponse, ...forbidden },
      },
    },
    async (request, reply) =>
      sendDashboard('srl', request, reply, SrlProgressionResponse, async (actor) => ({
        data: await dashboards.getSrlProgression(db, actor, request.query),
      })),
  );

  app.get(
    '/dashboards/unit-targets',
    {
      config: session,
      schema: {
        tags,
        summary: `Driving units' targets against actuals of a fiscal year (default: the current one) ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: UnitTargetsResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      sendDashboard(
        'unit-targets',
        request,
        reply,
        UnitTargetsResponse,
        async (actor) => ({
          data: await dashboards.getUnitTargets(db, actor, request.query, app.clock()),
        }),
        { perSecond: true },
      ),
  );

  app.get(
    '/public/impact',
    {
      config: { public: true, rateLimit: rateLimit(120, '1 minute') },
      schema: {
        tags,
        summary:
          'Public impact figures, aggregated only: money funded by fiscal year and theme, projects, innovations by SRL, adoptions, verified outcome sums, SROI by programme',
        querystring: PublicImpactQuerySchema,
        response: { 200: PublicImpactResponse, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) =>
      sendCached(
        reply,
        app.readCache,
        ['public-impact', request.query],
        PublicImpactResponse,
        async () => ({ data: await dashboards.getPublicImpact(db, request.query) }),
        { headers: { 'cache-control': 'public, max-age=60' } },
      ),
  );
};
