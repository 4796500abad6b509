import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { adoptions, projects } from '@server/db/schema/index';
import { TestClient } from '@tests/helpers/client';
import { createTestApp, TEST_NOW, type TestContext } from '@tests/setup/test-app';
import { createOpenCall } from '@tests/factories/calls';
import { insertInnovation, loadTestAreas } from '@tests/factories/diffusion';
import { signedIn, type Person } from '@tests/factories/people';
import { awardedProject } from '@tests/factories/projects';
import type { PublicFigures } from '@shared/contracts/public-site';
import { countPublicFigures } from './public-site.service';

let ctx: TestContext;
let officer: Person;
let anonymous: TestClient;

beforeAll(async () => {
  const web = mkdtempSync(join(tmpdir(), 'si-public-site-web-'));
  copyFileSync('src/web/index.html', join(web, 'index.html'));
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0', WEB_DIST_DIR: web, PUBLIC_URL: 'https://si.test' });
  officer = await signedIn(ctx, 'officer@public-site.test', 'programme_officer');
  anonymous = new TestClient(ctx.app);
  await loadTestAreas(ctx);
});
afterAll(async () => {
  await ctx.close();
});

async function insertAdoption(
  innovationId: string,
  provinceCode: number,
  status: 'interested' | 'adopted' | 'sustained' | 'discontinued',
  beneficiaries: number,
  adoptedOn: string | null,
) {
  await ctx.database.db.insert(adoptions).values({
    innovationId,
    provinceCode,
    adopterName: 'เทศบาลตำบลทดสอบ',
    adopterType: 'local_government',
    status,
    statusOn: '2026-10-01',
    interestedOn: '2026-06-01',
    adoptedOn,
    discontinuedReason: status === 'discontinued' ? 'ย้ายงบประมาณ' : '',
    beneficiaries: beneficiaries > 0 ? [{ group: 'farmers', count: beneficiaries }] : [],
  });
}

function figuresOf(response: { json: <T>() => T }): PublicFigures {
  return response.json<{ data: PublicFigures }>().data;
}

describe('GET /api/public/figures', () => {
  it('counts public records only, live at the first request, then cached briefly', async () => {
    const now = new Date(TEST_NOW);
    const before = await countPublicFigures(ctx.database.db, now);

    // One call open now, one not yet open, one draft: only the first is an open call.
    await createOpenCall(officer.client);
    await createOpenCall(officer.client, {
      call: { opensAt: '2027-03-01T00:00:00+07:00', closesAt: '2027-04-30T23:59:59+07:00' },
    });
    await createOpenCall(officer.client, { publish: false });
    // A funded project in two provinces (its own call is open too).
    const funded = await awardedProject(ctx, { officer });
    await ctx.database.db
      .update(projects)
      .set({ provinceCodes: [58, 96] })
      .where(eq(projects.id, funded.projectId));
    // A published innovation adopted at three sites (one only interested) in 58 and 57; a draft one adopted in 10.
    const published = await insertInnovation(ctx);
    const draft = await insertInnovation(ctx, { status: 'draft', publishedAt: null });
    await insertAdoption(published, 58, 'adopted', 120, '2026-08-01');
    await insertAdoption(published, 57, 'sustained', 30, '2026-07-01');
    await insertAdoption(published, 57, 'discontinued', 5, '2026-07-15');
    await insertAdoption(published, 57, 'interested', 999, null);
    await insertAdoption(draft, 10, 'adopted', 777, '2026-08-01');

    const response = await anonymous.get('/api/public/figures');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
    const after = figuresOf(response);
    expect(after.programmes).toBe(before.programmes);
    expect(after.programmes).toBeGreaterThanOrEqual(5);
    expect(after.openCalls - before.openCalls).toBe(2);
    expect(after.fundedProjects - before.fundedProjects).toBe(1);
    expect(after.innovations - before.innovations).toBe(1);
    // adopted + sustained now; not the discontinued, the interested or the draft's.
    expect(after.adoptions - before.adoptions).toBe(2);
    // people at sites that reached adopted, a later discontinued one included; not the draft's, not the interested.
    expect(after.beneficiaries - before.beneficiaries).toBe(155);
    // 58 and 96 (project), 57 (adoptions); 10 is only a draft's.
    expect(before.provincesReached).toBe(0);
    expect(after.provincesReached).toBe(3);
    expect(after.countedAt).toBe(now.toISOString());
    // No personal data: the figures are counts and a time.
    expect(Object.keys(after).sort()).toEqual(
      [
        'adoptions',
        'beneficiaries',
        'countedAt',
        'fundedProjects',
        'innovations',
        'openCalls',
        'programmes',
        'provincesReached',
      ].sort(),
    );
    expect(response.body).not.toContain('เทศบาลตำบลทดสอบ');

    // Within the minute the answer is the cached one.
    await insertInnovation(ctx);
    const again = figuresOf(await anonymous.get('/api/public/figures'));
    expect(again).toEqual(after);
  });

  it('is listed in the OpenAPI document as a public route', async () => {
    const doc = (await anonymous.get('/api/openapi.json')).json<{ paths: Record<string, unknown> }>();
    expect(doc.paths['/api/public/figures']).toBeDefined();
    const route = ctx.app.routeCatalogue.find((r) => r.url === '/api/public/figures' && r.method === 'GET');
    expect(route?.public).toBe(true);
  });
});

