import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import type { UnitMeasure, UnitProfileBody } from '@shared/contracts/driving-units';
import {
  currentFiscalYear,
  ensureDrivingUnit,
  getUnitDetail,
  setUnitTargets,
  updateUnitProfile,
  type DrivingUnitInput,
} from './driving-units.service';

export interface DemoUnitsOptions {
  now: Date;
  officerUserId: string;
  /** The demo unit (Southern Border Area-based Driving Unit) and one of its staff. */
  drivingUnitId: string;
  unitStaffUserId: string | null;
}

const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });

type Targets = Partial<Record<UnitMeasure, number>>;

/** Two more units, so that the directory and the national roll-up have more than one row. */
const OTHER_UNITS: ReadonlyArray<{
  unit: DrivingUnitInput;
  profile: Omit<UnitProfileBody, 'version'>;
  targets: Targets;
}> = [
  {
    unit: {
      nameTh: 'หน่วยขับเคลื่อนนวัตกรรมเพื่อสังคมเชิงพื้นที่ ภาคเหนือตอนล่าง (ตัวอย่าง)',
      nameEn: 'Lower Northern Area-based Driving Unit (demo)',
      kind: 'area_based',
      regionCode: 'north',
      provinceCodes: [53, 54, 55],
    },
    profile: {
      hostNameTh: 'มหาวิทยาลัยนเรศวร (ตัวอย่าง)',
      hostNameEn: 'Naresuan University (demo)',
      descriptionTh:
        'บ่มเพาะวิสาหกิจชุมชนและกลุ่มเกษตรกรในจังหวัดอุตรดิตถ์ แพร่ และน่าน ด้านการจัดการป่าชุมชน ผ้าทอ และการท่องเที่ยวโดยชุมชน',
      descriptionEn:
        'Incubates community enterprises and farmer groups of Uttaradit, Phrae and Nan: community forests, hand-woven textiles and community-based tourism.',
      contactEmail: 'si-north@demo.si-platform.test',
      contactPhone: '055 000 100',
      website: null,
    },
    targets: {
      activities_held: 18,
      participants_trained: 450,
      communities_trained: 30,
      teams_incubated: 12,
      mentoring_hours: 200,
      projects_supervised: 6,
      innovations_produced: 4,
    },
  },
  {
    unit: {
      nameTh: 'หน่วยขับเคลื่อนผู้ประกอบการสังคมและเยาวชน (ตัวอย่าง)',
      nameEn: 'Driving Unit for Social Entrepreneurs and Youth (demo)',
      kind: 'entrepreneurs_youth',
      regionCode: null,
      provinceCodes: [],
    },
    profile: {
      hostNameTh: 'สมาคมผู้ประกอบการสังคมไทย (ตัวอย่าง)',
      hostNameEn: 'Thai Social Enterprise Association (demo)',
      descriptionTh: 'บูทแคมป์และการโค้ชสำหรับผู้ประกอบการสังคมรุ่นใหม่และทีมเยาวชนทั่วประเทศ ตั้งแต่ไอเดียจนถึงการระดมทุน',
      descriptionEn:
        'Bootcamps and coaching for young social entrepreneurs and youth teams nationwide, from the idea to raising funds.',
      contactEmail: 'si-youth@demo.si-platform.test',
      contactPhone: null,
      website: null,
    },
    targets: {
      activities_held: 12,
      participants_trained: 300,
      teams_incubated: 20,
      mentoring_hours: 240,
    },
  },
];

