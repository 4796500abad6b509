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

/** `/api/health/live`: the process answers (no database round trip). */
export const LivenessResponseSchema = z.object({
  status: z.literal('ok'),
  uptimeSeconds: z.number(),
});
export type LivenessResponse = z.infer<typeof LivenessResponseSchema>;

/** `/api/health/ready`: 200 with `ready`, or 503 with `not_ready` and the check that failed. */
export const ReadinessResponseSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    database: z.enum(['ok', 'unreachable']),
    migrations: z.enum(['ok', 'pending', 'unknown']),
  }),
  /** How many of this code's migrations the database lacks. */
  pendingMigrations: z.number().int().optional(),
});
export type ReadinessResponse = z.infer<typeof ReadinessResponseSchema>;
