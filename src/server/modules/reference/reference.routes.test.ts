import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { loadDemoContent } from '@server/db/demo-seed';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { TestClient } from '@tests/helpers/client';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

describe('reference lists', () => {
  it.each([
    ['/api/reference/themes', 9],
    ['/api/reference/sdgs', 17],
    ['/api/reference/organisation-types', 10],
    ['/api/reference/flagship-objectives', 5],
    ['/api/programmes', 5],
  ])('%s lists %i entries with Thai and English names', async (url, count) => {
    const response = await ctx.app.inject(url);
    expect(response.statusCode).toBe(200);
    const data = response.json<{ data: Array<{ nameTh: string; nameEn: string }> }>().data;
    expect(data).toHaveLength(count);
    expect(data.every((d) => /[\u0E00-\u0E7F]/.test(d.nameTh) && /[A-Za-z]/.test(d.nameEn))).toBe(true);
  });

  it('serves a programme by slug, and 404 for an unknown one', async () => {
    const found = await ctx.app.inject('/api/programmes/social-innovation-village');
    expect(found.json<{ data: { type: string } }>().data.type).toBe('village_diffusion');
    expect((await ctx.app.inject('/api/programmes/nothing')).statusCode).toBe(404);
    expect((await ctx.app.inject('/api/programmes/Bad_Slug')).statusCode).toBe(400);
  });
});

describe('the poor-province target group', () => {
  it('does not exist before the demo content is loaded', async () => {
    expect((await ctx.app.inject(`/api/reference/province-groups/${TARGET_GROUP_CODE}`)).statusCode).toBe(
      404,
    );
  });

  it('is seeded once from the most recent ranked NESDC list and marks the provinces', async () => {
    await loadDemoContent(ctx.database.db, { seedDir: 'db/seed' });
    await loadDemoContent(ctx.database.db, { seedDir: 'db/seed' });
    const response = await ctx.app.inject(`/api/reference/province-groups/${TARGET_GROUP_CODE}`);
    const group = response.json<{
      data: { members: Array<{ provinceCode: number; rank: number }>; descriptionTh: string };
    }>().data;
    expect(group.members).toHaveLength(10);
    expect(group.members[0]).toMatchObject({ provinceCode: 94, rank: 1 });
    expect(group.members.map((m) => m.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(group.descriptionTh).toContain('2566');

    const pattani = await ctx.app.inject('/api/geo/provinces/94');
    expect(pattani.json<{ data: { targetRank: number } }>().data.targetRank).toBe(1);
    const bangkok = await ctx.app.inject('/api/geo/provinces/10');
    expect(bangkok.json<{ data: { targetRank: number | null } }>().data.targetRank).toBeNull();
  });
});

describe('editing the target group', () => {
  it('administrators replace its members (audited); others are refused; bad codes are named', async () => {
    const password = 'correct horse battery';
    await ensureAccount(ctx.database.db, {
      email: 'group-admin@example.org',
      name: 'Admin',
      password,
      role: 'administrator',
    });
    await ensureAccount(ctx.database.db, {
      email: 'group-officer@example.org',
      name: 'Officer',
      password,
      role: 'programme_officer',
    });
    const admin = new TestClient(ctx.app);
    await admin.signIn('group-admin@example.org', password);
    const officer = new TestClient(ctx.app);
    await officer.signIn('group-officer@example.org', password);
    const body = {
      nameTh: 'กลุ่มจังหวัดยากจน',
      nameEn: 'Poor-province target group',
      descriptionTh: 'ปรับตามมติคณะกรรมการ',
      descriptionEn: 'As decided by the board',
      source: null,
      members: [
        { provinceCode: 58, rank: 1 },
        { provinceCode: 63, rank: 2 },
      ],
    };
    const url = `/api/reference/province-groups/${TARGET_GROUP_CODE}`;
    expect((await officer.request('PUT', url, body)).statusCode).toBe(403);
    const bad = await admin.request('PUT', url, { ...body, members: [{ provinceCode: 98, rank: 1 }] });
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json<{ error: { details: { issues: Array<{ field: string }> } } }>().error.details.issues[0]?.field,
    ).toBe('body.members.0.provinceCode');
    const saved = await admin.request('PUT', url, body);
    expect(saved.statusCode).toBe(200);
    expect(
      saved
        .json<{ data: { members: Array<{ provinceCode: number }> } }>()
        .data.members.map((m) => m.provinceCode),
    ).toEqual([58, 63]);
    expect(
      (await ctx.app.inject('/api/geo/provinces/94')).json<{ data: { targetRank: number | null } }>().data
        .targetRank,
    ).toBeNull();
    const audit = (await admin.get('/api/audit-events?entityType=province_group')).json<{
      data: Array<{ action: string }>;
    }>().data;
    expect(audit[0]?.action).toBe('province_group.updated');
  });
});
