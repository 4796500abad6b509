import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '@server/app';
import { parseEnv } from '@server/env';
import { ensureAccount, PRIVACY_NOTICE_V1 } from '@server/modules/accounts/accounts.service';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, loadDemoContent } from '@server/db/demo-seed';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
});
afterAll(async () => {
  await ctx.close();
});

const SAMPLE_PARAMS: Record<string, string> = {
  ':id': '00000000-0000-4000-8000-000000000000',
  ':code': '10',
  ':slug': 'sectoral',
};

function concrete(url: string): string {
  return url.replace(/:[a-zA-Z]+/g, (param) => SAMPLE_PARAMS[param] ?? 'x');
}

function apiRoutes() {
  return ctx.app.routeCatalogue.filter(
    (r) =>
      r.url.startsWith('/api/') &&
      !r.url.startsWith('/api/docs') &&
      r.method !== 'HEAD' &&
      r.url !== '/api/openapi.json',
  );
}

describe('route guards', () => {
  it('every API route is declared public or guarded', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const unguarded = routes.filter((r) => !r.public && r.auth === null);
    expect(unguarded).toEqual([]);
  });

  it('every guarded route answers 401 to an anonymous request', async () => {
    const guarded = apiRoutes().filter((r) => !r.public);
    expect(guarded.length).toBeGreaterThan(10);
    for (const route of guarded) {
      const response = await ctx.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
      });
      expect([route.method, route.url, response.statusCode]).toEqual([route.method, route.url, 401]);
    }
  });

  it('administrator routes answer 403 to a signed-in person without the role, and 200 to an administrator', async () => {
    const password = 'correct horse battery';
    await ensureAccount(ctx.database.db, {
      email: 'member@example.org',
      name: 'Member',
      password,
      role: null,
    });
    await ensureAccount(ctx.database.db, {
      email: 'boss@example.org',
      name: 'Boss',
      password,
      role: 'administrator',
    });
    const member = new TestClient(ctx.app);
    await member.signIn('member@example.org', password);
    const admin = new TestClient(ctx.app);
    await admin.signIn('boss@example.org', password);
    for (const url of ['/api/audit-events', '/api/dev/mail']) {
      expect([url, (await member.get(url)).statusCode]).toEqual([url, 403]);
      expect([url, (await admin.get(url)).statusCode]).toEqual([url, 200]);
    }
  });
});

describe('rate limits kept in the database', () => {
  it('hold across two app instances on one database', async () => {
    const env = parseEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_FACTOR: '1',
      WEB_DIST_DIR: '.tmp/no-web',
    });
    const first = await buildApp({ database: ctx.database, env, logger: false });
    const second = await buildApp({ database: ctx.database, env, logger: false });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) {
        const app = i % 2 === 0 ? first : second;
        const response = await app.inject({
          method: 'POST',
          url: '/api/auth/register',
          remoteAddress: '203.0.113.9',
          payload: {
            email: `burst${i}@example.org`,
            password: 'correct horse battery',
            name: 'Burst',
            acceptPrivacyNotice: true,
            privacyNoticeVersion: PRIVACY_NOTICE_V1.version,
          },
        });
        statuses.push(response.statusCode);
      }
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      expect(statuses.slice(10)).toEqual([429, 429]);
    } finally {
      await first.close();
      await second.close();
    }
  });
});

describe('demo accounts', () => {
  it('gives one account per role, each able to sign in with the documented password', async () => {
    await loadDemoContent(ctx.database.db, { seedDir: 'db/seed' });
    for (const account of DEMO_ACCOUNTS) {
      const client = new TestClient(ctx.app);
      expect((await client.signIn(account.email, DEMO_PASSWORD)).statusCode).toBe(200);
      const me = (await client.refreshMe()).json<{
        data: { roles: string[]; drivingUnitId: string | null };
      }>().data;
      expect(me.roles).toEqual(account.role ? [account.role] : []);
      expect(me.drivingUnitId !== null).toBe(account.role === 'driving_unit_staff');
    }
  });
});

describe('rate limits per route', () => {
  it('count each route on its own: browsing does not use up the sign-in allowance', async () => {
    const env = parseEnv({
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      RATE_LIMIT_FACTOR: '1',
      WEB_DIST_DIR: '.tmp/no-web',
    });
    const app = await buildApp({ database: ctx.database, env, logger: false });
    try {
      for (let i = 0; i < 8; i += 1) {
        await app.inject({
          method: 'POST',
          url: '/api/auth/password/forgot',
          remoteAddress: '198.51.100.7',
          payload: { email: `x${i}@example.org` },
        });
      }
      const forgot = await app.inject({
        method: 'POST',
        url: '/api/auth/password/forgot',
        remoteAddress: '198.51.100.7',
        payload: { email: 'y@example.org' },
      });
      expect(forgot.statusCode).toBe(429);
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '198.51.100.7',
        payload: { email: 'y@example.org', password: 'whatever-it-is' },
      });
      expect(login.statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
