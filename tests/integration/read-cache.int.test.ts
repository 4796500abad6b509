import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Counter } from 'prom-client';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { signedIn } from '@tests/factories/people';
import { createOpenCall } from '@tests/factories/calls';
import { currentEngine } from '@tests/setup/test-db';
import { awardedProject, type AwardedProject } from '@tests/factories/projects';
import { insertInnovation } from '@tests/factories/diffusion';
import { startDraft } from '@tests/factories/proposals';
import { queryRows } from '@server/db/client';
import { innovations } from '@server/db/schema/index';
import type { CatalogueList } from '@shared/contracts/innovation-catalogue';
import type { Pipeline, PublicImpact } from '@shared/contracts/dashboards';

// Cached reads (src/server/lib/read-cache.ts) must never show data older than the read: every table announces its
// committed changes, and a cached answer is served only after the changes committed before the read have arrived.

/** Tables no cached read shows; every other table announces its changes (migration data_change_notify). */
const QUIET_TABLES = [
  'audit_events',
  'auth_tokens',
  'call_receipt_counters',
  'email_outbox',
  'jobs',
  'notifications',
  'project_number_counters',
  'rate_limits',
  'sessions',
];

/** The test database has no districts loaded. */
const NO_AREA = { originDistrictCode: null, originSubdistrictCode: null };

let ctx: TestContext;
let project: AwardedProject;

beforeAll(async () => {
  ctx = await createTestApp();
  project = await awardedProject(ctx);
});
afterAll(async () => {
  await ctx.close();
});

async function lookupsOf(context: TestContext): Promise<Record<string, number>> {
  const metric = context.app.metrics.registry.getSingleMetric('read_cache_lookups_total') as
    Counter | undefined;
  const values = (await metric?.get())?.values ?? [];
  return Object.fromEntries(values.map((v) => [String(v.labels.result), v.value]));
}

const lookups = (): Promise<Record<string, number>> => lookupsOf(ctx);

