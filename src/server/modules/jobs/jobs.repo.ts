import { and, asc, desc, eq, getTableColumns, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { jobs } from '@server/db/schema/index';

// Every time here is the database's `now()`: instances compare heartbeats and expiries on one clock.

export type JobRow = typeof jobs.$inferSelect & { isExpired: boolean };

/** Every column, and whether the job is past its expiry (on the database's clock, as the clean-up counts). */
const withExpiry = {
  ...getTableColumns(jobs),
  isExpired: sql<boolean>`coalesce(${jobs.expiresAt} <= now(), false)`,
};

export async function insertJob(
  db: DbOrTx,
  values: { kind: string; params: Record<string, unknown>; requestedBy: string | null; total: number },
): Promise<JobRow> {
  const [row] = await db.insert(jobs).values(values).returning(withExpiry);
  if (!row) {
    throw new Error('job insert returned no row');
  }
  return row;
}

export async function findJob(db: DbOrTx, id: string): Promise<JobRow | undefined> {
  const [row] = await db.select(withExpiry).from(jobs).where(eq(jobs.id, id));
  return row;
}

/** A person's own jobs, newest first. */
export async function listJobsOf(db: DbOrTx, userId: string, limit: number): Promise<JobRow[]> {
  return db
    .select(withExpiry)
    .from(jobs)
    .where(eq(jobs.requestedBy, userId))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
}

/**
 * Claims the oldest queued job with FOR UPDATE SKIP LOCKED (two workers never take the same one): running, one more
 * attempt, heartbeat now, progress from zero. undefined when none is queued.
 */
export async function claimNextJob(db: DbOrTx): Promise<JobRow | undefined> {
  const next = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(eq(jobs.status, 'queued'))
    .orderBy(asc(jobs.createdAt), asc(jobs.id))
    .limit(1)
    .for('update', { skipLocked: true });
  const [row] = await db
    .update(jobs)
    .set({
      status: 'running',
      attempts: sql`${jobs.attempts} + 1`,
      progress: 0,
      stepKey: '',
      startedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    // a scalar subquery runs once (an IN (…) could run again per row and claim more than one job)
    .where(and(sql`${jobs.id} = (${next})`, eq(jobs.status, 'queued')))
    .returning(withExpiry);
  return row;
}

/** The claim a worker holds: the job is still running under the attempt it claimed (not taken back meanwhile). */
const heldBy = (id: string, attempt: number) =>
  and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.attempts, attempt));

/** Progress and heartbeat; false when the worker no longer holds the job. */
export async function updateProgress(
  db: DbOrTx,
  id: string,
  attempt: number,
  values: { progress?: number; total?: number; stepKey?: string },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({ ...values, heartbeatAt: sql`now()`, updatedAt: sql`now()` })
    .where(heldBy(id, attempt))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** The worker is alive: bumps the heartbeat only. */
export async function touchJob(db: DbOrTx, id: string, attempt: number): Promise<boolean> {
  return updateProgress(db, id, attempt, {});
}

/** Succeeded with its result file, kept `keepHours`; false when the worker no longer held the job. */
export async function completeJob(
  db: DbOrTx,
  id: string,
  attempt: number,
  result: { storageKey: string; fileName: string; contentType: string; bytes: number; keepHours: number },
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'succeeded',
      progress: sql`${jobs.total}`,
      stepKey: '',
      finishedAt: sql`now()`,
      heartbeatAt: sql`now()`,
      resultStorageKey: result.storageKey,
      resultFileName: result.fileName,
      resultContentType: result.contentType,
      resultBytes: result.bytes,
      expiresAt: sql`now() + make_interval(hours => ${result.keepHours})`,
      updatedAt: sql`now()`,
    })
    .where(heldBy(id, attempt))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

export async function failJob(
  db: DbOrTx,
  id: string,
  attempt: number,
  errorCode: string,
  keepHours: number,
): Promise<boolean> {
  const rows = await db
    .update(jobs)
    .set({
      status: 'failed',
      errorCode,
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(hours => ${keepHours})`,
      updatedAt: sql`now()`,
    })
    .where(heldBy(id, attempt))
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/**
 * Takes back running jobs whose worker stopped touching them `staleSeconds` ago: queued again while attempts remain,
 * else failed (WORKER_LOST). Returns how many were taken back.
 */
export async function reclaimStaleJobs(
  db: DbOrTx,
  staleSeconds: number,
  maxAttempts: number,
  failedKeepHours: number,
): Promise<{ requeued: number; failed: { id: string; kind: string; params: unknown }[] }> {
  const stale = and(
    eq(jobs.status, 'running'),
    or(
      lt(jobs.heartbeatAt, sql`now() - make_interval(secs => ${staleSeconds})`),
      sql`${jobs.heartbeatAt} IS NULL`,
    ),
  );
  const failed = await db
    .update(jobs)
    .set({
      status: 'failed',
      errorCode: 'WORKER_LOST',
      finishedAt: sql`now()`,
      expiresAt: sql`now() + make_interval(hours => ${failedKeepHours})`,
      updatedAt: sql`now()`,
    })
    .where(and(stale, sql`${jobs.attempts} >= ${maxAttempts}`))
    .returning({ id: jobs.id, kind: jobs.kind, params: jobs.params });
  const requeued = await db
    .update(jobs)
    .set({ status: 'queued', heartbeatAt: null, stepKey: '', progress: 0, updatedAt: sql`now()` })
    .where(and(stale, sql`${jobs.attempts} < ${maxAttempts}`))
    .returning({ id: jobs.id });
  return { requeued: requeued.length, failed };
}

/** Ended jobs past their expiry, with their result file's key (to delete it first). */
export async function listExpiredJobs(db: DbOrTx, limit: number) {
  return db
    .select({ id: jobs.id, resultStorageKey: jobs.resultStorageKey })
    .from(jobs)
    .where(
      and(
        isNotNull(jobs.expiresAt),
        lt(jobs.expiresAt, sql`now()`),
        inArray(jobs.status, ['succeeded', 'failed']),
      ),
    )
    .orderBy(asc(jobs.expiresAt))
    .limit(limit);
}

export async function deleteJob(db: DbOrTx, id: string): Promise<void> {
  await db.delete(jobs).where(eq(jobs.id, id));
}
