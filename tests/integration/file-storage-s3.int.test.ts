import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { startS3Server, type TestS3Server } from '@tests/setup/s3-server';
import { makeTempDir } from '@tests/helpers/temp';
import { createOpenCall } from '@tests/factories/calls';
import { TEST_FORM, completeAnswers, multipartBody, samplePdf, startDraft } from '@tests/factories/proposals';
import { createOrganisation, signedIn } from '@tests/factories/people';
import { proposalAttachments } from '@server/db/schema/index';
import type { Attachment } from '@shared/contracts/proposals';

let s3: TestS3Server;
let ctx: TestContext;
const dataDir = makeTempDir('si-test-data-');

beforeAll(async () => {
  s3 = await startS3Server();
  ctx = await createTestApp({ DATA_DIR: dataDir.dir, ...s3.env });
});
afterAll(async () => {
  await ctx.close();
  await s3.close();
  dataDir.cleanup();
});

/** Every file under `dir`, at any depth. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('proposal attachments with FILE_STORAGE=s3', () => {
  it('stores the uploaded bytes in the bucket, not under DATA_DIR, serves them back and deletes them', async () => {
    const officer = await signedIn(ctx, 'officer@s3.test', 'programme_officer');
    const owner = await signedIn(ctx, 'owner@s3.test');
    const organisationId = await createOrganisation(owner.client);
    const call = await createOpenCall(officer.client, { forms: { proposal: TEST_FORM } });
    const draft = await startDraft(
      owner.client,
      { callId: call.id, organisationId, titleTh: 'ข้อเสนอที่เก็บไฟล์ใน S3' },
      completeAnswers(),
    );

    const bytes = samplePdf();
    const body = multipartBody(
      { questionId: 'document' },
      { name: 'plan.pdf', type: 'application/pdf', bytes },
    );
    const uploaded = await owner.client.request(
      'POST',
      `/api/proposals/${draft.id}/attachments`,
      body.payload,
      body.headers,
    );
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const attachment = uploaded.json<{ data: Attachment }>().data;
    const [row] = await ctx.database.db
      .select({ key: proposalAttachments.storageKey })
      .from(proposalAttachments)
      .where(eq(proposalAttachments.id, attachment.id));
    const key = row?.key ?? '';
    expect(key).toMatch(/^proposals\/[0-9a-f-]{36}$/);

    // The bytes are in the S3 server, read with a client of its own…
    const object = await s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(object.ContentLength).toBe(bytes.length);
    expect(Buffer.from((await object.Body?.transformToByteArray()) ?? []).equals(bytes)).toBe(true);
    // …and nowhere under DATA_DIR.
    expect(await filesUnder(dataDir.dir)).toEqual([]);

    const download = await owner.client.get(`/api/proposals/${draft.id}/attachments/${attachment.id}`);
    expect(download.statusCode, download.body).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(bytes)).toBe(true);

    const removed = await owner.client.delete(`/api/proposals/${draft.id}/attachments/${attachment.id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    await expect(s3.client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }))).rejects.toMatchObject(
      {
        name: 'NoSuchKey',
      },
    );
  });
});
