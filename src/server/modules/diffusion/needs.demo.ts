import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import { createOrganisation, lookupOrganisations } from '@server/modules/organisations/organisations.service';
import type { CreateNeedBody } from '@shared/contracts/needs';
import { bangkokDate } from '@shared/projects/plan';
import { openInterestAdoption } from './adoptions.service';
import { actOnNeed, createNeed, getNeedMatches } from './needs.service';
import { needTitled } from './needs.repo';

export interface DemoNeedsOptions {
  now: Date;
  officerUserId: string;
  /** The demo local-government account: owner of the demo municipality, which expresses interest once. */
  localGovUserId: string;
}

/** The demo local government: a subdistrict municipality in Pattani, first of the poor-province target group. */
export const DEMO_LOCAL_GOVERNMENT = {
  nameTh: 'เทศบาลตำบลบานา (ตัวอย่าง)',
  nameEn: 'Bana Subdistrict Municipality (demo)',
  type: 'local_government' as const,
  provinceCode: 94,
  description: 'องค์กรปกครองส่วนท้องถิ่นริมอ่าวปัตตานี ดูแลตลาดสด ชุมชนประมงพื้นบ้าน และหมู่บ้านในเขตเทศบาล (ข้อมูลตัวอย่าง)',
  themes: ['environment' as const, 'finance_employment_welfare' as const],
};

type DemoNeed = Omit<CreateNeedBody, 'consent' | 'districtCode' | 'subdistrictCode' | 'villageNo'> & {
  /** What staff did with it. */
  outcome: 'publish' | 'reject' | 'pending';
  note?: string;
};

