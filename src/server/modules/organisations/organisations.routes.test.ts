import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { linkIn, startSmtpServer } from '@tests/helpers/smtp';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { importAdministrativeAreas } from '@server/modules/geo/geo.service';
import { ADMIN_DIR, hasSharedData } from '@tests/helpers/shared-data';

let ctx: TestContext;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  smtp = await startSmtpServer();
  ctx = await createTestApp({ SMTP_URL: smtp.url, OUTBOX_POLL_MS: '100', PUBLIC_URL: 'http://si.test' });
  if (hasSharedData) {
    await importAdministrativeAreas(ctx.database.db, ADMIN_DIR);
  }
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

async function person(email: string, role: 'administrator' | null = null): Promise<TestClient> {
  await ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    role,
  });
  const client = new TestClient(ctx.app);
  expect((await client.signIn(email, PASSWORD)).statusCode).toBe(200);
  return client;
}

const VALID = {
  nameTh: 'วิสาหกิจชุมชนทอผ้าบ้านนาโพธิ์',
  nameEn: 'Ban Na Pho Weaving Community Enterprise',
  type: 'community_enterprise',
  communityEnterpriseCode: '4-34-01-05/1-0012',
  themes: ['tourism_culture'],
};

async function createOrg(client: TestClient, body: Record<string, unknown> = VALID) {
  const response = await client.post('/api/organisations', body);
  expect(response.statusCode).toBe(201);
  return response.json<{ data: { id: string; version: number; myRole: string } }>().data;
}

describe('organisation profile', () => {
  it('creates an organisation whose creator is owner, with a checked juristic number and nested address codes', async () => {
    const owner = await person('owner1@example.org');
    const org = await createOrg(owner, {
      nameTh: 'บริษัท ตัวอย่าง จำกัด',
      type: 'social_enterprise',
      juristicId: '0-1055-36092-64-1',
      ...(hasSharedData
        ? { provinceCode: 58, districtCode: 5801, subdistrictCode: 580101, postalCode: '58000' }
        : {}),
    });
    expect(org.myRole).toBe('owner');
    const got = await owner.get(`/api/organisations/${org.id}`);
    expect(got.json<{ data: { juristicId: string; abilities: { edit: boolean } } }>().data).toMatchObject({
      juristicId: '0105536092641',
      abilities: { edit: true },
    });
    const again = await owner.post('/api/organisations', {
      nameTh: 'ซ้ำ',
      type: 'social_enterprise',
      juristicId: '0105536092641',
    });
    expect(again.statusCode).toBe(409);
  });

  it.each([
    [{ juristicId: '0105536092642' }, 'body.juristicId'],
    [{ type: 'planet' }, 'body.type'],
    [{ website: 'javascript:alert(1)' }, 'body.website'],
    [{ postalCode: '5800' }, 'body.postalCode'],
    [{ nameTh: '' }, 'body.nameTh'],
  ])('rejects %o naming %s', async (patch, field) => {
    const owner = await person('owner2@example.org');
    const response = await owner.post('/api/organisations', { ...VALID, ...patch });
    expect(response.statusCode).toBe(400);
    const issues = response.json<{ error: { details: { issues: Array<{ field: string }> } } }>().error.details
      .issues;
    expect(issues.map((i) => i.field)).toContain(field);
  });

  it.runIf(hasSharedData)('rejects a district outside the province', async () => {
    const owner = await person('owner3@example.org');
    const response = await owner.post('/api/organisations', {
      ...VALID,
      provinceCode: 58,
      districtCode: 1001,
    });
    expect(response.statusCode).toBe(400);
    const issue = response.json<{ error: { details: { issues: unknown[] } } }>().error.details.issues[0];
    expect(issue).toEqual({
      field: 'body.districtCode',
      code: 'invalid',
      message: 'อำเภอ 1001 ไม่อยู่ในจังหวัด 58',
      messageEn: 'District 1001 is not in province 58',
    });
  });

  it('gives 409 to a concurrent edit instead of overwriting it', async () => {
    const owner = await person('owner4@example.org');
    const org = await createOrg(owner);
    const first = await owner.patch(`/api/organisations/${org.id}`, {
      description: 'first',
      version: org.version,
    });
    expect(first.statusCode).toBe(200);
    const stale = await owner.patch(`/api/organisations/${org.id}`, {
      description: 'second',
      version: org.version,
    });
    expect(stale.statusCode).toBe(409);
    const now = await owner.get(`/api/organisations/${org.id}`);
    expect(now.json<{ data: { description: string } }>().data.description).toBe('first');
  });

  it('hides another organisation: its id answers 404 to outsiders, while staff see it', async () => {
    const owner = await person('owner5@example.org');
    const outsider = await person('outsider@example.org');
    const admin = await person('orgadmin@example.org', 'administrator');
    const org = await createOrg(owner);
    for (const url of [`/api/organisations/${org.id}`, `/api/organisations/${org.id}/members`]) {
      expect((await outsider.get(url)).statusCode).toBe(404);
    }
    expect(
      (await outsider.patch(`/api/organisations/${org.id}`, { description: 'x', version: 1 })).statusCode,
    ).toBe(404);
    expect((await outsider.get('/api/organisations')).json<{ data: unknown[] }>().data).toEqual([]);
    expect((await outsider.get('/api/organisations?scope=all')).statusCode).toBe(403);
    expect((await admin.get(`/api/organisations/${org.id}`)).statusCode).toBe(200);
    const all = (await admin.get('/api/organisations?scope=all')).json<{ data: Array<{ id: string }> }>()
      .data;
    expect(all.map((o) => o.id)).toContain(org.id);
    expect(
      (await admin.patch(`/api/organisations/${org.id}`, { description: 'x', version: 1 })).statusCode,
    ).toBe(403);
  });
});

