import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { CoverageQuerySchema, CoverageSchema, ProvinceCoverageSchema } from '@shared/contracts/coverage';
import { ProvinceCodeParamsSchema } from '@shared/contracts/geo';
import { errorResponses, rateLimit, sendCached } from '@server/lib/http';
import * as service from './coverage.service';

const tags = ['coverage'];

/** Aggregates only, the same for everyone: shared caches may keep them for a minute. */
const CACHE_CONTROL = 'public, max-age=60';

const CoverageResponse = dataOf(CoverageSchema);
const ProvinceCoverageResponse = dataOf(ProvinceCoverageSchema);

/** Coverage against need: province figures, the gap index and district drill-down. */
export const coverageRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;

  app.get(
    '/coverage',
    {
      config: { public: true, rateLimit: rateLimit(120, '1 minute') },
      schema: {
        tags,
        summary:
          'Coverage against need by province: the need figure (with source and year), grant money, money per poor person, projects, beneficiaries, adoptions and the gap index',
        querystring: CoverageQuerySchema,
        response: { 200: CoverageResponse, ...errorResponses(400, 429) },
      },
    },
    async (request, reply) =>
      sendCached(
        reply,
        app.readCache,
        ['coverage', request.query],
        CoverageResponse,
        async () => ({ data: await service.getCoverage(db, request.query) }),
        { headers: { 'cache-control': CACHE_CONTROL } },
      ),
  );

  app.get(
    '/coverage/provinces/:code',
    {
      config: { public: true, rateLimit: rateLimit(120, '1 minute') },
      schema: {
        tags,
        summary:
          "A province's coverage against need, its funded projects and its districts (where district data exists)",
        params: ProvinceCodeParamsSchema,
        querystring: CoverageQuerySchema,
        response: { 200: ProvinceCoverageResponse, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) =>
      sendCached(
        reply,
        app.readCache,
        ['coverage-province', request.params.code, request.query],
        ProvinceCoverageResponse,
        async () => ({ data: await service.getProvinceCoverage(db, request.params.code, request.query) }),
        { headers: { 'cache-control': CACHE_CONTROL } },
      ),
  );
};
