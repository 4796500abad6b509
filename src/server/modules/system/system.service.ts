import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '@server/db/client';
import { queryRows } from '@server/db/client';
import { getLatestAppliedMigration, readMigrationJournal } from '@server/db/migrate';
import type { HealthResponse, ReadinessResponse } from '@shared/contracts/system';

const startedAt = Date.now();

/** How long a readiness probe waits for the database before it calls it unreachable. */
export const READINESS_TIMEOUT_MS = 2000;

/** Checks the database answers and reports the engine, the newest applied migration and the version. */
export async function getHealth(
  handle: DatabaseHandle,
  migrationsDir: string,
  version: string,
): Promise<HealthResponse> {
  let latencyMs = 0;
  const migration = await getLatestAppliedMigration(handle.db, migrationsDir, (ms) => {
    latencyMs = Math.round(ms * 100) / 100;
  });
  return {
    status: migration ? 'ok' : 'degraded',
    version,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
    database: { engine: handle.engine, migration, latencyMs },
  };
}

/** Rejects after `ms` unless `work` settles first (the timer does not keep the process alive). */
async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    timer.unref();
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this instance can serve: the database answers within READINESS_TIMEOUT_MS and every migration this code
 * ships (the journal in `migrationsDir`) is applied. Migrations newer than the code (another instance already
 * upgraded the schema during a rolling deploy) do not make it unready. Never throws.
 */
export async function getReadiness(
  handle: DatabaseHandle,
  journalWhens: readonly number[],
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<ReadinessResponse> {
  let applied: Set<number>;
  try {
    applied = await withTimeout(appliedMigrationTimes(handle), timeoutMs);
  } catch {
    return { status: 'not_ready', checks: { database: 'unreachable', migrations: 'unknown' } };
  }
  const pending = journalWhens.filter((when) => !applied.has(when)).length;
  return pending === 0
    ? { status: 'ready', checks: { database: 'ok', migrations: 'ok' } }
    : { status: 'not_ready', checks: { database: 'ok', migrations: 'pending' }, pendingMigrations: pending };
}

/** The creation times (drizzle-kit's `when`) of the migrations applied to the database; empty when none. */
async function appliedMigrationTimes(handle: DatabaseHandle): Promise<Set<number>> {
  const exists = await queryRows<{ present: boolean }>(
    handle.db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists[0]?.present) {
    return new Set();
  }
  const rows = await queryRows<{ created_at: string | number }>(
    handle.db,
    sql`SELECT created_at FROM drizzle.__drizzle_migrations`,
  );
  return new Set(rows.map((row) => Number(row.created_at)));
}

/** The creation times of the migrations this code ships, in order. */
export function readJournalTimes(migrationsDir: string): number[] {
  return readMigrationJournal(migrationsDir).map((entry) => entry.when);
}

type StatusCounts<S extends string> = Record<S, number>;

async function countByStatus<S extends string>(
  handle: DatabaseHandle,
  table: 'jobs' | 'email_outbox',
  statuses: readonly S[],
): Promise<StatusCounts<S>> {
  const rows = await queryRows<{ status: string; n: number | string }>(
    handle.db,
    sql`SELECT status, count(*) AS n FROM ${sql.identifier(table)}
        WHERE status IN (${sql.join(
          statuses.map((status) => sql`${status}`),
          sql`, `,
        )})
        GROUP BY status`,
  );
  const counts = {} as StatusCounts<S>;
  for (const status of statuses) {
    counts[status] = Number(rows.find((row) => row.status === status)?.n ?? 0);
  }
  return counts;
}

/**
 * Background jobs (exports, imports) waiting and running, for the metrics scrape: one grouped count over the indexed
 * status column. Operations data only: no row content leaves this function.
 */
export function countJobs(handle: DatabaseHandle) {
  return countByStatus(handle, 'jobs', ['queued', 'running'] as const);
}

/** Emails waiting in the outbox and those given up on, for the metrics scrape. */
export function countOutboxEmails(handle: DatabaseHandle) {
  return countByStatus(handle, 'email_outbox', ['pending', 'failed'] as const);
}

/** Whether a database round trip succeeds within the readiness timeout. */
export async function isDatabaseUp(
  handle: DatabaseHandle,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<boolean> {
  try {
    await withTimeout(handle.db.execute(sql`SELECT 1`), timeoutMs);
    return true;
  } catch {
    return false;
  }
}
