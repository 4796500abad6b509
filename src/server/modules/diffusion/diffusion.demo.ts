import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '@server/db/client';
import { queryRows } from '@server/db/client';
import { adoptions, innovations } from '@server/db/schema/index';
import { recordAudit } from '@server/modules/audit/audit.service';
import { INNOVATION_CORPUS } from '@server/modules/innovations/innovations.corpus';
import { listProvinceGroupCodes } from '@server/modules/reference/reference.service';
import type { AdopterType, AdoptionStatus, BeneficiaryCount } from '@shared/contracts/diffusion';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import { PROVINCES } from '@shared/reference/provinces';
import { addDays, bangkokDate } from '@shared/projects/plan';
import * as repo from './adoptions.repo';

export interface DemoDiffusionOptions {
  now: Date;
  officerUserId: string;
}

/** Poor provinces used when the target group has not been loaded (NESDC's usual top ten). */
const FALLBACK_TARGET = [95, 58, 96, 94, 63, 33, 46, 35, 32, 64];

/** The kinds of adopter the demo names. */
export type DemoAdopterType = Extract<
  AdopterType,
  'local_government' | 'school' | 'community_enterprise' | 'village_committee' | 'health_promoting_hospital'
>;

/** One planned site: where (by rank in the target list or a province), who, how far it got, from whom it learnt. */
interface PlannedSite {
  inTarget: boolean;
  adopterType: DemoAdopterType;
  status: AdoptionStatus;
  /** Days before today the adopter showed interest. */
  daysAgo: number;
  /** Index (in the same plan) of the site it learnt from; null: from the origin. */
  learntFrom: number | null;
  beneficiaries: BeneficiaryCount[];
  fundingBaht: number;
  fundingSource: string;
  adaptationTh: string;
  story: string | null;
  reason?: string;
}

/** The same shape of diffusion for each model, varied by the innovation's index. */
function planFor(index: number): PlannedSite[] {
  const base: PlannedSite[] = [
    {
      inTarget: true,
      adopterType: 'local_government',
      status: 'sustained',
      daysAgo: 720,
      learntFrom: null,
      beneficiaries: [
        { group: 'poor_households', count: 120 + index * 7 },
        { group: 'elderly', count: 60 + index * 3 },
      ],
      fundingBaht: 180_000,
      fundingSource: 'ข้อบัญญัติงบประมาณ อบต.',
      adaptationTh: 'ปรับขนาดให้เหมาะกับจำนวนครัวเรือนและใช้วัสดุที่หาได้ในท้องถิ่น',
      story: 'ครบสองปีที่ชุมชนดูแลต่อเองได้ คณะทำงานหมู่บ้านประชุมทุกเดือนและเริ่มเป็นพี่เลี้ยงให้ตำบลข้างเคียง',
    },
    {
      inTarget: true,
      adopterType: 'school',
      status: 'adopted',
      daysAgo: 400,
      learntFrom: 0,
      beneficiaries: [{ group: 'children_youth', count: 240 + index * 11 }],
      fundingBaht: 45_000,
      fundingSource: 'กองทุนหลักประกันสุขภาพระดับท้องถิ่น',
      adaptationTh: 'นักเรียนแกนนำเป็นผู้บันทึกข้อมูลและสื่อสารกับผู้ปกครอง',
      story: 'นักเรียนแกนนำ 24 คนผ่านการอบรมจากพื้นที่ต้นแบบ และเริ่มใช้จริงตั้งแต่ภาคเรียนที่สอง',
    },
    {
      inTarget: false,
      adopterType: 'community_enterprise',
      status: 'implementing',
      daysAgo: 210,
      learntFrom: 0,
      beneficiaries: [{ group: 'farmers', count: 45 + index * 2 }],
      fundingBaht: 60_000,
      fundingSource: 'เงินออมของสมาชิกวิสาหกิจ',
      adaptationTh: 'ใช้ร่วมกับตลาดนัดชุมชนที่มีอยู่แล้ว',
      story: 'สมาชิกลงแรงร่วมกันเตรียมพื้นที่เสร็จแล้ว อยู่ระหว่างทดลองใช้รอบแรก',
    },
    {
      inTarget: true,
      adopterType: 'local_government',
      status: 'adopted',
      daysAgo: 330,
      learntFrom: 1,
      beneficiaries: [
        { group: 'general', count: 300 + index * 13 },
        { group: 'people_with_disabilities', count: 12 },
      ],
      fundingBaht: 95_000,
      fundingSource: 'งบพัฒนาจังหวัด',
      adaptationTh: 'เพิ่มการสื่อสารเป็นภาษาท้องถิ่นและจัดรอบพิเศษสำหรับคนพิการ',
      story: 'เปิดใช้อย่างเป็นทางการแล้ว นายก อบต. มอบหมายกองสวัสดิการสังคมดูแลต่อ',
    },
    {
      inTarget: false,
      adopterType: 'village_committee',
      status: 'discontinued',
      daysAgo: 500,
      learntFrom: null,
      beneficiaries: [],
      fundingBaht: 0,
      fundingSource: '',
      adaptationTh: '',
      story: null,
      reason: 'แกนนำหลักย้ายไปทำงานต่างจังหวัด และยังไม่มีผู้รับช่วงต่อ',
    },
    {
      inTarget: true,
      adopterType: 'health_promoting_hospital',
      status: 'planning',
      daysAgo: 75,
      learntFrom: 3,
      beneficiaries: [],
      fundingBaht: 30_000,
      fundingSource: 'กองทุนหลักประกันสุขภาพระดับท้องถิ่น',
      adaptationTh: '',
      story: null,
    },
    {
      inTarget: true,
      adopterType: 'local_government',
      status: 'interested',
      daysAgo: 20,
      learntFrom: null,
      beneficiaries: [],
      fundingBaht: 0,
      fundingSource: '',
      adaptationTh: '',
      story: null,
    },
  ];
  // Models later in the list have spread less far: fewer sites.
  return base.slice(0, Math.max(3, base.length - index));
}

