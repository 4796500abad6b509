import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { makeTempDir } from '@tests/helpers/temp';
import { findCatalogues, readRoutePreloads, withCatalogue, withRoutePreloads } from './web';

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

  it("does not serve the build's own records", async () => {
    const response = await ctx.app.inject('/.vite/route-preloads.json');
    expect(response.headers['content-type']).not.toContain('json');
    expect(response.body).not.toContain('catalogue-page-1.js');
  });
});
