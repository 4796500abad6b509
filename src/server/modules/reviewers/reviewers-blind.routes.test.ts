import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM, completeAnswers, multipartBody, samplePdf, startDraft } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { createReviewer, inviteAndAccept, myAssignments, putUpForReview } from '@tests/factories/reviewers';
import { emailOutbox } from '@server/db/schema/index';
import type { CallDetail } from '@shared/contracts/calls';
import type { Attachment, ProposalDetail } from '@shared/contracts/proposals';
import type { ReviewerProposal, ReviewSettings } from '@shared/contracts/reviewers';

/**
 * Blind review: with `blindApplicants`, no endpoint a reviewer can call shows who applied — not the organisation's
 * Thai or English name, its registration number or contacts, a co-applicant, nor the applicant's name or e-mail, even
 * when the applicant wrote them into the title, the answers or a file name.
 */

let ctx: TestContext;
let officer: Person;
let applicant: Person;
let reviewer: Person;
let second: Person;
let call: CallDetail;
let proposal: ProposalDetail;

const ORG_TH = 'วิสาหกิจชุมชนบ้านโคกสว่าง';
const ORG_EN = 'Khok Sawang Community Enterprise';
const JURISTIC_ID = '0105536092641';
const ORG_EMAIL = 'contact@khoksawang.example';
const ORG_PHONE = '043-123-456';
const CO_TH = 'สมาคมรักษ์ลำน้ำชี';
const CO_EN = 'Chi River Association';
const APPLICANT_NAME = 'สมศรี ทองประเสริฐ';
const APPLICANT_EMAIL = 'somsri@applicant-blind.test';

const IDENTIFYING = [
  ORG_TH,
  ORG_EN,
  JURISTIC_ID,
  ORG_EMAIL,
  CO_TH,
  CO_EN,
  APPLICANT_NAME,
  'ทองประเสริฐ',
  APPLICANT_EMAIL,
  'applicant-blind',
];

/** Fails naming the identifying text found in whatever a reviewer received. */
function expectNoIdentity(what: string, text: string) {
  for (const needle of IDENTIFYING) {
    expect(
      text.toLowerCase().includes(needle.toLowerCase()),
      `${what} shows "${needle}": ${text.slice(0, 2000)}`,
    ).toBe(false);
  }
}

