import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { signedIn, type Person } from '@tests/factories/people';
import { createDrivingUnit, signedInUnitStaff } from '@tests/factories/projects';
import { multipartBody, samplePdf } from '@tests/factories/proposals';
import type {
  Contribution,
  LinkTargetOption,
  Mou,
  MouDocument,
  NetworkGraph,
  PartnerDetail,
  PartnerList,
} from '@shared/contracts/network';

let ctx: TestContext;
let officer: Person;
let admin: Person;
let applicant: Person;
let partnerUser: Person;
let staff: Person;
let anonymous: TestClient;
let unitId: string;

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
  unitId = await createDrivingUnit(ctx, [90], 'Network unit');
  officer = await signedIn(ctx, 'officer@network.test', 'programme_officer');
  admin = await signedIn(ctx, 'admin@network.test', 'administrator');
  applicant = await signedIn(ctx, 'applicant@network.test');
  partnerUser = await signedIn(ctx, 'partner@network.test', 'partner');
  staff = await signedInUnitStaff(ctx, unitId);
  anonymous = new TestClient(ctx.app);
});
afterAll(async () => {
  await ctx.close();
});

const PSU = {
  nameTh: 'มหาวิทยาลัยสงขลานครินทร์',
  nameEn: 'Prince of Songkla University',
  sector: 'academic',
  roles: ['academic_partner', 'mentor_provider'],
  descriptionTh: 'สนับสนุนองค์ความรู้และนักวิจัยพี่เลี้ยงให้วิสาหกิจชุมชนในภาคใต้',
  provinceCode: 90,
};

async function createPartner(body: Record<string, unknown>): Promise<PartnerDetail> {
  const response = await officer.client.post('/api/partners', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: PartnerDetail }>().data;
}

