import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import {
  FlagshipObjectiveSchema,
  OrganisationTypeSchema,
  ProvinceGroupCodeParamsSchema,
  ProvinceGroupSchema,
  SdgSchema,
  ThemeSchema,
  UpdateProvinceGroupBodySchema,
} from '@shared/contracts/reference';
import { requireActor } from '@server/lib/authz';
import { errorResponses } from '@server/lib/http';
import * as service from './reference.service';

export const referenceRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.database;
  const tags = ['reference'];
  const pub = { public: true };

  app.get(
    '/themes',
    {
      config: pub,
      schema: { tags, summary: 'The nine sectoral themes', response: { 200: dataOf(z.array(ThemeSchema)) } },
    },
    async () => ({ data: await service.listThemes(db) }),
  );
  app.get(
    '/sdgs',
    {
      config: pub,
      schema: {
        tags,
        summary: 'The 17 Sustainable Development Goals',
        response: { 200: dataOf(z.array(SdgSchema)) },
      },
    },
    async () => ({ data: await service.listSdgs(db) }),
  );
  app.get(
    '/organisation-types',
    {
      config: pub,
      schema: {
        tags,
        summary: 'Organisation types',
        response: { 200: dataOf(z.array(OrganisationTypeSchema)) },
      },
    },
    async () => ({ data: await service.listOrganisationTypes(db) }),
  );
  app.get(
    '/flagship-objectives',
    {
      config: pub,
      schema: {
        tags,
        summary: 'The five Flagship plan objectives',
        response: { 200: dataOf(z.array(FlagshipObjectiveSchema)) },
      },
    },
    async () => ({ data: await service.listFlagshipObjectives(db) }),
  );
  app.get(
    '/province-groups/:code',
    {
      config: pub,
      schema: {
        tags,
        summary: 'A province group, such as the poor-province target group `poverty_target`',
        params: ProvinceGroupCodeParamsSchema,
        response: { 200: dataOf(ProvinceGroupSchema), ...errorResponses(400, 404) },
      },
    },
    async (request) => ({ data: await service.getProvinceGroupOrThrow(db, request.params.code) }),
  );

  app.put(
    '/province-groups/:code',
    {
      config: { auth: 'session' },
      schema: {
        tags,
        summary: 'Replace a province group, e.g. the poor-province target group (administrators)',
        params: ProvinceGroupCodeParamsSchema,
        body: UpdateProvinceGroupBodySchema,
        response: { 200: dataOf(ProvinceGroupSchema), ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      data: await service.updateProvinceGroup(
        db,
        requireActor(request.actor),
        request.params.code,
        request.body,
        request.meta(),
      ),
    }),
  );
};
