import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { auditEvents, emailOutbox } from '@server/db/schema/index';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import {
  acceptEntry,
  createContest,
  moveContest,
  nominateOpenEntry,
  starterScores,
  submitProposal,
  uniqueContestCode,
} from '@tests/factories/contests';
import {
  CONTEST_STARTER_CRITERIA,
  type CertificateVerification,
  type ContestDetail,
  type ContestEntry,
  type ContestJudge,
  type ContestRanking,
  type ContestScore,
  type ContestSummary,
  type ContestWinners,
  type JudgingSheet,
  type MyJudging,
} from '@shared/contracts/contests';

let ctx: TestContext;
let now = new Date(TEST_NOW);
let officer: Person;
let applicant: Person;
let stranger: Person;
let judgeA: Person;
let judgeB: Person;
let anonymous: TestClient;
let orgId: string;

const errorCode = (response: { json: <T>() => T }) => response.json<{ error: { code: string } }>().error.code;
const dataOf = <T>(response: { json: <U>() => U }) => response.json<{ data: T }>().data;

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId))
    .orderBy(asc(auditEvents.id));
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  ctx = await createTestApp({ PUBLIC_URL: 'http://si.test' }, { clock: () => now });
  officer = await signedIn(ctx, 'officer@contests.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@contests.test');
  stranger = await signedIn(ctx, 'stranger@contests.test');
  judgeA = await signedIn(ctx, 'judge-a@contests.test', 'reviewer');
  judgeB = await signedIn(ctx, 'judge-b@contests.test', 'reviewer');
  anonymous = new TestClient(ctx.app);
  orgId = await createOrganisation(applicant.client, {
    nameTh: 'วิสาหกิจเพื่อสังคมผ้าทอบ้านนาต้นจั่น',
    provinceCode: 64,
  });
});
afterAll(async () => {
  await ctx.close();
});
beforeEach(() => {
  now = new Date(TEST_NOW);
});

