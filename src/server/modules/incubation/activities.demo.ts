import type { Database } from '@server/db/client';
import { systemActor, type Actor, type RequestMeta } from '@server/lib/authz';
import type { CreateActivityBody } from '@shared/contracts/activities';
import * as repo from './activities.repo';
import { createActivity, transitionActivity } from './activities.service';
import { register } from './registrations.service';
import { markAttendance } from './attendance.service';
import { issueToAttendees } from './certificates.service';
import { findPersonRegistration } from './registrations.repo';

export interface DemoActivitiesOptions {
  now: Date;
  unitStaffUserId: string;
  drivingUnitId: string;
  /** People who register (the demo applicant first: they get the certificate and a waitlist place). */
  participantUserIds: string[];
}

const DAY = 86_400_000;
const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });

/** 09:00 (or `hour`) in Bangkok, `days` from `now`. */
function bangkokAt(now: Date, days: number, hour = 9): Date {
  const day = new Date(now.getTime() + days * DAY + 7 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
}

interface Plan {
  days: number;
  hours: number;
  status: 'draft' | 'published' | 'completed';
  body: Omit<
    CreateActivityBody,
    'startsAt' | 'endsAt' | 'facilitators' | 'cohortId' | 'registrationClosesAt'
  >;
}

const PLANS: Plan[] = [
  {
    days: -20,
    hours: 7,
    status: 'completed',
    body: {
      kind: 'training_workshop',
      titleTh: 'อบรมเชิงปฏิบัติการ: ออกแบบนวัตกรรมจากทุนชุมชน',
      titleEn: 'Workshop: designing innovation from community assets',
      descriptionTh:
        'เรียนรู้การค้นหาทุนของชุมชน วิเคราะห์ปัญหาด้วยแผนที่ผู้มีส่วนได้ส่วนเสีย และออกแบบต้นแบบนวัตกรรมเพื่อสังคมที่ชุมชนทำได้เอง',
      descriptionEn:
        'Map community assets and stakeholders, then design a social innovation prototype together.',
      provinceCode: 94,
      districtCode: null,
      venue: 'ห้องประชุมศูนย์การเรียนรู้ชุมชน อำเภอเมืองปัตตานี',
      onlineUrl: null,
      capacity: 40,
      audiences: ['community', 'community_enterprise'],
      hours: 6,
      givesCertificate: true,
    },
  },
  {
    days: -6,
    hours: 3,
    status: 'completed',
    body: {
      kind: 'clinic',
      titleTh: 'คลินิกให้คำปรึกษา: การเขียนข้อเสนอโครงการนวัตกรรมสังคม',
      titleEn: 'Clinic: writing a social innovation proposal',
      descriptionTh: 'พี่เลี้ยงให้คำปรึกษารายทีมเรื่องการตั้งเป้าหมาย ตัวชี้วัด และงบประมาณของข้อเสนอโครงการ',
      descriptionEn: '',
      provinceCode: 95,
      districtCode: null,
      venue: 'อาคารเรียนรวม มหาวิทยาลัยราชภัฏยะลา',
      onlineUrl: null,
      capacity: 12,
      audiences: ['community_enterprise', 'social_entrepreneur'],
      hours: 3,
      givesCertificate: false,
    },
  },
  {
    days: 5,
    hours: 8,
    status: 'published',
    body: {
      kind: 'bootcamp',
      titleTh: 'บูตแคมป์ผู้ประกอบการสังคมรุ่นเยาว์ ชายแดนใต้',
      titleEn: 'Young social entrepreneurs bootcamp, southern border',
      descriptionTh: 'สามวันเข้มข้น ตั้งแต่ค้นหาปัญหา ทดสอบแนวคิดกับผู้ใช้จริง จนถึงแผนธุรกิจเพื่อสังคม รับจำนวนจำกัด',
      descriptionEn: 'Three intensive days from problem finding to a social business plan. Limited seats.',
      provinceCode: 96,
      districtCode: null,
      venue: 'ศูนย์เยาวชนจังหวัดนราธิวาส',
      onlineUrl: null,
      capacity: 2,
      audiences: ['youth', 'social_entrepreneur'],
      hours: 18,
      givesCertificate: true,
    },
  },
  {
    days: 12,
    hours: 2,
    status: 'published',
    body: {
      kind: 'online_session',
      titleTh: 'เวทีออนไลน์: การวัดผลลัพธ์ทางสังคมเบื้องต้น',
      titleEn: 'Online session: measuring social outcomes, the basics',
      descriptionTh: 'แนะนำการวางตัวชี้วัดผลลัพธ์ การเก็บข้อมูลก่อน–หลัง และการเล่าผลลัพธ์ให้ผู้สนับสนุนเข้าใจ',
      descriptionEn: '',
      provinceCode: null,
      districtCode: null,
      venue: '',
      onlineUrl: 'https://meet.example.org/si-outcomes',
      capacity: 100,
      audiences: ['community_enterprise', 'civil_society', 'local_government'],
      hours: 2,
      givesCertificate: true,
    },
  },
  {
    days: 25,
    hours: 9,
    status: 'published',
    body: {
      kind: 'study_visit',
      titleTh: 'ศึกษาดูงานการท่องเที่ยวโดยชุมชน เกาะสาหร่าย จังหวัดสตูล',
      titleEn: 'Study visit: community-based tourism, Sarai Island, Satun',
      descriptionTh: 'เรียนรู้การจัดการท่องเที่ยวโดยชุมชนและการแบ่งปันรายได้ จากวิสาหกิจชุมชนที่ดำเนินการมาแล้วกว่า 10 ปี',
      descriptionEn: '',
      provinceCode: 91,
      districtCode: null,
      venue: 'ท่าเรือตำมะลัง อำเภอเมืองสตูล',
      onlineUrl: null,
      capacity: 25,
      audiences: ['community', 'community_enterprise'],
      hours: 8,
      givesCertificate: true,
    },
  },
  {
    days: 40,
    hours: 6,
    status: 'published',
    body: {
      kind: 'pitching_day',
      titleTh: 'วันนำเสนอผลงานนวัตกรรมสังคม ภาคใต้ชายแดน',
      titleEn: 'Social innovation pitching day, southern border',
      descriptionTh: 'ทีมที่ผ่านการบ่มเพาะนำเสนอต้นแบบต่อคณะกรรมการและภาคีผู้สนับสนุน เปิดให้ผู้สนใจเข้าร่วมรับฟัง',
      descriptionEn: '',
      provinceCode: 94,
      districtCode: null,
      venue: 'หอประชุมมหาวิทยาลัยสงขลานครินทร์ วิทยาเขตปัตตานี',
      onlineUrl: null,
      capacity: 60,
      audiences: ['general_public', 'social_entrepreneur', 'academic'],
      hours: 6,
      givesCertificate: false,
    },
  },
  {
    days: 55,
    hours: 4,
    status: 'draft',
    body: {
      kind: 'creative_activity',
      titleTh: 'กิจกรรมสร้างสรรค์: ศิลปะเล่าเรื่องชุมชน',
      titleEn: '',
      descriptionTh: 'ร่างกิจกรรม รอยืนยันสถานที่',
      descriptionEn: '',
      provinceCode: 92,
      districtCode: null,
      venue: '',
      onlineUrl: null,
      capacity: 30,
      audiences: ['youth', 'community'],
      hours: 4,
      givesCertificate: true,
    },
  },
];

async function versionOf(db: Database, id: string): Promise<number> {
  return (await repo.findActivity(db, id))?.version ?? 1;
}

/**
 * The demo unit's activities: two past (one completed with attendance and the demo applicant's certificate), four
 * upcoming published ones (a full bootcamp with the applicant on its waitlist, an online session they hold a seat
 * at) and a draft; facilitators from the unit's SI personnel when the registry has some.
 */
export async function ensureDemoActivities(db: Database, options: DemoActivitiesOptions): Promise<string> {
  const { now, unitStaffUserId, drivingUnitId } = options;
  const staff: Actor = { ...systemActor(unitStaffUserId, ['driving_unit_staff']), drivingUnitId };
  const meta = META(unitStaffUserId);
  const people = options.participantUserIds;
  const [applicant, ...others] = people;
  const facilitators = (await repo.listFacilitatorOptions(db, drivingUnitId)).slice(0, 2);
  let certificates = 0;
  for (const [index, plan] of PLANS.entries()) {
    const startsAt = bangkokAt(now, plan.days);
    const endsAt = new Date(startsAt.getTime() + plan.hours * 3_600_000);
    const createdAt = new Date(Math.min(now.getTime(), startsAt.getTime()) - 20 * DAY);
    const id = await createActivity(
      db,
      staff,
      {
        ...plan.body,
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        registrationClosesAt: null,
        cohortId: null,
        facilitators:
          index < 3 ? facilitators.map((f) => ({ personId: f.personId, role: 'facilitator' })) : [],
      },
      meta,
    );
    if (plan.status === 'draft') {
      continue;
    }
    await transitionActivity(db, staff, id, 'publish', await versionOf(db, id), meta, createdAt);
    const registerAt = new Date(createdAt.getTime() + DAY);
    const who =
      index === 2
        ? [...others.slice(0, 2), ...(applicant ? [applicant] : [])]
        : index === 0
          ? people.slice(0, 4)
          : index === 1
            ? others.slice(0, 3)
            : index === 3
              ? people.slice(0, 3)
              : others.slice(0, 2);
    for (const [n, userId] of who.entries()) {
      await register(
        db,
        { ...systemActor(userId), drivingUnitId: null },
        id,
        { organisationId: null },
        META(userId),
        new Date(registerAt.getTime() + n * 3_600_000),
      );
    }
    if (plan.status === 'completed') {
      const during = new Date(startsAt.getTime() + 3_600_000);
      // The applicant (and one more at the clinic) attended; the workshop's other registrants did not come.
      const attended = index === 0 ? (applicant ? [applicant] : []) : who.slice(0, 2);
      for (const userId of attended) {
        const r = await findPersonRegistration(db, id, userId);
        if (r) {
          await markAttendance(
            db,
            staff,
            r.registration.id,
            { version: r.registration.version, attended: true },
            meta,
            during,
          );
        }
      }
      const after = new Date(endsAt.getTime() + 3_600_000);
      await transitionActivity(
        db,
        staff,
        id,
        'complete',
        await versionOf(db, id),
        meta,
        after,
        async (tx, before, when) => {
          certificates += await issueToAttendees(tx, { ...before, status: 'completed' }, meta, when);
        },
      );
    }
  }
  return `${PLANS.length} activities, ${certificates} certificate(s)`;
}
