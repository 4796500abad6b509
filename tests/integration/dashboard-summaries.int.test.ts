import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import type { TestClient } from '@tests/helpers/client';
import { signedIn, type Person } from '@tests/factories/people';
import { awardedProject, type AwardedProject } from '@tests/factories/projects';
import { libraryIndicator, projectIndicator } from '@tests/factories/impact-report';
import { insertInnovation } from '@tests/factories/diffusion';
import { startDraft } from '@tests/factories/proposals';
import { queryRows, type Database, type DbOrTx } from '@server/db/client';
import {
  adoptions,
  callPipelineCounts,
  calls,
  coverageAdoptionTallies,
  decisions,
  impactIndicators,
  innovations,
  programmes,
  projectIndicatorRollups,
  projectIndicatorValues,
  projects,
  proposals,
} from '@server/db/schema/index';
import { createRandom, type Random } from '@server/scale/random';
import type { Coverage } from '@shared/contracts/coverage';
import type { Outcomes, Pipeline, PublicImpact } from '@shared/contracts/dashboards';

// The dashboards' summaries are kept by triggers as rows change. After any sequence of writes they must equal what
// rebuild_dashboard_summaries() computes from scratch, and the endpoints must give the figures of the base tables.

let ctx: TestContext;
let db: Database;
let officer: Person;
let projectsMade: AwardedProject[];
let programmeIds: string[];
let projectIndicatorIds: string[];
let innovationIds: string[];
const drafts: string[] = [];
/** The test database has no districts loaded. */
const noArea = { originDistrictCode: null, originSubdistrictCode: null };

const PROVINCES = [10, 57, 58, 96] as const;
const THEMES = [[], ['health'], ['health', 'tourism_culture'], ['sustainable_agriculture']] as const;
/** Adoption dates on both sides of fiscal-year boundaries (1 October). */
const ADOPTED_ON = [null, '2025-09-30', '2025-10-01', '2026-09-30', '2026-10-01', '2027-02-15'] as const;
/** Period ends with ties, so that "latest" also has to break them by entry. */
const PERIOD_ENDS = ['2026-03-31', '2026-06-30', '2026-06-30', '2026-12-31'] as const;

async function getData<T>(client: TestClient | null, path: string): Promise<T> {
  const response = client ? await client.get(path) : await ctx.app.inject({ method: 'GET', url: path });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: T }>().data;
}

/** The three summaries, every row, in a stable order. */
async function readSummaries(on: DbOrTx) {
  return {
    rollups: await on
      .select()
      .from(projectIndicatorRollups)
      .orderBy(asc(projectIndicatorRollups.projectIndicatorId)),
    pipeline: await on.select().from(callPipelineCounts).orderBy(asc(callPipelineCounts.callId)),
    tallies: await on
      .select()
      .from(coverageAdoptionTallies)
      .orderBy(
        asc(coverageAdoptionTallies.innovationId),
        asc(coverageAdoptionTallies.provinceCode),
        asc(coverageAdoptionTallies.fiscalYear),
      ),
  };
}

/** The summaries as rebuilt from scratch, read inside a transaction that is then rolled back. */
async function rebuiltSummaries() {
  let rebuilt: Awaited<ReturnType<typeof readSummaries>> | null = null;
  await db
    .transaction(async (tx) => {
      await tx.execute(sql`SELECT rebuild_dashboard_summaries()`);
      rebuilt = await readSummaries(tx);
      tx.rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Error) || !error.message.includes('Rollback')) {
        throw error;
      }
    });
  if (!rebuilt) {
    throw new Error('no rebuilt summaries');
  }
  return rebuilt;
}

async function expectSummariesUpToDate(step: string) {
  const kept = await readSummaries(db);
  expect(kept, step).toEqual(await rebuiltSummaries());
}

const pick = <T>(random: Random, items: readonly T[]): T => random.pick(items);

async function anyRow<T>(random: Random, rows: Promise<T[]>): Promise<T | undefined> {
  const all = await rows;
  return all.length === 0 ? undefined : pick(random, all);
}

