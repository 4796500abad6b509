import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { linkIn, mailText, startSmtpServer } from '@tests/helpers/smtp';
import { PRIVACY_NOTICE_V1, currentTotpCode, ensureAccount } from './accounts.service';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestApp({
    SMTP_URL: smtp.url,
    OUTBOX_POLL_MS: '100',
    PUBLIC_URL: 'http://si.test',
    REQUIRE_2FA_FOR_STAFF: '1',
  });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

const PASSWORD = 'correct horse battery';

function registration(email: string, extra: Record<string, unknown> = {}) {
  return {
    email,
    password: PASSWORD,
    name: 'สมหญิง ใจดี',
    acceptPrivacyNotice: true,
    privacyNoticeVersion: PRIVACY_NOTICE_V1.version,
    ...extra,
  };
}

async function registerAndVerify(client: TestClient, email: string) {
  expect((await client.post('/api/auth/register', registration(email))).statusCode).toBe(201);
  const mail = await smtp.waitFor((m) => m.to.includes(email) && mailText(m.raw).includes('/verify-email'));
  const token = new URL(linkIn(mail.raw, '/verify-email?token=')).searchParams.get('token') ?? '';
  expect((await client.post('/api/auth/verify-email', { token })).statusCode).toBe(200);
  return token;
}

describe('registration, verification and sign-in', () => {
  it('registers, emails a real verification link in Thai, verifies, and signs in', async () => {
    const client = new TestClient(ctx.app);
    const email = 'Somying@Example.org';
    const created = await client.post('/api/auth/register', registration(email));
    expect(created.statusCode).toBe(201);

    const beforeVerify = await client.post('/api/auth/login', { email, password: PASSWORD });
    expect(beforeVerify.statusCode).toBe(403);
    expect(beforeVerify.json<{ error: { code: string } }>().error.code).toBe('EMAIL_NOT_VERIFIED');

    const mail = await smtp.waitFor((m) => m.to.includes('somying@example.org'));
    expect(mailText(mail.raw)).toContain('ยืนยันอีเมล');
    const link = linkIn(mail.raw, '/verify-email?token=');
    expect(link.startsWith('http://si.test/verify-email?token=')).toBe(true);
    const token = new URL(link).searchParams.get('token') ?? '';
    expect((await client.post('/api/auth/verify-email', { token })).statusCode).toBe(200);

    const used = await client.post('/api/auth/verify-email', { token });
    expect(used.statusCode).toBe(410);
    expect(used.json<{ error: { code: string } }>().error.code).toBe('TOKEN_USED');

    const signIn = await client.signIn(email, PASSWORD);
    expect(signIn.statusCode).toBe(200);
    const cookie = signIn.cookies.find((c) => c.name === 'si_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const me = await client.refreshMe();
    expect(
      me.json<{ data: { email: string; emailVerified: boolean; roles: string[] } }>().data,
    ).toMatchObject({
      email: 'somying@example.org',
      emailVerified: true,
      roles: [],
    });
  });

  it('refuses a second account with the same email, naming the field', async () => {
    const client = new TestClient(ctx.app);
    await client.post('/api/auth/register', registration('dup@example.org'));
    const again = await client.post('/api/auth/register', registration('DUP@example.org'), {
      'accept-language': 'en',
    });
    expect(again.statusCode).toBe(409);
    const body = again.json<{ error: { message: string; details: { issues: Array<{ field: string }> } } }>();
    expect(body.error.message).toBe('This email already has an account');
    expect(body.error.details.issues[0]?.field).toBe('body.email');
  });

  it('validates every field with Thai and English messages', async () => {
    const client = new TestClient(ctx.app);
    const response = await client.post('/api/auth/register', {
      email: 'not-an-email',
      password: 'short',
      name: '',
      acceptPrivacyNotice: false,
      privacyNoticeVersion: 'x',
      role: 'administrator',
    });
    expect(response.statusCode).toBe(400);
    const fields = response
      .json<{
        error: { details: { issues: Array<{ field: string; message: string; messageEn: string }> } };
      }>()
      .error.details.issues.map((i) => i.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'body.email',
        'body.password',
        'body.name',
        'body.acceptPrivacyNotice',
        'body',
      ]),
    );
  });

  it('answers a password reset the same way whether or not the account exists, and the link works once', async () => {
    const client = new TestClient(ctx.app);
    await registerAndVerify(client, 'reset@example.org');
    const known = await client.post('/api/auth/password/forgot', { email: 'reset@example.org' });
    const unknown = await client.post('/api/auth/password/forgot', { email: 'nobody@example.org' });
    expect(known.statusCode).toBe(200);
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toBe(known.body);

    const mail = await smtp.waitFor(
      (m) => m.to.includes('reset@example.org') && mailText(m.raw).includes('/reset-password'),
    );
    const token = new URL(linkIn(mail.raw, '/reset-password?token=')).searchParams.get('token') ?? '';
    const newPassword = 'a brand new passphrase';
    expect((await client.post('/api/auth/password/reset', { token, password: newPassword })).statusCode).toBe(
      200,
    );
    expect((await client.post('/api/auth/password/reset', { token, password: newPassword })).statusCode).toBe(
      410,
    );
    expect((await client.signIn('reset@example.org', PASSWORD)).statusCode).toBe(401);
    expect((await client.signIn('reset@example.org', newPassword)).statusCode).toBe(200);
    expect(smtp.messages.some((m) => !m.to.includes('nobody@example.org'))).toBe(true);
    expect(smtp.messages.some((m) => m.to.includes('nobody@example.org'))).toBe(false);
  });

  it('treats an expired link as expired', async () => {
    const client = new TestClient(ctx.app);
    await client.post('/api/auth/register', registration('late@example.org'));
    const mail = await smtp.waitFor((m) => m.to.includes('late@example.org'));
    const token = new URL(linkIn(mail.raw, '/verify-email?token=')).searchParams.get('token') ?? '';
    await ctx.database.db.execute(
      sql`UPDATE auth_tokens SET expires_at = now() - interval '1 minute' WHERE email = 'late@example.org'`,
    );
    const response = await client.post('/api/auth/verify-email', { token });
    expect(response.statusCode).toBe(410);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('TOKEN_EXPIRED');
  });
});

