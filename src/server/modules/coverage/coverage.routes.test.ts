import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { makeTempDir } from '@tests/helpers/temp';
import { awardedProject } from '@tests/factories/projects';
import { setProjectPlaces } from '@tests/factories/impact-report';
import { insertInnovation, loadTestAreas, setTargetGroup } from '@tests/factories/diffusion';
import { adoptions, projects } from '@server/db/schema/index';
import { importIndicatorCsv } from '@server/modules/indicators/indicators.service';
import type { Coverage, CoverageProvince, ProvinceCoverage } from '@shared/contracts/coverage';

let ctx: TestContext;
const temp = makeTempDir();
let projectA: string;
let projectB: string;
let programmeSlug: string;

/*
 * The data, and what the map must make of it:
 *
 * need (test_poverty, percent, 2023): 58 → 40, 10 → 35, 96 → 30, 50 → 10 (and 58 → 44 in 2020, one province only)
 * targeted poor (targeted_poor_count, 2022): 58 → 1,000 people, 96 → 5,000 people
 * target group: 96 (rank 1), 10 (rank 2)
 * project A: 1,000,000 baht, provinces 58 and 96, theme health, FY2569 → 500,000 baht each
 * project B: 300,000.01 baht, province 50, theme environment, FY2568
 * adoptions of a published innovation: 58 adopted (district 5801, 40 people, 15 Jan 2026 = FY2569);
 *   96 discontinued after adopting (10 people: counted as beneficiaries, not as an adoption);
 *   58 interested (no adoption date: not counted); a draft innovation's adoption in 50 (not counted)
 */
beforeAll(async () => {
  ctx = await createTestApp();
  await loadTestAreas(ctx);
  await setTargetGroup(ctx, [96, 10]);
  const file = path.join(temp.dir, 'need.csv');
  writeFileSync(
    file,
    [
      'indicator,indicator_name_th,indicator_name_en,year,province_code,value,unit,source_url,note',
      'test_poverty,สัดส่วนคนจนทดสอบ,Test poverty ratio,2023,58,40,percent,https://example.org/poverty,',
      'test_poverty,สัดส่วนคนจนทดสอบ,Test poverty ratio,2023,10,35,percent,https://example.org/poverty,',
      'test_poverty,สัดส่วนคนจนทดสอบ,Test poverty ratio,2023,96,30,percent,https://example.org/poverty,',
      'test_poverty,สัดส่วนคนจนทดสอบ,Test poverty ratio,2023,50,10,percent,https://example.org/poverty-50,',
      'test_poverty,สัดส่วนคนจนทดสอบ,Test poverty ratio,2020,58,44,percent,https://example.org/old,',
      'targeted_poor_count,คนจนเป้าหมาย,Targeted poor,2022,58,1000,persons,https://example.org/tpmap,',
      'targeted_poor_count,คนจนเป้าหมาย,Targeted poor,2022,96,5000,persons,https://example.org/tpmap,',
    ].join('\n'),
  );
  await importIndicatorCsv(ctx.database.db, file);

  const a = await awardedProject(ctx, { awardSatang: 100_000_000 });
  const b = await awardedProject(ctx, { awardSatang: 30_000_001 });
  projectA = a.projectId;
  projectB = b.projectId;
  programmeSlug = 'city-challenge';
  await setProjectPlaces(ctx, projectA, { provinceCodes: [96, 58], themes: ['health'] });
  await setProjectPlaces(ctx, projectB, { provinceCodes: [50], themes: ['environment'] });
  await ctx.database.db.update(projects).set({ fiscalYear: 2569 }).where(eq(projects.id, projectA));
  await ctx.database.db.update(projects).set({ fiscalYear: 2568 }).where(eq(projects.id, projectB));

  const published = await insertInnovation(ctx, {
    projectId: projectA,
    originProvinceCode: 58,
    originDistrictCode: 5801,
    originSubdistrictCode: 580101,
  });
  const draft = await insertInnovation(ctx, { status: 'draft', publishedAt: null });
  const site = { adopterName: 'เทศบาลทดสอบ', adopterType: 'local_government', interestedOn: '2025-06-01' };
  await ctx.database.db.insert(adoptions).values([
    {
      ...site,
      innovationId: published,
      provinceCode: 58,
      districtCode: 5801,
      subdistrictCode: 580101,
      status: 'adopted',
      statusOn: '2026-01-15',
      adoptedOn: '2026-01-15',
      beneficiaries: [
        { group: 'farmers', count: 30 },
        { group: 'women', count: 10 },
      ],
    },
    {
      ...site,
      innovationId: published,
      provinceCode: 96,
      status: 'discontinued',
      statusOn: '2026-05-01',
      adoptedOn: '2025-12-01',
      discontinuedReason: 'งบประมาณไม่พอ',
      beneficiaries: [{ group: 'elderly', count: 10 }],
    },
    { ...site, innovationId: published, provinceCode: 58, status: 'interested', statusOn: '2025-06-01' },
    {
      ...site,
      innovationId: draft,
      provinceCode: 50,
      status: 'adopted',
      statusOn: '2026-01-15',
      adoptedOn: '2026-01-15',
      beneficiaries: [{ group: 'farmers', count: 99 }],
    },
  ]);
});

