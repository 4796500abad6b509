import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { createOrganisation, signedIn, type Person } from '@tests/factories/people';
import { awardedProject, uniqueSuffix, type AwardedProject } from '@tests/factories/projects';
import { createOpenCall } from '@tests/factories/calls';
import { insertInnovation, loadTestAreas } from '@tests/factories/diffusion';
import {
  indicatorValue,
  libraryIndicator,
  projectIndicator,
  setProjectPlaces,
} from '@tests/factories/impact-report';
import {
  adoptions,
  areaIndicators,
  areaIndicatorValues,
  calls,
  decisions,
  innovationNeeds,
  projects,
  villages,
} from '@server/db/schema/index';
import {
  OPEN_DATA_LICENCE,
  OPEN_DATASET_NAMES,
  openFieldNames,
  type OpenCatalogue,
  type OpenDatasetName,
  type OpenDictionary,
  type OpenPage,
} from '@shared/contracts/open-data';

const BASE = '/api/open/v1';

/** A valid 13-digit Thai id (check digit computed), unmistakable in any output. */
function thaiId(first12: string): string {
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (13 - i), 0);
  return `${first12}${(11 - (sum % 11)) % 10}`;
}

// Personal data planted everywhere the platform keeps it; none of it may come out of the open data.
const MARK = `pdmark${uniqueSuffix()}`;
const MARKERS = {
  ownerEmail: `${MARK}-owner@people.test`,
  officerEmail: `${MARK}-officer@people.test`,
  orgEmail: `${MARK}-org@people.test`,
  orgPhone: '0899912345',
  orgAddress: `${MARK} 99/9 ถนนมาร์คเกอร์`,
  juristicId: thaiId('099555012345'),
  contactName: `นางสาวมาร์คเกอร์ ${MARK}`,
  contactEmail: `${MARK}-contact@people.test`,
  contactPhone: '0812223344',
  signerName: `นายผู้ลงนาม ${MARK}`,
  signerIp: '203.0.113.199',
  requesterName: `นายผู้ขอ ${MARK}`,
  requesterEmail: `${MARK}-need@people.test`,
  requesterPhone: '0923334455',
  callEmail: `${MARK}-call@people.test`,
  callPhone: '081-765-4321',
  callId: '3-1001-00456-78-9',
  decisionReason: `${MARK}-reason`,
  valueNote: `${MARK}-value-note`,
};

