import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { signedIn, type Person } from '@tests/factories/people';
import type {
  FinancialProxy,
  FinancialProxyList,
  ImpactIndicator,
  ImpactIndicatorList,
} from '@shared/contracts/impact-library';
import { ensureImpactStarterSets, STARTER_INDICATORS, STARTER_PROXIES } from './impact.starter';

let ctx: TestContext;
let officer: Person;
let admin: Person;
let applicant: Person;
let anonymous: TestClient;

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
  officer = await signedIn(ctx, 'officer@impact-library.test', 'programme_officer');
  admin = await signedIn(ctx, 'admin@impact-library.test', 'administrator', 'en');
  applicant = await signedIn(ctx, 'applicant@impact-library.test');
  anonymous = new TestClient(ctx.app);
});
afterAll(async () => {
  await ctx.close();
});

const INDICATOR = {
  code: 'tst-01',
  nameTh: 'ผู้สูงอายุที่เข้าร่วมโรงเรียนผู้สูงอายุ',
  nameEn: 'Older people attending the elders’ school',
  unitTh: 'คน',
  unitEn: 'people',
  type: 'count',
  direction: 'increase',
  aggregation: 'sum',
  disaggregations: ['sex'],
  sdgTargets: ['3.8', '10.2'],
  irisMetricId: 'pi4060',
  themes: ['health'],
};

const PROXY = {
  code: 'FP-TEST-MEAL',
  nameTh: 'อาหารกลางวันหนึ่งมื้อ',
  nameEn: 'One school lunch',
  valueSatang: 2_500,
  unitTh: 'ต่อมื้อ',
  unitEn: 'per meal',
  priceYear: 2025,
  sourceTitle: 'อัตราค่าอาหารกลางวันนักเรียน (ทดสอบ)',
  sourceUrl: 'https://www.example.org/lunch',
  themes: ['government_education'],
};

interface Issue {
  field: string;
  message: string;
  messageEn?: string;
}
const issuesOf = (body: string) =>
  (JSON.parse(body) as { error: { details?: { issues?: Issue[] } } }).error.details?.issues ?? [];