describe('sitemap.xml and robots.txt', () => {
  it('lists public pages, public calls, published innovations and provinces, and nothing private', async () => {
    const open = await createOpenCall(officer.client, { call: { titleTh: 'รอบเปิด <ทดสอบ> & แผนที่' } });
    const draftCall = await createOpenCall(officer.client, { publish: false });
    const published = await insertInnovation(ctx, { titleTh: 'ผลงานในแผนผังเว็บไซต์' });
    const draft = await insertInnovation(ctx, { status: 'draft', publishedAt: null });

    const response = await anonymous.get('/sitemap.xml');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('application/xml');
    const xml = response.body;
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset')).toBe(true);
    expect(xml.trimEnd().endsWith('</urlset>')).toBe(true);
    for (const path of ['/', '/calls', '/innovations', '/provinces', '/coverage', '/impact', '/open-data']) {
      expect(xml).toContain(`<loc>https://si.test${path}</loc>`);
    }
    for (const path of ['/events', '/network', '/knowledge', '/programmes/city-challenge']) {
      expect(xml).toContain(`<loc>https://si.test${path}</loc>`);
    }
    expect(xml).toMatch(
      new RegExp(`<loc>https://si.test/calls/${open.id}</loc><lastmod>\\d{4}-\\d{2}-\\d{2}</lastmod>`),
    );
    expect(xml).toContain(`<loc>https://si.test/innovations/${published}</loc>`);
    expect(xml).toContain('<loc>https://si.test/provinces/58</loc>');
    expect(xml).toContain('<loc>https://si.test/coverage/96</loc>');
    expect(xml).not.toContain(draftCall.id);
    expect(xml).not.toContain(draft);
    expect(xml).not.toContain('/admin');
    expect(xml).not.toContain('/api/');
    // Every address is one <url> with a <loc>.
    expect(xml.match(/<url>/g)?.length).toBe(xml.match(/<loc>/g)?.length);
    expect(xml.match(/<url>/g)?.length ?? 0).toBeGreaterThan(77 * 2 + 14);
  });

  it('robots.txt allows public pages and the open-data API, disallows the rest of the API and admin', async () => {
    const response = await anonymous.get('/robots.txt');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    const lines = response.body.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain('Allow: /api/open/');
    expect(lines).toContain('Disallow: /api/');
    expect(lines).toContain('Disallow: /admin/');
    expect(lines).toContain('Disallow: /account');
    expect(lines).toContain('Sitemap: https://si.test/sitemap.xml');
    // The open-data rule comes before the broader /api/ rule (for crawlers that take the first match).
    expect(lines.indexOf('Allow: /api/open/')).toBeLessThan(lines.indexOf('Disallow: /api/'));
  });
});