let ctx: TestContext;
let officer: Person;
let owner: Person;
let awarded: AwardedProject;
let draftCallId: string;
let publishedInnovationId: string;
let draftInnovationId: string;
let indicatorCode: string;
const userIds: string[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
  const { db } = ctx.database;
  await loadTestAreas(ctx);
  officer = await signedIn(ctx, MARKERS.officerEmail, 'programme_officer');
  owner = await signedIn(ctx, MARKERS.ownerEmail);
  userIds.push(officer.userId, owner.userId);
  const organisationId = await createOrganisation(owner.client, {
    nameTh: 'วิสาหกิจชุมชนเปิดข้อมูล',
    nameEn: 'Open Data Community Enterprise',
    provinceCode: 58,
    contactEmail: MARKERS.orgEmail,
    contactPhone: MARKERS.orgPhone,
    addressLine: MARKERS.orgAddress,
    juristicId: MARKERS.juristicId,
  });
  awarded = await awardedProject(ctx, { officer, owner, organisationId, awardSatang: 120_000_000 });
  await db
    .update(projects)
    .set({ agreementAcceptedName: MARKERS.signerName, agreementAcceptedIp: MARKERS.signerIp })
    .where(eq(projects.id, awarded.projectId));
  await db
    .update(decisions)
    .set({ reason: MARKERS.decisionReason })
    .where(eq(decisions.proposalId, awarded.proposalId));
  await db
    .update(calls)
    .set({
      descriptionTh: `ติดต่อ ${MARKERS.callEmail} โทร ${MARKERS.callPhone} เลขประจำตัว ${MARKERS.callId}`,
    })
    .where(eq(calls.id, awarded.callId));
  await setProjectPlaces(ctx, awarded.projectId, { provinceCodes: [58, 96], themes: ['health'] });

  draftCallId = (await createOpenCall(officer.client, { publish: false })).id;

  publishedInnovationId = await insertInnovation(
    ctx,
    {
      projectId: awarded.projectId,
      contactName: MARKERS.contactName,
      contactEmail: MARKERS.contactEmail,
      contactPhone: MARKERS.contactPhone,
      createdBy: officer.userId,
      publishedBy: officer.userId,
    },
    organisationId,
  );
  draftInnovationId = await insertInnovation(ctx, {
    titleTh: 'ผลงานฉบับร่าง',
    status: 'draft',
    publishedAt: null,
    contactEmail: MARKERS.contactEmail,
  });
  const [need] = await db
    .insert(innovationNeeds)
    .values({
      theme: 'health',
      provinceCode: 58,
      titleTh: 'ต้องการระบบน้ำ',
      descriptionTh: 'ชุมชนต้องการ',
      requesterName: MARKERS.requesterName,
      requesterType: 'local_government',
      contactEmail: MARKERS.requesterEmail,
      contactPhone: MARKERS.requesterPhone,
      status: 'published',
    })
    .returning({ id: innovationNeeds.id });
  const [village] = await db
    .insert(villages)
    .values({
      provinceCode: 58,
      districtCode: 5801,
      subdistrictCode: 580101,
      villageNo: 3,
      nameTh: 'บ้านห้วยเปิด',
    })
    .returning({ id: villages.id });
  const site = {
    provinceCode: 58,
    districtCode: 5801,
    subdistrictCode: 580101,
    villageId: village?.id ?? null,
  };
  await db.insert(adoptions).values([
    {
      ...site,
      innovationId: publishedInnovationId,
      adopterName: 'องค์การบริหารส่วนตำบลจองคำ',
      adopterType: 'local_government',
      needId: need?.id ?? null,
      status: 'adopted',
      statusOn: '2026-10-01',
      interestedOn: '2026-06-01',
      adoptedOn: '2026-10-01',
      beneficiaries: [
        { group: 'poor_households', count: 40 },
        { group: 'elderly', count: 12 },
      ],
      localFundingSatang: 5_000_000,
      createdBy: owner.userId,
    },
    {
      ...site,
      innovationId: draftInnovationId,
      adopterName: 'ผู้ใช้ผลงานฉบับร่าง',
      adopterType: 'school',
      status: 'interested',
      statusOn: '2026-06-01',
      interestedOn: '2026-06-01',
      createdBy: owner.userId,
    },
  ]);

  const library = await libraryIndicator(ctx);
  indicatorCode = library.code;
  const pi = await projectIndicator(ctx, awarded.projectId, { indicatorId: library.id, code: library.code });
  await indicatorValue(ctx, awarded.projectId, pi, '2027-03-31', 30);
  await indicatorValue(ctx, awarded.projectId, pi, '2027-06-30', 10);
  await indicatorValue(ctx, awarded.projectId, pi, '2027-09-30', 1000, 'submitted');

  await db.insert(areaIndicators).values({
    code: 'open_test_poverty',
    nameTh: 'สัดส่วนคนจน (ทดสอบ)',
    nameEn: 'Poverty headcount (test)',
    unit: 'percent',
  });
  await db.insert(areaIndicatorValues).values([
    {
      indicatorCode: 'open_test_poverty',
      year: 2023,
      provinceCode: 58,
      value: 27.5,
      unit: 'percent',
      sourceUrl: 'https://example.org/nesdc',
      note: MARKERS.valueNote,
    },
    {
      indicatorCode: 'open_test_poverty',
      year: 2023,
      provinceCode: 96,
      value: 31.25,
      unit: 'percent',
      sourceUrl: 'https://example.org/nesdc',
    },
  ]);
});

afterAll(async () => {
  await ctx.close();
});

