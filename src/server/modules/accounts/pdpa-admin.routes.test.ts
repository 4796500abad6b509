import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from './accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import { createOrganisationMembershipForTest } from '@tests/helpers/memberships';
import { eq } from 'drizzle-orm';
import { innovationNeeds } from '@server/db/schema/index';

const NEED = {
  theme: 'environment',
  titleTh: 'ขยะล้นตลาดนัดชุมชนริมแม่น้ำ',
  descriptionTh: 'ตลาดนัดทุกวันศุกร์ทิ้งขยะอินทรีย์ลงแม่น้ำ ชาวบ้านอยากได้วิธีคัดแยกและทำปุ๋ย',
  peopleAffected: 300,
  provinceCode: 94,
  villageName: 'บ้านบางปลาหมอ',
  requesterName: 'นางสาวนูรีซา ดือราแม',
  requesterOrganisation: 'กลุ่มแม่บ้านบางปลาหมอ',
  requesterType: 'community_group',
  contactEmail: 'nurisa-pdpa@example.org',
  contactPhone: '081-234-5678',
  consent: true,
};

let ctx: TestContext;
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' });
});
afterAll(async () => {
  await ctx.close();
});

async function person(email: string, role: 'administrator' | null = null) {
  const id = await ensureAccount(ctx.database.db, {
    email,
    name: `Name of ${email}`,
    password: PASSWORD,
    role,
  });
  const client = new TestClient(ctx.app);
  await client.signIn(email, PASSWORD);
  return { id, client };
}

describe('PDPA: access and erasure', () => {
  it('exports the personal data of the person asking, as a JSON download', async () => {
    const { client } = await person('export@example.org');
    await client.post('/api/organisations', { nameTh: 'กลุ่มเยาวชนรักษ์ถิ่น', type: 'youth_group' });
    expect((await client.post('/api/needs', NEED)).statusCode).toBe(201);
    const response = await client.get('/api/auth/me/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toContain('attachment');
    const data = response.json<{
      account: { email: string; name: string };
      organisationMemberships: Array<{ role: string }>;
      activity: Array<{ action: string }>;
      innovationNeeds: Array<Record<string, unknown>>;
    }>();
    expect(data.innovationNeeds).toEqual([
      expect.objectContaining({
        titleTh: NEED.titleTh,
        requesterName: NEED.requesterName,
        contactEmail: NEED.contactEmail,
        contactPhone: NEED.contactPhone,
      }),
    ]);
    expect(data.account).toMatchObject({ email: 'export@example.org', name: 'Name of export@example.org' });
    expect(data.organisationMemberships).toEqual([expect.objectContaining({ role: 'owner' })]);
    expect(data.activity.map((a) => a.action)).toContain('organisation.created');
    expect(JSON.stringify(data)).not.toMatch(/argon2|passwordHash|totpSecret/);
  });

  it('refuses erasure while the person is the only owner of an organisation', async () => {
    const { client } = await person('soleowner-pdpa@example.org');
    await client.post('/api/organisations', { nameTh: 'มูลนิธิตัวอย่าง', type: 'npo_foundation' });
    const response = await client.post('/api/auth/me/erase', { password: PASSWORD });
    expect(response.statusCode).toBe(409);
    expect((await client.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('erases personal data, keeps the records others depend on, and shows a deleted user', async () => {
    const admin = await person('pdpa-admin@example.org', 'administrator');
    const owner = await person('pdpa-owner@example.org');
    const leaver = await person('leaver@example.org');
    const org = (
      await owner.client.post('/api/organisations', {
        nameTh: 'วิสาหกิจเพื่อสังคมตัวอย่าง',
        type: 'social_enterprise',
      })
    ).json<{ data: { id: string } }>().data;
    await createOrganisationMembershipForTest(ctx.database.db, org.id, leaver.id, 'editor');
    await leaver.client.patch('/api/auth/me', { locale: 'en' });
    const posted = await leaver.client.post('/api/needs', NEED);
    expect(posted.statusCode, posted.body).toBe(201);
    const needId = posted.json<{ data: { id: string } }>().data.id;

    expect((await leaver.client.post('/api/auth/me/erase', { password: 'wrong' })).statusCode).toBe(400);
    expect((await leaver.client.post('/api/auth/me/erase', { password: PASSWORD })).statusCode).toBe(200);
    expect((await leaver.client.get('/api/auth/me')).statusCode).toBe(401);
    // the need stays for the community, without the requester's name and contact details
    const [need] = await ctx.database.db.select().from(innovationNeeds).where(eq(innovationNeeds.id, needId));
    expect(need).toMatchObject({
      titleTh: NEED.titleTh,
      requesterName: '',
      contactEmail: '',
      contactPhone: '',
      contactConsentedAt: null,
    });
    expect((await new TestClient(ctx.app).signIn('leaver@example.org', PASSWORD)).statusCode).toBe(401);

    const users = (await admin.client.get('/api/admin/users?search=leaver')).json<{ data: unknown[] }>().data;
    expect(users).toEqual([]);
    const audit = (await admin.client.get(`/api/audit-events?actorUserId=${leaver.id}`)).json<{
      data: Array<{ action: string; actorName: string | null; actorUserId: string }>;
    }>().data;
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.profile_updated', 'user.erased']),
    );
    expect(audit.every((e) => e.actorName === null && e.actorUserId === leaver.id)).toBe(true);
    const members = (await owner.client.get(`/api/organisations/${org.id}/members`)).json<{
      data: Array<{ userId: string }>;
    }>().data;
    expect(members.map((m) => m.userId)).toEqual([owner.id]);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/auth/register',
          payload: {
            email: 'leaver@example.org',
            password: PASSWORD,
            name: 'Again',
            acceptPrivacyNotice: true,
            privacyNoticeVersion: '2026-11',
          },
        })
      ).statusCode,
    ).toBe(201);
  });
});

