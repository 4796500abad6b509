import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, openAsBlob, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { buildApp } from '@server/app';
import { parseEnv } from '@server/env';
import { createPglite, openDatabase, queryRows, type DatabaseHandle } from '@server/db/client';
import { readMigrationJournal } from '@server/db/migrate';
import { BackupError, createBackup, restoreBackup, type DataLocation } from '@server/db/backup';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoContent } from '@server/db/demo-seed';
import { dataLoads } from '@server/db/schema/index';
import { createDiskStorage } from '@server/lib/file-storage';
import { TestClient } from '@tests/helpers/client';
import { makeTempDir } from '@tests/helpers/temp';
import { currentEngine } from '@tests/setup/test-db';
import { PGLITE_SNAPSHOT, databaseName, testDatabaseUrl, withDatabase } from '@tests/setup/engines';

const engine = currentEngine();
const MIGRATIONS_DIR = 'db/migrations';
const temp = makeTempDir('si-backup-');
const created: string[] = [];

/** Runs `fn` on the server's maintenance database (to create and drop this file's databases). */
async function onServer<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = testDatabaseUrl();
  if (!url) {
    throw new Error('TEST_DATABASE_URL is not set');
  }
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A new database on the test server: a clone of the migrated template, or empty. Answers its URL. */
async function serverDatabase(kind: 'migrated' | 'empty'): Promise<string> {
  const url = testDatabaseUrl() ?? '';
  const name = `${databaseName(url)}_bk_${Math.random().toString(16).slice(2, 10)}`;
  const template = kind === 'migrated' ? `TEMPLATE "${databaseName(url)}_template"` : 'TEMPLATE template0';
  await onServer((admin) => admin.query(`CREATE DATABASE "${name}" ${template}`));
  created.push(name);
  return withDatabase(url, name);
}

/** Opens the database a location names, as the server would. */
async function open(location: DataLocation): Promise<DatabaseHandle> {
  return location.databaseUrl
    ? openDatabase({ url: location.databaseUrl, poolMax: 2 })
    : openDatabase({ pglite: createPglite({ dataDir: path.join(location.dataDir, 'pglite') }) });
}

interface TableSum {
  rows: number;
  md5: string;
}

/**
 * Every table of the platform's schemas: its row count and the md5 of its rows as text, ordered by primary key (by the
 * whole row where there is none).
 */
async function tableSums(handle: DatabaseHandle): Promise<Record<string, TableSum>> {
  const tables = await queryRows<{ schema: string; name: string; pk: string[] | null }>(
    handle.db,
    sql`SELECT n.nspname AS schema, c.relname AS name,
               (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum))
                FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                WHERE i.indrelid = c.oid AND i.indisprimary) AS pk
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'drizzle')
        ORDER BY 1, 2`,
  );
  const sums: Record<string, TableSum> = {};
  for (const table of tables) {
    const order = table.pk?.length ? table.pk.map((column) => `t."${column}"`).join(', ') : 't::text';
    const [row] = await queryRows<{ rows: string | number; md5: string }>(
      handle.db,
      sql.raw(
        `SELECT count(*) AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${order}), '')) AS md5
         FROM "${table.schema}"."${table.name}" t`,
      ),
    );
    sums[`${table.schema}.${table.name}`] = { rows: Number(row?.rows ?? 0), md5: row?.md5 ?? '' };
  }
  return sums;
}

/** Path → sha256 of every file under `dir`. */
function fileSums(dir: string): Record<string, string> {
  const sums: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      sums[path.relative(dir, file)] = createHash('sha256').update(readFileSync(file)).digest('hex');
    }
  }
  return sums;
}

const source: DataLocation = { dataDir: path.join(temp.dir, 'source'), fileStorage: 'disk' };
const target: DataLocation = { dataDir: path.join(temp.dir, 'target'), fileStorage: 'disk' };
const archive = path.join(temp.dir, 'backups', 'demo.tar');
let before: Record<string, TableSum>;

beforeAll(async () => {
  mkdirSync(path.join(source.dataDir, 'pglite'), { recursive: true });
  if (engine === 'postgres') {
    source.databaseUrl = await serverDatabase('migrated');
    target.databaseUrl = await serverDatabase('empty');
  }
  const handle =
    engine === 'postgres'
      ? await open(source)
      : await openDatabase({
          pglite: createPglite({
            dataDir: path.join(source.dataDir, 'pglite'),
            loadDataDir: await openAsBlob(PGLITE_SNAPSHOT),
          }),
        });
  try {
    // The demo content less its bulk (seven past calls, 22 projects): every module's tables, the uploads included.
    await handle.db
      .insert(dataLoads)
      .values({ name: 'demo-portfolio', detail: 'left out of the backup test' });
    await loadDemoContent(handle.db, {
      seedDir: 'db/seed',
      fileStorage: createDiskStorage(path.join(source.dataDir, 'files')),
    });
    before = await tableSums(handle);
  } finally {
    await handle.close();
  }
}, 120_000);

afterAll(async () => {
  if (created.length > 0) {
    await onServer(async (admin) => {
      for (const name of created) {
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }
    });
  }
  temp.cleanup();
});

