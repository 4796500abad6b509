import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { createPglite, openDatabase, type DatabaseHandle } from '@server/db/client';
import { PGLITE_SNAPSHOT, databaseName, testDatabaseUrl, withDatabase, type TestEngine } from './engines';

export interface TestDatabase extends DatabaseHandle {
  /** Drops the database (server) or closes it (PGlite). */
  destroy(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file: PGlite from the snapshot, or a clone of the server template. */
export async function createTestDatabase(engine: TestEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const snapshot = readFileSync(PGLITE_SNAPSHOT);
    const pglite = createPglite({ loadDataDir: new Blob([snapshot]) });
    const handle = await openDatabase({ pglite });
    return { ...handle, destroy: () => handle.close() };
  }
  const url = testDatabaseUrl();
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set');
  }
  const template = `${databaseName(url)}_template`;
  const name = `${databaseName(url)}_${randomBytes(5).toString('hex')}`;
  const adminUrl = withDatabase(url, 'postgres');
  await withAdmin(adminUrl, (admin) => admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const handle = await openDatabase({ url: withDatabase(url, name), poolMax: 10 });
  return {
    ...handle,
    async destroy() {
      await handle.close();
      await withAdmin(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The engines this run covers; integration files loop over them with `describe.each`. */
export function currentEngine(): TestEngine {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}