describe('administrators and roles', () => {
  it('grant and revoke roles, scoped driving-unit staff included, and never remove the last administrator', async () => {
    const admin = await person('roles-admin@example.org', 'administrator');
    const target = await person('future-officer@example.org');
    const plain = await person('plain-roles@example.org');
    expect((await plain.client.get('/api/admin/users')).statusCode).toBe(403);
    expect(
      (await plain.client.post(`/api/admin/users/${target.id}/roles`, { role: 'administrator' })).statusCode,
    ).toBe(403);

    expect(
      (await admin.client.post(`/api/admin/users/${target.id}/roles`, { role: 'programme_officer' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await admin.client.post(`/api/admin/users/${target.id}/roles`, { role: 'driving_unit_staff' }))
        .statusCode,
    ).toBe(400);
    const unitId = await ensureDrivingUnit(ctx.database.db, {
      nameTh: 'หน่วยทดสอบ',
      nameEn: 'Test unit',
      kind: 'entrepreneurs_youth',
      regionCode: 'north',
      provinceCodes: [50, 57],
    });
    expect(
      (
        await admin.client.post(`/api/admin/users/${target.id}/roles`, {
          role: 'driving_unit_staff',
          drivingUnitId: unitId,
        })
      ).statusCode,
    ).toBe(200);
    const found = (await admin.client.get('/api/admin/users?search=future-officer')).json<{
      data: Array<{ roles: Array<{ role: string; drivingUnitId: string | null }> }>;
    }>().data;
    expect(found[0]?.roles).toEqual([
      { role: 'driving_unit_staff', drivingUnitId: unitId },
      { role: 'programme_officer', drivingUnitId: null },
    ]);
    const units = (await ctx.app.inject('/api/driving-units')).json<{
      data: Array<{ id: string; provinceCodes: number[] }>;
    }>().data;
    expect(units.find((u) => u.id === unitId)?.provinceCodes).toEqual([50, 57]);

    expect(
      (await admin.client.delete(`/api/admin/users/${target.id}/roles/programme_officer`)).statusCode,
    ).toBe(200);
    expect(
      (await admin.client.delete(`/api/admin/users/${target.id}/roles/programme_officer`)).statusCode,
    ).toBe(404);
    const others = (await admin.client.get('/api/admin/users')).json<{
      data: Array<{ id: string; roles: Array<{ role: string }> }>;
    }>().data;
    for (const other of others.filter(
      (u) => u.id !== admin.id && u.roles.some((r) => r.role === 'administrator'),
    )) {
      expect((await admin.client.delete(`/api/admin/users/${other.id}/roles/administrator`)).statusCode).toBe(
        200,
      );
    }
    const selfRevoke = await admin.client.delete(`/api/admin/users/${admin.id}/roles/administrator`);
    expect(selfRevoke.statusCode).toBe(409);
    const audit = (await admin.client.get(`/api/audit-events?entityId=${target.id}&entityType=user`)).json<{
      data: Array<{ action: string }>;
    }>().data;
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['user.role_granted', 'user.role_revoked']),
    );
  });
});