const anon = () => new TestClient(ctx.app);

async function getData<T>(url: string): Promise<T> {
  const response = await anon().get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<{ data: T }>().data;
}

async function allPages(name: OpenDatasetName, pageSize: number) {
  const records: Array<Record<string, unknown>> = [];
  const bodies: string[] = [];
  let url: string | null = `${BASE}/datasets/${name}?pageSize=${pageSize}`;
  let pages = 0;
  while (url) {
    const response = await anon().get(url);
    expect(response.statusCode, response.body).toBe(200);
    bodies.push(response.body);
    const body = response.json<{ data: Array<Record<string, unknown>>; page: OpenPage }>();
    records.push(...body.data);
    url = body.page.next;
    pages += 1;
    expect(pages).toBeLessThan(1000);
  }
  return { records, bodies };
}

function csvRows(body: string): string[] {
  return body
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '');
}

describe('open data: no personal data', () => {
  it('shows none of the planted personal data in any dataset, form or page', async () => {
    const texts: string[] = [];
    texts.push((await anon().get(`${BASE}/datasets`)).body);
    for (const name of OPEN_DATASET_NAMES) {
      const { records, bodies } = await allPages(name, 1);
      texts.push(...bodies);
      const big = await allPages(name, 500);
      expect(big.records).toEqual(records);
      for (const suffix of ['/dictionary', '.csv', '.json']) {
        const response = await anon().get(`${BASE}/datasets/${name}${suffix}`);
        expect(response.statusCode, `${name}${suffix}`).toBe(200);
        texts.push(response.body);
      }
    }
    const everything = texts.join('\n').toLowerCase();
    // the datasets are not empty: the test looks at real records
    expect(everything).toContain('วิสาหกิจชุมชนเปิดข้อมูล');
    expect(everything).toContain('องค์การบริหารส่วนตำบลจองคำ');
    expect(everything).toContain(indicatorCode.toLowerCase());
    for (const [what, marker] of Object.entries(MARKERS)) {
      expect(everything, what).not.toContain(marker.toLowerCase());
    }
    expect(everything).not.toContain(MARK);
    expect(everything).not.toContain(MARKERS.juristicId);
    expect(everything).not.toContain(MARKERS.callPhone.replaceAll('-', ''));
    for (const userId of userIds) {
      expect(everything).not.toContain(userId);
    }
    // free text keeps its words, with the contact details masked
    const calls = await getData<Array<{ id: string; descriptionTh: string }>>(
      `${BASE}/datasets/calls?pageSize=500`,
    );
    expect(calls.find((c) => c.id === awarded.callId)?.descriptionTh).toBe('ติดต่อ […] โทร […] เลขประจำตัว […]');
  });
});

