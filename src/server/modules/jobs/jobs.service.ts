import type { z } from 'zod';
import type { Database } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import type { Actor } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { startPollLoop } from '@server/lib/poll-loop';
import { isProjectOfficer } from '@server/modules/projects/projects.policy';
import {
  JOB_ERROR_CODES,
  JOB_LIMITS,
  JOB_STATUSES,
  jobDownloadPath,
  type Job,
  type JobErrorCode,
  type JobStatus,
} from '@shared/contracts/jobs';
import * as repo from './jobs.repo';

/** What a handler gets while it runs. */
export interface JobContext<P> {
  db: Database;
  params: P;
  jobId: string;
  requestedBy: string | null;
  /** When the job started (the app's clock). */
  now: Date;
  /** The file store (an import reads its upload from here). */
  storage: FileStorage;
  /**
   * Reports a step: `progress` steps done (of `total`, when it changes) and the step under way as an i18n key. Also
   * the heartbeat. Throws JobLostError when the job was taken back meanwhile (the handler then stops).
   */
  step: (progress: number, stepKey: string, total?: number) => Promise<void>;
}

/** A finished job's file. */
export interface JobResult {
  bytes: Buffer;
  fileName: string;
  contentType: string;
}

/** One kind of job: its parameters' schema, how many steps it takes, and the work. */
export interface JobHandler<P> {
  /** One of JOB_KINDS in the application (tests register their own). */
  kind: string;
  params: z.ZodType<P>;
  /** The number of steps for the bar (at least 1). */
  total(params: P): number;
  run(context: JobContext<P>): Promise<JobResult>;
  /**
   * Releases what the job holds outside its row (an upload waiting to be imported) when it fails for good without
   * its handler ending: its worker was lost on the last attempt.
   */
  abandon?(params: P, storage: FileStorage): Promise<void>;
}

/** A handler with its parameter type hidden, as the registry keeps it. */
export interface RegisteredJobHandler {
  kind: string;
  /** Checks raw parameters; throws a ZodError when they are bad. */
  prepare(raw: unknown): { params: Record<string, unknown>; total: number };
  run(context: JobContext<unknown>): Promise<JobResult>;
  /** Releases what the job holds (see JobHandler.abandon); nothing when the kind holds nothing or the params are bad. */
  abandon(raw: unknown, storage: FileStorage): Promise<void>;
}

/** Wraps a typed handler for the registry: parameters are checked by its schema on creation and again on run. */
export function defineJobHandler<P extends Record<string, unknown>>(
  handler: JobHandler<P>,
): RegisteredJobHandler {
  return {
    kind: handler.kind,
    prepare(raw) {
      const params = handler.params.parse(raw);
      return { params, total: Math.max(1, handler.total(params)) };
    },
    run: (context) => handler.run({ ...context, params: handler.params.parse(context.params) }),
    async abandon(raw, storage) {
      const parsed = handler.params.safeParse(raw);
      if (handler.abandon && parsed.success) {
        await handler.abandon(parsed.data, storage);
      }
    },
  };
}

/** The handlers by kind. */
export type JobRegistry = ReadonlyMap<string, RegisteredJobHandler>;

export function createJobRegistry(handlers: readonly RegisteredJobHandler[]): JobRegistry {
  const registry = new Map<string, RegisteredJobHandler>();
  for (const handler of handlers) {
    if (registry.has(handler.kind)) {
      throw new Error(`Two job handlers for ${handler.kind}`);
    }
    registry.set(handler.kind, handler);
  }
  return registry;
}

/** The job was taken back from this worker (it was thought dead); its work is dropped. */
export class JobLostError extends Error {
  override name = 'JobLostError';
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());
const asStatus = (value: string): JobStatus =>
  (JOB_STATUSES as readonly string[]).includes(value) ? (value as JobStatus) : 'failed';
const asErrorCode = (value: string | null): JobErrorCode | null =>
  value === null
    ? null
    : (JOB_ERROR_CODES as readonly string[]).includes(value)
      ? (value as JobErrorCode)
      : 'HANDLER_FAILED';