beforeAll(async () => {
  ctx = await createTestApp();
  officer = await signedIn(ctx, 'officer@blind.test', 'programme_officer');
  applicant = await signedIn(ctx, APPLICANT_EMAIL);
  expect((await applicant.client.patch('/api/auth/me', { name: APPLICANT_NAME })).statusCode).toBe(200);
  const orgId = await createOrganisation(applicant.client, {
    nameTh: ORG_TH,
    nameEn: ORG_EN,
    juristicId: JURISTIC_ID,
    type: 'community_enterprise',
    provinceCode: 40,
    contactEmail: ORG_EMAIL,
    contactPhone: ORG_PHONE,
  });
  const coOrg = await createOrganisation(applicant.client, { nameTh: CO_TH, nameEn: CO_EN });

  call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
  const settings = await officer.client.patch(`/api/calls/${call.id}/review-settings`, {
    version: 0,
    blindApplicants: true,
    hideOtherReviews: false,
    reviewersPerProposal: 2,
  });
  expect(settings.json<{ data: ReviewSettings }>().data.blindApplicants).toBe(true);

  const answers = {
    ...completeAnswers(),
    summary: `${ORG_TH} (${ORG_EN}) ร่วมกับ${CO_TH} ติดต่อ ${ORG_EMAIL} โทร ${ORG_PHONE} ผู้ประสานงาน ${APPLICANT_NAME}`,
    partner_name: `${CO_TH} เลขนิติบุคคล ${JURISTIC_ID}`,
    team: [{ name: APPLICANT_NAME, role: 'หัวหน้าโครงการ', organisation: ORG_TH, email: APPLICANT_EMAIL }],
  };
  let draft = await startDraft(
    applicant.client,
    { callId: call.id, organisationId: orgId, titleTh: `ระบบน้ำสะอาดของ${ORG_TH}` },
    answers,
  );
  const upload = multipartBody(
    { questionId: 'document' },
    { name: `แผนงาน-${ORG_TH}.pdf`, type: 'application/pdf', bytes: samplePdf() },
  );
  const uploaded = await applicant.client.request(
    'POST',
    `/api/proposals/${draft.id}/attachments`,
    upload.payload,
    upload.headers,
  );
  expect(uploaded.statusCode, uploaded.body).toBe(201);
  const attachment = uploaded.json<{ data: Attachment }>().data;
  const saved = await applicant.client.patch(`/api/proposals/${draft.id}`, {
    version: draft.version,
    titleEn: `Clean water by ${ORG_EN}`,
    coApplicantIds: [coOrg],
    answers: { ...answers, document: [attachment.id] },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  draft = saved.json<{ data: ProposalDetail }>().data;
  const submitted = await applicant.client.post(`/api/proposals/${draft.id}/submit`, {
    version: draft.version,
  });
  expect(submitted.statusCode, submitted.body).toBe(200);
  proposal = submitted.json<{ data: ProposalDetail }>().data;
  await putUpForReview(ctx, proposal);

  reviewer = await createReviewer(ctx, 'blind-reviewer@blind.test', { themes: ['food_water_energy'] });
  second = await createReviewer(ctx, 'blind-second@blind.test');
  await inviteAndAccept(officer.client, call.id, [reviewer, second]);
  const run = await officer.client.post(`/api/calls/${call.id}/assignments/auto`, { stage: 'proposal' });
  expect(run.statusCode, run.body).toBe(200);
});
afterAll(async () => {
  await ctx.close();
});

/** Everything a reviewer received, to search for identity afterwards. */
async function call_(
  person: Person,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  body?: unknown,
  expected = 200,
) {
  const response = await person.client.request(method, url, method === 'GET' ? undefined : (body ?? {}));
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(expected);
  expectNoIdentity(`${method} ${url}`, response.body);
  return response;
}

describe('blind review', () => {
  let id = '';
  let otherId = '';

  it('leaks no applicant identity through the reviewer pool endpoints, e-mails or in-app messages', async () => {
    // Before declaring: the list shows the title (scrubbed) and no organisation.
    await call_(reviewer, 'GET', '/api/review-assignments');
    const [assignment] = await myAssignments(reviewer);
    expect(assignment).toMatchObject({ isBlind: true, organisationNameTh: null, organisationNameEn: null });
    id = assignment?.id ?? '';
    await call_(reviewer, 'GET', `/api/review-assignments/${id}/proposal`, undefined, 403);
    await call_(reviewer, 'POST', `/api/review-assignments/${id}/conflict`, { hasConflict: false });

    // The proposal: no organisation, no co-applicants, team table withheld, names blanked out, neutral file names.
    const opened = await call_(reviewer, 'GET', `/api/review-assignments/${id}/proposal`);
    const view = opened.json<{ data: ReviewerProposal }>().data;
    expect(view).toMatchObject({ isBlind: true, organisationNameTh: null, coApplicants: [] });
    expect(view.redactedQuestionIds).toEqual(['team']);
    expect(view.answers.team).toBeUndefined();
    expect(view.answers.summary).toContain('█████');
    expect(view.answers.beneficiaries).toBe(320);
    expect(view.titleTh).toBe('ระบบน้ำสะอาดของ█████');
    const [file] = view.attachments;
    expect(file?.fileName).toBe('attachment-1.pdf');
    const download = await call_(
      reviewer,
      'GET',
      `/api/review-assignments/${id}/attachments/${file?.id ?? ''}`,
    );
    expect(download.headers['content-type']).toBe('application/pdf');
    expectNoIdentity('attachment headers', JSON.stringify(download.headers));
    await call_(
      reviewer,
      'GET',
      `/api/review-assignments/${id}/attachments/${view.proposalId}`,
      undefined,
      404,
    );

    await call_(reviewer, 'GET', '/api/reviewer-profile');
    await call_(reviewer, 'GET', '/api/notifications');

    const [other] = await myAssignments(second);
    otherId = other?.id ?? '';
    await call_(second, 'POST', `/api/review-assignments/${otherId}/conflict`, { hasConflict: false });

    // E-mails sent to the reviewers.
    for (const person of [reviewer, second]) {
      const mails = await ctx.database.db
        .select()
        .from(emailOutbox)
        .where(eq(emailOutbox.toAddress, person.email));
      expect(mails.length).toBeGreaterThan(0);
      expectNoIdentity(`mail to ${person.email}`, JSON.stringify(mails));
    }
  });

  it('leaks no applicant identity through the scoring sheet (reviews module)', async () => {
    const sheet = await call_(reviewer, 'GET', `/api/review-assignments/${id}/review`);
    const sheetData = sheet.json<{ data: { review?: { version?: number } | null } }>().data;
    await call_(reviewer, 'PUT', `/api/review-assignments/${id}/review`, {
      version: sheetData.review?.version ?? 0,
      scores: {},
      comment: 'ร่างความเห็น',
      recommendation: null,
    });
    await call_(second, 'GET', `/api/review-assignments/${otherId}/review`);
  });

  it('leaks no applicant identity when a reviewer declines', async () => {
    await call_(second, 'POST', `/api/review-assignments/${otherId}/decline`, { reason: 'ติดภารกิจ' });
    await call_(second, 'GET', '/api/review-assignments');
  });

  it('still shows everything once the call stops being blind', async () => {
    const current = await officer.client.get(`/api/calls/${call.id}/review-settings`);
    const { version } = current.json<{ data: ReviewSettings }>().data;
    await officer.client.patch(`/api/calls/${call.id}/review-settings`, { version, blindApplicants: false });
    const [assignment] = await myAssignments(reviewer);
    const opened = await reviewer.client.get(`/api/review-assignments/${assignment?.id ?? ''}/proposal`);
    const view = opened.json<{ data: ReviewerProposal }>().data;
    expect(view).toMatchObject({ isBlind: false, organisationNameTh: ORG_TH, redactedQuestionIds: [] });
    expect(view.coApplicants).toEqual([{ nameTh: CO_TH, nameEn: CO_EN }]);
    expect(view.attachments[0]?.fileName).toBe(`แผนงาน-${ORG_TH}.pdf`);
  });
});
