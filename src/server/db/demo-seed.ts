import { existsSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Database } from './client';
import { dataLoads } from './schema/index';
import { AppError } from '@server/lib/errors';
import { importAdministrativeAreas, importBoundaries } from '@server/modules/geo/geo.service';
import { getIndicatorValues, importIndicatorCsv } from '@server/modules/indicators/indicators.service';
import { saveProvinceGroup } from '@server/modules/reference/reference.service';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import { ensureDrivingUnit } from '@server/modules/driving-units/driving-units.service';
import { ensureDemoCalls } from '@server/modules/calls/calls.demo';
import { ensureDemoReviewRound } from '@server/modules/decisions/decisions.demo';
import { ensureDemoContest } from '@server/modules/contests/contests.demo';
import { ensureDemoProjects } from '@server/modules/projects/projects.demo';
import { ensureDemoActivities } from '@server/modules/incubation/activities.demo';
import { ensureDemoUnits } from '@server/modules/driving-units/driving-units.demo';
import { ensureDemoCohorts } from '@server/modules/incubation/cohorts.demo';
import { ensureDemoMentoring } from '@server/modules/mentoring/mentoring.demo';
import { ensureDemoNetwork } from '@server/modules/network/network.demo';
import { ensureDemoKnowledge } from '@server/modules/knowledge/knowledge.demo';
import { ensureDemoInnovations } from '@server/modules/innovations/innovations.demo';
import { ensureDemoDiffusion } from '@server/modules/diffusion/diffusion.demo';
import { ensureDemoNeeds } from '@server/modules/diffusion/needs.demo';
import { ensureDemoImpact } from '@server/modules/impact/impact.demo';
import { ensureDemoPortfolio, PORTFOLIO_GRANTEE } from '@server/modules/projects/portfolio.demo';
import { captureQueuedEmailsSince } from '@server/modules/notifications/notifications.service';
import type { FileStorage } from '@server/lib/file-storage';
import type { PlatformRole } from '@shared/contracts/identity';

/** The password of every demo account (demo content only; never loaded in production). */
export const DEMO_PASSWORD = 'demo-password-2569';

export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; name: string; role: PlatformRole | null }> = [
  { email: 'admin@demo.si-platform.test', name: 'ผู้ดูแลระบบ ตัวอย่าง', role: 'administrator' },
  { email: 'officer@demo.si-platform.test', name: 'เจ้าหน้าที่โครงการ ตัวอย่าง', role: 'programme_officer' },
  { email: 'unit@demo.si-platform.test', name: 'เจ้าหน้าที่หน่วยขับเคลื่อน ตัวอย่าง', role: 'driving_unit_staff' },
  { email: 'reviewer@demo.si-platform.test', name: 'ผู้ทรงคุณวุฒิ ตัวอย่าง', role: 'reviewer' },
  { email: 'reviewer2@demo.si-platform.test', name: 'ผู้ทรงคุณวุฒิ ตัวอย่าง 2', role: 'reviewer' },
  { email: 'reviewer3@demo.si-platform.test', name: 'ผู้ทรงคุณวุฒิ ตัวอย่าง 3', role: 'reviewer' },
  { email: 'partner@demo.si-platform.test', name: 'ภาคีเครือข่าย ตัวอย่าง', role: 'partner' },
  { email: 'applicant@demo.si-platform.test', name: 'ผู้ยื่นข้อเสนอ ตัวอย่าง', role: null },
  // A mentor of the SI personnel registry (no platform role): sees the requests assigned to them and logs sessions.
  { email: 'mentor@demo.si-platform.test', name: 'ดร.อารีย์ สุขสวัสดิ์', role: null },
  // The owner of the demo local government (เทศบาลตำบล in Pattani): posts needs and says "we want to adopt this".
  { email: 'localgov@demo.si-platform.test', name: 'ปลัดเทศบาลตำบลบานา ตัวอย่าง', role: null },
];

import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';

