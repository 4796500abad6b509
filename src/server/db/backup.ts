import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, openAsBlob } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createPglite, openDatabase, queryRows, redactUrl, type DatabaseHandle } from './client';
import { prepareDatabase } from './bootstrap';
import { readMigrationJournal } from './migrate';
import { getVersion } from '@server/lib/version';

/**
 * Backup and restore of the whole platform: the database (a PostgreSQL server through pg_dump/pg_restore in custom
 * format, or the embedded PGlite database's data folder) and, when uploads are kept on disk, the file store
 * (`DATA_DIR/files`), in one tar archive with a manifest.
 */

export const BACKUP_FORMAT = 'si-platform-backup';
export const BACKUP_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
const PG_DUMP_FILE = 'database.pgdump';
const execFileAsync = promisify(execFile);
const PGLITE_DUMP_FILE = 'pglite-data.tar.gz';
const FILES_DIR = 'files';

/** A failure the operator can act on: printed as one message, without a stack. */
export class BackupError extends Error {
  override name = 'BackupError';
}

/** Where the platform's data lives: as the server reads it from DATABASE_URL, DATA_DIR and FILE_STORAGE. */
export interface DataLocation {
  /** A PostgreSQL server's database; without it, the embedded database in `dataDir/pglite`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** `disk`: uploads in `dataDir/files`, part of the backup. `s3`: uploads in a bucket, backed up on their own. */
  fileStorage: 'disk' | 's3';
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  createdAt: string;
  appVersion: string;
  engine: 'postgres' | 'pglite';
  /** `server_version` of the database that was dumped. */
  serverVersion: string;
  /** The archive member holding the database. */
  database: string;
  /** The newest migration applied, as drizzle-kit's tag and time, or null on an unmigrated database. */
  migration: { tag: string | null; when: number } | null;
  /** Rows per table (`schema.table`), counted in the same snapshot as the dump. */
  tables: Record<string, number>;
  files: { included: true; count: number; bytes: number } | { included: false; reason: string };
}

export interface BackupOptions {
  /** The archive to write. */
  output: string;
  /** Migrations of this code, to name the database's newest migration in the manifest. */
  migrationsDir: string;
  /** Overwrite an existing archive; back up an embedded database whose folder looks in use. */
  force?: boolean;
  /** Folder of pg_dump / pg_restore when those on PATH do not fit the server. */
  pgBinDir?: string | undefined;
  log?: (line: string) => void;
}

export interface BackupResult {
  file: string;
  bytes: number;
  manifest: BackupManifest;
  milliseconds: number;
}

