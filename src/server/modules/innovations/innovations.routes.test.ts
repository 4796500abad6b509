import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import sharp from 'sharp';
import {
  auditEvents,
  innovationMedia,
  innovations,
  partners,
  projectInstalments,
  projectReports,
} from '@server/db/schema/index';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { activeProject, getProject } from '@tests/factories/projects';
import { multipartBody, samplePdf } from '@tests/factories/proposals';
import { createContest, moveContest } from '@tests/factories/contests';
import type { ContestEntry } from '@shared/contracts/contests';
import { INNOVATION_LIMITS, type InnovationDetail } from '@shared/contracts/innovations';
import type { Instalment } from '@shared/contracts/projects';

let ctx: TestContext;
let officer: Person;
let ownerEditor: Person;
let ownerViewer: Person;
let stranger: Person;
let anonymous: TestClient;
let orgId: string;
let otherOrgId: string;

beforeAll(async () => {
  const web = mkdtempSync(join(tmpdir(), 'si-innovations-web-'));
  copyFileSync('src/web/index.html', join(web, 'index.html'));
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0', WEB_DIST_DIR: web, PUBLIC_URL: 'https://si.test' });
  officer = await signedIn(ctx, 'officer@innovations.test', 'programme_officer');
  ownerEditor = await signedIn(ctx, 'owner@innovations.test');
  ownerViewer = await signedIn(ctx, 'viewer@innovations.test');
  stranger = await signedIn(ctx, 'stranger@innovations.test');
  anonymous = new TestClient(ctx.app);
  orgId = await createOrganisation(ownerEditor.client, {
    nameTh: 'วิสาหกิจชุมชนผ้าทอบ้านนาหมื่นศรี',
    provinceCode: 92,
  });
  otherOrgId = await createOrganisation(stranger.client, { nameTh: 'มูลนิธิเพื่อนชุมชน' });
  await createOrganisationMembershipForTest(ctx.database.db, orgId, ownerViewer.userId, 'viewer');
});
afterAll(async () => {
  await ctx.close();
});

const ENTRY = {
  titleTh: 'ผ้าทอลายโบราณสร้างรายได้ชุมชน',
  titleEn: 'Heritage weaving for community income',
  summaryTh: 'กลุ่มแม่บ้านฟื้นลายผ้าทอโบราณและขายผ่านช่องทางออนไลน์ สร้างรายได้เสริมให้ครัวเรือนยากจน',
  problemTh: 'ครัวเรือนมีรายได้ต่ำและลายผ้าดั้งเดิมกำลังสูญหาย',
  solutionTh: 'รวมกลุ่มทอผ้า ออกแบบลายใหม่จากลายเดิม และขายออนไลน์',
  themes: ['tourism_culture', 'finance_employment_welfare'],
  sdgs: [8, 1],
  originProvinceCode: 92,
  contactName: 'นางสมศรี ทอดี',
  contactEmail: 'weave@example.test',
};

type Issue = { field: string; message: string; messageEn?: string };
const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { issues?: Issue[] } } }).error.details?.issues ?? [];
const dataOf = (response: { json: <T>() => T }) => response.json<{ data: InnovationDetail }>().data;

