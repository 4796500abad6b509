import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  BoundaryFeatureCollectionSchema,
  DistrictCodeParamsSchema,
  DistrictSchema,
  ProvinceCodeParamsSchema,
  ProvinceDetailSchema,
  ProvinceListQuerySchema,
  ProvinceSchema,
  RegionSchema,
  SubdistrictSchema,
} from '@shared/contracts/geo';
import { errorResponses } from '@server/lib/http';
import * as service from './geo.service';

export const geoRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const tags = ['geo'];

  app.get(
    '/regions',
    {
      config: { public: true },
      schema: { tags, summary: 'The six regions', response: { 200: dataOf(z.array(RegionSchema)) } },
    },
    async () => ({ data: await service.listRegions(db) }),
  );

  app.get(
    '/provinces',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'The 77 provinces, optionally of one region',
        querystring: ProvinceListQuerySchema,
        response: { 200: dataOf(z.array(ProvinceSchema)), ...errorResponses(400) },
      },
    },
    async (request) => ({ data: await service.listProvinces(db, request.query) }),
  );

  app.get(
    '/provinces/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'One province',
        params: ProvinceCodeParamsSchema,
        response: { 200: dataOf(ProvinceDetailSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getProvinceOrThrow(db, request.params.code) }),
  );

  app.get(
    '/provinces/:code/districts',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Districts (amphoe / khet) of a province',
        params: ProvinceCodeParamsSchema,
        response: { 200: dataOf(z.array(DistrictSchema)), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.listDistrictsOfProvince(db, request.params.code) }),
  );

  app.get(
    '/districts/:code/subdistricts',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Subdistricts (tambon / khwaeng) of a district',
        params: DistrictCodeParamsSchema,
        response: { 200: dataOf(z.array(SubdistrictSchema)), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.listSubdistrictsOfDistrict(db, request.params.code) }),
  );

  app.get(
    '/boundaries',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Imported province boundaries as a GeoJSON FeatureCollection (empty when none are imported)',
        response: { 200: BoundaryFeatureCollectionSchema },
      },
    },
    async (_request, reply) => {
      void reply.header('cache-control', 'public, max-age=300');
      return service.getBoundaries(db);
    },
  );
};
