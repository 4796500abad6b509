import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { signedIn, type Person } from '@tests/factories/people';
import { createDrivingUnit, signedInUnitStaff } from '@tests/factories/projects';
import { multipartBody, samplePdf } from '@tests/factories/proposals';
import type { Resource, ResourceList } from '@shared/contracts/knowledge';
import { isCountedDownload } from './knowledge.service';

let ctx: TestContext;
let officer: Person;
let applicant: Person;
let staffA: Person;
let staffB: Person;
let anonymous: TestClient;
let unitA: string;

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
  unitA = await createDrivingUnit(ctx, [90], 'Library unit A');
  const unitB = await createDrivingUnit(ctx, [10], 'Library unit B');
  officer = await signedIn(ctx, 'officer@library.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@library.test');
  staffA = await signedInUnitStaff(ctx, unitA);
  staffB = await signedInUnitStaff(ctx, unitB);
  anonymous = new TestClient(ctx.app);
});
afterAll(async () => {
  await ctx.close();
});

const TOOLKIT = {
  kind: 'toolkit',
  titleTh: 'คู่มือการออกแบบนวัตกรรมเพื่อสังคมสำหรับชุมชน',
  titleEn: 'Social innovation design toolkit for communities',
  summaryTh: 'เครื่องมือวิเคราะห์ปัญหา ออกแบบต้นแบบ และทดสอบกับผู้ใช้ในชุมชน',
  themes: ['sustainable_agriculture'],
  audiences: ['community', 'driving_unit'],
};

async function create(person: Person, body: Record<string, unknown>): Promise<Resource> {
  const response = await person.client.post('/api/knowledge', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: Resource }>().data;
}

function uploadFile(client: TestClient, id: string, file: { name: string; type: string; bytes: Buffer }) {
  const body = multipartBody({}, file);
  return client.request('POST', `/api/knowledge/${id}/file`, body.payload, body.headers);
}

