import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import SwaggerParser from '@apidevtools/swagger-parser';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { createTestDatabase, currentEngine } from '@tests/setup/test-db';
import { makeTempDir } from '@tests/helpers/temp';
import { readMigrationJournal } from '@server/db/migrate';
import { buildApp } from '@server/app';
import { parseEnv } from '@server/env';
import { neverListening, type DatabaseHandle } from '@server/db/client';
import * as schema from '@server/db/schema/index';

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
});

/** An app on `database` whose JSON log lines are kept in `lines`; workers poll rarely so tests control the queues. */
async function loggedApp(database: DatabaseHandle, env: Record<string, string> = {}) {
  const lines: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      callback();
    },
  });
  const app = await buildApp({
    database,
    env: parseEnv({
      NODE_ENV: 'test',
      WEB_DIST_DIR: '.tmp/no-web',
      RATE_LIMIT_FACTOR: '1000',
      OUTBOX_POLL_MS: '600000',
      REMINDER_POLL_MS: '86400000',
      DATA_DIR: web.dir,
      ...env,
    }),
    logger: { level: 'info', stream },
  });
  await app.ready();
  return { app, lines };
}

describe('liveness and readiness', () => {
  it('live answers without the database; ready answers 200 when the database is migrated', async () => {
    const live = await ctx.app.inject('/api/health/live');
    expect(live.statusCode).toBe(200);
    expect(live.json()).toMatchObject({ status: 'ok' });
    expect(live.headers['cache-control']).toBe('no-store');
    const ready = await ctx.app.inject('/api/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok' } });
  });

  it('ready answers 503 while a migration of this version is missing', async () => {
    const database = await createTestDatabase(currentEngine());
    const app = await buildApp({
      database,
      env: parseEnv({ NODE_ENV: 'test', WEB_DIST_DIR: '.tmp/no-web', DATA_DIR: web.dir }),
      logger: false,
    });
    try {
      const newest = readMigrationJournal('db/migrations').at(-1)?.when;
      await database.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = ${newest}`);
      const ready = await app.inject('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        status: 'not_ready',
        checks: { database: 'ok', migrations: 'pending' },
        pendingMigrations: 1,
      });
      expect((await app.inject('/api/health/live')).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.destroy();
    }
  });

  it('ready answers 503 once the database is gone; live still answers', async () => {
    const database = await createTestDatabase(currentEngine());
    const app = await buildApp({
      database,
      env: parseEnv({ NODE_ENV: 'test', WEB_DIST_DIR: '.tmp/no-web', DATA_DIR: web.dir }),
      logger: false,
    });
    try {
      await app.jobs.idle();
      await database.destroy();
      const ready = await app.inject('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toEqual({
        status: 'not_ready',
        checks: { database: 'unreachable', migrations: 'unknown' },
      });
      expect((await app.inject('/api/health/live')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('ready answers 503 when the PostgreSQL server does not answer, and workers log with their own ids', async () => {
    const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/nowhere', max: 2 });
    pool.on('error', () => undefined);
    const unreachable: DatabaseHandle = {
      db: drizzle({ client: pool, schema, casing: 'snake_case' }),
      engine: 'postgres',
      withAdvisoryLock: (_key, fn) => fn(),
      listen: neverListening,
      close: () => pool.end(),
    };
    const { app, lines } = await loggedApp(unreachable);
    try {
      const ready = await app.inject('/api/health/ready');
      expect(ready.statusCode).toBe(503);
      expect(ready.json<{ checks: { database: string } }>().checks.database).toBe('unreachable');
      for (let i = 0; i < 100 && !lines.some((l) => l.worker === 'outbox'); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const workerLines = lines.filter((l) => typeof l.worker === 'string');
      expect(workerLines.map((l) => l.worker)).toContain('outbox');
      for (const line of workerLines) {
        expect(line.workerId).toMatch(new RegExp(`^${String(line.worker)}-[0-9a-f-]{36}$`));
      }
      const outboxIds = new Set(workerLines.filter((l) => l.worker === 'outbox').map((l) => l.workerId));
      expect(outboxIds.size).toBe(1);
    } finally {
      await app.close();
      await pool.end();
    }
  });
});

describe('request ids in logs', () => {
  it('every log line of a request carries its id: the one a proxy gave when it is safe, else a new one', async () => {
    const database = await createTestDatabase(currentEngine());
    const { app, lines } = await loggedApp(database);
    try {
      await app.inject({ url: '/api/no-such-thing', headers: { 'x-request-id': 'edge-7f3a.1' } });
      await app.inject({ url: '/api/health', headers: { 'x-request-id': 'bad id {"forged":1}' } });
      const ofRequests = lines.filter((l) => 'req' in l || 'res' in l || /^request /.test(String(l.msg)));
      expect(ofRequests.length).toBeGreaterThanOrEqual(5);
      for (const line of ofRequests) {
        expect(typeof line.reqId, JSON.stringify(line)).toBe('string');
      }
      const given = ofRequests.filter((l) => l.reqId === 'edge-7f3a.1').map((l) => l.msg);
      expect(given).toEqual(['incoming request', 'request rejected', 'request completed']);
      const replaced = ofRequests.filter((l) => l.reqId !== 'edge-7f3a.1');
      expect(replaced.every((l) => /^[0-9a-f-]{36}$/.test(String(l.reqId)))).toBe(true);
    } finally {
      await app.close();
      await database.destroy();
    }
  });
});

describe('GET /api/metrics', () => {
  let metrics: { app: FastifyInstance; database: Awaited<ReturnType<typeof createTestDatabase>> };

  beforeAll(async () => {
    const database = await createTestDatabase(currentEngine());
    const { app } = await loggedApp(database, { LOG_LEVEL: 'silent' });
    metrics = { app, database };
  });
  afterAll(async () => {
    await metrics.app.close();
    await metrics.database.destroy();
  });

  it('serves Prometheus text to a direct loopback request: process, HTTP by route pattern, queues', async () => {
    const { app, database } = metrics;
    await app.jobs.idle();
    await database.db.execute(sql`INSERT INTO jobs (kind) VALUES ('policy-report'), ('policy-report')`);
    await database.db.execute(
      sql`INSERT INTO email_outbox (to_address, subject, text_body, html_body, template, available_at)
          VALUES ('someone@example.org', 's', 't', 'h', 'test', now() + interval '1 day')`,
    );
    await app.inject('/api/health');
    await app.inject('/api/programmes/some-slug-that-is-not-there');
    await app.inject('/api/no-such-thing/8a1f0c52-0000-4000-8000-000000000000');

    const response = await app.inject('/api/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.headers['cache-control']).toBe('no-store');
    const text = response.body;
    expect(text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toMatch(
      /http_request_duration_seconds_count\{method="GET",route="\/api\/health",status_code="200"\} [1-9]/,
    );
    expect(text).toMatch(/route="\/api\/programmes\/:slug",status_code="404"/);
    expect(text).toMatch(/route="unmatched",status_code="404"/);
    expect(text).not.toContain('some-slug-that-is-not-there');
    expect(text).not.toContain('8a1f0c52');
    expect(text).toContain('si_database_up 1');
    expect(text).toContain('si_jobs{status="queued"} 2');
    expect(text).toContain('si_jobs{status="running"} 0');
    expect(text).toContain('si_email_outbox{status="pending"} 1');
    expect(text).not.toContain('someone@example.org');
  });

  it('refuses other machines and requests through a proxy when no token is set', async () => {
    const remote = await metrics.app.inject({ url: '/api/metrics', remoteAddress: '203.0.113.5' });
    expect(remote.statusCode).toBe(403);
    expect(remote.json<{ error: { code: string } }>().error.code).toBe('FORBIDDEN');
    const proxied = await metrics.app.inject({
      url: '/api/metrics',
      headers: { 'x-forwarded-for': '198.51.100.7' },
    });
    expect(proxied.statusCode).toBe(403);
  });

  it('with METRICS_TOKEN, answers a bearer of the token from anywhere and nobody else', async () => {
    const token = 'scrape-token-0123456789abcdef';
    const { app } = await loggedApp(metrics.database, { LOG_LEVEL: 'silent', METRICS_TOKEN: token });
    try {
      const from = { remoteAddress: '203.0.113.5' };
      expect((await app.inject({ url: '/api/metrics', ...from })).statusCode).toBe(401);
      const wrong = await app.inject({
        url: '/api/metrics',
        ...from,
        headers: { authorization: 'Bearer scrape-token-0123456789abcdeX' },
      });
      expect(wrong.statusCode).toBe(401);
      // not even from loopback without the token
      expect((await app.inject('/api/metrics')).statusCode).toBe(401);
      const right = await app.inject({
        url: '/api/metrics',
        ...from,
        headers: { authorization: `Bearer ${token}` },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('http_request_duration_seconds_bucket');
    } finally {
      await app.close();
    }
  });

  it('is kept out of robots and the sitemap', async () => {
    const robots = await metrics.app.inject('/robots.txt');
    expect(robots.body).toContain('Disallow: /api/');
    const sitemap = await metrics.app.inject('/sitemap.xml');
    expect(sitemap.body).not.toContain('/api/metrics');
  });
});
