import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { loadDemoContent } from '@server/db/demo-seed';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';

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