describe('lockout', () => {
  it('locks an account after five failed sign-ins, even with the right password afterwards', async () => {
    const client = new TestClient(ctx.app);
    await registerAndVerify(client, 'locked@example.org');
    for (let i = 0; i < 5; i += 1) {
      expect(
        (await client.post('/api/auth/login', { email: 'locked@example.org', password: 'wrong password' }))
          .statusCode,
      ).toBe(401);
    }
    const locked = await client.post('/api/auth/login', { email: 'locked@example.org', password: PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json<{ error: { code: string; details: { lockedUntil: string } } }>().error).toMatchObject({
      code: 'ACCOUNT_LOCKED',
    });
    const row = await ctx.database.db.execute(
      sql`SELECT locked_until FROM rate_limits WHERE key = 'login-failures:locked@example.org'`,
    );
    expect((row as { rows: unknown[] }).rows).toHaveLength(1);
  });
});

describe('sessions', () => {
  it('lists my sessions and revokes one; another person cannot revoke mine', async () => {
    const laptop = new TestClient(ctx.app);
    const phone = new TestClient(ctx.app);
    await registerAndVerify(laptop, 'sessions@example.org');
    await laptop.signIn('sessions@example.org', PASSWORD);
    await phone.signIn('sessions@example.org', PASSWORD);
    const list = await laptop.get('/api/auth/sessions');
    const sessions = list.json<{ data: Array<{ id: string; current: boolean }> }>().data;
    expect(sessions).toHaveLength(2);
    const other = sessions.find((s) => !s.current);

    const stranger = new TestClient(ctx.app);
    await registerAndVerify(stranger, 'stranger@example.org');
    await stranger.signIn('stranger@example.org', PASSWORD);
    expect((await stranger.delete(`/api/auth/sessions/${other?.id ?? ''}`)).statusCode).toBe(404);

    expect((await laptop.delete(`/api/auth/sessions/${other?.id ?? ''}`)).statusCode).toBe(200);
    expect((await phone.get('/api/auth/me')).statusCode).toBe(401);
    expect((await laptop.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('signs out and forgets the cookie', async () => {
    const client = new TestClient(ctx.app);
    await registerAndVerify(client, 'bye@example.org');
    await client.signIn('bye@example.org', PASSWORD);
    expect((await client.post('/api/auth/logout')).statusCode).toBe(200);
    expect((await client.get('/api/auth/me')).statusCode).toBe(401);
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a code and then asks for one at every sign-in', async () => {
    const client = new TestClient(ctx.app);
    await registerAndVerify(client, 'totp@example.org');
    await client.signIn('totp@example.org', PASSWORD);
    const setup = await client.post('/api/auth/totp/setup');
    const { secret, otpauthUrl, qrSvg } = setup.json<{
      data: { secret: string; otpauthUrl: string; qrSvg: string };
    }>().data;
    expect(otpauthUrl).toContain('otpauth://totp/');
    expect(qrSvg).toContain('<svg');
    expect((await client.post('/api/auth/totp/enable', { code: '000000' })).statusCode).toBe(400);
    expect(
      (await client.post('/api/auth/totp/enable', { code: await currentTotpCode(secret) })).statusCode,
    ).toBe(200);

    const next = new TestClient(ctx.app);
    const first = await next.signIn('totp@example.org', PASSWORD);
    expect(first.json<{ data: { status: string; me: unknown } }>().data).toMatchObject({
      status: 'totp_required',
      me: null,
    });
    const pending = await next.get('/api/auth/me');
    expect(pending.statusCode).toBe(401);
    expect(pending.json<{ error: { code: string } }>().error.code).toBe('TOTP_REQUIRED');
    expect((await next.post('/api/auth/login/totp', { code: '123456' })).statusCode).toBe(400);
    const done = await next.post('/api/auth/login/totp', { code: await currentTotpCode(secret) });
    expect(done.statusCode).toBe(200);
    expect((await next.get('/api/auth/me')).json<{ data: { totpEnabled: boolean } }>().data.totpEnabled).toBe(
      true,
    );
  });

  it('makes administrators enrol before anything else, and not turn it off', async () => {
    await ensureAccount(ctx.database.db, {
      email: 'admin2fa@example.org',
      name: 'Admin',
      password: PASSWORD,
      role: 'administrator',
    });
    const admin = new TestClient(ctx.app);
    await admin.signIn('admin2fa@example.org', PASSWORD);
    const me = await admin.refreshMe();
    expect(me.json<{ data: { mustEnrollTotp: boolean } }>().data.mustEnrollTotp).toBe(true);
    const blocked = await admin.get('/api/audit-events');
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('TOTP_ENROLLMENT_REQUIRED');
    const secret = (await admin.post('/api/auth/totp/setup')).json<{ data: { secret: string } }>().data
      .secret;
    expect(
      (await admin.post('/api/auth/totp/enable', { code: await currentTotpCode(secret) })).statusCode,
    ).toBe(200);
    expect((await admin.get('/api/audit-events')).statusCode).toBe(200);
    const disable = await admin.post('/api/auth/totp/disable', { code: await currentTotpCode(secret) });
    expect(disable.statusCode).toBe(403);
  });
});

describe('audit log', () => {
  it('records sign-ins and changes with the actor, IP and request id, redacting personal values', async () => {
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await ensureAccount(ctx.database.db, {
      email: 'auditor@example.org',
      name: 'Auditor',
      password: PASSWORD,
      role: 'administrator',
      totpSecret: secret,
    });
    const admin = new TestClient(ctx.app);
    await admin.signIn('auditor@example.org', PASSWORD, () => currentTotpCode(secret));
    await admin.refreshMe();
    await admin.patch('/api/auth/me', { name: 'Auditor Two', locale: 'en' });
    const page = await admin.get('/api/audit-events?entityType=user&action=user.profile_updated');
    const events = page.json<{
      data: Array<{
        actorName: string;
        changes: Record<string, { before: unknown; after: unknown }>;
        ip: string;
        requestId: string;
      }>;
    }>().data;
    expect(events[0]).toMatchObject({ actorName: 'Auditor Two', ip: '127.0.0.1' });
    expect(events[0]?.changes.name).toEqual({ before: '[redacted]', after: '[redacted]' });
    expect(events[0]?.changes.locale).toEqual({ before: 'th', after: 'en' });
    expect(events[0]?.requestId).toBeTruthy();
  });

  it('cannot be updated or deleted by any code path', async () => {
    const refused = (error: unknown) =>
      /append-only/.test(String((error as { cause?: Error }).cause?.message ?? error));
    for (const statement of [
      sql`UPDATE audit_events SET action = 'tampered'`,
      sql`DELETE FROM audit_events`,
      sql`TRUNCATE audit_events`,
    ]) {
      const error = await ctx.database.db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(refused(error)).toBe(true);
    }
    const count = await ctx.database.db.execute(
      sql`SELECT count(*)::int AS n FROM audit_events WHERE action = 'tampered'`,
    );
    expect((count as { rows: Array<{ n: number }> }).rows[0]?.n).toBe(0);
  });

  it('is closed to people who are not administrators', async () => {
    const client = new TestClient(ctx.app);
    await registerAndVerify(client, 'plain@example.org');
    await client.signIn('plain@example.org', PASSWORD);
    expect((await client.get('/api/audit-events')).statusCode).toBe(403);
    expect((await new TestClient(ctx.app).get('/api/audit-events')).statusCode).toBe(401);
  });
});
