import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import { demoClosedCall } from '@server/modules/calls/calls.demo';
import {
  findCallIdByCode,
  getTargetGroupProvinceCodes,
  getVisibleCall,
} from '@server/modules/calls/calls.service';
import { CONTEST_STARTER_CRITERIA, CreateContestBodySchema } from '@shared/contracts/contests';
import type { RubricCriterion } from '@shared/contracts/rubrics';
import * as repo from './contests.repo';
import {
  addJudge,
  createContest,
  decideEntry,
  listNominableProposals,
  nominate,
  setWinners,
  submitScore,
  transitionContest,
} from './contests.service';

export interface DemoContestOptions {
  now: Date;
  officerUserId: string;
  /** Nominates the demo applicant's funded proposals (when the review demo made them) or their open entries. */
  applicantUserId: string;
  /** Nominates the open entries when set (a nominator outside the entrant organisations). */
  partnerUserId: string | null;
  /** Reviewers who judge every entry; at least one. */
  judgeUserIds: string[];
}

/** The demo contest's code; with its fiscal year it is unique. */
export const DEMO_CONTEST_CODE = 'SIA';

const DAY = 86_400_000;
const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });

/** Thai fiscal year (Buddhist Era) of an instant: October starts the next year. */
function fiscalYearOf(at: Date): number {
  const local = new Date(at.getTime() + 7 * 3_600_000);
  return local.getUTCFullYear() + (local.getUTCMonth() >= 9 ? 1 : 0) + 543;
}

