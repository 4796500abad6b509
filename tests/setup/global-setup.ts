import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createPglite, openDatabase } from '@server/db/client';
import { prepareDatabase } from '@server/db/bootstrap';
import { MIGRATIONS_DIR, PGLITE_SNAPSHOT, databaseName, testDatabaseUrl, withDatabase } from './engines';

/** Migrates once per run a PGlite database, dumped to a snapshot that each test file loads. */
export async function setupPglite(): Promise<void> {
  const pglite = createPglite();
  const handle = await openDatabase({ pglite });
  await prepareDatabase(handle, MIGRATIONS_DIR);
  const dump = await pglite.dumpDataDir('gzip');
  mkdirSync(path.dirname(PGLITE_SNAPSHOT), { recursive: true });
  writeFileSync(PGLITE_SNAPSHOT, Buffer.from(await dump.arrayBuffer()));
  await handle.close();
}

/** Migrates once per run a template database on the server, from which each test file clones its own. */
export async function setupPostgres(): Promise<void> {
  const url = testDatabaseUrl();
  if (url) {
    const template = `${databaseName(url)}_template`;
    const admin = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
    await admin.connect();
    try {
      await admin.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await admin.query(`CREATE DATABASE "${template}"`);
    } finally {
      await admin.end();
    }
    const server = await openDatabase({ url: withDatabase(url, template), poolMax: 2 });
    await prepareDatabase(server, MIGRATIONS_DIR);
    await server.close();
  }
}
