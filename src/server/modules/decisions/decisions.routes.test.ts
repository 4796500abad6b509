import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { th } from '@shared/i18n/th';
import { and, eq } from 'drizzle-orm';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  auditEvents,
  callReviewSettings,
  calls,
  notifications,
  reviewAssignments,
  reviews,
  rubrics,
} from '@server/db/schema/index';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { mailText, startSmtpServer } from '@tests/helpers/smtp';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { decide, releaseDecisions, screenIn, submittedProposal } from '@tests/factories/decisions';
import type { CallDetail } from '@shared/contracts/calls';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type {
  ApplicantDecision,
  CallDecisions,
  DecisionResult,
  PublicResults,
  ReviewState,
  Selection,
} from '@shared/contracts/decisions';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let officer: Person;
let owner: Person;
let colleague: Person;
let outsider: Person;
let orgId: string;
let call: CallDetail;

const ORG_NAME = 'วิสาหกิจชุมชนทอผ้าบ้านนาโพธิ์';

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100', PUBLIC_URL: 'http://si.test' });
  officer = await signedIn(ctx, 'officer@decisions.test', 'programme_officer');
  owner = await signedIn(ctx, 'owner@decisions.test');
  colleague = await signedIn(ctx, 'colleague@decisions.test', null, 'en');
  outsider = await signedIn(ctx, 'outsider@decisions.test');
  orgId = await createOrganisation(owner.client, { nameTh: ORG_NAME, provinceCode: 58 });
  await createOrganisationMembershipForTest(ctx.database.db, orgId, colleague.userId, 'viewer');
  call = await createOpenCall(officer.client, {
    forms: { proposal: TEST_FORM },
    call: { totalBudgetSatang: 1_000_000_000, maxGrantSatang: 400_000_000 },
  });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const submitted = (titleTh: string, budgetSatang = 150_000_000, callId = call.id) =>
  submittedProposal(owner.client, { callId, organisationId: orgId, titleTh, budgetSatang });

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

/** The canvas maker pdf.js uses on Node (backed by its optional canvas package). */
interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: { width: number; height: number };
    context: { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  };
}

/** Share of dark pixels on page 1 rendered by pdf.js: the embedded Thai font drew its glyphs. */
async function inkRatio(bytes: Buffer): Promise<number> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const page = await pdf.getPage(1);
  const viewport = page.getViewport({ scale: 1 });
  const factory = (pdf as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
  const { canvas, context } = factory.create(viewport.width, viewport.height);
  await page.render({ canvasContext: context, canvas, viewport } as Parameters<typeof page.render>[0])
    .promise;
  const pixels = context.getImageData(0, 0, canvas.width, canvas.height).data;
  let ink = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ((pixels[i + 3] ?? 0) > 0 && (pixels[i] ?? 255) < 128) {
      ink += 1;
    }
  }
  await pdf.destroy();
  return ink / (pixels.length / 4);
}

async function pdfText(bytes: Buffer): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    const content = await (await pdf.getPage(n)).getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await pdf.destroy();
  return texts
    .join('')
    .replace(/\u200B/g, '')
    .replace(/\s+/g, '');
}