describe('open data: dictionaries', () => {
  it('gives every record exactly the fields of its dictionary, in every form', async () => {
    const openapi = (await anon().get('/api/openapi.json')).json<{
      paths: Record<string, { get?: { tags?: string[]; responses: Record<string, unknown> } }>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>();
    for (const name of OPEN_DATASET_NAMES) {
      const dictionary = await getData<OpenDictionary>(`${BASE}/datasets/${name}/dictionary`);
      const names = dictionary.fields.map((f) => f.name);
      expect(names).toEqual(openFieldNames(name));
      expect(new Set(names).size).toBe(names.length);
      for (const f of dictionary.fields) {
        expect(f.descriptionTh, `${name}.${f.name}`).not.toBe('');
        expect(f.descriptionEn, `${name}.${f.name}`).not.toBe('');
      }
      const { records } = await allPages(name, 500);
      expect(records.length, name).toBeGreaterThan(0);
      for (const record of records) {
        expect(Object.keys(record)).toEqual(names);
      }
      const json = (await anon().get(`${BASE}/datasets/${name}.json`)).json<{
        meta: { fields: Array<{ name: string }>; recordCount: number };
        data: Array<Record<string, unknown>>;
      }>();
      expect(json.meta.fields.map((f) => f.name)).toEqual(names);
      expect(json.meta.recordCount).toBe(records.length);
      expect(json.data).toEqual(records);
      for (const record of json.data) {
        expect(Object.keys(record)).toEqual(names);
      }
      const rows = csvRows((await anon().get(`${BASE}/datasets/${name}.csv`)).body);
      expect(rows[0]?.startsWith('# ')).toBe(true);
      expect(rows[1]?.startsWith('# ')).toBe(true);
      expect(rows[2]?.split(',')).toEqual(names);
      expect(rows.length - 3).toBe(records.length);
      const path = openapi.paths[`${BASE}/datasets/${name}`]?.get;
      expect(path?.tags).toEqual(['open-data']);
      const ref = /"#\/components\/schemas\/(\w+)"/.exec(JSON.stringify(path?.responses['200']))?.[1] ?? '';
      expect(Object.keys(openapi.components.schemas[ref]?.properties ?? {}), ref).toEqual(names);
    }
  });
});

describe('open data: what is public', () => {
  it('lists published calls, announced awards, published innovations and their adoptions only', async () => {
    const calls = await getData<Array<{ id: string }>>(`${BASE}/datasets/calls?pageSize=500`);
    expect(calls.map((c) => c.id)).toContain(awarded.callId);
    expect(calls.map((c) => c.id)).not.toContain(draftCallId);

    const awards = await getData<Array<Record<string, unknown>>>(`${BASE}/datasets/awards`);
    expect(awards).toHaveLength(1);
    expect(awards[0]).toMatchObject({
      organisationNameTh: 'วิสาหกิจชุมชนเปิดข้อมูล',
      organisationNameEn: 'Open Data Community Enterprise',
      amountSatang: 120_000_000,
      fiscalYear: 2570,
    });

    const projectList = await getData<Array<Record<string, unknown>>>(`${BASE}/datasets/projects`);
    expect(projectList[0]).toMatchObject({
      id: awarded.projectId,
      provinceCodes: [58, 96],
      awardSatang: 120_000_000,
      paidSatang: 0,
      innovationId: publishedInnovationId,
    });

    const innovationList = await getData<Array<{ id: string; adoptionCount: number; url: string }>>(
      `${BASE}/datasets/innovations`,
    );
    expect(innovationList.map((i) => i.id)).toEqual([publishedInnovationId]);
    expect(innovationList[0]).toMatchObject({
      adoptionCount: 1,
      url: `/innovations/${publishedInnovationId}`,
    });

    const adoptionList = await getData<Array<Record<string, unknown>>>(`${BASE}/datasets/adoptions`);
    expect(adoptionList).toHaveLength(1);
    expect(adoptionList[0]).toMatchObject({
      innovationId: publishedInnovationId,
      villageNameTh: 'บ้านห้วยเปิด',
      beneficiaryTotal: 52,
      poorHouseholdBeneficiaries: 40,
      diffusionPartnerName: null,
    });
  });

  it('sums verified values only, sharing a project’s figure among its provinces', async () => {
    const sums = await getData<Array<Record<string, unknown>>>(`${BASE}/datasets/indicator-sums`);
    // 30 + 10 verified (the 1000 submitted is not counted) = 40, shared by provinces 58 and 96
    expect(sums).toEqual([
      expect.objectContaining({ provinceCode: 58, indicatorCode, value: 20, projectCount: 1, valueCount: 2 }),
      expect.objectContaining({ provinceCode: 96, indicatorCode, value: 20, projectCount: 1, valueCount: 2 }),
    ]);
    const area = await getData<Array<Record<string, unknown>>>(`${BASE}/datasets/area-indicators`);
    expect(area[0]).toMatchObject({
      indicatorCode: 'open_test_poverty',
      provinceCode: 58,
      year: 2023,
      value: 27.5,
      higherIsNeedier: true,
      sourceUrl: 'https://example.org/nesdc',
    });
  });

  it('describes each dataset in the catalogue with its licence, version, count and last change', async () => {
    const catalogue = await getData<OpenCatalogue>(`${BASE}/datasets`);
    expect(catalogue.apiVersion).toBe('v1');
    expect(catalogue.datasets.map((d) => d.name)).toEqual([...OPEN_DATASET_NAMES]);
    const counts = Object.fromEntries(catalogue.datasets.map((d) => [d.name, d.recordCount]));
    expect(counts).toMatchObject({
      awards: 1,
      projects: 1,
      innovations: 1,
      adoptions: 1,
      'indicator-sums': 2,
    });
    for (const dataset of catalogue.datasets) {
      expect(dataset.licence.code).toBe('CC-BY-4.0');
      expect(dataset.version).toBe('1.0');
      expect(dataset.links.csv).toBe(`${BASE}/datasets/${dataset.name}.csv`);
      if (dataset.recordCount > 0) {
        expect(dataset.updatedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      }
    }
  });
});

describe('open data: the API', () => {
  it('pages with page and pageSize, and says where the next page is', async () => {
    const first = (await anon().get(`${BASE}/datasets/area-indicators?pageSize=1`)).json<{
      data: unknown[];
      page: OpenPage;
    }>();
    expect(first.data).toHaveLength(1);
    expect(first.page).toEqual({
      page: 1,
      pageSize: 1,
      totalRecords: 2,
      totalPages: 2,
      next: `${BASE}/datasets/area-indicators?page=2&pageSize=1`,
    });
    const past = (await anon().get(`${BASE}/datasets/area-indicators?page=9`)).json<{
      data: unknown[];
      page: OpenPage;
    }>();
    expect(past.data).toEqual([]);
    expect(past.page.next).toBeNull();
  });

  it('refuses a bad page or page size with 400 naming the field, and an unknown dataset with 404', async () => {
    for (const [query, field] of [
      ['pageSize=501', 'pageSize'],
      ['pageSize=0', 'pageSize'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['page=1.5', 'page'],
    ] as const) {
      const response = await anon().get(`${BASE}/datasets/calls?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('VALIDATION_FAILED');
      expect(response.body).toContain(field);
    }
    expect((await anon().get(`${BASE}/datasets/people`)).statusCode).toBe(404);
    expect((await anon().get(`${BASE}/datasets/people.csv`)).statusCode).toBe(404);
    expect((await anon().get(`${BASE}/datasets/users/dictionary`)).statusCode).toBe(404);
  });

  it('serves CSV and JSON downloads with the licence, readable from other origins', async () => {
    const csv = await anon().get(`${BASE}/datasets/awards.csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toContain('si-platform-awards-v1.csv');
    expect(csv.headers['access-control-allow-origin']).toBe('*');
    expect(csv.headers['cache-control']).toBe('public, max-age=300');
    expect(csv.headers.link).toContain(OPEN_DATA_LICENCE.url);
    expect(csv.body.startsWith('\uFEFF# ')).toBe(true);
    const rows = csvRows(csv.body);
    expect(rows[0]).toContain(OPEN_DATA_LICENCE.attributionTh);
    expect(rows[1]).toContain(OPEN_DATA_LICENCE.attributionEn);
    expect(rows[3]?.split(',')).toContain('120000000');

    const json = await anon().get(`${BASE}/datasets/awards.json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const body = json.json<{ meta: { licence: { code: string }; generatedAt: string; dataset: string } }>();
    expect(body.meta).toMatchObject({ dataset: 'awards', licence: { code: 'CC-BY-4.0' } });
  });

  it('limits each client to 120 requests a minute', async () => {
    const limited = await createTestApp({ RATE_LIMIT_FACTOR: '0.025' });
    try {
      const client = new TestClient(limited.app);
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push((await client.get(`${BASE}/datasets/calls`)).statusCode);
      }
      // 120 × 0.025 = 3 a minute
      expect(statuses).toEqual([200, 200, 200, 429]);
    } finally {
      await limited.close();
    }
  });
});
