import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { innovationOwners, innovations, innovationSrlHistory } from '@server/db/schema/index';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDemoNetwork } from '@server/modules/network/network.demo';
import { createOrganisation } from '@tests/factories/people';
import { signedIn } from '@tests/factories/people';
import type { InnovationDetail } from '@shared/contracts/innovations';
import { INNOVATION_CORPUS } from './innovations.corpus';
import { demoInnovationIds, ensureDemoInnovations } from './innovations.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

describe('demo catalogue', () => {
  it('publishes the corpus with owners, SRL history and packages linked to network partners; once, quickly', async () => {
    const { db } = ctx.database;
    const officerUserId = await ensureAccount(db, {
      email: 'officer@demo-innovations.test',
      name: 'officer',
      password: 'correct horse battery',
      role: 'programme_officer',
    });
    const owner = await signedIn(ctx, 'owner@demo-innovations.test');
    const orgId = await createOrganisation(owner.client, { nameTh: 'วิสาหกิจชุมชนตัวอย่าง', provinceCode: 57 });
    await ensureDemoNetwork(db, { now: NOW, officerUserId, drivingUnitId: null });

    const started = performance.now();
    const ready = INNOVATION_CORPUS.filter((c) => c.isDiffusionReady).length;
    expect(await ensureDemoInnovations(db, { now: NOW, officerUserId })).toBe(
      `${INNOVATION_CORPUS.length} innovations published (${ready} diffusion-ready), 0 from closed projects`,
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(await ensureDemoInnovations(db, { now: NOW, officerUserId })).toBe(
      `0 innovations published (${ready} diffusion-ready), 0 from closed projects`,
    );

    const rows = await db.select().from(innovations);
    expect(rows).toHaveLength(INNOVATION_CORPUS.length);
    expect(rows.every((r) => r.status === 'published' && r.searchText.length > 0)).toBe(true);
    expect(rows.filter((r) => r.isFeatured).length).toBeGreaterThan(0);
    const packaged = rows.filter((r) => r.isDiffusionReady);
    expect(packaged).toHaveLength(ready);
    expect(packaged.every((r) => (r.adoptionPackage?.partnerIds.length ?? 0) > 0)).toBe(true);
    expect((await db.select().from(innovationOwners)).length).toBe(INNOVATION_CORPUS.length);
    expect((await db.select().from(innovationSrlHistory)).length).toBeGreaterThanOrEqual(
      INNOVATION_CORPUS.length,
    );

    const ids = await demoInnovationIds(db);
    expect(ids.size).toBe(INNOVATION_CORPUS.length);
    const first = INNOVATION_CORPUS[0];
    const page = await new TestClient(ctx.app).get(`/api/innovations/${ids.get(first?.key ?? '')}`);
    expect(page.statusCode, page.body).toBe(200);
    const detail = page.json<{ data: InnovationDetail }>().data;
    expect(detail).toMatchObject({ titleTh: first?.titleTh, status: 'published', srl: first?.srl });
    expect(detail.srlHistory[0]).toMatchObject({ source: 'project_start', srl: first?.srlAtStart });
    expect(detail.owners).toHaveLength(1);
    const inChiangRai = rows.find((r) => r.originProvinceCode === 57);
    if (inChiangRai) {
      const owners = await db
        .select()
        .from(innovationOwners)
        .where(eq(innovationOwners.innovationId, inChiangRai.id));
      expect(owners[0]?.organisationId).toBe(orgId);
    }
  });
});
