import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { linkIn, mailText, startSmtpServer } from '@tests/helpers/smtp';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM, completeAnswers, startDraft } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import type { CallDetail } from '@shared/contracts/calls';
import type { Answers } from '@shared/contracts/forms';
import type { ProposalDetail } from '@shared/contracts/proposals';

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

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const START = new Date('2026-12-01T10:00:00+07:00');
/** The application's clock; tests move it to the deadline and past it. */
let now = START;

let officer: Person;
let owner: Person;
let orgId: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestApp(
    { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100', PUBLIC_URL: 'http://si.test' },
    { clock: () => now },
  );
  officer = await signedIn(ctx, 'officer@submit.test', 'programme_officer');
  owner = await signedIn(ctx, 'owner@submit.test');
  orgId = await createOrganisation(owner.client, { nameTh: 'วิสาหกิจชุมชนทอผ้าบ้านนาโพธิ์', provinceCode: 58 });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});
beforeEach(() => {
  now = START;
});

function draftWith(
  call: CallDetail,
  answers: Answers = completeAnswers(),
  titleTh = 'ข้อเสนอทดสอบการยื่น',
): Promise<ProposalDetail> {
  return startDraft(owner.client, { callId: call.id, organisationId: orgId, titleTh }, answers);
}

const submit = (p: ProposalDetail, headers: Record<string, string> = {}) =>
  owner.client.post(`/api/proposals/${p.id}/submit`, { version: p.version }, headers);

function issueList(response: { json: <T>() => T }) {
  return response.json<{
    error: {
      code: string;
      details: { issues: Array<{ field: string; message: string; messageEn?: string }> };
    };
  }>().error.details.issues;
}

describe('the deadline', () => {
  it('accepts a submission at 23:59:59.999 Bangkok time on the closing day and refuses one at 00:00:00', async () => {
    const call = await createOpenCall(officer.client, {
      call: { closesAt: '2027-01-31T23:59:59+07:00' },
      forms: { proposal: TEST_FORM },
    });
    const onTime = await draftWith(call);
    const late = await draftWith(call);

    now = new Date('2027-01-31T23:59:59.999+07:00');
    const accepted = await submit(onTime);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<{ data: ProposalDetail }>().data.status).toBe('submitted');

    now = new Date('2027-02-01T00:00:00+07:00');
    const refused = await submit(late);
    expect(refused.statusCode).toBe(422);
    expect(refused.json<{ error: { code: string } }>().error.code).toBe('DEADLINE_PASSED');
    const still = (await owner.client.get(`/api/proposals/${late.id}`)).json<{ data: ProposalDetail }>().data;
    expect(still).toMatchObject({ status: 'draft', receiptNumber: null, abilities: { submit: false } });
    expect((await owner.client.post(`/api/proposals/${onTime.id}/withdraw`)).statusCode).toBe(422);
  });
});

