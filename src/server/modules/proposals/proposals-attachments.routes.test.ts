import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import type { TestClient } from '@tests/helpers/client';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM, completeAnswers, multipartBody, samplePdf, startDraft } from '@tests/factories/proposals';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { proposalAttachments } from '@server/db/schema/index';
import type { CallDetail } from '@shared/contracts/calls';
import type { Attachment, ProposalDetail } from '@shared/contracts/proposals';

let ctx: TestContext;
const now = new Date('2026-12-01T10:00:00+07:00');

let officer: Person;
let owner: Person;
let outsider: Person;
let orgId: string;
let call: CallDetail;

beforeAll(async () => {
  ctx = await createTestApp({}, { clock: () => now });
  officer = await signedIn(ctx, 'officer@files.test', 'programme_officer');
  owner = await signedIn(ctx, 'owner@files.test');
  outsider = await signedIn(ctx, 'outsider@files.test');
  orgId = await createOrganisation(owner.client);
  call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
});
afterAll(async () => {
  await ctx.close();
});

function draftWithAnswers(): Promise<ProposalDetail> {
  return startDraft(
    owner.client,
    { callId: call.id, organisationId: orgId, titleTh: 'ข้อเสนอพร้อมไฟล์แนบ' },
    completeAnswers(),
  );
}

function upload(
  client: TestClient,
  proposalId: string,
  file: { name: string; type: string; bytes: Buffer } | undefined,
  questionId = 'document',
  headers: Record<string, string> = {},
) {
  const body = multipartBody({ questionId }, file);
  return client.request('POST', `/api/proposals/${proposalId}/attachments`, body.payload, {
    ...body.headers,
    ...headers,
  });
}

const errorOf = (response: { json: <T>() => T }) =>
  response.json<{
    error: { code: string; message: string; details?: { issues: Array<{ field: string; message: string }> } };
  }>().error;

