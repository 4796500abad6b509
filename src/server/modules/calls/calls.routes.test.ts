import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { startDraft } from '@tests/factories/proposals';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { saveProvinceGroup } from '@server/modules/reference/reference.service';
import { freezeForm } from '@server/modules/calls/calls.service';
import { auditEvents, notifications, proposals } from '@server/db/schema/index';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import type {
  CallDetail,
  CallForm,
  CallSummary,
  CreateCallInput,
  ProblemStatement,
} from '@shared/contracts/calls';
import type { FormDefinitionInput } from '@shared/contracts/forms';

let ctx: TestContext;
/** The application's clock; tests move it to cross opening times and deadlines. */
let now = new Date('2026-11-27T03:00:00Z');
const PASSWORD = 'correct horse battery';
const ids = new Map<string, string>();

type Role = 'programme_officer' | 'administrator' | 'partner' | null;

async function person(email: string, role: Role = null): Promise<TestClient> {
  const id = await ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    role,
  });
  ids.set(email, id);
  const client = new TestClient(ctx.app);
  expect((await client.signIn(email, PASSWORD)).statusCode).toBe(200);
  return client;
}

let officer: TestClient;
let applicant: TestClient;
let partner: TestClient;
let anonymous: TestClient;

beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => now });
  officer = await person('officer@calls.test', 'programme_officer');
  applicant = await person('applicant@calls.test');
  partner = await person('partner@calls.test', 'partner');
  anonymous = new TestClient(ctx.app);
});
afterAll(async () => {
  await ctx.close();
});

let codeCounter = 0;
/** A unique receipt code per test: two to six capital letters. */
function nextCode(): string {
  codeCounter += 1;
  return `T${String.fromCharCode(65 + Math.floor(codeCounter / 26))}${String.fromCharCode(65 + (codeCounter % 26))}`;
}

function callBody(overrides: Partial<CreateCallInput> = {}): CreateCallInput {
  return {
    programmeSlug: 'city-challenge',
    code: nextCode(),
    titleTh: 'รอบทดสอบ',
    titleEn: 'Test call',
    opensAt: '2026-11-01T00:00:00+07:00',
    closesAt: '2027-01-31T23:59:59+07:00',
    fiscalYear: 2570,
    totalBudgetSatang: 1_000_000_000,
    minGrantSatang: 10_000_000,
    maxGrantSatang: 100_000_000,
    ...overrides,
  };
}

async function createCall(overrides: Partial<CreateCallInput> = {}): Promise<CallDetail> {
  const response = await officer.post('/api/calls', callBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: CallDetail }>().data;
}

async function publishedCall(overrides: Partial<CreateCallInput> = {}): Promise<CallDetail> {
  const call = await createCall(overrides);
  const response = await officer.post(`/api/calls/${call.id}/publish`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: CallDetail }>().data;
}