/** The demo area-based driving unit; the demo unit staff account belongs to it. */
const DEMO_DRIVING_UNIT = {
  nameTh: 'หน่วยขับเคลื่อนนวัตกรรมเพื่อสังคมเชิงพื้นที่ ภาคใต้ชายแดน (ตัวอย่าง)',
  nameEn: 'Southern Border Area-based Driving Unit (demo)',
  kind: 'area_based' as const,
  regionCode: 'south',
  provinceCodes: [94, 95, 96, 91, 93, 92],
};
const TARGET_RANK_INDICATOR = 'poverty_rank_nesdc';

export interface DemoSeedOptions {
  /** Folder of the shipped seed files (area-indicators.csv). */
  seedDir: string;
  /** Optional folder in the thailand-geography-json layout to import districts and subdistricts from. */
  adminDir?: string | undefined;
  /** Optional GeoJSON of province boundaries. */
  boundariesFile?: string | undefined;
  log?: (line: string) => void;
  /** Where demo files go (the MOUs' signed copies, the knowledge library's PDFs); without it they are left out. */
  fileStorage?: FileStorage | undefined;
}

async function runOnce(db: Database, name: string, work: () => Promise<string>, log: (line: string) => void) {
  const done = await db.select().from(dataLoads).where(eq(dataLoads.name, name));
  if (done.length > 0) {
    log(`- ${name}: already loaded`);
    return;
  }
  const detail = await work();
  await db.insert(dataLoads).values({ name, detail }).onConflictDoNothing();
  log(`- ${name}: ${detail}`);
}

/**
 * Rebuilds the poor-province target group from the most recent ranked list of the NESDC poverty rank indicator.
 * Returns the year used, or null when there is no such list.
 */
export async function seedTargetGroupFromRanks(db: Database): Promise<number | null> {
  const latest = await getIndicatorValues(db, TARGET_RANK_INDICATOR, undefined).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') {
      return null;
    }
    throw error;
  });
  const year = latest?.year;
  if (!latest || year === null || year === undefined) {
    return null;
  }
  const ranks = [...latest.values].sort((a, b) => a.value - b.value);
  await saveProvinceGroup(db, {
    code: TARGET_GROUP_CODE,
    nameTh: 'กลุ่มจังหวัดยากจน',
    nameEn: 'Poor-province target group',
    descriptionTh: `จังหวัดที่มีสัดส่วนคนจนสูงสุด 10 อันดับแรก ตามข้อมูล สศช. ปี พ.ศ. ${year + 543}`,
    descriptionEn: `The ten provinces with the highest poverty headcount ratio, NESDC, ${year}`,
    source: ranks[0]?.sourceUrl ?? null,
    members: ranks.map((r) => ({ provinceCode: r.provinceCode, rank: Math.round(r.value) })),
  });
  return year;
}

/** The id of the `nth` demo account with `role` (made if missing), or null when there is none. */
async function demoAccountId(db: Database, role: PlatformRole | null, nth: number): Promise<string | null> {
  const account = DEMO_ACCOUNTS.filter((a) => a.role === role)[nth];
  return account ? ensureAccount(db, { ...account, password: DEMO_PASSWORD }) : null;
}

