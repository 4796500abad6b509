import type { Database } from '@server/db/client';
import { systemActor, type RequestMeta } from '@server/lib/authz';
import { demoClosedCall } from '@server/modules/calls/calls.demo';
import {
  findCallIdByCode,
  getTargetGroupProvinceCodes,
  getVisibleCall,
  transitionCall,
} from '@server/modules/calls/calls.service';
import { createOrganisation } from '@server/modules/organisations/organisations.service';
import { createProposal, saveProposal, submitProposal } from '@server/modules/proposals/proposals.service';
import {
  autoAssign,
  declareConflict,
  inviteReviewers,
  listMyReviews,
  respondToInvitation,
  saveMyProfile,
  updateReviewSettings,
} from '@server/modules/reviewers/reviewers.service';
import { getReviewSheet, saveReview, submitReview } from '@server/modules/reviews/reviews.service';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import type { ThemeCode } from '@shared/reference/themes';
import type { DecisionOutcome } from '@shared/contracts/decisions';
import { decideProposal, releaseDecisions, screenProposals } from './decisions.service';

export interface DemoReviewRoundOptions {
  now: Date;
  officerUserId: string;
  applicantUserId: string;
  /** At least two reviewers; each reviews two proposals. */
  reviewerUserIds: string[];
}

interface DemoEntry {
  organisationTh: string;
  organisationEn: string;
  type: OrganisationTypeCode;
  titleTh: string;
  titleEn: string;
  model: string;
  summary: string;
  themes: ThemeCode[];
  budgetBaht: number;
  /** 1–5 on every criterion, before each reviewer's own lean. */
  quality: number;
  outcome: DecisionOutcome;
  awardBaht?: number;
  reason: string;
}

