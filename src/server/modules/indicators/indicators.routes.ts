import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { ProvinceCodeParamsSchema } from '@shared/contracts/geo';
import {
  AreaIndicatorSchema,
  IndicatorParamsSchema,
  IndicatorValuesQuerySchema,
  IndicatorValuesSchema,
  ProvinceIndicatorValueSchema,
} from '@shared/contracts/indicators';
import { errorResponses } from '@server/lib/http';
import { getProvinceOrThrow } from '@server/modules/geo/geo.service';
import * as service from './indicators.service';

export const indicatorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const tags = ['indicators'];

  app.get(
    '/indicators',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Area indicators with the years that have data',
        response: { 200: dataOf(z.array(AreaIndicatorSchema)) },
      },
    },
    async () => ({ data: await service.listIndicators(db) }),
  );

  app.get(
    '/indicators/:code/values',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Values of an indicator by province for a year (the latest by default)',
        params: IndicatorParamsSchema,
        querystring: IndicatorValuesQuerySchema,
        response: { 200: dataOf(IndicatorValuesSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({
      data: await service.getIndicatorValues(db, request.params.code, request.query.year),
    }),
  );

  app.get(
    '/geo/provinces/:code/indicators',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Every indicator value recorded for a province, with source and year',
        params: ProvinceCodeParamsSchema,
        response: { 200: dataOf(z.array(ProvinceIndicatorValueSchema)), ...errorResponses(400, 404) },
      },
    },
    async (request) => {
      await getProvinceOrThrow(db, request.params.code);
      return { data: await service.listProvinceIndicatorValues(db, request.params.code) };
    },
  );
};