describe('contests: officers create and change them', () => {
  it('creates a draft only officers see, with categories on a validated rubric', async () => {
    const contest = await createContest(officer.client);
    expect(contest.status).toBe('draft');
    expect(contest.programmeSlug).toBe('sectoral');
    expect(contest.categories).toHaveLength(1);
    expect(contest.categories[0]?.criteria.map((c) => c.id)).toEqual(
      CONTEST_STARTER_CRITERIA.map((c) => c.id),
    );
    expect(contest.abilities.manage).toBe(true);

    expect((await anonymous.get(`/api/contests/${contest.id}`)).statusCode).toBe(404);
    const publicList = dataOf<ContestSummary[]>(await anonymous.get('/api/contests'));
    expect(publicList.some((c) => c.id === contest.id)).toBe(false);
    expect((await anonymous.get('/api/contests?status=draft')).statusCode).toBe(403);
    const officerList = dataOf<ContestSummary[]>(await officer.client.get('/api/contests'));
    expect(officerList.some((c) => c.id === contest.id)).toBe(true);
    expect(await auditActions(contest.id)).toContain('contest.created');
  });

  it('refuses applicants (403), the signed-out (401), bad rubrics and date ranges (400), a taken code (409)', async () => {
    const body = {
      code: uniqueContestCode(),
      titleTh: 'ทดสอบ',
      titleEn: 'Test',
      fiscalYear: 2570,
      nominationsOpenAt: '2026-12-01T00:00:00+07:00',
      nominationsCloseAt: '2027-01-31T23:59:59+07:00',
      categories: [{ nameTh: 'ก', nameEn: 'A', criteria: CONTEST_STARTER_CRITERIA }],
    };
    expect((await applicant.client.post('/api/contests', body)).statusCode).toBe(403);
    expect((await anonymous.post('/api/contests', body)).statusCode).toBe(401);
    const duplicate = await officer.client.post('/api/contests', {
      ...body,
      categories: [
        { nameTh: 'ก', nameEn: 'A', criteria: [CONTEST_STARTER_CRITERIA[0], CONTEST_STARTER_CRITERIA[0]] },
      ],
    });
    expect(duplicate.statusCode).toBe(400);
    const backwards = await officer.client.post('/api/contests', {
      ...body,
      nominationsCloseAt: '2026-11-01T00:00:00+07:00',
    });
    expect(backwards.statusCode).toBe(400);
    expect((await officer.client.post('/api/contests', body)).statusCode).toBe(201);
    const taken = await officer.client.post('/api/contests', body);
    expect(taken.statusCode).toBe(409);
  });

  it('names each rubric problem with its field, in Thai and English', async () => {
    const [first, second] = CONTEST_STARTER_CRITERIA;
    const response = await officer.client.post('/api/contests', {
      code: uniqueContestCode(),
      titleTh: 'ทดสอบ',
      titleEn: 'Test',
      fiscalYear: 2570,
      nominationsOpenAt: '2026-12-01T00:00:00+07:00',
      nominationsCloseAt: '2027-01-31T23:59:59+07:00',
      categories: [
        { nameTh: 'ก', nameEn: 'A', criteria: [first, { ...second, id: first?.id }] },
        { nameTh: 'ข', nameEn: 'B', criteria: [{ ...first, scaleMin: 5, scaleMax: 5 }] },
        { nameTh: 'ค', nameEn: 'C', criteria: [{ ...first, commentAtOrBelow: 9 }] },
        { nameTh: 'ง', nameEn: 'D', criteria: [] },
      ],
    });
    expect(response.statusCode).toBe(400);
    const issues = response.json<{
      error: { details: { issues: Array<{ field: string; message: string; messageEn: string }> } };
    }>().error.details.issues;
    expect(issues.map(({ field, message, messageEn }) => ({ field, message, messageEn }))).toEqual([
      {
        field: 'body.categories.0.criteria.1.id',
        message: 'รหัสเกณฑ์ซ้ำกับเกณฑ์อื่นในประเภทรางวัลเดียวกัน',
        messageEn: 'Another criterion in this award category has the same id',
      },
      {
        field: 'body.categories.1.criteria.0.scaleMax',
        message: 'คะแนนต่ำสุดต้องน้อยกว่าคะแนนสูงสุด',
        messageEn: 'The lowest score must be below the highest',
      },
      {
        field: 'body.categories.2.criteria.0.commentAtOrBelow',
        message: 'คะแนนที่ต้องเขียนความเห็นประกอบต้องอยู่ในช่วงคะแนนของเกณฑ์',
        messageEn: 'The score that needs a comment must be within the criterion’s scale',
      },
      {
        field: 'body.categories.3.criteria',
        message: 'ประเภทรางวัลต้องมีเกณฑ์การให้คะแนน 1–20 ข้อ',
        messageEn: 'An award category needs 1 to 20 scoring criteria',
      },
    ]);
  });

  it('updates with the version (stale → 409) and keeps categories that have entries', async () => {
    const contest = await createContest(officer.client);
    const category = contest.categories[0];
    if (!category) {
      throw new Error('no category');
    }
    const renamed = await officer.client.patch(`/api/contests/${contest.id}`, {
      version: contest.version,
      titleTh: 'รางวัลนวัตกรรมเพื่อสังคม ประจำปี 2570',
      categories: [
        { id: category.id, nameTh: category.nameTh, nameEn: category.nameEn, criteria: category.criteria },
        { nameTh: 'เยาวชนนวัตกร', nameEn: 'Young innovators', criteria: CONTEST_STARTER_CRITERIA, places: 3 },
      ],
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    const updated = dataOf<ContestDetail>(renamed);
    expect(updated.categories.map((c) => c.nameEn)).toEqual(['Innovative community', 'Young innovators']);
    const stale = await officer.client.patch(`/api/contests/${contest.id}`, {
      version: contest.version,
      titleTh: 'ชื่อเก่า',
    });
    expect(stale.statusCode).toBe(409);

    await moveContest(officer.client, contest.id, 'open');
    await nominateOpenEntry(applicant.client, contest.id, category.id);
    const dropping = await officer.client.patch(`/api/contests/${contest.id}`, {
      version: updated.version + 1,
      categories: updated.categories.slice(1).map(({ position: _p, ...c }) => c),
    });
    expect(dropping.statusCode, dropping.body).toBe(409);
    expect(errorCode(dropping)).toBe('INVALID_STATE');
  });
});

describe('contests: nominations', () => {
  it('takes open entries and proposals of my organisations while open; refuses the rest', async () => {
    const contest = await createContest(officer.client);
    const categoryId = contest.categories[0]?.id ?? '';
    const early = await applicant.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'open',
      categoryId,
      entrantName: 'กลุ่ม',
      titleTh: 'ผลงาน',
      summaryTh: 'สรุป',
    });
    expect(early.statusCode).toBe(404);
    await moveContest(officer.client, contest.id, 'open');

    const open = await nominateOpenEntry(applicant.client, contest.id, categoryId);
    expect(open.kind).toBe('open');
    expect(open.status).toBe('submitted');
    expect(await auditActions(open.id)).toContain('contest_entry.nominated');

    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const proposal = await submitProposal(applicant.client, {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'ผ้าทอย้อมครามสร้างรายได้ชุมชน',
    });
    const nominated = await applicant.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'proposal',
      categoryId,
      proposalId: proposal.id,
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    const entry = dataOf<ContestEntry>(nominated);
    expect(entry.entrantName).toBe('วิสาหกิจเพื่อสังคมผ้าทอบ้านนาต้นจั่น');
    expect(entry.organisationId).toBe(orgId);
    expect(entry.summaryTh).toContain('นวัตกรรมการจัดการน้ำ');

    const again = await applicant.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'proposal',
      categoryId,
      proposalId: proposal.id,
    });
    expect(again.statusCode).toBe(409);
    const notMine = await stranger.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'proposal',
      categoryId,
      proposalId: proposal.id,
    });
    expect(notMine.statusCode).toBe(404);
    const innovation = await applicant.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'innovation',
      categoryId,
      innovationId: proposal.id,
    });
    // not an entry of the innovation catalogue (nominating published entries: innovations.routes.test.ts)
    expect(innovation.statusCode).toBe(404);
    const wrongCategory = await applicant.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'open',
      categoryId: proposal.id,
      entrantName: 'กลุ่ม',
      titleTh: 'ผลงาน',
      summaryTh: 'สรุป',
    });
    expect(wrongCategory.statusCode).toBe(400);
    const anonymousNomination = await anonymous.post(`/api/contests/${contest.id}/entries`, {
      kind: 'open',
      categoryId,
      entrantName: 'กลุ่ม',
      titleTh: 'ผลงาน',
      summaryTh: 'สรุป',
    });
    expect(anonymousNomination.statusCode).toBe(401);

    const mine = dataOf<ContestEntry[]>(await applicant.client.get(`/api/contests/${contest.id}/entries`));
    expect(mine.map((e) => e.id).sort()).toEqual([open.id, entry.id].sort());
    expect(dataOf<ContestEntry[]>(await stranger.client.get(`/api/contests/${contest.id}/entries`))).toEqual(
      [],
    );

    now = new Date('2027-02-01T00:00:00+07:00');
    const late = await applicant.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'open',
      categoryId,
      entrantName: 'กลุ่ม',
      titleTh: 'ผลงาน',
      summaryTh: 'สรุป',
    });
    expect(late.statusCode).toBe(422);
    expect(errorCode(late)).toBe('DEADLINE_PASSED');
  });

  it('lets officers accept and reject entries with the version', async () => {
    const contest = await createContest(officer.client);
    await moveContest(officer.client, contest.id, 'open');
    const entry = await nominateOpenEntry(applicant.client, contest.id, contest.categories[0]?.id ?? '');
    const byApplicant = await applicant.client.post(`/api/contest-entries/${entry.id}/decision`, {
      decision: 'accept',
      version: entry.version,
    });
    expect(byApplicant.statusCode).toBe(403);
    const accepted = await acceptEntry(officer.client, entry);
    expect(accepted.status).toBe('accepted');
    const stale = await officer.client.post(`/api/contest-entries/${entry.id}/decision`, {
      decision: 'reject',
      version: entry.version,
    });
    expect(stale.statusCode).toBe(409);
    const rejected = await officer.client.post(`/api/contest-entries/${entry.id}/decision`, {
      decision: 'reject',
      version: accepted.version,
    });
    expect(dataOf<ContestEntry>(rejected).status).toBe('rejected');
    expect(await auditActions(entry.id)).toEqual(
      expect.arrayContaining(['contest_entry.accepted', 'contest_entry.rejected']),
    );
  });
});

