import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { createDrivingUnit, signedInUnitStaff } from '@tests/factories/projects';
import { multipartBody, samplePdf } from '@tests/factories/proposals';
import { insertInnovation, loadTestAreas, setTargetGroup } from '@tests/factories/diffusion';
import { adoptionEvents, auditEvents, innovationNeeds, innovations, villages } from '@server/db/schema/index';
import { eq } from 'drizzle-orm';
import type {
  AdoptionDetail,
  AdoptionUpdate,
  DiffusionOverview,
  InnovationDiffusion,
  VillageProfile,
} from '@shared/contracts/diffusion';
import { openInterestAdoption } from './adoptions.service';

// The test clock: 15 Dec 2026, Bangkok.
const TODAY = '2026-12-15';

let ctx: TestContext;
let officer: Person;
let member: Person;
let outsider: Person;
let staff58: Person;
let staff96: Person;
let anonymous: TestClient;
let adopterOrgId: string;
let otherOrgId: string;
let innovationId: string;
let notReadyId: string;
let draftId: string;

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
  await loadTestAreas(ctx);
  await setTargetGroup(ctx, [58, 96]);
  officer = await signedIn(ctx, 'officer@diffusion.test', 'programme_officer');
  member = await signedIn(ctx, 'member@diffusion.test');
  outsider = await signedIn(ctx, 'outsider@diffusion.test');
  staff58 = await signedInUnitStaff(ctx, await createDrivingUnit(ctx, [58]));
  staff96 = await signedInUnitStaff(ctx, await createDrivingUnit(ctx, [96]));
  anonymous = new TestClient(ctx.app);
  adopterOrgId = await createOrganisation(member.client, {
    nameTh: 'องค์การบริหารส่วนตำบลปางหมู',
    type: 'local_government',
  });
  otherOrgId = await createOrganisation(outsider.client, { nameTh: 'วิสาหกิจชุมชนอื่น' });
  innovationId = await insertInnovation(ctx);
  notReadyId = await insertInnovation(ctx, { titleTh: 'ยังไม่พร้อมขยายผล', isDiffusionReady: false });
  draftId = await insertInnovation(ctx, { titleTh: 'ฉบับร่าง', status: 'draft', publishedAt: null });
});
afterAll(async () => {
  await ctx.close();
});

const SITE = {
  provinceCode: 58,
  districtCode: 5801,
  subdistrictCode: 580102,
  villageNo: 3,
  villageName: 'บ้านปางหมู',
};

function adoptionBody(overrides: Record<string, unknown> = {}) {
  return {
    innovationId,
    ...SITE,
    adopterName: 'อบต.ปางหมู',
    adopterType: 'local_government',
    adopterOrganisationId: adopterOrgId,
    interestedOn: '2026-09-01',
    ...overrides,
  };
}

async function create(client: TestClient, overrides: Record<string, unknown> = {}): Promise<AdoptionDetail> {
  const response = await client.post('/api/adoptions', adoptionBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: AdoptionDetail }>().data;
}

