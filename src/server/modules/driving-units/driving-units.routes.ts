import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { CreateDrivingUnitBodySchema, DrivingUnitSchema, IdParamsSchema } from '@shared/contracts/identity';
import {
  FiscalYearQuerySchema,
  UnitDashboardSchema,
  UnitDetailSchema,
  UnitProfileBodySchema,
  UnitProfileSchema,
  UnitRollupSchema,
  UnitSummarySchema,
  UnitTargetsBodySchema,
} from '@shared/contracts/driving-units';
import { requireActor } from '@server/lib/authz';
import { errorResponses } from '@server/lib/http';
import * as units from './driving-units.service';

const tags = ['driving-units'];

/**
 * Driving units: the public directory and unit pages; for a unit's staff and officers its dashboard (targets against
 * actuals of a fiscal year, staff), profile and targets; for officers the national roll-up.
 */
export const drivingUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Driving units with their regions, provinces, host and number of activities to come',
        response: { 200: dataOf(z.array(UnitSummarySchema)), ...errorResponses(400) },
      },
    },
    async () => ({ data: await units.listUnitDirectory(db, app.clock()) }),
  );

  app.post(
    '/',
    {
      config: session,
      schema: {
        tags,
        summary: 'Create a driving unit (administrators)',
        body: CreateDrivingUnitBodySchema,
        response: { 201: dataOf(DrivingUnitSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await units.createDrivingUnit(db, requireActor(request.actor), request.body, request.meta()),
      }),
  );

  app.get(
    '/rollup',
    {
      config: session,
      schema: {
        tags,
        summary:
          'Every unit × every measure, targets against actuals of a fiscal year (BE), and totals (officers)',
        querystring: FiscalYearQuerySchema,
        response: { 200: dataOf(UnitRollupSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => ({
      data: await units.getUnitRollup(db, requireActor(request.actor), request.query, app.clock()),
    }),
  );

  app.get(
    '/:id',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          "A unit's public page: profile, provinces, published activities to come, the actor's abilities",
        params: IdParamsSchema,
        response: { 200: dataOf(UnitDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await units.getUnitDetail(db, request.actor, request.params.id, app.clock()),
    }),
  );

  app.get(
    '/:id/dashboard',
    {
      config: session,
      schema: {
        tags,
        summary:
          "A unit's targets against actuals of a fiscal year (BE), profile and staff (its staff; officers)",
        params: IdParamsSchema,
        querystring: FiscalYearQuerySchema,
        response: { 200: dataOf(UnitDashboardSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await units.getUnitDashboard(
        db,
        requireActor(request.actor),
        request.params.id,
        request.query,
        app.clock(),
      ),
    }),
  );

  app.put(
    '/:id/targets',
    {
      config: session,
      schema: {
        tags,
        summary: "Replace a unit's targets of one fiscal year (officers); answers with that year's dashboard",
        params: IdParamsSchema,
        body: UnitTargetsBodySchema,
        response: { 200: dataOf(UnitDashboardSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await units.setUnitTargets(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
        app.clock(),
      ),
    }),
  );

  app.put(
    '/:id/profile',
    {
      config: session,
      schema: {
        tags,
        summary: "Replace a unit's profile: host, description, contacts (its staff; officers)",
        params: IdParamsSchema,
        body: UnitProfileBodySchema,
        response: { 200: dataOf(UnitProfileSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await units.updateUnitProfile(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );
};