/** Loads the demo content once per database: poverty figures, the target group, and geography when available. */
export async function loadDemoContent(db: Database, options: DemoSeedOptions): Promise<void> {
  const log = options.log ?? (() => undefined);
  await runOnce(
    db,
    'area-indicators:poverty',
    async () => {
      const result = await importIndicatorCsv(db, path.join(options.seedDir, 'area-indicators.csv'));
      return `${result.values} values of ${result.indicators} indicators`;
    },
    log,
  );
  await runOnce(
    db,
    'province-group:poverty_target',
    async () => {
      const year = await seedTargetGroupFromRanks(db);
      return year === null ? 'no ranked list' : `top 10 of ${year}`;
    },
    log,
  );
  await runOnce(
    db,
    'demo-accounts',
    async () => {
      const unitId = await ensureDrivingUnit(db, DEMO_DRIVING_UNIT);
      for (const account of DEMO_ACCOUNTS) {
        await ensureAccount(db, {
          ...account,
          password: DEMO_PASSWORD,
          ...(account.role === 'driving_unit_staff' ? { drivingUnitId: unitId } : {}),
        });
      }
      return `${DEMO_ACCOUNTS.length} accounts (password ${DEMO_PASSWORD})`;
    },
    log,
  );
  await runOnce(
    db,
    'demo-calls',
    async () => {
      const partner = DEMO_ACCOUNTS.find((a) => a.role === 'partner');
      const partnerUserId = partner ? await ensureAccount(db, { ...partner, password: DEMO_PASSWORD }) : null;
      return ensureDemoCalls(db, { now: new Date(), partnerUserId });
    },
    log,
  );
  if (options.adminDir && existsSync(path.join(options.adminDir, 'subdistricts.json'))) {
    const adminDir = options.adminDir;
    await runOnce(
      db,
      'geo:administrative-areas',
      async () => {
        const result = await importAdministrativeAreas(db, adminDir);
        return `${result.districts} districts, ${result.subdistricts} subdistricts from ${adminDir}`;
      },
      log,
    );
  } else {
    log('- geo:administrative-areas: skipped (no folder; run npm run geo:import -- --admin <folder>)');
  }
  if (options.boundariesFile && existsSync(options.boundariesFile)) {
    const file = options.boundariesFile;
    await runOnce(
      db,
      'geo:province-boundaries',
      async () => {
        const result = await importBoundaries(db, file, path.basename(file));
        return `${result.provinces} province boundaries from ${file}`;
      },
      log,
    );
  } else {
    log(
      '- geo:province-boundaries: skipped (no file; run npm run geo:import -- --boundaries <file.geojson>)',
    );
  }
  await runOnce(
    db,
    'demo-review-round',
    async () => {
      const idOf = (role: PlatformRole | null, nth = 0) => demoAccountId(db, role, nth);
      const officerUserId = await idOf('programme_officer');
      const applicantUserId = await idOf(null);
      const reviewerUserIds: string[] = [];
      for (const [nth, account] of DEMO_ACCOUNTS.filter((a) => a.role === 'reviewer').entries()) {
        const id = await idOf(account.role, nth);
        if (id) {
          reviewerUserIds.push(id);
        }
      }
      if (!officerUserId || !applicantUserId || reviewerUserIds.length < 2) {
        return 'no demo officer, applicant or reviewers';
      }
      return ensureDemoReviewRound(db, { now: new Date(), officerUserId, applicantUserId, reviewerUserIds });
    },
    log,
  );
  await runOnce(
    db,
    'demo-projects',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      const applicantUserId = await demoAccountId(db, null, 0);
      if (!officerUserId || !applicantUserId) {
        return 'no demo officer or applicant';
      }
      return ensureDemoProjects(db, {
        now: new Date(),
        officerUserId,
        applicantUserId,
        drivingUnitId: await ensureDrivingUnit(db, DEMO_DRIVING_UNIT),
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-units',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      if (!officerUserId) {
        return 'no demo officer';
      }
      return ensureDemoUnits(db, {
        now: new Date(),
        officerUserId,
        unitStaffUserId: await demoAccountId(db, 'driving_unit_staff', 0),
        drivingUnitId: await ensureDrivingUnit(db, DEMO_DRIVING_UNIT),
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-mentoring',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      const unitStaffUserId = await demoAccountId(db, 'driving_unit_staff', 0);
      const applicantUserId = await demoAccountId(db, null, 0);
      const mentorUserId = await demoAccountId(db, null, 1);
      const mentorEmail = DEMO_ACCOUNTS.filter((a) => a.role === null)[1]?.email;
      if (!officerUserId || !unitStaffUserId || !applicantUserId || !mentorUserId || !mentorEmail) {
        return 'no demo officer, unit staff, applicant or mentor';
      }
      return ensureDemoMentoring(db, {
        now: new Date(),
        officerUserId,
        unitStaffUserId,
        applicantUserId,
        mentorUserId,
        mentorEmail,
        drivingUnitId: await ensureDrivingUnit(db, DEMO_DRIVING_UNIT),
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-cohorts',
    async () => {
      const unitStaffUserId = await demoAccountId(db, 'driving_unit_staff', 0);
      if (!unitStaffUserId) {
        return 'no demo unit staff';
      }
      return ensureDemoCohorts(db, {
        now: new Date(),
        unitStaffUserId,
        drivingUnitId: await ensureDrivingUnit(db, DEMO_DRIVING_UNIT),
        applicantUserId: await demoAccountId(db, null, 0),
        password: DEMO_PASSWORD,
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-activities',
    async () => {
      const unitStaffUserId = await demoAccountId(db, 'driving_unit_staff', 0);
      if (!unitStaffUserId) {
        return 'no demo unit staff';
      }
      const participants: string[] = [];
      for (const [role, nth] of [
        [null, 0],
        ['partner', 0],
        ['reviewer', 0],
        ['reviewer', 1],
        ['reviewer', 2],
        [null, 1],
      ] as const) {
        const id = await demoAccountId(db, role, nth);
        if (id) {
          participants.push(id);
        }
      }
      return ensureDemoActivities(db, {
        now: new Date(),
        unitStaffUserId,
        drivingUnitId: await ensureDrivingUnit(db, DEMO_DRIVING_UNIT),
        participantUserIds: participants,
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-contest',
    async () => {
      const idOf = (role: PlatformRole | null, nth = 0) => demoAccountId(db, role, nth);
      const officerUserId = await idOf('programme_officer');
      const applicantUserId = await idOf(null);
      const partnerUserId = await idOf('partner');
      const judgeUserIds: string[] = [];
      for (const nth of DEMO_ACCOUNTS.filter((a) => a.role === 'reviewer').keys()) {
        const id = await idOf('reviewer', nth);
        if (id) {
          judgeUserIds.push(id);
        }
      }
      if (!officerUserId || !applicantUserId || judgeUserIds.length === 0) {
        return 'no demo officer, applicant or reviewers';
      }
      return ensureDemoContest(db, {
        now: new Date(),
        officerUserId,
        applicantUserId,
        partnerUserId,
        judgeUserIds,
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-network',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      if (!officerUserId) {
        return 'no demo officer';
      }
      return ensureDemoNetwork(db, {
        now: new Date(),
        officerUserId,
        drivingUnitId: await ensureDrivingUnit(db, DEMO_DRIVING_UNIT),
        fileStorage: options.fileStorage,
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-knowledge',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      if (!officerUserId) {
        return 'no demo officer';
      }
      return ensureDemoKnowledge(db, {
        now: new Date(),
        officerUserId,
        drivingUnitId: await ensureDrivingUnit(db, DEMO_DRIVING_UNIT),
        fileStorage: options.fileStorage,
      });
    },
    log,
  );
  await runOnce(
    db,
    'demo-innovations',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      if (!officerUserId) {
        return 'no demo officer';
      }
      return ensureDemoInnovations(db, { now: new Date(), officerUserId });
    },
    log,
  );
  await runOnce(
    db,
    'demo-diffusion',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      if (!officerUserId) {
        return 'no demo officer';
      }
      return ensureDemoDiffusion(db, { now: new Date(), officerUserId });
    },
    log,
  );
  await runOnce(
    db,
    'demo-needs',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      const localGovUserId = await demoAccountId(db, null, 2);
      if (!officerUserId || !localGovUserId) {
        return 'no demo officer or local-government account';
      }
      return ensureDemoNeeds(db, { now: new Date(), officerUserId, localGovUserId });
    },
    log,
  );
  await runOnce(
    db,
    'demo-impact',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      const applicantUserId = await demoAccountId(db, null, 0);
      if (!officerUserId) {
        return 'no demo officer';
      }
      return ensureDemoImpact(db, { now: new Date(), officerUserId, applicantUserId });
    },
    log,
  );
  await runOnce(
    db,
    'demo-portfolio',
    async () => {
      const officerUserId = await demoAccountId(db, 'programme_officer', 0);
      if (!officerUserId) {
        return 'no demo officer';
      }
      // The past grantees' organisations belong to an account of their own, not to the demo applicant.
      const granteeUserId = await ensureAccount(db, { ...PORTFOLIO_GRANTEE, password: DEMO_PASSWORD });
      const startedAt = new Date();
      const result = await ensureDemoPortfolio(db, {
        now: new Date(),
        officerUserId,
        granteeUserId,
        fileStorage: options.fileStorage,
      });
      // Past years' mail (awards, payments, reports of FY2567–2568) stays in the mail viewer, unsent.
      const kept = await captureQueuedEmailsSince(db, startedAt);
      return `${result}; ${kept} messages of past years kept unsent`;
    },
    log,
  );
}