async function publish(person: Person, resource: Resource): Promise<Resource> {
  const response = await person.client.post(`/api/knowledge/${resource.id}/publish`, {
    version: resource.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: Resource }>().data;
}

async function titles(query: string, client = anonymous): Promise<string[]> {
  const response = await client.get(`/api/knowledge?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ResourceList>().data.map((r) => r.titleTh);
}

describe('the library', () => {
  it('staff add drafts for their unit; others may not; drafts stay hidden until published', async () => {
    expect((await anonymous.post('/api/knowledge', TOOLKIT)).statusCode).toBe(401);
    expect((await applicant.client.post('/api/knowledge', TOOLKIT)).statusCode).toBe(403);
    const bad = await officer.client.post('/api/knowledge', { ...TOOLKIT, themes: ['astrology'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.themes');
    const badUrl = await officer.client.post('/api/knowledge', {
      ...TOOLKIT,
      externalUrl: 'javascript:alert(1)',
    });
    expect(badUrl.statusCode).toBe(400);
    // a unit's staff publish as their unit, never another's
    const elsewhere = await staffA.client.post('/api/knowledge', {
      ...TOOLKIT,
      drivingUnitId: crypto.randomUUID(),
    });
    expect(elsewhere.statusCode).toBe(403);
    const draft = await create(staffA, TOOLKIT);
    expect(draft).toMatchObject({ status: 'draft', drivingUnit: { id: unitA }, abilities: { manage: true } });

    expect((await anonymous.get(`/api/knowledge/${draft.id}`)).statusCode).toBe(404);
    expect((await staffB.client.get(`/api/knowledge/${draft.id}`)).statusCode).toBe(404);
    expect(
      (await staffB.client.patch(`/api/knowledge/${draft.id}`, { version: 1, titleEn: 'x' })).statusCode,
    ).toBe(404);
    expect((await officer.client.get(`/api/knowledge/${draft.id}`)).statusCode).toBe(200);
    expect(await titles('')).not.toContain(TOOLKIT.titleTh);
    expect(await titles('scope=manage', staffA.client)).toEqual([TOOLKIT.titleTh]);
    expect(await titles('scope=manage', staffB.client)).toEqual([]);
    expect((await anonymous.get('/api/knowledge?scope=manage')).statusCode).toBe(401);
    expect((await applicant.client.get('/api/knowledge?scope=manage')).statusCode).toBe(403);

    // nothing to download yet: publishing is refused
    const empty = await staffA.client.post(`/api/knowledge/${draft.id}/publish`, { version: draft.version });
    expect(empty.statusCode).toBe(409);

    const fake = await uploadFile(staffA.client, draft.id, {
      name: 'toolkit.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(fake.statusCode).toBe(415);
    expect(
      (
        await uploadFile(staffB.client, draft.id, {
          name: 'a.pdf',
          type: 'application/pdf',
          bytes: samplePdf(),
        })
      ).statusCode,
    ).toBe(404);
    const uploaded = await uploadFile(staffA.client, draft.id, {
      name: 'คู่มือ.pdf',
      type: 'application/octet-stream',
      bytes: samplePdf(),
    });
    expect(uploaded.statusCode, uploaded.body).toBe(200);
    const withFile = uploaded.json<{ data: Resource }>().data;
    expect(withFile.file).toMatchObject({ fileName: 'คู่มือ.pdf', contentType: 'application/pdf' });
    const stale = await staffA.client.post(`/api/knowledge/${draft.id}/publish`, { version: draft.version });
    expect(stale.statusCode).toBe(409);
    const published = await publish(staffA, withFile);
    expect(published.status).toBe('published');

    // published: everyone reads it; another unit's staff see it but may not change it
    expect((await anonymous.get(`/api/knowledge/${draft.id}`)).statusCode).toBe(200);
    const seen = await staffB.client.get(`/api/knowledge/${draft.id}`);
    expect(seen.json<{ data: Resource }>().data.abilities.manage).toBe(false);
    expect(
      (await staffB.client.patch(`/api/knowledge/${draft.id}`, { version: published.version, titleEn: 'x' }))
        .statusCode,
    ).toBe(403);
    expect((await staffB.client.delete(`/api/knowledge/${draft.id}`)).statusCode).toBe(403);
    expect(await titles('')).toContain(TOOLKIT.titleTh);
  });

  it('search finds Thai words, parts of words and theme names; filters by kind, theme and audience', async () => {
    const items = [
      {
        kind: 'case_study',
        titleTh: 'กรณีศึกษาการท่องเที่ยวโดยชุมชนบ้านน้ำเชี่ยว',
        summaryTh: 'ชุมชนประมงพื้นบ้านจัดการท่องเที่ยวเชิงนิเวศและแบ่งรายได้อย่างเป็นธรรม',
        themes: ['tourism_culture'],
        audiences: ['community'],
        externalUrl: 'https://example.org/case',
      },
      {
        kind: 'report',
        titleTh: 'รายงานผลลัพธ์ทางสังคมของโครงการสุขภาพชุมชน',
        titleEn: 'Social return report of community health projects',
        themes: ['health'],
        audiences: ['academic', 'general_public'],
        externalUrl: 'https://example.org/report',
      },
    ];
    for (const item of items) {
      await publish(officer, await create(officer, item));
    }
    const q = (text: string) => `q=${encodeURIComponent(text)}`;
    expect(await titles(q('ท่องเที่ยว'))).toEqual(['กรณีศึกษาการท่องเที่ยวโดยชุมชนบ้านน้ำเชี่ยว']);
    // part of a word: "เชี่ยว" inside the village's name, "ประมง" inside "ประมงพื้นบ้าน"
    expect(await titles(q('น้ำเชี่ยว'))).toEqual(['กรณีศึกษาการท่องเที่ยวโดยชุมชนบ้านน้ำเชี่ยว']);
    expect(await titles(q('ประมง'))).toEqual(['กรณีศึกษาการท่องเที่ยวโดยชุมชนบ้านน้ำเชี่ยว']);
    expect(await titles(q('ชุมชน'))).toHaveLength(3);
    // a theme's name finds resources tagged with it
    expect(await titles(q('สุขภาพ'))).toEqual(['รายงานผลลัพธ์ทางสังคมของโครงการสุขภาพชุมชน']);
    expect(await titles(q('social ret'))).toEqual(['รายงานผลลัพธ์ทางสังคมของโครงการสุขภาพชุมชน']);
    expect(await titles(q('ไม่มีเอกสารนี้'))).toEqual([]);
    expect(await titles('kind=case_study')).toEqual(['กรณีศึกษาการท่องเที่ยวโดยชุมชนบ้านน้ำเชี่ยว']);
    expect(await titles('theme=health')).toEqual(['รายงานผลลัพธ์ทางสังคมของโครงการสุขภาพชุมชน']);
    expect(await titles('audience=community')).toHaveLength(2);
    expect(await titles(`audience=community&${q('คู่มือ')}`)).toEqual([TOOLKIT.titleTh]);
    expect((await anonymous.get('/api/knowledge?kind=novel')).statusCode).toBe(400);
  });
});

describe('downloads', () => {
  it('counts whole downloads by readers, not staff previews, HEAD requests or resumed parts', async () => {
    const resource = await create(staffA, { ...TOOLKIT, titleTh: 'สื่อการอบรมการตลาดออนไลน์' });
    await uploadFile(staffA.client, resource.id, {
      name: 'slides.pdf',
      type: 'application/pdf',
      bytes: samplePdf(),
    });
    const url = `/api/knowledge/${resource.id}/download`;
    // a draft: readers cannot download; its managers can, uncounted
    expect((await anonymous.get(url)).statusCode).toBe(404);
    expect((await staffA.client.get(url)).statusCode).toBe(200);
    const current = (await staffA.client.get(`/api/knowledge/${resource.id}`)).json<{ data: Resource }>()
      .data;
    await publish(staffA, current);

    const count = async () =>
      (await anonymous.get(`/api/knowledge/${resource.id}`)).json<{ data: Resource }>().data.downloadCount;
    expect(await count()).toBe(0);
    const first = await anonymous.get(url);
    expect(first.statusCode).toBe(200);
    expect(first.headers['content-type']).toBe('application/pdf');
    expect(first.headers['content-disposition']).toContain('slides.pdf');
    expect(first.rawPayload.equals(samplePdf())).toBe(true);
    await applicant.client.get(url);
    await staffB.client.get(url);
    expect(await count()).toBe(3);
    // not counted: the page itself, the unit's own staff and officers previewing, HEAD, a resumed part
    await anonymous.get(`/api/knowledge/${resource.id}`);
    await staffA.client.get(url);
    await officer.client.get(url);
    expect((await ctx.app.inject({ method: 'HEAD', url })).statusCode).toBe(200);
    await anonymous.request('GET', url, undefined, { range: 'bytes=100-' });
    expect(await count()).toBe(3);
    await anonymous.request('GET', url, undefined, { range: 'bytes=0-' });
    expect(await count()).toBe(4);
    // many at once: each one counts
    await Promise.all(Array.from({ length: 8 }, () => new TestClient(ctx.app).get(url)));
    expect(await count()).toBe(12);

    // a link kept elsewhere: opening it redirects and counts
    const linked = await create(officer, {
      ...TOOLKIT,
      titleTh: 'วิดีโอการอบรม',
      kind: 'video',
      externalUrl: 'https://example.org/v',
    });
    await publish(officer, linked);
    const opened = await anonymous.get(`/api/knowledge/${linked.id}/open`);
    expect(opened.statusCode).toBe(302);
    expect(opened.headers.location).toBe('https://example.org/v');
    expect((await anonymous.get(`/api/knowledge/${linked.id}/download`)).statusCode).toBe(404);
    const after = (await anonymous.get(`/api/knowledge/${linked.id}`)).json<{ data: Resource }>().data;
    expect(after.downloadCount).toBe(1);

    // unpublished again: gone for readers
    const again = (await officer.client.get(`/api/knowledge/${resource.id}`)).json<{ data: Resource }>().data;
    const back = await officer.client.post(`/api/knowledge/${resource.id}/unpublish`, {
      version: again.version,
    });
    expect(back.statusCode).toBe(200);
    expect((await anonymous.get(url)).statusCode).toBe(404);
    expect((await officer.client.delete(`/api/knowledge/${resource.id}`)).statusCode).toBe(200);
    expect((await officer.client.get(`/api/knowledge/${resource.id}`)).statusCode).toBe(404);
  });

  it('the counting rule', () => {
    expect(isCountedDownload({ method: 'GET', range: undefined }, false)).toBe(true);
    expect(isCountedDownload({ method: 'GET', range: 'bytes=0-1023' }, false)).toBe(true);
    expect(isCountedDownload({ method: 'GET', range: 'bytes=1024-' }, false)).toBe(false);
    expect(isCountedDownload({ method: 'HEAD', range: undefined }, false)).toBe(false);
    expect(isCountedDownload({ method: 'GET', range: undefined }, true)).toBe(false);
  });
});
