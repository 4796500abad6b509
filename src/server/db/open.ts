import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Env } from '@server/env';
import { openDatabase, type DatabaseHandle } from './client';

/** Opens the database the environment names: DATABASE_URL's server, else PGlite in DATA_DIR/pglite. */
export async function openConfiguredDatabase(env: Env): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return openDatabase({ url: env.DATABASE_URL, poolMax: env.DATABASE_POOL_MAX });
  }
  const dataDir = path.resolve(env.DATA_DIR, 'pglite');
  mkdirSync(dataDir, { recursive: true });
  return openDatabase({ dataDir });
}
