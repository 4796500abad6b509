import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDemoCalls } from '@server/modules/calls/calls.demo';
import type { CallSummary } from '@shared/contracts/calls';
import type { PublicResults } from '@shared/contracts/decisions';
import type { Ranking } from '@shared/contracts/reviews';
import type { PlatformRole } from '@shared/contracts/identity';
import { ensureDemoReviewRound } from './decisions.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

async function account(email: string, role: PlatformRole | null): Promise<string> {
  return ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    role,
  });
}

describe('demo review round', () => {
  it('reviews, ranks, decides and releases the closed demo call: two awards, a waitlist and a rejection', async () => {
    const { db } = ctx.database;
    await ensureDemoCalls(db, { now: NOW, partnerUserId: null });
    const officerUserId = await account('officer@demo.test', 'programme_officer');
    const applicantUserId = await account('applicant@demo.test', null);
    const reviewerUserIds = [
      await account('reviewer1@demo.test', 'reviewer'),
      await account('reviewer2@demo.test', 'reviewer'),
      await account('reviewer3@demo.test', 'reviewer'),
    ];
    expect(
      await ensureDemoReviewRound(db, { now: NOW, officerUserId, applicantUserId, reviewerUserIds }),
    ).toBe('SV-2569: 4 proposals reviewed (2 each), 4 decisions released');

    const anonymous = new TestClient(ctx.app);
    const calls = (await anonymous.get('/api/calls')).json<{ data: CallSummary[] }>().data;
    const closed = calls.find((c) => c.code === 'SV' && c.fiscalYear === 2569);
    expect(closed).toBeDefined();
    const results = (await anonymous.get(`/api/calls/${closed?.id}/results`)).json<{ data: PublicResults }>()
      .data;
    expect(results.isPublished).toBe(true);
    expect(results.awards).toHaveLength(2);
    expect(results.totalAwardedSatang).toBe((480_000 + 350_000) * 100);

    const officer = new TestClient(ctx.app);
    expect((await officer.signIn('officer@demo.test', PASSWORD)).statusCode).toBe(200);
    const ranking = (await officer.get(`/api/calls/${closed?.id}/ranking`)).json<{ data: Ranking }>().data;
    expect(ranking.rows).toHaveLength(4);
    expect(ranking.rows.every((r) => r.submittedCount === 2 && r.calibrated !== null)).toBe(true);
    expect(ranking.rows.map((r) => r.decision?.outcome)).toEqual(['award', 'award', 'waitlist', 'reject']);

    const applicant = new TestClient(ctx.app);
    expect((await applicant.signIn('applicant@demo.test', PASSWORD)).statusCode).toBe(200);
    const top = ranking.rows[0]?.proposalId;
    const decision = (await applicant.get(`/api/proposals/${top}/decision`)).json<{
      data: { outcome: string; amountSatang: number | null } | null;
    }>().data;
    expect(decision).toMatchObject({ outcome: 'award', amountSatang: 480_000 * 100 });
  });
});