const SOUTH_PROFILE: Omit<UnitProfileBody, 'version'> = {
  hostNameTh: 'มหาวิทยาลัยสงขลานครินทร์ วิทยาเขตปัตตานี (ตัวอย่าง)',
  hostNameEn: 'Prince of Songkla University, Pattani Campus (demo)',
  descriptionTh:
    'หน่วยขับเคลื่อนนวัตกรรมเพื่อสังคมในพื้นที่จังหวัดชายแดนภาคใต้ ทำงานกับวิสาหกิจชุมชน กลุ่มประมงพื้นบ้าน และกลุ่มสตรีในปัตตานี ยะลา นราธิวาส สตูล ตรัง และพัทลุง\nอบรม บ่มเพาะ และเป็นพี่เลี้ยงให้ชุมชนพัฒนานวัตกรรมด้านอาหารฮาลาล การจัดการน้ำ และการท่องเที่ยวโดยชุมชน',
  descriptionEn:
    'The social-innovation driving unit of the southern border provinces, working with community enterprises, small-scale fisher groups and women’s groups in Pattani, Yala, Narathiwat, Satun, Trang and Phatthalung.\nIt trains, incubates and mentors communities developing innovations in halal food, water management and community-based tourism.',
  contactEmail: 'si-south@demo.si-platform.test',
  contactPhone: '073 000 200',
  website: null,
};

/** The demo unit's targets: this fiscal year's, and last year's for comparison. */
const SOUTH_TARGETS: Targets = {
  activities_held: 24,
  participants_trained: 600,
  communities_trained: 40,
  teams_incubated: 15,
  mentoring_hours: 300,
  projects_supervised: 8,
  innovations_produced: 6,
};
const SOUTH_TARGETS_LAST_YEAR: Targets = {
  activities_held: 20,
  participants_trained: 500,
  communities_trained: 35,
  teams_incubated: 12,
  mentoring_hours: 240,
  projects_supervised: 6,
  innovations_produced: 5,
};

async function saveProfile(
  db: Database,
  userId: string,
  unitId: string,
  profile: Omit<UnitProfileBody, 'version'>,
  now: Date,
): Promise<void> {
  const officer = systemActor(userId, ['programme_officer']);
  const { profile: current } = await getUnitDetail(db, officer, unitId, now);
  await updateUnitProfile(db, officer, unitId, { ...profile, version: current.version }, META(userId));
}

async function saveTargets(
  db: Database,
  officerUserId: string,
  unitId: string,
  fiscalYear: number,
  targets: Targets,
  now: Date,
): Promise<void> {
  const officer = systemActor(officerUserId, ['programme_officer']);
  const rows = Object.entries(targets).map(([measure, target]) => ({
    measure: measure as UnitMeasure,
    target: target ?? null,
  }));
  await setUnitTargets(db, officer, unitId, { fiscalYear, targets: rows }, META(officerUserId), now);
}

/**
 * Demo driving units: the demo unit's profile (kept by its staff) and its targets for this fiscal year and the last
 * (set by the officer); two more units with profiles and targets so the directory and roll-up have rows to compare.
 * Actuals are not seeded here: the dashboards count the activities, cohorts, mentoring and projects of the other
 * demo stages.
 */
export async function ensureDemoUnits(db: Database, options: DemoUnitsOptions): Promise<string> {
  const { now, officerUserId, drivingUnitId } = options;
  const fiscalYear = currentFiscalYear(now);
  if (options.unitStaffUserId) {
    const staff = { ...systemActor(options.unitStaffUserId, ['driving_unit_staff']), drivingUnitId };
    const { profile } = await getUnitDetail(db, staff, drivingUnitId, now);
    await updateUnitProfile(
      db,
      staff,
      drivingUnitId,
      { ...SOUTH_PROFILE, version: profile.version },
      META(options.unitStaffUserId),
    );
  } else {
    await saveProfile(db, officerUserId, drivingUnitId, SOUTH_PROFILE, now);
  }
  await saveTargets(db, officerUserId, drivingUnitId, fiscalYear, SOUTH_TARGETS, now);
  await saveTargets(db, officerUserId, drivingUnitId, fiscalYear - 1, SOUTH_TARGETS_LAST_YEAR, now);
  for (const other of OTHER_UNITS) {
    const unitId = await ensureDrivingUnit(db, other.unit);
    await saveProfile(db, officerUserId, unitId, other.profile, now);
    await saveTargets(db, officerUserId, unitId, fiscalYear, other.targets, now);
  }
  return `profiles and FY${fiscalYear} targets of ${OTHER_UNITS.length + 1} driving units`;
}
