import { PGlite, type PGliteOptions } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import * as schema from './schema/index';

export type Schema = typeof schema;
/** The one database type every repository takes: the same on PGlite and on a PostgreSQL server. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle, accepted wherever a `Database` is. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DbOrTx = Database | Tx;

export type DatabaseEngine = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Database;
  engine: DatabaseEngine;
  /** Runs `fn` while holding a cluster-wide advisory lock (a no-op guard on the single-process PGlite). */
  withAdvisoryLock<T>(key: number, fn: () => Promise<T>): Promise<T>;
  /**
   * Listens on a NOTIFY channel: `onNotify` gets each payload, in commit order; `onState` is told whether the
   * listener is connected (on a server it reconnects by itself after losing its connection, and every notification
   * sent while it was away is lost). Returns the function that stops listening.
   */
  listen(
    channel: string,
    onNotify: (payload: string) => void,
    onState: (live: boolean) => void,
  ): Promise<Unlisten>;
  close(): Promise<void>;
}

export type Unlisten = () => Promise<void>;

/**
 * `listen` of a handle that does without change announcements (built by hand for a measurement or a failure test):
 * never connected, so the read cache computes every read.
 */
export const neverListening: DatabaseHandle['listen'] = (_channel, _onNotify, onState) => {
  onState(false);
  return Promise.resolve(() => Promise.resolve());
};

export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
}

export interface OpenDatabaseOptions {
  /** A postgres:// URL: use that server. Otherwise PGlite. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for an in-memory database. */
  dataDir?: string;
  poolMax?: number;
  /** An existing PGlite instance (tests load a pre-migrated snapshot into one). */
  pglite?: PGlite;
}

/** Opens the configured database engine and checks that it answers. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url) {
    return openPostgres(options.url, options.poolMax ?? 20);
  }
  const client = options.pglite ?? (await openPglite(options.dataDir ?? 'memory://'));
  const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    withAdvisoryLock: (_key, fn) => fn(),
    async listen(channel, onNotify, onState) {
      const stop = await client.listen(channel, onNotify);
      onState(true);
      return async () => {
        onState(false);
        if (!client.closed) {
          await stop();
        }
      };
    },
    close: () => client.close(),
  };
}

/**
 * A PGlite instance with the extensions the migrations create (`pg_trgm` for misspelt and partial search words).
 * Every embedded database, tests' snapshots included, is made here.
 */
export function createPglite(options: Omit<PGliteOptions, 'extensions'> = {}): PGlite {
  return new PGlite({ ...options, extensions: { pg_trgm } });
}

async function openPglite(dataDir: string): Promise<PGlite> {
  try {
    const client = createPglite({ dataDir });
    await client.waitReady;
    return client;
  } catch (error) {
    throw new DatabaseUnavailableError(
      `Cannot open the embedded database in "${dataDir}": ${describe(error)}. ` +
        'Check that the folder is writable and not used by another running instance.',
    );
  }
}

async function openPostgres(url: string, poolMax: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolMax,
    connectionTimeoutMillis: 10_000,
    // No JIT compilation: the platform's statements are short or mid-sized aggregates, for which compiling costs more
    // than it saves (at national scale it added about 300 ms to the SRL dashboard's query).
    options: '-c jit=off',
  });
  // An idle client that loses its connection must not crash the process.
  pool.on('error', () => undefined);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new DatabaseUnavailableError(
      `Cannot connect to the PostgreSQL server at ${redactUrl(url)}: ${describe(error)}. ` +
        'Check DATABASE_URL and that the server is running.',
    );
  }
  const db = drizzlePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    engine: 'postgres',
    async withAdvisoryLock(key, fn) {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify, onState) => listenOnServer(url, channel, onNotify, onState),
    close: () => pool.end(),
  };
}

const RELISTEN_DELAYS_MS = [100, 500, 1000, 2000, 5000];

/**
 * A connection of its own that LISTENs on `channel`, reconnecting after a loss or a failed first try (with back-off)
 * until stopped.
 */
async function listenOnServer(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onState: (live: boolean) => void,
): Promise<Unlisten> {
  let stopped = false;
  let current: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  let failures = 0;

  const connect = async (): Promise<void> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    let lost = false;
    const onLost = (): void => {
      if (lost) {
        return;
      }
      lost = true;
      onState(false);
      client.removeAllListeners('notification');
      void client.end().catch(() => undefined);
      if (!stopped) {
        const delay = RELISTEN_DELAYS_MS[Math.min(failures, RELISTEN_DELAYS_MS.length - 1)] ?? 5000;
        failures += 1;
        retry = setTimeout(() => void connect(), delay);
        retry.unref();
      }
    };
    client.on('error', onLost);
    client.on('end', onLost);
    client.on('notification', (message) => {
      if (message.channel === channel) {
        onNotify(message.payload ?? '');
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch {
      onLost();
      return;
    }
    if (stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    current = client;
    failures = 0;
    onState(true);
  };

  await connect();
  return async () => {
    stopped = true;
    if (retry) {
      clearTimeout(retry);
    }
    onState(false);
    const client = current;
    current = null;
    client?.removeAllListeners();
    client?.on('error', () => undefined);
    await client?.end().catch(() => undefined);
  };
}

function describe(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) {
    return error.errors.map((e: unknown) => describe(e)).join('; ');
  }
  return error instanceof Error ? error.message || error.name : String(error);
}

/** The URL without its password, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) {
      parsed.password = '***';
    }
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

/** Runs raw SQL and returns its rows (the same shape on both engines). */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}