async function create(body: Record<string, unknown> = {}): Promise<InnovationDetail> {
  const response = await officer.client.post('/api/innovations', {
    ...ENTRY,
    ownerOrganisationIds: [orgId],
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return dataOf(response);
}

async function publish(entry: InnovationDetail): Promise<InnovationDetail> {
  const response = await officer.client.post(`/api/innovations/${entry.id}/publish`, {
    version: entry.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return dataOf(response);
}

function upload(
  client: TestClient,
  id: string,
  file: { name: string; type: string; bytes: Buffer },
  fields = {},
) {
  const body = multipartBody(fields, file);
  return client.request('POST', `/api/innovations/${id}/media`, body.payload, body.headers);
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await ctx.database.db
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .where(eq(auditEvents.entityId, entityId));
  return rows.map((r) => r.action);
}

/** A photo as phones write it: with EXIF, the camera's maker included. */
const photo = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' = 'jpeg') =>
  sharp({ create: { width, height, channels: 3, background: { r: 180, g: 90, b: 40 } } })
    .withExif({ IFD0: { Make: 'PhoneMaker' } })
    .toFormat(format)
    .toBuffer();

describe('the registry', () => {
  it('officers add drafts; nobody else may; drafts stay hidden from the public and strangers', async () => {
    expect((await anonymous.post('/api/innovations', ENTRY)).statusCode).toBe(401);
    expect((await ownerEditor.client.post('/api/innovations', ENTRY)).statusCode).toBe(403);
    const bad = await officer.client.post('/api/innovations', {
      ...ENTRY,
      themes: ['astrology'],
      sdgs: [18],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('body.themes');
    const unknown = await officer.client.post('/api/innovations', {
      ...ENTRY,
      ownerOrganisationIds: [crypto.randomUUID()],
      originProvinceCode: 92,
      originDistrictCode: 1001,
    });
    expect(unknown.statusCode).toBe(400);
    expect(issuesOf(unknown.body).map((i) => i.field)).toEqual(
      expect.arrayContaining(['body.ownerOrganisationIds.0', 'body.originDistrictCode']),
    );
    expect(issuesOf(unknown.body).find((i) => i.field === 'body.originDistrictCode')?.messageEn).toBe(
      'The district chosen is not in the province of origin',
    );

    const draft = await create({ srl: 5 });
    expect(draft).toMatchObject({
      status: 'draft',
      srl: 5,
      owners: [{ id: orgId, nameTh: 'วิสาหกิจชุมชนผ้าทอบ้านนาหมื่นศรี' }],
      origin: { province: { code: 92 } },
      sdgs: [1, 8],
      abilities: { edit: true, curate: true, nominate: false },
    });
    expect(draft.srlHistory).toMatchObject([{ srl: 5, source: 'officer', assessedOn: '2026-12-15' }]);
    expect((await anonymous.get(`/api/innovations/${draft.id}`)).statusCode).toBe(404);
    expect((await stranger.client.get(`/api/innovations/${draft.id}`)).statusCode).toBe(404);
    const asViewer = await ownerViewer.client.get(`/api/innovations/${draft.id}`);
    expect(asViewer.statusCode).toBe(200);
    expect(dataOf(asViewer).abilities).toEqual({ edit: false, curate: false, nominate: false });
    const row = (await ctx.database.db.select().from(innovations).where(eq(innovations.id, draft.id)))[0];
    expect(row?.searchText).toContain('ผ้า ทอ');
    expect(row?.searchText).toContain('heritage');
    expect(await auditActions(draft.id)).toContain('innovation.created');
  });

  it("owners' editors change the content with the current version; viewers and strangers may not; owners are the officers'", async () => {
    const draft = await create();
    const url = `/api/innovations/${draft.id}`;
    expect((await anonymous.patch(url, { version: 1, titleEn: 'x' })).statusCode).toBe(401);
    expect((await stranger.client.patch(url, { version: 1, titleEn: 'x' })).statusCode).toBe(404);
    expect((await ownerViewer.client.patch(url, { version: 1, titleEn: 'x' })).statusCode).toBe(403);
    const changed = await ownerEditor.client.patch(url, {
      version: draft.version,
      howItWorksTh: 'ทอผ้าที่ศูนย์ชุมชนสัปดาห์ละสามวัน',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = dataOf(changed);
    expect(after.howItWorksTh).toBe('ทอผ้าที่ศูนย์ชุมชนสัปดาห์ละสามวัน');
    expect(after.version).toBe(draft.version + 1);
    const stale = await ownerEditor.client.patch(url, { version: draft.version, titleEn: 'Stale' });
    expect(stale.statusCode).toBe(409);
    const owners = await ownerEditor.client.patch(url, {
      version: after.version,
      ownerOrganisationIds: [orgId, otherOrgId],
    });
    expect(owners.statusCode).toBe(403);
    const byOfficer = await officer.client.patch(url, {
      version: after.version,
      ownerOrganisationIds: [otherOrgId, orgId],
    });
    expect(byOfficer.statusCode, byOfficer.body).toBe(200);
    expect(dataOf(byOfficer).owners.map((o) => o.id)).toEqual([otherOrgId, orgId]);
    const row = (await ctx.database.db.select().from(innovations).where(eq(innovations.id, draft.id)))[0];
    expect(row?.organisationId).toBe(otherOrgId);
    expect(row?.searchText).toContain('สัปดาห์');
  });

  it('publishing needs a summary, a theme and the origin; published entries are public and stay published when their owners edit', async () => {
    const bare = await create({ summaryTh: '', themes: [], originProvinceCode: null });
    const early = await officer.client.post(`/api/innovations/${bare.id}/publish`, { version: bare.version });
    expect(early.statusCode).toBe(409);
    expect(issuesOf(early.body).map((i) => i.field)).toEqual(['summaryTh', 'themes', 'originProvinceCode']);
    expect(
      (await ownerEditor.client.post(`/api/innovations/${bare.id}/publish`, { version: bare.version }))
        .statusCode,
    ).toBe(403);

    const entry = await publish(await create());
    expect(entry.status).toBe('published');
    expect(entry.publishedAt).toBe('2026-12-15T03:00:00.000Z');
    const again = await officer.client.post(`/api/innovations/${entry.id}/publish`, {
      version: entry.version,
    });
    expect(again.statusCode).toBe(409);
    const pub = await anonymous.get(`/api/innovations/${entry.id}`);
    expect(pub.statusCode).toBe(200);
    expect(dataOf(pub).abilities).toEqual({ edit: false, curate: false, nominate: false });

    const edited = await ownerEditor.client.patch(`/api/innovations/${entry.id}`, {
      version: entry.version,
      summaryEn: 'Women weavers revive old patterns',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(dataOf(edited).status).toBe('published');
    const emptied = await ownerEditor.client.patch(`/api/innovations/${entry.id}`, {
      version: dataOf(edited).version,
      summaryTh: '',
    });
    expect(emptied.statusCode).toBe(400);
    expect(issuesOf(emptied.body)[0]?.field).toBe('body.summaryTh');

    const featured = await officer.client.post(`/api/innovations/${entry.id}/feature`, {
      version: dataOf(edited).version,
      isFeatured: true,
    });
    expect(featured.statusCode, featured.body).toBe(200);
    expect(dataOf(featured).isFeatured).toBe(true);
    const down = await officer.client.post(`/api/innovations/${entry.id}/unpublish`, {
      version: dataOf(featured).version,
    });
    expect(down.statusCode).toBe(200);
    expect(dataOf(down)).toMatchObject({ status: 'unpublished', isFeatured: false });
    expect((await anonymous.get(`/api/innovations/${entry.id}`)).statusCode).toBe(404);
    const cannotFeature = await officer.client.post(`/api/innovations/${entry.id}/feature`, {
      version: dataOf(down).version,
      isFeatured: true,
    });
    expect(cannotFeature.statusCode).toBe(409);
    const back = await publish(dataOf(down));
    expect(back.publishedAt).toBe(entry.publishedAt);
    expect(await auditActions(entry.id)).toEqual(
      expect.arrayContaining([
        'innovation.published',
        'innovation.unpublished',
        'innovation.featured',
        'innovation.updated',
      ]),
    );
  });

  it('officers record dated SRL assessments and the diffusion package with its cost total', async () => {
    const entry = await create({ srl: 4 });
    const future = await officer.client.post(`/api/innovations/${entry.id}/srl`, {
      version: entry.version,
      srl: 6,
      assessedOn: '2027-01-01',
    });
    expect(future.statusCode).toBe(400);
    expect(issuesOf(future.body)[0]?.messageEn).toBe('The assessment date cannot be in the future');
    expect(
      (
        await ownerEditor.client.post(`/api/innovations/${entry.id}/srl`, {
          version: entry.version,
          srl: 6,
          assessedOn: '2026-12-01',
        })
      ).statusCode,
    ).toBe(403);
    const assessed = await officer.client.post(`/api/innovations/${entry.id}/srl`, {
      version: entry.version,
      srl: 6,
      assessedOn: '2026-12-10',
      note: 'ขยายผลได้สองหมู่บ้าน',
    });
    expect(assessed.statusCode, assessed.body).toBe(200);
    // an assessment older than the entry's latest goes into the history; the SRL stays the latest one
    expect(dataOf(assessed).srl).toBe(4);
    expect(dataOf(assessed).srlHistory.map((h) => h.srl)).toEqual([6, 4]);
    const latest = await officer.client.post(`/api/innovations/${entry.id}/srl`, {
      version: dataOf(assessed).version,
      srl: 7,
      assessedOn: '2026-12-15',
    });
    expect(latest.statusCode, latest.body).toBe(200);
    expect(dataOf(latest).srl).toBe(7);
    expect(dataOf(latest).srlHistory.map((h) => h.srl)).toEqual([6, 4, 7]);

    const partner = (
      await ctx.database.db
        .insert(partners)
        .values({ nameTh: 'มูลนิธิรักษ์ผ้าไทย', sector: 'civil_society', roles: ['diffusion_partner'] })
        .returning({ id: partners.id })
    )[0];
    const base = dataOf(latest);
    const noSteps = await officer.client.request('PUT', `/api/innovations/${entry.id}/adoption-package`, {
      version: base.version,
      isDiffusionReady: true,
      adoptionPackage: { steps: [], costs: [] },
    });
    expect(noSteps.statusCode).toBe(400);
    expect(issuesOf(noSteps.body)[0]?.field).toBe('body.adoptionPackage.steps');
    const unknownPartner = await officer.client.request(
      'PUT',
      `/api/innovations/${entry.id}/adoption-package`,
      {
        version: base.version,
        isDiffusionReady: true,
        adoptionPackage: { steps: [{ titleTh: 'อบรมช่างทอ' }], partnerIds: [crypto.randomUUID()] },
      },
    );
    expect(unknownPartner.statusCode).toBe(400);
    const ready = await officer.client.request('PUT', `/api/innovations/${entry.id}/adoption-package`, {
      version: base.version,
      isDiffusionReady: true,
      adoptionPackage: {
        steps: [
          { titleTh: 'อบรมช่างทอ', weeks: 4 },
          { titleTh: 'จัดตั้งกลุ่มและช่องทางขาย', weeks: 8 },
        ],
        costs: [
          { itemTh: 'กี่ทอผ้า 5 หลัง', amountSatang: 7_500_000 },
          { itemTh: 'ค่าวิทยากร', amountSatang: 1_250_050 },
        ],
        resourcesTh: 'ศูนย์ชุมชนสำหรับทอผ้า',
        partnerIds: [partner?.id],
      },
    });
    expect(ready.statusCode, ready.body).toBe(200);
    const pack = dataOf(ready);
    expect(pack.isDiffusionReady).toBe(true);
    expect(pack.adoptionCostSatang).toBe(8_750_050);
    expect(pack.adoptionPackage).toMatchObject({
      totalSatang: 8_750_050,
      partners: [{ id: partner?.id, nameTh: 'มูลนิธิรักษ์ผ้าไทย' }],
    });
    expect(
      (
        await officer.client.request('PUT', `/api/innovations/${entry.id}/adoption-package`, {
          version: base.version,
          isDiffusionReady: false,
          adoptionPackage: null,
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('photos and documents', () => {
  it('sniffs the content, resizes photos to a real thumbnail, and serves a published entry’s files to everyone', async () => {
    const entry = await create();
    const url = `/api/innovations/${entry.id}/media`;
    const jpeg = await photo(1600, 1200);
    expect(
      (await upload(anonymous, entry.id, { name: 'a.jpg', type: 'image/jpeg', bytes: jpeg })).statusCode,
    ).toBe(401);
    expect(
      (await upload(stranger.client, entry.id, { name: 'a.jpg', type: 'image/jpeg', bytes: jpeg }))
        .statusCode,
    ).toBe(404);
    expect(
      (await upload(ownerViewer.client, entry.id, { name: 'a.jpg', type: 'image/jpeg', bytes: jpeg }))
        .statusCode,
    ).toBe(403);
    const fake = await upload(ownerEditor.client, entry.id, {
      name: 'photo.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('<html><script>alert(1)</script></html>'),
    });
    expect(fake.statusCode).toBe(415);
    expect(issuesOf(fake.body)[0]).toMatchObject({ field: 'body.file' });
    const broken = await upload(ownerEditor.client, entry.id, {
      name: 'broken.png',
      type: 'image/png',
      bytes: Buffer.concat([(await photo(10, 10, 'png')).subarray(0, 40), Buffer.alloc(200, 7)]),
    });
    expect(broken.statusCode).toBe(415);
    expect(issuesOf(broken.body)[0]?.messageEn).toBe('This photo cannot be read; the file may be damaged');
    const huge = Buffer.concat([jpeg.subarray(0, 4), Buffer.alloc(10 * 1024 * 1024 + 10)]);
    const tooBig = await upload(ownerEditor.client, entry.id, {
      name: 'big.jpg',
      type: 'image/jpeg',
      bytes: huge,
    });
    expect(tooBig.statusCode).toBe(413);
    expect(issuesOf(tooBig.body)[0]?.messageEn).toBe('The photo is too large (at most 10 MB)');

    const added = await upload(
      ownerEditor.client,
      entry.id,
      { name: 'ผ้าทอ.jpg', type: 'image/jpeg', bytes: jpeg },
      { captionTh: 'กลุ่มแม่บ้านทอผ้า' },
    );
    expect(added.statusCode, added.body).toBe(201);
    const withPhoto = dataOf(added);
    const first = withPhoto.photos[0];
    expect(first).toMatchObject({ kind: 'photo', width: 1600, height: 1200, captionTh: 'กลุ่มแม่บ้านทอผ้า' });
    expect(withPhoto.cover?.id).toBe(first?.id);
    const thumb = await officer.client.get(first?.thumbnailUrl ?? '');
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const size = await sharp(thumb.rawPayload).metadata();
    expect(size).toMatchObject({ format: 'webp', width: 480, height: 360 });

    const png = await upload(officer.client, entry.id, {
      name: 'small.png',
      type: 'image/png',
      bytes: await photo(300, 200, 'png'),
    });
    expect(png.statusCode).toBe(201);
    const small = dataOf(png).photos[1];
    const smallThumb = await officer.client.get(small?.thumbnailUrl ?? '');
    expect((await sharp(smallThumb.rawPayload).metadata()).width).toBe(300);
    const doc = await upload(ownerEditor.client, entry.id, {
      name: 'คู่มือ.pdf',
      type: 'application/pdf',
      bytes: samplePdf(),
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const withDoc = dataOf(doc);
    // files come and go beside the content: an editor's version stays valid
    expect(withDoc.version).toBe(entry.version);
    expect(withDoc.documents).toMatchObject([{ kind: 'document', fileName: 'คู่มือ.pdf', thumbnailUrl: null }]);

    const cover = await ownerEditor.client.request('PUT', `/api/innovations/${entry.id}/cover`, {
      version: withDoc.version,
      mediaId: withDoc.documents[0]?.id,
    });
    expect(cover.statusCode).toBe(400);
    const newCover = await ownerEditor.client.request('PUT', `/api/innovations/${entry.id}/cover`, {
      version: withDoc.version,
      mediaId: small?.id,
    });
    expect(newCover.statusCode, newCover.body).toBe(200);
    expect(dataOf(newCover).cover?.id).toBe(small?.id);

    // a draft's files are not public
    expect((await anonymous.get(first?.url ?? '')).statusCode).toBe(404);
    const published = await publish(dataOf(newCover));
    const original = await anonymous.get(first?.url ?? '');
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('image/jpeg');
    expect(original.headers['cache-control']).toBe('public, max-age=3600');
    // stored and served without the phone's metadata, at its own size
    expect((await sharp(jpeg).metadata()).exif).toBeDefined();
    const served = await sharp(original.rawPayload).metadata();
    expect(served.exif).toBeUndefined();
    expect([served.format, served.width, served.height]).toEqual(['jpeg', 1600, 1200]);
    const pdf = await anonymous.get(published.documents[0]?.url ?? '');
    expect(pdf.headers['content-type']).toBe('application/pdf');

    const captioned = await ownerEditor.client.patch(`${url}/${first?.id}`, { captionEn: 'Weavers at work' });
    expect(captioned.statusCode).toBe(200);
    expect(dataOf(captioned).photos.find((p) => p.id === first?.id)?.captionEn).toBe('Weavers at work');
    const removed = await ownerEditor.client.delete(`${url}/${small?.id}`);
    expect(removed.statusCode).toBe(200);
    expect(dataOf(removed).cover?.id).toBe(first?.id);
    expect((await anonymous.get(small?.url ?? '')).statusCode).toBe(404);
    expect(await auditActions(entry.id)).toEqual(
      expect.arrayContaining(['innovation.media_added', 'innovation.media_removed', 'innovation.cover_set']),
    );
  });
});

describe('photo orientation and the file limit', () => {
  it('reads a rotated phone photo the way it is shown, and refuses the file past the limit', async () => {
    const entry = await create();
    const portrait = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: { r: 20, g: 120, b: 90 } },
    })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toBuffer();
    const added = await upload(officer.client, entry.id, {
      name: 'phone.jpg',
      type: 'image/jpeg',
      bytes: portrait,
    });
    expect(added.statusCode, added.body).toBe(201);
    const shown = dataOf(added).photos[0];
    expect(shown).toMatchObject({ width: 800, height: 1200 });
    const thumb = await sharp((await officer.client.get(shown?.thumbnailUrl ?? '')).rawPayload).metadata();
    expect(thumb).toMatchObject({ width: 480, height: 720 });

    const template = (
      await ctx.database.db.select().from(innovationMedia).where(eq(innovationMedia.innovationId, entry.id))
    )[0];
    if (!template) {
      throw new Error('no media row');
    }
    const { id: _id, ...copy } = template;
    await ctx.database.db
      .insert(innovationMedia)
      .values(Array.from({ length: INNOVATION_LIMITS.mediaPerInnovation - 1 }, () => ({ ...copy })));
    const past = await upload(officer.client, entry.id, {
      name: 'one-more.pdf',
      type: 'application/pdf',
      bytes: samplePdf(),
    });
    expect(past.statusCode).toBe(409);
    expect(issuesOf(past.body)[0]?.messageEn).toBe('At most 40 photos and documents per entry');
  });
});

describe('contest nominations', () => {
  it("a published entry's owners' members nominate it; drafts and strangers may not", async () => {
    const contest = await createContest(officer.client);
    await moveContest(officer.client, contest.id, 'open');
    const categoryId = contest.categories[0]?.id;
    const url = `/api/contests/${contest.id}/entries`;
    const draft = await create();
    const early = await ownerEditor.client.post(url, {
      kind: 'innovation',
      categoryId,
      innovationId: draft.id,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toContain('คลังนวัตกรรม');
    const entry = await publish(draft);
    type Nominable = { data: Array<{ id: string; ownerNameTh: string | null }> };
    expect((await anonymous.get('/api/innovations/nominable')).statusCode).toBe(401);
    const mine = (await ownerViewer.client.get('/api/innovations/nominable')).json<Nominable>().data;
    expect(mine.find((i) => i.id === entry.id)?.ownerNameTh).toBe('วิสาหกิจชุมชนผ้าทอบ้านนาหมื่นศรี');
    expect(mine.some((i) => i.id === draft.id && draft.status !== 'draft')).toBe(false);
    const theirs = (await stranger.client.get('/api/innovations/nominable')).json<Nominable>().data;
    expect(theirs.some((i) => i.id === entry.id)).toBe(false);
    const byStranger = await stranger.client.post(url, {
      kind: 'innovation',
      categoryId,
      innovationId: entry.id,
    });
    expect(byStranger.statusCode).toBe(403);
    const nominated = await ownerViewer.client.post(url, {
      kind: 'innovation',
      categoryId,
      innovationId: entry.id,
    });
    expect(nominated.statusCode, nominated.body).toBe(201);
    expect(nominated.json<{ data: ContestEntry }>().data).toMatchObject({
      kind: 'innovation',
      titleTh: ENTRY.titleTh,
      entrantName: 'วิสาหกิจชุมชนผ้าทอบ้านนาหมื่นศรี',
      organisationId: orgId,
      provinceCode: 92,
    });
    const twice = await officer.client.post(url, { kind: 'innovation', categoryId, innovationId: entry.id });
    expect(twice.statusCode).toBe(409);
  });
});

describe('close-out', () => {
  it("a closed project's draft gets its programme, unit, origin, owner and SRL history", async () => {
    const p = await activeProject(ctx, { awardSatang: 100_000_000 });
    for (const report of p.project.reports) {
      await ctx.database.db
        .update(projectReports)
        .set({
          status: 'approved',
          reviewedAt: new Date(),
          narrative: 'ชุมชนดูแลระบบน้ำได้เอง',
          srlLevel: 7,
        })
        .where(eq(projectReports.id, report.id));
      await ctx.database.db
        .update(projectInstalments)
        .set({ status: 'ready', readyAt: new Date() })
        .where(
          and(eq(projectInstalments.releaseReportId, report.id), eq(projectInstalments.status, 'scheduled')),
        );
    }
    const payment = (i: Instalment) => ({
      version: i.version,
      paidOn: '2026-12-15',
      paidSatang: i.amountSatang,
      reference: `KTB-2569-00${i.sequence}`,
    });
    for (const i of (await getProject(p.officer.client, p.projectId)).instalments) {
      const paid = await p.officer.client.post(`/api/instalments/${i.id}/payment`, payment(i));
      expect(paid.statusCode, paid.body).toBe(200);
    }
    const ready = await getProject(p.officer.client, p.projectId);
    const closed = await p.officer.client.post(`/api/projects/${p.projectId}/close`, {
      version: ready.version,
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const innovationId = closed.json<{ data: { innovationId: string } }>().data.innovationId;
    const entry = await p.owner.client.get(`/api/innovations/${innovationId}`);
    expect(entry.statusCode, entry.body).toBe(200);
    const detail = dataOf(entry);
    expect(detail).toMatchObject({
      status: 'draft',
      srl: 7,
      project: { id: p.projectId },
      owners: [{ id: p.organisationId }],
      origin: { province: { code: 58 } },
      abilities: { edit: true, curate: false },
    });
    expect(detail.programme?.slug).toBeTruthy();
    expect(detail.srlHistory.map((h) => [h.source, h.srl, h.assessedOn])).toEqual(
      expect.arrayContaining([['close_out', 7, '2026-12-15']]),
    );
    if (ready.srlStart !== null) {
      expect(detail.srlHistory[0]).toMatchObject({ source: 'project_start', srl: ready.srlStart });
    }
  });
});

describe('link previews', () => {
  it("a published entry's page carries its own title, description and Open Graph tags, escaped", async () => {
    const entry = await create({
      titleTh: 'ผ้าทอ "ลายโบราณ" <script>alert(1)</script>',
      titleEn: '',
      summaryTh: 'สรุป & เรื่องราว\nของกลุ่มทอผ้า',
    });
    const draftHtml = await anonymous.get(`/innovations/${entry.id}`);
    expect(draftHtml.statusCode).toBe(200);
    expect(draftHtml.body).not.toContain('og:title');
    const added = await upload(officer.client, entry.id, {
      name: 'cover.webp',
      type: 'image/webp',
      bytes: await photo(800, 600, 'webp'),
    });
    const published = await publish(dataOf(added));
    const html = (await anonymous.get(`/innovations/${entry.id}`)).body;
    expect(html).toContain(
      '<title>ผ้าทอ &#34;ลายโบราณ&#34; &#60;script&#62;alert(1)&#60;/script&#62; · SI Platform</title>',
    );
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('<meta name="description" content="สรุป &#38; เรื่องราว ของกลุ่มทอผ้า" />');
    expect(html).toContain(`<meta property="og:url" content="https://si.test/innovations/${entry.id}" />`);
    expect(html).toContain(
      `<meta property="og:image" content="https://si.test/api/innovations/${entry.id}/media/${published.cover?.id}/thumbnail" />`,
    );
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/name="description"/g)).toHaveLength(1);
    // the catalogue has its own (see the public-site module); an unknown entry keeps the generic head
    expect((await anonymous.get('/innovations')).body).toContain(
      '<meta property="og:title" content="คลังผลงานนวัตกรรม · SI Platform" />',
    );
    expect((await anonymous.get(`/innovations/${crypto.randomUUID()}`)).body).not.toContain('og:title');
  });
});