/** Expiry is on the database's clock (the clean-up's), not the app's. */
function isDownloadable(row: repo.JobRow): boolean {
  return row.status === 'succeeded' && row.resultStorageKey !== null && !row.isExpired;
}

function toJob(row: repo.JobRow): Job {
  const downloadable = isDownloadable(row);
  return {
    id: row.id,
    kind: row.kind,
    status: asStatus(row.status),
    progress: row.progress,
    total: row.total,
    stepKey: row.stepKey,
    createdAt: new Date(row.createdAt).toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    downloadUrl: downloadable ? jobDownloadPath(row.id) : null,
    fileName: downloadable ? row.resultFileName : null,
    contentType: downloadable ? row.resultContentType : null,
    bytes: downloadable ? row.resultBytes : null,
    errorCode: asErrorCode(row.errorCode),
    expiresAt: iso(row.expiresAt),
  };
}

/**
 * Queues a job of a handler's kind for the actor, its parameters checked by the handler's schema first (a bad one is
 * a programming error of the caller: its own contract checks user input). The caller kicks the worker.
 */
export async function createJob(
  db: Database,
  actor: Actor,
  handler: RegisteredJobHandler,
  rawParams: Record<string, unknown>,
): Promise<{ jobId: string }> {
  const { params, total } = handler.prepare(rawParams);
  const row = await repo.insertJob(db, { kind: handler.kind, params, requestedBy: actor.userId, total });
  return { jobId: row.id };
}