/** One random write; returns what it did (for the failure message). */
async function randomWrite(random: Random): Promise<string> {
  const callIds = projectsMade.map((p) => p.callId);
  const kind = random.int(0, 13);
  switch (kind) {
    case 0:
    case 1: {
      const piId = pick(random, projectIndicatorIds);
      const [pi] = await queryRows<{ project_id: string }>(
        db,
        sql`SELECT project_id FROM project_indicators WHERE id = ${piId}`,
      );
      await db.insert(projectIndicatorValues).values({
        projectId: pi?.project_id ?? '',
        projectIndicatorId: piId,
        periodEnd: pick(random, PERIOD_ENDS),
        value: random.int(-40, 4000) / 4,
        status: pick(random, ['submitted', 'verified', 'verified', 'queried'] as const),
      });
      return 'value inserted';
    }
    case 2: {
      const row = await anyRow(
        random,
        db.select({ id: projectIndicatorValues.id }).from(projectIndicatorValues),
      );
      if (row) {
        await db
          .update(projectIndicatorValues)
          .set({
            status: pick(random, ['submitted', 'verified', 'queried'] as const),
            value: random.int(0, 1000) / 8,
            periodEnd: pick(random, PERIOD_ENDS),
          })
          .where(eq(projectIndicatorValues.id, row.id));
      }
      return 'value updated';
    }
    case 3: {
      const row = await anyRow(
        random,
        db.select({ id: projectIndicatorValues.id }).from(projectIndicatorValues),
      );
      if (row) {
        await db.delete(projectIndicatorValues).where(eq(projectIndicatorValues.id, row.id));
      }
      return 'value deleted';
    }
    case 4: {
      // several rows in one statement
      const project = pick(random, projectsMade);
      await db
        .update(projectIndicatorValues)
        .set({ status: pick(random, ['verified', 'queried'] as const) })
        .where(eq(projectIndicatorValues.projectId, project.projectId));
      return 'values of a project verified or queried at once';
    }
    case 5: {
      const row = await anyRow(random, db.select({ id: proposals.id }).from(proposals));
      if (row) {
        const submitted = random.chance(0.7);
        await db
          .update(proposals)
          .set({
            status: submitted ? pick(random, ['submitted', 'returned', 'withdrawn'] as const) : 'draft',
            submittedAt: submitted || random.chance(0.2) ? new Date() : null,
            stage: pick(random, ['proposal', 'concept', 'full'] as const),
            isEligible: pick(random, [null, 0, 1]),
            requestedSatang: random.int(1, 5000) * 10_000,
            callId: pick(random, callIds),
          })
          .where(eq(proposals.id, row.id));
      }
      return 'proposal updated';
    }
    case 6: {
      const project = pick(random, projectsMade);
      const draft = await startDraft(project.owner.client, {
        callId: project.callId,
        organisationId: project.organisationId,
        titleTh: `ข้อเสนอทดสอบ ${drafts.length + 1}`,
      });
      drafts.push(draft.id);
      await db
        .update(proposals)
        .set({ status: 'submitted', submittedAt: new Date(), requestedSatang: random.int(1, 900) * 100_000 })
        .where(eq(proposals.id, draft.id));
      return 'proposal created and submitted';
    }
    case 7: {
      const id = drafts.pop();
      if (id) {
        await db.delete(proposals).where(eq(proposals.id, id));
      }
      return 'proposal deleted';
    }
    case 8: {
      const row = await anyRow(random, db.select({ id: decisions.id }).from(decisions));
      if (row) {
        await db
          .update(decisions)
          .set({
            outcome: pick(random, ['award', 'award', 'reject', 'waitlist'] as const),
            notifiedAt: random.chance(0.5) ? new Date() : null,
            amountSatang: random.chance(0.8) ? random.int(1, 900) * 100_000 : null,
          })
          .where(eq(decisions.id, row.id));
      }
      return 'decision updated';
    }
    case 9: {
      await db.insert(adoptions).values({
        innovationId: pick(random, innovationIds),
        provinceCode: pick(random, PROVINCES),
        adopterName: `ผู้นำไปใช้ ${random.int(1, 9999)}`,
        adopterType: 'local_government',
        status: pick(random, ['interested', 'planning', 'adopted', 'sustained'] as const),
        statusOn: '2027-01-10',
        interestedOn: '2025-06-01',
        adoptedOn: pick(random, ADOPTED_ON),
        beneficiaries: random.chance(0.3)
          ? []
          : [
              { group: 'elderly', count: random.int(0, 300) },
              { group: 'children_youth', count: random.int(0, 300) },
            ],
      });
      return 'adoption inserted';
    }
    case 10: {
      const row = await anyRow(random, db.select({ id: adoptions.id }).from(adoptions));
      if (row) {
        if (random.chance(0.3)) {
          await db.delete(adoptions).where(eq(adoptions.id, row.id));
          return 'adoption deleted';
        }
        await db
          .update(adoptions)
          .set({
            status: pick(random, ['planning', 'implementing', 'adopted', 'sustained'] as const),
            adoptedOn: pick(random, ADOPTED_ON),
            provinceCode: pick(random, PROVINCES),
            innovationId: random.chance(0.2) ? pick(random, innovationIds) : undefined,
            beneficiaries: [{ group: 'farmers', count: random.int(0, 500) }],
          })
          .where(eq(adoptions.id, row.id));
      }
      return 'adoption updated';
    }
    case 11: {
      // an innovation comes from one project at most, and a project has one innovation: its own or none
      const index = random.int(0, innovationIds.length - 1);
      const own = index < projectsMade.length ? (projectsMade[index]?.projectId ?? null) : null;
      await db
        .update(innovations)
        .set({
          status: pick(random, ['draft', 'published', 'published', 'unpublished'] as const),
          themes: [...pick(random, THEMES)],
          programmeId: random.chance(0.5) ? null : pick(random, programmeIds),
          projectId: random.chance(0.3) ? null : own,
        })
        .where(eq(innovations.id, innovationIds[index] ?? ''));
      return 'innovation updated';
    }
    case 12: {
      await db
        .update(calls)
        .set({ programmeId: pick(random, programmeIds) })
        .where(eq(calls.id, pick(random, callIds)));
      return 'call moved to another programme';
    }
    default: {
      await db
        .update(projects)
        .set({
          callId: pick(random, callIds),
          themes: [...pick(random, THEMES)],
          provinceCodes: [pick(random, PROVINCES)],
        })
        .where(eq(projects.id, pick(random, projectsMade).projectId));
      return 'project moved to another call';
    }
  }
}

