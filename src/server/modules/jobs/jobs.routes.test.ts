import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { signedIn, type Person } from '@tests/factories/people';
import { jobs as jobsTable } from '@server/db/schema/index';
import type { Job } from '@shared/contracts/jobs';
import * as repo from './jobs.repo';
import {
  createJobRegistry,
  defineJobHandler,
  runNextJob,
  startJobWorker,
  tidyJobs,
  type JobWorkerOptions,
} from './jobs.service';

let ctx: TestContext;
let owner: Person;
let other: Person;
let officer: Person;

/** A promise with its resolve function, to hold a handler between steps. */
function gate() {
  let open: () => void = () => {};
  const promise = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { promise, open };
}

const runs = new Map<string, number>();
const abandoned: string[] = [];
let held: { reached: ReturnType<typeof gate>; release: ReturnType<typeof gate> } | null = null;

const stepped = defineJobHandler({
  kind: 'test-stepped',
  params: z.object({ text: z.string(), steps: z.int().min(1) }),
  total: (p) => p.steps,
  async run({ params, step, jobId }) {
    runs.set(jobId, (runs.get(jobId) ?? 0) + 1);
    for (let i = 0; i < params.steps; i += 1) {
      await step(i, `test.step${i}`);
      if (i === 0 && held) {
        held.reached.open();
        await held.release.promise;
      }
    }
    return {
      bytes: Buffer.from(`${params.text} ข้อความไทย`, 'utf8'),
      fileName: 'ผลลัพธ์.txt',
      contentType: 'text/plain',
    };
  },
  async abandon(params) {
    abandoned.push(params.text);
  },
});

const failing = defineJobHandler({
  kind: 'test-failing',
  params: z.object({}),
  total: () => 1,
  run: async () => {
    throw new Error('boom');
  },
});

function options(overrides: Partial<JobWorkerOptions> = {}): JobWorkerOptions {
  return {
    registry: createJobRegistry([stepped, failing]),
    storage: ctx.app.fileStorage,
    intervalMs: 600_000,
    clock: () => new Date(),
    onError: () => {},
    ...overrides,
  };
}

async function queue(kind: string, params: Record<string, unknown>, by: Person = owner, total = 1) {
  const row = await repo.insertJob(ctx.database.db, { kind, params, requestedBy: by.userId, total });
  return row.id;
}

async function jobOf(person: Person, id: string) {
  return person.client.get(`/api/jobs/${id}`);
}

beforeAll(async () => {
  ctx = await createTestApp();
  // the application's own worker knows no test kinds: stop it, the tests run their own
  await ctx.app.jobs.stop();
  owner = await signedIn(ctx, 'owner@jobs.test');
  other = await signedIn(ctx, 'other@jobs.test');
  officer = await signedIn(ctx, 'officer@jobs.test', 'programme_officer');
});

afterAll(async () => {
  await ctx.close();
});

