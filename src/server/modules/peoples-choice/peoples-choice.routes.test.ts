import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents } from '@server/db/schema/index';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { enablePeoplesChoice, shortlist, submitProposal } from '@tests/factories/contests';
import type { CallDetail } from '@shared/contracts/calls';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type { PeoplesChoice, Vote } from '@shared/contracts/peoples-choice';
import { rankByVotes } from './peoples-choice.service';

let ctx: TestContext;
let now = new Date(TEST_NOW);
let officer: Person;
let applicant: Person;
let voters: Person[];
let anonymous: TestClient;
let call: CallDetail;
let water: ProposalDetail;
let crab: ProposalDetail;
let notShortlisted: ProposalDetail;

const errorCode = (response: { json: <T>() => T }) => response.json<{ error: { code: string } }>().error.code;
const choiceOf = async (client: TestClient) => {
  const response = await client.get(`/api/calls/${call.id}/peoples-choice`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: PeoplesChoice }>().data;
};
const vote = (client: TestClient, proposalId: string) =>
  client.post(`/api/calls/${call.id}/peoples-choice/votes`, { proposalId });

beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => now });
  officer = await signedIn(ctx, 'officer@vote.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@vote.test');
  voters = [];
  for (const name of ['a', 'b', 'c', 'd']) {
    voters.push(await signedIn(ctx, `voter-${name}@vote.test`));
  }
  anonymous = new TestClient(ctx.app);
  const org = await createOrganisation(applicant.client, { nameTh: 'กลุ่มเยาวชนรักษ์เมืองเก่า', provinceCode: 50 });
  call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
  water = await submitProposal(applicant.client, {
    callId: call.id,
    organisationId: org,
    titleTh: 'ตู้น้ำดื่มชุมชนอัจฉริยะ',
  });
  crab = await submitProposal(applicant.client, {
    callId: call.id,
    organisationId: org,
    titleTh: 'ทางเดินริมคลองปลอดภัย',
  });
  notShortlisted = await submitProposal(applicant.client, {
    callId: call.id,
    organisationId: org,
    titleTh: 'ตลาดนัดสีเขียว',
  });
  await shortlist(ctx.database.db, call.id, water.id);
  await shortlist(ctx.database.db, call.id, crab.id);
});
afterAll(async () => {
  await ctx.close();
});
beforeEach(() => {
  now = new Date(TEST_NOW);
});

describe("people's choice", () => {
  it('shows nothing while the call has no vote, and refuses votes', async () => {
    const choice = await choiceOf(anonymous);
    expect(choice.phase).toBe('not_enabled');
    expect(choice.entries).toEqual([]);
    const refused = await vote(voters[0]?.client ?? anonymous, water.id);
    expect(refused.statusCode).toBe(409);
    expect(errorCode(refused)).toBe('INVALID_STATE');
  });

  it('lists the shortlisted ideas publicly without counts while open; verified accounts vote once', async () => {
    await enablePeoplesChoice(
      ctx.database.db,
      call.id,
      '2026-12-10T00:00:00+07:00',
      '2026-12-20T23:59:59+07:00',
    );
    const choice = await choiceOf(anonymous);
    expect(choice.phase).toBe('open');
    expect(choice.entries.map((e) => e.titleTh).sort()).toEqual(['ตู้น้ำดื่มชุมชนอัจฉริยะ', 'ทางเดินริมคลองปลอดภัย']);
    expect(choice.entries[0]).toMatchObject({
      votes: null,
      rank: null,
      organisationNameTh: 'กลุ่มเยาวชนรักษ์เมืองเก่า',
    });
    expect(choice.entries[0]?.summary).toContain('นวัตกรรมการจัดการน้ำ');
    expect(choice.totalVotes).toBeNull();

    expect((await vote(anonymous, water.id)).statusCode).toBe(401);
    const [a, b, c, d] = voters.map((v) => v.client);
    if (!a || !b || !c || !d) {
      throw new Error('voters missing');
    }
    const outside = await vote(a, notShortlisted.id);
    expect(outside.statusCode).toBe(409);
    const first = await vote(a, water.id);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ data: Vote }>().data.proposalId).toBe(water.id);
    const second = await vote(a, crab.id);
    expect(second.statusCode).toBe(409);
    expect(errorCode(second)).toBe('CONFLICT');
    expect((await choiceOf(a)).myVote).toBe(water.id);
    expect((await vote(b, water.id)).statusCode).toBe(201);
    expect((await vote(c, crab.id)).statusCode).toBe(201);

    // An account whose address is no longer verified (e.g. it changed) may not vote.
    await ctx.database.db.execute(
      sql`UPDATE users SET email_verified_at = NULL WHERE id = ${voters[3]?.userId ?? ''}`,
    );
    const unverified = await vote(d, crab.id);
    expect(unverified.statusCode).toBe(403);
    expect(errorCode(unverified)).toBe('EMAIL_NOT_VERIFIED');

    const audit = await ctx.database.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'peoples_choice.voted'), eq(auditEvents.entityId, call.id)));
    expect(audit).toHaveLength(3);
  });

  it('refuses votes before the vote opens (409) and after it closes (422)', async () => {
    now = new Date('2026-12-09T12:00:00+07:00');
    expect((await choiceOf(anonymous)).phase).toBe('upcoming');
    const early = await vote(applicant.client, water.id);
    expect(early.statusCode).toBe(409);
    now = new Date('2026-12-21T00:00:00+07:00');
    const late = await vote(applicant.client, water.id);
    expect(late.statusCode).toBe(422);
    expect(errorCode(late)).toBe('DEADLINE_PASSED');
  });

  it('shows counts and ranks once the vote has closed', async () => {
    now = new Date('2026-12-21T00:00:00+07:00');
    const choice = await choiceOf(anonymous);
    expect(choice.phase).toBe('closed');
    expect(choice.totalVotes).toBe(3);
    expect(choice.entries.map((e) => [e.titleTh, e.votes, e.rank])).toEqual([
      ['ตู้น้ำดื่มชุมชนอัจฉริยะ', 2, 1],
      ['ทางเดินริมคลองปลอดภัย', 1, 2],
    ]);
  });

  it('is not found for a draft call, and checks its body (400)', async () => {
    const draft = await createOpenCall(officer.client, { publish: false });
    expect((await anonymous.get(`/api/calls/${draft.id}/peoples-choice`)).statusCode).toBe(404);
    const bad = await applicant.client.post(`/api/calls/${call.id}/peoples-choice/votes`, {
      proposalId: 'x',
    });
    expect(bad.statusCode).toBe(400);
  });

  it('ranks equal counts together', () => {
    const ranked = rankByVotes([
      { id: 'a', votes: 3 },
      { id: 'b', votes: 5 },
      { id: 'c', votes: 3 },
      { id: 'd', votes: 0 },
    ]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['b', 1],
      ['a', 2],
      ['c', 2],
      ['d', 4],
    ]);
  });
});
