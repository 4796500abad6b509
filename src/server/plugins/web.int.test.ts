import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { makeTempDir } from '@tests/helpers/temp';
import { corpusRow } from '@tests/factories/catalogue';
import { innovations } from '@server/db/schema/index';
import { INNOVATION_CORPUS } from '@server/modules/innovations/innovations.corpus';
import type { CatalogueList } from '@shared/contracts/innovation-catalogue';
import { pageDataKey } from '@shared/contracts/page-data';
import { findCatalogues, readRoutePreloads, withCatalogue, withPageData, withRoutePreloads } from './web';

const HOSTILE_TITLE = '</script><script>alert(1)</script><!-- \u2028';

/** The JSON of the page-data element of an HTML page, or null when it has none. */
function pageDataOf(html: string): Record<string, unknown> | null {
  const found = /<script type="application\/json" id="page-data">([^<]*)<\/script>/.exec(html);
  return found?.[1] ? (JSON.parse(found[1]) as Record<string, unknown>) : null;
}

// A build as scripts/vite-i18n-catalogues.ts, vite-route-preloads.ts and vite-precompress.ts leave it.
const web = makeTempDir('si-web-build-');
const THAI = '/assets/i18n-th-0123456789.json';
const ENGLISH = '/assets/i18n-en-abcdef0123.json';
const SCRIPT = `console.log(${JSON.stringify('x'.repeat(4000))});`;

function writeBuild(dir: string): void {
  mkdirSync(path.join(dir, 'assets'), { recursive: true });
  mkdirSync(path.join(dir, '.vite'), { recursive: true });
  writeFileSync(
    path.join(dir, 'index.html'),
    `<!doctype html><html lang="th"><head><title>SI</title><link rel="preload" as="fetch" crossorigin="anonymous" href="${THAI}"></head><body><div id="root"></div></body></html>`,
  );
  writeFileSync(path.join(dir, THAI), '{"app":{"name":"SI Platform"}}');
  writeFileSync(path.join(dir, ENGLISH), '{"app":{"name":"SI Platform"}}');
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), SCRIPT);
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(SCRIPT));
  writeFileSync(
    path.join(dir, '.vite', 'route-preloads.json'),
    JSON.stringify({
      entry: { js: ['/assets/app-abc123.js'], css: [] },
      routes: {
        '/innovations': {
          js: ['/assets/catalogue-page-1.js', '/assets/schemas-2.js'],
          css: ['/assets/catalogue-3.css'],
        },
        '/needs/:id': { js: ['/assets/need-page-4.js'], css: [] },
        '/needs/new': { js: ['/assets/need-new-page-5.js'], css: [] },
        '/bad': { js: ['"><script>alert(1)</script>'], css: [] },
      },
    }),
  );
}

describe('the HTML of the SPA', () => {
  it('preloads the catalogue of the language the SPA will start in: the lang cookie, else Thai', () => {
    const dir = makeTempDir('si-web-unit-');
    try {
      writeBuild(dir.dir);
      const catalogues = findCatalogues(dir.dir);
      expect(catalogues).toEqual({ th: THAI, en: ENGLISH });
      const html = `<link rel="preload" as="fetch" href="${THAI}">`;
      expect(withCatalogue(html, catalogues, 'th')).toBe(html);
      expect(withCatalogue(html, catalogues, 'en')).toBe(`<link rel="preload" as="fetch" href="${ENGLISH}">`);
      expect(withCatalogue(html, {}, 'en')).toBe(html);
    } finally {
      dir.cleanup();
    }
  });

  it("lists a public route's chunks, a static segment winning over a parameter, and skips odd file names", () => {
    const dir = makeTempDir('si-web-unit-');
    try {
      writeBuild(dir.dir);
      const preloads = readRoutePreloads(dir.dir);
      const head = '<html><head></head><body></body></html>';
      const catalogue = withRoutePreloads(head, preloads, '/innovations');
      expect(catalogue).toContain(
        '<link rel="modulepreload" crossorigin href="/assets/catalogue-page-1.js">',
      );
      expect(catalogue).toContain('<link rel="modulepreload" crossorigin href="/assets/schemas-2.js">');
      expect(catalogue).toContain('<link rel="stylesheet" crossorigin href="/assets/catalogue-3.css">');
      expect(withRoutePreloads(head, preloads, '/innovations/')).toContain('catalogue-page-1.js');
      expect(withRoutePreloads(head, preloads, '/needs/new')).toContain('need-new-page-5.js');
      expect(withRoutePreloads(head, preloads, '/needs/new')).not.toContain('need-page-4.js');
      expect(withRoutePreloads(head, preloads, '/needs/42')).toContain('need-page-4.js');
      expect(withRoutePreloads(head, preloads, '/needs/42/edit')).toBe(head);
      expect(withRoutePreloads(head, preloads, '/')).toBe(head);
      expect(withRoutePreloads(head, preloads, '/bad')).toBe(head);
      expect(readRoutePreloads(path.join(dir.dir, 'nowhere'))).toEqual([]);
    } finally {
      dir.cleanup();
    }
  });
});