describe('job queue', () => {
  it('runs a job to the end: progress moves, the step shows, then the file downloads (owner and officers only)', async () => {
    held = { reached: gate(), release: gate() };
    const id = await queue('test-stepped', { text: 'hello', steps: 3 }, owner, 3);
    const queued = await jobOf(owner, id);
    expect(queued.statusCode, queued.body).toBe(200);
    expect(queued.json<{ data: Job }>().data).toMatchObject({ status: 'queued', progress: 0, total: 3 });

    const worker = startJobWorker(ctx.database.db, options());
    await held.reached.promise;
    const running = (await jobOf(owner, id)).json<{ data: Job }>().data;
    expect(running).toMatchObject({
      status: 'running',
      progress: 0,
      stepKey: 'test.step0',
      downloadUrl: null,
    });
    const early = await owner.client.get(`/api/jobs/${id}/download`);
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');

    held.release.open();
    await worker.idle();
    await worker.stop();
    held = null;
    const done = (await jobOf(owner, id)).json<{ data: Job }>().data;
    expect(done).toMatchObject({ status: 'succeeded', progress: 3, total: 3, fileName: 'ผลลัพธ์.txt' });
    expect(done.downloadUrl).toBe(`/api/jobs/${id}/download`);
    expect(done.expiresAt).not.toBeNull();

    const file = await owner.client.get(`/api/jobs/${id}/download`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('text/plain');
    expect(file.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(file.body).toBe('hello ข้อความไทย');
    expect((await officer.client.get(`/api/jobs/${id}/download`)).statusCode).toBe(200);

    expect((await jobOf(other, id)).statusCode).toBe(404);
    expect((await other.client.get(`/api/jobs/${id}/download`)).statusCode).toBe(404);
    expect((await new TestClient(ctx.app).get(`/api/jobs/${id}`)).statusCode).toBe(401);

    const mine = await owner.client.get('/api/jobs');
    expect(mine.statusCode).toBe(200);
    expect(mine.json<{ data: Job[] }>().data.map((j) => j.id)).toContain(id);
    const theirs = await other.client.get('/api/jobs');
    expect(theirs.json<{ data: Job[] }>().data.map((j) => j.id)).not.toContain(id);
  });

  it('answers 400 for a malformed id and 404 for an unknown one', async () => {
    expect((await owner.client.get('/api/jobs/not-a-uuid')).statusCode).toBe(400);
    expect((await owner.client.get('/api/jobs/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('never runs a job twice when two workers share the queue', async () => {
    const ids = [];
    for (let i = 0; i < 6; i += 1) {
      ids.push(await queue('test-stepped', { text: `n${i}`, steps: 2 }, owner, 2));
    }
    const a = startJobWorker(ctx.database.db, options());
    const b = startJobWorker(ctx.database.db, options());
    await Promise.all([a.idle(), b.idle()]);
    await Promise.all([a.stop(), b.stop()]);
    for (const id of ids) {
      expect(runs.get(id)).toBe(1);
      const row = await repo.findJob(ctx.database.db, id);
      expect(row?.status).toBe('succeeded');
      expect(row?.attempts).toBe(1);
    }
  });

  it('fails a job whose handler throws, and one of an unknown kind, with a code and no stack', async () => {
    const bad = await queue('test-failing', {});
    const unknown = await queue('no-such-kind', {});
    const reported: { message: string; job?: { id: string; kind: string } }[] = [];
    const opts = options({
      onError: (error, job) => reported.push({ message: (error as Error).message, ...(job ? { job } : {}) }),
    });
    while (await runNextJob(ctx.database.db, opts)) {
      // run both
    }
    const badJob = (await jobOf(owner, bad)).json<{ data: Job }>().data;
    expect(badJob).toMatchObject({ status: 'failed', errorCode: 'HANDLER_FAILED', downloadUrl: null });
    expect((await jobOf(owner, unknown)).json<{ data: Job }>().data.errorCode).toBe('UNKNOWN_KIND');
    expect((await owner.client.get(`/api/jobs/${bad}/download`)).statusCode).toBe(409);
    // the failure is reported with the job it belongs to, for the log line
    expect(reported).toEqual([{ message: 'boom', job: { id: bad, kind: 'test-failing' } }]);
  });

  it('takes back the job of a dead worker, and fails it after the last attempt', async () => {
    const db = ctx.database.db;
    const id = await queue('test-stepped', { text: 'again', steps: 1 });
    // a worker claimed it and died: running, no heartbeat for an hour
    expect((await repo.claimNextJob(db))?.id).toBe(id);
    await db
      .update(jobsTable)
      .set({ heartbeatAt: sql`now() - interval '1 hour'` })
      .where(eq(jobsTable.id, id));
    // a live job is left alone
    const live = await queue('test-stepped', { text: 'live', steps: 1 });
    await db
      .update(jobsTable)
      .set({ status: 'running', heartbeatAt: sql`now()`, attempts: 1 })
      .where(eq(jobsTable.id, live));

    await tidyJobs(db, ctx.app.fileStorage, options().registry);
    expect((await repo.findJob(db, id))?.status).toBe('queued');
    expect((await repo.findJob(db, live))?.status).toBe('running');
    expect(await runNextJob(db, options())).toBe(true);
    const again = await repo.findJob(db, id);
    expect(again).toMatchObject({ status: 'succeeded', attempts: 2 });

    await db
      .update(jobsTable)
      .set({ status: 'running', attempts: 3, heartbeatAt: sql`now() - interval '1 hour'` })
      .where(eq(jobsTable.id, live));
    await tidyJobs(db, ctx.app.fileStorage, options().registry);
    expect(await repo.findJob(db, live)).toMatchObject({ status: 'failed', errorCode: 'WORKER_LOST' });
    // failed for good: its kind is told, once, to release what it held; the job retried was not
    expect(abandoned).toEqual(['live']);
    await tidyJobs(db, ctx.app.fileStorage, options().registry);
    expect(abandoned).toEqual(['live']);
  });

  it('drops the work of a worker whose job was taken back meanwhile', async () => {
    const db = ctx.database.db;
    held = { reached: gate(), release: gate() };
    const id = await queue('test-stepped', { text: 'lost', steps: 2 }, owner, 2);
    const run = runNextJob(db, options());
    await held.reached.promise;
    // thought dead: taken back and claimed by another worker (attempt 2)
    await db.update(jobsTable).set({ status: 'queued' }).where(eq(jobsTable.id, id));
    expect((await repo.claimNextJob(db))?.attempts).toBe(2);
    held.release.open();
    await run;
    held = null;
    const row = await repo.findJob(db, id);
    expect(row).toMatchObject({ status: 'running', attempts: 2, resultStorageKey: null });
    await db.update(jobsTable).set({ status: 'failed' }).where(eq(jobsTable.id, id));
  });

  it('deletes expired jobs with their files', async () => {
    const db = ctx.database.db;
    const id = await queue('test-stepped', { text: 'old', steps: 1 });
    expect(await runNextJob(db, options())).toBe(true);
    const row = await repo.findJob(db, id);
    const key = row?.resultStorageKey;
    expect(key).toBeTruthy();
    await db
      .update(jobsTable)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(jobsTable.id, id));
    expect((await owner.client.get(`/api/jobs/${id}/download`)).statusCode).toBe(404);
    await tidyJobs(db, ctx.app.fileStorage, options().registry);
    expect(await repo.findJob(db, id)).toBeUndefined();
    await expect(ctx.app.fileStorage.get(key ?? '')).rejects.toThrow();
  });
});
