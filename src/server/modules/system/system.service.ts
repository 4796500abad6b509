import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@server/db/client';
import { getLatestAppliedMigration } from '@server/db/migrate';
import type { HealthResponse } from '@shared/contracts/system';

const startedAt = Date.now();

/** Checks the database answers and reports the engine, the newest applied migration and the version. */
export async function getHealth(
  handle: DatabaseHandle,
  migrationsDir: string,
  version: string,
): Promise<HealthResponse> {
  const begin = performance.now();
  await handle.db.execute(sql`SELECT 1`);
  const latencyMs = Math.round((performance.now() - begin) * 100) / 100;
  const migration = await getLatestAppliedMigration(handle.db, migrationsDir);
  return {
    status: migration ? 'ok' : 'degraded',
    version,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    database: { engine: handle.engine, migration, latencyMs },
  };
}