const STEPS: readonly AdoptionStatus[] = ['interested', 'planning', 'implementing', 'adopted', 'sustained'];

/** Dated steps from interest to `status` over `span` days (a discontinuation after planning). */
function timeline(
  status: AdoptionStatus,
  interestedOn: string,
  span: number,
  today: string,
): Array<[AdoptionStatus, string]> {
  const target = status === 'discontinued' ? 2 : STEPS.indexOf(status) + 1;
  const steps = STEPS.slice(0, target);
  const gap = Math.max(1, Math.floor(span / Math.max(steps.length, 2)));
  const dated = steps.map((s, i): [AdoptionStatus, string] => {
    const on = addDays(interestedOn, i * gap);
    return [s, on > today ? today : on];
  });
  if (status === 'discontinued') {
    const last = dated.at(-1)?.[1] ?? interestedOn;
    const on = addDays(last, gap);
    dated.push(['discontinued', on > today ? today : on]);
  }
  return dated;
}

export interface Area {
  provinceCode: number;
  districtCode: number | null;
  subdistrictCode: number | null;
  subdistrictTh: string;
}

/** The n-th subdistrict of a province (in code order), when subdistricts are loaded. */
export async function areaIn(tx: DbOrTx, provinceCode: number, nth: number): Promise<Area> {
  const rows = await queryRows<{ code: number; district_code: number; name_th: string }>(
    tx,
    sql`WITH s AS (
          SELECT s.code, s.district_code, s.name_th, row_number() OVER (ORDER BY s.code) - 1 AS i, count(*) OVER () AS n
          FROM subdistricts s JOIN districts d ON d.code = s.district_code WHERE d.province_code = ${provinceCode})
        SELECT code, district_code, name_th FROM s WHERE i = (${nth * 7} % n)`,
  );
  const row = rows[0];
  return row
    ? { provinceCode, districtCode: row.district_code, subdistrictCode: row.code, subdistrictTh: row.name_th }
    : { provinceCode, districtCode: null, subdistrictCode: null, subdistrictTh: '' };
}

const VILLAGE_NAMES = [
  'บ้านหนองบัว',
  'บ้านโนนสว่าง',
  'บ้านห้วยทราย',
  'บ้านดอนแก้ว',
  'บ้านป่าไผ่',
  'บ้านท่าช้าง',
  'บ้านนาใหม่',
];

export function adopterName(type: DemoAdopterType, area: Area, village: string): string {
  const place = area.subdistrictTh || village.replace(/^บ้าน/, '');
  switch (type) {
    case 'local_government':
      return `องค์การบริหารส่วนตำบล${place}`;
    case 'school':
      return `โรงเรียน${village}`;
    case 'community_enterprise':
      return `วิสาหกิจชุมชน${village}`;
    case 'village_committee':
      return `คณะกรรมการหมู่บ้าน${village}`;
    case 'health_promoting_hospital':
      return `โรงพยาบาลส่งเสริมสุขภาพตำบล${place}`;
  }
}

/**
 * Demo diffusion: adoptions of the first diffusion-ready corpus innovations in many provinces (most inside the
 * poor-province target group), with villages where subdistricts are loaded, dated timelines up to today, learnt-from
 * chains, beneficiaries, local funding and adopters' stories. One transaction, audited as one event.
 */
