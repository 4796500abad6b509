import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { createDrivingUnit, signedInUnitStaff, uniqueSuffix } from '@tests/factories/projects';
import { createOpenCall } from '@tests/factories/calls';
import {
  adoptionEvents,
  adoptions,
  emailOutbox,
  innovationNeeds,
  innovationOwners,
  innovations,
  notifications,
} from '@server/db/schema/index';
import { saveProvinceGroup } from '@server/modules/reference/reference.service';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import type { CreatedNeed, InterestOptions, MatchList, NeedDetail, NeedList } from '@shared/contracts/needs';

let ctx: TestContext;
let officer: Person;
let applicant: Person;
let staffSouth: Person;
let staffNorth: Person;
let anonymous: TestClient;

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
  officer = await signedIn(ctx, 'officer@needs.test', 'programme_officer');
  applicant = await signedIn(ctx, 'applicant@needs.test');
  staffSouth = await signedInUnitStaff(ctx, await createDrivingUnit(ctx, [94, 95, 96], 'Needs south unit'));
  staffNorth = await signedInUnitStaff(ctx, await createDrivingUnit(ctx, [50, 58], 'Needs north unit'));
  anonymous = new TestClient(ctx.app);
  // Mae Hong Son (58) and Pattani (94) are in the poor-province target group here; Nan (55) is not.
  await saveProvinceGroup(ctx.database.db, {
    code: TARGET_GROUP_CODE,
    nameTh: 'กลุ่มจังหวัดยากจน',
    nameEn: 'Poor-province target group',
    descriptionTh: '',
    descriptionEn: '',
    source: null,
    members: [
      { provinceCode: 58, rank: 1 },
      { provinceCode: 94, rank: 2 },
    ],
  });
});
afterAll(async () => {
  await ctx.close();
});

const NEED = {
  theme: 'environment',
  titleTh: 'ขยะล้นตลาดนัดชุมชนริมแม่น้ำปัตตานี',
  descriptionTh: 'ตลาดนัดทุกวันศุกร์ทิ้งขยะอินทรีย์ลงแม่น้ำ ชาวบ้านอยากได้วิธีคัดแยกและทำปุ๋ย',
  peopleAffected: 1200,
  provinceCode: 94,
  villageName: 'บ้านบางปลาหมอ',
  requesterName: 'นางสาวนูรีซา ดือราแม',
  requesterOrganisation: 'กลุ่มแม่บ้านบางปลาหมอ',
  requesterType: 'community_group',
  contactEmail: 'nurisa@example.org',
  contactPhone: '081-234-5678',
  consent: true,
};

async function postNeed(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await anonymous.post('/api/needs', { ...NEED, ...overrides });
  expect(response.statusCode, response.body).toBe(201);
  const created = response.json<{ data: CreatedNeed }>().data;
  expect(created.status).toBe('pending');
  return created.id;
}