describe('submitting', () => {
  it('gives one receipt however often it is submitted, then the next number to the next proposal', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const draft = await draftWith(call);
    const first = await submit(draft);
    expect(first.statusCode, first.body).toBe(200);
    const submitted = first.json<{ data: ProposalDetail }>().data;
    expect(submitted.receiptNumber).toBe(`${call.code}-2570-0001`);
    expect(submitted.submittedAt).toBe(START.toISOString());
    expect(submitted.events.map((e) => e.toStatus)).toEqual(['draft', 'submitted']);

    const again = await submit(draft);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<{ data: ProposalDetail }>().data).toMatchObject({
      receiptNumber: submitted.receiptNumber,
      version: submitted.version,
    });
    const next = await submit(await draftWith(call));
    expect(next.json<{ data: ProposalDetail }>().data.receiptNumber).toBe(`${call.code}-2570-0002`);
  });

  it('numbers 20 concurrent submissions to one call 0001 to 0020, without gaps or repeats', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const drafts: ProposalDetail[] = [];
    for (let i = 0; i < 20; i += 1) {
      drafts.push(await draftWith(call, completeAnswers(), `ข้อเสนอพร้อมกันที่ ${i + 1}`));
    }
    const responses = await Promise.all(drafts.map((d) => submit(d)));
    for (const r of responses) {
      expect(r.statusCode, r.body).toBe(200);
    }
    const receipts = responses.map((r) => r.json<{ data: ProposalDetail }>().data.receiptNumber ?? '').sort();
    expect(receipts).toEqual(
      Array.from({ length: 20 }, (_, i) => `${call.code}-2570-${String(i + 1).padStart(4, '0')}`),
    );
  });

  it('checks every answer, in Thai and in English, and leaves the draft as it was', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const draft = await draftWith(call, { has_partner: true, beneficiaries: 0.5 });
    const thai = await submit(draft);
    expect(thai.statusCode).toBe(400);
    const fields = issueList(thai).map((i) => i.field);
    expect(fields.sort()).toEqual(
      [
        'body.answers.area',
        'body.answers.beneficiaries',
        'body.answers.budget',
        'body.answers.partner_name',
        'body.answers.summary',
        'body.answers.themes',
      ].sort(),
    );
    expect(issueList(thai).find((i) => i.field === 'body.answers.summary')).toMatchObject({
      message: 'กรุณาตอบคำถามนี้',
      messageEn: 'Please answer this question',
    });
    const english = await submit(draft, { 'accept-language': 'en' });
    expect(issueList(english).find((i) => i.field === 'body.answers.beneficiaries')?.message).toBe(
      'Must be a whole number',
    );
    const still = (await owner.client.get(`/api/proposals/${draft.id}`)).json<{ data: ProposalDetail }>()
      .data;
    expect(still).toMatchObject({ status: 'draft', version: draft.version, receiptNumber: null });
  });

  it('refuses a budget outside the grant range on the budget question, but not other eligibility failures', async () => {
    const call = await createOpenCall(officer.client, {
      call: { eligibility: { provinceCodes: [50] } },
      forms: { proposal: TEST_FORM },
    });
    const tooMuch = await draftWith(call, completeAnswers(900_000_000));
    const refused = await submit(tooMuch);
    expect(refused.statusCode).toBe(400);
    expect(issueList(refused)).toEqual([
      expect.objectContaining({
        field: 'body.answers.budget',
        message: 'งบประมาณที่ขอรวม 9,000,000 บาท ต้องอยู่ระหว่าง 100,000 ถึง 5,000,000 บาท',
      }),
    ]);

    const outsideArea = await draftWith(call, { ...completeAnswers(), has_partner: false });
    const accepted = await submit(outsideArea);
    expect(accepted.statusCode, accepted.body).toBe(200);
    const data = accepted.json<{ data: ProposalDetail }>().data;
    expect(data.eligible).toBe(false);
    expect(data.eligibility?.checks).toContainEqual(expect.objectContaining({ rule: 'area', passed: false }));
    expect(data.answers).not.toHaveProperty('partner_name');
  });

  it('emails every member a confirmation with the receipt number and a link, in their own language', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const colleague = await signedIn(ctx, 'colleague@submit.test', null, 'en');
    await createOrganisationMembershipForTest(ctx.database.db, orgId, colleague.userId, 'editor');
    const draft = await draftWith(call, completeAnswers(), 'ข้อเสนอที่รอรับอีเมล');
    const response = await submit(draft);
    expect(response.statusCode, response.body).toBe(200);
    const receipt = response.json<{ data: ProposalDetail }>().data.receiptNumber ?? '';

    const thai = await smtp.waitFor((m) => m.to.includes(owner.email) && mailText(m.raw).includes(receipt));
    expect(mailText(thai.raw)).toContain('ข้อเสนอที่รอรับอีเมล');
    expect(mailText(thai.raw)).toContain('1 ธ.ค. 2569 10:00 น.');
    expect(linkIn(thai.raw, `/proposals/${draft.id}`)).toBe(`http://si.test/proposals/${draft.id}`);
    const english = await smtp.waitFor(
      (m) => m.to.includes(colleague.email) && mailText(m.raw).includes(receipt),
    );
    expect(mailText(english.raw)).toContain('Its receipt number is');

    const inbox = await colleague.client.get('/api/notifications');
    if (inbox.statusCode === 200) {
      const items = inbox.json<{ data: Array<{ link: string | null }> }>().data;
      expect(items.map((i) => i.link)).toContain(`/proposals/${draft.id}`);
    }
  });
});

describe('the PDF', () => {
  it('is a PDF whose text holds the Thai title, the receipt and the answers', async () => {
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const title = 'นวัตกรรมการจัดการน้ำชุมชนบ้านหนองบัว ปีที่ ๒';
    const draft = await draftWith(call, completeAnswers(), title);
    const submitted = (await submit(draft)).json<{ data: ProposalDetail }>().data;

    const response = await owner.client.get(`/api/proposals/${draft.id}/pdf`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    const bytes = response.rawPayload;
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const pdf = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
    const texts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n += 1) {
      const content = await (await pdf.getPage(n)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
    }
    const text = texts
      .join('')
      .replace(/\u200B/g, '')
      .replace(/\s+/g, '');
    expect(text).toContain(title.replace(/\s+/g, ''));
    expect(text).toContain(submitted.receiptNumber ?? 'missing');
    expect(text).toContain('วิสาหกิจชุมชนทอผ้าบ้านนาโพธิ์');
    expect(text).toContain('1,000,000บาท');
    expect(text).toContain('1ธ.ค.256910:00น.');
    expect(text).toContain('แม่ฮ่องสอน');

    // Rendered to an image, page 1 carries ink: the embedded Thai font draws its glyphs.
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
    expect(ink / (pixels.length / 4)).toBeGreaterThan(0.005);
    await pdf.destroy();

    const english = await owner.client.request('GET', `/api/proposals/${draft.id}/pdf`, undefined, {
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(200);
    const doc = await getDocument({ data: new Uint8Array(english.rawPayload), disableFontFace: true })
      .promise;
    const first = await (await doc.getPage(1)).getTextContent();
    expect(first.items.map((item) => ('str' in item ? item.str : '')).join('')).toContain('Receipt number');
    await doc.destroy();
  });
});
