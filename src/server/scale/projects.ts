import {
  projectBudgetLines,
  projectIndicators,
  projectIndicatorValues,
  projectInstalments,
  projectMilestones,
  projectNumberCounters,
  projectReportEvents,
  projectReportExpenditures,
  projectReportMilestones,
  projectReports,
  projects,
} from '@server/db/schema/index';
import { termsSha256 } from '@server/modules/projects/agreements.service';
import type { AgreementTerms, ReportKind } from '@shared/contracts/projects';
import { PROJECT_LIMITS } from '@shared/contracts/projects';
import {
  defaultInstalments,
  planReports,
  splitProportionally,
  type PlannedReport,
} from '@shared/projects/plan';
import type { LibraryIndicator, Organisations, People, Reference, ScaleContext } from './context';
import { catalogueBuffers, flushCatalogue, pushInnovation, type PublishedInnovation } from './catalogue';
import { flushTogether, type Row } from './loader';
import type { Random } from './random';
import type { Award } from './selection';
import { innovationText, personName } from './text';
import { addDays, addMonths, atBangkok, bangkokDate, daysBetween, plusDays } from './time';
import { LESSONS, PAYMENT_BANKS, REPORT_NARRATIVES, REPORT_PROBLEMS } from './vocabulary';

/** Projects per transaction: each is written with its budget lines, milestones, reports and instalments at once. */
const PROJECTS_PER_GROUP = 200;

interface ReportTimeline {
  plan: PlannedReport;
  id: string;
  status: 'not_started' | 'draft' | 'submitted' | 'returned' | 'approved';
  submittedAt: Date | null;
  reviewedAt: Date | null;
  returnedAt: Date | null;
  /** The first submission (before a return). */
  firstSubmittedAt: Date | null;
  srl: number | null;
}

/** Where a project stands at the generation date, decided before anything is written (indicator counts need it). */
interface ProjectTimeline {
  award: Award;
  id: string;
  agreementNumber: string;
  startsOn: string;
  endsOn: string;
  milestoneDues: string[];
  issuedAt: Date;
  acceptedAt: Date;
  status: 'setup' | 'agreement_issued' | 'active' | 'closed';
  closedAt: Date | null;
  reports: ReportTimeline[];
  /** Whole months of activity (acceptance to the end or today): how many indicator periods it has values for. */
  months: number;
}

export interface ProjectsResult {
  projects: number;
  closed: number;
  indicatorValues: number;
  innovations: PublishedInnovation[];
  innovationCount: number;
}

