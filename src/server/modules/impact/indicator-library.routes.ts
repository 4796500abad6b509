import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { IdParamsSchema } from '@shared/contracts/identity';
import {
  CreateFinancialProxyBodySchema,
  CreateImpactIndicatorBodySchema,
  FinancialProxyListQuerySchema,
  FinancialProxyListSchema,
  FinancialProxySchema,
  ImpactIndicatorListQuerySchema,
  ImpactIndicatorListSchema,
  ImpactIndicatorSchema,
  UpdateFinancialProxyBodySchema,
  UpdateImpactIndicatorBodySchema,
} from '@shared/contracts/impact-library';
import { errorResponses } from '@server/lib/http';
import { requireActor } from '@server/lib/authz';
import * as indicators from './indicator-library.service';
import * as proxies from './proxies.service';

/**
 * The indicator library and the financial proxy library: anyone signed in reads them (the pickers of the project
 * indicator page and the SROI editor); programme officers and administrators add, change, deactivate and reactivate.
 */
export const impactLibraryRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const session = { auth: 'session' as const };

  app.get(
    '/impact-indicators',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary:
          'The indicator library: q searches code, names, description, unit and IRIS+ id; filters type, theme, active (true|false|all); sort code|-code',
        querystring: ImpactIndicatorListQuerySchema,
        response: { 200: ImpactIndicatorListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => indicators.listImpactIndicators(db, request.actor, request.query),
  );

  app.get(
    '/impact-indicators/:id',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary: 'One library indicator',
        params: IdParamsSchema,
        response: { 200: dataOf(ImpactIndicatorSchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({
      data: await indicators.getImpactIndicator(db, request.actor, request.params.id),
    }),
  );

  app.post(
    '/impact-indicators',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary: 'Add an indicator to the library (officers; a code already used gets 409)',
        body: CreateImpactIndicatorBodySchema,
        response: { 201: dataOf(ImpactIndicatorSchema), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await indicators.createImpactIndicator(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
        ),
      }),
  );

  app.patch(
    '/impact-indicators/:id',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary: 'Change, deactivate or reactivate a library indicator (officers; a stale version gets 409)',
        params: IdParamsSchema,
        body: UpdateImpactIndicatorBodySchema,
        response: { 200: dataOf(ImpactIndicatorSchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await indicators.updateImpactIndicator(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );

  app.get(
    '/financial-proxies',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary:
          'The financial proxy library: q searches code, names, description, unit and source; filters theme, active (true|false|all); sort code|-code',
        querystring: FinancialProxyListQuerySchema,
        response: { 200: FinancialProxyListSchema, ...errorResponses(400, 401) },
      },
    },
    async (request) => proxies.listFinancialProxies(db, request.actor, request.query),
  );

  app.get(
    '/financial-proxies/:id',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary: 'One financial proxy',
        params: IdParamsSchema,
        response: { 200: dataOf(FinancialProxySchema), ...errorResponses(400, 401, 404) },
      },
    },
    async (request) => ({ data: await proxies.getFinancialProxy(db, request.actor, request.params.id) }),
  );

  app.post(
    '/financial-proxies',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary: 'Add a financial proxy (officers; value in satang; a code already used gets 409)',
        body: CreateFinancialProxyBodySchema,
        response: { 201: dataOf(FinancialProxySchema), ...errorResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await proxies.createFinancialProxy(
          db,
          requireActor(request.actor),
          request.body,
          request.meta(),
        ),
      }),
  );

  app.patch(
    '/financial-proxies/:id',
    {
      config: session,
      schema: {
        tags: ['impact-library'],
        summary: 'Change, deactivate or reactivate a financial proxy (officers; a stale version gets 409)',
        params: IdParamsSchema,
        body: UpdateFinancialProxyBodySchema,
        response: { 200: dataOf(FinancialProxySchema), ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      data: await proxies.updateFinancialProxy(
        db,
        requireActor(request.actor),
        request.params.id,
        request.body,
        request.meta(),
      ),
    }),
  );
};