describe('members and invitations', () => {
  it('invites by email; the invitee accepts with the link from the real message and becomes a member', async () => {
    const owner = await person('inviter@example.org');
    const org = await createOrg(owner);
    const invitee = await person('invitee@example.org');
    expect(
      (
        await owner.post(`/api/organisations/${org.id}/invitations`, {
          email: 'Invitee@Example.org',
          role: 'editor',
        })
      ).statusCode,
    ).toBe(201);
    const open = await owner.get(`/api/organisations/${org.id}/invitations`);
    expect(open.json<{ data: Array<{ email: string; role: string }> }>().data).toEqual([
      expect.objectContaining({ email: 'invitee@example.org', role: 'editor' }),
    ]);
    const mail = await smtp.waitFor((m) => m.to.includes('invitee@example.org'));
    const token = new URL(linkIn(mail.raw, '/invitations/accept?token=')).searchParams.get('token') ?? '';

    const wrongPerson = await person('someoneelse@example.org');
    expect((await wrongPerson.post('/api/invitations/accept', { token })).statusCode).toBe(403);
    // The refused attempt rolled back: the invitee can still use the same link, once.
    const token2 = token;
    const accepted = await invitee.post('/api/invitations/accept', { token: token2 });
    expect(accepted.statusCode).toBe(200);
    expect((await invitee.post('/api/invitations/accept', { token: token2 })).statusCode).toBe(410);
    const members = (await owner.get(`/api/organisations/${org.id}/members`)).json<{
      data: Array<{ email: string; role: string }>;
    }>().data;
    expect(members.map((m) => [m.email, m.role])).toEqual([
      ['inviter@example.org', 'owner'],
      ['invitee@example.org', 'editor'],
    ]);
    expect(
      (
        await invitee.post(`/api/organisations/${org.id}/invitations`, {
          email: 'x@example.org',
          role: 'viewer',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps at least one owner: the last owner can neither leave nor be demoted, until ownership is transferred', async () => {
    const owner = await person('soleowner@example.org');
    const org = await createOrg(owner);
    const meId = (await owner.get('/api/auth/me')).json<{ data: { id: string } }>().data.id;
    const leave = await owner.delete(`/api/organisations/${org.id}/members/${meId}`);
    expect(leave.statusCode).toBe(409);
    expect(leave.json<{ error: { code: string } }>().error.code).toBe('INVALID_STATE');
    expect(
      (await owner.patch(`/api/organisations/${org.id}/members/${meId}`, { role: 'viewer' })).statusCode,
    ).toBe(409);

    const heir = await person('heir@example.org');
    await owner.post(`/api/organisations/${org.id}/invitations`, {
      email: 'heir@example.org',
      role: 'viewer',
    });
    const mail = await smtp.waitFor((m) => m.to.includes('heir@example.org'));
    await heir.post('/api/invitations/accept', {
      token: new URL(linkIn(mail.raw, '/invitations/accept?token=')).searchParams.get('token') ?? '',
    });
    const heirId = (await heir.get('/api/auth/me')).json<{ data: { id: string } }>().data.id;

    expect(
      (await owner.post(`/api/organisations/${org.id}/transfer-ownership`, { userId: heirId })).statusCode,
    ).toBe(200);
    expect((await owner.delete(`/api/organisations/${org.id}/members/${meId}`)).statusCode).toBe(200);
    expect((await owner.get(`/api/organisations/${org.id}`)).statusCode).toBe(404);
    const members = (await heir.get(`/api/organisations/${org.id}/members`)).json<{
      data: Array<{ role: string }>;
    }>().data;
    expect(members).toEqual([expect.objectContaining({ role: 'owner' })]);
  });
});
