import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { dataOf } from '@shared/contracts/common';
import { DrivingUnitSchema } from '@shared/contracts/identity';
import { errorResponses } from '@server/lib/http';
import { listDrivingUnits } from './driving-units.service';

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
};