const NEEDS: DemoNeed[] = [
  {
    theme: 'environment',
    titleTh: 'ขยะอินทรีย์จากตลาดสดล้นบ่อฝังกลบของเทศบาล',
    descriptionTh:
      'ตลาดสดบานามีขยะเศษผักและเศษปลาวันละกว่า 2 ตัน บ่อฝังกลบใกล้เต็ม กลิ่นรบกวนชุมชนรอบข้าง เทศบาลอยากได้วิธีคัดแยกที่ต้นทางและแปรรูปขยะอินทรีย์เป็นปุ๋ยหรือก๊าซหุงต้มที่ชุมชนดูแลเองได้',
    peopleAffected: 8500,
    provinceCode: 94,
    villageName: 'ชุมชนตลาดบานา',
    requesterName: 'นายอับดุลเลาะ สาและ',
    requesterOrganisation: DEMO_LOCAL_GOVERNMENT.nameTh,
    requesterType: 'local_government',
    contactEmail: 'localgov@demo.si-platform.test',
    contactPhone: '073-000-111',
    outcome: 'publish',
  },
  {
    theme: 'sustainable_agriculture',
    titleTh: 'ดินเค็มทำให้ผลผลิตข้าวหอมมะลิลดลงทุกปี',
    descriptionTh:
      'นาข้าวในตำบลกว่า 1,200 ไร่มีคราบเกลือขึ้นในหน้าแล้ง ผลผลิตลดจาก 350 เหลือไม่ถึง 250 กิโลกรัมต่อไร่ เกษตรกรอยากได้วิธีปรับปรุงดินและพันธุ์พืชที่ทนเค็มซึ่งลงทุนไม่สูง',
    peopleAffected: 640,
    provinceCode: 33,
    villageName: 'บ้านโนนสำราญ',
    requesterName: 'นายสมพร ศรีสุข',
    requesterOrganisation: 'วิสาหกิจชุมชนข้าวหอมมะลิโนนสำราญ',
    requesterType: 'community_enterprise',
    contactEmail: '',
    contactPhone: '089-000-2345',
    outcome: 'publish',
  },
  {
    theme: 'health',
    titleTh: 'ผู้สูงอายุติดเตียงบนดอยเข้าไม่ถึงการทำกายภาพบำบัด',
    descriptionTh:
      'หมู่บ้านบนดอยอยู่ห่างโรงพยาบาลอำเภอกว่า 60 กิโลเมตร ถนนขาดช่วงฤดูฝน ผู้สูงอายุติดเตียง 37 คนไม่ได้ทำกายภาพต่อเนื่อง อสม. อยากได้ความรู้และอุปกรณ์ที่ญาติใช้ดูแลที่บ้านได้',
    peopleAffected: 37,
    provinceCode: 58,
    villageName: 'บ้านห้วยปูลิง',
    requesterName: 'นางบัวคำ แสงดี',
    requesterOrganisation: 'รพ.สต. ห้วยปูลิง',
    requesterType: 'health_promoting_hospital',
    contactEmail: 'huaipuling@example.org',
    contactPhone: '',
    outcome: 'publish',
  },
  {
    theme: 'government_education',
    titleTh: 'เด็กชาติพันธุ์อ่านภาษาไทยไม่คล่องเมื่อขึ้นชั้น ป.3',
    descriptionTh:
      'นักเรียนส่วนใหญ่พูดภาษากะเหรี่ยงที่บ้าน ครูพบว่าเด็ก ป.3 เกือบครึ่งอ่านจับใจความภาษาไทยไม่ได้ โรงเรียนอยากได้สื่อและวิธีสอนสองภาษาที่ครูและผู้ปกครองช่วยกันได้',
    peopleAffected: 180,
    provinceCode: 63,
    villageName: 'บ้านแม่ละเมา',
    requesterName: 'นายวีระ ใจงาม',
    requesterOrganisation: 'โรงเรียนบ้านแม่ละเมา',
    requesterType: 'school',
    contactEmail: 'maelamao.school@example.org',
    contactPhone: '',
    outcome: 'publish',
  },
  {
    theme: 'food_water_energy',
    titleTh: 'น้ำประปาหมู่บ้านไม่พอใช้ในหน้าแล้ง',
    descriptionTh:
      'ประปาหมู่บ้านสูบน้ำจากบ่อตื้นที่แห้งตั้งแต่เดือนมีนาคม ชาวบ้านต้องซื้อน้ำใช้เดือนละหลายร้อยบาท คณะกรรมการหมู่บ้านอยากได้วิธีเก็บน้ำฝนและบริหารน้ำที่ชุมชนดูแลเอง',
    peopleAffected: 420,
    provinceCode: 39,
    villageName: 'บ้านโคกสะอาด',
    requesterName: 'นายทองใบ พรมมา',
    requesterOrganisation: 'คณะกรรมการหมู่บ้านโคกสะอาด',
    requesterType: 'village_committee',
    contactEmail: '',
    contactPhone: '081-000-4567',
    outcome: 'publish',
  },
  {
    theme: 'finance_employment_welfare',
    titleTh: 'เยาวชนว่างงานหลังจบ ม.6 ไม่มีรายได้ในชุมชน',
    descriptionTh:
      'เยาวชนในตำบลจบ ม.6 ปีละราว 60 คน ส่วนใหญ่ไม่ได้เรียนต่อและหางานในพื้นที่ไม่ได้ ผู้นำศาสนาและผู้ปกครองอยากได้แนวทางสร้างอาชีพจากของดีในชุมชน',
    peopleAffected: 60,
    provinceCode: 96,
    villageName: 'บ้านบาเระ',
    requesterName: 'นายมะยูโซ๊ะ ดอเลาะ',
    requesterOrganisation: 'กลุ่มเยาวชนบาเระ',
    requesterType: 'youth_group',
    contactEmail: 'baree.youth@example.org',
    contactPhone: '',
    outcome: 'publish',
  },
  {
    theme: 'tourism_culture',
    titleTh: 'ชุมชนประมงอยากรับนักท่องเที่ยวแต่ไม่มีคนจัดการ',
    descriptionTh:
      'นักท่องเที่ยวแวะมาดูเรือกอและและซื้ออาหารทะเลแห้งมากขึ้น แต่ชุมชนไม่มีคนนำเที่ยวและระบบแบ่งรายได้ อยากได้รูปแบบการท่องเที่ยวโดยชุมชนที่ไม่ทำลายวิถีประมง',
    peopleAffected: 300,
    provinceCode: 91,
    villageName: 'บ้านตันหยงโป',
    requesterName: 'นางสาวซารีฟะห์ หลงกาสี',
    requesterOrganisation: '',
    requesterType: 'community_group',
    contactEmail: '',
    contactPhone: '087-000-6789',
    outcome: 'pending',
  },
  {
    theme: 'disaster_management',
    titleTh: 'น้ำป่าไหลหลากทุกปีแต่หมู่บ้านไม่มีระบบเตือนภัย',
    descriptionTh:
      'ปีที่ผ่านมาน้ำป่าไหลหลากกลางดึกสองครั้ง บ้านเสียหาย 14 หลัง ชาวบ้านอยากได้ระบบวัดระดับน้ำและแจ้งเตือนที่ดูแลเองได้ พร้อมแผนอพยพของหมู่บ้าน',
    peopleAffected: 520,
    provinceCode: 77,
    villageName: 'บ้านป่าเด็ง',
    requesterName: 'นายประเสริฐ มีสุข',
    requesterOrganisation: 'อบต. ป่าเด็ง',
    requesterType: 'local_government',
    contactEmail: 'padeng@example.org',
    contactPhone: '',
    outcome: 'pending',
  },
  {
    theme: 'urbanisation',
    titleTh: 'ขอรถบรรทุกขยะหนึ่งคัน',
    descriptionTh: 'ชุมชนต้องการรถบรรทุกขยะเพิ่มหนึ่งคัน',
    peopleAffected: 0,
    provinceCode: 92,
    villageName: '',
    requesterName: 'ผู้แจ้ง ตัวอย่าง',
    requesterOrganisation: '',
    requesterType: 'individual',
    contactEmail: 'someone@example.org',
    contactPhone: '',
    outcome: 'reject',
    note: 'เป็นคำขอครุภัณฑ์ ไม่ใช่ความต้องการนวัตกรรม แนะนำให้ติดต่อองค์กรปกครองส่วนท้องถิ่น',
  },
];

