import type { Database } from '@server/db/client';
import { systemActor, type Actor, type RequestMeta } from '@server/lib/authz';
import { translate } from '@server/lib/i18n';
import { ensureAccount, findPerson } from '@server/modules/accounts/accounts.service';
import { createOrganisation } from '@server/modules/organisations/organisations.service';
import { CreateOrganisationBodySchema } from '@shared/contracts/organisations';
import type { CohortDetail } from '@shared/contracts/cohorts';
import { saveQuestionnaire, submitResponse } from './assessments.service';
import { addMember, createCohort, listCohorts } from './cohorts.service';

export interface DemoCohortsOptions {
  now: Date;
  /** The demo unit's staff account: it makes the cohorts. */
  unitStaffUserId: string;
  drivingUnitId: string;
  /** The demo applicant: a member who has answered only the pre questionnaire, so they can try the post one. */
  applicantUserId: string | null;
  /** Password of the participants' demo accounts. */
  password: string;
}

const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });

/** Participants of the demo cohort: community enterprises and youth groups of the southern border provinces. */
const PARTICIPANTS = [
  {
    email: 'farida@demo.si-platform.test',
    name: 'ฟาริดา มะลี',
    organisation: { nameTh: 'วิสาหกิจชุมชนผ้าบาติกบ้านทอน', nameEn: 'Ban Thon Batik Community Enterprise' },
    type: 'community_enterprise',
    provinceCode: 96,
    pre: [2, 2, 1, 2, 1],
    post: [4, 4, 3, 3, 3],
  },
  {
    email: 'abdullah@demo.si-platform.test',
    name: 'อับดุลเลาะ สาและ',
    organisation: { nameTh: 'วิสาหกิจชุมชนประมงพื้นบ้านปะนาเระ', nameEn: 'Panare Small-scale Fishers Enterprise' },
    type: 'community_enterprise',
    provinceCode: 94,
    pre: [3, 2, 2, 1, 2],
    post: [4, 3, 4, 3, 3],
  },
  {
    email: 'sunisa@demo.si-platform.test',
    name: 'สุนิสา แก้วมณี',
    organisation: { nameTh: 'กลุ่มเยาวชนรักษ์ถิ่นเบตง', nameEn: 'Betong Home-town Youth Group' },
    type: 'youth_group',
    provinceCode: 95,
    pre: [3, 3, 2, 2, 2],
    post: [4, 4, 4, 3, 4],
  },
  {
    email: 'maroning@demo.si-platform.test',
    name: 'มะรอนิง ดอเลาะ',
    organisation: { nameTh: 'วิสาหกิจชุมชนแปรรูปทุเรียนบาเจาะ', nameEn: 'Bacho Durian Processing Enterprise' },
    type: 'community_enterprise',
    provinceCode: 96,
    pre: [4, 3, 3, 3, 3],
    post: [4, 3, 3, 3, 3],
  },
  {
    email: 'nuriyah@demo.si-platform.test',
    name: 'นูรีย๊ะ เจ๊ะเต๊ะ',
    organisation: null,
    type: null,
    provinceCode: 94,
    pre: [2, 3, 2, 3, 2],
    post: [3, 3, 2, 2, 2],
  },
  {
    email: 'kittipong@demo.si-platform.test',
    name: 'กิตติพงศ์ ศรีสุข',
    organisation: {
      nameTh: 'กลุ่มท่องเที่ยวชุมชนบ้านจุฬาภรณ์พัฒนา',
      nameEn: 'Chulabhorn Pattana Community Tourism Group',
    },
    type: 'civil_society_group',
    provinceCode: 96,
    pre: [1, 2, 1, 1, 1],
    post: null,
  },
] as const;

const ITEM_IDS = ['problem', 'codesign', 'prototype', 'finance', 'impact'] as const;

const answersOf = (points: readonly number[]) =>
  Object.fromEntries(ITEM_IDS.map((id, i) => [id, points[i] ?? 3]));

/**
 * The demo unit's incubation cohorts: the running one (six participants from community enterprises and youth groups
 * of the southern border provinces, a five-item capacity questionnaire on a 1–5 scale, five who answered before and
 * after, one who answered only before; the demo applicant a member who answered only before) and the next one, just
 * made, without members yet. Returns what it made, or why it made nothing.
 */