async function move(
  client: TestClient,
  adoption: AdoptionDetail,
  toStatus: string,
  occurredOn: string,
  extra: Record<string, unknown> = {},
): Promise<AdoptionDetail> {
  const response = await client.post(`/api/adoptions/${adoption.id}/status`, {
    toStatus,
    occurredOn,
    version: adoption.version,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: AdoptionDetail }>().data;
}

function issues(body: string): Array<{ field: string; message: string; messageEn?: string }> {
  return (JSON.parse(body) as { error: { details: { issues: Array<{ field: string; message: string }> } } })
    .error.details.issues;
}

describe('recording adoptions', () => {
  it('who may record: 401 anonymous, 403 an outsider or a unit outside the province, 201 the others', async () => {
    expect((await anonymous.post('/api/adoptions', adoptionBody())).statusCode).toBe(401);
    const foreign = await outsider.client.post('/api/adoptions', adoptionBody());
    expect(foreign.statusCode).toBe(403);
    expect(foreign.body).toContain('สมาชิก');
    expect(
      (await outsider.client.post('/api/adoptions', adoptionBody({ adopterOrganisationId: null })))
        .statusCode,
    ).toBe(403);
    expect((await staff96.client.post('/api/adoptions', adoptionBody())).statusCode).toBe(403);
    const byMember = await create(member.client);
    expect(byMember).toMatchObject({
      status: 'interested',
      interestedOn: '2026-09-01',
      statusOn: '2026-09-01',
      canManage: true,
      nextStatuses: ['planning', 'discontinued'],
      village: { villageNo: 3, nameTh: 'บ้านปางหมู' },
    });
    expect(byMember.events).toHaveLength(1);
    await create(staff58.client, {
      adopterOrganisationId: null,
      adopterName: 'โรงเรียนบ้านปางหมู',
      adopterType: 'school',
    });
    await create(officer.client, { ...SITE, provinceCode: 96, districtCode: 9601, subdistrictCode: 960101 });
  });

  it('bad input is 400 naming the field, in Thai and English; unknown references are field errors, not 500', async () => {
    const noName = await officer.client.post('/api/adoptions', adoptionBody({ adopterName: '' }));
    expect(noName.statusCode).toBe(400);
    expect(noName.body).toContain('body.adopterName');
    const badType = await officer.client.post('/api/adoptions', adoptionBody({ adopterType: 'spaceship' }));
    expect(badType.statusCode).toBe(400);
    const wrongArea = await officer.client.post('/api/adoptions', adoptionBody({ districtCode: 9601 }));
    expect(wrongArea.statusCode).toBe(400);
    expect(issues(wrongArea.body).map((i) => i.field)).toContain('body.districtCode');
    const villageWithoutSubdistrict = await officer.client.post(
      '/api/adoptions',
      adoptionBody({ subdistrictCode: null }),
    );
    expect(villageWithoutSubdistrict.statusCode).toBe(400);
    const [issue] = issues(villageWithoutSubdistrict.body);
    expect(issue).toMatchObject({ field: 'body.villageNo', message: 'ระบุหมู่ที่ได้เมื่อเลือกตำบลแล้วเท่านั้น' });
    expect(issue?.messageEn).toBe('A village number needs a subdistrict');
    const unknownPartner = await officer.client.post(
      '/api/adoptions',
      adoptionBody({ diffusionPartnerId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknownPartner.statusCode).toBe(400);
    expect(unknownPartner.body).toContain('body.diffusionPartnerId');
    const unknownOrganisation = await officer.client.post(
      '/api/adoptions',
      adoptionBody({ adopterOrganisationId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknownOrganisation.statusCode).toBe(400);
    const future = await officer.client.post('/api/adoptions', adoptionBody({ interestedOn: '2026-12-16' }));
    expect(future.statusCode).toBe(400);
    expect(future.body).toContain('body.interestedOn');
    const twice = await officer.client.post(
      '/api/adoptions',
      adoptionBody({
        beneficiaries: [
          { group: 'elderly', count: 1 },
          { group: 'elderly', count: 2 },
        ],
      }),
    );
    expect(twice.statusCode).toBe(400);
    const extra = await officer.client.post('/api/adoptions', { ...adoptionBody(), surprise: true });
    expect(extra.statusCode).toBe(400);
    const draft = await officer.client.post('/api/adoptions', adoptionBody({ innovationId: draftId }));
    expect(draft.statusCode).toBe(400);
    expect(draft.body).toContain('body.innovationId');
  });

  it('the same village number in the same subdistrict is one village', async () => {
    const a = await create(officer.client, { villageNo: 7, villageName: 'บ้านใหม่' });
    const b = await create(officer.client, { villageNo: 7, villageName: 'บ้านใหม่พัฒนา' });
    expect(a.village?.id).toBe(b.village?.id);
    const rows = await ctx.database.db.select().from(villages).where(eq(villages.subdistrictCode, 580102));
    expect(rows.filter((v) => v.villageNo === 7)).toHaveLength(1);
  });
});

describe('the status timeline', () => {
  it('walks interested → sustained with dated events, sets adopted_on, refuses skips, backdating and the future', async () => {
    let adoption = await create(member.client);
    const skip = await member.client.post(`/api/adoptions/${adoption.id}/status`, {
      toStatus: 'adopted',
      occurredOn: '2026-10-01',
      version: adoption.version,
    });
    expect(skip.statusCode).toBe(400);
    expect(issues(skip.body)[0]).toMatchObject({ field: 'body.toStatus' });
    const backwards = await member.client.post(`/api/adoptions/${adoption.id}/status`, {
      toStatus: 'planning',
      occurredOn: '2026-08-31',
      version: adoption.version,
    });
    expect(backwards.statusCode).toBe(400);
    expect(issues(backwards.body)[0]).toMatchObject({ field: 'body.occurredOn' });
    const future = await member.client.post(`/api/adoptions/${adoption.id}/status`, {
      toStatus: 'planning',
      occurredOn: '2026-12-16',
      version: adoption.version,
    });
    expect(future.statusCode).toBe(400);
    adoption = await move(member.client, adoption, 'planning', '2026-09-10');
    adoption = await move(member.client, adoption, 'implementing', '2026-10-01');
    adoption = await move(member.client, adoption, 'adopted', '2026-11-20', { note: 'เปิดธนาคารเมล็ดพันธุ์' });
    expect(adoption.adoptedOn).toBe('2026-11-20');
    adoption = await move(member.client, adoption, 'sustained', TODAY);
    expect(adoption).toMatchObject({ status: 'sustained', adoptedOn: '2026-11-20', nextStatuses: [] });
    expect(adoption.events.map((e) => [e.fromStatus, e.toStatus, e.occurredOn])).toEqual([
      [null, 'interested', '2026-09-01'],
      ['interested', 'planning', '2026-09-10'],
      ['planning', 'implementing', '2026-10-01'],
      ['implementing', 'adopted', '2026-11-20'],
      ['adopted', 'sustained', TODAY],
    ]);
    const afterFinal = await member.client.post(`/api/adoptions/${adoption.id}/status`, {
      toStatus: 'discontinued',
      occurredOn: TODAY,
      reason: 'x',
      version: adoption.version,
    });
    expect(afterFinal.statusCode).toBe(400);
  });

  it('discontinued needs a reason; a stale version is 409; only managers change status', async () => {
    const adoption = await create(member.client);
    const noReason = await member.client.post(`/api/adoptions/${adoption.id}/status`, {
      toStatus: 'discontinued',
      occurredOn: '2026-10-01',
      version: adoption.version,
    });
    expect(noReason.statusCode).toBe(400);
    expect(issues(noReason.body)[0]).toMatchObject({ field: 'body.reason', message: 'กรุณาระบุเหตุผลที่ยุติ' });
    expect(
      (
        await outsider.client.post(`/api/adoptions/${adoption.id}/status`, {
          toStatus: 'planning',
          occurredOn: '2026-10-01',
          version: adoption.version,
        })
      ).statusCode,
    ).toBe(403);
    const stopped = await move(member.client, adoption, 'discontinued', '2026-10-01', {
      reason: 'งบประมาณท้องถิ่นไม่พอ',
    });
    expect(stopped).toMatchObject({ status: 'discontinued', discontinuedReason: 'งบประมาณท้องถิ่นไม่พอ' });
    const stale = await member.client.post(`/api/adoptions/${adoption.id}/status`, {
      toStatus: 'planning',
      occurredOn: '2026-10-01',
      version: adoption.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('reaching adopted marks the need the adoption answers as addressed', async () => {
    const [need] = await ctx.database.db
      .insert(innovationNeeds)
      .values({
        theme: 'sustainable_agriculture',
        provinceCode: 58,
        titleTh: 'ต้องการเมล็ดพันธุ์ข้าวไร่ที่ทนแล้ง',
        descriptionTh: 'ชาวบ้านขาดเมล็ดพันธุ์พื้นบ้าน',
        requesterName: 'ผู้ใหญ่บ้าน',
        requesterType: 'local_government',
        status: 'published',
      })
      .returning({ id: innovationNeeds.id });
    const needId = need?.id ?? '';
    const unknown = await officer.client.post(
      '/api/adoptions',
      adoptionBody({ needId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('body.needId');
    let adoption = await create(officer.client, { needId });
    expect(adoption.needId).toBe(needId);
    const statusOf = async () =>
      (await ctx.database.db.select().from(innovationNeeds).where(eq(innovationNeeds.id, needId)))[0]?.status;
    adoption = await move(officer.client, adoption, 'planning', '2026-09-02');
    adoption = await move(officer.client, adoption, 'implementing', '2026-09-03');
    expect(await statusOf()).toBe('published');
    await move(officer.client, adoption, 'adopted', '2026-09-04');
    expect(await statusOf()).toBe('addressed');
  });

  it('each change is audited in the same transaction', async () => {
    const adoption = await create(officer.client);
    await move(officer.client, adoption, 'planning', '2026-09-02');
    const rows = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, adoption.id));
    expect(rows.map((r) => r.action).sort()).toEqual(['adoption.created', 'adoption.status_changed']);
    const events = await ctx.database.db
      .select()
      .from(adoptionEvents)
      .where(eq(adoptionEvents.adoptionId, adoption.id));
    expect(events).toHaveLength(2);
  });
});

describe('editing, learnt-from and updates', () => {
  it('edits fields with a version; the learnt-from site must be an adopted site of the same innovation, no cycles', async () => {
    let origin = await create(officer.client, { adopterOrganisationId: null, adopterName: 'ต้นแบบ' });
    const other = await create(officer.client, { innovationId: notReadyId, adopterOrganisationId: null });
    const learner = await create(member.client);
    const body = (overrides: Record<string, unknown>) => ({
      ...adoptionBody(),
      innovationId: undefined,
      interestedOn: undefined,
      version: learner.version,
      ...overrides,
    });
    const notAdopted = await member.client.patch(
      `/api/adoptions/${learner.id}`,
      body({ sourceAdoptionId: origin.id }),
    );
    expect(notAdopted.statusCode).toBe(400);
    expect(notAdopted.body).toContain('body.sourceAdoptionId');
    origin = await move(officer.client, origin, 'planning', '2026-09-02');
    origin = await move(officer.client, origin, 'implementing', '2026-09-03');
    origin = await move(officer.client, origin, 'adopted', '2026-09-04');
    const otherInnovation = await member.client.patch(
      `/api/adoptions/${learner.id}`,
      body({ sourceAdoptionId: other.id }),
    );
    expect(otherInnovation.statusCode).toBe(400);
    const self = await member.client.patch(
      `/api/adoptions/${learner.id}`,
      body({ sourceAdoptionId: learner.id }),
    );
    expect(self.statusCode).toBe(400);
    const saved = await member.client.patch(
      `/api/adoptions/${learner.id}`,
      body({
        sourceAdoptionId: origin.id,
        adaptationsTh: 'ใช้เมล็ดพันธุ์ข้าวไร่ของหมู่บ้าน',
        beneficiaries: [{ group: 'farmers', count: 35 }],
        localFundingSatang: 1_500_000,
        localFundingSource: 'งบ อบต.',
        diffusionPartnerName: 'มูลนิธิพัฒนาท้องถิ่น',
      }),
    );
    expect(saved.statusCode, saved.body).toBe(200);
    const updated = saved.json<{ data: AdoptionDetail }>().data;
    expect(updated).toMatchObject({
      version: learner.version + 1,
      source: { id: origin.id },
      beneficiaryTotal: 35,
      diffusionPartner: { id: null, nameTh: 'มูลนิธิพัฒนาท้องถิ่น' },
    });
    const stale = await member.client.patch(`/api/adoptions/${learner.id}`, body({}));
    expect(stale.statusCode).toBe(409);
    // The origin may not now learn from its own learner (a cycle), even once the learner has adopted.
    let l = updated;
    l = await move(member.client, l, 'planning', '2026-09-05');
    l = await move(member.client, l, 'implementing', '2026-09-06');
    await move(member.client, l, 'adopted', '2026-09-07');
    const cycle = await officer.client.patch(`/api/adoptions/${origin.id}`, {
      ...adoptionBody({ adopterOrganisationId: null, adopterName: 'ต้นแบบ' }),
      innovationId: undefined,
      interestedOn: undefined,
      sourceAdoptionId: learner.id,
      version: origin.version,
    });
    expect(cycle.statusCode).toBe(400);
    expect(cycle.body).toContain('วง');
    // A member cannot hand the adoption to an organisation they are not in.
    const handOver = await member.client.patch(
      `/api/adoptions/${learner.id}`,
      body({ adopterOrganisationId: otherOrgId, version: updated.version + 3 }),
    );
    expect(handOver.statusCode).toBe(403);
  });

  it('posts a story with a photo (sniffed, thumbnail resized); the public sees it without the author', async () => {
    const adoption = await create(member.client);
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: '#3a7' } })
      .jpeg()
      .toBuffer();
    const form = multipartBody(
      { body: 'ชาวบ้านร่วมกันคัดเมล็ดพันธุ์ข้าวไร่ 12 สายพันธุ์' },
      { name: 'seed.jpg', type: 'image/jpeg', bytes: photo },
    );
    const posted = await member.client.request(
      'POST',
      `/api/adoptions/${adoption.id}/photo-updates`,
      form.payload,
      form.headers,
    );
    expect(posted.statusCode, posted.body).toBe(201);
    const update = posted.json<{ data: AdoptionUpdate }>().data;
    expect(update.thumbnailUrl).toContain('size=thumbnail');
    const thumb = await anonymous.get(update.thumbnailUrl ?? '');
    expect(thumb.statusCode).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/webp');
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(meta.width).toBe(480);
    expect(meta.height).toBe(360);
    const full = await anonymous.get(update.photoUrl ?? '');
    expect(full.headers['content-type']).toBe('image/jpeg');

    const publicView = (await anonymous.get(`/api/adoptions/${adoption.id}`)).json<{ data: AdoptionDetail }>()
      .data;
    expect(publicView.updates[0]?.authorName).toBeNull();
    expect(publicView.canManage).toBe(false);
    expect(JSON.stringify(publicView)).not.toContain('@diffusion.test');
    const ownView = (await member.client.get(`/api/adoptions/${adoption.id}`)).json<{
      data: AdoptionDetail;
    }>().data;
    expect(ownView.updates[0]?.authorName).toBe('member');

    const pdf = multipartBody({ body: 'เอกสาร' }, { name: 'x.jpg', type: 'image/jpeg', bytes: samplePdf() });
    const wrong = await member.client.request(
      'POST',
      `/api/adoptions/${adoption.id}/photo-updates`,
      pdf.payload,
      pdf.headers,
    );
    expect(wrong.statusCode).toBe(415);
    expect(wrong.body).toContain('body.file');
    const broken = multipartBody(
      { body: 'รูปเสีย' },
      { name: 'x.jpg', type: 'image/jpeg', bytes: photo.subarray(0, 200) },
    );
    const unreadable = await member.client.request(
      'POST',
      `/api/adoptions/${adoption.id}/photo-updates`,
      broken.payload,
      broken.headers,
    );
    expect(unreadable.statusCode).toBe(415);
    const noFile = multipartBody({ body: 'ไม่มีรูป' });
    expect(
      (
        await member.client.request(
          'POST',
          `/api/adoptions/${adoption.id}/photo-updates`,
          noFile.payload,
          noFile.headers,
        )
      ).statusCode,
    ).toBe(400);
    const noStory = await member.client.post(`/api/adoptions/${adoption.id}/updates`, { body: '  ' });
    expect(noStory.statusCode).toBe(400);
    const story = { body: 'ประชุมหมู่บ้านครั้งที่ 2' };
    expect((await anonymous.post(`/api/adoptions/${adoption.id}/updates`, story)).statusCode).toBe(401);
    expect((await outsider.client.post(`/api/adoptions/${adoption.id}/updates`, story)).statusCode).toBe(403);
    expect((await member.client.post(`/api/adoptions/${adoption.id}/updates`, story)).statusCode).toBe(201);
  });
});

describe('reading: innovation diffusion, overview, village', () => {
  it("an innovation's diffusion is public when published, 404 for a draft except for staff", async () => {
    const response = await anonymous.get(`/api/innovations/${innovationId}/diffusion`);
    expect(response.statusCode).toBe(200);
    const data = response.json<{ data: InnovationDiffusion }>().data;
    expect(data.metrics.sites).toBe(data.adoptions.length);
    expect(data.metrics.provincesReached).toBe(2);
    expect(data.metrics.targetGroupShare).toBe(1);
    expect(data.canRecord).toBe(false);
    expect(data.lineage.length).toBeGreaterThan(0);
    const flat = (nodes: InnovationDiffusion['lineage']): number =>
      nodes.reduce((n, node) => n + 1 + flat(node.children), 0);
    expect(flat(data.lineage)).toBe(data.adoptions.length);
    expect((await anonymous.get(`/api/innovations/${draftId}/diffusion`)).statusCode).toBe(404);
    expect((await officer.client.get(`/api/innovations/${draftId}/diffusion`)).statusCode).toBe(200);
    const asMember = (await member.client.get(`/api/innovations/${innovationId}/diffusion`)).json<{
      data: InnovationDiffusion;
    }>().data;
    expect(asMember.canRecord).toBe(true);
  });

  it('the overview filters by province, status and theme; a village page lists its adoptions and stories', async () => {
    const all = (await anonymous.get('/api/diffusion')).json<{ data: DiffusionOverview }>().data;
    expect(all.adoptions.length).toBeGreaterThan(5);
    expect(all.origins.map((o) => o.id)).toContain(innovationId);
    const in96 = (await anonymous.get('/api/diffusion?provinceCode=96')).json<{ data: DiffusionOverview }>()
      .data;
    expect(in96.adoptions.every((a) => a.provinceCode === 96)).toBe(true);
    expect(in96.adoptions.length).toBeGreaterThan(0);
    const sustained = (await anonymous.get('/api/diffusion?status=sustained')).json<{
      data: DiffusionOverview;
    }>().data;
    expect(sustained.adoptions.every((a) => a.status === 'sustained')).toBe(true);
    const health = (await anonymous.get('/api/diffusion?theme=health')).json<{ data: DiffusionOverview }>()
      .data;
    expect(health.adoptions).toEqual([]);
    expect((await anonymous.get('/api/diffusion?status=nope')).statusCode).toBe(400);

    const villageId = all.adoptions.find((a) => a.village?.villageNo === 3)?.village?.id ?? '';
    const village = await anonymous.get(`/api/villages/${villageId}`);
    expect(village.statusCode).toBe(200);
    const profile = village.json<{ data: VillageProfile }>().data;
    expect(profile).toMatchObject({
      villageNo: 3,
      nameTh: 'บ้านปางหมู',
      areaNames: { provinceTh: 'แม่ฮ่องสอน', districtTh: 'เมืองแม่ฮ่องสอน', subdistrictTh: 'ปางหมู' },
      canEdit: false,
    });
    expect(profile.updates.length).toBeGreaterThan(0);
    expect(profile.updates.every((u) => u.authorName === null)).toBe(true);
    expect((await anonymous.get('/api/villages/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);

    const renamed = await staff58.client.patch(`/api/villages/${villageId}`, {
      nameTh: 'บ้านปางหมู',
      descriptionTh: 'หมู่บ้านริมน้ำปาย',
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await staff96.client.patch(`/api/villages/${villageId}`, { nameTh: 'x' })).statusCode).toBe(403);
  });

  it("lists follow the catalogue's read rule: an unpublished entry's adoptions only for its unit, owners and officers", async () => {
    const unitId = await createDrivingUnit(ctx, [58]);
    const ownUnit = await signedInUnitStaff(ctx, unitId);
    const withdrawnId = await insertInnovation(
      ctx,
      { titleTh: 'ถอนออกจากแคตตาล็อก', drivingUnitId: unitId },
      otherOrgId,
    );
    const adoption = await create(officer.client, { innovationId: withdrawnId });
    await ctx.database.db
      .update(innovations)
      .set({ status: 'unpublished' })
      .where(eq(innovations.id, withdrawnId));
    const ids = async (client: TestClient, path = '/api/diffusion'): Promise<string[]> => {
      const response = await client.get(path);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ data: DiffusionOverview }>().data.adoptions.map((a) => a.id);
    };
    expect(await ids(anonymous)).not.toContain(adoption.id);
    expect(await ids(staff96.client)).not.toContain(adoption.id);
    expect(await ids(staff58.client)).not.toContain(adoption.id);
    expect(await ids(member.client)).not.toContain(adoption.id);
    expect(await ids(ownUnit.client)).toContain(adoption.id);
    expect(await ids(outsider.client)).toContain(adoption.id);
    expect(await ids(officer.client)).toContain(adoption.id);
    expect(await ids(anonymous)).toContain((await ids(officer.client)).find((id) => id !== adoption.id));
  });
});

describe('openInterestAdoption (the needs module’s “we want to adopt this”)', () => {
  const meta = { actorUserId: null, ip: null, requestId: null };
  const input = () => ({
    innovationId,
    provinceCode: 58,
    districtCode: 5807,
    subdistrictCode: 580701,
    villageNo: 5,
    villageName: 'บ้านเวียงใต้',
    adopterOrganisationId: adopterOrgId,
    adopterName: 'อบต.ปางหมู',
    adopterType: 'local_government',
    needId: null,
    problemStatementId: null,
    note: 'อยากนำไปใช้ในหมู่บ้าน',
    actorId: member.userId,
    today: TODAY,
  });

  it('opens an adoption at interested with its first event, village and audit, inside the caller’s transaction', async () => {
    const { id } = await ctx.database.db.transaction((tx) =>
      openInterestAdoption(tx, input(), { ...meta, actorUserId: member.userId }),
    );
    const detail = (await member.client.get(`/api/adoptions/${id}`)).json<{ data: AdoptionDetail }>().data;
    expect(detail).toMatchObject({
      status: 'interested',
      interestedOn: TODAY,
      village: { villageNo: 5, nameTh: 'บ้านเวียงใต้' },
      canManage: true,
    });
    expect(detail.events).toEqual([
      expect.objectContaining({ toStatus: 'interested', note: 'อยากนำไปใช้ในหมู่บ้าน' }),
    ]);
    const audit = await ctx.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, id));
    expect(audit.map((a) => a.action)).toEqual(['adoption.interest']);
  });

  it('refuses a draft (404), an innovation not ready for diffusion (409) and bad fields (400); rolls back with the caller', async () => {
    const run = (overrides: Record<string, unknown>) =>
      ctx.database.db
        .transaction((tx) => openInterestAdoption(tx, { ...input(), ...overrides }, meta))
        .then(
          () => null,
          (e: unknown) => e as { code: string; details?: { issues: Array<{ field: string }> } },
        );
    expect((await run({ innovationId: draftId }))?.code).toBe('NOT_FOUND');
    expect((await run({ innovationId: notReadyId }))?.code).toBe('INVALID_STATE');
    const bad = await run({
      adopterType: 'castle',
      subdistrictCode: null,
      needId: '00000000-0000-4000-8000-000000000000',
    });
    expect(bad?.code).toBe('VALIDATION_FAILED');
    expect(bad?.details?.issues.map((i) => i.field).sort()).toEqual(
      ['body.adopterType', 'body.needId', 'body.villageNo'].sort(),
    );
    const before = await ctx.database.db.select().from(villages);
    await ctx.database.db
      .transaction(async (tx) => {
        await openInterestAdoption(tx, { ...input(), villageNo: 9, villageName: 'บ้านย้อนกลับ' }, meta);
        throw new Error('caller fails');
      })
      .catch(() => undefined);
    expect(await ctx.database.db.select().from(villages)).toHaveLength(before.length);
  });
});
