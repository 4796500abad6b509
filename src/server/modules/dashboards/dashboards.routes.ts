import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
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
import { errorResponses, rateLimit } from '@server/lib/http';
import * as dashboards from './dashboards.service';

const tags = ['dashboards'];
const scopeNote =
  '(officers: all, or one unit by filter; a driving unit’s staff: their unit’s projects only)';

/** Dashboards: the pipeline, disbursement, outcomes, SRL progression and unit targets; public impact figures. */
export const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };
  const forbidden = errorResponses(400, 401, 403);

  /**
   * A dashboard's figures from the read cache, per scope (all, or one unit) and filters; those that count open calls
   * or due dates also per second of the clock.
   */
  function cached<T>(
    name: string,
    request: { actor: Actor | null; query: unknown },
    compute: (actor: Actor) => Promise<T>,
    clocked = false,
  ): Promise<T> {
    const actor = requireActor(request.actor);
    const scope = dashboards.cacheScopeOf(actor);
    if (scope === null) {
      return compute(actor);
    }
    const second = clocked ? Math.floor(app.clock().getTime() / 1000) : null;
    return app.readCache.get(['dashboards', name, scope, request.query, second], () => compute(actor));
  }

  app.get(
    '/dashboards/options',
    {
      config: session,
      schema: {
        tags,
        summary: `What the dashboard filters offer: fiscal years, programmes, driving units ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: dataOf(DashboardOptionsSchema), ...forbidden },
      },
    },
    async (request) => ({
      data: await cached('options', request, (actor) =>
        dashboards.getDashboardOptions(db, actor, request.query),
      ),
    }),
  );

  app.get(
    '/dashboards/pipeline',
    {
      config: session,
      schema: {
        tags,
        summary: `The pipeline calls → proposals → awards → projects → innovations → adoptions, counts per stage ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: dataOf(PipelineSchema), ...forbidden },
      },
    },
    async (request) => ({
      data: await cached(
        'pipeline',
        request,
        (actor) => dashboards.getPipeline(db, actor, request.query, app.clock()),
        true,
      ),
    }),
  );

  app.get(
    '/dashboards/disbursement',
    {
      config: session,
      schema: {
        tags,
        summary: `Disbursement per fiscal year of the award: awarded, paid, withheld, ready, waiting ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: dataOf(DisbursementSchema), ...forbidden },
      },
    },
    async (request) => ({
      data: await cached('disbursement', request, (actor) =>
        dashboards.getDisbursement(db, actor, request.query),
      ),
    }),
  );

  app.get(
    '/dashboards/outcomes',
    {
      config: session,
      schema: {
        tags,
        summary: `Outcomes by theme and by SDG: verified indicator values and final SROI assessments ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: dataOf(OutcomesSchema), ...forbidden },
      },
    },
    async (request) => ({
      data: await cached('outcomes', request, (actor) => dashboards.getOutcomes(db, actor, request.query)),
    }),
  );

  app.get(
    '/dashboards/srl',
    {
      config: session,
      schema: {
        tags,
        summary: `SRL progression: projects' starting level against their innovation's (or latest report's) level now ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: dataOf(SrlProgressionSchema), ...forbidden },
      },
    },
    async (request) => ({
      data: await cached('srl', request, (actor) => dashboards.getSrlProgression(db, actor, request.query)),
    }),
  );

  app.get(
    '/dashboards/unit-targets',
    {
      config: session,
      schema: {
        tags,
        summary: `Driving units' targets against actuals of a fiscal year (default: the current one) ${scopeNote}`,
        querystring: DashboardQuerySchema,
        response: { 200: dataOf(UnitTargetsSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await cached(
        'unit-targets',
        request,
        (actor) => dashboards.getUnitTargets(db, actor, request.query, app.clock()),
        true,
      ),
    }),
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
        response: { 200: dataOf(PublicImpactSchema), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const data = await app.readCache.get(['public-impact', request.query], () =>
        dashboards.getPublicImpact(db, request.query),
      );
      void reply.header('cache-control', 'public, max-age=60');
      return { data };
    },
  );
};
