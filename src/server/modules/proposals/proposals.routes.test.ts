import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { startSmtpServer, mailText } from '@tests/helpers/smtp';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM, completeAnswers, startDraft as startDraftAs } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { auditEvents, notifications } from '@server/db/schema/index';
import type { CallDetail } from '@shared/contracts/calls';
import type { FormDefinitionInput } from '@shared/contracts/forms';
import type { ProposalDetail, ProposalSummary } from '@shared/contracts/proposals';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
/** The application's clock: 1 Dec 2026, 10:00 in Bangkok, inside the test calls' window. */
const now = new Date('2026-12-01T10:00:00+07:00');

let officer: Person;
let owner: Person;
let outsider: Person;
let orgId: string;
let call: CallDetail;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestApp(
    { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100', PUBLIC_URL: 'http://si.test' },
    { clock: () => now },
  );
  officer = await signedIn(ctx, 'officer@proposals.test', 'programme_officer');
  owner = await signedIn(ctx, 'owner@proposals.test');
  outsider = await signedIn(ctx, 'outsider@proposals.test');
  orgId = await createOrganisation(owner.client, { provinceCode: 58 });
  call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

type Json<T> = { json: <U = T>() => U; statusCode: number; body: string };

function startDraft(client: TestClient, callId = call.id, organisationId = orgId, titleTh = 'ข้อเสนอทดสอบ') {
  return startDraftAs(client, { callId, organisationId, titleTh });
}

function issues(response: Json<unknown>) {
  return response.json<{
    error: {
      code: string;
      details: { issues: Array<{ field: string; message: string; messageEn?: string }> };
    };
  }>().error.details.issues;
}

describe('starting a proposal', () => {
  it('starts a draft on the current form, frozen from then on, with its first event and an audit record', async () => {
    const draft = await startDraft(owner.client);
    expect(draft).toMatchObject({
      status: 'draft',
      stage: 'proposal',
      version: 1,
      formVersion: 1,
      receiptNumber: null,
      organisation: { id: orgId, provinceCode: 58 },
      provinceCodes: [58],
      answers: {},
      abilities: { edit: true, submit: true, withdraw: true, returnForRevision: false },
    });
    expect(draft.events).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'draft' })]);
    expect(new Date(draft.deadline).toISOString()).toBe(new Date('2027-01-31T23:59:59+07:00').toISOString());
    const forms = (await officer.client.get(`/api/calls/${call.id}/forms`)).json<{
      data: Array<{ id: string; frozenAt: string | null }>;
    }>().data;
    expect(forms.find((f) => f.id === draft.formId)?.frozenAt).not.toBeNull();
    const audit = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, draft.id));
    expect(audit.map((a) => a.action)).toEqual(['proposal.created']);
  });

  it('refuses strangers to the organisation, viewers, a draft call, a closed call and a foreign problem statement', async () => {
    expect(
      (await outsider.client.post('/api/proposals', { callId: call.id, organisationId: orgId, titleTh: 'x' }))
        .statusCode,
    ).toBe(404);
    const viewer = await signedIn(ctx, 'viewer-create@proposals.test');
    await createOrganisationMembershipForTest(ctx.database.db, orgId, viewer.userId, 'viewer');
    expect(
      (await viewer.client.post('/api/proposals', { callId: call.id, organisationId: orgId, titleTh: 'x' }))
        .statusCode,
    ).toBe(403);

    const draftCall = await createOpenCall(officer.client, { publish: false });
    expect(
      (
        await owner.client.post('/api/proposals', {
          callId: draftCall.id,
          organisationId: orgId,
          titleTh: 'x',
        })
      ).statusCode,
    ).toBe(404);

    const ended = await createOpenCall(officer.client, { call: { closesAt: '2026-11-30T23:59:59+07:00' } });
    const late = await owner.client.post('/api/proposals', {
      callId: ended.id,
      organisationId: orgId,
      titleTh: 'x',
    });
    expect(late.statusCode).toBe(422);
    expect(late.json<{ error: { code: string } }>().error.code).toBe('DEADLINE_PASSED');

    const bad = await owner.client.post('/api/proposals', {
      callId: call.id,
      organisationId: orgId,
      titleTh: 'x',
      problemStatementId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad.statusCode).toBe(400);
    expect(issues(bad).map((i) => i.field)).toEqual(['body.problemStatementId']);
  });
});