describe('starter sets', () => {
  it('a fresh database has both starter sets, active and marked as starters', async () => {
    const indicators = await officer.client.get('/api/impact-indicators?limit=200');
    expect(indicators.statusCode, indicators.body).toBe(200);
    const list = indicators.json<ImpactIndicatorList>();
    expect(list.page.total).toBe(STARTER_INDICATORS.length);
    expect(list.data.every((i) => i.isStarter && i.isActive)).toBe(true);
    expect(list.data.find((i) => i.code === 'REA-01')?.irisMetricId).toBe('PI4060');
    const proxies = await officer.client.get('/api/financial-proxies?limit=200');
    expect(proxies.json<FinancialProxyList>().page.total).toBe(STARTER_PROXIES.length);
    expect(
      proxies.json<FinancialProxyList>().data.every((p) => p.currency === 'THB' && p.valueSatang > 0),
    ).toBe(true);
  });

  it('the starter data keeps its own rules: unique codes, valid formats', () => {
    const codes = [...STARTER_INDICATORS, ...STARTER_PROXIES].map((r) => r.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(STARTER_INDICATORS.length).toBeGreaterThanOrEqual(25);
    expect(STARTER_PROXIES.length).toBeGreaterThanOrEqual(15);
    for (const i of STARTER_INDICATORS) {
      expect(i.irisMetricId === null || /^[A-Z]{2}\d{4}$/.test(i.irisMetricId)).toBe(true);
      for (const t of i.sdgTargets) {
        expect(t).toMatch(/^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-c])$/);
      }
    }
    for (const p of STARTER_PROXIES) {
      expect(Number.isSafeInteger(p.valueSatang)).toBe(true);
      expect(p.descriptionTh.length + p.descriptionEn.length).toBeGreaterThan(0);
    }
  });

  it('running again never overwrites an officer’s edit nor re-adds anything', async () => {
    const list = (await officer.client.get('/api/impact-indicators?q=SAT-01')).json<ImpactIndicatorList>();
    const sat = list.data[0];
    expect(sat?.code).toBe('SAT-01');
    if (!sat) {
      return;
    }
    const edited = await officer.client.patch(`/api/impact-indicators/${sat.id}`, {
      version: sat.version,
      nameEn: 'Satisfaction score (edited)',
      isActive: false,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    const again = await ctx.database.db.transaction((tx) => ensureImpactStarterSets(tx));
    expect(again).toEqual({ indicators: 0, proxies: 0 });
    const after = (await officer.client.get(`/api/impact-indicators/${sat.id}`)).json<{
      data: ImpactIndicator;
    }>().data;
    expect(after).toMatchObject({ nameEn: 'Satisfaction score (edited)', isActive: false, version: 2 });
    // put it back for the other tests' counts
    await officer.client.patch(`/api/impact-indicators/${sat.id}`, { version: 2, isActive: true });
  });
});

describe('GET /api/impact-indicators', () => {
  it('needs a session; anyone signed in reads; abilities say who manages', async () => {
    expect((await anonymous.get('/api/impact-indicators')).statusCode).toBe(401);
    const read = await applicant.client.get('/api/impact-indicators');
    expect(read.statusCode).toBe(200);
    expect(read.json<ImpactIndicatorList>().abilities.manage).toBe(false);
    expect(read.json<ImpactIndicatorList>().data[0]?.abilities.manage).toBe(false);
    expect(
      (await officer.client.get('/api/impact-indicators')).json<ImpactIndicatorList>().abilities.manage,
    ).toBe(true);
  });

  it('searches Thai and English, filters type and theme, sorts by code, pages', async () => {
    const codes = async (query: string) => {
      const response = await applicant.client.get(`/api/impact-indicators?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<ImpactIndicatorList>().data.map((i) => i.code);
    };
    expect(await codes(`q=${encodeURIComponent('ขยะ')}`)).toEqual(['ENV-01', 'ENV-02']);
    expect(await codes('q=forest')).toEqual(['ENV-03']);
    expect(await codes('q=waste%20disposal')).toEqual(['ENV-02']);
    expect(await codes('q=disposal%20waste')).toEqual(['ENV-02']);
    expect(await codes('q=pi4060')).toEqual(['REA-01']);
    expect(await codes('q=100%25')).toEqual([]);
    const percents = await codes('type=percent');
    expect(percents.length).toBeGreaterThan(0);
    expect(percents).toEqual([...percents].sort());
    const health = await codes('theme=health&sort=-code');
    expect(health).toContain('HLT-01');
    expect(health).toEqual([...health].sort().reverse());
    const first = (await applicant.client.get('/api/impact-indicators?limit=5')).json<ImpactIndicatorList>();
    expect(first.data).toHaveLength(5);
    expect(first.page.nextCursor).toBe(5);
    const second = await codes('limit=5&cursor=5');
    expect(second[0] && first.data[4] && second[0] > first.data[4].code).toBe(true);
  });

  it('refuses unknown filters and bad values (400)', async () => {
    expect((await applicant.client.get('/api/impact-indicators?type=ratio')).statusCode).toBe(400);
    expect((await applicant.client.get('/api/impact-indicators?active=maybe')).statusCode).toBe(400);
    expect((await applicant.client.get('/api/impact-indicators?limit=1000')).statusCode).toBe(400);
    expect((await applicant.client.get('/api/impact-indicators?colour=red')).statusCode).toBe(400);
  });
});

describe('POST /api/impact-indicators', () => {
  it('officers add; codes and IRIS ids are upper-cased; the others may not', async () => {
    expect((await anonymous.post('/api/impact-indicators', INDICATOR)).statusCode).toBe(401);
    expect((await applicant.client.post('/api/impact-indicators', INDICATOR)).statusCode).toBe(403);
    const created = await officer.client.post('/api/impact-indicators', INDICATOR);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ data: ImpactIndicator }>().data).toMatchObject({
      code: 'TST-01',
      irisMetricId: 'PI4060',
      isStarter: false,
      isActive: true,
      version: 1,
      descriptionTh: '',
    });
  });

  it('a code already in the library gets 409 naming the field, in Thai and English', async () => {
    const again = await officer.client.post('/api/impact-indicators', { ...INDICATOR, code: 'TST-01' });
    expect(again.statusCode).toBe(409);
    const [issue] = issuesOf(again.body);
    expect(issue?.field).toBe('body.code');
    expect(issue?.message).toContain('TST-01');
    expect(issue?.message).toContain('รหัส');
    expect(issue?.messageEn).toContain('already in the library');
    const starter = await admin.client.post('/api/impact-indicators', { ...INDICATOR, code: 'inc-01' });
    expect(starter.statusCode).toBe(409);
    expect(starter.json<{ error: { message: string } }>().error.message).toContain('INC-01');
  });

  it('IRIS+ ids, SDG targets and codes of the wrong form get 400 naming the field', async () => {
    const iris = await officer.client.post('/api/impact-indicators', {
      ...INDICATOR,
      code: 'TST-02',
      irisMetricId: 'PI40',
    });
    expect(iris.statusCode).toBe(400);
    expect(issuesOf(iris.body)[0]).toMatchObject({ field: 'body.irisMetricId' });
    expect(issuesOf(iris.body)[0]?.message).toContain('IRIS+');
    expect(issuesOf(iris.body)[0]?.messageEn).toContain('IRIS+ metric id (irisMetricId)');
    const sdg = await officer.client.post('/api/impact-indicators', {
      ...INDICATOR,
      code: 'TST-02',
      sdgTargets: ['8.5', '18.1'],
    });
    expect(sdg.statusCode).toBe(400);
    expect(issuesOf(sdg.body)[0]).toMatchObject({ field: 'body.sdgTargets.1' });
    expect(issuesOf(sdg.body)[0]?.messageEn).toContain('SDG target (sdgTargets)');
    const dup = await officer.client.post('/api/impact-indicators', {
      ...INDICATOR,
      code: 'TST-02',
      sdgTargets: ['8.5', '8.5'],
    });
    expect(dup.statusCode).toBe(400);
    const code = await officer.client.post('/api/impact-indicators', { ...INDICATOR, code: 'ตัวชี้วัด 1' });
    expect(code.statusCode).toBe(400);
    expect(issuesOf(code.body)[0]).toMatchObject({ field: 'body.code' });
    const extra = await officer.client.post('/api/impact-indicators', { ...INDICATOR, code: 'TST-02', x: 1 });
    expect(extra.statusCode).toBe(400);
    const missing = await officer.client.post('/api/impact-indicators', {
      ...INDICATOR,
      code: 'TST-02',
      nameTh: ' ',
    });
    expect(missing.statusCode).toBe(400);
  });
});

describe('GET/PATCH /api/impact-indicators/:id', () => {
  async function fresh(code: string): Promise<ImpactIndicator> {
    const response = await officer.client.post('/api/impact-indicators', { ...INDICATOR, code });
    expect(response.statusCode, response.body).toBe(201);
    return response.json<{ data: ImpactIndicator }>().data;
  }

  it('reads one (signed in); unknown or malformed ids get 404 or 400', async () => {
    const row = await fresh('TST-10');
    expect((await anonymous.get(`/api/impact-indicators/${row.id}`)).statusCode).toBe(401);
    const read = await applicant.client.get(`/api/impact-indicators/${row.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json<{ data: ImpactIndicator }>().data.code).toBe('TST-10');
    expect((await applicant.client.get(`/api/impact-indicators/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
    expect((await applicant.client.get('/api/impact-indicators/not-an-id')).statusCode).toBe(400);
  });

  it('officers change, deactivate and reactivate with the version; stale writes get 409', async () => {
    const row = await fresh('TST-11');
    expect((await anonymous.patch(`/api/impact-indicators/${row.id}`, { version: 1 })).statusCode).toBe(401);
    expect(
      (await applicant.client.patch(`/api/impact-indicators/${row.id}`, { version: 1, nameEn: 'x' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await officer.client.patch(`/api/impact-indicators/${crypto.randomUUID()}`, { version: 1 }))
        .statusCode,
    ).toBe(404);
    const changed = await officer.client.patch(`/api/impact-indicators/${row.id}`, {
      version: 1,
      nameEn: 'Elders attending',
      irisMetricId: null,
      sdgTargets: ['3.8'],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<{ data: ImpactIndicator }>().data).toMatchObject({
      nameEn: 'Elders attending',
      irisMetricId: null,
      sdgTargets: ['3.8'],
      version: 2,
      code: 'TST-11',
    });
    const stale = await officer.client.patch(`/api/impact-indicators/${row.id}`, {
      version: 1,
      nameEn: 'Lost',
    });
    expect(stale.statusCode).toBe(409);
    expect(
      stale.json<{ error: { details: { currentVersion: number } } }>().error.details.currentVersion,
    ).toBe(2);
    // the code is fixed once made
    expect(
      (await officer.client.patch(`/api/impact-indicators/${row.id}`, { version: 2, code: 'TST-99' }))
        .statusCode,
    ).toBe(400);
    const bad = await officer.client.patch(`/api/impact-indicators/${row.id}`, {
      version: 2,
      irisMetricId: 'IRIS',
    });
    expect(bad.statusCode).toBe(400);
    expect(issuesOf(bad.body)[0]?.field).toBe('body.irisMetricId');

    const off = await admin.client.patch(`/api/impact-indicators/${row.id}`, { version: 2, isActive: false });
    expect(off.statusCode).toBe(200);
    const codes = async (query: string) =>
      (await applicant.client.get(`/api/impact-indicators?q=TST-11${query}`))
        .json<ImpactIndicatorList>()
        .data.map((i) => i.code);
    expect(await codes('')).toEqual([]);
    expect(await codes('&active=false')).toEqual(['TST-11']);
    expect(await codes('&active=all')).toEqual(['TST-11']);
    const on = await officer.client.patch(`/api/impact-indicators/${row.id}`, { version: 3, isActive: true });
    expect(on.json<{ data: ImpactIndicator }>().data).toMatchObject({ isActive: true, version: 4 });
    expect(await codes('')).toEqual(['TST-11']);

    const audit = await admin.client.get(`/api/audit-events?entityType=impact_indicator&entityId=${row.id}`);
    expect(audit.statusCode, audit.body).toBe(200);
    const actions = audit.json<{ data: Array<{ action: string; changes: Record<string, unknown> }> }>().data;
    expect(actions.map((a) => a.action).sort()).toEqual([
      'impact_indicator.created',
      'impact_indicator.updated',
      'impact_indicator.updated',
      'impact_indicator.updated',
    ]);
    expect(actions.some((a) => 'isActive' in a.changes)).toBe(true);
  });
});

describe('financial proxies', () => {
  it('GET list: session required; search, theme filter, sort', async () => {
    expect((await anonymous.get('/api/financial-proxies')).statusCode).toBe(401);
    const codes = async (query: string) => {
      const response = await applicant.client.get(`/api/financial-proxies?${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json<FinancialProxyList>().data.map((p) => p.code);
    };
    expect(await codes(`q=${encodeURIComponent('ค่าจ้างขั้นต่ำ')}`)).toContain('FP-WAGE-DAY');
    expect(await codes('q=carbon')).toEqual(['FP-CARBON-TCO2E']);
    const env = await codes('theme=environment&sort=-code');
    expect(env).toContain('FP-WASTE-KG');
    expect(env).toEqual([...env].sort().reverse());
    expect((await applicant.client.get('/api/financial-proxies?theme=space')).statusCode).toBe(400);
  });

  it('POST: officers add; 401/403; 400 naming the field; 409 on a taken code', async () => {
    expect((await anonymous.post('/api/financial-proxies', PROXY)).statusCode).toBe(401);
    expect((await applicant.client.post('/api/financial-proxies', PROXY)).statusCode).toBe(403);
    const created = await officer.client.post('/api/financial-proxies', PROXY);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json<{ data: FinancialProxy }>().data).toMatchObject({
      code: 'FP-TEST-MEAL',
      valueSatang: 2_500,
      currency: 'THB',
      priceYear: 2025,
      version: 1,
    });
    const taken = await officer.client.post('/api/financial-proxies', { ...PROXY, code: 'fp-test-meal' });
    expect(taken.statusCode).toBe(409);
    expect(issuesOf(taken.body)[0]?.field).toBe('body.code');

    const fraction = await officer.client.post('/api/financial-proxies', {
      ...PROXY,
      code: 'FP-TEST-2',
      valueSatang: 12.5,
    });
    expect(fraction.statusCode).toBe(400);
    expect(issuesOf(fraction.body)[0]?.field).toBe('body.valueSatang');
    const url = await officer.client.post('/api/financial-proxies', {
      ...PROXY,
      code: 'FP-TEST-2',
      sourceUrl: 'javascript:alert(1)',
    });
    expect(url.statusCode).toBe(400);
    expect(issuesOf(url.body)[0]?.field).toBe('body.sourceUrl');
    const currency = await officer.client.post('/api/financial-proxies', {
      ...PROXY,
      code: 'FP-TEST-2',
      currency: 'baht',
    });
    expect(currency.statusCode).toBe(400);
    expect(issuesOf(currency.body)[0]?.messageEn).toContain('currency (currency)');
    const year = await officer.client.post('/api/financial-proxies', {
      ...PROXY,
      code: 'FP-TEST-2',
      priceYear: 2568 + 543,
    });
    expect(year.statusCode).toBe(400);
    const noSource = await officer.client.post('/api/financial-proxies', {
      ...PROXY,
      code: 'FP-TEST-2',
      sourceUrl: '',
    });
    expect(noSource.statusCode, noSource.body).toBe(201);
  });

  it('GET/PATCH one: version checked, deactivation hides it from the default list', async () => {
    const created = (
      await officer.client.post('/api/financial-proxies', { ...PROXY, code: 'FP-TEST-3' })
    ).json<{
      data: FinancialProxy;
    }>().data;
    expect((await anonymous.get(`/api/financial-proxies/${created.id}`)).statusCode).toBe(401);
    expect((await applicant.client.get(`/api/financial-proxies/${created.id}`)).statusCode).toBe(200);
    expect((await applicant.client.get(`/api/financial-proxies/${crypto.randomUUID()}`)).statusCode).toBe(
      404,
    );
    expect(
      (await applicant.client.patch(`/api/financial-proxies/${created.id}`, { version: 1, valueSatang: 1 }))
        .statusCode,
    ).toBe(403);
    const changed = await officer.client.patch(`/api/financial-proxies/${created.id}`, {
      version: 1,
      valueSatang: 3_000,
      priceYear: 2026,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<{ data: FinancialProxy }>().data).toMatchObject({
      valueSatang: 3_000,
      priceYear: 2026,
      version: 2,
    });
    expect(
      (await officer.client.patch(`/api/financial-proxies/${created.id}`, { version: 1, valueSatang: 1 }))
        .statusCode,
    ).toBe(409);
    expect(
      (await officer.client.patch(`/api/financial-proxies/${created.id}`, { version: 2, valueSatang: -5 }))
        .statusCode,
    ).toBe(400);
    const off = await officer.client.patch(`/api/financial-proxies/${created.id}`, {
      version: 2,
      isActive: false,
    });
    expect(off.statusCode).toBe(200);
    const active = (
      await applicant.client.get('/api/financial-proxies?q=FP-TEST-3')
    ).json<FinancialProxyList>();
    expect(active.data).toEqual([]);
    const all = (
      await applicant.client.get('/api/financial-proxies?q=FP-TEST-3&active=all')
    ).json<FinancialProxyList>();
    expect(all.data.map((p) => p.isActive)).toEqual([false]);
  });
});