async function catalogueTotal(limit = 5): Promise<number> {
  const response = await ctx.app.inject(`/api/innovations?scope=public&limit=${limit}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<CatalogueList>().page.total;
}

async function publicImpact(): Promise<PublicImpact> {
  const response = await ctx.app.inject('/api/public/impact');
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: PublicImpact }>().data;
}

describe('the read cache', () => {
  it('hears every table but those no cached read shows', async () => {
    const rows = await queryRows<{ table: string; triggers: number }>(
      ctx.database.db,
      sql`SELECT c.relname AS "table", count(t.oid)::int AS triggers
          FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
          LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND t.tgname LIKE 'announce_data_change%'
          WHERE c.relkind = 'r'
          GROUP BY c.relname`,
    );
    expect(rows.length).toBeGreaterThan(90);
    const quiet = rows.filter((r) => r.triggers === 0).map((r) => r.table);
    expect(quiet.sort()).toEqual(QUIET_TABLES);
  });

  it('serves an answer again until a change commits; a rolled-back change and a draft’s autosave keep it', async () => {
    expect(ctx.app.readCache.isLive).toBe(true);
    const first = await publicImpact();
    const before = await lookups();
    expect(await publicImpact()).toEqual(first);
    expect((await lookups()).hit).toBe((before.hit ?? 0) + 1);

    const changes = ctx.app.readCache.changes;
    await ctx.database.db
      .transaction(async (tx) => {
        await tx.update(innovations).set({ srl: 9 });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    const draft = await startDraft(project.owner.client, {
      callId: project.callId,
      organisationId: project.organisationId,
      titleTh: 'ร่างที่บันทึกอัตโนมัติ',
    });
    // The read's marker round trip: every announcement the creation committed has arrived once it answers.
    await publicImpact();
    const announcedByCreate = ctx.app.readCache.changes;
    expect(announcedByCreate).toBeGreaterThan(changes);
    const saved = await project.owner.client.patch(`/api/proposals/${draft.id}`, {
      version: draft.version,
      titleTh: 'ร่างที่แก้แล้ว',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const hits = (await lookups()).hit ?? 0;
    expect(await publicImpact()).toBeDefined();
    expect((await lookups()).hit).toBe(hits + 1);
    expect(ctx.app.readCache.changes).toBe(announcedByCreate);
  });

  it('shows a change made outside any request (a script, a job, another instance) to the very next read', async () => {
    for (let round = 0; round < 5; round += 1) {
      const total = await catalogueTotal();
      expect(await catalogueTotal()).toBe(total);
      const id = await insertInnovation(ctx, { titleTh: `นวัตกรรมรอบที่ ${round}`, ...NO_AREA });
      expect(await catalogueTotal()).toBe(total + 1);
      await ctx.database.db.update(innovations).set({ status: 'unpublished' }).where(eq(innovations.id, id));
      expect(await catalogueTotal()).toBe(total);
    }
  });

  it('never answers with figures from before a change committed just before the read began', async () => {
    const count = async (): Promise<number> =>
      (await queryRows<{ n: number }>(ctx.database.db, sql`SELECT count(*)::int AS n FROM innovations`))[0]
        ?.n ?? 0;
    const key = ['test', 'innovation count'];
    const first = await ctx.app.readCache.get(key, count);
    expect(await ctx.app.readCache.get(key, count)).toBe(first);
    for (let round = 1; round <= 5; round += 1) {
      await insertInnovation(ctx, { titleTh: `นวัตกรรมนับ ${round}`, ...NO_AREA });
      // Asked at once, in the same turn of the event loop as the insert's answer: its announcement may not be here.
      expect(await ctx.app.readCache.get(key, count)).toBe(first + round);
    }
  });

  it('shares one computation among concurrent readers and answers each of them alike', async () => {
    await insertInnovation(ctx, { titleTh: 'นวัตกรรมใหม่', ...NO_AREA });
    // A hit waits for every announcement committed before it: none is left to arrive during the batch below.
    await catalogueTotal();
    await catalogueTotal();
    const before = await lookups();
    const answers = await Promise.all(Array.from({ length: 12 }, () => catalogueTotal(7)));
    expect(new Set(answers).size).toBe(1);
    const after = await lookups();
    expect((after.miss ?? 0) - (before.miss ?? 0)).toBe(1);
    expect((after.hit ?? 0) - (before.hit ?? 0)).toBe(11);
  });

  it.runIf(currentEngine() === 'postgres')(
    'computes every read while its listener is away, and caches again once it is back',
    async () => {
      await catalogueTotal();
      await queryRows(
        ctx.database.db,
        sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
            WHERE datname = current_database() AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`,
      );
      for (let i = 0; i < 100 && ctx.app.readCache.isLive; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(ctx.app.readCache.isLive).toBe(false);
      const before = await lookups();
      const total = await catalogueTotal();
      await insertInnovation(ctx, { titleTh: 'นวัตกรรมระหว่างขาดการติดต่อ', ...NO_AREA });
      expect(await catalogueTotal()).toBe(total + 1);
      expect(((await lookups()).bypass ?? 0) - (before.bypass ?? 0)).toBeGreaterThanOrEqual(2);
      for (let i = 0; i < 300 && !ctx.app.readCache.isLive; i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(ctx.app.readCache.isLive).toBe(true);
      await catalogueTotal();
      const hits = (await lookups()).hit ?? 0;
      expect(await catalogueTotal()).toBe(total + 1);
      expect((await lookups()).hit).toBe(hits + 1);
    },
  );
});

describe('cached figures that depend on the time', () => {
  let clocked: TestContext;
  let now = new Date(TEST_NOW);

  beforeAll(async () => {
    clocked = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => now });
  });
  afterAll(async () => {
    await clocked.close();
  });

  it("the pipeline's open calls drop when a call closes, to the second, with no change to the data", async () => {
    const officer = await signedIn(clocked, 'officer@read-cache.test', 'programme_officer');
    await createOpenCall(officer.client, {
      call: { closesAt: '2026-12-15T17:00:00+07:00', fiscalYear: 2570 },
    });
    await createOpenCall(officer.client, {
      call: { closesAt: '2027-01-31T23:59:59+07:00', fiscalYear: 2570 },
    });
    const openCalls = async (): Promise<number> => {
      const response = await officer.client.get('/api/dashboards/pipeline?fiscalYear=2570');
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ data: Pipeline }>().data.stages.find((s) => s.stage === 'calls')?.detail ?? -1;
    };
    now = new Date('2026-12-15T09:59:59.000Z');
    expect(await openCalls()).toBe(2);
    const hits = (await lookupsOf(clocked)).hit ?? 0;
    expect(await openCalls()).toBe(2);
    expect((await lookupsOf(clocked)).hit).toBe(hits + 1);
    now = new Date('2026-12-15T10:00:00.000Z');
    expect(await openCalls()).toBe(1);
    now = new Date('2027-01-31T16:59:58.999Z');
    expect(await openCalls()).toBe(1);
    now = new Date('2027-01-31T17:00:00.000Z');
    expect(await openCalls()).toBe(0);
  });
});