async function listIds(client: TestClient, query = ''): Promise<string[]> {
  const response = await client.get(`/api/calls${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: CallSummary[] }>().data.map((c) => c.id);
}

function issueFields(response: { json: <T>() => T }): string[] {
  return response
    .json<{ error: { details: { issues: Array<{ field: string }> } } }>()
    .error.details.issues.map((i) => i.field);
}

async function createOrganisation(client: TestClient, body: Record<string, unknown>): Promise<string> {
  const response = await client.post('/api/organisations', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: { id: string } }>().data.id;
}

/** Starts a draft through the proposals API (which freezes the form version it starts on). */
function startProposal(client: TestClient, callId: string, organisationId: string) {
  return startDraft(client, { callId, organisationId, titleTh: 'ข้อเสนอทดสอบ' });
}

/** A withdrawn proposal row, inserted directly: withdrawing is the proposals module's business, not this file's. */
async function insertWithdrawnProposal(callId: string, formId: string, organisationId: string) {
  await freezeForm(ctx.database.db, formId, now);
  await ctx.database.db.insert(proposals).values({
    callId,
    stage: 'proposal',
    formId,
    organisationId,
    titleTh: 'ข้อเสนอที่ถอนแล้ว',
    status: 'withdrawn',
  });
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

describe('creating calls', () => {
  it('refuses people who are not signed in, and applicants', async () => {
    expect((await anonymous.post('/api/calls', callBody())).statusCode).toBe(401);
    expect((await applicant.post('/api/calls', callBody())).statusCode).toBe(403);
    expect((await partner.post('/api/calls', callBody())).statusCode).toBe(403);
  });

  it('creates a draft two-stage call with a starter form for each stage, and audits it', async () => {
    const call = await createCall({
      stageMode: 'two_stage',
      fullClosesAt: '2027-04-30T23:59:59+07:00',
      titleTh: 'ความท้าทายเมือง',
    });
    expect(call).toMatchObject({
      status: 'draft',
      stageMode: 'two_stage',
      programmeType: 'city_challenge',
      closesAt: '2027-01-31T16:59:59.000Z',
      fullClosesAt: '2027-04-30T16:59:59.000Z',
      version: 1,
      abilities: { edit: true, manageIntake: true },
    });
    expect(call.forms.map((f) => [f.stage, f.version])).toEqual([
      ['concept', 1],
      ['full', 1],
    ]);
    expect(call.forms[0]?.definition.sections.length).toBeGreaterThan(0);
    expect(await auditActions(call.id)).toContain('call.created');
  });

  it.each([
    [{ closesAt: '2026-10-31T23:59:59+07:00' }, 'body.closesAt'],
    [{ fullClosesAt: '2027-04-30T23:59:59+07:00' }, 'body.fullClosesAt'],
    [{ stageMode: 'two_stage' as const, fullClosesAt: '2027-01-31T23:59:59+07:00' }, 'body.fullClosesAt'],
    [{ minGrantSatang: 200_000_000 }, 'body.minGrantSatang'],
    [{ maxGrantSatang: 2_000_000_000 }, 'body.maxGrantSatang'],
    [{ programmeSlug: 'no-such-programme' }, 'body.programmeSlug'],
    [{ code: 'cc' }, 'body.code'],
    [{ opensAt: '2026-11-01 00:00' }, 'body.opensAt'],
  ])('rejects %o naming %s', async (patch, field) => {
    const response = await officer.post('/api/calls', callBody(patch));
    expect(response.statusCode).toBe(400);
    expect(issueFields(response)).toContain(field);
  });

  it('keeps the code unique within a fiscal year', async () => {
    const call = await createCall();
    const again = await officer.post('/api/calls', callBody({ code: call.code }));
    expect(again.statusCode).toBe(409);
    expect(issueFields(again)).toEqual(['body.code']);
    const nextYear = await officer.post('/api/calls', callBody({ code: call.code, fiscalYear: 2571 }));
    expect(nextYear.statusCode).toBe(201);
  });
});

describe('who sees which call', () => {
  it('hides drafts from the public and from applicants; officers list them by status', async () => {
    const draft = await createCall();
    expect((await anonymous.get(`/api/calls/${draft.id}`)).statusCode).toBe(404);
    expect((await applicant.get(`/api/calls/${draft.id}`)).statusCode).toBe(404);
    expect(await listIds(anonymous)).not.toContain(draft.id);
    expect(await listIds(officer)).not.toContain(draft.id);
    expect(await listIds(officer, '?status=draft')).toContain(draft.id);
    expect((await applicant.get('/api/calls?status=draft')).statusCode).toBe(403);
    expect((await anonymous.get('/api/calls?status=archived')).statusCode).toBe(403);
    expect((await anonymous.get('/api/calls?phase=soon')).statusCode).toBe(400);
    expect((await anonymous.get('/api/calls/not-a-uuid')).statusCode).toBe(400);
    expect((await anonymous.get('/api/calls/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });

  it('lists published calls by phase, programme, theme and fiscal year', async () => {
    const open = await publishedCall({ eligibility: { themes: ['health'] } });
    const upcoming = await publishedCall({
      programmeSlug: 'sectoral',
      opensAt: '2027-01-05T00:00:00+07:00',
      closesAt: '2027-03-31T23:59:59+07:00',
    });
    const past = await publishedCall({
      opensAt: '2026-03-01T00:00:00+07:00',
      closesAt: '2026-05-29T23:59:59+07:00',
      fiscalYear: 2569,
    });
    const openIds = await listIds(anonymous, '?phase=open');
    expect(openIds).toContain(open.id);
    expect(openIds).not.toContain(upcoming.id);
    expect(openIds).not.toContain(past.id);
    expect(await listIds(anonymous, '?phase=upcoming')).toEqual(expect.arrayContaining([upcoming.id]));
    expect(await listIds(anonymous, '?phase=upcoming')).not.toContain(open.id);
    expect(await listIds(anonymous, '?phase=closed')).toContain(past.id);
    expect(await listIds(anonymous, '?programme=sectoral')).toEqual([upcoming.id]);
    expect(await listIds(anonymous, '?fiscalYear=2569')).toEqual([past.id]);
    const health = await listIds(anonymous, '?theme=health');
    expect(health).toEqual(expect.arrayContaining([open.id, upcoming.id]));
    expect(await listIds(anonymous, '?theme=tourism_culture')).not.toContain(open.id);

    const list = (await anonymous.get('/api/calls')).json<{ data: CallSummary[] }>().data;
    const phases = new Map(list.map((c) => [c.id, c.phase]));
    expect([phases.get(open.id), phases.get(upcoming.id), phases.get(past.id)]).toEqual([
      'open',
      'upcoming',
      'closed',
    ]);
    const order = list.map((c) => c.id);
    expect(order.indexOf(past.id)).toBeGreaterThan(order.indexOf(upcoming.id));
  });

  it('counts the deadline to the second in Asia/Bangkok: 23:59:59 is open, 00:00:00 is closed', async () => {
    const call = await publishedCall({ closesAt: '2027-01-31T23:59:59+07:00' });
    const saved = now;
    try {
      now = new Date('2027-01-31T16:59:59.999Z');
      expect(await listIds(anonymous, '?phase=open')).toContain(call.id);
      expect((await anonymous.get(`/api/calls/${call.id}`)).json<{ data: CallDetail }>().data).toMatchObject({
        phase: 'open',
        abilities: { apply: true, edit: false },
      });
      now = new Date('2027-01-31T17:00:00.000Z');
      expect(await listIds(anonymous, '?phase=open')).not.toContain(call.id);
      expect(await listIds(anonymous, '?phase=closed')).toContain(call.id);
      expect((await anonymous.get(`/api/calls/${call.id}`)).json<{ data: CallDetail }>().data).toMatchObject({
        phase: 'closed',
        abilities: { apply: false },
      });
    } finally {
      now = saved;
    }
  });
});

describe('the call status machine', () => {
  it('moves draft → published → closed → published → closed → archived and refuses other moves', async () => {
    const call = await createCall();
    const go = (transition: string, client: TestClient = officer) =>
      client.post(`/api/calls/${call.id}/${transition}`);
    expect((await go('close')).statusCode).toBe(409);
    expect((await go('reopen')).statusCode).toBe(409);
    expect((await go('publish', applicant)).statusCode).toBe(404);
    expect((await go('publish', anonymous)).statusCode).toBe(401);
    const published = await go('publish');
    expect(published.json<{ data: CallDetail }>().data.status).toBe('published');
    expect((await go('publish', applicant)).statusCode).toBe(403);
    expect((await go('publish')).json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
    expect((await go('archive')).statusCode).toBe(409);
    expect((await go('close')).json<{ data: CallDetail }>().data.status).toBe('closed');
    expect((await anonymous.get(`/api/calls/${call.id}`)).statusCode).toBe(200);
    expect((await go('reopen')).json<{ data: CallDetail }>().data.status).toBe('published');
    expect((await go('close')).statusCode).toBe(200);
    const archived = await go('archive');
    expect(archived.json<{ data: CallDetail }>().data).toMatchObject({
      status: 'archived',
      abilities: { edit: false },
    });
    expect((await go('reopen')).statusCode).toBe(409);
    expect((await anonymous.get(`/api/calls/${call.id}`)).statusCode).toBe(404);
    expect(await listIds(officer, '?status=archived')).toContain(call.id);
    const edit = await officer.patch(`/api/calls/${call.id}`, { titleEn: 'Late', version: 7 });
    expect(edit.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
    expect(await auditActions(call.id)).toEqual(
      expect.arrayContaining(['call.publish', 'call.close', 'call.reopen', 'call.archive']),
    );
  });

  it('archives a draft that never went out', async () => {
    const call = await createCall();
    expect((await officer.post(`/api/calls/${call.id}/archive`)).statusCode).toBe(200);
  });

  it('reopens a closed call only while its closing time is still ahead', async () => {
    const call = await publishedCall({ closesAt: '2027-01-31T23:59:59+07:00' });
    expect((await officer.post(`/api/calls/${call.id}/close`)).statusCode).toBe(200);
    const saved = now;
    try {
      now = new Date('2027-02-01T00:00:00+07:00');
      const refused = await officer.post(`/api/calls/${call.id}/reopen`);
      expect(refused.statusCode).toBe(409);
      const detail = (await officer.get(`/api/calls/${call.id}`)).json<{ data: CallDetail }>().data;
      const extended = await officer.patch(`/api/calls/${call.id}`, {
        closesAt: '2027-02-28T23:59:59+07:00',
        version: detail.version,
      });
      expect(extended.statusCode, extended.body).toBe(200);
      expect((await officer.post(`/api/calls/${call.id}/reopen`)).statusCode).toBe(200);
    } finally {
      now = saved;
    }
  });
});

describe('editing calls', () => {
  it('gives 409 to a stale version and checks the rules on the merged call', async () => {
    const call = await createCall();
    const first = await officer.patch(`/api/calls/${call.id}`, { titleEn: 'First', version: call.version });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ data: CallDetail }>().data).toMatchObject({ titleEn: 'First', version: 2 });
    const stale = await officer.patch(`/api/calls/${call.id}`, { titleEn: 'Second', version: call.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { message: string } }>().error.message).toContain('แก้ไข');
    const invalid = await officer.patch(`/api/calls/${call.id}`, { minGrantSatang: 500_000_000, version: 2 });
    expect(invalid.statusCode).toBe(400);
    expect(issueFields(invalid)).toEqual(['body.minGrantSatang']);
    expect((await applicant.patch(`/api/calls/${call.id}`, { titleEn: 'X', version: 2 })).statusCode).toBe(
      404,
    );
    expect((await officer.patch(`/api/calls/${call.id}`, { titleEn: 'X' })).statusCode).toBe(400);
    expect(await auditActions(call.id)).toContain('call.updated');
  });

  it('switches stage mode while no proposal exists, giving the new stages their starter forms', async () => {
    const call = await createCall();
    const switched = await officer.patch(`/api/calls/${call.id}`, {
      stageMode: 'two_stage',
      fullClosesAt: '2027-03-31T23:59:59+07:00',
      version: call.version,
    });
    expect(switched.statusCode, switched.body).toBe(200);
    expect(switched.json<{ data: CallDetail }>().data.forms.map((f) => f.stage)).toEqual(['concept', 'full']);
  });
});

const FORM: FormDefinitionInput = {
  sections: [
    {
      id: 'about',
      titleTh: 'เกี่ยวกับโครงการ',
      titleEn: 'About',
      questions: [
        { id: 'summary', type: 'long_text', labelTh: 'สรุป', labelEn: 'Summary', required: true },
        { id: 'has_partner', type: 'yes_no', labelTh: 'มีภาคี', labelEn: 'Partner?' },
        {
          id: 'partner_name',
          type: 'short_text',
          labelTh: 'ชื่อภาคี',
          labelEn: 'Partner name',
          required: true,
          showWhen: { questionId: 'has_partner', anyOf: ['yes'] },
        },
      ],
    },
  ],
};

describe('call forms', () => {
  it('edits the newest version in place until a proposal uses it, then makes a new version', async () => {
    const call = await publishedCall();
    const stage = call.forms[0];
    expect(stage?.stage).toBe('proposal');
    const inPlace = await officer.request('PUT', `/api/calls/${call.id}/forms/proposal`, {
      definition: FORM,
    });
    expect(inPlace.statusCode, inPlace.body).toBe(200);
    expect(inPlace.json<{ data: CallForm }>().data).toMatchObject({
      id: stage?.id,
      version: 1,
      frozenAt: null,
    });

    const orgId = await createOrganisation(applicant, { nameTh: 'กลุ่มทดสอบแบบฟอร์ม', type: 'youth_group' });
    const first = await startProposal(applicant, call.id, orgId);
    expect(first).toMatchObject({ formId: stage?.id, formVersion: 1 });

    const changed = { sections: [{ ...FORM.sections[0], titleEn: 'About the project' }] };
    const versioned = await officer.request('PUT', `/api/calls/${call.id}/forms/proposal`, {
      definition: changed,
    });
    expect(versioned.statusCode, versioned.body).toBe(200);
    const v2 = versioned.json<{ data: CallForm }>().data;
    expect(v2.version).toBe(2);
    expect(v2.id).not.toBe(stage?.id);

    const again = await officer.request('PUT', `/api/calls/${call.id}/forms/proposal`, {
      definition: changed,
    });
    expect(again.json<{ data: CallForm }>().data).toMatchObject({ id: v2.id, version: 2 });

    const all = (await officer.get(`/api/calls/${call.id}/forms`)).json<{ data: CallForm[] }>().data;
    expect(all.map((f) => f.version)).toEqual([2, 1]);
    expect(all[1]?.frozenAt).not.toBeNull();
    expect(all[1]?.definition.sections[0]?.titleEn).toBe('About');
    const detail = (await anonymous.get(`/api/calls/${call.id}`)).json<{ data: CallDetail }>().data;
    expect(detail.forms.map((f) => f.version)).toEqual([2]);
    const kept = await applicant.get(`/api/proposals/${first.id}`);
    expect(
      kept.json<{ data: { formId: string; form: { sections: Array<{ titleEn: string }> } } }>().data,
    ).toMatchObject({
      formId: stage?.id,
      form: { sections: [{ titleEn: 'About' }] },
    });
    const second = await startProposal(applicant, call.id, orgId);
    expect(second).toMatchObject({ formId: v2.id, formVersion: 2 });
    expect(await auditActions(call.id)).toEqual(
      expect.arrayContaining(['call_form.edited', 'call_form.versioned']),
    );

    const code = await officer.patch(`/api/calls/${call.id}`, { code: 'ZZZ', version: detail.version });
    expect(code.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
    const mode = await officer.patch(`/api/calls/${call.id}`, {
      stageMode: 'two_stage',
      fullClosesAt: '2027-03-31T23:59:59+07:00',
      version: detail.version,
    });
    expect(mode.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
    const title = await officer.patch(`/api/calls/${call.id}`, {
      titleEn: 'Still editable',
      version: detail.version,
    });
    expect(title.statusCode).toBe(200);
  });

  it('checks the stage, the definition and the caller', async () => {
    const call = await createCall();
    const url = `/api/calls/${call.id}/forms`;
    expect((await officer.request('PUT', `${url}/concept`, { definition: FORM })).statusCode).toBe(400);
    expect((await officer.request('PUT', `${url}/nonsense`, { definition: FORM })).statusCode).toBe(400);
    const badShowWhen = {
      sections: [
        {
          id: 's',
          titleTh: 'ส่วน',
          titleEn: 'Part',
          questions: [
            {
              id: 'q',
              type: 'short_text',
              labelTh: 'ถาม',
              labelEn: 'Ask',
              showWhen: { questionId: 'later', anyOf: ['yes'] },
            },
          ],
        },
      ],
    };
    const refused = await officer.request('PUT', `${url}/proposal`, { definition: badShowWhen });
    expect(refused.statusCode).toBe(400);
    expect(issueFields(refused)).toContain('body.definition.sections.0.questions.0.showWhen');
    expect((await applicant.request('PUT', `${url}/proposal`, { definition: FORM })).statusCode).toBe(404);
    expect((await anonymous.request('PUT', `${url}/proposal`, { definition: FORM })).statusCode).toBe(401);
    expect((await applicant.get(url)).statusCode).toBe(404);
    const published = await publishedCall();
    expect((await applicant.get(`/api/calls/${published.id}/forms`)).statusCode).toBe(403);
  });
});

describe('eligibility', () => {
  it('judges one of my organisations against the rules, with reasons', async () => {
    await saveProvinceGroup(ctx.database.db, {
      code: TARGET_GROUP_CODE,
      nameTh: 'กลุ่มจังหวัดเป้าหมาย',
      nameEn: 'Target group',
      descriptionTh: '',
      descriptionEn: '',
      source: null,
      members: [{ provinceCode: 58, rank: 1 }],
    });
    const call = await publishedCall({
      eligibility: {
        organisationTypes: ['local_government', 'community_enterprise'],
        targetGroupOnly: true,
        maxProposalsPerOrganisation: 1,
      },
    });
    const owner = await person('lg-owner@calls.test');
    const inTarget = await createOrganisation(owner, {
      nameTh: 'เทศบาลตำบลทดสอบ',
      type: 'local_government',
      provinceCode: 58,
    });
    const elsewhere = await createOrganisation(owner, {
      nameTh: 'กลุ่มเยาวชนทดสอบ',
      type: 'youth_group',
      provinceCode: 10,
    });
    const url = (org: string) => `/api/calls/${call.id}/eligibility?organisationId=${org}`;

    const good = await owner.get(url(inTarget));
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json<{ data: { eligible: boolean; checks: Array<{ rule: string }> } }>().data).toMatchObject({
      eligible: true,
      checks: [{ rule: 'organisation_type' }, { rule: 'area' }, { rule: 'proposal_limit' }],
    });

    const bad = (await owner.get(url(elsewhere))).json<{
      data: { eligible: boolean; checks: Array<{ rule: string; passed: boolean; key: string }> };
    }>().data;
    expect(bad.eligible).toBe(false);
    expect(bad.checks.filter((c) => !c.passed).map((c) => c.key)).toEqual([
      'eligibility.orgTypeFail',
      'eligibility.areaFail',
    ]);

    await startProposal(owner, call.id, inTarget);
    const limited = (await owner.get(url(inTarget))).json<{
      data: { eligible: boolean; checks: Array<{ rule: string; passed: boolean }> };
    }>().data;
    expect(limited.eligible).toBe(false);
    expect(limited.checks.find((c) => c.rule === 'proposal_limit')?.passed).toBe(false);

    const withdrawn = await createOrganisation(owner, {
      nameTh: 'เทศบาลที่ถอน',
      type: 'local_government',
      provinceCode: 58,
    });
    await insertWithdrawnProposal(call.id, call.forms[0]?.id ?? '', withdrawn);
    expect((await owner.get(url(withdrawn))).json<{ data: { eligible: boolean } }>().data.eligible).toBe(
      true,
    );

    expect((await applicant.get(url(inTarget))).statusCode).toBe(404);
    expect((await anonymous.get(url(inTarget))).statusCode).toBe(401);
    expect((await owner.get(`/api/calls/${call.id}/eligibility`)).statusCode).toBe(400);
    expect((await officer.get(url(inTarget))).statusCode).toBe(200);
  });
});

describe('problem statements', () => {
  const STATEMENT = {
    titleTh: 'ขยะล้นเมือง',
    descriptionTh: 'ปริมาณขยะในเขตเทศบาลเพิ่มขึ้นทุกปี',
    theme: 'environment',
    provinceCode: 40,
  };

  it('publishes an officer’s statement at once, and counts it', async () => {
    const call = await publishedCall();
    const response = await officer.post(`/api/calls/${call.id}/problem-statements`, STATEMENT);
    expect(response.statusCode, response.body).toBe(201);
    const statement = response.json<{ data: ProblemStatement }>().data;
    expect(statement).toMatchObject({ status: 'published', version: 1, titleEn: '' });
    const detail = (await anonymous.get(`/api/calls/${call.id}`)).json<{ data: CallDetail }>().data;
    expect(detail.problemStatements.map((s) => s.id)).toEqual([statement.id]);
    expect(detail.problemStatementCount).toBe(1);
    const listed = (await anonymous.get('/api/calls')).json<{ data: CallSummary[] }>().data;
    expect(listed.find((c) => c.id === call.id)?.problemStatementCount).toBe(1);
    expect(await auditActions(statement.id)).toEqual(['problem_statement.created']);
  });

  it('holds a partner’s statement for approval, tells the officers and shows it to its poster only', async () => {
    const call = await publishedCall();
    const created = await partner.post(`/api/calls/${call.id}/problem-statements`, STATEMENT);
    expect(created.statusCode, created.body).toBe(201);
    const pending = created.json<{ data: ProblemStatement }>().data;
    expect(pending.status).toBe('pending');

    const bell = await ctx.database.db
      .select()
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, ids.get('officer@calls.test') ?? ''),
          eq(notifications.kind, 'problem_statement_pending'),
        ),
      );
    expect(bell.some((n) => n.bodyTh.includes('ขยะล้นเมือง') && n.link === `/calls/${call.id}`)).toBe(true);

    const seen = async (client: TestClient) =>
      (await client.get(`/api/calls/${call.id}`))
        .json<{ data: CallDetail }>()
        .data.problemStatements.map((s) => s.id);
    expect(await seen(anonymous)).toEqual([]);
    expect(await seen(applicant)).toEqual([]);
    expect(await seen(partner)).toEqual([pending.id]);
    expect(await seen(officer)).toEqual([pending.id]);

    const edited = await partner.patch(`/api/problem-statements/${pending.id}`, {
      titleEn: 'Overflowing waste',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(
      (await partner.patch(`/api/problem-statements/${pending.id}`, { titleEn: 'x', version: 1 })).statusCode,
    ).toBe(409);
    expect(
      (await applicant.patch(`/api/problem-statements/${pending.id}`, { titleEn: 'x', version: 2 }))
        .statusCode,
    ).toBe(404);
    expect((await partner.post(`/api/problem-statements/${pending.id}/publish`)).statusCode).toBe(403);
    const published = await officer.post(`/api/problem-statements/${pending.id}/publish`);
    expect(published.json<{ data: ProblemStatement }>().data.status).toBe('published');
    expect((await officer.post(`/api/problem-statements/${pending.id}/publish`)).statusCode).toBe(409);
    expect(
      (await partner.patch(`/api/problem-statements/${pending.id}`, { titleEn: 'x', version: 3 })).statusCode,
    ).toBe(403);
    expect((await partner.post(`/api/problem-statements/${pending.id}/withdraw`)).statusCode).toBe(403);
    expect(await seen(anonymous)).toEqual([pending.id]);
    const withdrawn = await officer.post(`/api/problem-statements/${pending.id}/withdraw`);
    expect(withdrawn.json<{ data: ProblemStatement }>().data.status).toBe('withdrawn');
    expect(await seen(anonymous)).toEqual([]);
    expect(
      (await officer.patch(`/api/problem-statements/${pending.id}`, { titleEn: 'x', version: 4 })).statusCode,
    ).toBe(409);
    expect(await auditActions(pending.id)).toEqual(
      expect.arrayContaining([
        'problem_statement.created',
        'problem_statement.updated',
        'problem_statement.published',
        'problem_statement.withdrawn',
      ]),
    );
  });

  it('lets the owner of a local government post for it, and nobody else without the partner role', async () => {
    const call = await publishedCall();
    const mayor = await person('mayor@calls.test');
    const city = await createOrganisation(mayor, { nameTh: 'เทศบาลนครทดสอบ', type: 'local_government' });
    const group = await createOrganisation(mayor, { nameTh: 'กลุ่มเยาวชน', type: 'youth_group' });
    const url = `/api/calls/${call.id}/problem-statements`;
    const posted = await mayor.post(url, { ...STATEMENT, ownerOrganisationId: city });
    expect(posted.statusCode, posted.body).toBe(201);
    expect(posted.json<{ data: ProblemStatement }>().data).toMatchObject({
      status: 'pending',
      ownerOrganisationId: city,
      ownerOrganisationName: 'เทศบาลนครทดสอบ',
    });
    expect((await mayor.post(url, STATEMENT)).statusCode).toBe(403);
    expect((await mayor.post(url, { ...STATEMENT, ownerOrganisationId: group })).statusCode).toBe(403);
    expect((await applicant.post(url, { ...STATEMENT, ownerOrganisationId: city })).statusCode).toBe(400);
    expect((await anonymous.post(url, STATEMENT)).statusCode).toBe(401);
    expect((await officer.post(url, { ...STATEMENT, provinceCode: 5 })).statusCode).toBe(400);
    expect((await officer.post(url, { ...STATEMENT, districtCode: 1001 })).statusCode).toBe(400);
    expect((await officer.post(url, { titleTh: '' })).statusCode).toBe(400);
  });

  it('takes statements from partners only while the call is open', async () => {
    const draft = await createCall();
    expect((await partner.post(`/api/calls/${draft.id}/problem-statements`, STATEMENT)).statusCode).toBe(404);
    expect((await officer.post(`/api/calls/${draft.id}/problem-statements`, STATEMENT)).statusCode).toBe(201);
    const past = await publishedCall({
      opensAt: '2026-03-01T00:00:00+07:00',
      closesAt: '2026-05-29T23:59:59+07:00',
      fiscalYear: 2569,
    });
    expect((await partner.post(`/api/calls/${past.id}/problem-statements`, STATEMENT)).statusCode).toBe(409);
  });
});
