import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { CreateDrivingUnitBodySchema, DrivingUnitSchema } from '@shared/contracts/identity';
import { requireActor } from '@server/lib/authz';
import { errorResponses } from '@server/lib/http';
import { createDrivingUnit, listDrivingUnits } from './driving-units.service';

export const drivingUnitRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/',
    {
      config: { public: true },
      schema: {
        tags: ['driving-units'],
        summary: 'Driving units with their regions and provinces',
        response: { 200: dataOf(z.array(DrivingUnitSchema)), ...errorResponses(400) },
      },
    },
    async () => ({ data: await listDrivingUnits(app.database.db) }),
  );

  app.post(
    '/',
    {
      config: { auth: 'session' },
      schema: {
        tags: ['driving-units'],
        summary: 'Create a driving unit (administrators)',
        body: CreateDrivingUnitBodySchema,
        response: { 201: dataOf(DrivingUnitSchema), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.status(201).send({
        data: await createDrivingUnit(
          app.database.db,
          requireActor(request.actor),
          request.body,
          request.meta(),
        ),
      }),
  );
};
