import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { downloadedFile, exportedJob, finishedJob } from '@tests/helpers/jobs';
import { createOpenCall } from '@tests/factories/calls';
import { createOrganisation, signedIn } from '@tests/factories/people';
import { decide, releaseDecisions, screenIn } from '@tests/factories/decisions';
import type { CallDetail, CreateCallInput } from '@shared/contracts/calls';
import type { BulkResult, IntakePage, ProposalDetail, ProposalSummary } from '@shared/contracts/proposals';
import type { InboxItem } from '@shared/contracts/inbox';
import { systemActor } from '@server/lib/authz';
import { createJob } from '@server/modules/jobs/jobs.service';
import { INTAKE_EXPORT_STEPS, buildIntakeExport, intakeExportJob } from './intake.service';

let ctx: TestContext;
const now = new Date('2026-11-27T03:00:00Z');
let officer: TestClient;
let admin: TestClient;
let applicant: TestClient;
let partner: TestClient;
let anonymous: TestClient;

function expectOk(response: { statusCode: number; body: string }) {
  expect(response.statusCode, response.body).toBeLessThan(300);
}

/** A published call, open from 1 Nov 2026 to 31 Jan 2027 (the clock stands at 27 Nov 2026). */
function publishedCall(call: Partial<CreateCallInput>): Promise<CallDetail> {
  return createOpenCall(officer, { call });
}

interface Draft {
  callId: string;
  organisationId: string;
  titleTh: string;
  provinces: number[];
  themes: string[];
  satang: number;
}

/** A proposal as an applicant makes it: created, answered, and (unless `draft`) submitted, all through the API. */
async function proposal(
  input: Draft,
  finish: 'submit' | 'draft' | 'withdraw' = 'submit',
): Promise<ProposalDetail> {
  const created = await applicant.post('/api/proposals', {
    callId: input.callId,
    organisationId: input.organisationId,
    titleTh: input.titleTh,
  });
  expectOk(created);
  let detail = created.json<{ data: ProposalDetail }>().data;
  const saved = await applicant.patch(`/api/proposals/${detail.id}`, {
    version: detail.version,
    answers: {
      summary: `สรุปโครงการ ${input.titleTh}`,
      area: input.provinces.map((provinceCode) => ({ provinceCode })),
      themes: input.themes,
      budget: [{ category: 'operating', description: 'ค่าดำเนินงาน', amountSatang: input.satang }],
    },
  });
  expectOk(saved);
  detail = saved.json<{ data: ProposalDetail }>().data;
  if (finish === 'draft') {
    return detail;
  }
  const submitted = await applicant.post(`/api/proposals/${detail.id}/submit`, { version: detail.version });
  expectOk(submitted);
  detail = submitted.json<{ data: ProposalDetail }>().data;
  if (finish === 'withdraw') {
    const withdrawn = await applicant.post(`/api/proposals/${detail.id}/withdraw`, {
      version: detail.version,
    });
    expectOk(withdrawn);
    detail = withdrawn.json<{ data: ProposalDetail }>().data;
  }
  return detail;
}

let call: CallDetail;
let otherCall: CallDetail;
/** Ground water bank (community enterprise, Khon Kaen, environment, 500,000 baht). */
let water: ProposalDetail;
/** Online market for the elderly (private company — not an eligible type —, Chiang Mai and Bangkok, 200,000.50). */
let market: ProposalDetail;
/** Smart farming lab (university, Songkhla, agriculture and health, 1,000,000). */
let farm: ProposalDetail;
let draft: ProposalDetail;
let withdrawn: ProposalDetail;
let foreign: ProposalDetail;
let companyName = '';

beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => now });
  officer = (await signedIn(ctx, 'officer@intake.test', 'programme_officer')).client;
  admin = (await signedIn(ctx, 'admin@intake.test', 'administrator')).client;
  applicant = (await signedIn(ctx, 'applicant@intake.test')).client;
  partner = (await signedIn(ctx, 'partner@intake.test', 'partner')).client;
  anonymous = new TestClient(ctx.app);

  call = await publishedCall({
    code: 'INT',
    eligibility: { organisationTypes: ['community_enterprise', 'university'] },
  });
  otherCall = await publishedCall({ code: 'OTH' });

  const enterprise = await createOrganisation(applicant, {
    nameTh: 'วิสาหกิจชุมชนบ้านหนองแวง',
    type: 'community_enterprise',
    provinceCode: 40,
  });
  companyName = 'บริษัท ตลาดดี 100%_จำกัด';
  const company = await createOrganisation(applicant, {
    nameTh: companyName,
    type: 'private_company',
    provinceCode: 50,
  });
  const university = await createOrganisation(applicant, {
    nameTh: 'มหาวิทยาลัยสงขลาตัวอย่าง',
    nameEn: 'Example Songkhla University',
    type: 'university',
    provinceCode: 90,
  });

  water = await proposal({
    callId: call.id,
    organisationId: enterprise,
    titleTh: 'ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง',
    provinces: [40],
    themes: ['environment'],
    satang: 50_000_000,
  });
  market = await proposal({
    callId: call.id,
    organisationId: company,
    titleTh: 'ตลาดออนไลน์ผู้สูงอายุ',
    provinces: [50, 10],
    themes: ['finance_employment_welfare'],
    satang: 20_000_050,
  });
  farm = await proposal({
    callId: call.id,
    organisationId: university,
    titleTh: 'ห้องปฏิบัติการเกษตรอัจฉริยะ',
    provinces: [90],
    themes: ['sustainable_agriculture', 'health'],
    satang: 100_000_000,
  });
  draft = await proposal(
    {
      callId: call.id,
      organisationId: enterprise,
      titleTh: 'ร่างข้อเสนอที่ยังไม่ส่ง',
      provinces: [40],
      themes: ['health'],
      satang: 30_000_000,
    },
    'draft',
  );
  withdrawn = await proposal(
    {
      callId: call.id,
      organisationId: university,
      titleTh: 'ข้อเสนอที่ถอนแล้ว',
      provinces: [90],
      themes: ['health'],
      satang: 30_000_000,
    },
    'withdraw',
  );
  foreign = await proposal({
    callId: otherCall.id,
    organisationId: enterprise,
    titleTh: 'ข้อเสนอของรอบอื่น',
    provinces: [40],
    themes: ['environment'],
    satang: 30_000_000,
  });
});
afterAll(async () => {
  await ctx.close();
});