/**
 * The demo needs register: the demo municipality (owned by the local-government account), published, pending and
 * rejected needs in several provinces, and the municipality's interest in the innovation that best fits its need
 * (an adoption at "interested", linked to the need) when a diffusion-ready innovation is in the catalogue.
 */
export async function ensureDemoNeeds(db: Database, options: DemoNeedsOptions): Promise<string> {
  const first = NEEDS[0];
  if (first && (await needTitled(db, first.titleTh))) {
    return 'needs already there';
  }
  const officer = systemActor(options.officerUserId, ['programme_officer']);
  const meta: RequestMeta = { actorUserId: options.officerUserId, ip: null, requestId: null };
  const localGov = systemActor(options.localGovUserId);
  const existing = (await lookupOrganisations(db, DEMO_LOCAL_GOVERNMENT.nameTh)).find(
    (o) => o.nameTh === DEMO_LOCAL_GOVERNMENT.nameTh,
  );
  const organisationId =
    existing?.id ??
    (
      await createOrganisation(db, localGov, DEMO_LOCAL_GOVERNMENT, {
        actorUserId: options.localGovUserId,
        ip: null,
        requestId: null,
      })
    ).id;

  const ids: string[] = [];
  const counts = { published: 0, pending: 0, rejected: 0 };
  for (const need of NEEDS) {
    const { outcome, note, ...body } = need;
    const created = await createNeed(
      db,
      null,
      { ...body, districtCode: null, subdistrictCode: null, villageNo: null, consent: true },
      { actorUserId: null, ip: null, requestId: null },
      options.now,
    );
    ids.push(created.id);
    if (outcome === 'pending') {
      counts.pending += 1;
      continue;
    }
    await actOnNeed(
      db,
      officer,
      created.id,
      { action: outcome, note: note ?? '', version: 1 },
      meta,
      options.now,
    );
    counts[outcome === 'publish' ? 'published' : 'rejected'] += 1;
  }

  let interest = 'no diffusion-ready innovation';
  const firstNeed = ids[0];
  if (firstNeed) {
    const { target, matches } = await getNeedMatches(db, officer, firstNeed);
    const best = matches[0];
    if (best) {
      await db.transaction((tx) =>
        openInterestAdoption(
          tx,
          {
            innovationId: best.innovationId,
            provinceCode: target.provinceCode ?? DEMO_LOCAL_GOVERNMENT.provinceCode,
            districtCode: null,
            subdistrictCode: null,
            villageNo: null,
            villageName: target.villageName,
            adopterOrganisationId: organisationId,
            adopterName: DEMO_LOCAL_GOVERNMENT.nameTh,
            adopterType: DEMO_LOCAL_GOVERNMENT.type,
            needId: firstNeed,
            problemStatementId: null,
            note: 'เทศบาลพร้อมสมทบงบประมาณและจัดพื้นที่ตลาดสดเป็นจุดนำร่อง',
            actorId: options.localGovUserId,
            today: bangkokDate(options.now),
          },
          { actorUserId: options.localGovUserId, ip: null, requestId: null },
        ),
      );
      interest = `interest in "${best.titleTh}"`;
    }
  }
  return `${counts.published} published, ${counts.pending} pending, ${counts.rejected} rejected needs; ${interest}`;
}