function timelineOf(
  ctx: ScaleContext,
  random: Random,
  award: Award,
  agreementNumber: string,
): ProjectTimeline {
  const startsOn = bangkokDate(award.releasedAt);
  const durationMonths = random.int(10, 24);
  const milestoneCount = random.int(2, 4);
  const milestoneDues = Array.from({ length: milestoneCount }, (_, k) =>
    addMonths(startsOn, Math.round(((k + 1) * durationMonths) / milestoneCount)),
  );
  const endsOn = milestoneDues.at(-1) ?? addMonths(startsOn, 12);
  const planned = planReports({ startsOn, endsOn, schedule: 'milestone', milestoneDueDates: milestoneDues });
  const issuedAt = plusDays(award.releasedAt, random.int(10, 30));
  const acceptedAt = plusDays(issuedAt, random.int(2, 10) + random.next());
  const asOf = ctx.asOf.getTime();
  const signed = acceptedAt.getTime() <= asOf;
  const late = random.chance(0.08);
  const reports: ReportTimeline[] = [];
  let srl = award.srlStart;
  let previousApproved = true;
  for (const plan of planned) {
    const id = random.uuid();
    const submittedAt = plusDays(
      atBangkok(plan.periodEnd, 10),
      random.int(2, 14) + (late ? random.int(20, 60) : 0),
    );
    const returned = random.chance(0.07);
    const returnedAt = returned ? plusDays(submittedAt, random.int(3, 10)) : null;
    const resubmittedAt = returnedAt ? plusDays(returnedAt, random.int(3, 15)) : null;
    const reviewedAt = plusDays(resubmittedAt ?? submittedAt, random.int(3, 20));
    const lastSubmit = resubmittedAt ?? submittedAt;
    let status: ReportTimeline['status'] = 'not_started';
    let submitted: Date | null = null;
    if (signed && previousApproved) {
      if (reviewedAt.getTime() <= asOf) {
        status = 'approved';
        submitted = lastSubmit;
      } else if (lastSubmit.getTime() <= asOf) {
        status = 'submitted';
        submitted = lastSubmit;
      } else if (returnedAt && returnedAt.getTime() <= asOf) {
        status = 'returned';
        submitted = submittedAt;
      } else if (submittedAt.getTime() <= asOf) {
        status = 'submitted';
        submitted = submittedAt;
      } else if (atBangkok(plan.periodStart).getTime() <= asOf) {
        status = random.chance(0.5) ? 'draft' : 'not_started';
      }
    }
    if (submitted) {
      srl = Math.min(award.srlTarget, srl + random.int(0, 2));
    }
    reports.push({
      plan,
      id,
      status,
      submittedAt: submitted,
      reviewedAt: status === 'approved' ? reviewedAt : null,
      returnedAt: returnedAt && returnedAt.getTime() <= asOf ? returnedAt : null,
      firstSubmittedAt: submitted ? submittedAt : null,
      srl: submitted ? srl : null,
    });
    previousApproved = status === 'approved';
  }
  const finalReport = reports.at(-1);
  const closedAt =
    finalReport?.status === 'approved' && finalReport.reviewedAt
      ? plusDays(finalReport.reviewedAt, random.int(10, 45))
      : null;
  const closed = closedAt !== null && closedAt.getTime() <= asOf && random.chance(0.93);
  let status: ProjectTimeline['status'] = 'setup';
  if (closed) {
    status = 'closed';
  } else if (signed) {
    status = 'active';
  } else if (issuedAt.getTime() <= asOf) {
    status = 'agreement_issued';
  }
  const activityEnd = [ctx.today, endsOn].sort()[0] ?? endsOn;
  const months = signed
    ? Math.max(0, Math.floor(daysBetween(bangkokDate(acceptedAt), activityEnd) / 30.4))
    : 0;
  return {
    award,
    id: random.uuid(),
    agreementNumber,
    startsOn,
    endsOn,
    milestoneDues,
    issuedAt,
    acceptedAt,
    status,
    closedAt: closed ? closedAt : null,
    reports,
    months,
  };
}

/** A target and a starting value of an indicator by its type. */
function targetOf(random: Random, indicator: LibraryIndicator): { baseline: number; target: number } {
  switch (indicator.type) {
    case 'percent':
      return { baseline: random.int(5, 30), target: random.int(40, 90) };
    case 'money':
      return { baseline: 0, target: random.int(5, 500) * 1000 };
    case 'score':
      return { baseline: random.int(1, 2), target: random.int(3, 5) };
    default:
      return { baseline: 0, target: random.int(2, 200) * 10 };
  }
}

/**
 * The grant projects of the released awards, as `createProjectForAward` makes them and their life goes on: agreement
 * numbers per fiscal year, budget lines scaled to the award, milestones, reports planned per milestone, instalments
 * 40/40/20 (sums exact, checked by the database's money triggers); agreements issued and signed, reports submitted,
 * returned and approved, instalments released and paid, expenditures, SRL progress; indicators from the library with
 * monthly values (verified by staff after a while); closed projects' entries in the innovation catalogue.
 */