describe('attachments', () => {
  it('stores a PDF checked on its content, with its SHA-256, and serves it back as a download', async () => {
    const draft = await draftWithAnswers();
    const bytes = samplePdf();
    const response = await upload(owner.client, draft.id, {
      name: '../../แผนงาน:ฉบับจริง?.pdf',
      type: 'application/octet-stream',
      bytes,
    });
    expect(response.statusCode, response.body).toBe(201);
    const attachment = response.json<{ data: Attachment }>().data;
    expect(attachment).toMatchObject({
      questionId: 'document',
      fileName: 'แผนงานฉบับจริง.pdf',
      contentType: 'application/pdf',
      sizeBytes: bytes.length,
    });
    const [row] = await ctx.database.db
      .select()
      .from(proposalAttachments)
      .where(eq(proposalAttachments.id, attachment.id));
    expect(row?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));

    const download = await owner.client.get(`/api/proposals/${draft.id}/attachments/${attachment.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="_+\.pdf"; /);
    expect(download.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('แผนงานฉบับจริง.pdf')}`,
    );
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(
      (await outsider.client.get(`/api/proposals/${draft.id}/attachments/${attachment.id}`)).statusCode,
    ).toBe(404);

    const named = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: draft.version,
      answers: { ...completeAnswers(), document: [attachment.id] },
    });
    expect(named.statusCode, named.body).toBe(200);
    const submitted = await owner.client.post(`/api/proposals/${draft.id}/submit`, {
      version: named.json<{ data: ProposalDetail }>().data.version,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json<{ data: ProposalDetail }>().data.attachments.map((a) => a.id)).toEqual([
      attachment.id,
    ]);
    expect(
      (await upload(owner.client, draft.id, { name: 'late.pdf', type: 'application/pdf', bytes })).statusCode,
    ).toBe(409);
  });

  it('refuses a text file named .pdf with 415 naming the accepted kinds, and leaves the draft as it was', async () => {
    const draft = await draftWithAnswers();
    const response = await upload(owner.client, draft.id, {
      name: 'budget.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('This is only text pretending to be a PDF.\n'.repeat(20)),
    });
    expect(response.statusCode).toBe(415);
    const error = errorOf(response);
    expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(error.details?.issues).toEqual([
      expect.objectContaining({
        field: 'body.file',
        message: expect.stringContaining('PDF') as unknown as string,
      }),
    ]);
    const english = await upload(
      owner.client,
      draft.id,
      { name: 'budget.pdf', type: 'application/pdf', bytes: Buffer.from('plain text') },
      'document',
      { 'accept-language': 'en' },
    );
    expect(errorOf(english).message).toContain('the content is checked, not the name');
    const after = (await owner.client.get(`/api/proposals/${draft.id}`)).json<{ data: ProposalDetail }>()
      .data;
    expect(after).toMatchObject({ version: draft.version, answers: draft.answers, attachments: [] });
  });

  it('refuses a file over the question limit with 413 and a clear message, and a question that takes no files', async () => {
    const draft = await draftWithAnswers();
    const big = Buffer.concat([samplePdf(), Buffer.alloc(8192, 0x20)]);
    const response = await upload(owner.client, draft.id, {
      name: 'big.pdf',
      type: 'application/pdf',
      bytes: big,
    });
    expect(response.statusCode).toBe(413);
    const error = errorOf(response);
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toBe('ไฟล์มีขนาดใหญ่เกินกำหนด (ไม่เกิน 4 KB) ข้อเสนอของคุณยังอยู่ครบ');
    expect(error.details?.issues.map((i) => i.field)).toEqual(['body.file']);

    const wrongQuestion = await upload(
      owner.client,
      draft.id,
      { name: 'a.pdf', type: 'application/pdf', bytes: samplePdf() },
      'summary',
    );
    expect(wrongQuestion.statusCode).toBe(400);
    expect(errorOf(wrongQuestion).details?.issues.map((i) => i.field)).toEqual(['body.questionId']);
    const noFile = await upload(owner.client, draft.id, undefined);
    expect(noFile.statusCode).toBe(400);
    const after = (await owner.client.get(`/api/proposals/${draft.id}`)).json<{ data: ProposalDetail }>()
      .data;
    expect(after).toMatchObject({ version: draft.version, attachments: [] });
  });

  it('refuses more files than the question takes, and lets only owners and editors upload', async () => {
    const draft = await draftWithAnswers();
    const file = { name: 'a.pdf', type: 'application/pdf', bytes: samplePdf() };
    expect((await upload(owner.client, draft.id, file)).statusCode).toBe(201);
    expect((await upload(owner.client, draft.id, file)).statusCode).toBe(201);
    const third = await upload(owner.client, draft.id, file);
    expect(third.statusCode).toBe(400);
    expect(errorOf(third).details?.issues.map((i) => i.field)).toEqual(['body.questionId']);
    expect((await upload(outsider.client, draft.id, file)).statusCode).toBe(404);
    expect((await upload(officer.client, draft.id, file)).statusCode).toBe(403);
  });

  it('deletes an attachment, its file and its mention in the answers', async () => {
    const draft = await draftWithAnswers();
    const uploaded = await upload(owner.client, draft.id, {
      name: 'plan.pdf',
      type: 'application/pdf',
      bytes: samplePdf(),
    });
    const attachment = uploaded.json<{ data: Attachment }>().data;
    const named = await owner.client.patch(`/api/proposals/${draft.id}`, {
      version: draft.version,
      answers: { ...completeAnswers(), document: [attachment.id] },
    });
    const version = named.json<{ data: ProposalDetail }>().data.version;
    const [row] = await ctx.database.db
      .select({ key: proposalAttachments.storageKey })
      .from(proposalAttachments)
      .where(eq(proposalAttachments.id, attachment.id));
    expect(row).toBeDefined();

    expect(
      (await outsider.client.delete(`/api/proposals/${draft.id}/attachments/${attachment.id}`)).statusCode,
    ).toBe(404);
    const removed = await owner.client.delete(`/api/proposals/${draft.id}/attachments/${attachment.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    const after = (await owner.client.get(`/api/proposals/${draft.id}`)).json<{ data: ProposalDetail }>()
      .data;
    expect(after.attachments).toEqual([]);
    expect(after.answers.document).toEqual([]);
    expect(after.version).toBe(version);
    await expect(ctx.app.fileStorage.get(row?.key ?? '')).rejects.toThrow();
    expect(
      (await owner.client.get(`/api/proposals/${draft.id}/attachments/${attachment.id}`)).statusCode,
    ).toBe(404);
  });
});