async function detail(client: TestClient, id: string): Promise<NeedDetail> {
  const response = await client.get(`/api/needs/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: NeedDetail }>().data;
}

async function act(client: TestClient, id: string, action: string, note = '') {
  const current = await detail(officer.client, id);
  return client.post(`/api/needs/${id}/actions`, { action, note, version: current.version });
}

async function publishedNeed(overrides: Record<string, unknown> = {}): Promise<string> {
  const id = await postNeed(overrides);
  const response = await act(officer.client, id, 'publish');
  expect(response.statusCode, response.body).toBe(200);
  return id;
}

type InnovationSeed = Partial<typeof innovations.$inferInsert> & { titleTh: string };

async function insertInnovation(seed: InnovationSeed, ownerOrganisationId?: string): Promise<string> {
  const [row] = await ctx.database.db
    .insert(innovations)
    .values({
      status: 'published',
      isDiffusionReady: true,
      publishedAt: new Date(),
      themes: ['environment'],
      ...seed,
    })
    .returning({ id: innovations.id });
  if (!row) {
    throw new Error('no innovation');
  }
  if (ownerOrganisationId) {
    await ctx.database.db
      .insert(innovationOwners)
      .values({ innovationId: row.id, organisationId: ownerOrganisationId });
  }
  return row.id;
}

async function insertAdoption(innovationId: string, provinceCode: number, status: string) {
  await ctx.database.db.insert(adoptions).values({
    innovationId,
    provinceCode,
    adopterName: 'เทศบาลทดสอบ',
    adopterType: 'local_government',
    status,
    statusOn: '2026-06-01',
    interestedOn: '2025-06-01',
    adoptedOn: status === 'adopted' || status === 'sustained' ? '2026-06-01' : null,
    discontinuedReason: status === 'discontinued' ? 'งบประมาณไม่พอ' : '',
  });
}

describe('the public form', () => {
  it('needs no sign-in, checks contact, consent and area, and keeps the need pending and unseen', async () => {
    const noContact = await anonymous.post('/api/needs', { ...NEED, contactEmail: '', contactPhone: '' });
    expect(noContact.statusCode).toBe(400);
    expect(noContact.body).toContain('body.contactEmail');
    expect((await anonymous.post('/api/needs', { ...NEED, consent: false })).statusCode).toBe(400);
    expect((await anonymous.post('/api/needs', { ...NEED, contactPhone: 'โทรมา' })).statusCode).toBe(400);
    expect((await anonymous.post('/api/needs', { ...NEED, theme: 'space' })).statusCode).toBe(400);
    expect((await anonymous.post('/api/needs', { ...NEED, extra: 1 })).statusCode).toBe(400);
    const badArea = await anonymous.post('/api/needs', { ...NEED, provinceCode: 99 });
    expect(badArea.statusCode).toBe(400);
    const issue = badArea.json<{ error: { details: { issues: Array<Record<string, string>> } } }>().error
      .details.issues[0];
    expect(issue).toMatchObject({ field: 'body.provinceCode' });
    expect(issue?.message).toMatch(/จังหวัด/);
    expect(issue?.messageEn).toMatch(/province/i);
    const villageWithoutSubdistrict = await anonymous.post('/api/needs', { ...NEED, villageNo: 3 });
    expect(villageWithoutSubdistrict.statusCode).toBe(400);
    expect(villageWithoutSubdistrict.body).toContain('body.villageNo');

    const id = await postNeed({ contactEmail: '', contactPhone: '0812345678' });
    expect((await anonymous.get(`/api/needs/${id}`)).statusCode).toBe(404);
    expect((await applicant.client.get(`/api/needs/${id}`)).statusCode).toBe(404);
    expect((await staffNorth.client.get(`/api/needs/${id}`)).statusCode).toBe(404);
    const publicList = await anonymous.get('/api/needs');
    expect(publicList.json<NeedList>().data.map((n) => n.id)).not.toContain(id);

    const seen = await detail(staffSouth.client, id);
    expect(seen.status).toBe('pending');
    expect(seen.private).toMatchObject({ requesterName: NEED.requesterName, contactPhone: '0812345678' });
    expect(seen.private?.contactConsentedAt).not.toBeNull();
    expect(seen.abilities).toEqual({ moderate: true, actions: ['publish', 'reject'] });

    const inbox = await ctx.database.db
      .select({ kind: notifications.kind, userId: notifications.userId })
      .from(notifications)
      .where(eq(notifications.kind, 'need_submitted'));
    const told = inbox.map((n) => n.userId);
    expect(told).toEqual(expect.arrayContaining([officer.userId, staffSouth.userId]));
    expect(told).not.toContain(staffNorth.userId);
  });
});

describe('moderation', () => {
  it('staff of the area publish or reject; the public sees published needs without who posted them', async () => {
    const id = await postNeed();
    expect(
      (await anonymous.post(`/api/needs/${id}/actions`, { action: 'publish', version: 1 })).statusCode,
    ).toBe(401);
    expect(
      (await applicant.client.post(`/api/needs/${id}/actions`, { action: 'publish', version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await staffNorth.client.post(`/api/needs/${id}/actions`, { action: 'publish', version: 1 }))
        .statusCode,
    ).toBe(404);
    const stale = await staffSouth.client.post(`/api/needs/${id}/actions`, { action: 'publish', version: 9 });
    expect(stale.statusCode).toBe(409);
    const fixed = await staffSouth.client.patch(`/api/needs/${id}`, {
      titleTh: 'ขยะล้นตลาดนัดชุมชนริมแม่น้ำปัตตานี (แก้คำผิด)',
      version: 1,
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json<{ data: NeedDetail }>().data.version).toBe(2);
    const published = await staffSouth.client.post(`/api/needs/${id}/actions`, {
      action: 'publish',
      version: 2,
    });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json<{ data: NeedDetail }>().data.status).toBe('published');
    expect((await act(officer.client, id, 'publish')).statusCode).toBe(409);

    const seen = await anonymous.get(`/api/needs/${id}`);
    expect(seen.statusCode).toBe(200);
    const body = seen.json<{ data: NeedDetail }>().data;
    expect(body.private).toBeNull();
    expect(body.abilities).toEqual({ moderate: false, actions: [] });
    for (const personal of [
      NEED.requesterName,
      NEED.contactEmail,
      NEED.contactPhone,
      NEED.requesterOrganisation,
    ]) {
      expect(seen.body).not.toContain(personal);
    }
    const list = await anonymous.get('/api/needs?provinceCode=94');
    expect(list.statusCode).toBe(200);
    expect(list.json<NeedList>().data.map((n) => n.id)).toContain(id);
    for (const personal of [NEED.requesterName, NEED.contactEmail, NEED.contactPhone]) {
      expect(list.body).not.toContain(personal);
    }
    // staff of another area see the published need, but not who posted it
    expect((await detail(staffNorth.client, id)).private).toBeNull();

    const rejectedId = await postNeed({ titleTh: 'ขอรถกระบะหนึ่งคัน' });
    const noNote = await act(officer.client, rejectedId, 'reject');
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('body.note');
    const rejected = await act(officer.client, rejectedId, 'reject', 'เป็นคำขอครุภัณฑ์ ไม่ใช่ความต้องการนวัตกรรม');
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json<{ data: NeedDetail }>().data.private?.moderationNote).toContain('ครุภัณฑ์');
    expect((await anonymous.get(`/api/needs/${rejectedId}`)).statusCode).toBe(404);
    expect((await act(officer.client, rejectedId, 'address')).statusCode).toBe(409);
    const noEdit = await officer.client.patch(`/api/needs/${rejectedId}`, { titleTh: 'แก้', version: 3 });
    expect(noEdit.statusCode).toBe(409);

    expect((await act(officer.client, id, 'address')).statusCode).toBe(200);
    expect((await detail(anonymous, id)).status).toBe('addressed');
    const closed = await act(officer.client, id, 'close');
    expect(closed.statusCode).toBe(200);
    expect((await anonymous.get(`/api/needs/${id}`)).statusCode).toBe(404);
  });

  it('staff filter by status; the public list searches Thai words and ignores a status filter', async () => {
    const id = await publishedNeed({ titleTh: 'น้ำประปาหมู่บ้านขุ่นในฤดูฝน', theme: 'food_water_energy' });
    const pending = await postNeed({ titleTh: 'ผู้สูงอายุติดบ้านไม่มีคนดูแลกลางวัน', theme: 'health' });
    const found = await anonymous.get(`/api/needs?q=${encodeURIComponent('ประปา')}`);
    expect(found.json<NeedList>().data.map((n) => n.id)).toEqual([id]);
    expect(found.json<NeedList>().data[0]?.title.some((p) => p.match)).toBe(true);
    const asPublic = await anonymous.get('/api/needs?status=pending');
    expect(asPublic.json<NeedList>().data).toEqual([]);
    const asOfficer = await officer.client.get('/api/needs?status=pending&theme=health');
    expect(asOfficer.json<NeedList>().data.map((n) => n.id)).toContain(pending);
    const asNorth = await staffNorth.client.get('/api/needs?status=pending');
    expect(asNorth.json<NeedList>().data.map((n) => n.id)).not.toContain(pending);
    expect((await anonymous.get('/api/needs?limit=1000')).statusCode).toBe(400);
  });
});

describe('matching', () => {
  it('ranks diffusion-ready innovations for a need and explains each factor in Thai and English', async () => {
    const tag = uniqueSuffix();
    // Same theme, already adopted in Pattani itself and in Mae Hong Son (target group), SRL 8, cheap.
    const best = await insertInnovation({
      titleTh: `ธนาคารขยะอินทรีย์ชุมชน ${tag}`,
      titleEn: 'Community organic waste bank',
      srl: 8,
      adoptionCostSatang: 30_000_00,
      originProvinceCode: 90,
    });
    await insertAdoption(best, 94, 'adopted');
    await insertAdoption(best, 58, 'sustained');
    await insertAdoption(best, 96, 'discontinued');
    // Same theme, used only in the north, SRL 5, expensive.
    const second = await insertInnovation({
      titleTh: `เตาเผาขยะไร้ควัน ${tag}`,
      srl: 5,
      adoptionCostSatang: 800_000_00,
      originProvinceCode: 50,
    });
    // Another theme, from the south.
    const third = await insertInnovation({
      titleTh: `ตลาดชุมชนออนไลน์ ${tag}`,
      themes: ['finance_employment_welfare'],
      srl: 6,
      originProvinceCode: 93,
    });
    const notReady = await insertInnovation({ titleTh: `ยังไม่พร้อม ${tag}`, isDiffusionReady: false, srl: 9 });
    const draft = await insertInnovation({ titleTh: `ฉบับร่าง ${tag}`, status: 'draft', srl: 9 });

    const pendingId = await postNeed();
    expect((await anonymous.get(`/api/needs/${pendingId}/matches`)).statusCode).toBe(404);
    expect((await staffSouth.client.get(`/api/needs/${pendingId}/matches`)).statusCode).toBe(200);

    const id = await publishedNeed();
    const response = await anonymous.get(`/api/needs/${id}/matches`);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<{ data: MatchList }>().data;
    expect(list.target).toMatchObject({ kind: 'need', theme: 'environment', provinceCode: 94 });
    const ids = list.matches.map((m) => m.innovationId);
    expect(ids).not.toContain(notReady);
    expect(ids).not.toContain(draft);
    const order = ids.filter((x) => [best, second, third].includes(x));
    expect(order).toEqual([best, second, third]);

    const top = list.matches.find((m) => m.innovationId === best);
    const reasons = Object.fromEntries((top?.reasons ?? []).map((r) => [r.factor, r]));
    expect(reasons.theme).toMatchObject({ points: 30, maxPoints: 30 });
    expect(reasons.theme?.reasonTh).toContain('การอนุรักษ์สิ่งแวดล้อม');
    expect(reasons.area).toMatchObject({ points: 20 });
    expect(reasons.area?.reasonTh).toContain('ปัตตานี');
    expect(reasons.area?.reasonEn).toContain('Pattani');
    expect(reasons.poverty).toMatchObject({ points: 15 });
    expect(reasons.poverty?.reasonEn).toMatch(/target group/);
    expect(reasons.success?.reasonEn).toBe('Adopted successfully at 2 of 3 sites with an outcome');
    expect(reasons.success?.points).toBe(10);
    expect(reasons.cost?.reasonTh).toContain('30,000');
    expect(top?.score).toBeCloseTo(30 + 20 + 15 + 10 + 8.9 + 10, 5);

    const secondReasons = list.matches.find((m) => m.innovationId === second)?.reasons ?? [];
    expect(secondReasons.find((r) => r.factor === 'area')?.reasonTh).toBe('ยังไม่เคยใช้ในภาคใต้');
    expect(secondReasons.find((r) => r.factor === 'success')?.reasonTh).toBe('ยังไม่มีพื้นที่ที่ขยายผลจนมีผล');
  });

  it("ranks innovations for a call's problem statement, for staff only", async () => {
    const call = await createOpenCall(officer.client);
    const made = await officer.client.post(`/api/calls/${call.id}/problem-statements`, {
      titleTh: 'ขยะพลาสติกในพื้นที่ท่องเที่ยวชายฝั่ง',
      descriptionTh: 'ชุมชนชายฝั่งต้องการลดขยะพลาสติกจากนักท่องเที่ยว',
      provinceCode: 94,
      theme: 'environment',
    });
    expect(made.statusCode, made.body).toBe(201);
    const statementId = made.json<{ data: { id: string } }>().data.id;
    expect((await anonymous.get(`/api/problem-statements/${statementId}/matches`)).statusCode).toBe(401);
    expect((await applicant.client.get(`/api/problem-statements/${statementId}/matches`)).statusCode).toBe(
      403,
    );
    const missing = await officer.client.get(
      '/api/problem-statements/00000000-0000-4000-8000-000000000000/matches',
    );
    expect(missing.statusCode).toBe(404);
    const response = await staffNorth.client.get(`/api/problem-statements/${statementId}/matches`);
    expect(response.statusCode, response.body).toBe(200);
    const list = response.json<{ data: MatchList }>().data;
    expect(list.target).toMatchObject({ kind: 'problem_statement', theme: 'environment', provinceCode: 94 });
    expect(list.matches.length).toBeGreaterThan(0);
    expect(list.matches[0]?.reasons.map((r) => r.factor)).toEqual([
      'theme',
      'area',
      'poverty',
      'success',
      'srl',
      'cost',
    ]);
  });
});

describe('we want to adopt this', () => {
  it('a local government opens an adoption at "interested"; owners and staff are told; once per organisation', async () => {
    const tag = uniqueSuffix();
    const innovator = await signedIn(ctx, `innovator-${tag}@needs.test`);
    const ownerOrg = await createOrganisation(innovator.client, { nameTh: `วิสาหกิจชุมชนต้นแบบ ${tag}` });
    const innovationId = await insertInnovation(
      { titleTh: `ถังหมักปุ๋ยชุมชน ${tag}`, titleEn: 'Community compost bins', srl: 7 },
      ownerOrg,
    );
    const notReady = await insertInnovation({ titleTh: `ยังไม่พร้อมขยายผล ${tag}`, isDiffusionReady: false });
    const draft = await insertInnovation({ titleTh: `ร่าง ${tag}`, status: 'draft' });

    const mayor = await signedIn(ctx, `mayor-${tag}@needs.test`);
    const municipality = await createOrganisation(mayor.client, {
      nameTh: `เทศบาลตำบลบางปลาหมอ ${tag}`,
      nameEn: `Bang Pla Mo Subdistrict Municipality ${tag}`,
      type: 'local_government',
    });
    const company = await createOrganisation(applicant.client, {
      nameTh: `บริษัททดสอบ ${tag}`,
      type: 'private_company',
    });
    const needId = await publishedNeed();
    const pendingNeed = await postNeed();
    const body = {
      organisationId: municipality,
      provinceCode: 94,
      villageName: 'บ้านบางปลาหมอ',
      note: 'อยากเริ่มก่อนฤดูฝน มีงบกองทุนหมู่บ้าน',
      needId,
    };

    const anonymousOptions = await anonymous.get(`/api/innovations/${innovationId}/interest-options`);
    expect(anonymousOptions.statusCode).toBe(200);
    expect(anonymousOptions.json<{ data: InterestOptions }>().data).toEqual({
      organisations: [],
      existingAdoptionId: null,
      isDiffusionReady: true,
    });
    expect((await anonymous.get(`/api/innovations/${draft}/interest-options`)).statusCode).toBe(404);
    const applicantOptions = await applicant.client.get(`/api/innovations/${innovationId}/interest-options`);
    expect(applicantOptions.json<{ data: InterestOptions }>().data.organisations).toEqual([]);

    const url = `/api/innovations/${innovationId}/interest`;
    expect((await anonymous.post(url, body)).statusCode).toBe(401);
    const notEligible = await applicant.client.post(url, { ...body, organisationId: company });
    expect(notEligible.statusCode).toBe(403);
    expect(notEligible.json<{ error: { message: string } }>().error.message).toMatch(/องค์กรปกครองส่วนท้องถิ่น/);
    expect((await applicant.client.post(url, body)).statusCode).toBe(403);
    expect((await mayor.client.post(url, { ...body, needId: pendingNeed })).statusCode).toBe(400);
    expect((await mayor.client.post(url, { ...body, provinceCode: 99 })).statusCode).toBe(400);
    expect((await mayor.client.post(`/api/innovations/${notReady}/interest`, body)).statusCode).toBe(409);
    expect((await mayor.client.post(`/api/innovations/${draft}/interest`, body)).statusCode).toBe(404);

    const made = await mayor.client.post(url, body);
    expect(made.statusCode, made.body).toBe(201);
    const adoptionId = made.json<{ data: { adoptionId: string } }>().data.adoptionId;
    const [adoption] = await ctx.database.db.select().from(adoptions).where(eq(adoptions.id, adoptionId));
    expect(adoption).toMatchObject({
      innovationId,
      status: 'interested',
      adopterOrganisationId: municipality,
      adopterType: 'local_government',
      needId,
      provinceCode: 94,
      interestedOn: '2026-12-15',
      createdBy: mayor.userId,
    });
    const events = await ctx.database.db
      .select()
      .from(adoptionEvents)
      .where(eq(adoptionEvents.adoptionId, adoptionId));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ toStatus: 'interested', note: body.note });

    // the owner organisation's members and the unit covering Pattani are told, in the app and by email
    for (const person of [innovator, staffSouth]) {
      const inbox = await ctx.database.db
        .select({ kind: notifications.kind, link: notifications.link, bodyTh: notifications.bodyTh })
        .from(notifications)
        .where(and(eq(notifications.userId, person.userId), eq(notifications.kind, 'interest_expressed')));
      expect(inbox).toHaveLength(1);
      expect(inbox[0]?.link).toBe(`/adoptions/${adoptionId}`);
      expect(inbox[0]?.bodyTh).toContain('เทศบาลตำบลบางปลาหมอ');
      const mails = await ctx.database.db
        .select({ template: emailOutbox.template })
        .from(emailOutbox)
        .where(eq(emailOutbox.toAddress, person.email));
      expect(mails.map((m) => m.template)).toContain('interest_expressed');
    }
    const mayorInbox = await ctx.database.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.userId, mayor.userId), eq(notifications.kind, 'interest_expressed')));
    expect(mayorInbox).toHaveLength(0);

    const again = await mayor.client.post(url, body);
    expect(again.statusCode).toBe(409);
    const options = await mayor.client.get(`/api/innovations/${innovationId}/interest-options`);
    expect(options.json<{ data: InterestOptions }>().data).toMatchObject({
      organisations: [{ id: municipality, type: 'local_government' }],
      existingAdoptionId: adoptionId,
    });

    // the need's page lists the adoption, still without personal data
    const needPage = await anonymous.get(`/api/needs/${needId}`);
    expect(needPage.json<{ data: NeedDetail }>().data.adoptions).toEqual([
      expect.objectContaining({ id: adoptionId, innovationId, status: 'interested' }),
    ]);
  });

  it('a need answered by an adoption is marked addressed when the adoption reaches adopted', async () => {
    const { markNeedAddressedByAdoption } = await import('./needs.addressed');
    const needId = await publishedNeed();
    const meta = { actorUserId: officer.userId, ip: null, requestId: null };
    const changed = await ctx.database.db.transaction((tx) =>
      markNeedAddressedByAdoption(
        tx,
        { id: '00000000-0000-4000-8000-000000000001', needId },
        meta,
        new Date(),
      ),
    );
    expect(changed).toBe(1);
    const [row] = await ctx.database.db
      .select({ status: innovationNeeds.status })
      .from(innovationNeeds)
      .where(eq(innovationNeeds.id, needId));
    expect(row?.status).toBe('addressed');
    const twice = await ctx.database.db.transaction((tx) =>
      markNeedAddressedByAdoption(
        tx,
        { id: '00000000-0000-4000-8000-000000000001', needId },
        meta,
        new Date(),
      ),
    );
    expect(twice).toBe(0);
  });
});