export async function generateProjects(
  ctx: ScaleContext,
  ref: Reference,
  people: People,
  orgs: Organisations,
  awards: Award[],
): Promise<ProjectsResult> {
  const random = ctx.random.fork('projects');
  const { loader } = ctx;
  const projectBuf = loader.table(projects);
  const lineBuf = loader.table(projectBudgetLines);
  const milestoneBuf = loader.table(projectMilestones);
  const reportBuf = loader.table(projectReports);
  const instalmentBuf = loader.table(projectInstalments);
  const group = [projectBuf, lineBuf, milestoneBuf, reportBuf, instalmentBuf];
  const reportMilestoneBuf = loader.table(projectReportMilestones);
  const expenditureBuf = loader.table(projectReportExpenditures);
  const reportEventBuf = loader.table(projectReportEvents);
  const indicatorBuf = loader.table(projectIndicators);
  const valueBuf = loader.table(projectIndicatorValues);
  const counterBuf = loader.table(projectNumberCounters);
  const catalogue = catalogueBuffers(loader);

  // Agreement numbers run per fiscal year in release order.
  const numbers = new Map<number, number>();
  const timelines = awards.map((award) => {
    const n = (numbers.get(award.fiscalYear) ?? 0) + 1;
    numbers.set(award.fiscalYear, n);
    return timelineOf(
      ctx,
      random.fork(award.proposalId),
      award,
      `SI-${award.fiscalYear}-${String(n).padStart(4, '0')}`,
    );
  });
  const activeMonths = timelines.reduce((a, t) => a + t.months, 0);
  const indicatorsPerProject =
    activeMonths > 0 ? Math.min(12, Math.max(1, ctx.size.indicatorValues / activeMonths)) : 3;
  const officers = people.officerUserIds;
  const library = ref.libraryIndicators;

  let closed = 0;
  let values = 0;
  const published: PublishedInnovation[] = [];
  let innovationCount = 0;
  const flushGroup = async () => {
    await flushTogether(loader, group);
    for (const buf of [reportMilestoneBuf, expenditureBuf, reportEventBuf, indicatorBuf, valueBuf]) {
      await buf.flushInBatches();
    }
    await flushCatalogue(catalogue);
  };

  for (const t of timelines) {
    const r = random.fork(`p-${t.id}`);
    const a = t.award;
    const org = a.orgIndex;
    const ownerUserId = orgs.ownerUserIds[org] ?? people.adminUserId;
    const officer = r.pick(officers);
    const unitId = people.areaUnitByProvince.get(a.provinceCodes[0] ?? 0) ?? null;
    const unit = people.units.find((u) => u.id === unitId);
    const reviewer =
      unit && unit.staffUserIds.length > 0 && r.chance(0.6) ? r.pick(unit.staffUserIds) : officer;

    // Budget lines: the proposal's budget scaled to the award.
    const amounts = splitProportionally(
      a.amountSatang,
      a.budget.map((b) => b.amountSatang),
    );
    const lines = a.budget.map((b, position) => ({
      id: r.uuid(),
      position,
      category: b.category,
      description: b.description,
      amountSatang: amounts[position] ?? 0,
    }));
    const milestoneRows = t.milestoneDues.map((dueOn, position) => ({
      id: r.uuid(),
      position,
      titleTh:
        ['สำรวจและออกแบบร่วมกับชุมชน', 'พัฒนาและทดลองใช้ต้นแบบ', 'ขยายผลและปรับปรุง', 'สรุปผลและถอดบทเรียน'][
          Math.min(3, Math.round((position * 3) / Math.max(1, t.milestoneDues.length - 1)))
        ] ?? 'ดำเนินงานตามแผน',
      dueOn,
    }));
    const instalments = defaultInstalments(a.amountSatang, t.reports.length);
    const terms: AgreementTerms = {
      agreementNumber: t.agreementNumber,
      issuedAt: t.issuedAt.toISOString(),
      projectTitleTh: a.titleTh,
      projectTitleEn: a.titleEn,
      organisationNameTh: orgs.nameTh[org] ?? '',
      organisationNameEn: orgs.nameEn[org] ?? null,
      callCode: a.callCode,
      callTitleTh: a.callTitleTh,
      fiscalYear: a.fiscalYear,
      awardSatang: a.amountSatang,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      reallocationLimitPercent: PROJECT_LIMITS.defaultReallocationLimitPercent,
      budgetLines: lines.map((l) => ({
        category: l.category,
        description: l.description,
        amountSatang: l.amountSatang,
      })),
      milestones: milestoneRows.map((m) => ({ titleTh: m.titleTh, deliverable: '', dueOn: m.dueOn })),
      reports: t.reports.map((rep) => ({
        sequence: rep.plan.sequence,
        kind: rep.plan.kind,
        periodEnd: rep.plan.periodEnd,
        dueOn: rep.plan.dueOn,
      })),
      instalments: instalments.map((inst, i) => ({
        sequence: i + 1,
        amountSatang: inst.amountSatang,
        releaseAfterReport: inst.releaseAfterReport,
      })),
    };
    const issued = t.status !== 'setup';
    const signed = t.status === 'active' || t.status === 'closed';
    const createdAt = a.releasedAt;
    const finalSrl = [...t.reports].reverse().find((rep) => rep.srl !== null)?.srl ?? a.srlStart;

    // The catalogue entry of a closed project.
    let innovationId: string | null = null;
    if (t.status === 'closed' && t.closedAt) {
      innovationId = r.uuid();
      const publishedAt = plusDays(t.closedAt, r.int(5, 60));
      const history: Parameters<typeof pushInnovation>[3]['history'] = [
        { srl: a.srlStart, assessedOn: t.startsOn, source: 'project_start' },
        ...t.reports.flatMap((rep) =>
          rep.status === 'approved' && rep.srl !== null && rep.reviewedAt && rep.plan.kind === 'progress'
            ? [{ srl: rep.srl, assessedOn: bangkokDate(rep.reviewedAt), source: 'project_report' as const }]
            : [],
        ),
        { srl: finalSrl, assessedOn: bangkokDate(t.closedAt), source: 'close_out' },
      ];
      const entry = pushInnovation(r, catalogue, orgs, {
        id: innovationId,
        projectId: t.id,
        organisationIndex: org,
        programmeId: ref.programmeIds.get(a.programmeSlug) ?? null,
        drivingUnitId: unitId,
        text: innovationText(r, a.topic, a.place, { th: a.titleTh, en: a.titleEn }),
        themes: a.themes,
        provinceCodes: a.provinceCodes,
        place: a.place,
        srl: finalSrl,
        history,
        status: publishedAt.getTime() <= ctx.asOf.getTime() ? 'published' : 'draft',
        createdAt: t.closedAt,
        publishedAt: publishedAt.getTime() <= ctx.asOf.getTime() ? publishedAt : null,
        isFeatured: false,
        isDiffusionReady: r.chance(0.35),
        staffUserId: officer,
      });
      innovationCount += 1;
      if (entry) {
        published.push(entry);
      }
      closed += 1;
    }

    projectBuf.push({
      id: t.id,
      proposalId: a.proposalId,
      decisionId: a.decisionId,
      callId: a.callId,
      organisationId: orgs.ids[org] ?? '',
      drivingUnitId: unitId,
      agreementNumber: t.agreementNumber,
      titleTh: a.titleTh,
      titleEn: a.titleEn,
      fiscalYear: a.fiscalYear,
      provinceCodes: a.provinceCodes,
      themes: a.themes,
      awardSatang: a.amountSatang,
      status: t.status,
      startsOn: t.startsOn,
      endsOn: t.endsOn,
      reportSchedule: 'milestone',
      reallocationLimitPercent: PROJECT_LIMITS.defaultReallocationLimitPercent,
      srlStart: a.srlStart,
      srlTarget: a.srlTarget,
      agreementTerms: issued ? terms : null,
      agreementSha256: issued ? termsSha256(terms) : null,
      agreementIssuedAt: issued ? t.issuedAt : null,
      agreementIssuedBy: issued ? officer : null,
      agreementAcceptedAt: signed ? t.acceptedAt : null,
      agreementAcceptedBy: signed ? ownerUserId : null,
      agreementAcceptedName: signed ? personName(r) : null,
      closedAt: t.closedAt,
      closedBy: t.closedAt ? officer : null,
      closingNote: t.closedAt ? 'ส่งมอบผลงานครบถ้วน ปิดโครงการ' : '',
      innovationId,
      version: 1 + (issued ? 1 : 0) + (signed ? 1 : 0) + (t.closedAt ? 1 : 0),
      createdAt,
      updatedAt: t.closedAt ?? (signed ? t.acceptedAt : issued ? t.issuedAt : createdAt),
    });
    for (const l of lines) {
      lineBuf.push({
        id: l.id,
        projectId: t.id,
        position: l.position,
        category: l.category,
        description: l.description,
        plannedSatang: l.amountSatang,
        approvedSatang: l.amountSatang,
        createdAt,
        updatedAt: createdAt,
      });
    }
    // Milestones are complete once an approved report covers them.
    const completedOn = new Map<number, string>();
    for (const rep of t.reports) {
      if (rep.status === 'approved') {
        for (const i of rep.plan.milestoneIndexes) {
          completedOn.set(i, rep.plan.periodEnd);
        }
      }
    }
    milestoneRows.forEach((m, i) => {
      const done = completedOn.get(i);
      milestoneBuf.push({
        id: m.id,
        projectId: t.id,
        position: m.position,
        titleTh: m.titleTh,
        deliverable: 'รายงานผลการดำเนินงานพร้อมหลักฐาน',
        dueOn: m.dueOn,
        completionPercent: done ? 100 : 0,
        completedOn: done ?? null,
        createdAt,
        updatedAt: createdAt,
      });
    });
    const totalDays = Math.max(1, daysBetween(t.startsOn, t.endsOn));
    for (const rep of t.reports) {
      const written = rep.status !== 'not_started';
      const isFinal = rep.plan.kind === ('final' satisfies ReportKind);
      const due = rep.plan.dueOn;
      reportBuf.push({
        id: rep.id,
        projectId: t.id,
        sequence: rep.plan.sequence,
        kind: rep.plan.kind,
        periodStart: rep.plan.periodStart,
        periodEnd: rep.plan.periodEnd,
        dueOn: due,
        milestoneIds: rep.plan.milestoneIndexes.flatMap((i) =>
          milestoneRows[i] ? [milestoneRows[i].id] : [],
        ),
        status: rep.status,
        narrative: written ? r.pick(REPORT_NARRATIVES) : '',
        problems: written ? r.pick(REPORT_PROBLEMS) : '',
        risks: '',
        srlLevel: rep.srl,
        srlEvidence: rep.srl !== null ? 'บันทึกผลการทดลองใช้และภาพถ่ายกิจกรรม' : '',
        lessonsLearned: isFinal && written ? r.pick(LESSONS) : '',
        scalingRecommendations:
          isFinal && written
            ? [
                {
                  area: 'ชุมชนที่มีปัญหาคล้ายกัน',
                  provinceCodes: a.provinceCodes,
                  recommendation: 'เริ่มจากแกนนำที่พร้อม และให้ อปท. ร่วมสนับสนุนงบประมาณ',
                  conditions: 'มีแกนนำอย่างน้อย 5 คน',
                },
              ]
            : [],
        submittedAt: rep.submittedAt,
        submittedBy: rep.submittedAt ? ownerUserId : null,
        reviewedAt: rep.reviewedAt,
        reviewedBy: rep.reviewedAt ? reviewer : null,
        remindedBeforeAt:
          addDays(due, -PROJECT_LIMITS.reminderDaysBefore) <= ctx.today
            ? atBangkok(addDays(due, -PROJECT_LIMITS.reminderDaysBefore), 8)
            : null,
        remindedAfterAt:
          addDays(due, PROJECT_LIMITS.reminderDaysAfter) <= ctx.today
            ? atBangkok(addDays(due, PROJECT_LIMITS.reminderDaysAfter), 8)
            : null,
        version:
          1 +
          (written ? 1 : 0) +
          (rep.submittedAt ? 1 : 0) +
          (rep.reviewedAt ? 1 : 0) +
          (rep.returnedAt ? 2 : 0),
        createdAt,
        updatedAt: rep.reviewedAt ?? rep.submittedAt ?? createdAt,
      });
      if (rep.submittedAt) {
        for (const i of rep.plan.milestoneIndexes) {
          const m = milestoneRows[i];
          if (m) {
            reportMilestoneBuf.push({
              reportId: rep.id,
              milestoneId: m.id,
              completionPercent: rep.status === 'approved' ? 100 : r.int(80, 100),
              note: '',
            });
          }
        }
        const share = Math.max(1, daysBetween(rep.plan.periodStart, rep.plan.periodEnd) + 1) / totalDays;
        for (const l of lines) {
          expenditureBuf.push({
            reportId: rep.id,
            budgetLineId: l.id,
            spentSatang: Math.floor(l.amountSatang * share * (0.7 + r.next() * 0.3)),
            note: '',
          });
        }
        const events: Array<[string, Date | null, string]> = [
          ['submitted', rep.firstSubmittedAt, ownerUserId],
          ['returned', rep.returnedAt, reviewer],
          ['submitted', rep.returnedAt && rep.status !== 'returned' ? rep.submittedAt : null, ownerUserId],
          ['approved', rep.reviewedAt, reviewer],
        ];
        for (const [action, at, actor] of events) {
          if (at) {
            reportEventBuf.push({
              id: r.uuid(),
              reportId: rep.id,
              action,
              comment: action === 'returned' ? 'กรุณาแนบหลักฐานค่าใช้จ่ายให้ครบ' : '',
              actorUserId: actor,
              createdAt: at,
            });
          }
        }
      }
    }
    // Instalments: the first on signature, the others when their report is approved; paid a little later.
    const bySequence = new Map(t.reports.map((rep) => [rep.plan.sequence, rep]));
    instalments.forEach((inst, i) => {
      const releasedBy = inst.releaseAfterReport === null ? null : bySequence.get(inst.releaseAfterReport);
      const readyAt =
        inst.releaseAfterReport === null ? (signed ? t.acceptedAt : null) : (releasedBy?.reviewedAt ?? null);
      const paidAt = readyAt ? atBangkok(bangkokDate(plusDays(readyAt, r.int(5, 25))), 15) : null;
      const paid = paidAt !== null && paidAt.getTime() <= ctx.asOf.getTime();
      const withheld = paid && r.chance(0.02) ? Math.floor(inst.amountSatang * 0.05) : 0;
      const row: Row<typeof projectInstalments> = {
        id: r.uuid(),
        projectId: t.id,
        sequence: i + 1,
        amountSatang: inst.amountSatang,
        releaseReportId: releasedBy?.id ?? null,
        status: paid ? 'paid' : readyAt ? 'ready' : 'scheduled',
        readyAt,
        paidOn: paid && paidAt ? bangkokDate(paidAt) : null,
        paidSatang: paid ? inst.amountSatang - withheld : null,
        withheldSatang: withheld,
        paymentReference: paid ? `${r.pick(PAYMENT_BANKS)}-${t.agreementNumber}-${i + 1}` : null,
        paymentNote: withheld > 0 ? 'หักค่าปรับส่งรายงานล่าช้าร้อยละ 5' : '',
        recordedBy: paid ? officer : null,
        recordedAt: paid ? paidAt : null,
        version: 1 + (readyAt ? 1 : 0) + (paid ? 1 : 0),
        createdAt,
        updatedAt: paidAt && paid ? paidAt : (readyAt ?? createdAt),
      };
      instalmentBuf.push(row);
    });

    // Indicators from the library (the project's themes first) with a value per month of activity.
    if (library.length > 0 && t.months > 0) {
      const k = Math.min(
        library.length,
        Math.floor(indicatorsPerProject) + (r.chance(indicatorsPerProject % 1) ? 1 : 0),
      );
      const matching = library.filter((ind) => ind.themes.some((th) => a.themes.includes(th as never)));
      const chosen = [...r.sample(matching, Math.min(matching.length, Math.ceil(k / 2)))];
      for (const ind of r.shuffle(library)) {
        if (chosen.length >= k) {
          break;
        }
        if (!chosen.includes(ind)) {
          chosen.push(ind);
        }
      }
      const acceptedOn = bangkokDate(t.acceptedAt);
      // The monthly periods, the same for every indicator of the project.
      const periods = Array.from({ length: t.months }, (_, m) => {
        const periodEnd = addDays(addMonths(acceptedOn, m + 1), -1);
        return { periodStart: addMonths(acceptedOn, m), periodEnd, at: atBangkok(periodEnd, 11) };
      });
      chosen.forEach((ind, position) => {
        const projectIndicatorId = r.uuid();
        const { baseline, target } = targetOf(r, ind);
        indicatorBuf.push({
          id: projectIndicatorId,
          projectId: t.id,
          indicatorId: ind.id,
          code: ind.code,
          nameTh: ind.nameTh,
          nameEn: ind.nameEn,
          unitTh: ind.unitTh,
          unitEn: ind.unitEn,
          type: ind.type,
          direction: ind.direction,
          aggregation: ind.aggregation,
          disaggregations: ind.disaggregations,
          baseline,
          baselineOn: acceptedOn,
          target,
          targetOn: t.endsOn,
          position,
          createdAt: t.acceptedAt,
          updatedAt: t.acceptedAt,
        });
        const reach = 0.6 + r.next() * 0.6; // how far towards its target the project gets
        periods.forEach(({ periodStart, periodEnd, at }, m) => {
          const progress = ((m + 1) / t.months) * reach;
          const value =
            ind.aggregation === 'sum'
              ? Math.max(
                  0,
                  Math.round(((target - baseline) / Math.max(1, t.months)) * reach * (0.5 + r.next())),
                )
              : Math.round((baseline + (target - baseline) * progress) * 100) / 100;
          const enteredAt = plusDays(at, r.int(1, 10));
          const reviewedAt = plusDays(enteredAt, r.int(3, 30));
          const verified = reviewedAt.getTime() <= ctx.asOf.getTime();
          const queried = verified && r.chance(0.01);
          valueBuf.push({
            id: r.uuid(),
            projectIndicatorId,
            projectId: t.id,
            periodStart,
            periodEnd,
            value,
            note: '',
            source: 'entry',
            status: queried ? 'queried' : verified ? 'verified' : 'submitted',
            reviewComment: queried ? 'กรุณาแนบหลักฐานประกอบตัวเลขนี้' : verified ? 'ตรวจกับหลักฐานแล้ว' : '',
            reviewedBy: verified ? reviewer : null,
            reviewedAt: verified ? reviewedAt : null,
            enteredBy: ownerUserId,
            createdAt: enteredAt,
            updatedAt: verified ? reviewedAt : enteredAt,
          });
          values += 1;
        });
      });
    }
    if (projectBuf.size >= PROJECTS_PER_GROUP) {
      await flushGroup();
    }
  }
  await flushGroup();
  for (const [fiscalYear, lastNumber] of [...numbers.entries()].sort((x, y) => x[0] - y[0])) {
    await counterBuf.add({ fiscalYear, lastNumber });
  }
  await counterBuf.flush();
  return {
    projects: timelines.length,
    closed,
    indicatorValues: values,
    innovations: published,
    innovationCount,
  };
}