async function page(query = '', client: TestClient = officer, callId = call.id): Promise<IntakePage> {
  const response = await client.get(`/api/calls/${callId}/proposals${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<IntakePage>();
}

/** Exports through the job (POST …/exports, the worker, the download) and answers the job and its file. */
async function exported(body: Record<string, unknown>, callId = call.id, client: TestClient = officer) {
  const job = await exportedJob(ctx.app, client, `/api/calls/${callId}/proposals/exports`, body);
  return { job, file: await downloadedFile(client, job) };
}

async function titles(query = ''): Promise<string[]> {
  return (await page(query)).data.map((p) => p.titleTh);
}

const sorted = (values: string[]) => [...values].sort();

describe('intake list: access', () => {
  it('answers 401 without a session, 403 to applicants and partners, 404 for an unknown call', async () => {
    const url = `/api/calls/${call.id}/proposals`;
    expect((await anonymous.get(url)).statusCode).toBe(401);
    expect((await anonymous.post(`${url}/exports`, { format: 'csv' })).statusCode).toBe(401);
    expect(
      (await anonymous.post(`${url}/bulk`, { action: 'mark_eligible', ids: [water.id], reason: 'x' }))
        .statusCode,
    ).toBe(401);
    for (const client of [applicant, partner]) {
      expect((await client.get(url)).statusCode).toBe(403);
      expect((await client.post(`${url}/exports`, { format: 'xlsx' })).statusCode).toBe(403);
      expect(
        (await client.post(`${url}/bulk`, { action: 'mark_eligible', ids: [water.id], reason: 'x' }))
          .statusCode,
      ).toBe(403);
    }
    const unknown = '/api/calls/00000000-0000-4000-8000-000000000000/proposals';
    expect((await officer.get(unknown)).statusCode).toBe(404);
    expect((await officer.post(`${unknown}/exports`, { format: 'csv' })).statusCode).toBe(404);
    expect(
      (await officer.post(`${unknown}/bulk`, { action: 'mark_eligible', ids: [water.id], reason: 'x' }))
        .statusCode,
    ).toBe(404);
    expect((await admin.get(url)).statusCode).toBe(200);
  });

  it('refuses malformed queries with 400', async () => {
    for (const query of [
      '?province=5',
      '?sort=cost',
      '?region=mars',
      '?pageSize=1000',
      '?eligible=maybe',
      '?x=1',
    ]) {
      expect([query, (await officer.get(`/api/calls/${call.id}/proposals${query}`)).statusCode]).toEqual([
        query,
        400,
      ]);
    }
  });
});

describe('intake list: filters', () => {
  it('lists the submitted and withdrawn proposals of this call only, never drafts unless asked', async () => {
    const all = await page();
    expect(all.page.total).toBe(4);
    expect(sorted(all.data.map((p) => p.id))).toEqual(sorted([water.id, market.id, farm.id, withdrawn.id]));
    expect(await titles('?status=draft')).toEqual([draft.titleTh]);
    expect(await titles('?status=withdrawn')).toEqual([withdrawn.titleTh]);
    expect((await page('?status=submitted')).page.total).toBe(3);
    const row = all.data.find((p) => p.id === market.id) as ProposalSummary;
    expect(row).toMatchObject({
      callCode: 'INT',
      receiptNumber: market.receiptNumber,
      requestedSatang: 20_000_050,
      provinceCodes: [10, 50],
      organisation: { nameTh: companyName, type: 'private_company' },
      eligible: false,
      eligibilityOverridden: false,
    });
  });

  it.each([
    ['?province=40', ['ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง']],
    ['?province=10', ['ตลาดออนไลน์ผู้สูงอายุ']],
    ['?region=north', ['ตลาดออนไลน์ผู้สูงอายุ']],
    ['?region=south&status=submitted', ['ห้องปฏิบัติการเกษตรอัจฉริยะ']],
    ['?region=east', []],
    ['?theme=health', ['ข้อเสนอที่ถอนแล้ว', 'ห้องปฏิบัติการเกษตรอัจฉริยะ']],
    ['?theme=environment', ['ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง']],
    ['?organisationType=private_company', ['ตลาดออนไลน์ผู้สูงอายุ']],
    ['?organisationType=university&theme=sustainable_agriculture', ['ห้องปฏิบัติการเกษตรอัจฉริยะ']],
    ['?eligible=no', ['ตลาดออนไลน์ผู้สูงอายุ']],
    ['?eligible=yes&status=submitted', ['ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง', 'ห้องปฏิบัติการเกษตรอัจฉริยะ']],
    ['?stage=concept', []],
    ['?stage=proposal&status=submitted&province=90', ['ห้องปฏิบัติการเกษตรอัจฉริยะ']],
  ])('filters %s', async (query, expected) => {
    expect(sorted(await titles(query))).toEqual(sorted(expected));
  });

  it('filters eligible=unknown to exactly the rows without a result', async () => {
    const all = await page('?pageSize=200');
    const unknown = await page('?eligible=unknown&pageSize=200');
    expect(sorted(unknown.data.map((p) => p.id))).toEqual(
      sorted(all.data.filter((p) => p.eligible === null).map((p) => p.id)),
    );
  });
});

describe('intake list: Thai-aware search', () => {
  it.each([
    ['ธนาคารน้ำใต้ดิน', 'a Thai phrase typed without spaces', ['ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง']],
    ['ธนาคารน้ำใต้ดินชุม', 'a phrase ending in the prefix of a word', ['ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง']],
    ['ธนา', 'the prefix of a word', ['ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง']],
    ['อัจฉริยะ', 'a word in the middle of a title', ['ห้องปฏิบัติการเกษตรอัจฉริยะ']],
    ['ผู้สูงอายุ', 'words split by the segmenter', ['ตลาดออนไลน์ผู้สูงอายุ']],
    ['songkhla', 'the English name of the organisation', ['ห้องปฏิบัติการเกษตรอัจฉริยะ', 'ข้อเสนอที่ถอนแล้ว']],
    ['100%_', 'LIKE wildcards typed as text', ['ตลาดออนไลน์ผู้สูงอายุ']],
    ['%', 'a lone percent sign (only a literal one, not everything)', ['ตลาดออนไลน์ผู้สูงอายุ']],
    ['ไม่มีคำนี้', 'nothing', []],
    ['ธนาคารน้ำใตดินชุมชน', 'a title misspelt (trigram similarity)', ['ธนาคารน้ำใต้ดินชุมชนบ้านหนองแวง']],
    ['ห้องปฏิบัติการเกษตรอัจริยะ', 'a misspelt word in a title', ['ห้องปฏิบัติการเกษตรอัจฉริยะ']],
  ])('finds %s (%s)', async (q, _what, expected) => {
    expect(sorted(await titles(`?q=${encodeURIComponent(q)}`))).toEqual(sorted(expected));
  });

  it('finds a receipt number, whole or in part', async () => {
    const receipt = farm.receiptNumber ?? '';
    expect(receipt).toMatch(/^INT-2570-\d{4}$/);
    expect(await titles(`?q=${encodeURIComponent(receipt)}`)).toEqual([farm.titleTh]);
    expect((await titles(`?q=${encodeURIComponent(receipt.slice(0, 8))}`)).length).toBe(4);
  });

  it("finds a draft by its title; its answers' words only once it is submitted", async () => {
    const searchCall = await publishedCall({ code: 'SRCH' });
    const organisationId = await createOrganisation(applicant, {
      nameTh: 'กลุ่มจักสานบ้านโนนสูง',
      type: 'community_enterprise',
      provinceCode: 40,
    });
    const created = await applicant.post('/api/proposals', {
      callId: searchCall.id,
      organisationId,
      titleTh: 'ศูนย์เรียนรู้งานจักสาน',
    });
    expectOk(created);
    const first = created.json<{ data: ProposalDetail }>().data;
    const saved = await applicant.patch(`/api/proposals/${first.id}`, {
      version: first.version,
      answers: {
        summary: 'ฝึกจักสานเสื่อจากต้นกก',
        area: [{ provinceCode: 40 }],
        themes: ['health'],
        budget: [{ category: 'operating', description: 'ค่าวัสดุ', amountSatang: 10_000_000 }],
      },
    });
    expectOk(saved);
    const found = async (status: string, q: string) =>
      (await page(`?status=${status}&q=${encodeURIComponent(q)}`, officer, searchCall.id)).data.map(
        (p) => p.id,
      );
    expect(await found('draft', 'งานจักสาน')).toEqual([first.id]);
    expect(await found('draft', 'ต้นกก')).toEqual([]);
    const submitted = await applicant.post(`/api/proposals/${first.id}/submit`, {
      version: saved.json<{ data: ProposalDetail }>().data.version,
    });
    expectOk(submitted);
    expect(await found('submitted', 'ต้นกก')).toEqual([first.id]);
    expect(await found('submitted', 'จักสาน')).toEqual([first.id]);
  });

  it('ranks the better match first', async () => {
    const ranked = await titles(`?q=${encodeURIComponent('ห้องปฏิบัติการเกษตร')}`);
    expect(ranked[0]).toBe('ห้องปฏิบัติการเกษตรอัจฉริยะ');
  });
});

describe('intake list: sorting and paging', () => {
  it('sorts by amount, title, receipt and submission time', async () => {
    const q = '&status=submitted';
    expect(await titles(`?sort=requested${q}`)).toEqual([market.titleTh, water.titleTh, farm.titleTh]);
    expect(await titles(`?sort=-requested${q}`)).toEqual([farm.titleTh, water.titleTh, market.titleTh]);
    expect(await titles(`?sort=title${q}`)).toEqual(sorted([market.titleTh, water.titleTh, farm.titleTh]));
    const receipts = (await page(`?sort=receipt${q}`)).data.map((p) => p.receiptNumber ?? '');
    expect(receipts).toEqual(sorted(receipts));
    const times = (await page(`?sort=-submitted_at${q}`)).data.map((p) => p.submittedAt ?? '');
    expect(times).toEqual(sorted(times).reverse());
  });

  it('pages with the total count', async () => {
    const first = await page('?sort=requested&pageSize=2&page=1');
    const second = await page('?sort=requested&pageSize=2&page=2');
    const third = await page('?sort=requested&pageSize=2&page=3');
    expect(first.page).toEqual({ page: 1, pageSize: 2, total: 4 });
    expect(first.data.length).toBe(2);
    expect(second.data.length).toBe(2);
    expect(third.data).toEqual([]);
    expect(new Set([...first.data, ...second.data].map((p) => p.id)).size).toBe(4);
  });
});

describe('intake list: where each proposal is in selection', () => {
  let selectionCall: CallDetail;
  /** Submitted, never screened: awaiting screening. */
  let awaiting: ProposalDetail;
  /** Screened in (review) and shortlisted. */
  let inReview: ProposalDetail;
  /** Screened out with a reason. */
  let screenedOut: ProposalDetail;
  /** Screened in, moved on to the decision phase, not decided. */
  let awaitingDecision: ProposalDetail;
  /** Awarded 300,000.50 baht of 500,000 asked, not released. */
  let awarded: ProposalDetail;
  /** Rejected, and the decision released. */
  let rejected: ProposalDetail;
  /** Withdrawn before anyone screened it: no phase. */
  let gone: ProposalDetail;
  let organisationId = '';

  const selectionPage = (query = '') => page(query.replace(/^&/, '?'), officer, selectionCall.id);
  const ids = async (query = '') => sorted((await selectionPage(query)).data.map((p) => p.id));
  const post = async (path: string, body: Record<string, unknown>) => {
    const response = await officer.post(path, body);
    expect(response.statusCode, response.body).toBe(200);
  };

  beforeAll(async () => {
    selectionCall = await publishedCall({ code: 'SEL' });
    organisationId = await createOrganisation(applicant, {
      nameTh: 'วิสาหกิจชุมชนคัดเลือกตัวอย่าง',
      type: 'community_enterprise',
      provinceCode: 34,
    });
    const make = (titleTh: string, finish: 'submit' | 'withdraw' = 'submit') =>
      proposal(
        {
          callId: selectionCall.id,
          organisationId,
          titleTh,
          provinces: [34],
          themes: ['environment'],
          satang: 50_000_000,
        },
        finish,
      );
    awaiting = await make('ข้อเสนอรอกลั่นกรอง');
    inReview = await make('ข้อเสนอที่ผู้ทรงคุณวุฒิพิจารณา');
    screenedOut = await make('ข้อเสนอที่ไม่ผ่านกลั่นกรอง');
    awaitingDecision = await make('ข้อเสนอรอตัดสิน');
    awarded = await make('ข้อเสนอที่ได้รับทุน');
    rejected = await make('ข้อเสนอที่ไม่ได้รับทุน');
    gone = await make('ข้อเสนอที่ถอนก่อนกลั่นกรอง', 'withdraw');

    for (const p of [inReview, awaitingDecision, awarded, rejected]) {
      await screenIn(officer, p.id);
    }
    await post(`/api/proposals/${screenedOut.id}/screening`, { result: 'failed', reason: 'นอกขอบเขตของรอบ' });
    await post(`/api/proposals/${inReview.id}/shortlist`, { shortlisted: true });
    await post(`/api/proposals/${awaitingDecision.id}/phase`, { phase: 'decision' });
    await decide(officer, rejected.id, { outcome: 'reject', reason: 'ยังไม่ชัดเจนเรื่องผลลัพธ์' });
    await releaseDecisions(officer, selectionCall.id);
    await decide(officer, awarded.id, { outcome: 'award', amountSatang: 30_000_050 });
  });

  it('gives each row its phase, shortlist flag and decision with the amount', async () => {
    const rows = new Map((await selectionPage()).data.map((p) => [p.id, p.selection]));
    expect(rows.size).toBe(7);
    expect(rows.get(awaiting.id)).toEqual({ phase: 'screening', shortlisted: false, decision: null });
    expect(rows.get(inReview.id)).toEqual({ phase: 'review', shortlisted: true, decision: null });
    expect(rows.get(screenedOut.id)).toEqual({ phase: 'screened_out', shortlisted: false, decision: null });
    expect(rows.get(awaitingDecision.id)).toEqual({ phase: 'decision', shortlisted: false, decision: null });
    expect(rows.get(awarded.id)).toEqual({
      phase: 'decided',
      shortlisted: false,
      decision: { outcome: 'award', amountSatang: 30_000_050, released: false },
    });
    expect(rows.get(rejected.id)).toEqual({
      phase: 'decided',
      shortlisted: false,
      decision: { outcome: 'reject', amountSatang: null, released: true },
    });
    expect(rows.get(gone.id)).toEqual({ phase: null, shortlisted: false, decision: null });
  });

  it.each([
    ['?phase=screening', () => [awaiting]],
    ['?phase=review', () => [inReview]],
    ['?phase=panel', () => []],
    ['?phase=decision', () => [awaitingDecision]],
    ['?phase=decided', () => [awarded, rejected]],
    ['?phase=screened_out', () => [screenedOut]],
    ['?outcome=award', () => [awarded]],
    ['?outcome=reject', () => [rejected]],
    ['?outcome=waitlist', () => []],
    ['?outcome=none', () => [awaiting, inReview, screenedOut, awaitingDecision, gone]],
    ['?outcome=none&phase=screening', () => [awaiting]],
    ['?phase=decided&outcome=award&sort=title', () => [awarded]],
    ['?phase=screening&status=withdrawn', () => []],
    ['?phase=review&q=' + encodeURIComponent('ผู้ทรงคุณวุฒิ'), () => [inReview]],
  ])('filters %s, with the total', async (query, expected) => {
    const found = await selectionPage(query);
    expect(sorted(found.data.map((p) => p.id))).toEqual(sorted(expected().map((p) => p.id)));
    expect(found.page.total).toBe(expected().length);
  });

  it('leaves proposals of other calls out of every phase and outcome', async () => {
    expect(await ids('?phase=screening')).toEqual([awaiting.id]);
    const main = await page('?phase=screening');
    expect(main.data.some((p) => p.callId === selectionCall.id)).toBe(false);
    expect((await page('?outcome=award')).page.total).toBe(0);
  });

  it('reads the decision at the proposal stage only (a concept invitation is not the full proposal one)', async () => {
    const twoStage = await createOpenCall(officer, {
      call: { code: 'TWO', stageMode: 'two_stage', fullClosesAt: '2027-04-30T23:59:59+07:00' },
    });
    const created = await applicant.post('/api/proposals', {
      callId: twoStage.id,
      organisationId,
      titleTh: 'แนวคิดธนาคารน้ำชุมชน',
    });
    expectOk(created);
    const concept = created.json<{ data: ProposalDetail }>().data;
    const saved = await applicant.patch(`/api/proposals/${concept.id}`, {
      version: concept.version,
      answers: {
        summary: 'แนวคิดการจัดการน้ำ',
        area: [{ provinceCode: 34 }],
        themes: ['food_water_energy'],
        estimated_budget: 120_000_000,
      },
    });
    expectOk(saved);
    expectOk(
      await applicant.post(`/api/proposals/${concept.id}/submit`, {
        version: saved.json<{ data: ProposalDetail }>().data.version,
      }),
    );
    await screenIn(officer, concept.id);
    await decide(officer, concept.id, { outcome: 'invite_full' });
    await releaseDecisions(officer, twoStage.id);

    const drafts = await page('?status=draft', officer, twoStage.id);
    expect(drafts.data.map((p) => [p.stage, p.selection])).toEqual([
      ['full', { phase: null, shortlisted: false, decision: null }],
    ]);
    const invited = await page('?outcome=invite_full', officer, twoStage.id);
    expect(invited.data.map((p) => [p.id, p.selection.decision?.released])).toEqual([[concept.id, true]]);
    expect((await page('?status=draft&outcome=none&stage=full', officer, twoStage.id)).page.total).toBe(1);
    expect((await page('?status=draft&outcome=invite_full', officer, twoStage.id)).page.total).toBe(0);
  });

  it('refuses an unknown phase or outcome with 400', async () => {
    for (const query of ['?phase=shortlist', '?outcome=maybe', '?outcome=award,reject']) {
      const response = await officer.get(`/api/calls/${selectionCall.id}/proposals${query}`);
      expect([query, response.statusCode]).toEqual([query, 400]);
    }
  });

  it('exports the phase, shortlist and decision columns, honouring the phase filter', async () => {
    const { file: csv } = await exported(
      { format: 'csv', phase: 'decided', sort: 'title' },
      selectionCall.id,
    );
    const lines = csv.rawPayload.subarray(3).toString('utf8').split('\r\n');
    expect(lines.length).toBe(1 + 2 + 1);
    expect(lines[0]).toMatch(/,ขั้นการพิจารณา,รายชื่อคัดเลือก,ผลการพิจารณา,งบประมาณที่อนุมัติ \(บาท\),การแจ้งผล$/);
    const awardLine = lines.find((line) => line.includes(awarded.titleTh)) ?? '';
    expect(awardLine.endsWith(',ตัดสินแล้ว,,ได้รับทุน,300000.50,ยังไม่แจ้งผู้ยื่น')).toBe(true);
    const rejectLine = lines.find((line) => line.includes(rejected.titleTh)) ?? '';
    expect(rejectLine.endsWith(',ตัดสินแล้ว,,ไม่ได้รับทุน,,แจ้งผู้ยื่นแล้ว')).toBe(true);

    const { file: xlsx } = await exported({ format: 'xlsx', outcome: 'award' }, selectionCall.id);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.rowCount).toBe(1 + 1);
    const header = sheet?.getRow(1);
    const column = (name: string) =>
      ((header?.values as unknown[] | undefined) ?? []).findIndex((value) => value === name);
    const amount = sheet?.getRow(2).getCell(column('งบประมาณที่อนุมัติ (บาท)'));
    expect(amount?.value).toBe(300000.5);
    expect(amount?.numFmt).toBe('#,##0.00');
    expect(sheet?.getRow(2).getCell(column('ขั้นการพิจารณา')).value).toBe('ตัดสินแล้ว');

    const { file: shortlisted } = await exported({ format: 'csv', phase: 'review' }, selectionCall.id);
    const reviewLine = shortlisted.rawPayload.toString('utf8').split('\r\n')[1] ?? '';
    expect(reviewLine.endsWith(',ผู้ทรงคุณวุฒิพิจารณา,ใช่,,,')).toBe(true);
  });
});

describe('intake export (a job)', () => {
  it('refuses a bad format, an unknown field or a bad filter with 400 naming the field', async () => {
    const url = `/api/calls/${call.id}/proposals/exports`;
    const fieldsOf = (body: string) =>
      (
        JSON.parse(body) as { error: { details: { issues: Array<{ field: string }> } } }
      ).error.details.issues.map((i) => i.field);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ format: 'pdf' }, 'body.format'],
      [{}, 'body.format'],
      [{ format: 'csv', province: 5 }, 'body.province'],
      [{ format: 'csv', sort: 'colour' }, 'body.sort'],
    ];
    for (const [body, field] of cases) {
      const response = await officer.post(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
      expect(fieldsOf(response.body)).toContain(field);
    }
    const extra = await officer.post(url, { format: 'csv', page: 2 });
    expect(extra.statusCode).toBe(400);
  });

  it('exports CSV in UTF-8 with a BOM, CRLF lines and Thai headers, honouring the filters', async () => {
    const { job, file: response } = await exported({ format: 'csv', sort: 'requested' });
    expect(job).toMatchObject({ kind: 'proposals-export', fileName: 'ข้อเสนอ-INT-2570.csv' });
    // choosing the rows, one batch, closing the file
    expect(job.total).toBe(3);
    expect(response.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    const disposition = String(response.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"]*-INT-2570\.csv"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1] ?? '')).toBe('ข้อเสนอ-INT-2570.csv');
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    const lines = text.split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length).toBe(1 + 4 + 1);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(lines[0]).toBe(
      'เลขที่รับข้อเสนอ,ชื่อข้อเสนอโครงการ,องค์กร,ประเภทองค์กร,จังหวัด,ภาค,ประเด็น,งบประมาณที่ขอ (บาท),สถานะ,ผลการตรวจคุณสมบัติ,เหตุผล,วันที่ยื่น (พ.ศ.),' +
        'ขั้นการพิจารณา,รายชื่อคัดเลือก,ผลการพิจารณา,งบประมาณที่อนุมัติ (บาท),การแจ้งผล',
    );
    const marketLine = lines[1] ?? '';
    expect(marketLine.startsWith(`${market.receiptNumber ?? ''},ตลาดออนไลน์ผู้สูงอายุ,`)).toBe(true);
    expect(marketLine).toContain('บริษัทเอกชน');
    expect(marketLine).toContain('"กรุงเทพมหานคร, เชียงใหม่"');
    expect(marketLine).toContain('"ภาคเหนือ, ภาคกลาง"');
    expect(marketLine).toContain(',200000.50,ยื่นแล้ว,ไม่ผ่าน,');
    expect(marketLine).toContain('รอบนี้ไม่รับข้อเสนอจากองค์กรประเภทนี้');
    expect(marketLine.endsWith(',27/11/2569 10:00:00,รอกลั่นกรอง,,,,')).toBe(true);

    const filtered = (await exported({ format: 'csv', province: 40 })).file;
    expect(filtered.rawPayload.toString('utf8').split('\r\n').length).toBe(1 + 1 + 1);
    const none = await exported({ format: 'csv', q: 'ไม่มีข้อเสนอใดชื่อนี้เลยแน่นอน' });
    expect(none.job.total).toBe(2);
    expect(none.file.rawPayload.toString('utf8').split('\r\n').length).toBe(1 + 1);
  });

  it('exports XLSX with a bold frozen Thai header row and the money as numbers', async () => {
    const { job, file: response } = await exported({
      format: 'xlsx',
      sort: 'requested',
      status: 'submitted',
    });
    expect(job.fileName).toBe('ข้อเสนอ-INT-2570.xlsx');
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet).toBeDefined();
    if (!sheet) {
      return;
    }
    expect(sheet.rowCount).toBe(1 + 3);
    expect(sheet.getRow(1).getCell(1).value).toBe('เลขที่รับข้อเสนอ');
    expect(sheet.getRow(1).getCell(8).value).toBe('งบประมาณที่ขอ (บาท)');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(30);
    const money = sheet.getRow(2).getCell(8);
    expect(money.value).toBe(200000.5);
    expect(money.numFmt).toBe('#,##0.00');
    expect(sheet.getRow(4).getCell(8).value).toBe(1_000_000);
    expect(sheet.getRow(2).getCell(2).value).toBe('ตลาดออนไลน์ผู้สูงอายุ');
    expect(sheet.getRow(2).getCell(12).value).toBe('27/11/2569 10:00:00');
  });

  it("keeps the file to its requester (and officers): others' jobs are not found", async () => {
    const { job } = await exported({ format: 'csv' }, call.id, admin);
    expect((await admin.get(`/api/jobs/${job.id}/download`)).statusCode).toBe(200);
    expect((await officer.get(`/api/jobs/${job.id}/download`)).statusCode).toBe(200);
    expect((await applicant.get(`/api/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await applicant.get(`/api/jobs/${job.id}/download`)).statusCode).toBe(404);
    expect((await anonymous.get(`/api/jobs/${job.id}/download`)).statusCode).toBe(401);
  });

  it('runs with the rights of its requester: queued for someone not allowed, it fails with no file', async () => {
    // as if the route's check had been passed by: the handler checks again with the requester's rights
    const userId = (await applicant.get('/api/auth/me')).json<{ data: { id: string } }>().data.id;
    const { jobId } = await createJob(ctx.database.db, systemActor(userId), intakeExportJob, {
      callId: call.id,
      filters: { format: 'csv' },
      requester: { userId, roles: [], drivingUnitId: null },
    });
    ctx.app.jobs.kick();
    const job = await finishedJob(ctx.app, applicant, jobId);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'HANDLER_FAILED', downloadUrl: null });
    expect((await applicant.get(`/api/jobs/${jobId}/download`)).statusCode).toBe(409);
  });

  it('exports a large call (10,000 rows) in batches, a step per batch', async () => {
    const big = await publishedCall({ code: 'BIG' });
    const source = await ctx.database.db.execute(
      sql`SELECT form_id, organisation_id FROM proposals WHERE id = ${water.id}`,
    );
    const row = (source as { rows: Array<{ form_id: string; organisation_id: string }> }).rows[0];
    expect(row).toBeDefined();
    // A read model test: rows as the proposals module stores them, inserted in bulk for speed.
    await ctx.database.db.execute(sql`
      INSERT INTO proposals (call_id, stage, form_id, organisation_id, title_th, status, receipt_number,
                             submitted_at, requested_satang, province_codes, themes, is_eligible, search_text)
      SELECT ${big.id}, 'proposal', ${row?.form_id}, ${row?.organisation_id}, 'ข้อเสนอทดสอบปริมาณ ' || n, 'submitted',
             'BIG-2570-' || lpad(n::text, 5, '0'), now(), n * 100, ARRAY[40]::smallint[], ARRAY['health'], 1, ''
      FROM generate_series(1, 10000) AS n`);
    // Beyond the exact-count limit the total is counted in full (and kept briefly for the next pages).
    expect((await page('?pageSize=1', officer, big.id)).page.total).toBe(10_000);
    expect((await page('?pageSize=1&page=2', officer, big.id)).page.total).toBe(10_000);
    const started = Date.now();
    const { job, file: csv } = await exported({ format: 'csv', sort: 'receipt' }, big.id);
    // choosing the rows, 20 batches of 500, closing the file
    expect(job.total).toBe(22);
    const lines = csv.rawPayload.toString('utf8').split('\r\n');
    expect(lines.length).toBe(1 + 10_000 + 1);
    expect(lines[10_000]).toMatch(/^BIG-2570-10000,ข้อเสนอทดสอบปริมาณ 10000,/);
    const xlsx = (await exported({ format: 'xlsx' }, big.id)).file;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.rowCount).toBe(1 + 10_000);
    expect(Date.now() - started).toBeLessThan(30_000);

    // the steps as the bar sees them: the rows chosen, each batch in turn, then the file closed
    const steps: Array<[number, string, number | undefined]> = [];
    const officerId = (await officer.get('/api/auth/me')).json<{ data: { id: string } }>().data.id;
    await buildIntakeExport(
      ctx.database.db,
      systemActor(officerId, ['programme_officer']),
      big.id,
      { format: 'csv', sort: 'receipt' },
      async (progress, stepKey, total) => {
        steps.push([progress, stepKey, total]);
      },
    );
    expect(steps[0]).toEqual([0, INTAKE_EXPORT_STEPS.select, undefined]);
    expect(steps.slice(1, -1)).toEqual(
      Array.from({ length: 20 }, (_, i) => [1 + i, INTAKE_EXPORT_STEPS.rows, 22]),
    );
    expect(steps.at(-1)).toEqual([21, INTAKE_EXPORT_STEPS.finish, 22]);
  });
});