/** Whoever asked for the job, and officers, see it; anyone else gets NOT_FOUND (its existence is not told). */
async function getVisibleJob(db: Database, actor: Actor, id: string): Promise<repo.JobRow> {
  const row = await repo.findJob(db, id);
  if (!row || (row.requestedBy !== actor.userId && !isProjectOfficer(actor))) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

/** A job's status, progress, step and (once it succeeded, while kept) its download address. */
export async function getJob(db: Database, actor: Actor, id: string): Promise<Job> {
  return toJob(await getVisibleJob(db, actor, id));
}

/** The actor's own jobs, newest first (at most JOB_LIMITS.listMax). */
export async function listMyJobs(db: Database, actor: Actor): Promise<Job[]> {
  const rows = await repo.listJobsOf(db, actor.userId, JOB_LIMITS.listMax);
  return rows.map(toJob);
}

/**
 * A succeeded job's file. INVALID_STATE while it is queued or running or when it failed; NOT_FOUND once the file has
 * expired (or for a job the actor may not see).
 */
export async function readJobResult(
  db: Database,
  storage: FileStorage,
  actor: Actor,
  id: string,
): Promise<JobResult> {
  const row = await getVisibleJob(db, actor, id);
  if (row.status !== 'succeeded') {
    throw new AppError('INVALID_STATE', 'errors.insights.JOB_NOT_READY');
  }
  if (!isDownloadable(row) || row.resultStorageKey === null) {
    throw new AppError('NOT_FOUND', 'errors.insights.JOB_EXPIRED');
  }
  return {
    bytes: await storage.get(row.resultStorageKey),
    fileName: row.resultFileName ?? `${row.kind}.bin`,
    contentType: row.resultContentType ?? 'application/octet-stream',
  };
}

export interface JobWorkerOptions {
  registry: JobRegistry;
  storage: FileStorage;
  /** How often the worker looks for queued jobs (created jobs also kick it at once). */
  intervalMs: number;
  /** The time now (the app's clock). */
  clock: () => Date;
  /** How often a running job's heartbeat is bumped besides its steps (default: a quarter of the stale time). */
  heartbeatMs?: number;
  /** Told of every failure; `job` names the job when the failure was one job's. */
  onError: (error: unknown, job?: { id: string; kind: string }) => void;
}

/**
 * Runs one job: claims the oldest queued one, runs its handler with a heartbeat, stores the file and marks the job
 * succeeded (or failed with a code, never a stack). Returns false when none was queued.
 */
export async function runNextJob(db: Database, options: JobWorkerOptions): Promise<boolean> {
  const row = await repo.claimNextJob(db);
  if (!row) {
    return false;
  }
  const attempt = row.attempts;
  const handler = options.registry.get(row.kind);
  if (!handler) {
    await repo.failJob(db, row.id, attempt, 'UNKNOWN_KIND', JOB_LIMITS.failedHours);
    return true;
  }
  let lost = false;
  const heartbeat = setInterval(
    () => {
      repo.touchJob(db, row.id, attempt).then(
        (held) => {
          lost ||= !held;
        },
        (error: unknown) => options.onError(error, { id: row.id, kind: row.kind }),
      );
    },
    options.heartbeatMs ?? (JOB_LIMITS.staleSeconds * 1000) / 4,
  );
  heartbeat.unref();
  try {
    const result = await handler.run({
      db,
      params: row.params,
      jobId: row.id,
      requestedBy: row.requestedBy,
      now: options.clock(),
      storage: options.storage,
      async step(progress, stepKey, total) {
        if (lost) {
          throw new JobLostError(row.id);
        }
        const held = await repo.updateProgress(db, row.id, attempt, {
          progress: Math.max(0, Math.min(progress, total ?? row.total)),
          stepKey,
          ...(total === undefined ? {} : { total: Math.max(1, total) }),
        });
        if (!held) {
          lost = true;
          throw new JobLostError(row.id);
        }
        row.total = total ?? row.total;
      },
    });
    clearInterval(heartbeat);
    const storageKey = await options.storage.put('jobs', result.bytes);
    const done = await repo.completeJob(db, row.id, attempt, {
      storageKey,
      fileName: result.fileName,
      contentType: result.contentType,
      bytes: result.bytes.length,
      keepHours: JOB_LIMITS.resultHours,
    });
    if (!done) {
      // taken back meanwhile: the other run's file counts
      await options.storage.remove(storageKey);
    }
  } catch (error) {
    clearInterval(heartbeat);
    if (!(error instanceof JobLostError)) {
      options.onError(error, { id: row.id, kind: row.kind });
      const code: JobErrorCode = isZodError(error) ? 'BAD_PARAMS' : 'HANDLER_FAILED';
      await repo.failJob(db, row.id, attempt, code, JOB_LIMITS.failedHours);
    }
  }
  return true;
}

const isZodError = (error: unknown) => error instanceof Error && error.name === 'ZodError';

/**
 * Housekeeping: jobs whose worker died go back to the queue (or fail after JOB_LIMITS.maxAttempts, their kind told
 * to release what they held), and ended jobs past their expiry are deleted with their files.
 */
export async function tidyJobs(db: Database, storage: FileStorage, registry: JobRegistry): Promise<void> {
  const { failed } = await repo.reclaimStaleJobs(
    db,
    JOB_LIMITS.staleSeconds,
    JOB_LIMITS.maxAttempts,
    JOB_LIMITS.failedHours,
  );
  for (const job of failed) {
    await registry.get(job.kind)?.abandon(job.params, storage);
  }
  for (const expired of await repo.listExpiredJobs(db, 100)) {
    if (expired.resultStorageKey) {
      await storage.remove(expired.resultStorageKey);
    }
    await repo.deleteJob(db, expired.id);
  }
}

export interface JobWorker {
  /** Look for work now (a job was just created). */
  kick(): void;
  /** Resolves once the current round (if any) and the rounds kicked meanwhile are done. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The background worker of one instance: every `intervalMs` (and at once when kicked) it tidies (dead workers' jobs
 * taken back, expired results deleted) and runs queued jobs one after the other until none is left. Instances share
 * the queue through FOR UPDATE SKIP LOCKED, so a job runs once whichever instance claims it.
 */
export function startJobWorker(db: Database, options: JobWorkerOptions): JobWorker {
  return startPollLoop({
    intervalMs: options.intervalMs,
    async round(isStopped) {
      await tidyJobs(db, options.storage, options.registry);
      while (!isStopped() && (await runNextJob(db, options))) {
        // keep running while jobs are queued
      }
    },
    onError: options.onError,
  });
}