export async function ensureDemoDiffusion(db: Database, options: DemoDiffusionOptions): Promise<string> {
  const today = bangkokDate(options.now);
  return db.transaction(async (tx) => {
    const ready = INNOVATION_CORPUS.filter((c) => c.isDiffusionReady).slice(0, 6);
    const rows = await tx
      .select({ id: innovations.id, titleTh: innovations.titleTh, origin: innovations.originProvinceCode })
      .from(innovations)
      .where(
        and(
          eq(innovations.status, 'published'),
          eq(innovations.isDiffusionReady, true),
          inArray(
            innovations.titleTh,
            ready.map((c) => c.titleTh),
          ),
        ),
      )
      .orderBy(asc(innovations.titleTh));
    if (rows.length === 0) {
      return 'no diffusion-ready demo innovations';
    }
    const already = await tx
      .select({ id: adoptions.id })
      .from(adoptions)
      .where(
        inArray(
          adoptions.innovationId,
          rows.map((r) => r.id),
        ),
      )
      .limit(1);
    if (already.length > 0) {
      return 'adoptions already present';
    }
    const loaded = await listProvinceGroupCodes(tx, TARGET_GROUP_CODE);
    const target = loaded.length > 0 ? loaded : FALLBACK_TARGET;
    const others = PROVINCES.map((p) => p.code).filter((c) => !target.includes(c));
    let sites = 0;
    let villages = 0;
    const provinces = new Set<number>();
    for (const [index, innovation] of rows.entries()) {
      const made: string[] = [];
      const plan = planFor(index);
      for (const [n, site] of plan.entries()) {
        const pool = site.inTarget ? target : others;
        let provinceCode = pool[(index * 3 + n * 5) % pool.length] ?? 58;
        if (provinceCode === innovation.origin) {
          provinceCode = pool[(index * 3 + n * 5 + 1) % pool.length] ?? provinceCode;
        }
        const area = await areaIn(tx, provinceCode, index + n);
        const villageName = VILLAGE_NAMES[(index + n) % VILLAGE_NAMES.length] ?? 'บ้านใหม่';
        const villageNo = area.subdistrictCode === null ? null : ((index + n * 3) % 12) + 1;
        const villageId =
          area.subdistrictCode !== null && area.districtCode !== null && villageNo !== null
            ? await repo.upsertVillage(tx, {
                provinceCode,
                districtCode: area.districtCode,
                subdistrictCode: area.subdistrictCode,
                villageNo,
                nameTh: villageName,
              })
            : null;
        villages += villageId ? 1 : 0;
        const interestedOn = addDays(today, -site.daysAgo);
        const steps = timeline(site.status, interestedOn, Math.floor(site.daysAgo * 0.8), today);
        const [lastStatus, lastOn] = steps.at(-1) ?? ['interested', interestedOn];
        const adoptedOn = steps.find(([s]) => s === 'adopted')?.[1] ?? null;
        const source = site.learntFrom === null ? null : (made[site.learntFrom] ?? null);
        const row = await repo.insertAdoption(tx, {
          innovationId: innovation.id,
          provinceCode,
          districtCode: area.districtCode,
          subdistrictCode: area.subdistrictCode,
          villageId,
          adopterName: adopterName(site.adopterType, area, villageName),
          adopterType: site.adopterType,
          diffusionPartnerName: n % 2 === 0 ? 'มูลนิธิพัฒนาชุมชนท้องถิ่น' : '',
          sourceAdoptionId: source,
          status: lastStatus,
          statusOn: lastOn,
          interestedOn,
          adoptedOn,
          discontinuedReason: site.reason ?? '',
          adaptationsTh: site.adaptationTh,
          beneficiaries: site.beneficiaries,
          localFundingSatang: site.fundingBaht * 100,
          localFundingSource: site.fundingSource,
          createdBy: options.officerUserId,
          createdAt: new Date(`${interestedOn}T03:00:00Z`),
        });
        made.push(row.id);
        sites += 1;
        provinces.add(provinceCode);
        let previous: AdoptionStatus | null = null;
        for (const [status, on] of steps) {
          await repo.insertEvent(tx, {
            adoptionId: row.id,
            fromStatus: previous,
            toStatus: status,
            occurredOn: on,
            note: status === 'discontinued' ? (site.reason ?? '') : '',
            actorId: options.officerUserId,
            createdAt: new Date(`${on}T03:00:00Z`),
          });
          previous = status;
        }
        if (site.story) {
          await repo.insertUpdate(tx, {
            adoptionId: row.id,
            body: site.story,
            authorId: options.officerUserId,
            createdAt: new Date(`${lastOn}T05:00:00Z`),
          });
        }
      }
    }
    await recordAudit(
      tx,
      { actorUserId: options.officerUserId, ip: null, requestId: null },
      {
        action: 'adoption.demo_loaded',
        entityType: 'adoption',
        entityId: 'demo-diffusion',
        after: { innovations: rows.length, sites, villages },
      },
    );
    return `${sites} adoptions of ${rows.length} innovations in ${provinces.size} provinces, ${villages} village sites`;
  });
}
