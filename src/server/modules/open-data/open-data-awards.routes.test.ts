import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { decide, releaseDecisions, screenIn, submittedProposal } from '@tests/factories/decisions';
import { awardedProject, projectParties } from '@tests/factories/projects';
import type { OpenPage } from '@shared/contracts/open-data';

const BASE = '/api/open/v1';

let ctx: TestContext;

/** Awards more proposals of the call, each from an organisation of its own, and announces them. */
async function awardMore(call: { callId: string; officer: Awarded['officer'] }, count: number) {
  const proposalIds: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const parties = await projectParties(ctx, { officer: call.officer });
    const proposal = await submittedProposal(parties.owner.client, {
      callId: call.callId,
      organisationId: parties.organisationId,
      budgetSatang: 60_000_000,
    });
    await screenIn(call.officer.client, proposal.id);
    await decide(call.officer.client, proposal.id, { outcome: 'award', amountSatang: 50_000_000 });
    proposalIds.push(proposal.id);
  }
  expect(await releaseDecisions(call.officer.client, call.callId)).toEqual(
    expect.arrayContaining(proposalIds),
  );
}

type Awarded = Awaited<ReturnType<typeof awardedProject>>;

beforeAll(async () => {
  ctx = await createTestApp();
  const first = await awardedProject(ctx);
  const second = await awardedProject(ctx, { officer: first.officer });
  await awardedProject(ctx, { officer: first.officer });
  await awardMore(first, 2);
  await awardMore(second, 1);
}, 120_000);

afterAll(async () => {
  await ctx.close();
});

const anon = () => new TestClient(ctx.app);

type AwardRecord = { decisionId: string; callCode: string; fiscalYear: number; receiptNumber: string };

async function pages(pageSize: number): Promise<{ records: AwardRecord[]; totals: number[] }> {
  const records: AwardRecord[] = [];
  const totals: number[] = [];
  for (let page = 1; ; page += 1) {
    const response = await anon().get(`${BASE}/datasets/awards?page=${page}&pageSize=${pageSize}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<{ data: AwardRecord[]; page: OpenPage }>();
    records.push(...body.data);
    totals.push(body.page.totalRecords);
    if (!body.page.next) {
      return { records, totals };
    }
    expect(body.data).toHaveLength(pageSize);
  }
}

describe('awards dataset paging', () => {
  it("gives every award once, in the bulk download's order, whatever the page size", async () => {
    const download = await anon().get(`${BASE}/datasets/awards.json`);
    expect(download.statusCode, download.body).toBe(200);
    const all = download.json<{ data: AwardRecord[] }>().data;
    expect(all).toHaveLength(6);
    // the bulk download sorts them all at once: the reference order; each call's awards come together
    const callRuns = all.map((r) => r.callCode).filter((code, i, codes) => code !== codes[i - 1]);
    expect(new Set(callRuns).size).toBe(callRuns.length);
    expect(callRuns).toHaveLength(3);
    for (const pageSize of [1, 2, 4, 5, 100]) {
      const paged = await pages(pageSize);
      expect(paged.records.map((r) => r.decisionId)).toEqual(all.map((r) => r.decisionId));
      expect(new Set(paged.totals)).toEqual(new Set([6]));
    }
  });

  it('answers a page past the end with no records', async () => {
    const response = await anon().get(`${BASE}/datasets/awards?page=4&pageSize=2`);
    expect(response.statusCode).toBe(200);
    expect(response.json<{ data: unknown[]; page: OpenPage }>()).toMatchObject({
      data: [],
      page: { page: 4, totalRecords: 6, totalPages: 3, next: null },
    });
  });
});