async function getPartner(client: TestClient, id: string): Promise<PartnerDetail> {
  const response = await client.get(`/api/partners/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: PartnerDetail }>().data;
}

async function search(query: string): Promise<string[]> {
  const response = await anonymous.get(`/api/partners?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PartnerList>().data.map((p) => p.nameTh);
}

function upload(client: TestClient, mouId: string, file: { name: string; type: string; bytes: Buffer }) {
  const body = multipartBody({}, file);
  return client.request('POST', `/api/partner-mous/${mouId}/documents`, body.payload, body.headers);
}

describe('partners', () => {
  it('only officers and administrators add partners; bad input is 400 with the field, in Thai and English', async () => {
    expect((await anonymous.post('/api/partners', PSU)).statusCode).toBe(401);
    for (const person of [applicant, partnerUser, staff]) {
      expect((await person.client.post('/api/partners', PSU)).statusCode).toBe(403);
    }
    const noRoles = await officer.client.post('/api/partners', { ...PSU, roles: [] });
    expect(noRoles.statusCode).toBe(400);
    expect(noRoles.body).toContain('body.roles');
    const badSector = await officer.client.post('/api/partners', { ...PSU, sector: 'alien' });
    expect(badSector.statusCode).toBe(400);
    const badProvince = await officer.client.post('/api/partners', { ...PSU, nameTh: 'ก', provinceCode: 99 });
    expect(badProvince.statusCode).toBe(400);
    const issues = badProvince.json<{ error: { details: { issues: Array<Record<string, string>> } } }>().error
      .details.issues;
    expect(issues[0]).toMatchObject({ field: 'body.provinceCode' });
    expect(issues[0]?.message).toMatch(/จังหวัด/);
    expect(issues[0]?.messageEn).toMatch(/province/i);
    const made = await admin.client.post('/api/partners', { ...PSU, nameTh: 'มูลนิธิทดสอบผู้ดูแล' });
    expect(made.statusCode, made.body).toBe(201);
  });

  it('the directory finds Thai words, parts of words and English names, and filters by role and sector', async () => {
    await createPartner(PSU);
    await createPartner({
      nameTh: 'องค์การบริหารส่วนจังหวัดสงขลา',
      nameEn: 'Songkhla Provincial Administrative Organisation',
      sector: 'local_government',
      roles: ['local_government', 'diffusion_partner'],
      descriptionTh: 'ขยายผลนวัตกรรมการจัดการขยะสู่เทศบาลและ อบต. ในจังหวัด',
    });
    await createPartner({
      nameTh: 'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร',
      nameEn: 'Bank for Agriculture and Agricultural Cooperatives',
      sector: 'government',
      roles: ['co_funder'],
      descriptionTh: 'ร่วมสนับสนุนสินเชื่อดอกเบี้ยต่ำแก่วิสาหกิจชุมชน',
    });
    // a whole Thai word, found through the segmented search vector
    expect(await search(`q=${encodeURIComponent('มหาวิทยาลัย')}`)).toContain(PSU.nameTh);
    // two words typed together without a space
    expect(await search(`q=${encodeURIComponent('ธนาคารเพื่อการเกษตร')}`)).toEqual([
      'ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร',
    ]);
    // part of a Thai word (the province name inside "สงขลานครินทร์")
    const songkhla = await search(`q=${encodeURIComponent('สงขลา')}`);
    expect(songkhla).toEqual(expect.arrayContaining([PSU.nameTh, 'องค์การบริหารส่วนจังหวัดสงขลา']));
    expect(songkhla).not.toContain('ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร');
    // a word of the description, and part of an English name
    expect(await search(`q=${encodeURIComponent('ขยะ')}`)).toEqual(['องค์การบริหารส่วนจังหวัดสงขลา']);
    expect(await search('q=songk')).toEqual(expect.arrayContaining([PSU.nameTh, 'องค์การบริหารส่วนจังหวัดสงขลา']));
    expect(await search('q=Agricult')).toEqual(['ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร']);
    expect(await search(`q=${encodeURIComponent('ไม่มีคำนี้เลย')}`)).toEqual([]);
    // % and _ are not wildcards
    expect(await search(`q=${encodeURIComponent('%')}`)).toEqual([]);
    expect(await search('role=co_funder')).toEqual(['ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร']);
    expect(await search('sector=academic')).toEqual(expect.arrayContaining([PSU.nameTh]));
    expect(await search(`sector=local_government&q=${encodeURIComponent('สงขลา')}`)).toEqual([
      'องค์การบริหารส่วนจังหวัดสงขลา',
    ]);
    expect((await anonymous.get('/api/partners?role=king')).statusCode).toBe(400);
    expect((await anonymous.get('/api/partners?limit=0')).statusCode).toBe(400);
  });

  it('a stale version is 409; an unknown partner 404; others may not change it', async () => {
    const partner = await createPartner({ ...PSU, nameTh: 'มูลนิธิเพื่อการทดสอบเวอร์ชัน' });
    expect(
      (await staff.client.patch(`/api/partners/${partner.id}`, { version: 1, nameEn: 'x' })).statusCode,
    ).toBe(403);
    const first = await officer.client.patch(`/api/partners/${partner.id}`, {
      version: 1,
      nameEn: 'Renamed',
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<{ data: PartnerDetail }>().data.version).toBe(2);
    const stale = await officer.client.patch(`/api/partners/${partner.id}`, { version: 1, nameEn: 'Again' });
    expect(stale.statusCode).toBe(409);
    const missing = await officer.client.patch('/api/partners/00000000-0000-4000-8000-000000000000', {
      version: 1,
    });
    expect(missing.statusCode).toBe(404);
    expect((await anonymous.get('/api/partners/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    expect((await anonymous.get('/api/partners/not-a-uuid')).statusCode).toBe(400);
    // renamed partners are found by their new name
    expect(await search('q=Renamed')).toEqual(['มูลนิธิเพื่อการทดสอบเวอร์ชัน']);
  });
});

describe('MOUs and their documents', () => {
  let partner: PartnerDetail;
  let mou: Mou;
  let document: MouDocument;

  beforeAll(async () => {
    partner = await createPartner({ ...PSU, nameTh: 'มูลนิธิเอกสาร MOU' });
  });

  it('officers record an MOU; dates and the unit are checked', async () => {
    const body = {
      titleTh: 'บันทึกความเข้าใจความร่วมมือด้านนวัตกรรมเพื่อสังคม',
      scopeTh: 'ร่วมพัฒนาหลักสูตรบ่มเพาะและจัดหาพี่เลี้ยง',
      signedOn: '2026-03-01',
      startsOn: '2026-03-01',
      endsOn: '2029-02-28',
      drivingUnitId: unitId,
    };
    expect((await staff.client.post(`/api/partners/${partner.id}/mous`, body)).statusCode).toBe(403);
    expect((await anonymous.post(`/api/partners/${partner.id}/mous`, body)).statusCode).toBe(401);
    const backwards = await officer.client.post(`/api/partners/${partner.id}/mous`, {
      ...body,
      endsOn: '2026-01-01',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.body).toContain('body.endsOn');
    const badDate = await officer.client.post(`/api/partners/${partner.id}/mous`, {
      ...body,
      startsOn: '2026-02-30',
    });
    expect(badDate.statusCode).toBe(400);
    const badUnit = await officer.client.post(`/api/partners/${partner.id}/mous`, {
      ...body,
      drivingUnitId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badUnit.statusCode).toBe(400);
    expect(badUnit.body).toContain('body.drivingUnitId');
    const created = await officer.client.post(`/api/partners/${partner.id}/mous`, body);
    expect(created.statusCode, created.body).toBe(201);
    mou = created.json<{ data: Mou }>().data;
    // the test clock is 15 December 2026
    expect(mou.state).toBe('in_force');
    expect(mou.drivingUnit?.id).toBe(unitId);
    const page = await getPartner(anonymous, partner.id);
    expect(page.mouCount).toBe(1);
    const listed = (
      await anonymous.get(`/api/partners?q=${encodeURIComponent('เอกสาร MOU')}`)
    ).json<PartnerList>();
    expect(listed.data).toMatchObject([{ id: partner.id, mouCount: 1, hasActiveMou: true, linkCount: 0 }]);
    expect(page.hasActiveMou).toBe(true);
    const changed = await officer.client.patch(`/api/partner-mous/${mou.id}`, {
      version: mou.version,
      endsOn: '2026-12-01',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<{ data: Mou }>().data.state).toBe('expired');
    const stale = await officer.client.patch(`/api/partner-mous/${mou.id}`, {
      version: mou.version,
      endsOn: null,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('documents are sniffed by content; only staff list and download them', async () => {
    const fake = await upload(officer.client, mou.id, {
      name: 'mou.pdf',
      type: 'application/pdf',
      bytes: Buffer.from('this is plain text pretending to be a PDF'),
    });
    expect(fake.statusCode).toBe(415);
    expect(fake.body).toContain('body.file');
    const empty = await upload(officer.client, mou.id, {
      name: 'x.pdf',
      type: 'application/pdf',
      bytes: Buffer.alloc(0),
    });
    expect(empty.statusCode).toBe(400);
    const pdf = samplePdf();
    expect(
      (await upload(staff.client, mou.id, { name: 'a.pdf', type: 'application/pdf', bytes: pdf })).statusCode,
    ).toBe(403);
    const missingMou = await upload(officer.client, '00000000-0000-4000-8000-000000000000', {
      name: 'a.pdf',
      type: 'application/pdf',
      bytes: pdf,
    });
    expect(missingMou.statusCode).toBe(404);
    // a PDF named .txt is still a PDF
    const stored = await upload(officer.client, mou.id, {
      name: 'บันทึกความเข้าใจ ฉบับลงนาม.txt',
      type: 'text/plain',
      bytes: pdf,
    });
    expect(stored.statusCode, stored.body).toBe(201);
    document = stored.json<{ data: MouDocument }>().data;
    expect(document.contentType).toBe('application/pdf');

    const url = `/api/partner-mous/${mou.id}/documents/${document.id}`;
    expect((await anonymous.get(url)).statusCode).toBe(401);
    expect((await applicant.client.get(url)).statusCode).toBe(404);
    expect((await partnerUser.client.get(url)).statusCode).toBe(404);
    for (const person of [officer, admin, staff]) {
      const download = await person.client.get(url);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.rawPayload.equals(pdf)).toBe(true);
    }
    expect((await officer.client.get(`/api/partner-mous/${mou.id}/documents/${mou.id}`)).statusCode).toBe(
      404,
    );
    expect((await getPartner(anonymous, partner.id)).mous[0]?.documents).toBeNull();
    expect((await getPartner(applicant.client, partner.id)).mous[0]?.documents).toBeNull();
    expect((await getPartner(staff.client, partner.id)).mous[0]?.documents).toHaveLength(1);
    expect((await getPartner(officer.client, partner.id)).abilities.manage).toBe(true);
    expect((await getPartner(staff.client, partner.id)).abilities.manage).toBe(false);

    expect((await staff.client.delete(url)).statusCode).toBe(403);
    expect((await officer.client.delete(url)).statusCode).toBe(200);
    expect((await officer.client.get(url)).statusCode).toBe(404);
  });
});

describe('contributions', () => {
  it('cash and in kind are summed in satang, overall and by fiscal year', async () => {
    const partner = await createPartner({ ...PSU, nameTh: 'ธนาคารทดสอบยอดสนับสนุน', roles: ['co_funder'] });
    const other = await createPartner({ ...PSU, nameTh: 'ภาคีอื่น' });
    const otherMou = await officer.client.post(`/api/partners/${other.id}/mous`, {
      titleTh: 'MOU ของภาคีอื่น',
      signedOn: '2026-01-10',
      startsOn: '2026-01-10',
    });
    expect(otherMou.statusCode).toBe(201);
    const add = (body: Record<string, unknown>, client = officer.client) =>
      client.post(`/api/partners/${partner.id}/contributions`, body);
    expect((await add({ kind: 'cash', amountSatang: 100, fiscalYear: 2569 }, staff.client)).statusCode).toBe(
      403,
    );
    expect((await add({ kind: 'cash', amountSatang: 0, fiscalYear: 2569 })).statusCode).toBe(400);
    expect((await add({ kind: 'cash', amountSatang: 10.5, fiscalYear: 2569 })).statusCode).toBe(400);
    expect((await add({ kind: 'gift', amountSatang: 100, fiscalYear: 2569 })).statusCode).toBe(400);
    expect((await add({ kind: 'cash', amountSatang: 100, fiscalYear: 2026 })).statusCode).toBe(400);
    const wrongMou = await add({
      kind: 'cash',
      amountSatang: 100,
      fiscalYear: 2569,
      mouId: otherMou.json<{ data: Mou }>().data.id,
    });
    expect(wrongMou.statusCode).toBe(400);
    expect(wrongMou.body).toContain('body.mouId');
    const rows: Contribution[] = [];
    for (const body of [
      { kind: 'cash', amountSatang: 150_000_000_00, fiscalYear: 2569, descriptionTh: 'ทุนสมทบแผนงานชุมชน' },
      { kind: 'cash', amountSatang: 2_500_050, fiscalYear: 2569 },
      { kind: 'in_kind', amountSatang: 35_000_000, fiscalYear: 2569, descriptionTh: 'ห้องประชุมและวิทยากร' },
      { kind: 'in_kind', amountSatang: 1, fiscalYear: 2570, receivedOn: '2026-11-02' },
    ]) {
      const response = await add(body);
      expect(response.statusCode, response.body).toBe(201);
      rows.push(response.json<{ data: Contribution }>().data);
    }
    const page = await getPartner(anonymous, partner.id);
    expect(page.contributions).toHaveLength(4);
    expect(page.totals).toEqual({
      cashSatang: 150_000_000_00 + 2_500_050,
      inKindSatang: 35_000_001,
      totalSatang: 150_000_000_00 + 2_500_050 + 35_000_001,
      byFiscalYear: [
        { fiscalYear: 2570, cashSatang: 0, inKindSatang: 1, totalSatang: 1 },
        {
          fiscalYear: 2569,
          cashSatang: 150_000_000_00 + 2_500_050,
          inKindSatang: 35_000_000,
          totalSatang: 150_000_000_00 + 2_500_050 + 35_000_000,
        },
      ],
    });
    const removed = rows[1];
    expect((await staff.client.delete(`/api/partner-contributions/${removed?.id}`)).statusCode).toBe(403);
    expect((await officer.client.delete(`/api/partner-contributions/${removed?.id}`)).statusCode).toBe(200);
    expect((await officer.client.delete(`/api/partner-contributions/${removed?.id}`)).statusCode).toBe(404);
    expect((await getPartner(anonymous, partner.id)).totals.cashSatang).toBe(150_000_000_00);
  });
});

describe('links and the network graph', () => {
  it('links to programmes and units appear in the graph with MOUs; filters by role', async () => {
    const targets = await officer.client.get('/api/network/link-targets');
    expect(targets.statusCode).toBe(200);
    expect((await staff.client.get('/api/network/link-targets')).statusCode).toBe(403);
    const programme = targets.json<{ data: LinkTargetOption[] }>().data.find((t) => t.target === 'programme');
    expect(programme).toBeDefined();
    const partner = await createPartner({
      nameTh: 'องค์การเพื่อการพัฒนาระหว่างประเทศ (ทดสอบ)',
      nameEn: 'International Development Agency (test)',
      sector: 'international',
      roles: ['international_agency', 'co_funder'],
    });
    const link = (body: Record<string, unknown>, client = officer.client) =>
      client.post(`/api/partners/${partner.id}/links`, body);
    expect(
      (await link({ target: 'driving_unit', targetId: unitId, role: 'co_funder' }, staff.client)).statusCode,
    ).toBe(403);
    const unknown = await link({
      target: 'project',
      targetId: '00000000-0000-4000-8000-000000000000',
      role: 'co_funder',
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toContain('body.targetId');
    const toUnit = await link({ target: 'driving_unit', targetId: unitId, role: 'international_agency' });
    expect(toUnit.statusCode, toUnit.body).toBe(201);
    expect(
      (await link({ target: 'driving_unit', targetId: unitId, role: 'international_agency' })).statusCode,
    ).toBe(409);
    const toProgramme = await link({ target: 'programme', targetId: programme?.id, role: 'co_funder' });
    expect(toProgramme.statusCode, toProgramme.body).toBe(201);
    const mou = await officer.client.post(`/api/partners/${partner.id}/mous`, {
      titleTh: 'MOU กับสำนักงาน',
      signedOn: '2026-05-01',
      startsOn: '2026-05-01',
    });
    expect(mou.statusCode).toBe(201);

    const graph = (await anonymous.get('/api/network/graph')).json<{ data: NetworkGraph }>().data;
    const partnerNode = `partner:${partner.id}`;
    expect(graph.nodes.map((n) => n.id)).toEqual(
      expect.arrayContaining(['agency', partnerNode, `driving_unit:${unitId}`, `programme:${programme?.id}`]),
    );
    expect(graph.edges).toEqual(
      expect.arrayContaining([
        { source: partnerNode, target: `driving_unit:${unitId}`, kind: 'link', role: 'international_agency' },
        { source: partnerNode, target: `programme:${programme?.id}`, kind: 'link', role: 'co_funder' },
        { source: partnerNode, target: 'agency', kind: 'mou', role: null },
      ]),
    );
    // every edge joins two nodes of the graph
    const ids = new Set(graph.nodes.map((n) => n.id));
    expect(graph.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
    const filtered = (await anonymous.get('/api/network/graph?role=academic_partner')).json<{
      data: NetworkGraph;
    }>().data;
    expect(filtered.nodes.map((n) => n.id)).not.toContain(partnerNode);
    expect(filtered.nodes.some((n) => n.kind === 'partner')).toBe(true);
    expect((await anonymous.get('/api/network/graph?role=x')).statusCode).toBe(400);

    const linkId = toUnit.json<{ data: { id: string } }>().data.id;
    expect((await officer.client.delete(`/api/partner-links/${linkId}`)).statusCode).toBe(200);
    const after = (await anonymous.get('/api/network/graph')).json<{ data: NetworkGraph }>().data;
    expect(
      after.edges.some(
        (e) => e.source === partnerNode && e.kind === 'link' && e.role === 'international_agency',
      ),
    ).toBe(false);
    // removing the partner takes its MOUs and links with it
    expect((await staff.client.delete(`/api/partners/${partner.id}`)).statusCode).toBe(403);
    expect((await officer.client.delete(`/api/partners/${partner.id}`)).statusCode).toBe(200);
    expect((await anonymous.get(`/api/partners/${partner.id}`)).statusCode).toBe(404);
  });
});