describe('who sees and changes a proposal', () => {
  it('answers 401 signed out, 404 to other organisations, and lets viewers, co-applicants and officers read only', async () => {
    const draft = await startDraft(owner.client);
    const anonymous = new TestClient(ctx.app);
    expect((await anonymous.get(`/api/proposals/${draft.id}`)).statusCode).toBe(401);

    for (const response of [
      await outsider.client.get(`/api/proposals/${draft.id}`),
      await outsider.client.patch(`/api/proposals/${draft.id}`, { version: 1, titleTh: 'ของฉัน' }),
      await outsider.client.post(`/api/proposals/${draft.id}/submit`, { version: 1 }),
      await outsider.client.get(`/api/proposals/${draft.id}/pdf`),
      await outsider.client.post(`/api/proposals/${draft.id}/withdraw`),
    ]) {
      expect(response.statusCode, response.body).toBe(404);
    }

    const viewer = await signedIn(ctx, 'viewer@proposals.test');
    await createOrganisationMembershipForTest(ctx.database.db, orgId, viewer.userId, 'viewer');
    const seen = await viewer.client.get(`/api/proposals/${draft.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json<{ data: ProposalDetail }>().data.abilities).toMatchObject({
      edit: false,
      submit: false,
    });
    expect(
      (await viewer.client.patch(`/api/proposals/${draft.id}`, { version: 1, titleTh: 'x' })).statusCode,
    ).toBe(403);
    expect((await viewer.client.post(`/api/proposals/${draft.id}/submit`, { version: 1 })).statusCode).toBe(
      403,
    );

    const partner = await signedIn(ctx, 'partner-owner@proposals.test');
    const partnerOrg = await createOrganisation(partner.client, {
      nameTh: 'มูลนิธิภาคี',
      type: 'npo_foundation',
    });
    const linked = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: 1,
      coApplicantIds: [partnerOrg],
    });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json<{ data: ProposalDetail }>().data.coApplicants.map((c) => c.id)).toEqual([partnerOrg]);
    expect((await partner.client.get(`/api/proposals/${draft.id}`)).statusCode).toBe(200);
    expect(
      (await partner.client.patch(`/api/proposals/${draft.id}`, { version: 2, titleTh: 'x' })).statusCode,
    ).toBe(403);

    const asOfficer = await officer.client.get(`/api/proposals/${draft.id}`);
    expect(asOfficer.statusCode).toBe(200);
    expect(
      (await officer.client.patch(`/api/proposals/${draft.id}`, { version: 2, titleTh: 'x' })).statusCode,
    ).toBe(403);

    const mine = (await owner.client.get(`/api/proposals/mine?organisationId=${orgId}`)).json<{
      data: ProposalSummary[];
    }>().data;
    expect(mine.map((p) => p.id)).toContain(draft.id);
    expect((await outsider.client.get('/api/proposals/mine')).json<{ data: unknown[] }>().data).toEqual([]);
  });

  it('refuses unknown co-applicants and the applicant itself, field by field', async () => {
    const draft = await startDraft(owner.client);
    const response = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: 1,
      coApplicantIds: [orgId, '00000000-0000-4000-8000-000000000001'],
    });
    expect(response.statusCode).toBe(400);
    expect(issues(response).map((i) => i.field)).toEqual(['body.coApplicantIds.0', 'body.coApplicantIds.1']);
  });
});

describe('autosave', () => {
  it('gives the second of two saves naming one version a 409 with the newer proposal, and keeps the first', async () => {
    const draft = await startDraft(owner.client);
    const first = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: draft.version,
      answers: { summary: 'ฉบับจากแท็บแรก' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ data: ProposalDetail }>().data.version).toBe(2);

    const second = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: draft.version,
      answers: { summary: 'ฉบับจากแท็บที่สอง' },
    });
    expect(second.statusCode).toBe(409);
    const error = second.json<{ error: { code: string; details: { current: ProposalDetail } } }>().error;
    expect(error.code).toBe('CONFLICT');
    expect(error.details.current.version).toBe(2);
    expect(error.details.current.answers).toEqual({ summary: 'ฉบับจากแท็บแรก' });

    const stored = (await owner.client.get(`/api/proposals/${draft.id}`)).json<{ data: ProposalDetail }>()
      .data;
    expect(stored.answers).toEqual({ summary: 'ฉบับจากแท็บแรก' });
  });

  it('recomputes the amount, area, themes and automatic eligibility from the answers', async () => {
    const draft = await startDraft(owner.client);
    const saved = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: 1,
      answers: { ...completeAnswers(600_000_000), area: [{ provinceCode: 50 }, { provinceCode: 57 }] },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const data = saved.json<{ data: ProposalDetail }>().data;
    expect(data).toMatchObject({
      requestedSatang: 600_000_000,
      provinceCodes: [50, 57],
      themes: ['food_water_energy'],
      eligible: false,
    });
    expect(data.eligibility?.checks).toContainEqual(
      expect.objectContaining({ rule: 'budget', passed: false }),
    );
  });

  it('reports answer problems per field, in Thai by default and in English when asked', async () => {
    const draft = await startDraft(owner.client);
    const body = {
      version: 1,
      answers: {
        summary: 42,
        budget: [{ category: 'materials', description: 'ท่อ', amountSatang: -5 }],
        nonsense: 'x',
      },
    };
    const thai = await owner.client.patch(`/api/proposals/${draft.id}`, body);
    expect(thai.statusCode).toBe(400);
    const thaiIssues = issues(thai);
    expect(thaiIssues.map((i) => i.field).sort()).toEqual([
      'body.answers.budget.0.amountSatang',
      'body.answers.nonsense',
      'body.answers.summary',
    ]);
    expect(thaiIssues.find((i) => i.field === 'body.answers.summary')).toMatchObject({
      message: 'รูปแบบคำตอบไม่ถูกต้อง',
      messageEn: 'This answer has the wrong form',
    });
    const english = await owner.client.request('PATCH', `/api/proposals/${draft.id}`, body, {
      'accept-language': 'en',
    });
    expect(issues(english).find((i) => i.field === 'body.answers.nonsense')?.message).toBe(
      'This question is not in the form',
    );
    const unchanged = (await owner.client.get(`/api/proposals/${draft.id}`)).json<{ data: ProposalDetail }>()
      .data;
    expect(unchanged.version).toBe(1);
  });

  it('refuses file answers that name files not attached to this proposal', async () => {
    const draft = await startDraft(owner.client);
    const response = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: 1,
      answers: { document: ['00000000-0000-4000-8000-000000000002'] },
    });
    expect(response.statusCode).toBe(400);
    expect(issues(response).map((i) => i.field)).toEqual(['body.answers.document.0']);
  });

  it('refuses answers larger than the limit', async () => {
    const draft = await startDraft(owner.client);
    const answers = Object.fromEntries(Array.from({ length: 55 }, (_, i) => [`q${i}`, 'ก'.repeat(6100)]));
    const response = await owner.client.patch(`/api/proposals/${draft.id}`, { version: 1, answers });
    expect(response.statusCode).toBe(413);
    expect(issues(response).map((i) => i.field)).toEqual(['body.answers']);
  });
});

describe('frozen form versions', () => {
  it('gives new drafts the edited form as a new version while an older draft keeps validating against its own', async () => {
    const own = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const older = await startDraft(owner.client, own.id);
    expect(older.formVersion).toBe(1);

    const edited: FormDefinitionInput = {
      sections: TEST_FORM.sections.map((s) =>
        s.id === 'general' ? { ...s, questions: s.questions.filter((q) => q.id !== 'beneficiaries') } : s,
      ),
    };
    const saved = await officer.client.request('PUT', `/api/calls/${own.id}/forms/proposal`, {
      definition: edited,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ data: { version: number } }>().data.version).toBe(2);

    const newer = await startDraft(owner.client, own.id);
    expect(newer.formVersion).toBe(2);
    expect(newer.form.sections[0]?.questions.map((q) => q.id)).not.toContain('beneficiaries');

    const keep = await owner.client.patch(`/api/proposals/${older.id}`, {
      version: 1,
      answers: { beneficiaries: 12 },
    });
    expect(keep.statusCode, keep.body).toBe(200);
    expect(keep.json<{ data: ProposalDetail }>().data).toMatchObject({
      formVersion: 1,
      answers: { beneficiaries: 12 },
    });
    const refused = await owner.client.patch(`/api/proposals/${newer.id}`, {
      version: 1,
      answers: { beneficiaries: 12 },
    });
    expect(refused.statusCode).toBe(400);
    expect(issues(refused).map((i) => i.field)).toEqual(['body.answers.beneficiaries']);
  });
});

describe('withdrawing', () => {
  it('withdraws before the deadline once, and tells the members', async () => {
    const draft = await startDraft(owner.client, call.id, orgId, 'ข้อเสนอที่จะถอน');
    const withdrawn = await owner.client.post(`/api/proposals/${draft.id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<{ data: ProposalDetail }>().data).toMatchObject({
      status: 'withdrawn',
      abilities: { edit: false, submit: false, withdraw: false },
    });
    expect((await owner.client.post(`/api/proposals/${draft.id}/withdraw`)).statusCode).toBe(409);
    expect(
      (await owner.client.patch(`/api/proposals/${draft.id}`, { version: 2, titleTh: 'แก้' })).json<{
        error: { code: string };
      }>().error.code,
    ).toBe('INVALID_STATE');
    const inbox = await ctx.database.db
      .select({ kind: notifications.kind, link: notifications.link })
      .from(notifications)
      .where(eq(notifications.userId, owner.userId));
    expect(inbox).toContainEqual({ kind: 'proposal_withdrawn', link: `/proposals/${draft.id}` });
  });
});

describe("officers' actions", () => {
  async function submitted(title: string): Promise<ProposalDetail> {
    const draft = await startDraft(owner.client, call.id, orgId, title);
    const saved = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: 1,
      answers: completeAnswers(),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const response = await owner.client.post(`/api/proposals/${draft.id}/submit`, { version: 2 });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{ data: ProposalDetail }>().data;
  }

  it('returns a submitted proposal for revision; the applicant edits and resubmits it under the same receipt', async () => {
    const proposal = await submitted('ข้อเสนอที่ถูกส่งกลับ');
    expect(
      (
        await owner.client.post(`/api/proposals/${proposal.id}/return`, {
          comment: 'x',
          dueAt: '2027-03-01T00:00:00+07:00',
        })
      ).statusCode,
    ).toBe(403);
    const past = await officer.client.post(`/api/proposals/${proposal.id}/return`, {
      comment: 'แก้ไขงบประมาณ',
      dueAt: '2026-11-01T00:00:00+07:00',
    });
    expect(past.statusCode).toBe(400);
    expect(issues(past).map((i) => i.field)).toEqual(['body.dueAt']);

    const returned = await officer.client.post(`/api/proposals/${proposal.id}/return`, {
      comment: 'กรุณาแยกค่าวัสดุเป็นรายการ',
      dueAt: '2027-02-15T17:00:00+07:00',
    });
    expect(returned.statusCode, returned.body).toBe(200);
    const data = returned.json<{ data: ProposalDetail }>().data;
    expect(data).toMatchObject({
      status: 'returned',
      receiptNumber: proposal.receiptNumber,
      returned: { comment: 'กรุณาแยกค่าวัสดุเป็นรายการ' },
    });
    expect(new Date(data.deadline).toISOString()).toBe(new Date('2027-02-15T17:00:00+07:00').toISOString());
    expect(
      (
        await officer.client.post(`/api/proposals/${proposal.id}/return`, {
          comment: 'อีกครั้ง',
          dueAt: '2027-02-15T17:00:00+07:00',
        })
      ).statusCode,
    ).toBe(409);

    const mail = await smtp.waitFor(
      (m) => m.to.includes(owner.email) && mailText(m.raw).includes('แยกค่าวัสดุ'),
    );
    expect(mailText(mail.raw)).toContain(`http://si.test/proposals/${proposal.id}`);

    const fixed = await owner.client.patch(`/api/proposals/${proposal.id}`, {
      version: data.version,
      answers: completeAnswers(200_000_000),
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const again = await owner.client.post(`/api/proposals/${proposal.id}/submit`, {
      version: fixed.json<{ data: ProposalDetail }>().data.version,
    });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ data: ProposalDetail }>().data).toMatchObject({
      status: 'submitted',
      receiptNumber: proposal.receiptNumber,
      requestedSatang: 200_000_000,
    });
  });

  it('overrides eligibility with a recorded reason, and tells the applicant', async () => {
    const proposal = await submitted('ข้อเสนอที่ต้องปรับผลคุณสมบัติ');
    expect(
      (await owner.client.post(`/api/proposals/${proposal.id}/eligibility`, { eligible: false, reason: 'x' }))
        .statusCode,
    ).toBe(403);
    const response = await officer.client.post(`/api/proposals/${proposal.id}/eligibility`, {
      eligible: false,
      reason: 'องค์กรยังไม่จดทะเบียน',
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ data: ProposalDetail }>().data).toMatchObject({
      eligible: false,
      eligibilityOverridden: true,
      eligibilityOverride: { eligible: false, reason: 'องค์กรยังไม่จดทะเบียน' },
      version: proposal.version,
    });
    const inbox = await ctx.database.db
      .select({
        kind: notifications.kind,
        titleTh: notifications.titleTh,
        titleEn: notifications.titleEn,
        bodyTh: notifications.bodyTh,
      })
      .from(notifications)
      .where(eq(notifications.userId, owner.userId));
    const notice = inbox.find((n) => n.kind === 'proposal_eligibility');
    expect(notice?.bodyTh).toContain('องค์กรยังไม่จดทะเบียน');
    // each language reads the result in its own words
    expect(notice?.titleTh).toContain('ไม่มีสิทธิ์');
    expect(notice?.titleEn).toContain('Not eligible');
    expect(notice?.titleEn).not.toMatch(/[\u0E00-\u0E7F]/);
    const audit = await ctx.database.db
      .select({ action: auditEvents.action, actor: auditEvents.actorUserId })
      .from(auditEvents)
      .where(eq(auditEvents.entityId, proposal.id));
    expect(audit).toContainEqual({ action: 'proposal.eligibility_overridden', actor: officer.userId });
  });

  it('invites a submitted concept note of a two-stage call to a full-proposal draft, once', async () => {
    const twoStage = await createOpenCall(officer.client, {
      call: { stageMode: 'two_stage', fullClosesAt: '2027-04-30T23:59:59+07:00' },
    });
    const concept = await startDraft(owner.client, twoStage.id, orgId, 'แนวคิดนวัตกรรมน้ำ');
    expect(concept.stage).toBe('concept');
    const answers = {
      summary: 'แนวคิดการจัดการน้ำ',
      area: [{ provinceCode: 58 }],
      themes: ['food_water_energy'],
      estimated_budget: 120_000_000,
    };
    const saved = await owner.client.patch(`/api/proposals/${concept.id}`, { version: 1, answers });
    expect(saved.statusCode, saved.body).toBe(200);
    const sent = await owner.client.post(`/api/proposals/${concept.id}/submit`, { version: 2 });
    expect(sent.statusCode, sent.body).toBe(200);

    expect((await officer.client.post(`/api/proposals/${call.id}/invite-full`)).statusCode).toBe(404);
    const invited = await officer.client.post(`/api/proposals/${concept.id}/invite-full`);
    expect(invited.statusCode, invited.body).toBe(201);
    const full = invited.json<{ data: ProposalDetail }>().data;
    expect(full).toMatchObject({
      stage: 'full',
      status: 'draft',
      titleTh: 'แนวคิดนวัตกรรมน้ำ',
      receiptNumber: null,
    });
    expect(new Date(full.deadline).toISOString()).toBe(new Date('2027-04-30T23:59:59+07:00').toISOString());
    expect((await owner.client.get(`/api/proposals/${full.id}`)).statusCode).toBe(200);
    expect((await officer.client.post(`/api/proposals/${concept.id}/invite-full`)).statusCode).toBe(409);
  });
});