const ENTRIES: DemoEntry[] = [
  {
    organisationTh: 'องค์การบริหารส่วนตำบลต้นแบบน้ำสะอาด (ตัวอย่าง)',
    organisationEn: 'Clean Water Model Subdistrict Administration (demo)',
    type: 'local_government',
    titleTh: 'ระบบประปาหมู่บ้านพลังงานแสงอาทิตย์ บริหารโดยชุมชน',
    titleEn: 'Community-run solar-powered village water supply',
    model: 'ประปาหมู่บ้านพลังงานแสงอาทิตย์',
    summary:
      'หมู่บ้านในพื้นที่สูงขาดน้ำสะอาดในฤดูแล้ง ครัวเรือนต้องซื้อน้ำดื่มและเดินทางไกลเพื่อหาน้ำใช้ ' +
      'โครงการนำต้นแบบประปาหมู่บ้านพลังงานแสงอาทิตย์ที่พิสูจน์แล้วมาติดตั้ง พร้อมตั้งคณะกรรมการน้ำของชุมชน ' +
      'เก็บค่าน้ำตามการใช้จริงเพื่อดูแลระบบในระยะยาว และฝึกช่างชุมชนให้ซ่อมบำรุงได้เอง ' +
      'คาดว่าครัวเรือนกว่า 180 ครัวเรือนจะมีน้ำสะอาดใช้ตลอดปี และลดค่าใช้จ่ายซื้อน้ำลงครึ่งหนึ่ง',
    themes: ['food_water_energy'],
    budgetBaht: 480_000,
    quality: 5,
    outcome: 'award',
    awardBaht: 480_000,
    reason: 'ชุมชนพร้อมดำเนินการ มีแผนการดูแลระบบในระยะยาวชัดเจน',
  },
  {
    organisationTh: 'วิสาหกิจชุมชนผ้าทอมือบ้านเหนือ (ตัวอย่าง)',
    organisationEn: 'Ban Nuea Handwoven Cloth Community Enterprise (demo)',
    type: 'community_enterprise',
    titleTh: 'ตลาดออนไลน์ผ้าทอมือของกลุ่มแม่บ้าน พร้อมระบบสั่งผลิตล่วงหน้า',
    titleEn: 'An online market for handwoven cloth with made-to-order production',
    model: 'ตลาดชุมชนออนไลน์แบบสั่งผลิตล่วงหน้า',
    summary:
      'กลุ่มแม่บ้านทอผ้าขายได้เฉพาะในงานเทศกาล รายได้ไม่แน่นอนและมีผ้าค้างสต็อกจำนวนมาก ' +
      'โครงการนำต้นแบบตลาดชุมชนออนไลน์แบบสั่งผลิตล่วงหน้ามาใช้ ฝึกสมาชิกถ่ายภาพและจัดการคำสั่งซื้อ ' +
      'เชื่อมกับร้านค้าในเมืองและการท่องเที่ยวชุมชน เพื่อให้สมาชิกมีรายได้สม่ำเสมอตลอดปี ' +
      'คาดว่าสมาชิก 45 คนจะมีรายได้เพิ่มขึ้นเฉลี่ยเดือนละ 2,500 บาท',
    themes: ['finance_employment_welfare', 'tourism_culture'],
    budgetBaht: 420_000,
    quality: 4,
    outcome: 'award',
    awardBaht: 350_000,
    reason: 'ปรับลดงบประมาณหมวดอุปกรณ์ ให้ใช้อุปกรณ์ที่ชุมชนมีอยู่แล้ว',
  },
  {
    organisationTh: 'วิสาหกิจชุมชนเกษตรอินทรีย์ลุ่มน้ำ (ตัวอย่าง)',
    organisationEn: 'River Basin Organic Farming Community Enterprise (demo)',
    type: 'community_enterprise',
    titleTh: 'ธนาคารเมล็ดพันธุ์พื้นบ้านและแปลงเรียนรู้เกษตรอินทรีย์',
    titleEn: 'A native seed bank and organic farming learning plots',
    model: 'ธนาคารเมล็ดพันธุ์ชุมชน',
    summary:
      'เกษตรกรต้องซื้อเมล็ดพันธุ์และปุ๋ยเคมีทุกฤดูกาล ทำให้มีหนี้สินสะสมและดินเสื่อมโทรม ' +
      'โครงการนำต้นแบบธนาคารเมล็ดพันธุ์ชุมชนมาใช้ ร่วมกับแปลงเรียนรู้เกษตรอินทรีย์ที่สมาชิกหมุนเวียนดูแล ' +
      'และตลาดนัดสีเขียวในตำบล เพื่อลดต้นทุนการผลิตและเพิ่มรายได้จากผลผลิตปลอดภัย ' +
      'คาดว่าเกษตรกร 60 ครัวเรือนจะลดต้นทุนเมล็ดพันธุ์ลงร้อยละ 70',
    themes: ['sustainable_agriculture'],
    budgetBaht: 300_000,
    quality: 3,
    outcome: 'waitlist',
    reason: 'อยู่ในรายชื่อสำรอง หากมีงบประมาณคงเหลือจะพิจารณาเป็นลำดับแรก',
  },
  {
    organisationTh: 'องค์การบริหารส่วนตำบลทุ่งใหม่ (ตัวอย่าง)',
    organisationEn: 'Thung Mai Subdistrict Administration (demo)',
    type: 'local_government',
    titleTh: 'ศูนย์จัดการขยะอินทรีย์ระดับตำบล',
    titleEn: 'A subdistrict organic waste centre',
    model: 'ศูนย์จัดการขยะอินทรีย์ชุมชน',
    summary:
      'ตำบลมีขยะอินทรีย์จากครัวเรือนและตลาดสดจำนวนมาก ถูกนำไปทิ้งรวมกับขยะทั่วไป ทำให้ค่าจัดเก็บสูงขึ้นทุกปี ' +
      'โครงการเสนอให้ตั้งศูนย์หมักปุ๋ยอินทรีย์ระดับตำบลและรณรงค์คัดแยกขยะในครัวเรือน ' +
      'โดยจะขยายผลไปยังหมู่บ้านอื่นในปีถัดไป แต่ยังไม่ได้ระบุภาคีร่วมและแผนการดูแลศูนย์หลังจบโครงการ ' +
      'คาดว่าจะลดขยะที่ส่งไปฝังกลบได้ร้อยละ 30',
    themes: ['environment'],
    budgetBaht: 450_000,
    quality: 2,
    outcome: 'reject',
    reason: 'ยังไม่มีแผนการดูแลศูนย์หลังจบโครงการ และยังไม่มีภาคีร่วมดำเนินงาน',
  },
];

