import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { currentEngine } from '@tests/setup/test-db';
import { makeTempDir } from '@tests/helpers/temp';
import { readMigrationJournal } from '@server/db/migrate';

let ctx: TestContext;
const web = makeTempDir('si-web-');

beforeAll(async () => {
  mkdirSync(path.join(web.dir, 'assets'), { recursive: true });
  writeFileSync(
    path.join(web.dir, 'index.html'),
    '<!doctype html><html lang="th"><body><div id="root"></div></body></html>',
  );
  writeFileSync(path.join(web.dir, 'assets', 'app-abc123.js'), 'console.log("app")');
  ctx = await createTestApp({ WEB_DIST_DIR: web.dir });
});
afterAll(async () => {
  await ctx.close();
  web.cleanup();
});

describe('GET /api/health', () => {
  it('reports the engine, the newest migration and the version', async () => {
    const response = await ctx.app.inject('/api/health');
    expect(response.statusCode).toBe(200);
    const journal = readMigrationJournal('db/migrations');
    expect(response.json()).toMatchObject({
      status: 'ok',
      version: '0.1.0',
      database: { engine: currentEngine(), migration: journal.at(-1)?.tag },
    });
  });
});

describe('OpenAPI', () => {
  it('serves a document that a standard OpenAPI validator accepts, listing every API route', async () => {
    const response = await ctx.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(document.openapi).toMatch(/^3\./);
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeTruthy();
    for (const route of [
      '/api/health',
      '/api/geo/provinces',
      '/api/geo/provinces/{code}/districts',
      '/api/geo/districts/{code}/subdistricts',
      '/api/indicators/{code}/values',
      '/api/programmes',
      '/api/geo/boundaries',
    ]) {
      expect(Object.keys(document.paths)).toContain(route);
    }
  });

  it('serves the docs page', async () => {
    const response = await ctx.app.inject('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('errors', () => {
  it('answers unknown /api routes with the JSON error shape, in Thai by default', async () => {
    const response = await ctx.app.inject('/api/no-such-thing');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: 'ไม่พบปลายทาง API GET /api/no-such-thing' },
    });
  });

  it('follows the lang cookie before Accept-Language', async () => {
    const response = await ctx.app.inject({
      url: '/api/no-such-thing',
      headers: { 'accept-language': 'th', cookie: 'lang=en' },
    });
    expect(response.json<{ error: { message: string } }>().error.message).toBe(
      'No API endpoint GET /api/no-such-thing',
    );
  });

  it('names each invalid field with Thai and English messages', async () => {
    const response = await ctx.app.inject('/api/indicators/poverty_headcount_ratio/values?year=abc&extra=1');
    expect(response.statusCode).toBe(400);
    const body = response.json<{
      error: {
        code: string;
        details: { issues: Array<{ field: string; message: string; messageEn: string }> };
      };
    }>();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    const fields = body.error.details.issues.map((i) => i.field);
    expect(fields).toContain('query.year');
    expect(fields).toContain('query');
    const year = body.error.details.issues.find((i) => i.field === 'query.year');
    expect(year?.message).toMatch(/[\u0E00-\u0E7F]/);
    expect(year?.messageEn).toMatch(/expected number/);
  });

  it('echoes a safe request id and makes one up otherwise', async () => {
    const given = await ctx.app.inject({ url: '/api/health', headers: { 'x-request-id': 'abc-123' } });
    expect(given.headers['x-request-id']).toBe('abc-123');
    const hostile = await ctx.app.inject({ url: '/api/health', headers: { 'x-request-id': '<script>' } });
    expect(hostile.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('web and headers', () => {
  it('serves the SPA for client routes and deep links', async () => {
    for (const url of ['/', '/provinces/58', '/map?indicator=x']) {
      const response = await ctx.app.inject(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const response = await ctx.app.inject('/assets/app-abc123.js');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('compresses large responses for clients that accept it', async () => {
    const response = await ctx.app.inject({
      url: '/api/geo/provinces',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('gzip');
  });

  it('sends security headers and a same-origin CSP on pages and API responses', async () => {
    for (const url of ['/', '/api/health', '/api/nope']) {
      const response = await ctx.app.inject(url);
      const csp = String(response.headers['content-security-policy']);
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    }
  });
});
