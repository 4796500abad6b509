import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type DbOrTx } from '@server/db/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createTestDatabase, currentEngine } from '@tests/setup/test-db';
import { TestClient } from '@tests/helpers/client';
import { generateScaleData, SCALE_PASSWORD, ScaleDataError, type ScaleSummary } from './generate';
import { SIZES, scaleSize } from './sizes';
import { checkForeignKeys, checkScaleInvariants } from './verify';

// A tiny national data set (1/2000 of the full size) on the engine of this run: the application's invariants hold,
// the same seed makes the same rows, and the officer's, the catalogue's and the applicant's pages work on it. Places
// stop at the province here (no district and subdistrict import, which would double the test's time); the full runs
// of `npm run seed:scale` place everything in its subdistrict.
const AS_OF = '2026-11-20';
const size = scaleSize(SIZES.national, 0.0005);
const options = (seed: number) => ({
  size,
  seed,
  asOf: AS_OF,
  seedDir: path.resolve('db', 'seed'),
});

let ctx: TestContext;
let summary: ScaleSummary;

beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => new Date(`${AS_OF}T05:00:00.000Z`) });
  summary = await generateScaleData(ctx.database, options(42));
});

afterAll(async () => {
  await ctx.close();
});

/** A digest of a table's rows in id order: equal digests, equal rows. */
async function digest(db: DbOrTx, table: string, columns: string): Promise<string> {
  const [row] = await queryRows<{ d: string }>(
    db,
    sql.raw(
      `SELECT md5(coalesce(string_agg(concat_ws('|', ${columns}), ',' ORDER BY id), '')) AS d FROM ${table}`,
    ),
  );
  return row?.d ?? '';
}

const DIGESTS: ReadonlyArray<[string, string]> = [
  ['users', 'id, email, name, password_hash, created_at'],
  ['organisations', 'id, name_th, type, province_code, subdistrict_code'],
  [
    'proposals',
    'id, call_id, title_th, status, receipt_number, requested_satang, search_text, answers::text',
  ],
  ['reviews', 'id, proposal_id, reviewer_id, weighted_score, scores::text'],
  ['projects', 'id, agreement_number, award_satang, status, starts_on, agreement_sha256'],
  ['project_indicator_values', 'id, value, period_end, status'],
  ['innovations', 'id, title_th, status, search_text'],
  ['adoptions', 'id, innovation_id, province_code, status, adopted_on'],
];

describe(`scale data on ${currentEngine()}`, () => {
  it('writes the counts asked for, in every table of the flow', () => {
    const rows = summary.rows;
    expect(rows.proposals).toBe(size.proposals);
    expect(rows.organisations).toBe(size.organisations);
    expect(rows.users).toBe(size.users);
    expect(rows.organisation_members ?? 0).toBeGreaterThanOrEqual(size.organisations);
    expect(rows.innovations).toBe(size.innovations);
    expect(rows.reviews ?? 0).toBeGreaterThan(size.reviews * 0.7);
    expect(rows.reviews ?? 0).toBeLessThan(size.reviews * 1.3);
    expect(rows.projects ?? 0).toBeGreaterThan(size.projects * 0.7);
    expect(rows.projects ?? 0).toBeLessThanOrEqual(size.projects);
    expect(rows.project_indicator_values ?? 0).toBeGreaterThan(size.indicatorValues * 0.5);
    expect(rows.adoptions ?? 0).toBeGreaterThan(size.adoptions * 0.9);
    for (const table of ['decisions', 'project_instalments', 'project_reports', 'adoption_events', 'calls']) {
      expect(rows[table] ?? 0, table).toBeGreaterThan(0);
    }
  });

  it("keeps the application's invariants and every foreign key", async () => {
    const results = [
      ...(await checkScaleInvariants(ctx.database.db)),
      ...(await checkForeignKeys(ctx.database.db)),
    ];
    expect(results.filter((r) => r.violations > 0)).toEqual([]);
    expect(results.length).toBeGreaterThan(50);
  });

  it('makes the same rows from the same seed, and refuses a database that has data', async () => {
    const again = await createTestDatabase(currentEngine());
    try {
      await generateScaleData(again, options(42));
      for (const [table, columns] of DIGESTS) {
        expect(await digest(again.db, table, columns), table).toBe(
          await digest(ctx.database.db, table, columns),
        );
      }
    } finally {
      await again.destroy();
    }
    await expect(generateScaleData(ctx.database, options(42))).rejects.toThrow(ScaleDataError);
  });

  it('serves the officer, the catalogue, the dashboards, the open data and the applicant', async () => {
    const officer = new TestClient(ctx.app);
    expect((await officer.signIn(summary.accounts.officer, SCALE_PASSWORD)).statusCode).toBe(200);
    const busiest = summary.busiestCall;
    expect(busiest).not.toBeNull();
    const intake = await officer.get(`/api/calls/${busiest?.id ?? ''}/proposals`);
    expect(intake.statusCode).toBe(200);
    expect(intake.json<{ data: unknown[] }>().data.length).toBeGreaterThan(0);
    for (const url of ['/api/dashboards/pipeline', '/api/dashboards/disbursement', '/api/coverage']) {
      expect((await officer.get(url)).statusCode, url).toBe(200);
    }

    const visitor = new TestClient(ctx.app);
    const catalogue = await visitor.get('/api/innovations');
    expect(catalogue.statusCode).toBe(200);
    expect(catalogue.json<{ data: unknown[] }>().data.length).toBeGreaterThan(0);
    const search = await visitor.get(`/api/innovations?q=${encodeURIComponent('ชุมชน')}`);
    expect(search.statusCode).toBe(200);
    expect(search.json<{ data: unknown[] }>().data.length).toBeGreaterThan(0);
    const awards = await visitor.get('/api/open/v1/datasets/awards?pageSize=10');
    expect(awards.statusCode).toBe(200);
    expect(awards.json<{ data: unknown[] }>().data.length).toBeGreaterThan(0);

    const applicant = new TestClient(ctx.app);
    expect((await applicant.signIn(summary.accounts.applicant, SCALE_PASSWORD)).statusCode).toBe(200);
    const draftId = summary.sampleDraft?.proposalId ?? '';
    const draft = await applicant.get(`/api/proposals/${draftId}`);
    expect(draft.statusCode).toBe(200);
    const { version } = draft.json<{ data: { version: number } }>().data;
    const saved = await applicant.patch(`/api/proposals/${draftId}`, {
      version,
      titleTh: 'ธนาคารขยะรีไซเคิลโดยชุมชน (แก้ไข)',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<{ data: { version: number } }>().data.version).toBe(version + 1);
  });
});