const META = (userId: string): RequestMeta => ({ actorUserId: userId, ip: null, requestId: null });

/**
 * A finished review round on the closed demo call of the year before: four proposals of demo organisations owned by
 * the demo applicant, screened, assigned automatically to the demo reviewers, scored on the starter rubric, decided
 * (two awards, a waitlist, a rejection) and released, so the ranking, the letters and the public results have
 * content. Returns what it made, or why it made nothing.
 */
export async function ensureDemoReviewRound(db: Database, options: DemoReviewRoundOptions): Promise<string> {
  const { now, officerUserId, applicantUserId, reviewerUserIds } = options;
  const { code, fiscalYear } = demoClosedCall(now);
  const callId = await findCallIdByCode(db, code, fiscalYear);
  if (callId === null) {
    return `no call ${code}-${fiscalYear}`;
  }
  const call = await getVisibleCall(db, null, callId);
  const submittedAt = new Date(call.opensAt.getTime() + 3 * 86_400_000);
  const reviewedAt = new Date(call.closesAt.getTime() + 14 * 86_400_000);
  const officer = systemActor(officerUserId, ['programme_officer']);
  const applicant = systemActor(applicantUserId);
  const provinces = await getTargetGroupProvinceCodes(db);

  const proposalIds: string[] = [];
  for (const [index, entry] of ENTRIES.entries()) {
    const provinceCode = provinces[index % Math.max(provinces.length, 1)] ?? 58;
    const organisation = await createOrganisation(
      db,
      applicant,
      {
        nameTh: entry.organisationTh,
        nameEn: entry.organisationEn,
        type: entry.type,
        provinceCode,
        themes: entry.themes,
      },
      META(applicantUserId),
    );
    const draft = await createProposal(
      db,
      applicant,
      { callId, organisationId: organisation.id, titleTh: entry.titleTh, problemStatementId: null },
      META(applicantUserId),
      submittedAt,
    );
    const saved = await saveProposal(
      db,
      applicant,
      draft.id,
      {
        version: draft.version,
        titleEn: entry.titleEn,
        answers: {
          summary: entry.summary,
          model: entry.model,
          area: [
            {
              provinceCode,
              districtCode: provinceCode * 100 + 1,
              subdistrictCode: provinceCode * 10_000 + 101,
            },
          ],
          themes: entry.themes,
          budget: [
            {
              category: 'materials',
              description: 'วัสดุและอุปกรณ์',
              amountSatang: (entry.budgetBaht - 60_000) * 100,
            },
            { category: 'operating', description: 'อบรมและประชุมชุมชน', amountSatang: 60_000 * 100 },
          ],
        },
      },
      submittedAt,
    );
    await submitProposal(db, applicant, draft.id, saved.version, META(applicantUserId), submittedAt);
    proposalIds.push(draft.id);
  }

  await transitionCall(db, officer, callId, 'close', META(officerUserId), reviewedAt);
  const screened = await screenProposals(
    db,
    officer,
    callId,
    { ids: proposalIds, result: 'passed', reason: 'ตรวจเอกสารครบถ้วน พื้นที่ดำเนินงานอยู่ในกลุ่มจังหวัดเป้าหมาย' },
    META(officerUserId),
    reviewedAt,
    'th',
  );
  if (screened.failed.length > 0) {
    return `screening refused: ${screened.failed.map((f) => f.message).join('; ')}`;
  }
  const settings = await updateReviewSettings(
    db,
    officer,
    callId,
    { version: 0, reviewersPerProposal: 2, shareFeedback: true },
    META(officerUserId),
  );
  await inviteReviewers(
    db,
    officer,
    callId,
    { reviewerIds: reviewerUserIds, message: '' },
    META(officerUserId),
    reviewedAt,
    'th',
  );
  for (const [index, reviewerId] of reviewerUserIds.entries()) {
    const reviewer = systemActor(reviewerId, ['reviewer']);
    await saveMyProfile(
      db,
      reviewer,
      {
        version: 0,
        themes: index % 2 === 0 ? ['food_water_energy', 'environment'] : ['finance_employment_welfare'],
        provinceCodes: [],
        affiliation: index % 2 === 0 ? 'มหาวิทยาลัยเชียงใหม่ (ตัวอย่าง)' : 'มูลนิธิพัฒนาชุมชน (ตัวอย่าง)',
        expertiseTh: 'นวัตกรรมชุมชนและการขยายผล',
        expertiseEn: 'Community innovation and scaling',
        languages: ['th', 'en'],
        maxLoad: 10,
        isActive: true,
      },
      META(reviewerId),
    );
    await respondToInvitation(db, reviewer, callId, 'accepted', null, META(reviewerId), reviewedAt);
  }
  await autoAssign(db, officer, callId, 'proposal', META(officerUserId));

  for (const [index, reviewerId] of reviewerUserIds.entries()) {
    const reviewer = systemActor(reviewerId, ['reviewer']);
    // Reviewers lean differently: the calibrated ranking evens that out.
    const lean = index === 0 ? 0 : index === 1 ? -1 : 1;
    for (const assignment of (await listMyReviews(db, reviewer)).assignments) {
      if (assignment.callId !== callId) {
        continue;
      }
      await declareConflict(
        db,
        reviewer,
        assignment.id,
        { hasConflict: false, statement: '' },
        META(reviewerId),
        reviewedAt,
      );
      const sheet = await getReviewSheet(db, reviewer, assignment.id);
      const quality = ENTRIES[proposalIds.indexOf(assignment.proposalId)]?.quality ?? 3;
      const scores = Object.fromEntries(
        sheet.criteria.map((criterion, c) => {
          const score = Math.min(
            criterion.scaleMax,
            Math.max(criterion.scaleMin, quality + lean + (c % 2 === 0 ? 0 : -1)),
          );
          return [criterion.id, { score, comment: score <= 2 ? 'ยังขาดรายละเอียดและหลักฐานประกอบ' : '' }];
        }),
      );
      const saved = await saveReview(
        db,
        reviewer,
        assignment.id,
        {
          version: sheet.review.version,
          scores,
          comment:
            quality >= 4
              ? 'ข้อเสนอชัดเจน ชุมชนมีส่วนร่วมสูง และมีแผนขยายผล'
              : 'ควรระบุภาคีร่วมและแผนการดูแลหลังจบโครงการให้ชัดเจนกว่านี้',
          recommendation: quality >= 4 ? 'fund' : quality === 3 ? 'fund_with_changes' : 'do_not_fund',
        },
        META(reviewerId),
      );
      await submitReview(
        db,
        reviewer,
        assignment.id,
        { version: saved.review.version },
        META(reviewerId),
        reviewedAt,
      );
    }
  }

  for (const [index, entry] of ENTRIES.entries()) {
    await decideProposal(
      db,
      officer,
      proposalIds[index] ?? '',
      {
        outcome: entry.outcome,
        amountSatang: entry.awardBaht === undefined ? null : entry.awardBaht * 100,
        reason: entry.reason,
      },
      META(officerUserId),
      reviewedAt,
    );
  }
  const released = await releaseDecisions(db, officer, callId, {}, META(officerUserId), reviewedAt, 'th');
  return `${code}-${fiscalYear}: ${proposalIds.length} proposals reviewed (${settings.reviewersPerProposal} each), ${released.released.length} decisions released`;
}