describe('contests: judging, ranking, winners and certificates', () => {
  let contest: ContestDetail;
  let categoryId: string;
  let water: ContestEntry;
  let crab: ContestEntry;
  let ownEntry: ContestEntry;
  let judgeOrgMember: Person;

  beforeAll(async () => {
    contest = await createContest(officer.client);
    categoryId = contest.categories[0]?.id ?? '';
    await moveContest(officer.client, contest.id, 'open');
    water = await acceptEntry(
      officer.client,
      await nominateOpenEntry(applicant.client, contest.id, categoryId, 'ระบบน้ำหยดพลังแสงอาทิตย์'),
    );
    crab = await acceptEntry(
      officer.client,
      await nominateOpenEntry(applicant.client, contest.id, categoryId, 'ธนาคารปูม้าชุมชนบ้านแหลม'),
    );
    // A judge who belongs to the entrant organisation of a proposal entry.
    judgeOrgMember = await signedIn(ctx, 'judge-member@contests.test', 'reviewer');
    const judgeOrg = await createOrganisation(judgeOrgMember.client, { nameTh: 'มูลนิธิรักษ์ป่าต้นน้ำ' });
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const proposal = await submitProposal(judgeOrgMember.client, {
      callId: call.id,
      organisationId: judgeOrg,
      titleTh: 'ป่าชุมชนต้นน้ำ',
    });
    const nominated = await judgeOrgMember.client.post(`/api/contests/${contest.id}/entries`, {
      kind: 'proposal',
      categoryId,
      proposalId: proposal.id,
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    ownEntry = await acceptEntry(officer.client, dataOf<ContestEntry>(nominated));
  });

  it('adds reviewers as judges only', async () => {
    expect((await judgeA.client.get(`/api/contests/${contest.id}/judging`)).statusCode).toBe(403);
    const candidates = dataOf<Array<{ userId: string }>>(
      await officer.client.get(`/api/contests/${contest.id}/judge-candidates`),
    );
    expect(candidates.map((c) => c.userId)).toEqual(expect.arrayContaining([judgeA.userId, judgeB.userId]));
    const notReviewer = await officer.client.post(`/api/contests/${contest.id}/judges`, {
      userId: stranger.userId,
    });
    expect(notReviewer.statusCode).toBe(400);
    expect(
      (await applicant.client.post(`/api/contests/${contest.id}/judges`, { userId: judgeA.userId }))
        .statusCode,
    ).toBe(403);
    for (const judge of [judgeA, judgeB, judgeOrgMember]) {
      const added = await officer.client.post(`/api/contests/${contest.id}/judges`, { userId: judge.userId });
      expect(added.statusCode, added.body).toBe(200);
    }
    const twice = await officer.client.post(`/api/contests/${contest.id}/judges`, { userId: judgeA.userId });
    expect(twice.statusCode).toBe(409);
    const judges = dataOf<ContestJudge[]>(await officer.client.get(`/api/contests/${contest.id}/judges`));
    expect(judges).toHaveLength(3);
    const inbox = await judgeA.client.get('/api/notifications');
    expect(inbox.body).toContain(contest.titleTh);
  });

  it('lets judges score accepted entries with the rubric engine, once, and recuse on a conflict', async () => {
    const tooEarly = await judgeA.client.request('PUT', `/api/contest-entries/${water.id}/score`, {
      scores: {},
    });
    expect(tooEarly.statusCode).toBe(409);
    await moveContest(officer.client, contest.id, 'start_judging');

    const sheet = dataOf<JudgingSheet>(
      await judgeOrgMember.client.get(`/api/contests/${contest.id}/judging`),
    );
    const own = sheet.categories[0]?.entries.find((e) => e.entry.id === ownEntry.id);
    expect(own?.ownOrganisation).toBe(true);
    const blocked = await judgeOrgMember.client.post(`/api/contest-entries/${ownEntry.id}/score/submit`, {
      scores: starterScores(5),
    });
    expect(blocked.statusCode).toBe(403);

    const draft = await judgeA.client.request('PUT', `/api/contest-entries/${water.id}/score`, {
      scores: { impact: { score: 4, comment: '' } },
      comment: 'ร่าง',
    });
    expect(draft.statusCode, draft.body).toBe(200);
    expect(dataOf<ContestScore>(draft).status).toBe('draft');
    const offScale = await judgeA.client.request('PUT', `/api/contest-entries/${water.id}/score`, {
      scores: { impact: { score: 9, comment: '' } },
    });
    expect(offScale.statusCode).toBe(400);
    const incomplete = await judgeA.client.post(`/api/contest-entries/${water.id}/score/submit`, {
      scores: { impact: { score: 4, comment: '' } },
    });
    expect(incomplete.statusCode).toBe(400);
    const noComment = await judgeA.client.post(`/api/contest-entries/${water.id}/score/submit`, {
      scores: { ...starterScores(4), impact: { score: 2, comment: '' } },
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('body.scores.impact');

    const submitted = await judgeA.client.post(`/api/contest-entries/${water.id}/score/submit`, {
      scores: starterScores(5),
      comment: 'ผลลัพธ์ชัดเจน ขยายผลได้',
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(dataOf<ContestScore>(submitted).weightedScore).toBe(100);
    const locked = await judgeA.client.post(`/api/contest-entries/${water.id}/score/submit`, {
      scores: starterScores(1),
    });
    expect(locked.statusCode).toBe(409);
    const relocked = await judgeA.client.request('PUT', `/api/contest-entries/${water.id}/score`, {
      scores: {},
    });
    expect(relocked.statusCode).toBe(409);

    expect(
      (
        await judgeA.client.post(`/api/contest-entries/${crab.id}/score/submit`, {
          scores: starterScores(3),
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await judgeB.client.post(`/api/contest-entries/${crab.id}/score/submit`, {
          scores: starterScores(4),
        })
      ).statusCode,
    ).toBe(200);
    const conflict = await judgeB.client.post(`/api/contest-entries/${water.id}/conflict`, {
      statement: 'เคยเป็นที่ปรึกษาของกลุ่มนี้',
    });
    expect(conflict.statusCode, conflict.body).toBe(200);
    expect(dataOf<ContestScore>(conflict).status).toBe('recused');
    const afterConflict = await judgeB.client.post(`/api/contest-entries/${water.id}/score/submit`, {
      scores: starterScores(2),
    });
    expect(afterConflict.statusCode).toBe(409);
    expect(await auditActions(water.id)).toEqual(
      expect.arrayContaining(['contest_score.submitted', 'contest_score.recused']),
    );

    const mine = dataOf<MyJudging[]>(await judgeA.client.get('/api/contest-judging'));
    expect(mine.find((c) => c.id === contest.id)).toMatchObject({ entries: 3, submitted: 2, recused: 0 });
  });

  it('ranks each category for officers with raw and calibrated means', async () => {
    expect((await applicant.client.get(`/api/contests/${contest.id}/ranking`)).statusCode).toBe(403);
    const ranking = dataOf<ContestRanking>(await officer.client.get(`/api/contests/${contest.id}/ranking`));
    expect(ranking.judges).toBe(3);
    const rows = ranking.categories[0]?.rows ?? [];
    expect(rows.map((r) => r.entryId)).toEqual([water.id, crab.id, ownEntry.id]);
    expect(rows[0]).toMatchObject({ rank: 1, submitted: 1, recused: 1, meanScore: 100 });
    // Judge A gave 100 and 50 (z = +1 / −1), judge B only 75 (z = 0): crab's z-mean is −0.5.
    expect(rows[1]).toMatchObject({ rank: 2, submitted: 2, meanScore: 62.5, minScore: 50, maxScore: 75 });
    expect(rows[1]?.calibrated).toBeLessThan(rows[0]?.calibrated ?? 0);
    expect(rows[2]).toMatchObject({ rank: null, submitted: 0, meanScore: null });
  });

  it('takes winners, announces, issues certificates anyone can verify', async () => {
    const early = await officer.client.post(`/api/contests/${contest.id}/announce`);
    expect(early.statusCode).toBe(409);
    expect((await anonymous.get(`/api/contests/${contest.id}/winners`)).statusCode).toBe(404);
    const tooHigh = await officer.client.request(
      'PUT',
      `/api/contests/${contest.id}/categories/${categoryId}/winners`,
      {
        winners: [{ entryId: water.id, place: 3 }],
      },
    );
    expect(tooHigh.statusCode).toBe(400);
    const twice = await officer.client.request(
      'PUT',
      `/api/contests/${contest.id}/categories/${categoryId}/winners`,
      {
        winners: [
          { entryId: water.id, place: 1 },
          { entryId: crab.id, place: 1 },
        ],
      },
    );
    expect(twice.statusCode).toBe(400);
    const chosen = await officer.client.request(
      'PUT',
      `/api/contests/${contest.id}/categories/${categoryId}/winners`,
      {
        winners: [
          { entryId: water.id, place: 1 },
          { entryId: crab.id, place: 2 },
        ],
      },
    );
    expect(chosen.statusCode, chosen.body).toBe(200);
    const changed = await officer.client.request(
      'PUT',
      `/api/contests/${contest.id}/categories/${categoryId}/winners`,
      {
        winners: [{ entryId: water.id, place: 1 }],
      },
    );
    const entries = dataOf<ContestEntry[]>(changed);
    expect(entries.find((e) => e.id === crab.id)).toMatchObject({ status: 'accepted', place: null });
    expect(await auditActions(contest.id)).toContain('contest.winners_set');

    const announced = await moveContest(officer.client, contest.id, 'announce');
    expect(announced.status).toBe('announced');
    expect(announced.announcedAt).not.toBeNull();

    const winners = dataOf<ContestWinners>(await anonymous.get(`/api/contests/${contest.id}/winners`));
    expect(winners.categories[0]?.winners).toEqual([
      expect.objectContaining({ entryId: water.id, place: 1, titleTh: 'ระบบน้ำหยดพลังแสงอาทิตย์' }),
    ]);
    const outbox = await ctx.database.db
      .select({ to: emailOutbox.toAddress })
      .from(emailOutbox)
      .where(eq(emailOutbox.template, 'contest_winner'));
    expect(outbox.map((r) => r.to)).toContain('applicant@contests.test');

    const mine = dataOf<ContestEntry[]>(await applicant.client.get(`/api/contests/${contest.id}/entries`));
    const code = mine.find((e) => e.id === water.id)?.certificateCode ?? '';
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);

    const verified = dataOf<CertificateVerification>(
      await anonymous.get(`/api/contest-certificates/${code}`),
    );
    expect(verified).toMatchObject({
      status: 'valid',
      recipientName: 'กลุ่มประมงพื้นบ้านบ้านแหลม',
      place: 1,
      contestTitleTh: contest.titleTh,
    });
    const typed = `${code.slice(0, 5).toLowerCase()}-${code.slice(5)}`;
    expect(
      dataOf<CertificateVerification>(await anonymous.get(`/api/contest-certificates/${typed}`)).status,
    ).toBe('valid');
    expect(
      dataOf<CertificateVerification>(await anonymous.get('/api/contest-certificates/ZZZZZZZZZZ')).status,
    ).toBe('unknown');
    expect(
      dataOf<CertificateVerification>(await anonymous.get('/api/contest-certificates/nonsense')).status,
    ).toBe('unknown');
  });

  it('prints the certificate in Thai for the nominator, not for others; a revoked one is not printed', async () => {
    expect((await stranger.client.get(`/api/contest-entries/${water.id}/certificate.pdf`)).statusCode).toBe(
      404,
    );
    expect((await anonymous.get(`/api/contest-entries/${water.id}/certificate.pdf`)).statusCode).toBe(401);
    expect((await applicant.client.get(`/api/contest-entries/${crab.id}/certificate.pdf`)).statusCode).toBe(
      404,
    );

    const response = await applicant.client.get(`/api/contest-entries/${water.id}/certificate.pdf?lang=th`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pdf = await getDocument({ data: new Uint8Array(response.rawPayload), disableFontFace: true })
      .promise;
    expect(pdf.numPages).toBe(1);
    const content = await (await pdf.getPage(1)).getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .join('')
      .replace(/\u200B/g, '')
      .replace(/\s+/g, '');
    await pdf.destroy();
    expect(text).toContain('เกียรติบัตร');
    expect(text).toContain('กลุ่มประมงพื้นบ้านบ้านแหลม');
    expect(text).toContain('ระบบน้ำหยดพลังแสงอาทิตย์');
    expect(text).toContain('อันดับที่1');
    expect(text).toContain('http://si.test/contests/certificates/');

    const english = await applicant.client.get(`/api/contest-entries/${water.id}/certificate.pdf?lang=en`);
    const doc = await getDocument({ data: new Uint8Array(english.rawPayload), disableFontFace: true })
      .promise;
    const first = await (await doc.getPage(1)).getTextContent();
    expect(first.items.map((item) => ('str' in item ? item.str : '')).join('')).toContain(
      'Certificate of Award',
    );
    await doc.destroy();

    expect(
      (await applicant.client.post(`/api/contest-entries/${water.id}/certificate/revoke`, { reason: 'ผิด' }))
        .statusCode,
    ).toBe(403);
    const revoked = await officer.client.post(`/api/contest-entries/${water.id}/certificate/revoke`, {
      reason: 'ตรวจพบว่าผลงานซ้ำกับผลงานที่เคยได้รับรางวัล',
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const code = dataOf<ContestEntry>(revoked).certificateCode ?? '';
    const check = dataOf<CertificateVerification>(await anonymous.get(`/api/contest-certificates/${code}`));
    expect(check.status).toBe('revoked');
    expect(check.revokedAt).not.toBeNull();
    expect((await applicant.client.get(`/api/contest-entries/${water.id}/certificate.pdf`)).statusCode).toBe(
      409,
    );
    expect(await auditActions(water.id)).toEqual(
      expect.arrayContaining(['contest_certificate.issued', 'contest_certificate.revoked']),
    );
  });

  it('is read-only once announced, and archives', async () => {
    const edit = await officer.client.patch(`/api/contests/${contest.id}`, { version: 99, titleTh: 'ใหม่' });
    expect(edit.statusCode).toBe(409);
    const archived = await moveContest(officer.client, contest.id, 'archive');
    expect(archived.status).toBe('archived');
    expect((await officer.client.post(`/api/contests/${contest.id}/open`)).statusCode).toBe(409);
    expect((await anonymous.get(`/api/contests/${contest.id}/winners`)).statusCode).toBe(200);
  });
});