describe('titles, descriptions and Open Graph tags of public pages', () => {
  function head(html: string) {
    return {
      title: /<title>([\s\S]*?)<\/title>/.exec(html)?.[1],
      description: /<meta name="description" content="([^"]*)"/.exec(html)?.[1],
      ogTitle: /<meta property="og:title" content="([^"]*)"/.exec(html)?.[1],
      ogType: /<meta property="og:type" content="([^"]*)"/.exec(html)?.[1],
      ogUrl: /<meta property="og:url" content="([^"]*)"/.exec(html)?.[1],
      canonical: /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1],
      lang: /<html lang="([a-z]+)"/.exec(html)?.[1],
    };
  }

  it.each([
    ['/', 'SI Platform · แพลตฟอร์มนวัตกรรมเพื่อสังคม'],
    ['/calls', 'รอบเปิดรับข้อเสนอ · SI Platform'],
    ['/innovations', 'คลังผลงานนวัตกรรม · SI Platform'],
    ['/provinces', 'ข้อมูลรายจังหวัด · SI Platform'],
    ['/coverage', 'ความครอบคลุมเทียบความต้องการ · SI Platform'],
    ['/impact', 'แดชบอร์ดผลกระทบ · SI Platform'],
    ['/open-data', 'ข้อมูลเปิด · SI Platform'],
    ['/events', 'กิจกรรม · SI Platform'],
    ['/network', 'เครือข่ายพันธมิตร · SI Platform'],
    ['/knowledge', 'คลังความรู้ · SI Platform'],
    ['/programmes/', 'โครงการภายใต้แผนงาน · SI Platform'],
  ])('%s has its own title, description and Open Graph tags (Thai by default)', async (path, title) => {
    const response = await anonymous.get(path);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    const meta = head(response.body);
    expect(meta.title).toBe(title);
    expect(meta.ogTitle).toBe(title);
    expect(meta.ogType).toBe('website');
    expect(meta.description?.length ?? 0).toBeGreaterThan(30);
    const canonical = `https://si.test${path === '/' ? '/' : path.replace(/\/$/, '')}`;
    expect(meta.ogUrl).toBe(canonical);
    expect(meta.canonical).toBe(canonical);
    expect(meta.lang).toBe('th');
    expect(response.body.match(/<title>/g)).toHaveLength(1);
    expect(response.body.match(/name="description"/g)).toHaveLength(1);
  });

  it('speaks the visitor’s language: the lang cookie or Accept-Language', async () => {
    const byCookie = head(
      (await anonymous.request('GET', '/open-data', undefined, { cookie: 'lang=en' })).body,
    );
    expect(byCookie.title).toBe('Open data · SI Platform');
    expect(byCookie.lang).toBe('en');
    const byHeader = head(
      (await anonymous.request('GET', '/', undefined, { 'accept-language': 'en-GB,en;q=0.9' })).body,
    );
    expect(byHeader.title).toBe('SI Platform · Social Innovation Platform');
    expect(byHeader.lang).toBe('en');
  });

  it('describes a public call, a province and its coverage page; escapes what it prints', async () => {
    const call = await createOpenCall(officer.client, {
      call: { titleTh: 'รอบ "พิเศษ" <script>alert(1)</script>', fiscalYear: 2570 },
    });
    const html = (await anonymous.get(`/calls/${call.id}`)).body;
    const meta = head(html);
    expect(meta.title).toBe('รอบ &#34;พิเศษ&#34; &#60;script&#62;alert(1)&#60;/script&#62; · SI Platform');
    expect(html).not.toContain('<script>alert(1)');
    expect(meta.description).toBe('รอบเปิดรับข้อเสนอปีงบประมาณ 2570 ปิดรับ 31 มกราคม 2570');
    expect(meta.ogType).toBe('article');
    expect(meta.ogUrl).toBe(`https://si.test/calls/${call.id}`);

    const english = head(
      (await anonymous.request('GET', `/calls/${call.id}`, undefined, { cookie: 'lang=en' })).body,
    );
    expect(english.description).toBe('Call for proposals, fiscal year 2570 BE, closing 31 January 2027');

    const province = head((await anonymous.get('/provinces/58')).body);
    expect(province.title).toBe('จังหวัดแม่ฮ่องสอน · SI Platform');
    expect(province.description).toContain('แม่ฮ่องสอน');
    const coverage = head(
      (await anonymous.request('GET', '/coverage/58', undefined, { cookie: 'lang=en' })).body,
    );
    expect(coverage.title).toBe('Coverage: Mae Hong Son · SI Platform');
    expect(coverage.ogUrl).toBe('https://si.test/coverage/58');
  });

  it('keeps the innovation page meta, and the generic head for anything not public', async () => {
    const published = await insertInnovation(ctx, {
      titleTh: 'ผลงานเผยแพร่แล้ว',
      titleEn: 'A published entry',
    });
    const innovation = head((await anonymous.get(`/innovations/${published}`)).body);
    expect(innovation.title).toBe('ผลงานเผยแพร่แล้ว (A published entry) · SI Platform');
    expect(innovation.ogType).toBe('article');

    const draftCall = await createOpenCall(officer.client, { publish: false });
    const draft = await insertInnovation(ctx, { status: 'draft', publishedAt: null });
    for (const path of [
      `/calls/${draftCall.id}`,
      `/calls/${crypto.randomUUID()}`,
      `/innovations/${draft}`,
      '/provinces/99',
      '/coverage/00',
      '/admin/calls',
      '/account',
      '/calls/not-a-uuid',
    ]) {
      const response = await anonymous.get(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).not.toContain('og:title');
      expect(head(response.body).title, path).toBe('SI Platform · แพลตฟอร์มนวัตกรรมเพื่อสังคม');
    }
  });
});