beforeAll(async () => {
  ctx = await createTestApp();
  db = ctx.database.db;
  officer = await signedIn(ctx, 'officer@summaries.test', 'programme_officer');
  projectsMade = [
    await awardedProject(ctx, { officer, awardSatang: 100_000_001 }),
    await awardedProject(ctx, { officer, awardSatang: 40_000_000 }),
  ];
  programmeIds = (await db.select({ id: programmes.id }).from(programmes)).map((p) => p.id);
  projectIndicatorIds = [];
  for (const aggregation of ['sum', 'mean', 'latest'] as const) {
    const library = await libraryIndicator(ctx, { aggregation });
    await db
      .update(impactIndicators)
      .set({ sdgTargets: aggregation === 'sum' ? ['1.2', '1.4', '10.1'] : ['3.8'] })
      .where(eq(impactIndicators.id, library.id));
    for (const project of projectsMade) {
      projectIndicatorIds.push(
        await projectIndicator(ctx, project.projectId, {
          indicatorId: library.id,
          code: library.code,
          aggregation,
        }),
      );
    }
  }
  projectIndicatorIds.push(await projectIndicator(ctx, projectsMade[0]?.projectId ?? '', { code: 'OWN-1' }));
  innovationIds = [
    await insertInnovation(ctx, { ...noArea, projectId: projectsMade[0]?.projectId ?? null }),
    await insertInnovation(ctx, {
      ...noArea,
      projectId: projectsMade[1]?.projectId ?? null,
      themes: ['health'],
    }),
    await insertInnovation(ctx, { ...noArea, status: 'draft', publishedAt: null }),
    await insertInnovation(ctx, { ...noArea, programmeId: programmeIds[0] ?? null }),
  ];
}, 180_000);

afterAll(async () => {
  await ctx.close();
});