/** `hour`:00 Bangkok time on the day of `at`. */
function bangkokDayAt(at: Date, hour: number): Date {
  const day = new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  return new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+07:00`);
}

interface DemoEntry {
  category: 0 | 1;
  /** The demo applicant's proposal with this Thai title is nominated when it exists; else an open entry. */
  proposalTitleTh: string | null;
  entrantName: string;
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  summaryEn: string;
  /** 1–5 on every criterion, before each judge's own lean. */
  quality: number;
  place: number | null;
}

const ENTRIES: DemoEntry[] = [
  {
    category: 0,
    proposalTitleTh: 'ระบบประปาหมู่บ้านพลังงานแสงอาทิตย์ บริหารโดยชุมชน',
    entrantName: 'องค์การบริหารส่วนตำบลต้นแบบน้ำสะอาด (ตัวอย่าง)',
    titleTh: 'ระบบประปาหมู่บ้านพลังงานแสงอาทิตย์ บริหารโดยชุมชน',
    titleEn: 'Community-run solar-powered village water supply',
    summaryTh:
      'ประปาหมู่บ้านพลังงานแสงอาทิตย์ที่คณะกรรมการน้ำของชุมชนบริหารเอง เก็บค่าน้ำตามการใช้จริงเพื่อดูแลระบบ ' +
      'ครัวเรือนกว่า 180 ครัวเรือนมีน้ำสะอาดใช้ตลอดปี',
    summaryEn:
      'A solar-powered village water supply run by the community’s own water committee, paid for by metered ' +
      'charges; more than 180 households have clean water all year.',
    quality: 5,
    place: 1,
  },
  {
    category: 0,
    proposalTitleTh: null,
    entrantName: 'เครือข่ายอาสาสมัครดูแลผู้สูงอายุตำบลบ้านใหม่ (ตัวอย่าง)',
    titleTh: 'อาสาสมัครดูแลผู้สูงอายุติดบ้านติดเตียงด้วยแอปนัดเยี่ยมบ้าน',
    titleEn: 'Volunteers caring for housebound elders, organised with a home-visit app',
    summaryTh:
      'อาสาสมัครในตำบลนัดเยี่ยมผู้สูงอายุติดบ้านติดเตียงผ่านแอปที่เชื่อมกับโรงพยาบาลส่งเสริมสุขภาพตำบล ' +
      'ผู้สูงอายุ 120 คนได้รับการเยี่ยมอย่างน้อยสัปดาห์ละครั้ง และส่งต่อเมื่อมีอาการผิดปกติได้เร็วขึ้น',
    summaryEn:
      'Subdistrict volunteers book home visits to housebound elders through an app linked to the health-promoting ' +
      'hospital; 120 elders are visited at least weekly and referred sooner when something is wrong.',
    quality: 4,
    place: 2,
  },
  {
    category: 1,
    proposalTitleTh: 'ตลาดออนไลน์ผ้าทอมือของกลุ่มแม่บ้าน พร้อมระบบสั่งผลิตล่วงหน้า',
    entrantName: 'วิสาหกิจชุมชนผ้าทอมือบ้านเหนือ (ตัวอย่าง)',
    titleTh: 'ตลาดออนไลน์ผ้าทอมือของกลุ่มแม่บ้าน พร้อมระบบสั่งผลิตล่วงหน้า',
    titleEn: 'An online market for handwoven cloth with made-to-order production',
    summaryTh: 'กลุ่มแม่บ้านขายผ้าทอมือผ่านตลาดออนไลน์แบบสั่งผลิตล่วงหน้า ลดผ้าค้างสต็อก สมาชิก 45 คนมีรายได้สม่ำเสมอตลอดปี',
    summaryEn:
      'A weavers’ group sells handwoven cloth online, made to order, with less unsold stock; its 45 members earn ' +
      'a steady income all year.',
    quality: 5,
    place: 1,
  },
  {
    category: 1,
    proposalTitleTh: null,
    entrantName: 'โรงเรียนบ้านหนองบัว (ตัวอย่าง)',
    titleTh: 'ธนาคารขยะรีไซเคิลของนักเรียน เชื่อมกับร้านค้าชุมชน',
    titleEn: 'A pupils’ recycling bank linked to the community shop',
    summaryTh:
      'นักเรียนรับฝากขยะรีไซเคิลจากครัวเรือน แลกเป็นแต้มใช้ซื้อของที่ร้านค้าชุมชน ' +
      'ขยะที่ส่งไปฝังกลบลดลง และร้านค้าชุมชนมีลูกค้าเพิ่มขึ้น',
    summaryEn:
      'Pupils take in households’ recyclables in exchange for points spent at the community shop; less waste goes ' +
      'to landfill and the shop gains customers.',
    quality: 3,
    place: null,
  },
];

const CATEGORIES = [
  {
    nameTh: 'รางวัลนวัตกรรมเพื่อคุณภาพชีวิตชุมชน',
    nameEn: 'Community well-being innovation award',
    descriptionTh: 'นวัตกรรมที่ทำให้คนในชุมชนมีน้ำ สุขภาพ และการดูแลที่ดีขึ้นอย่างเห็นผล',
    descriptionEn: 'Innovations that visibly improve a community’s water, health and care',
    places: 2,
  },
  {
    nameTh: 'รางวัลนวัตกรรมเพื่อเศรษฐกิจฐานราก',
    nameEn: 'Grassroots economy innovation award',
    descriptionTh: 'นวัตกรรมที่สร้างรายได้และอาชีพให้ชุมชนอย่างยั่งยืน',
    descriptionEn: 'Innovations that give communities lasting income and livelihoods',
    places: 1,
  },
];

function scoresFor(criteria: RubricCriterion[], quality: number, lean: number) {
  return Object.fromEntries(
    criteria.map((criterion, c) => {
      const score = Math.min(
        criterion.scaleMax,
        Math.max(criterion.scaleMin, quality + lean - (c % 3 === 2 ? 1 : 0)),
      );
      const needsComment = criterion.commentAtOrBelow !== null && score <= criterion.commentAtOrBelow;
      return [criterion.id, { score, comment: needsComment ? 'ยังไม่เห็นผลที่วัดได้ชัดเจน' : '' }];
    }),
  );
}

/**
 * An announced social award contest of the Sectoral programme, the year before: two award categories on the starter
 * rubric, four entries (the demo applicant's funded proposals when the review demo made them, and open entries
 * nominated by the demo partner), the demo reviewers as judges with submitted scores, and winners with places and
 * certificates, all through the contests services, so the contest pages, the winners page and certificate
 * verification have content. Returns what it made, or why it made nothing.
 */
export async function ensureDemoContest(db: Database, options: DemoContestOptions): Promise<string> {
  const { now, officerUserId, applicantUserId, partnerUserId, judgeUserIds } = options;
  if (judgeUserIds.length === 0) {
    return 'no judges';
  }
  // After the closed demo call was decided, so its funded proposals can be nominated; otherwise five months ago.
  const { code: callCode, fiscalYear: callFiscalYear } = demoClosedCall(now);
  const callId = await findCallIdByCode(db, callCode, callFiscalYear);
  const closedCall = callId === null ? null : await getVisibleCall(db, null, callId);
  const start = bangkokDayAt(
    closedCall ? new Date(closedCall.closesAt.getTime() + 30 * DAY) : new Date(now.getTime() - 150 * DAY),
    9,
  );
  const closeAt = new Date(bangkokDayAt(new Date(start.getTime() + 45 * DAY), 16).getTime() + 30 * 60_000);
  const judgingAt = bangkokDayAt(new Date(start.getTime() + 50 * DAY), 9);
  const scoredAt = bangkokDayAt(new Date(start.getTime() + 62 * DAY), 14);
  const announcedAt = bangkokDayAt(new Date(start.getTime() + 75 * DAY), 10);
  const fiscalYear = fiscalYearOf(start);
  if (announcedAt.getTime() > now.getTime()) {
    return 'no room in the past for the contest';
  }
  if (await repo.findContestByCode(db, DEMO_CONTEST_CODE, fiscalYear)) {
    return `${DEMO_CONTEST_CODE}-${fiscalYear}: already there`;
  }

  const officer = systemActor(officerUserId, ['programme_officer']);
  const applicant = systemActor(applicantUserId);
  const openNominator = partnerUserId ?? applicantUserId;
  const provinces = await getTargetGroupProvinceCodes(db);

  const body = CreateContestBodySchema.parse({
    programmeSlug: 'sectoral',
    code: DEMO_CONTEST_CODE,
    titleTh: `รางวัลนวัตกรรมเพื่อสังคมดีเด่น ประจำปีงบประมาณ ${fiscalYear}`,
    // English names the fiscal year by the Common Era year it ends in, as the pages do.
    titleEn: `Outstanding Social Innovation Awards FY${fiscalYear - 543}`,
    descriptionTh:
      'รางวัลสำหรับนวัตกรรมเพื่อสังคมที่สร้างการเปลี่ยนแปลงได้จริงในชุมชน เปิดให้องค์กรเสนอชื่อโครงการของตนเอง ' +
      'และให้ภาคีเครือข่ายเสนอชื่อผลงานของชุมชนที่ไม่ได้รับทุนจากแพลตฟอร์ม คณะกรรมการผู้ทรงคุณวุฒิตัดสินตามเกณฑ์ที่ประกาศไว้',
    descriptionEn:
      'Awards for social innovations that have made a real difference in communities. Organisations nominate their ' +
      'own projects and partners nominate community work the platform did not fund; a panel of reviewers judges ' +
      'on the published criteria.',
    fiscalYear,
    nominationsOpenAt: start.toISOString(),
    nominationsCloseAt: closeAt.toISOString(),
    categories: CATEGORIES.map((c) => ({ ...c, criteria: CONTEST_STARTER_CRITERIA })),
  });
  const created = await createContest(db, officer, body, META(officerUserId), start);
  const contestId = created.id;
  await transitionContest(db, officer, contestId, 'open', META(officerUserId), start);

  const nominable = await listNominableProposals(db, applicant);
  const nominatedAt = new Date(start.getTime() + 10 * DAY);
  const entryIds: string[] = [];
  for (const [index, entry] of ENTRIES.entries()) {
    const categoryId = created.categories[entry.category]?.id ?? '';
    const proposal = nominable.find((p) => p.titleTh === entry.proposalTitleTh);
    const nominated = proposal
      ? await nominate(
          db,
          applicant,
          contestId,
          { kind: 'proposal', categoryId, proposalId: proposal.id },
          META(applicantUserId),
          nominatedAt,
        )
      : await nominate(
          db,
          systemActor(openNominator),
          contestId,
          {
            kind: 'open',
            categoryId,
            entrantName: entry.entrantName,
            titleTh: entry.titleTh,
            titleEn: entry.titleEn,
            summaryTh: entry.summaryTh,
            summaryEn: entry.summaryEn,
            provinceCode: provinces[index % Math.max(provinces.length, 1)] ?? 58,
          },
          META(openNominator),
          nominatedAt,
        );
    await decideEntry(
      db,
      officer,
      nominated.id,
      { decision: 'accept', version: nominated.version },
      META(officerUserId),
    );
    entryIds.push(nominated.id);
  }

  for (const judgeId of judgeUserIds) {
    await addJudge(db, officer, contestId, judgeId, META(officerUserId));
  }
  await transitionContest(db, officer, contestId, 'start_judging', META(officerUserId), judgingAt);

  for (const [j, judgeId] of judgeUserIds.entries()) {
    const judge = systemActor(judgeId, ['reviewer']);
    // Judges lean differently: the calibrated ranking evens that out.
    const lean = j === 0 ? 0 : j === 1 ? -1 : 0;
    for (const [index, entry] of ENTRIES.entries()) {
      const criteria = created.categories[entry.category]?.criteria ?? [];
      await submitScore(
        db,
        judge,
        entryIds[index] ?? '',
        {
          scores: scoresFor(criteria, entry.quality, lean),
          comment:
            entry.quality >= 4
              ? 'เห็นผลชัดเจนในชุมชน มีข้อมูลติดตามผล และมีพื้นที่อื่นขอนำไปใช้แล้ว'
              : 'แนวคิดดี แต่ยังดำเนินการได้ไม่นาน ควรเก็บข้อมูลผลลัพธ์เพิ่มเติม',
        },
        META(judgeId),
        scoredAt,
      );
    }
  }

  for (const [c, category] of created.categories.entries()) {
    const winners = ENTRIES.flatMap((entry, index) =>
      entry.category === c && entry.place !== null
        ? [{ entryId: entryIds[index] ?? '', place: entry.place }]
        : [],
    );
    await setWinners(db, officer, contestId, category.id, { winners }, META(officerUserId));
  }
  await transitionContest(db, officer, contestId, 'announce', META(officerUserId), announcedAt);
  const proposals = ENTRIES.filter((e) => nominable.some((p) => p.titleTh === e.proposalTitleTh)).length;
  const winners = ENTRIES.filter((e) => e.place !== null).length;
  return `${DEMO_CONTEST_CODE}-${fiscalYear}: ${ENTRIES.length} entries (${proposals} proposals), ${judgeUserIds.length} judges, ${winners} winners announced`;
}