/** Writes a backup archive of the database and, with disk storage, the uploaded files. */
export async function createBackup(location: DataLocation, options: BackupOptions): Promise<BackupResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const output = path.resolve(options.output);
  if (existsSync(output) && !options.force) {
    throw new BackupError(
      `${output} exists already; choose another --output or pass --force to overwrite it.`,
    );
  }
  await mkdir(path.dirname(output), { recursive: true });
  const staging = await mkdtemp(path.join(path.dirname(output), '.si-backup-'));
  const partial = `${output}.partial`;
  try {
    await chmod(staging, 0o700);
    const dumped = location.databaseUrl
      ? await dumpPostgres(location.databaseUrl, staging, options.pgBinDir, log)
      : await dumpPglite(path.join(location.dataDir, 'pglite'), staging, options.force ?? false, log);
    const filesDir = path.join(location.dataDir, FILES_DIR);
    let files: BackupManifest['files'];
    if (location.fileStorage === 's3') {
      files = {
        included: false,
        reason: 'FILE_STORAGE=s3: the bucket is backed up with the storage’s own tools',
      };
    } else {
      files = { included: true, ...(await countFiles(filesDir)) };
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      appVersion: getVersion(),
      ...dumped,
      migration: dumped.migration && {
        ...dumped.migration,
        tag: migrationTag(options.migrationsDir, dumped.migration.when),
      },
      files,
    };
    await writeFile(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    const members = ['-C', staging, MANIFEST, manifest.database];
    if (files.included && existsSync(filesDir)) {
      // Files are written under a temporary name and renamed: a half-written one is never taken.
      members.push('-C', path.resolve(location.dataDir), FILES_DIR);
    }
    log(`Writing ${output}`);
    await rm(partial, { force: true });
    await runTar(['-cf', partial, '--exclude=*.tmp', ...members], { createOnChangedFiles: true });
    await chmod(partial, 0o600);
    await rename(partial, output);
    const bytes = (await stat(output)).size;
    return { file: output, bytes, manifest, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(partial, { force: true });
  }
}

type DumpedDatabase = Pick<BackupManifest, 'engine' | 'serverVersion' | 'database' | 'migration' | 'tables'>;

/**
 * pg_dump in custom format inside a repeatable-read snapshot that is also used to count the rows, so that the counts
 * describe exactly what the dump holds even while the platform keeps writing.
 */
async function dumpPostgres(
  url: string,
  staging: string,
  pgBinDir: string | undefined,
  log: (line: string) => void,
): Promise<DumpedDatabase> {
  const client = await connect(url);
  try {
    const serverVersion = await serverVersionOf(client);
    const pgDump = await findPgTool('pg_dump', serverVersion, pgBinDir);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id;
    if (!snapshot) {
      throw new BackupError('The server did not export a snapshot for pg_dump.');
    }
    const tables = await countRowsWith((query) => client.query(query).then((r) => r.rows as never[]));
    const migration = await newestMigrationWith((query) =>
      client.query(query).then((r) => r.rows as never[]),
    );
    log(`Dumping ${redactUrl(url)} (PostgreSQL ${serverVersion}) with ${pgDump}`);
    const { connection, password } = splitPassword(url);
    await run(
      pgDump,
      [
        '--format=custom',
        `--snapshot=${snapshot}`,
        '--no-password',
        `--file=${path.join(staging, PG_DUMP_FILE)}`,
        `--dbname=${connection}`,
      ],
      password,
    );
    await chmod(path.join(staging, PG_DUMP_FILE), 0o600);
    await client.query('COMMIT');
    return { engine: 'postgres', serverVersion, database: PG_DUMP_FILE, migration, tables };
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The embedded database's data folder as PGlite's own tarball (`dumpDataDir`). PGlite is one process: its folder
 * must not be open in a running server meanwhile (a server that is running, or was killed, leaves `postmaster.pid`).
 */
async function dumpPglite(
  dataDir: string,
  staging: string,
  force: boolean,
  log: (line: string) => void,
): Promise<DumpedDatabase> {
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new BackupError(`There is no embedded database in ${dataDir}. Check --data-dir (or DATA_DIR).`);
  }
  if (existsSync(path.join(dataDir, 'postmaster.pid')) && !force) {
    throw new BackupError(
      `The embedded database in ${dataDir} is in use (or its server was killed): stop the SI Platform server ` +
        'first, then back up. If no server is running, pass --force.',
    );
  }
  const pglite = createPglite({ dataDir });
  try {
    await pglite.waitReady;
  } catch (error) {
    throw new BackupError(`Cannot open the embedded database in ${dataDir}: ${describe(error)}`);
  }
  const handle = await openDatabase({ pglite });
  try {
    const rows = <T>(query: string) => queryRows<T>(handle.db, sql.raw(query));
    const serverVersion =
      (await rows<{ v: string }>("SELECT current_setting('server_version') AS v"))[0]?.v ?? 'unknown';
    const tables = await countRowsWith(rows);
    const migration = await newestMigrationWith(rows);
    log(`Dumping the embedded database in ${dataDir} (PGlite, PostgreSQL ${serverVersion})`);
    const dump = await pglite.dumpDataDir('gzip');
    await writeFile(path.join(staging, PGLITE_DUMP_FILE), Buffer.from(await dump.arrayBuffer()), {
      mode: 0o600,
    });
    return { engine: 'pglite', serverVersion, database: PGLITE_DUMP_FILE, migration, tables };
  } finally {
    await handle.close();
  }
}

type RowsOf = <T>(query: string) => Promise<T[]>;

const USER_TABLES = `
  SELECT n.nspname AS schema, c.relname AS name
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE c.relkind IN ('r', 'p') AND n.nspname IN ('public', 'drizzle')
  ORDER BY 1, 2`;

/** Rows per table of the platform's schemas (`public`, `drizzle`). */
async function countRowsWith(rows: RowsOf): Promise<Record<string, number>> {
  const tables = await rows<{ schema: string; name: string }>(USER_TABLES);
  const counts: Record<string, number> = {};
  for (const table of tables) {
    const quoted = `${quoteIdent(table.schema)}.${quoteIdent(table.name)}`;
    const n = (await rows<{ n: string | number }>(`SELECT count(*) AS n FROM ${quoted}`))[0]?.n ?? 0;
    counts[`${table.schema}.${table.name}`] = Number(n);
  }
  return counts;
}

async function newestMigrationWith(rows: RowsOf): Promise<BackupManifest['migration']> {
  const present = await rows<{ present: boolean }>(
    `SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!present[0]?.present) {
    return null;
  }
  const newest = await rows<{ created_at: string | number }>(
    'SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1',
  );
  const row = newest[0];
  return row ? { tag: null, when: Number(row.created_at) } : null;
}

function migrationTag(migrationsDir: string, when: number): string | null {
  try {
    return readMigrationJournal(migrationsDir).find((entry) => entry.when === when)?.tag ?? null;
  } catch {
    return null;
  }
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function countFiles(dir: string): Promise<{ count: number; bytes: number }> {
  if (!existsSync(dir)) {
    return { count: 0, bytes: 0 };
  }
  let count = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && !entry.name.endsWith('.tmp')) {
      count += 1;
      bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
    }
  }
  return { count, bytes };
}

export interface RestoreOptions {
  /** The archive to read. */
  input: string;
  /** Migrations of this code: applied after the restore, so that an older backup comes up to date. */
  migrationsDir: string;
  /** Replace a database (and file store) that is not empty. */
  force?: boolean;
  pgBinDir?: string | undefined;
  log?: (line: string) => void;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** Where the replaced embedded database and file store were moved (with --force), to delete once checked. */
  setAside: string[];
  milliseconds: number;
}

/**
 * Restores an archive made by `createBackup` into the configured database and file store, then migrates it to this
 * code's newest migration. Refuses a target that holds data unless `force`; checks the row count of every table
 * against the manifest before migrating.
 */
export async function restoreBackup(location: DataLocation, options: RestoreOptions): Promise<RestoreResult> {
  const started = performance.now();
  const log = options.log ?? (() => undefined);
  const input = path.resolve(options.input);
  if (!existsSync(input)) {
    throw new BackupError(`${input} does not exist.`);
  }
  const dataDir = path.resolve(location.dataDir);
  await mkdir(dataDir, { recursive: true });
  const staging = await mkdtemp(path.join(dataDir, '.si-restore-'));
  try {
    await chmod(staging, 0o700);
    const manifest = await readManifest(input, staging);
    checkMigrationKnown(manifest, options.migrationsDir);
    const engine = location.databaseUrl ? 'postgres' : 'pglite';
    if (manifest.engine !== engine) {
      throw new BackupError(
        manifest.engine === 'pglite'
          ? 'This backup is of the embedded database (PGlite): restore it without DATABASE_URL / --database-url.'
          : 'This backup is of a PostgreSQL server: restore it with DATABASE_URL or --database-url.',
      );
    }
    const filesTarget = path.join(dataDir, FILES_DIR);
    const restoreFiles = manifest.files.included && location.fileStorage === 'disk';
    if (manifest.files.included && location.fileStorage === 's3') {
      log('The backup holds uploaded files, but FILE_STORAGE=s3: they are not restored into the bucket.');
    } else if (!manifest.files.included) {
      log(`The backup holds no uploaded files (${manifest.files.reason}).`);
    }

    const occupied: string[] = [];
    const pgliteTarget = path.join(dataDir, 'pglite');
    if (location.databaseUrl) {
      if (await postgresHasTables(location.databaseUrl)) {
        occupied.push(`the database ${redactUrl(location.databaseUrl)} has tables`);
      }
    } else if (await hasEntries(pgliteTarget)) {
      occupied.push(`${pgliteTarget} is not empty`);
    }
    if (restoreFiles && (await hasEntries(filesTarget))) {
      occupied.push(`${filesTarget} is not empty`);
    }
    if (occupied.length > 0 && !options.force) {
      throw new BackupError(
        `Refusing to overwrite: ${occupied.join('; ')}. Restore into an empty database and data folder, or pass ` +
          '--force to replace them (the embedded database and the file store are moved aside, not deleted; a ' +
          "PostgreSQL server's schemas public and drizzle are dropped).",
      );
    }

    log(`Extracting ${input}`);
    await runTar(['-xf', input, '-C', staging]);
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const setAside: string[] = [];
    if (location.databaseUrl) {
      await restorePostgres(
        location.databaseUrl,
        path.join(staging, manifest.database),
        manifest,
        options,
        log,
      );
    } else {
      const loaded = path.join(staging, 'pglite');
      await restorePglite(
        path.join(staging, manifest.database),
        loaded,
        manifest,
        options.migrationsDir,
        log,
      );
      setAside.push(...(await moveInto(loaded, pgliteTarget, stamp)));
    }
    if (restoreFiles) {
      const extracted = path.join(staging, FILES_DIR);
      if (!existsSync(extracted)) {
        await mkdir(extracted, { recursive: true });
      }
      setAside.push(...(await moveInto(extracted, filesTarget, stamp)));
      log(
        `Restored ${manifest.files.included ? manifest.files.count : 0} uploaded files into ${filesTarget}`,
      );
    }
    return { manifest, setAside, milliseconds: Math.round(performance.now() - started) };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function readManifest(input: string, staging: string): Promise<BackupManifest> {
  try {
    await runTar(['-xf', input, '-C', staging, MANIFEST]);
  } catch {
    throw new BackupError(`${input} is not an SI Platform backup (no ${MANIFEST} in a tar archive).`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(await readFile(path.join(staging, MANIFEST), 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${input} has an unreadable ${MANIFEST}.`);
  }
  if (manifest.format !== BACKUP_FORMAT) {
    throw new BackupError(`${input} is not an SI Platform backup.`);
  }
  if (manifest.formatVersion > BACKUP_FORMAT_VERSION) {
    throw new BackupError(
      `${input} was written by a newer SI Platform (backup format ${manifest.formatVersion}); update first.`,
    );
  }
  if (manifest.database !== PG_DUMP_FILE && manifest.database !== PGLITE_DUMP_FILE) {
    throw new BackupError(`${input} names an unknown database member ${String(manifest.database)}.`);
  }
  return manifest;
}

/** A backup from newer code has migrations this code does not know: migrating it is not possible, so refuse. */
function checkMigrationKnown(manifest: BackupManifest, migrationsDir: string): void {
  const when = manifest.migration?.when;
  if (when === undefined) {
    return;
  }
  const journal = readMigrationJournal(migrationsDir);
  if (!journal.some((entry) => entry.when === when)) {
    throw new BackupError(
      `The backup comes from a newer SI Platform (${manifest.appVersion}, a migration this version does not ` +
        'have): restore it with that version or a later one.',
    );
  }
}

async function restorePostgres(
  url: string,
  dumpFile: string,
  manifest: BackupManifest,
  options: RestoreOptions,
  log: (line: string) => void,
): Promise<void> {
  const client = await connect(url);
  let serverVersion: string;
  try {
    serverVersion = await serverVersionOf(client);
    if (options.force) {
      // The platform's own schemas go, so that nothing of the former database is left beside the restored one.
      await client.query('DROP SCHEMA IF EXISTS drizzle CASCADE');
      await client.query('DROP SCHEMA IF EXISTS public CASCADE');
      await client.query('CREATE SCHEMA public');
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  const pgRestore = await findPgTool('pg_restore', serverVersion, options.pgBinDir);
  log(`Restoring into ${redactUrl(url)} (PostgreSQL ${serverVersion}) with ${pgRestore}`);
  const { connection, password } = splitPassword(url);
  await run(
    pgRestore,
    [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      '--no-password',
      `--dbname=${connection}`,
      dumpFile,
    ],
    password,
  );
  const handle = await openDatabase({ url, poolMax: 2 });
  try {
    await verifyAndMigrate(handle, manifest, options.migrationsDir, log);
  } finally {
    await handle.close();
  }
}

async function restorePglite(
  dumpFile: string,
  dataDir: string,
  manifest: BackupManifest,
  migrationsDir: string,
  log: (line: string) => void,
): Promise<void> {
  log(`Loading the embedded database (PGlite, backup of PostgreSQL ${manifest.serverVersion})`);
  await mkdir(dataDir, { recursive: true });
  const pglite = createPglite({ dataDir, loadDataDir: await openAsBlob(dumpFile) });
  try {
    await pglite.waitReady;
  } catch (error) {
    throw new BackupError(
      `Cannot load the embedded database of the backup (made with PostgreSQL ${manifest.serverVersion}): ` +
        `${describe(error)}. Restore it with the SI Platform version that made it (${manifest.appVersion}).`,
    );
  }
  const handle = await openDatabase({ pglite });
  try {
    await verifyAndMigrate(handle, manifest, migrationsDir, log);
  } finally {
    await handle.close();
  }
}

/** Every table has the manifest's row count; then this code's pending migrations and reference data are applied. */
async function verifyAndMigrate(
  handle: DatabaseHandle,
  manifest: BackupManifest,
  migrationsDir: string,
  log: (line: string) => void,
): Promise<void> {
  const counts = await countRowsWith(<T>(query: string) => queryRows<T>(handle.db, sql.raw(query)));
  const differences = Object.entries(manifest.tables)
    .filter(([table, n]) => counts[table] !== n)
    .map(([table, n]) => `${table}: ${counts[table] ?? 'missing'} rows, ${n} in the backup`);
  if (differences.length > 0) {
    throw new BackupError(`The restored database does not match the backup: ${differences.join('; ')}`);
  }
  const rows = Object.values(manifest.tables).reduce((sum, n) => sum + n, 0);
  log(`Checked ${Object.keys(manifest.tables).length} tables, ${rows} rows`);
  await prepareDatabase(handle, migrationsDir);
  log('Migrated to this version');
}

/** Moves `from` to `to`; an existing `to` is first moved aside to `to.replaced-<stamp>`, which is returned. */
async function moveInto(from: string, to: string, stamp: string): Promise<string[]> {
  const setAside: string[] = [];
  if (existsSync(to)) {
    if (await hasEntries(to)) {
      const aside = `${to}.replaced-${stamp}`;
      await rename(to, aside);
      setAside.push(aside);
    } else {
      await rm(to, { recursive: true, force: true });
    }
  }
  await rename(from, to);
  return setAside;
}

async function hasEntries(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch {
    return false;
  }
}

async function postgresHasTables(url: string): Promise<boolean> {
  const client = await connect(url);
  try {
    const result = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
         AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`,
    );
    return Number(result.rows[0]?.n ?? 0) > 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    throw new BackupError(
      `Cannot connect to the PostgreSQL server at ${redactUrl(url)}: ${describe(error)}.`,
    );
  }
  return client;
}

async function serverVersionOf(client: pg.Client): Promise<string> {
  const result = await client.query<{ server_version: string }>('SHOW server_version');
  return (result.rows[0]?.server_version ?? '0').split(' ')[0] ?? '0';
}

const major = (version: string) => Number.parseInt(version, 10);

/**
 * The pg_dump / pg_restore to use: from `binDir` when given; else the one on PATH when it is at least the server's
 * major version (pg_dump refuses newer servers); else Debian's `/usr/lib/postgresql/<major>/bin`.
 */
export async function findPgTool(
  tool: 'pg_dump' | 'pg_restore',
  serverVersion: string,
  binDir?: string,
): Promise<string> {
  const wanted = major(serverVersion);
  const candidates = binDir
    ? [path.join(binDir, tool)]
    : [tool, path.join('/usr/lib/postgresql', String(wanted), 'bin', tool)];
  const found: string[] = [];
  for (const candidate of candidates) {
    const version = await toolVersion(candidate);
    if (version === null) {
      continue;
    }
    found.push(`${candidate} ${version}`);
    if (major(version) >= wanted) {
      return candidate;
    }
  }
  throw new BackupError(
    found.length === 0
      ? `${tool} was not found${binDir ? ` in ${binDir}` : ''}: install the PostgreSQL client tools ` +
          `(${wanted} or newer, e.g. the postgresql-client-${wanted} package) or pass --pg-bin <folder>.`
      : `${tool} is older than the server (PostgreSQL ${serverVersion}): found ${found.join(', ')}. Install the ` +
          `client tools ${wanted} or newer, or pass --pg-bin <folder>.`,
  );
}

async function toolVersion(command: string): Promise<string | null> {
  try {
    const { stdout } = await execFileText(command, ['--version'], {});
    return /(\d+(?:\.\d+)?)/.exec(stdout)?.[1] ?? null;
  } catch {
    return null;
  }
}

/** The URL without its password, and the password for PGPASSWORD: never on a command line that `ps` shows. */
function splitPassword(url: string): { connection: string; password: string | undefined } {
  const parsed = new URL(url);
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined;
  parsed.password = '';
  return { connection: parsed.toString(), password };
}

async function run(command: string, args: string[], password: string | undefined): Promise<void> {
  try {
    await execFileText(command, args, password === undefined ? {} : { PGPASSWORD: password });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new BackupError(`${path.basename(command)} failed: ${stderr || describe(error)}`);
  }
}

async function runTar(args: string[], options: { createOnChangedFiles?: boolean } = {}): Promise<void> {
  try {
    await execFileText('tar', args, {});
  } catch (error) {
    const failure = error as { code?: number | string; stderr?: string };
    if (failure.code === 'ENOENT') {
      throw new BackupError('The tar command was not found; backup and restore need it (GNU tar or bsdtar).');
    }
    // GNU tar's status 1 on create: a file changed while it was read (an upload meanwhile); the archive is whole.
    if (options.createOnChangedFiles && failure.code === 1) {
      return;
    }
    throw new BackupError(`tar failed: ${failure.stderr?.trim() || describe(error)}`);
  }
}

async function execFileText(
  command: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string }> {
  // On failure the error carries `code` (exit status, or ENOENT) and `stderr`.
  return execFileAsync(command, args, {
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
    encoding: 'utf8',
  });
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map((e: unknown) => describe(e)).join('; ');
  }
  return error instanceof Error ? error.message || error.name : String(error);
}