describe('screening', () => {
  it('needs a session and an officer; unknown proposals are 404', async () => {
    const proposal = await submitted('ข้อเสนอเพื่อทดสอบสิทธิ์');
    const anonymous = await ctx.app.inject({
      method: 'POST',
      url: `/api/proposals/${proposal.id}/screening`,
      payload: { result: 'passed' },
    });
    expect(anonymous.statusCode).toBe(401);
    expect(
      (await owner.client.post(`/api/proposals/${proposal.id}/screening`, { result: 'passed' })).statusCode,
    ).toBe(403);
    expect(
      (await owner.client.post(`/api/proposals/${proposal.id}/decision`, { outcome: 'reject', reason: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await owner.client.get(`/api/proposals/${proposal.id}/selection`)).statusCode).toBe(403);
    expect(
      (
        await officer.client.post('/api/proposals/00000000-0000-4000-8000-000000000000/screening', {
          result: 'passed',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await officer.client.post(`/api/proposals/${proposal.id}/screening`, { result: 'maybe' })).statusCode,
    ).toBe(400);
  });

  it('passes a proposal into review and fails one out with a reason, audited', async () => {
    const proposal = await submitted('ข้อเสนอที่ผ่านการกลั่นกรอง');
    const before = (await officer.client.get(`/api/proposals/${proposal.id}/selection`)).json<{
      data: Selection;
    }>().data;
    expect(before.state).toBeNull();
    expect(before.outcomes).toEqual(['award', 'reject', 'waitlist', 'revision']);

    const state = await screenIn(officer.client, proposal.id);
    expect(state).toMatchObject({ phase: 'review', screeningResult: 'passed' });

    const other = await submitted('ข้อเสนอที่ไม่ผ่านการกลั่นกรอง');
    const noReason = await officer.client.post(`/api/proposals/${other.id}/screening`, { result: 'failed' });
    expect(noReason.statusCode).toBe(400);
    expect(
      noReason.json<{ error: { details: { issues: Array<{ field: string }> } } }>().error.details.issues[0],
    ).toMatchObject({ field: 'body.reason' });
    const failed = await officer.client.post(`/api/proposals/${other.id}/screening`, {
      result: 'failed',
      reason: 'ไม่ตรงกับโจทย์ของรอบ',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(failed.json<{ data: ReviewState }>().data).toMatchObject({
      phase: 'screened_out',
      screeningReason: 'ไม่ตรงกับโจทย์ของรอบ',
    });
    expect(await auditActions(other.id)).toContain('proposal.screened');

    // a screened-out proposal may only be rejected
    const award = await officer.client.post(`/api/proposals/${other.id}/decision`, {
      outcome: 'award',
      amountSatang: 100_000_000,
    });
    expect(award.statusCode).toBe(409);
    expect(award.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
  });

  it('passing an ineligible proposal needs a reason and records an eligibility override', async () => {
    const strict = await createOpenCall(officer.client, {
      forms: { proposal: TEST_FORM },
      call: {
        eligibility: {
          organisationTypes: ['university'],
          provinceCodes: [],
          regionCodes: [],
          targetGroupOnly: false,
          themes: [],
          maxProposalsPerOrganisation: null,
        },
      },
    });
    const proposal = await submitted('ข้อเสนอที่ไม่ผ่านคุณสมบัติอัตโนมัติ', 150_000_000, strict.id);
    expect(proposal.eligible).toBe(false);
    const bare = await officer.client.post(`/api/proposals/${proposal.id}/screening`, { result: 'passed' });
    expect(bare.statusCode).toBe(400);
    expect(bare.body).toContain('body.reason');

    await screenIn(officer.client, proposal.id, 'คณะกรรมการเห็นว่าเป็นภาคีของมหาวิทยาลัย');
    const detail = (await officer.client.get(`/api/proposals/${proposal.id}`)).json<{
      data: ProposalDetail;
    }>().data;
    expect(detail).toMatchObject({
      eligible: true,
      eligibilityOverridden: true,
      eligibilityOverride: { eligible: true, reason: 'คณะกรรมการเห็นว่าเป็นภาคีของมหาวิทยาลัย' },
    });
    expect(await auditActions(proposal.id)).toEqual(
      expect.arrayContaining(['proposal.eligibility_overridden', 'proposal.screened']),
    );
  });

  it('screens several proposals of a call at once, reporting the ones it cannot', async () => {
    const a = await submitted('ข้อเสนอกลุ่ม ก');
    const b = await submitted('ข้อเสนอกลุ่ม ข');
    const elsewhere = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const foreign = await submitted('ข้อเสนอของรอบอื่น', 150_000_000, elsewhere.id);
    const response = await officer.client.post(`/api/calls/${call.id}/screening`, {
      ids: [a.id, b.id, foreign.id],
      result: 'passed',
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ data: { done: string[]; failed: Array<{ id: string; code: string }> } }>()
      .data;
    expect(result.done.sort()).toEqual([a.id, b.id].sort());
    expect(result.failed).toEqual([expect.objectContaining({ id: foreign.id, code: 'NOT_FOUND' })]);
    expect(
      (await owner.client.post(`/api/calls/${call.id}/screening`, { ids: [a.id], result: 'passed' }))
        .statusCode,
    ).toBe(403);
  });
});

describe('phases and the shortlist', () => {
  it('moves to the panel only in calls with one, then to decision; shortlists screened-in proposals', async () => {
    const proposal = await submitted('ข้อเสนอเข้าขั้นคณะกรรมการ');
    const early = await officer.client.post(`/api/proposals/${proposal.id}/shortlist`, { shortlisted: true });
    expect(early.statusCode).toBe(409);
    await screenIn(officer.client, proposal.id);

    const noPanel = await officer.client.post(`/api/proposals/${proposal.id}/phase`, { phase: 'panel' });
    expect(noPanel.statusCode).toBe(409);
    expect(noPanel.json<{ error: { message: string } }>().error.message).toContain('คณะกรรมการ');

    await ctx.database.db
      .insert(callReviewSettings)
      .values({ callId: call.id, hasPanel: true })
      .onConflictDoUpdate({ target: callReviewSettings.callId, set: { hasPanel: true } });
    const panel = await officer.client.post(`/api/proposals/${proposal.id}/phase`, { phase: 'panel' });
    expect(panel.statusCode, panel.body).toBe(200);
    expect(panel.json<{ data: ReviewState }>().data.phase).toBe('panel');

    const listed = await officer.client.post(`/api/proposals/${proposal.id}/shortlist`, {
      shortlisted: true,
    });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json<{ data: ReviewState }>().data.shortlisted).toBe(true);

    const decision = await officer.client.post(`/api/proposals/${proposal.id}/phase`, { phase: 'decision' });
    expect(decision.json<{ data: ReviewState }>().data.phase).toBe('decision');
    const back = await officer.client.post(`/api/proposals/${proposal.id}/phase`, { phase: 'panel' });
    expect(back.statusCode).toBe(409);
    expect(await auditActions(proposal.id)).toEqual(
      expect.arrayContaining(['proposal.phase_changed', 'proposal.shortlisted']),
    );
  });
});

describe('decisions', () => {
  it('checks the outcome, reason and amount against the request and the call maximum', async () => {
    const ownCall = await createOpenCall(officer.client, {
      forms: { proposal: TEST_FORM },
      call: { totalBudgetSatang: 1_000_000_000, maxGrantSatang: 400_000_000 },
    });
    const proposal = await submitted('ข้อเสนอสำหรับตรวจจำนวนเงิน', 350_000_000, ownCall.id);
    const unscreened = await officer.client.post(`/api/proposals/${proposal.id}/decision`, {
      outcome: 'waitlist',
    });
    expect(unscreened.statusCode).toBe(409);
    await screenIn(officer.client, proposal.id);
    // the officers lower the call's maximum after the proposal came in
    await ctx.database.db.update(calls).set({ maxGrantSatang: 300_000_000 }).where(eq(calls.id, ownCall.id));

    const cases: Array<[Record<string, unknown>, string]> = [
      [{ outcome: 'invite_full' }, 'body.outcome'],
      [{ outcome: 'reject' }, 'body.reason'],
      [{ outcome: 'revision', reason: '  ' }, 'body.reason'],
      [{ outcome: 'award' }, 'body.amountSatang'],
      [{ outcome: 'award', amountSatang: 360_000_000 }, 'body.amountSatang'],
      [{ outcome: 'award', amountSatang: 300_000_001 }, 'body.amountSatang'],
    ];
    for (const [body, field] of cases) {
      const response = await officer.client.post(`/api/proposals/${proposal.id}/decision`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.body, JSON.stringify(body)).toContain(field);
    }
    const issueOf = async (amountSatang: number) =>
      (
        await officer.client.post(`/api/proposals/${proposal.id}/decision`, {
          outcome: 'award',
          amountSatang,
        })
      ).json<{ error: { details: { issues: Array<{ message: string }> } } }>().error.details.issues[0]
        ?.message;
    expect(await issueOf(360_000_000)).toContain('3,500,000');
    expect(await issueOf(300_000_001)).toContain('3,000,000');
    expect(
      (
        await officer.client.post(`/api/proposals/${proposal.id}/decision`, {
          outcome: 'award',
          amountSatang: 0,
        })
      ).statusCode,
    ).toBe(400);
    await decide(officer.client, proposal.id, { outcome: 'award', amountSatang: 300_000_000 });
  });

  it('records a waitlist, changes it to an award with the current version, audited with before and after', async () => {
    const proposal = await submitted('ข้อเสนอที่อยู่ในรายชื่อสำรอง', 200_000_000);
    await screenIn(officer.client, proposal.id);
    const waitlisted = await decide(officer.client, proposal.id, { outcome: 'waitlist' });
    expect(waitlisted.decision).toMatchObject({ outcome: 'waitlist', amountSatang: null, version: 1 });

    const stale = await officer.client.post(`/api/proposals/${proposal.id}/decision`, {
      outcome: 'award',
      amountSatang: 150_000_000,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string } }>().error.code).toBe('CONFLICT');

    const awarded = await decide(officer.client, proposal.id, {
      outcome: 'award',
      amountSatang: 150_000_000,
      version: 1,
    });
    expect(awarded.decision).toMatchObject({ outcome: 'award', amountSatang: 150_000_000, version: 2 });
    expect(awarded.budget.awardedSatang).toBeGreaterThanOrEqual(150_000_000);
    expect(awarded.budget.remainingSatang).toBe(1_000_000_000 - awarded.budget.awardedSatang);

    const audit = await ctx.database.db
      .select({ action: auditEvents.action, changes: auditEvents.changes, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, proposal.id), eq(auditEvents.action, 'decision.changed')));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actor).toBe(officer.userId);
    expect(audit[0]?.changes).toMatchObject({
      outcome: { before: 'waitlist', after: 'award' },
      amountSatang: { before: null, after: 150_000_000 },
    });
    const selection = (await officer.client.get(`/api/proposals/${proposal.id}/selection`)).json<{
      data: Selection;
    }>().data;
    expect(selection.state?.phase).toBe('decided');
    expect(selection.decision?.version).toBe(2);

    // A decided proposal is no longer the applicant's to withdraw, even before the call's deadline.
    const withdrawn = await owner.client.post(`/api/proposals/${proposal.id}/withdraw`, {});
    expect(withdrawn.statusCode).toBe(409);
    expect(withdrawn.json<{ error: { code: string; message: string } }>().error).toMatchObject({
      code: 'INVALID_STATE',
      message: th.errors.PROPOSAL_NOT_WITHDRAWABLE,
    });
  });
});

describe('letters, the applicant view and the public results', () => {
  it('releases decisions by email, in the app and as a PDF letter; the applicant sees them only then', async () => {
    const call2 = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const title = 'นวัตกรรมการจัดการน้ำชุมชนบ้านหนองบัว ปีที่ ๒';
    const winner = await submitted(title, 300_000_000, call2.id);
    const loser = await submitted('ข้อเสนอที่ไม่ได้รับทุน', 150_000_000, call2.id);
    for (const p of [winner, loser]) {
      await screenIn(officer.client, p.id);
    }
    await decide(officer.client, winner.id, { outcome: 'award', amountSatang: 250_000_000 });
    await decide(officer.client, loser.id, { outcome: 'reject', reason: 'ยังไม่แสดงผลลัพธ์ทางสังคมที่วัดได้' });

    // nothing shows before the release: applicant, letter, public results
    const hidden = await owner.client.get(`/api/proposals/${winner.id}/decision`);
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json<{ data: ApplicantDecision | null }>().data).toBeNull();
    expect((await owner.client.get(`/api/proposals/${winner.id}/decision-letter.pdf`)).statusCode).toBe(404);
    const preview = await officer.client.get(`/api/proposals/${winner.id}/decision-letter.pdf`);
    expect(preview.statusCode).toBe(200);
    expect(await pdfText(preview.rawPayload)).toContain('ร่าง');
    const before = await ctx.app.inject({ method: 'GET', url: `/api/calls/${call2.id}/results` });
    expect(before.statusCode).toBe(200);
    expect(before.json<{ data: PublicResults }>().data).toMatchObject({ isPublished: false, awards: [] });

    const summary = (await officer.client.get(`/api/calls/${call2.id}/decisions`)).json<{
      data: CallDecisions;
    }>().data;
    expect(summary).toMatchObject({ unsentCount: 2, budget: { awardedSatang: 250_000_000, awardCount: 1 } });
    expect(summary.phases.decided).toBe(2);

    expect((await owner.client.post(`/api/calls/${call2.id}/decisions/notify`, {})).statusCode).toBe(403);
    const released = await releaseDecisions(officer.client, call2.id);
    expect(released.sort()).toEqual([winner.id, loser.id].sort());
    expect(await releaseDecisions(officer.client, call2.id)).toEqual([]);

    // the applicant reads the decision
    const seen = (await owner.client.get(`/api/proposals/${winner.id}/decision`)).json<{
      data: ApplicantDecision;
    }>().data;
    expect(seen).toMatchObject({ outcome: 'award', amountSatang: 250_000_000, feedback: null });
    const rejected = (await colleague.client.get(`/api/proposals/${loser.id}/decision`)).json<{
      data: ApplicantDecision;
    }>().data;
    expect(rejected).toMatchObject({ outcome: 'reject', reason: 'ยังไม่แสดงผลลัพธ์ทางสังคมที่วัดได้' });
    expect((await outsider.client.get(`/api/proposals/${winner.id}/decision`)).statusCode).toBe(404);
    expect((await outsider.client.get(`/api/proposals/${winner.id}/decision-letter.pdf`)).statusCode).toBe(
      404,
    );

    // emails: Thai to the owner, English to the colleague who reads English
    const thai = await smtp.waitFor(
      (m) => m.to.includes(owner.email) && mailText(m.raw).includes('2,500,000'),
    );
    expect(mailText(thai.raw)).toContain('ได้รับการอนุมัติทุนสนับสนุน');
    expect(mailText(thai.raw)).toContain(`http://si.test/proposals/${winner.id}`);
    const english = await smtp.waitFor(
      (m) => m.to.includes(colleague.email) && mailText(m.raw).includes('not been funded'),
    );
    expect(mailText(english.raw)).toContain('ยังไม่แสดงผลลัพธ์ทางสังคมที่วัดได้');

    // in-app, in both languages
    const inbox = await ctx.database.db
      .select({ kind: notifications.kind, titleTh: notifications.titleTh, titleEn: notifications.titleEn })
      .from(notifications)
      .where(and(eq(notifications.userId, owner.userId), eq(notifications.kind, 'decision_released')));
    expect(inbox.map((n) => n.titleTh)).toContain('ผลการพิจารณา: ได้รับทุน');
    expect(inbox.map((n) => n.titleEn)).toContain('Decision: Awarded');

    // the letter: Thai text extracted from the PDF, and ink on the page
    const letter = await owner.client.get(`/api/proposals/${winner.id}/decision-letter.pdf?lang=th`);
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toBe('application/pdf');
    expect(letter.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(letter.rawPayload);
    expect(text).toContain(title.replace(/\s+/g, ''));
    expect(text).toContain('สำนักงานนวัตกรรมแห่งชาติ');
    expect(text).toContain('ได้รับการอนุมัติทุนสนับสนุน');
    expect(text).toContain('2,500,000บาท');
    expect(text).toContain(ORG_NAME);
    expect(text).toContain(winner.receiptNumber ?? 'missing');
    expect(text).not.toContain('ร่าง—');
    expect(await inkRatio(letter.rawPayload)).toBeGreaterThan(0.005);
    const englishLetter = await owner.client.get(`/api/proposals/${winner.id}/decision-letter.pdf?lang=en`);
    expect(await pdfText(englishLetter.rawPayload)).toContain('awardedagrantof');

    // public results: the award, its organisation, provinces and amount; the rejected one is not listed
    const results = await ctx.app.inject({ method: 'GET', url: `/api/calls/${call2.id}/results` });
    expect(results.statusCode).toBe(200);
    const data = results.json<{ data: PublicResults }>().data;
    expect(data).toMatchObject({ isPublished: true, totalAwardedSatang: 250_000_000 });
    expect(data.awards).toEqual([
      expect.objectContaining({
        proposalId: winner.id,
        organisationNameTh: ORG_NAME,
        provinceCodes: [58],
        amountSatang: 250_000_000,
      }),
    ]);
    expect(await auditActions(winner.id)).toEqual(
      expect.arrayContaining(['decision.made', 'decision.released']),
    );

    // changing a released decision makes it unsent again: the applicant no longer sees the old one as current
    const current = (await officer.client.get(`/api/proposals/${loser.id}/selection`)).json<{
      data: Selection;
    }>().data;
    const changed = await decide(officer.client, loser.id, {
      outcome: 'waitlist',
      version: current.decision?.version ?? 0,
    });
    expect(changed.decision.notifiedAt).toBeNull();
  });

  it('shows no results for a call that is not published', async () => {
    const draft = await createOpenCall(officer.client, { publish: false });
    const response = await ctx.app.inject({ method: 'GET', url: `/api/calls/${draft.id}/results` });
    expect(response.statusCode).toBe(404);
  });

  it("shares reviewers' anonymised feedback only when the call allows it", async () => {
    const reviewer = await signedIn(ctx, 'reviewer.somchai@decisions.test', 'reviewer');
    const withReview = async (callId: string, title: string) => {
      const proposal = await submitted(title, 150_000_000, callId);
      await screenIn(officer.client, proposal.id);
      const [rubric] = await ctx.database.db
        .insert(rubrics)
        .values({
          callId,
          stage: 'proposal',
          criteria: [
            {
              id: 'impact',
              nameTh: 'ผลกระทบทางสังคม',
              nameEn: 'Social impact',
              guidanceTh: '',
              guidanceEn: '',
              weight: 1,
              scaleMin: 1,
              scaleMax: 5,
              commentAtOrBelow: 2,
            },
          ],
          lockedAt: new Date(),
        })
        .onConflictDoNothing()
        .returning();
      const rubricId =
        rubric?.id ??
        (await ctx.database.db.select().from(rubrics).where(eq(rubrics.callId, callId)))[0]?.id ??
        '';
      const [assignment] = await ctx.database.db
        .insert(reviewAssignments)
        .values({
          callId,
          proposalId: proposal.id,
          stage: 'proposal',
          reviewerId: reviewer.userId,
          status: 'active',
          origin: 'manual',
        })
        .returning();
      await ctx.database.db.insert(reviews).values({
        assignmentId: assignment?.id ?? '',
        callId,
        proposalId: proposal.id,
        stage: 'proposal',
        reviewerId: reviewer.userId,
        rubricId,
        scores: { impact: { score: 2, comment: 'ยังไม่ชัดว่าใครได้ประโยชน์' } },
        comment: 'ควรระบุตัวชี้วัดผลลัพธ์ให้ชัดเจน',
        recommendation: 'fund_with_changes',
        status: 'submitted',
        weightedScore: 25,
        submittedAt: new Date(),
      });
      await decide(officer.client, proposal.id, { outcome: 'revision', reason: 'ขอให้ปรับแผนงบประมาณ' });
      await releaseDecisions(officer.client, callId);
      return proposal;
    };

    const closed = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const quiet = await withReview(closed.id, 'ข้อเสนอที่รอบไม่เปิดเผยความเห็น');
    const hidden = (await owner.client.get(`/api/proposals/${quiet.id}/decision`)).json<{
      data: ApplicantDecision;
    }>().data;
    expect(hidden).toMatchObject({ outcome: 'revision', feedback: null });

    const open = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    await ctx.database.db.insert(callReviewSettings).values({ callId: open.id, shareFeedback: true });
    const shared = await withReview(open.id, 'ข้อเสนอที่รอบเปิดเผยความเห็น');
    const response = await owner.client.get(`/api/proposals/${shared.id}/decision`);
    const seen = response.json<{ data: ApplicantDecision }>().data;
    expect(seen.feedback).toMatchObject({
      n: 1,
      comments: ['ควรระบุตัวชี้วัดผลลัพธ์ให้ชัดเจน'],
      criteria: [{ id: 'impact', mean: 2, comments: ['ยังไม่ชัดว่าใครได้ประโยชน์'] }],
    });
    // anonymised: nothing of the reviewer reaches the applicant
    expect(response.body).not.toContain(reviewer.userId);
    expect(response.body).not.toContain('reviewer.somchai');
  });
});

describe('two-stage calls', () => {
  it('invites a concept note to the full stage when its decision is released', async () => {
    const twoStage = await createOpenCall(officer.client, {
      call: { stageMode: 'two_stage', fullClosesAt: '2027-04-30T23:59:59+07:00' },
    });
    const draft = await owner.client.post('/api/proposals', {
      callId: twoStage.id,
      organisationId: orgId,
      titleTh: 'แนวคิดนวัตกรรมน้ำ',
    });
    const concept = draft.json<{ data: ProposalDetail }>().data;
    const saved = await owner.client.patch(`/api/proposals/${concept.id}`, {
      version: concept.version,
      answers: {
        summary: 'แนวคิดการจัดการน้ำ',
        area: [{ provinceCode: 58 }],
        themes: ['food_water_energy'],
        estimated_budget: 120_000_000,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await owner.client.post(`/api/proposals/${concept.id}/submit`, {
      version: saved.json<{ data: ProposalDetail }>().data.version,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    await screenIn(officer.client, concept.id);
    const selection = (await officer.client.get(`/api/proposals/${concept.id}/selection`)).json<{
      data: Selection;
    }>().data;
    expect(selection.outcomes).toEqual(['invite_full', 'reject', 'waitlist']);
    const award = await officer.client.post(`/api/proposals/${concept.id}/decision`, {
      outcome: 'award',
      amountSatang: 1,
    });
    expect(award.statusCode).toBe(400);
    await decide(officer.client, concept.id, { outcome: 'invite_full' });
    expect(await releaseDecisions(officer.client, twoStage.id)).toEqual([concept.id]);

    const seen = (await owner.client.get(`/api/proposals/${concept.id}/decision`)).json<{
      data: ApplicantDecision;
    }>().data;
    expect(seen.outcome).toBe('invite_full');
    expect(seen.fullProposalId).toBeTruthy();
    const full = (await owner.client.get(`/api/proposals/${seen.fullProposalId ?? ''}`)).json<{
      data: ProposalDetail;
    }>().data;
    expect(full).toMatchObject({ stage: 'full', status: 'draft', titleTh: 'แนวคิดนวัตกรรมน้ำ' });

    // the released invitation cannot be turned into a rejection
    const refused = await officer.client.post(`/api/proposals/${concept.id}/decision`, {
      outcome: 'reject',
      reason: 'เปลี่ยนใจ',
      version: 1,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
  });
});

describe('DecisionResult', () => {
  it('is what the dialog reads back after a decision', async () => {
    const proposal = await submitted('ข้อเสนอสำหรับตรวจผลลัพธ์');
    await screenIn(officer.client, proposal.id);
    const result: DecisionResult = await decide(officer.client, proposal.id, {
      outcome: 'reject',
      reason: 'ไม่ตรงเงื่อนไข',
    });
    expect(result.decision).toMatchObject({ outcome: 'reject', stage: 'proposal', notifiedAt: null });
    expect(result.budget.totalBudgetSatang).toBe(1_000_000_000);
  });
});
