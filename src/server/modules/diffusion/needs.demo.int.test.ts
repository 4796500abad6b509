import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { adoptions, innovations } from '@server/db/schema/index';
import type { NeedDetail, NeedList } from '@shared/contracts/needs';
import { ensureDemoNeeds } from './needs.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

describe('demo needs', () => {
  it('adds the municipality, published, pending and rejected needs, and one interest linked to a need; once', async () => {
    const { db } = ctx.database;
    const [innovation] = await db
      .insert(innovations)
      .values({
        titleTh: 'ธนาคารขยะอินทรีย์ตลาดสด',
        themes: ['environment'],
        status: 'published',
        isDiffusionReady: true,
        srl: 7,
        originProvinceCode: 90,
      })
      .returning({ id: innovations.id });
    const officerUserId = await ensureAccount(db, {
      email: 'officer@demo-needs.test',
      name: 'officer',
      password: 'correct horse battery',
      role: 'programme_officer',
    });
    const localGovUserId = await ensureAccount(db, {
      email: 'localgov@demo-needs.test',
      name: 'localgov',
      password: 'correct horse battery',
      role: null,
    });
    const options = { now: NOW, officerUserId, localGovUserId };
    const started = Date.now();
    expect(await ensureDemoNeeds(db, options)).toBe(
      '6 published, 2 pending, 1 rejected needs; interest in "ธนาคารขยะอินทรีย์ตลาดสด"',
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await ensureDemoNeeds(db, options)).toBe('needs already there');

    const anonymous = new TestClient(ctx.app);
    const list = await anonymous.get('/api/needs?limit=50');
    const needs = list.json<NeedList>().data;
    expect(needs).toHaveLength(6);
    expect(new Set(needs.map((n) => n.provinceCode)).size).toBe(6);
    expect(list.body).not.toContain('example.org');
    const [adoption] = await db
      .select()
      .from(adoptions)
      .where(eq(adoptions.innovationId, innovation?.id ?? ''));
    expect(adoption).toMatchObject({
      status: 'interested',
      adopterType: 'local_government',
      provinceCode: 94,
    });
    const need = (await anonymous.get(`/api/needs/${adoption?.needId}`)).json<{ data: NeedDetail }>().data;
    expect(need.adoptions.map((a) => a.id)).toEqual([adoption?.id]);
  });
});
