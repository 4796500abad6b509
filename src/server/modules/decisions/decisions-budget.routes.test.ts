import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, decisions } from '@server/db/schema/index';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { screenIn, submittedProposal } from '@tests/factories/decisions';
import type { CallDecisions, DecisionResult } from '@shared/contracts/decisions';

let ctx: TestContext;
let officer: Person;
let owner: Person;
let orgId: string;

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await signedIn(ctx, 'officer@budget.test', 'programme_officer');
  owner = await signedIn(ctx, 'owner@budget.test');
  orgId = await createOrganisation(owner.client, { nameTh: 'มูลนิธิเพื่อการทดสอบงบประมาณ', provinceCode: 58 });
});
afterAll(async () => {
  await ctx.close();
});

/** 10,500,000 baht: about half of what the twenty awards below ask for in all. */
const BUDGET = 1_050_000_000;

describe('the call budget under concurrent awards', () => {
  it('twenty awards at once never take more than the budget; the others are refused with a clear error', async () => {
    const call = await createOpenCall(officer.client, {
      forms: { proposal: TEST_FORM },
      call: { totalBudgetSatang: BUDGET, maxGrantSatang: 400_000_000 },
    });
    const proposals = [];
    for (let i = 0; i < 20; i += 1) {
      const p = await submittedProposal(owner.client, {
        callId: call.id,
        organisationId: orgId,
        titleTh: `ข้อเสนอที่ ${i + 1}`,
        budgetSatang: 150_000_000,
      });
      await screenIn(officer.client, p.id);
      proposals.push(p);
    }
    // 40 000, 80 000 or 120 000 baht each: 15,600,000 baht asked for in all
    const amountOf = (i: number) => ((i % 3) + 1) * 40_000_000;

    const responses = await Promise.all(
      proposals.map((p, i) =>
        officer.client.post(`/api/proposals/${p.id}/decision`, {
          outcome: 'award',
          amountSatang: amountOf(i),
          reason: '',
        }),
      ),
    );

    const accepted = responses.flatMap((r, i) => (r.statusCode === 200 ? [amountOf(i)] : []));
    const refused = responses.flatMap((r, i) => (r.statusCode === 200 ? [] : [{ r, amount: amountOf(i) }]));
    const acceptedSum = accepted.reduce((a, b) => a + b, 0);
    expect(acceptedSum).toBeLessThanOrEqual(BUDGET);
    expect(refused.length).toBeGreaterThan(0);
    for (const { r } of refused) {
      expect(r.statusCode, r.body).toBe(409);
      const error = r.json<{
        error: { code: string; message: string; details: { remainingSatang: number } };
      }>().error;
      expect(error.code).toBe('INVALID_STATE');
      expect(error.message).toContain('งบประมาณของรอบไม่พอ');
      expect(error.details.remainingSatang).toBeGreaterThanOrEqual(0);
    }
    for (const r of responses.filter((x) => x.statusCode === 200)) {
      expect(r.json<{ data: DecisionResult }>().data.budget.awardedSatang).toBeLessThanOrEqual(BUDGET);
    }

    // what the database holds agrees: one award row per accepted request, summing to at most the budget
    const stored = await ctx.database.db
      .select({ total: sql<string>`COALESCE(SUM(${decisions.amountSatang}), 0)`, n: sql<string>`COUNT(*)` })
      .from(decisions)
      .where(and(eq(decisions.callId, call.id), eq(decisions.outcome, 'award')));
    expect(Number(stored[0]?.total)).toBe(acceptedSum);
    expect(Number(stored[0]?.n)).toBe(accepted.length);

    // every refused award was larger than what is left now (what is left only shrinks as awards go in)
    const summary = (await officer.client.get(`/api/calls/${call.id}/decisions`)).json<{
      data: CallDecisions;
    }>().data;
    expect(summary.budget).toMatchObject({
      awardedSatang: acceptedSum,
      remainingSatang: BUDGET - acceptedSum,
    });
    for (const { amount } of refused) {
      expect(amount).toBeGreaterThan(summary.budget.remainingSatang);
    }

    // each accepted award is in the audit log
    const audited = await ctx.database.db
      .select({ n: sql<string>`COUNT(*)` })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'decision.made'),
          sql`${auditEvents.entityId} IN (${sql.join(
            proposals.map((p) => sql`${p.id}`),
            sql`, `,
          )})`,
        ),
      );
    expect(Number(audited[0]?.n)).toBe(accepted.length);
  });

  it('an award that fits only after another is lowered goes through', async () => {
    const call = await createOpenCall(officer.client, {
      forms: { proposal: TEST_FORM },
      call: { totalBudgetSatang: 400_000_000, maxGrantSatang: 300_000_000 },
    });
    const a = await submittedProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      budgetSatang: 300_000_000,
    });
    const b = await submittedProposal(owner.client, {
      callId: call.id,
      organisationId: orgId,
      budgetSatang: 200_000_000,
    });
    await screenIn(officer.client, a.id);
    await screenIn(officer.client, b.id);
    const first = await officer.client.post(`/api/proposals/${a.id}/decision`, {
      outcome: 'award',
      amountSatang: 300_000_000,
    });
    expect(first.statusCode, first.body).toBe(200);
    const tooMuch = await officer.client.post(`/api/proposals/${b.id}/decision`, {
      outcome: 'award',
      amountSatang: 200_000_000,
    });
    expect(tooMuch.statusCode).toBe(409);
    expect(
      tooMuch.json<{ error: { details: { remainingSatang: number } } }>().error.details.remainingSatang,
    ).toBe(100_000_000);
    // the first award's own amount does not count against a change of it
    const lowered = await officer.client.post(`/api/proposals/${a.id}/decision`, {
      outcome: 'award',
      amountSatang: 200_000_000,
      version: 1,
    });
    expect(lowered.statusCode, lowered.body).toBe(200);
    const now = await officer.client.post(`/api/proposals/${b.id}/decision`, {
      outcome: 'award',
      amountSatang: 200_000_000,
    });
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json<{ data: DecisionResult }>().data.budget).toMatchObject({
      awardedSatang: 400_000_000,
      remainingSatang: 0,
      awardCount: 2,
    });
  });
});