describe('dashboard summaries', () => {
  it('equal their rebuild from scratch after every random write', async () => {
    const random = createRandom(`summaries-${ctx.database.engine}`);
    await expectSummariesUpToDate('after setup');
    const done: string[] = [];
    for (let i = 0; i < 90; i += 1) {
      done.push(await randomWrite(random));
      if (i % 3 === 2) {
        await expectSummariesUpToDate(done.join(' → '));
      }
    }
    await expectSummariesUpToDate(done.join(' → '));
    // the sequence reached every summary
    const kept = await readSummaries(db);
    expect(kept.rollups.length).toBeGreaterThan(0);
    expect(kept.pipeline.length).toBeGreaterThan(0);
    expect(kept.tallies.length).toBeGreaterThan(0);

    // cascades: deleting a project indicator and an innovation takes their summary rows with them
    const piId = kept.rollups[0]?.projectIndicatorId ?? '';
    await db.execute(sql`DELETE FROM project_indicators WHERE id = ${piId}`);
    await db.delete(innovations).where(eq(innovations.id, kept.tallies[0]?.innovationId ?? ''));
    await expectSummariesUpToDate('after cascading deletes');
  }, 300_000);

  it('give the endpoints the figures of the base tables', async () => {
    const pipeline = await getData<Pipeline>(officer.client, '/api/dashboards/pipeline');
    const [proposalFacts] = await db
      .select({
        count: sql<number>`count(*)::int`,
        eligible: sql<number>`(count(*) FILTER (WHERE ${proposals.isEligible} = 1))::int`,
        requested: sql<string>`coalesce(sum(${proposals.requestedSatang}), 0)::bigint`,
      })
      .from(proposals)
      .where(
        and(
          inArray(proposals.callId, db.select({ id: calls.id }).from(calls).where(ne(calls.status, 'draft'))),
          ne(proposals.status, 'draft'),
          isNotNull(proposals.submittedAt),
          ne(proposals.stage, 'full'),
        ),
      );
    const [awardFacts] = await db
      .select({
        count: sql<number>`count(*)::int`,
        notified: sql<number>`(count(*) FILTER (WHERE ${decisions.notifiedAt} IS NOT NULL))::int`,
        awarded: sql<string>`coalesce(sum(${decisions.amountSatang}), 0)::bigint`,
      })
      .from(decisions)
      .where(
        and(
          inArray(decisions.callId, db.select({ id: calls.id }).from(calls).where(ne(calls.status, 'draft'))),
          eq(decisions.outcome, 'award'),
        ),
      );
    const stage = (name: string) => pipeline.stages.find((s) => s.stage === name);
    expect(stage('proposals')).toMatchObject({
      count: proposalFacts?.count,
      detail: proposalFacts?.eligible,
    });
    expect(stage('awards')).toMatchObject({ count: awardFacts?.count, detail: awardFacts?.notified });
    expect(pipeline.requestedSatang).toBe(Number(proposalFacts?.requested));
    expect(pipeline.awardedSatang).toBe(Number(awardFacts?.awarded));

    // coverage: adoptions of published innovations that reached adoption, per province, from the base rows
    const coverage = await getData<Coverage>(null, '/api/coverage');
    const reached = await queryRows<{ province_code: number; counted: number; beneficiaries: string }>(
      db,
      sql`SELECT a.province_code, (count(*) FILTER (WHERE a.status IN ('adopted', 'sustained')))::int AS counted,
                 coalesce(sum((SELECT coalesce(sum((b ->> 'count')::int), 0) FROM jsonb_array_elements(a.beneficiaries) b)), 0)::bigint AS beneficiaries
            FROM adoptions a JOIN innovations i ON i.id = a.innovation_id
           WHERE i.status = 'published' AND a.adopted_on IS NOT NULL
           GROUP BY a.province_code`,
    );
    for (const code of PROVINCES) {
      const row = reached.find((r) => Number(r.province_code) === code);
      expect(
        coverage.provinces.find((p) => p.code === code),
        `province ${code}`,
      ).toMatchObject({
        adoptions: row ? Number(row.counted) : 0,
        beneficiaries: row ? Number(row.beneficiaries) : 0,
      });
    }
    const [projectFacts] = await queryRows<{ total: string }>(
      db,
      sql`SELECT coalesce(sum(award_satang), 0)::bigint AS total FROM projects`,
    );
    expect(coverage.totals.grantSatang).toBe(Number(projectFacts?.total));

    // outcomes and public impact: verified values counted from the base rows
    const outcomes = await getData<Outcomes>(officer.client, '/api/dashboards/outcomes');
    const [valueFacts] = await db
      .select({
        count: sql<number>`count(*)::int`,
        verified: sql<number>`(count(*) FILTER (WHERE ${projectIndicatorValues.status} = 'verified'))::int`,
      })
      .from(projectIndicatorValues);
    expect(outcomes.totals.valueCount).toBe(valueFacts?.count);
    expect(outcomes.totals.verifiedCount).toBe(valueFacts?.verified);
    const impact = await getData<PublicImpact>(null, '/api/public/impact');
    const sums = await queryRows<{ code: string; aggregation: string; value: number }>(
      db,
      sql`SELECT ii.code, pi.aggregation, v.value::float8 AS value, v.project_id
            FROM project_indicator_values v
            JOIN project_indicators pi ON pi.id = v.project_indicator_id
            JOIN impact_indicators ii ON ii.id = pi.indicator_id
           WHERE v.status = 'verified' AND pi.aggregation = 'sum'`,
    );
    for (const outcome of impact.outcomes.filter((o) => o.aggregation === 'sum')) {
      const expected = sums.filter((s) => s.code === outcome.code).reduce((a, s) => a + Number(s.value), 0);
      expect(outcome.value).toBeCloseTo(expected, 6);
    }
  }, 120_000);
});