export async function ensureDemoCohorts(db: Database, options: DemoCohortsOptions): Promise<string> {
  const { now, unitStaffUserId, drivingUnitId } = options;
  const staff: Actor = { ...systemActor(unitStaffUserId, ['driving_unit_staff']), drivingUnitId };
  const existing = await listCohorts(db, staff, { drivingUnitId });
  if (existing.length > 0) {
    return `${existing.length} cohorts already`;
  }
  const meta = META(unitStaffUserId);
  const year = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(now),
  );
  const month = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok', month: 'numeric' }).format(now),
  );
  // The Thai fiscal year starts on 1 October: from October it is the next year's (BE).
  const fiscalYear = year + 543 + (month >= 10 ? 1 : 0);
  const isoDay = (offsetDays: number) =>
    new Date(now.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);

  const running: CohortDetail = await createCohort(
    db,
    staff,
    {
      programmeId: null,
      nameTh: `กลุ่มบ่มเพาะนวัตกรชุมชนชายแดนใต้ รุ่นที่ 1 ปี ${fiscalYear}`,
      nameEn: `Southern Border Community Innovators, cohort 1 (FY ${fiscalYear})`,
      descriptionTh:
        'บ่มเพาะวิสาหกิจชุมชนและกลุ่มเยาวชนในปัตตานี ยะลา และนราธิวาส ให้ออกแบบและทดสอบนวัตกรรมเพื่อแก้ปัญหาของชุมชน ผ่านเวิร์กช็อป คลินิกให้คำปรึกษา และวันนำเสนอผลงาน',
      descriptionEn:
        'Incubates community enterprises and youth groups of Pattani, Yala and Narathiwat to design and test innovations for their communities, through workshops, clinics and a pitching day.',
      fiscalYear,
      startsOn: isoDay(-90),
      endsOn: isoDay(30),
      audiences: ['community_enterprise', 'youth', 'community'],
    },
    meta,
  );
  const questionnaire = await saveQuestionnaire(
    db,
    staff,
    running.id,
    {
      version: null,
      titleTh: translate('th', 'cohorts.questionnaire.starter.title'),
      titleEn: translate('en', 'cohorts.questionnaire.starter.title'),
      scalePoints: 5,
      items: ITEM_IDS.map((id, i) => ({
        id,
        textTh: translate('th', `cohorts.questionnaire.starter.items.item${i + 1}`),
        textEn: translate('en', `cohorts.questionnaire.starter.items.item${i + 1}`),
      })),
    },
    meta,
  );

  let answeredBoth = 0;
  for (const p of PARTICIPANTS) {
    const userId = await ensureAccount(db, {
      email: p.email,
      name: p.name,
      password: options.password,
      role: null,
    });
    const member = systemActor(userId);
    let organisationId: string | null = null;
    if (p.organisation && p.type) {
      const organisation = await createOrganisation(
        db,
        member,
        CreateOrganisationBodySchema.parse({ ...p.organisation, type: p.type, provinceCode: p.provinceCode }),
        META(userId),
      );
      organisationId = organisation.id;
    }
    await addMember(db, staff, running.id, { email: p.email, organisationId }, meta);
    await submitResponse(
      db,
      member,
      running.id,
      { phase: 'pre', answers: answersOf(p.pre) },
      META(userId),
      new Date(now.getTime() - 85 * 86_400_000),
    );
    if (p.post) {
      await submitResponse(
        db,
        member,
        running.id,
        { phase: 'post', answers: answersOf(p.post) },
        META(userId),
        new Date(now.getTime() - 2 * 86_400_000),
      );
      answeredBoth += 1;
    }
  }
  if (options.applicantUserId) {
    const applicant = await listCohorts(db, systemActor(options.applicantUserId), {});
    if (applicant.length === 0) {
      const email = (await findPerson(db, options.applicantUserId))?.email ?? null;
      if (email) {
        await addMember(db, staff, running.id, { email, organisationId: null }, meta);
        await submitResponse(
          db,
          systemActor(options.applicantUserId),
          running.id,
          { phase: 'pre', answers: answersOf([3, 2, 2, 2, 3]) },
          META(options.applicantUserId),
          new Date(now.getTime() - 80 * 86_400_000),
        );
      }
    }
  }

  await createCohort(
    db,
    staff,
    {
      programmeId: null,
      nameTh: `กลุ่มบ่มเพาะนวัตกรชุมชนชายแดนใต้ รุ่นที่ 2 ปี ${fiscalYear}`,
      nameEn: `Southern Border Community Innovators, cohort 2 (FY ${fiscalYear})`,
      descriptionTh: 'รุ่นถัดไป เปิดรับวิสาหกิจชุมชนและผู้ประกอบการสังคมรายใหม่',
      descriptionEn: 'The next cohort, open to new community enterprises and social entrepreneurs.',
      fiscalYear,
      startsOn: isoDay(45),
      endsOn: isoDay(165),
      audiences: ['community_enterprise', 'social_entrepreneur'],
    },
    meta,
  );
  return `2 cohorts; ${PARTICIPANTS.length} participants, ${answeredBoth} answered before and after (${questionnaire.items.length} items)`;
}
