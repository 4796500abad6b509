import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDemoCalls } from '@server/modules/calls/calls.demo';
import { ensureDemoReviewRound } from '@server/modules/decisions/decisions.demo';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import type { PlatformRole } from '@shared/contracts/identity';
import type { ProjectDetail, ProjectList } from '@shared/contracts/projects';
import { ensureDemoProjects } from './projects.demo';

let ctx: TestContext;
const NOW = new Date('2026-11-27T10:00:00+07:00');
const PASSWORD = 'correct horse battery';

beforeAll(async () => {
  ctx = await createTestApp({ REQUIRE_2FA_FOR_STAFF: '0' }, { clock: () => NOW });
});
afterAll(async () => {
  await ctx.close();
});

async function account(email: string, role: PlatformRole | null, drivingUnitId?: string): Promise<string> {
  return ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: PASSWORD,
    role,
    ...(drivingUnitId ? { drivingUnitId } : {}),
  });
}

describe('demo projects', () => {
  it('runs one award project with a paid instalment and an approved report, and leaves the other in setup', async () => {
    const { db } = ctx.database;
    const drivingUnitId = await ensureDrivingUnit(db, {
      nameTh: 'หน่วยขับเคลื่อนตัวอย่าง',
      nameEn: 'Demo unit',
      kind: 'area_based',
      regionCode: 'south',
      provinceCodes: [94, 95, 96],
    });
    await ensureDemoCalls(db, { now: NOW, partnerUserId: null });
    const officerUserId = await account('officer@demo.test', 'programme_officer');
    const applicantUserId = await account('applicant@demo.test', null);
    await account('unit@demo.test', 'driving_unit_staff', drivingUnitId);
    const reviewerUserIds = [
      await account('reviewer1@demo.test', 'reviewer'),
      await account('reviewer2@demo.test', 'reviewer'),
    ];
    await ensureDemoReviewRound(db, { now: NOW, officerUserId, applicantUserId, reviewerUserIds });
    const options = { now: NOW, officerUserId, applicantUserId, drivingUnitId };
    expect(await ensureDemoProjects(db, options)).toBe(
      'SI-2569-0001 active (first instalment paid, first report approved), SI-2569-0002 in setup',
    );
    expect(await ensureDemoProjects(db, options)).toBe('SI-2569-0001 already set up');

    const officer = new TestClient(ctx.app);
    expect((await officer.signIn('officer@demo.test', PASSWORD)).statusCode).toBe(200);
    const list = (await officer.get('/api/projects')).json<ProjectList>().data;
    expect(list.map((p) => [p.agreementNumber, p.status, p.health.status])).toEqual([
      ['SI-2569-0001', 'active', 'on_track'],
      ['SI-2569-0002', 'setup', 'on_track'],
    ]);
    const running = (await officer.get(`/api/projects/${list[0]?.id}`)).json<{ data: ProjectDetail }>().data;
    expect(running.awardSatang).toBe(480_000 * 100);
    expect(running.drivingUnitId).toBe(drivingUnitId);
    expect(running.instalments.map((i) => i.status)).toEqual(['paid', 'ready', 'scheduled']);
    expect(running.reports.map((r) => r.status)).toEqual([
      'approved',
      'not_started',
      'not_started',
      'not_started',
    ]);
    expect(running.agreement.state).toBe('accepted');
    expect(running.srlCurrent).toBe(4);

    const unit = new TestClient(ctx.app);
    expect((await unit.signIn('unit@demo.test', PASSWORD)).statusCode).toBe(200);
    const portfolio = (await unit.get('/api/projects')).json<ProjectList>().data;
    expect(portfolio.map((p) => p.agreementNumber)).toContain('SI-2569-0001');
  });
});