describe('bulk actions', () => {
  const bulk = (body: Record<string, unknown>, client: TestClient = officer) =>
    client.post(`/api/calls/${call.id}/proposals/bulk`, body);

  it('marks several ineligible with a reason; ids of another call or unknown fail one by one', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    const response = await bulk({
      action: 'mark_ineligible',
      ids: [water.id, foreign.id, unknown, farm.id, water.id],
      reason: 'เอกสารรับรองไม่ครบ',
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ data: BulkResult }>().data;
    expect(sorted(result.done)).toEqual(sorted([water.id, farm.id]));
    expect(result.failed).toEqual([
      { id: foreign.id, code: 'NOT_FOUND', message: expect.any(String) as string },
      { id: unknown, code: 'NOT_FOUND', message: expect.any(String) as string },
    ]);
    const ineligible = await page('?eligible=no');
    expect(sorted(ineligible.data.map((p) => p.id))).toEqual(sorted([water.id, market.id, farm.id]));
    expect(ineligible.data.find((p) => p.id === water.id)?.eligibilityOverridden).toBe(true);
    // The other call's proposal is untouched.
    const other = await page('', officer, otherCall.id);
    expect(other.data.find((p) => p.id === foreign.id)?.eligibilityOverridden).toBe(false);

    const csv = (await exported({ format: 'csv', province: 40 })).file.rawPayload
      .toString('utf8')
      .split('\r\n')[1];
    expect(csv).toContain('ไม่ผ่าน (เจ้าหน้าที่ปรับผล),เอกสารรับรองไม่ครบ');

    const back = await bulk({ action: 'mark_eligible', ids: [water.id, farm.id], reason: 'ตรวจซ้ำแล้วครบถ้วน' });
    expect(back.json<{ data: BulkResult }>().data.done.length).toBe(2);
    expect(sorted(await titles('?eligible=yes&status=submitted'))).toEqual(
      sorted([water.titleTh, farm.titleTh]),
    );
  });

  it('returns proposals for revision with a due date; a withdrawn one fails; the applicant is told', async () => {
    expect(
      (await bulk({ action: 'return_for_revision', ids: [market.id], reason: 'แนบงบประมาณรายไตรมาส' }))
        .statusCode,
    ).toBe(400);
    const response = await bulk({
      action: 'return_for_revision',
      ids: [market.id, withdrawn.id],
      reason: 'แนบงบประมาณรายไตรมาส',
      dueAt: '2026-12-15T16:30:00+07:00',
    });
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json<{ data: BulkResult }>().data;
    expect(result.done).toEqual([market.id]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([[withdrawn.id, 'INVALID_STATE']]);
    expect(result.failed[0]?.message).not.toMatch(/^errors\./);
    expect(await titles('?status=returned')).toEqual([market.titleTh]);
    const inbox = (await applicant.get('/api/notifications')).json<{ data: InboxItem[] }>().data;
    expect(inbox.some((n) => n.kind === 'proposal_returned' && n.body.includes('แนบงบประมาณรายไตรมาส'))).toBe(
      true,
    );
  });

  it('validates the body', async () => {
    expect((await bulk({ action: 'archive', ids: [water.id], reason: 'x' })).statusCode).toBe(400);
    expect((await bulk({ action: 'mark_eligible', ids: [], reason: 'x' })).statusCode).toBe(400);
    expect((await bulk({ action: 'mark_eligible', ids: [water.id] })).statusCode).toBe(400);
    expect((await bulk({ action: 'mark_eligible', ids: ['nope'], reason: 'x' })).statusCode).toBe(400);
  });
});