describe('the page data in the HTML', () => {
  it('escapes every < so that no text closes the element, and adds nothing without answers', () => {
    const html = '<html><head></head><body></body></html>';
    expect(withPageData(html, {})).toBe(html);
    const page = withPageData(html, { '/api/x': { title: HOSTILE_TITLE } });
    expect(page.match(/<\/script>/g)).toHaveLength(1);
    expect(page).not.toContain('<!--');
    expect(pageDataOf(page)).toEqual({ '/api/x': { title: HOSTILE_TITLE } });
  });

  it('keys an address by its sorted parameters', () => {
    expect(pageDataKey('/api/innovations?theme=a&limit=24')).toBe('/api/innovations?limit=24&theme=a');
    expect(pageDataKey('/api/programmes')).toBe('/api/programmes');
    expect(pageDataKey('/api/programmes?')).toBe('/api/programmes');
  });
});

describe('serving the build', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    writeBuild(web.dir);
    ctx = await createTestApp({ WEB_DIST_DIR: web.dir });
  });
  afterAll(async () => {
    await ctx.close();
    web.cleanup();
  });

  it('sends the Thai catalogue preload by default and the English one to a visitor whose lang cookie says so', async () => {
    const thai = await ctx.app.inject({ url: '/innovations', headers: { 'accept-language': 'en' } });
    expect(thai.statusCode).toBe(200);
    expect(thai.body).toContain(THAI);
    expect(thai.body).toContain('catalogue-page-1.js');
    expect(String(thai.headers.vary)).toContain('cookie');
    const english = await ctx.app.inject({ url: '/innovations', headers: { cookie: 'lang=en' } });
    expect(english.body).toContain(ENGLISH);
    expect(english.body).not.toContain(THAI);
  });

  it("sends a hashed asset's Brotli copy to a browser that accepts it, cached for a year", async () => {
    const compressed = await ctx.app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'br' },
    });
    expect(compressed.statusCode).toBe(200);
    expect(compressed.headers['content-encoding']).toBe('br');
    expect(compressed.headers['cache-control']).toContain('immutable');
    expect(compressed.headers['content-type']).toContain('javascript');
    expect(brotliDecompressSync(compressed.rawPayload).toString()).toBe(SCRIPT);
    const plain = await ctx.app.inject({
      url: '/assets/app-abc123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it("puts the catalogue's first page for the address's filters and the programmes in the catalogue's HTML", async () => {
    const entry = INNOVATION_CORPUS[0];
    if (!entry) {
      throw new Error('the corpus is empty');
    }
    await ctx.database.db
      .insert(innovations)
      .values(corpusRow(entry, { titleTh: HOSTILE_TITLE, titleEn: HOSTILE_TITLE, themes: ['environment'] }));
    const page = await ctx.app.inject({ url: '/innovations' });
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<\/script>/g)).toHaveLength(1);
    expect(String(page.headers.vary)).toContain('accept-language');
    const data = pageDataOf(page.body);
    const list = data?.['/api/innovations?limit=24'] as CatalogueList | undefined;
    expect(list?.data.map((item) => item.titleTh)).toEqual([HOSTILE_TITLE]);
    const api = await ctx.app.inject({ url: '/api/innovations?limit=24' });
    expect(list).toEqual(api.json());
    expect(data).toHaveProperty(['/api/programmes']);

    const filtered = pageDataOf(
      (await ctx.app.inject({ url: '/innovations?theme=food_water_energy&sort=newest&x=1' })).body,
    );
    expect(filtered).toHaveProperty([
      pageDataKey('/api/innovations?theme=food_water_energy&sort=newest&limit=24'),
    ]);
    expect(
      (
        filtered?.[
          pageDataKey('/api/innovations?theme=food_water_energy&sort=newest&limit=24')
        ] as CatalogueList
      ).data,
    ).toEqual([]);
    // A filter the API refuses: no answer in the page, which asks the API itself.
    const refused = pageDataOf((await ctx.app.inject({ url: '/innovations?sdg=99' })).body);
    expect(refused).not.toHaveProperty([pageDataKey('/api/innovations?sdg=99&limit=24')]);
    expect(pageDataOf((await ctx.app.inject({ url: '/calls' })).body)).toBeNull();
  });

  it("puts the home page's figures and reference lists in its HTML, as the API answers them", async () => {
    const data = pageDataOf((await ctx.app.inject({ url: '/' })).body);
    for (const address of [
      '/api/public/figures',
      '/api/programmes',
      '/api/reference/flagship-objectives',
      '/api/reference/province-groups/poverty_target',
      '/api/reference/themes',
    ]) {
      const api = await ctx.app.inject({ url: address });
      // An address that does not answer 200 stays out: the page asks for it itself.
      expect(data?.[address], address).toEqual(api.statusCode === 200 ? api.json() : undefined);
    }
    expect(data?.['/api/public/figures']).toBeDefined();
    expect(data).toHaveProperty(['/api/health']);
  });

  it("does not serve the build's own records", async () => {
    const response = await ctx.app.inject('/.vite/route-preloads.json');
    expect(response.headers['content-type']).not.toContain('json');
    expect(response.body).not.toContain('catalogue-page-1.js');
  });
});
