import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { loadTestAreas, setTargetGroup } from '@tests/factories/diffusion';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDemoInnovations } from '@server/modules/innovations/innovations.demo';
import { adoptionEvents, adoptions } from '@server/db/schema/index';
import type { AdoptionStatus, DiffusionOverview, InnovationDiffusion } from '@shared/contracts/diffusion';
import { canTransition } from '@shared/diffusion/timeline';
import { ensureDemoDiffusion } from './diffusion.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const TODAY = '2026-11-27';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
  await loadTestAreas(ctx);
  await setTargetGroup(ctx, [95, 58, 96, 94, 63, 33, 46, 35, 32, 64]);
});
afterAll(async () => {
  await ctx.close();
});

describe('demo diffusion', () => {
  it('spreads the diffusion-ready demo models, mostly to poor provinces, with valid timelines; once, quickly', async () => {
    const { db } = ctx.database;
    const officerUserId = await ensureAccount(db, {
      email: 'officer@demo-diffusion.test',
      name: 'officer',
      password: 'correct horse battery',
      role: 'programme_officer',
    });
    expect(await ensureDemoDiffusion(db, { now: NOW, officerUserId })).toBe(
      'no diffusion-ready demo innovations',
    );
    await ensureDemoInnovations(db, { now: NOW, officerUserId });
    const started = Date.now();
    const line = await ensureDemoDiffusion(db, { now: NOW, officerUserId });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(line).toMatch(/^\d+ adoptions of 6 innovations in \d+ provinces, \d+ village sites$/);
    expect(await ensureDemoDiffusion(db, { now: NOW, officerUserId })).toBe('adoptions already present');

    const rows = await db.select().from(adoptions);
    const events = await db.select().from(adoptionEvents).orderBy(asc(adoptionEvents.occurredOn));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const row of rows) {
      const steps = events
        .filter((e) => e.adoptionId === row.id)
        .sort(
          (a, b) => a.occurredOn.localeCompare(b.occurredOn) || a.createdAt.getTime() - b.createdAt.getTime(),
        );
      expect(steps[0]).toMatchObject({
        fromStatus: null,
        toStatus: 'interested',
        occurredOn: row.interestedOn,
      });
      for (let i = 1; i < steps.length; i += 1) {
        const [before, after] = [steps[i - 1], steps[i]];
        expect(canTransition(before?.toStatus as AdoptionStatus, after?.toStatus as AdoptionStatus)).toBe(
          true,
        );
        expect(after?.fromStatus).toBe(before?.toStatus);
      }
      expect(steps.at(-1)).toMatchObject({ toStatus: row.status, occurredOn: row.statusOn });
      expect(row.statusOn <= TODAY).toBe(true);
      expect(row.adoptedOn !== null).toBe(steps.some((s) => s.toStatus === 'adopted'));
      if (row.status === 'discontinued') {
        expect(row.discontinuedReason).not.toBe('');
      }
      if (row.sourceAdoptionId) {
        const source = byId.get(row.sourceAdoptionId);
        expect(source?.innovationId).toBe(row.innovationId);
        expect(source?.adoptedOn).not.toBeNull();
      }
    }
    expect(rows.some((r) => r.villageId !== null)).toBe(true);

    const anonymous = new TestClient(ctx.app);
    const overview = (await anonymous.get('/api/diffusion')).json<{ data: DiffusionOverview }>().data;
    expect(overview.adoptions).toHaveLength(rows.length);
    expect(overview.metrics.targetGroupShare ?? 0).toBeGreaterThan(0.5);
    expect(overview.metrics.sustainedRate).not.toBeNull();
    const first = overview.origins[0]?.id ?? '';
    const diffusion = (await anonymous.get(`/api/innovations/${first}/diffusion`)).json<{
      data: InnovationDiffusion;
    }>().data;
    expect(diffusion.lineage.some((node) => node.children.length > 0)).toBe(true);
  });
});
