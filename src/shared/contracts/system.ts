import { z } from 'zod';

export const HealthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  version: z.string(),
  uptimeSeconds: z.number(),
  database: z.object({
    engine: z.enum(['pglite', 'postgres']),
    migration: z.string().nullable(),
    latencyMs: z.number(),
  }),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;