afterAll(async () => {
  await ctx.close();
  temp.cleanup();
});

async function coverage(query = ''): Promise<Coverage> {
  const response = await ctx.app.inject(`/api/coverage${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: Coverage }>().data;
}

function row(data: Coverage, code: number): CoverageProvince {
  const found = data.provinces.find((p) => p.code === code);
  if (!found) {
    throw new Error(`no row for ${code}`);
  }
  return found;
}

describe('GET /api/coverage', () => {
  it('needs no sign-in, defaults to the most complete recent need figures and splits awards evenly', async () => {
    const response = await ctx.app.inject('/api/coverage');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const data = response.json<{ data: Coverage }>().data;

    expect(data.provinces).toHaveLength(77);
    expect(data.need).toMatchObject({
      indicator: { code: 'test_poverty', unit: 'percent', higherIsNeedier: true, years: [2023, 2020] },
      year: 2023,
      provinceCount: 4,
      isDefault: true,
    });
    expect(data.need?.sources.sort()).toEqual(['https://example.org/poverty', 'https://example.org/poverty-50']);
    expect(data.filters).toEqual({ programme: null, theme: null, fiscalYear: null, measure: 'grant_money' });
    expect(data.fiscalYears).toEqual([2569, 2568]);

    expect(row(data, 58)).toMatchObject({
      need: { value: 40, unit: 'percent', year: 2023, sourceUrl: 'https://example.org/poverty' },
      poorCount: { value: 1000, year: 2022 },
      grantSatang: 50_000_000,
      grantPerPoorSatang: 50_000,
      projects: 1,
      beneficiaries: 40,
      adoptions: 1,
    });
    expect(row(data, 96)).toMatchObject({
      targetRank: 1,
      grantSatang: 50_000_000,
      grantPerPoorSatang: 10_000,
      beneficiaries: 10,
      adoptions: 0,
    });
    expect(row(data, 50)).toMatchObject({ grantSatang: 30_000_001, projects: 1, beneficiaries: 0, adoptions: 0 });
    expect(row(data, 10)).toMatchObject({ targetRank: 2, grantSatang: 0, grantPerPoorSatang: null, projects: 0 });
    expect(row(data, 11)).toMatchObject({ need: null, needScore: null, gap: null, underServed: false });
    expect(data.totals).toEqual({
      grantSatang: 130_000_001,
      unassignedSatang: 0,
      projects: 2,
      beneficiaries: 50,
      adoptions: 1,
      provincesReached: 3,
      underServed: 1,
    });
  });

  it('computes the gap index on grant money: 10 is needy and has nothing', async () => {
    const data = await coverage();
    // Need scores: 58 → 1, 10 → 0.6667, 96 → 0.3333, 50 → 0.
    // Coverage (50M, 50M, 30M, 0): 58 and 96 → 0.8333, 50 → 0.3333, 10 → 0.
    expect(row(data, 58)).toMatchObject({ needScore: 1, coverageScore: 0.8333, gap: 0.1667, underServed: false });
    expect(row(data, 10)).toMatchObject({ needScore: 0.6667, coverageScore: 0, gap: 0.6667, underServed: true });
    expect(row(data, 96)).toMatchObject({ needScore: 0.3333, coverageScore: 0.8333, gap: -0.5 });
    expect(row(data, 50)).toMatchObject({ needScore: 0, coverageScore: 0.3333, gap: -0.3333 });
    expect(data.underServed).toEqual([10]);
    expect(data.threshold).toBe(0.25);
  });

  it('ranks money per poor person only where a poor-person count exists', async () => {
    const data = await coverage('?measure=money_per_poor');
    expect(row(data, 58)).toMatchObject({ coverageScore: 1, gap: 0 });
    expect(row(data, 96)).toMatchObject({ coverageScore: 0, gap: 0.3333, underServed: true });
    expect(row(data, 10)).toMatchObject({ needScore: 0.6667, coverageScore: null, gap: null, underServed: false });
    expect(data.underServed).toEqual([96]);
  });

  it('ranks the target group first among the under-served', async () => {
    // Adoptions: 58 → 1, the others 0: coverage 58 → 1, others → 0.3333. Gaps: 10 → 0.3333, 96 → 0, 50 → −0.3333.
    const adoptionsView = await coverage('?measure=adoptions');
    expect(adoptionsView.underServed).toEqual([10]);
    // Beneficiaries (58 → 40, 96 → 10): 58 → 1, 96 → 0.6667, 10 and 50 → 0.1667. Gaps: 10 → 0.5, 96 → −0.3333.
    const people = await coverage('?measure=beneficiaries');
    expect(row(people, 10)).toMatchObject({ gap: 0.5, underServed: true });
    // Need by the 2020 figures (58 alone, score 0.5) leaves nobody under-served.
    const old = await coverage('?need=test_poverty&needYear=2020');
    expect(old.need).toMatchObject({ year: 2020, provinceCount: 1, isDefault: false });
    expect(row(old, 58)).toMatchObject({ needScore: 0.5, coverageScore: 0.5, gap: 0 });
    expect(old.underServed).toEqual([]);
    // Projects: 58, 96, 50 → 1, 10 → 0: 10 under-served (target), then 58 (gap 1 − 0.6667 = 0.3333).
    const byProjects = await coverage('?measure=projects');
    expect(byProjects.underServed).toEqual([10, 58]);
  });

  it('filters by theme, fiscal year and programme', async () => {
    const health = await coverage('?theme=health');
    expect(health.totals).toMatchObject({ grantSatang: 100_000_000, projects: 1 });
    expect(row(health, 50).grantSatang).toBe(0);
    // The adoptions' innovation is themed sustainable agriculture: none under health.
    expect(health.totals.adoptions).toBe(0);

    const fy2568 = await coverage('?fiscalYear=2568');
    expect(fy2568.totals).toMatchObject({ grantSatang: 30_000_001, projects: 1, adoptions: 0, beneficiaries: 0 });
    const fy2569 = await coverage('?fiscalYear=2569');
    // The adoption of 15 Jan 2026 and the one of 1 Dec 2025 fall in FY2569.
    expect(fy2569.totals).toMatchObject({ grantSatang: 100_000_000, adoptions: 1, beneficiaries: 50 });

    const own = await coverage(`?programme=${programmeSlug}`);
    expect(own.totals.grantSatang).toBe(130_000_001);
    const other = await coverage('?programme=sectoral');
    expect(other.totals).toMatchObject({ grantSatang: 0, projects: 0, adoptions: 0 });
    expect(other.filters.programme).toBe('sectoral');
  });

  it.each([
    ['an unknown programme', '?programme=no-such-programme', 'query.programme'],
    ['an unknown indicator', '?need=no_such_indicator', 'query.need'],
    ['a year without figures', '?need=test_poverty&needYear=2019', 'query.needYear'],
    ['a year without any figures', '?needYear=2001', 'query.needYear'],
    ['a bad indicator code', '?need=Bad-Code', 'need'],
    ['a bad fiscal year', '?fiscalYear=abc', 'fiscalYear'],
    ['a Common-Era fiscal year', '?fiscalYear=2025', 'fiscalYear'],
    ['an unknown measure', '?measure=money', 'measure'],
    ['an unknown theme', '?theme=space', 'theme'],
    ['an unknown parameter', '?colour=gap', ''],
  ])('answers 400 for %s, naming the field', async (_name, query, field) => {
    const response = await ctx.app.inject(`/api/coverage${query}`);
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json<{ error: { code: string; details: { issues: Array<{ field: string }> } } }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details.issues.map((i) => i.field).join(' ')).toContain(field);
  });
});

describe('GET /api/coverage/provinces/:code', () => {
  it("gives a province's figures, its projects and its districts where data exists", async () => {
    const response = await ctx.app.inject('/api/coverage/provinces/58');
    expect(response.statusCode, response.body).toBe(200);
    const data = response.json<{ data: ProvinceCoverage }>().data;
    expect(data.province).toMatchObject({ code: 58, grantSatang: 50_000_000, gap: 0.1667 });
    expect(data.need?.indicator.code).toBe('test_poverty');
    expect(data.rankedProvinces).toBe(4);
    expect(data.underServedRank).toBeNull();
    expect(data.districts).toEqual([
      { code: 5801, nameTh: 'เมืองแม่ฮ่องสอน', nameEn: 'Mueang Mae Hong Son', projects: 1, adoptions: 1, beneficiaries: 40 },
    ]);
    expect(data.projectsWithoutDistrict).toBe(0);
    expect(data.adoptionsWithoutDistrict).toBe(0);
    expect(data.projects).toEqual([
      expect.objectContaining({ id: projectA, shareSatang: 50_000_000, provinceCount: 2, fiscalYear: 2569 }),
    ]);
    expect(data.projects[0]?.innovationId).toBeTruthy();
    // The interested site is not counted; the adopted one is, with its 40 people.
    expect(data.innovations).toEqual([
      { id: data.projects[0]?.innovationId, titleTh: 'ธนาคารเมล็ดพันธุ์ชุมชน', titleEn: 'Community seed bank', adoptions: 1, beneficiaries: 40 },
    ]);
  });

  it('says there is no district data when nothing is located in a district', async () => {
    const data = (await ctx.app.inject('/api/coverage/provinces/96')).json<{ data: ProvinceCoverage }>().data;
    expect(data.districts).toEqual([]);
    expect(data.projectsWithoutDistrict).toBe(1);
    expect(data.projects.map((p) => p.id)).toEqual([projectA]);
    // The discontinued site served 10 people but is no adoption now.
    expect(data.innovations).toEqual([expect.objectContaining({ adoptions: 0, beneficiaries: 10 })]);

    const ten = (await ctx.app.inject('/api/coverage/provinces/10')).json<{ data: ProvinceCoverage }>().data;
    expect(ten.underServedRank).toBe(1);
    expect(ten.projects).toEqual([]);
  });

  it('applies the filters and the measure to the province', async () => {
    const response = await ctx.app.inject('/api/coverage/provinces/50?fiscalYear=2569&measure=projects');
    const data = response.json<{ data: ProvinceCoverage }>().data;
    expect(data.province).toMatchObject({ grantSatang: 0, projects: 0 });
    expect(data.filters).toMatchObject({ fiscalYear: 2569, measure: 'projects' });
    expect(data.projects).toEqual([]);
    const b = await ctx.app.inject('/api/coverage/provinces/50');
    expect(b.json<{ data: ProvinceCoverage }>().data.projects.map((p) => p.id)).toEqual([projectB]);
  });

  it('answers 404 for a code that is no province and 400 for a bad code or query', async () => {
    expect((await ctx.app.inject('/api/coverage/provinces/59')).statusCode).toBe(404);
    expect((await ctx.app.inject('/api/coverage/provinces/abc')).statusCode).toBe(400);
    expect((await ctx.app.inject('/api/coverage/provinces/100')).statusCode).toBe(400);
    const bad = await ctx.app.inject('/api/coverage/provinces/58?programme=nope');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('query.programme');
  });
});

describe('the OpenAPI document', () => {
  it('documents both routes with their query', async () => {
    const response = await ctx.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ paths: Record<string, { get?: { parameters?: Array<{ name: string }> } }> }>();
    expect(doc.paths['/api/coverage']?.get?.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['need', 'needYear', 'measure', 'programme', 'theme', 'fiscalYear']),
    );
    expect(doc.paths['/api/coverage/provinces/{code}']?.get).toBeDefined();
  });
});