describe(`backup and restore (${engine})`, () => {
  it('restores every table row for row and every uploaded file, migrated and ready to serve', async () => {
    const backup = await createBackup(source, { output: archive, migrationsDir: MIGRATIONS_DIR });
    expect(statSync(archive).mode & 0o777).toBe(0o600);
    expect(backup.manifest).toMatchObject({ engine, format: 'si-platform-backup' });
    expect(backup.manifest.migration?.tag).toBe(readMigrationJournal(MIGRATIONS_DIR).at(-1)?.tag);
    const uploads = fileSums(path.join(source.dataDir, 'files'));
    expect(Object.keys(uploads).length).toBeGreaterThan(5);
    expect(backup.manifest.files).toMatchObject({ included: true, count: Object.keys(uploads).length });
    expect(Object.values(before).reduce((sum, t) => sum + t.rows, 0)).toBeGreaterThan(1000);
    expect(backup.manifest.tables).toEqual(
      Object.fromEntries(Object.entries(before).map(([table, sum]) => [table, sum.rows])),
    );

    await restoreBackup(target, { input: archive, migrationsDir: MIGRATIONS_DIR });
    const handle = await open(target);
    try {
      const after = await tableSums(handle);
      expect(Object.keys(after)).toEqual(Object.keys(before));
      for (const table of Object.keys(before)) {
        expect([table, after[table]]).toEqual([table, before[table]]);
      }
      expect(fileSums(path.join(target.dataDir, 'files'))).toEqual(uploads);

      const app = await buildApp({
        database: handle,
        env: parseEnv({ NODE_ENV: 'test', WEB_DIST_DIR: '.tmp/no-web', DATA_DIR: target.dataDir }),
        logger: false,
      });
      try {
        expect((await app.inject('/api/health/ready')).statusCode).toBe(200);
        const admin = DEMO_ACCOUNTS.find((account) => account.role === 'administrator');
        const client = new TestClient(app);
        expect((await client.signIn(admin?.email ?? '', DEMO_PASSWORD)).statusCode).toBe(200);
        expect((await client.get('/api/partners')).statusCode).toBe(200);
        // an uploaded file, through the restored row that points at it
        const [resource] = await queryRows<{ id: string }>(
          handle.db,
          sql`SELECT id FROM knowledge_resources WHERE storage_key IS NOT NULL AND status = 'published' LIMIT 1`,
        );
        const download = await client.get(`/api/knowledge/${resource?.id ?? ''}/download`);
        expect(download.statusCode).toBe(200);
        expect(download.rawPayload.length).toBeGreaterThan(100);
      } finally {
        await app.close();
      }
    } finally {
      await handle.close();
    }
  }, 90_000);

  it('refuses to overwrite a database that holds data unless --force, and then replaces it', async () => {
    await expect(restoreBackup(target, { input: archive, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(
      BackupError,
    );
    await expect(restoreBackup(target, { input: archive, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(
      /Refusing to overwrite: .*(has tables|pglite is not empty).*files is not empty.*--force/,
    );

    // Something written after the backup is gone once the backup is restored over it.
    const handle = await open(target);
    await handle.db.execute(sql`DELETE FROM data_loads WHERE name = 'demo-network'`);
    await handle.db.execute(sql`CREATE TABLE leftover (id int)`);
    await handle.close();

    const result = await restoreBackup(target, {
      input: archive,
      migrationsDir: MIGRATIONS_DIR,
      force: true,
    });
    const restored = await open(target);
    try {
      const after = await tableSums(restored);
      expect(after['public.data_loads']).toEqual(before['public.data_loads']);
      expect(after['public.leftover']).toBeUndefined();
    } finally {
      await restored.close();
    }
    const aside = result.setAside.map((dir) => path.basename(dir).replace(/\.replaced-.*$/, ''));
    expect(aside).toEqual(engine === 'pglite' ? ['pglite', 'files'] : ['files']);
  }, 90_000);

  it.runIf(engine === 'pglite')(
    'the commands explain a refusal and a wrong archive in one line, exit 1',
    () => {
      const env = { ...process.env, DATABASE_URL: '', DATA_DIR: target.dataDir, LOG_LEVEL: 'silent' };
      const refused = spawnSync('npx', ['tsx', 'src/server/cli/restore.ts', archive], {
        env,
        encoding: 'utf8',
      });
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/^Error: Refusing to overwrite: /);
      expect(refused.stderr).not.toMatch(/\n\s+at /);

      const notBackup = spawnSync('npx', ['tsx', 'src/server/cli/restore.ts', 'package.json'], {
        env,
        encoding: 'utf8',
      });
      expect(notBackup.status).toBe(1);
      expect(notBackup.stderr).toContain('is not an SI Platform backup');
    },
  );

  it('refuses an archive of the other engine', async () => {
    const other: DataLocation =
      engine === 'pglite'
        ? { ...target, databaseUrl: 'postgres://postgres@127.0.0.1:1/unused' }
        : { dataDir: target.dataDir, fileStorage: 'disk' };
    await expect(restoreBackup(other, { input: archive, migrationsDir: MIGRATIONS_DIR })).rejects.toThrow(
      engine === 'pglite' ? /embedded database \(PGlite\)/ : /PostgreSQL server/,
    );
  });
});
