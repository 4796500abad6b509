import {
  callForms,
  callReceiptCounters,
  callReviewers,
  callReviewSettings,
  calls,
  decisions,
  problemStatements,
  proposalEvents,
  proposalReviewStates,
  proposals,
  reviewAssignments,
  reviews,
  rubrics,
} from '@server/db/schema/index';
import { starterForm } from '@server/modules/calls/calls.starter-forms';
import { evaluateEligibility } from '@shared/calls/eligibility';
import { EligibilityRulesSchema, type EligibilityRules } from '@shared/contracts/calls';
import type { BudgetCategory, BudgetRow } from '@shared/contracts/forms';
import type { Recommendation } from '@shared/contracts/rubrics';
import { splitProportionally } from '@shared/projects/plan';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import type { ThemeCode } from '@shared/reference/themes';
import { STARTER_RUBRIC } from '@shared/reviews/starter-rubric';
import { weightedScore } from '@shared/reviews/scoring';
import type { Organisations, People, Reference, ScaleContext } from './context';
import { apportion, weightedSampler, zipfSampler, zipfWeights, type WeightedSampler } from './distributions';
import type { Random } from './random';
import { searchTextOf } from './search-text';
import { drawTopic, projectAbstract, projectTitle, type Place, type Topic } from './text';
import { atBangkok, addDays, bangkokDate, fiscalYearStart, plusDays } from './time';
import {
  AWARD_REASONS,
  LOW_SCORE_COMMENTS,
  REJECT_REASONS,
  REVIEW_COMMENTS,
  SCREEN_OUT_REASONS,
  THEME_WORDS,
} from './vocabulary';

/** A kind of call the programmes open every fiscal year. */
interface CallTemplate {
  code: string;
  programme: string;
  titleTh: string;
  titleEn: string;
  types: OrganisationTypeCode[];
  themes: ThemeCode[];
  targetGroupOnly: boolean;
  minBaht: number;
  maxBaht: number;
  /** How popular the call is. */
  weight: number;
  /** Months after 1 October that it opens. */
  opensMonth: number;
  withStatements?: boolean;
}

const COMMUNITY: OrganisationTypeCode[] = [
  'community_enterprise',
  'social_enterprise',
  'local_government',
  'npo_foundation',
  'civil_society_group',
  'youth_group',
];

export const CALL_TEMPLATES: readonly CallTemplate[] = [
  {
    code: 'AB',
    programme: 'area-based',
    titleTh: 'นวัตกรรมเพื่อสังคมเชิงพื้นที่ กลุ่มจังหวัดเป้าหมาย',
    titleEn: 'Area-based Social Innovation in the Target Provinces',
    types: COMMUNITY,
    themes: [],
    targetGroupOnly: true,
    minBaht: 200_000,
    maxBaht: 1_000_000,
    weight: 3,
    opensMonth: 0,
  },
  {
    code: 'AP',
    programme: 'area-based',
    titleTh: 'นวัตกรรมเพื่อสังคมเชิงพื้นที่ พื้นที่นำร่อง',
    titleEn: 'Area-based Social Innovation in Pilot Areas',
    types: COMMUNITY,
    themes: [],
    targetGroupOnly: false,
    minBaht: 200_000,
    maxBaht: 800_000,
    weight: 2,
    opensMonth: 4,
  },
  {
    code: 'SV',
    programme: 'social-innovation-village',
    titleTh: 'หมู่บ้านนวัตกรรมเพื่อสังคม',
    titleEn: 'Social Innovation Village',
    types: ['local_government', 'community_enterprise'],
    themes: [],
    targetGroupOnly: false,
    minBaht: 100_000,
    maxBaht: 500_000,
    weight: 1.5,
    opensMonth: 1,
  },
  {
    code: 'CC',
    programme: 'city-challenge',
    titleTh: 'ความท้าทายนวัตกรรมเพื่อเมืองและชุมชน',
    titleEn: 'City & Community Innovation Challenge',
    types: ['social_enterprise', 'university', 'npo_foundation', 'private_company', 'civil_society_group'],
    themes: [],
    targetGroupOnly: false,
    minBaht: 500_000,
    maxBaht: 3_000_000,
    weight: 2,
    opensMonth: 0,
    withStatements: true,
  },
  {
    code: 'SH',
    programme: 'sectoral',
    titleTh: 'นวัตกรรมเพื่อสังคมรายสาขา: สุขภาพและสวัสดิการ',
    titleEn: 'Sectoral Social Innovation: Health and Welfare',
    types: [],
    themes: ['health', 'finance_employment_welfare'],
    targetGroupOnly: false,
    minBaht: 300_000,
    maxBaht: 1_500_000,
    weight: 2.5,
    opensMonth: 2,
  },
  {
    code: 'SA',
    programme: 'sectoral',
    titleTh: 'นวัตกรรมเพื่อสังคมรายสาขา: เกษตรกรรมยั่งยืน อาหาร น้ำ และพลังงาน',
    titleEn: 'Sectoral Social Innovation: Sustainable Agriculture, Food, Water and Energy',
    types: [],
    themes: ['sustainable_agriculture', 'food_water_energy'],
    targetGroupOnly: false,
    minBaht: 300_000,
    maxBaht: 1_500_000,
    weight: 2,
    opensMonth: 2,
  },
  {
    code: 'SN',
    programme: 'sectoral',
    titleTh: 'นวัตกรรมเพื่อสังคมรายสาขา: สิ่งแวดล้อมและการจัดการภัยพิบัติ',
    titleEn: 'Sectoral Social Innovation: Environment and Disaster Management',
    types: [],
    themes: ['environment', 'disaster_management'],
    targetGroupOnly: false,
    minBaht: 300_000,
    maxBaht: 1_500_000,
    weight: 1.2,
    opensMonth: 3,
  },
  {
    code: 'SC',
    programme: 'sectoral',
    titleTh: 'นวัตกรรมเพื่อสังคมรายสาขา: เมือง การท่องเที่ยว วัฒนธรรม และการศึกษา',
    titleEn: 'Sectoral Social Innovation: Cities, Tourism, Culture and Education',
    types: [],
    themes: ['urbanisation', 'tourism_culture', 'government_education'],
    targetGroupOnly: false,
    minBaht: 300_000,
    maxBaht: 1_500_000,
    weight: 1,
    opensMonth: 7,
  },
  {
    code: 'EY',
    programme: 'ecosystem',
    titleTh: 'ผู้ประกอบการทางสังคมรุ่นใหม่',
    titleEn: 'Young Social Entrepreneurs',
    types: ['youth_group', 'social_enterprise', 'university'],
    themes: [],
    targetGroupOnly: false,
    minBaht: 50_000,
    maxBaht: 300_000,
    weight: 0.8,
    opensMonth: 10,
  },
];

/**
 * How unequal the work is (Zipf exponents): some reviewers review several times as much as most (an active expert
 * at a few thousand reviews over five years, most at a few dozen), some organisations apply every year.
 */
const REVIEWER_SKEW = 0.35;
const APPLICANT_SKEW = 0.3;

/** A planned call: its template, year and dates, and how many proposals it gets. */
interface CallPlan {
  template: CallTemplate;
  fiscalYear: number;
  id: string;
  formId: string;
  rubricId: string;
  opensAt: Date;
  closesAt: Date;
  /** When officers screen, reviewers score, and the decisions fall. */
  screeningFrom: Date;
  decisionAt: Date;
  proposals: number;
  reviewersPerProposal: number;
  awards: number;
  eligibility: EligibilityRules;
}

/** A released award: what the projects phase makes a grant project of. */
export interface Award {
  proposalId: string;
  decisionId: string;
  callId: string;
  callCode: string;
  callTitleTh: string;
  fiscalYear: number;
  programmeSlug: string;
  orgIndex: number;
  titleTh: string;
  titleEn: string;
  provinceCodes: number[];
  themes: ThemeCode[];
  amountSatang: number;
  releasedAt: Date;
  budget: BudgetRow[];
  srlStart: number;
  srlTarget: number;
  topic: Topic;
  place: Place;
}

export interface SelectionResult {
  awards: Award[];
  calls: number;
  /** A draft in an open call that the first applicant can edit (autosave), when there is one. */
  sampleDraft: { proposalId: string; callId: string } | null;
  busiestCall: { id: string; code: string; fiscalYear: number; proposals: number } | null;
}

interface ProposalDraft {
  id: string;
  orgIndex: number;
  status: 'draft' | 'submitted' | 'returned' | 'withdrawn';
  everSubmitted: boolean;
  createdAt: Date;
  submittedAt: Date | null;
  changedAt: Date;
  titleTh: string;
  titleEn: string;
  summary: string;
  provinceCodes: number[];
  themes: ThemeCode[];
  budget: BudgetRow[];
  requestedSatang: number;
  quality: number;
  topic: Topic;
  place: Place;
  statementId: string | null;
  receipt: string | null;
  isEligible: number;
}

const baht = (n: number) => n * 100;
const CATEGORY_TEXT: Record<BudgetCategory, string> = {
  personnel: 'ค่าตอบแทนแกนนำและผู้ประสานงาน',
  operating: 'อบรม ประชุม และศึกษาดูงาน',
  materials: 'วัสดุสำหรับต้นแบบและการทดลองใช้',
  equipment: 'ครุภัณฑ์สำหรับการผลิตและการติดตามผล',
  services: 'ค่าจ้างเหมาจัดทำสื่อและประเมินผล',
  other: 'ค่าใช้จ่ายอื่นในการดำเนินงาน',
};

function minDate(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

/** A moment in [from, to) (to ≥ from), skewed towards `to` when `late` > 1 (applicants submit near the deadline). */
function between(random: Random, from: Date, to: Date, late = 1): Date {
  const span = Math.max(0, to.getTime() - from.getTime());
  return new Date(from.getTime() + Math.floor(Math.pow(random.next(), 1 / late) * span));
}

/** The calls of every fiscal year, their dates, sizes, review intensity and number of awards. */
function planCalls(ctx: ScaleContext, ref: Reference): CallPlan[] {
  const random = ctx.random.fork('call-plan');
  const firstFy = ctx.fiscalYearNow - ctx.size.fiscalYears + 1;
  const plans: CallPlan[] = [];
  const weights: number[] = [];
  const popularity = zipfSampler(
    random.fork('popularity'),
    CALL_TEMPLATES.map((_, i) => i),
    0.5,
  );
  const shares = popularity.shares();
  for (let fy = firstFy; fy <= ctx.fiscalYearNow; fy += 1) {
    const growth = 1 + 0.15 * (fy - firstFy);
    for (const template of CALL_TEMPLATES) {
      if (!ref.programmeIds.has(template.programme)) {
        continue;
      }
      const start = fiscalYearStart(fy);
      const opensOn = addDays(start, template.opensMonth * 30 + random.int(0, 20));
      const opensAt = atBangkok(opensOn, 9);
      const closesAt = atBangkok(addDays(opensOn, random.int(70, 100)), 16, 30);
      const decisionAt = atBangkok(bangkokDate(plusDays(closesAt, random.int(55, 80))), 14);
      const eligibility = EligibilityRulesSchema.parse({
        organisationTypes: template.types,
        themes: template.themes,
        targetGroupOnly: template.targetGroupOnly,
        regionCodes: ctx.size.region !== null && !template.targetGroupOnly ? [ctx.size.region] : [],
      });
      plans.push({
        template,
        fiscalYear: fy,
        id: random.uuid(),
        formId: random.uuid(),
        rubricId: random.uuid(),
        opensAt,
        closesAt,
        screeningFrom: plusDays(closesAt, random.int(2, 6)),
        decisionAt,
        proposals: 0,
        reviewersPerProposal: 3,
        awards: 0,
        eligibility,
      });
      const share = shares[popularity.items.indexOf(CALL_TEMPLATES.indexOf(template))] ?? 0.1;
      let weight = template.weight * growth * (0.5 + share * CALL_TEMPLATES.length);
      if (opensAt.getTime() > ctx.asOf.getTime()) {
        weight = 0;
      } else if (closesAt.getTime() > ctx.asOf.getTime()) {
        const elapsed =
          (ctx.asOf.getTime() - opensAt.getTime()) / Math.max(1, closesAt.getTime() - opensAt.getTime());
        weight *= 0.25 + 0.75 * elapsed;
      }
      weights.push(weight);
    }
  }
  const counts = apportion(ctx.size.proposals, weights);
  plans.forEach((p, i) => {
    p.proposals = counts[i] ?? 0;
  });
  // Reviews go to the proposals of calls whose review has begun; awards to calls decided by now.
  const reviewed = plans.filter((p) => p.screeningFrom.getTime() <= ctx.asOf.getTime());
  const expected = reviewed.reduce((a, p) => a + p.proposals * 0.85, 0);
  const perProposal = expected > 0 ? ctx.size.reviews / expected : 3;
  for (const p of reviewed) {
    p.reviewersPerProposal = Math.max(1, Math.min(9, perProposal));
  }
  const decided = plans.filter((p) => p.decisionAt.getTime() <= ctx.asOf.getTime());
  const awards = apportion(
    ctx.size.projects,
    decided.map((p) => p.proposals),
  );
  decided.forEach((p, i) => {
    p.awards = Math.min(awards[i] ?? 0, Math.floor(p.proposals * 0.6));
  });
  return plans;
}

/**
 * Calls of five fiscal years, with their forms, rubrics and review settings; proposals of every status (drafts,
 * submitted, returned, withdrawn) with receipts, answers, eligibility and search text; screening, reviewer
 * assignments and scored reviews; decisions released with their awards. Numbers follow the application's rules:
 * gap-free receipts per call, awards within the requested amount, the call's maximum and its budget.
 */
export async function generateSelection(
  ctx: ScaleContext,
  ref: Reference,
  people: People,
  orgs: Organisations,
): Promise<SelectionResult> {
  const { loader } = ctx;
  const callBuf = loader.table(calls);
  const formBuf = loader.table(callForms, [callBuf]);
  const rubricBuf = loader.table(rubrics, [callBuf]);
  const settingsBuf = loader.table(callReviewSettings, [callBuf]);
  const statementBuf = loader.table(problemStatements, [callBuf]);
  const counterBuf = loader.table(callReceiptCounters, [callBuf]);
  const callReviewerBuf = loader.table(callReviewers, [callBuf]);
  const proposalBuf = loader.table(proposals, [callBuf, formBuf, statementBuf]);
  const eventBuf = loader.table(proposalEvents, [proposalBuf]);
  const stateBuf = loader.table(proposalReviewStates, [proposalBuf]);
  const assignmentBuf = loader.table(reviewAssignments, [proposalBuf]);
  const reviewBuf = loader.table(reviews, [assignmentBuf, rubricBuf]);
  const decisionBuf = loader.table(decisions, [proposalBuf]);

  const plans = planCalls(ctx, ref);
  const form = starterForm('proposal');
  const officer = (random: Random) => random.pick(people.officerUserIds);
  const reviewerBias = people.reviewers.map((_, i) => ctx.random.fork(`bias-${i}`).normal() * 0.4);
  const reviewerByTheme = new Map<ThemeCode, WeightedSampler<number>>();
  const allReviewers = zipfSampler(
    ctx.random.fork('reviewers'),
    people.reviewers.map((_, i) => i),
    REVIEWER_SKEW,
  );
  for (const theme of ref.themeSampler.items) {
    const indexes = people.reviewers.flatMap((r, i) => (r.themes.includes(theme) ? [i] : []));
    if (indexes.length > 0) {
      reviewerByTheme.set(theme, zipfSampler(ctx.random.fork(`reviewers-${theme}`), indexes, REVIEWER_SKEW));
    }
  }
  // Organisations that apply: per kind of call a Zipf sampler over those of an eligible type (some apply often).
  const orgSamplers = new Map<string, WeightedSampler<number>>();
  const samplerFor = (types: OrganisationTypeCode[], key: string) => {
    let sampler = orgSamplers.get(key);
    if (!sampler) {
      const pool =
        types.length === 0
          ? orgs.ids.map((_, i) => i)
          : types.flatMap((t) => orgs.byType.get(t) ?? []).sort((a, b) => a - b);
      sampler = zipfSampler(
        ctx.random.fork(`applicants-${key}`),
        pool.length > 0 ? pool : [0],
        APPLICANT_SKEW,
      );
      orgSamplers.set(key, sampler);
    }
    return sampler;
  };
  const anyOrg = samplerFor([], 'any');
  const targetSampler = weightedSampler(ref.targetGroup, zipfWeights(ref.targetGroup.length, 0.8));

  const awardsOut: Award[] = [];
  let sampleDraft: SelectionResult['sampleDraft'] = null;
  let busiestCall: SelectionResult['busiestCall'] = null;

  for (const plan of plans) {
    const random = ctx.random.fork(`call-${plan.template.code}-${plan.fiscalYear}`);
    const t = plan.template;
    const asOf = ctx.asOf;
    const isOpen = plan.closesAt.getTime() > asOf.getTime();
    const upcoming = plan.opensAt.getTime() > asOf.getTime();
    const creator = officer(random);

    // ---- Problem statements (city challenge) -----------------------------------------------------------------------
    const statements: Array<{ id: string; theme: ThemeCode }> = [];
    if (t.withStatements) {
      for (let i = 0; i < random.int(4, 8); i += 1) {
        const theme = ref.themeSampler.draw(random);
        const problem = random.pick(THEME_WORDS[theme].problems);
        const result = random.pick(THEME_WORDS[theme].results);
        const provinceCode = ref.provinceSampler.draw(random);
        const place = ref.placeIn(random, provinceCode);
        const ownerIndexes = orgs.byType.get('local_government') ?? [];
        const ownerOrg = ownerIndexes.length > 0 ? random.pick(ownerIndexes) : null;
        const id = random.uuid();
        statements.push({ id, theme });
        await statementBuf.add({
          id,
          callId: plan.id,
          titleTh: `${problem[0]}ใน${place.provinceTh}`,
          titleEn: `${problem[1]} in ${place.provinceEn}`,
          descriptionTh: `เมืองต้องการแนวคิดนวัตกรรมที่แก้ปัญหา${problem[0]} ซึ่งกระทบประชาชนจำนวนมากในพื้นที่`,
          descriptionEn: `The city wants innovative ideas against ${problem[1]}, which affects many residents.`,
          provinceCode,
          districtCode: place.districtCode,
          theme,
          expectedResultTh: result[0],
          expectedResultEn: result[1],
          ownerUserId: people.partnerUserIds.length > 0 ? random.pick(people.partnerUserIds) : null,
          ownerOrganisationId: ownerOrg === null ? null : (orgs.ids[ownerOrg] ?? null),
          status: 'published',
          createdAt: plan.opensAt,
          updatedAt: plan.opensAt,
        });
      }
    }

    // ---- Proposals, in memory first (receipts, eligibility and awards need the whole call) --------------------------
    const drafts: ProposalDraft[] = [];
    const windowEnd = minDate(plan.closesAt, asOf);
    for (let j = 0; j < plan.proposals; j += 1) {
      const r = random.fork(j); // each proposal its own stream
      let orgIndex: number;
      let provinceCodes: number[];
      if (t.targetGroupOnly) {
        const province = targetSampler.draw(r);
        const local = (orgs.byProvince.get(province) ?? []).filter((i) =>
          t.types.includes(orgs.types[i] ?? 'community_enterprise'),
        );
        orgIndex = local.length > 0 && r.chance(0.9) ? r.pick(local) : samplerFor(t.types, t.code).draw(r);
        provinceCodes = [province];
      } else {
        orgIndex = r.chance(0.96) ? samplerFor(t.types, t.code).draw(r) : anyOrg.draw(r);
        const home = orgs.provinceCodes[orgIndex] ?? ref.provinceSampler.draw(r);
        provinceCodes = [r.chance(0.8) ? home : ref.provinceSampler.draw(r)];
        if (r.chance(0.15)) {
          const second = ref.provinceSampler.draw(r);
          if (!provinceCodes.includes(second)) {
            provinceCodes.push(second);
          }
        }
      }
      if (isOpen && !sampleDraft && j === 0) {
        orgIndex = 0; // the first applicant's organisation keeps a draft in an open call
      }
      const themes: ThemeCode[] = [];
      const themeCount = r.chance(0.6) ? 1 : 2;
      for (let k = 0; k < themeCount; k += 1) {
        const theme = t.themes.length > 0 ? r.pick<ThemeCode>(t.themes) : ref.themeSampler.draw(r);
        if (!themes.includes(theme)) {
          themes.push(theme);
        }
      }
      const place =
        provinceCodes[0] === orgs.provinceCodes[orgIndex]
          ? (orgs.places[orgIndex] ?? ref.placeIn(r, provinceCodes[0] ?? 10))
          : ref.placeIn(r, provinceCodes[0] ?? 10);
      const topic = drawTopic(r, themes[0] ?? 'environment');
      const title = projectTitle(topic, place);
      const summary = projectAbstract(r, topic, place).th;

      let status: ProposalDraft['status'];
      const u = r.next();
      if (isOpen) {
        status = u < 0.4 ? 'draft' : u < 0.92 ? 'submitted' : u < 0.96 ? 'returned' : 'withdrawn';
      } else {
        status = u < 0.06 ? 'draft' : u < 0.96 ? 'submitted' : u < 0.99 ? 'withdrawn' : 'returned';
      }
      if (isOpen && !sampleDraft && j === 0) {
        status = 'draft';
      }
      const everSubmitted = status !== 'draft' && !(status === 'withdrawn' && r.chance(0.3));
      const createdAt = between(r, plan.opensAt, windowEnd, 1.3);
      const submittedAt = everSubmitted ? between(r, createdAt, windowEnd, 2) : null;
      const changedAt = submittedAt ? between(r, submittedAt, windowEnd) : between(r, createdAt, windowEnd);

      // Requested money: log-uniform over the call's range, in 10,000 baht; a few ask for more than the maximum.
      const over = r.chance(0.03);
      const low = Math.log(t.minBaht);
      const high = Math.log(over ? t.maxBaht * 1.4 : t.maxBaht);
      const requestedBaht = Math.max(
        t.minBaht,
        Math.min(
          over ? t.maxBaht * 1.4 : t.maxBaht,
          Math.round(Math.exp(low + r.next() * (high - low)) / 10_000) * 10_000,
        ),
      );
      const withBudget = status !== 'draft' || r.chance(0.6);
      const categories = r.sample(
        ['personnel', 'operating', 'materials', 'equipment', 'services', 'other'] as const,
        r.int(3, 5),
      );
      const parts = splitProportionally(
        requestedBaht,
        categories.map(() => r.int(10, 40)),
      );
      const budget: BudgetRow[] = withBudget
        ? categories.map((category, k) => ({
            category,
            description: CATEGORY_TEXT[category],
            amountSatang: baht(parts[k] ?? 0),
          }))
        : [];
      drafts.push({
        id: r.uuid(),
        orgIndex,
        status,
        everSubmitted,
        createdAt,
        submittedAt,
        changedAt,
        titleTh: title.th,
        titleEn: title.en,
        summary,
        provinceCodes,
        themes,
        budget,
        requestedSatang: budget.reduce((a, b) => a + b.amountSatang, 0),
        quality: r.normal(),
        topic,
        place,
        statementId: statements.length > 0 ? r.pick(statements).id : null,
        receipt: null,
        isEligible: 1,
      });
      if (isOpen && !sampleDraft && j === 0) {
        sampleDraft = { proposalId: drafts[0]?.id ?? '', callId: plan.id };
      }
    }
    // Gap-free receipts in order of first submission.
    const submittedInOrder = drafts
      .filter((d) => d.everSubmitted && d.submittedAt)
      .sort(
        (a, b) =>
          (a.submittedAt?.getTime() ?? 0) - (b.submittedAt?.getTime() ?? 0) || a.id.localeCompare(b.id),
      );
    submittedInOrder.forEach((d, i) => {
      d.receipt = `${t.code}-${plan.fiscalYear}-${String(i + 1).padStart(4, '0')}`;
    });
    // Active proposals (not withdrawn) per organisation, for the one-organisation limit of eligibility.
    const activePerOrg = new Map<number, number>();
    for (const d of drafts) {
      if (d.status !== 'withdrawn') {
        activePerOrg.set(d.orgIndex, (activePerOrg.get(d.orgIndex) ?? 0) + 1);
      }
    }

    // ---- The call and its settings ---------------------------------------------------------------------------------
    const phase = upcoming ? 'upcoming' : isOpen ? 'open' : 'closed';
    const screened = !isOpen && plan.screeningFrom.getTime() <= asOf.getTime();
    const decided = plan.decisionAt.getTime() <= asOf.getTime();
    const firstProposal = drafts.reduce<Date | null>(
      (a, d) => (a === null || d.createdAt.getTime() < a.getTime() ? d.createdAt : a),
      null,
    );

    // ---- Review: screening, assignments, scores ----------------------------------------------------------------------
    interface Scored {
      draft: ProposalDraft;
      mean: number | null;
      passed: boolean;
      screenedAt: Date | null;
    }
    const scored: Scored[] = [];
    const usedReviewers = new Map<number, Date>();
    const loadInCall = new Map<number, number>();
    let firstReviewAt: Date | null = null;
    const stateRows: Array<Parameters<typeof stateBuf.push>[0]> = [];
    const assignmentRows: Array<Parameters<typeof assignmentBuf.push>[0]> = [];
    const reviewRows: Array<Parameters<typeof reviewBuf.push>[0]> = [];
    const reviewEnd = plusDays(plan.decisionAt, -3);
    const eligibilityOf = new Map<string, ReturnType<typeof evaluateEligibility>>();
    for (const d of drafts) {
      const organisationType = orgs.types[d.orgIndex] ?? 'community_enterprise';
      const eligibility = evaluateEligibility(plan.eligibility, {
        organisationType,
        organisationProvinceCode: orgs.provinceCodes[d.orgIndex] ?? null,
        proposalProvinceCodes: d.provinceCodes,
        proposalThemes: d.themes,
        requestedSatang: d.budget.length > 0 ? d.requestedSatang : null,
        otherProposalCount: (activePerOrg.get(d.orgIndex) ?? 0) - (d.status === 'withdrawn' ? 0 : 1),
        targetGroupProvinceCodes: ref.targetGroup,
        grant: { minSatang: baht(t.minBaht), maxSatang: baht(t.maxBaht) },
      });
      eligibilityOf.set(d.id, eligibility);
      d.isEligible = eligibility.eligible ? 1 : 0;
      if (!screened || d.status !== 'submitted') {
        continue;
      }
      const screenedAt = between(random, plan.screeningFrom, plusDays(plan.screeningFrom, 10));
      if (screenedAt.getTime() > asOf.getTime()) {
        stateRows.push({
          proposalId: d.id,
          callId: plan.id,
          phase: 'screening',
          createdAt: plan.screeningFrom,
          updatedAt: plan.screeningFrom,
        });
        scored.push({ draft: d, mean: null, passed: false, screenedAt: null });
        continue;
      }
      const passed = d.isEligible === 1 && random.chance(0.97);
      stateRows.push({
        proposalId: d.id,
        callId: plan.id,
        phase: passed ? 'review' : 'screened_out',
        screeningResult: passed ? 'passed' : 'failed',
        screeningReason: passed ? null : random.pick(SCREEN_OUT_REASONS),
        screenedBy: creator,
        screenedAt,
        version: 2,
        createdAt: plan.screeningFrom,
        updatedAt: screenedAt,
      });
      if (!passed) {
        scored.push({ draft: d, mean: null, passed: false, screenedAt });
        continue;
      }
      // Reviewers: by theme mostly, distinct per proposal; a few decline or recuse and are replaced.
      const want =
        Math.floor(plan.reviewersPerProposal) + (random.chance(plan.reviewersPerProposal % 1) ? 1 : 0);
      const chosen: number[] = [];
      for (let attempt = 0; chosen.length < want && attempt < want * 8; attempt += 1) {
        const byTheme = reviewerByTheme.get(d.themes[0] ?? 'environment');
        const candidate = byTheme && random.chance(0.75) ? byTheme.draw(random) : allReviewers.draw(random);
        if (!chosen.includes(candidate)) {
          chosen.push(candidate);
        }
      }
      const scores: number[] = [];
      const onProposal = new Set(chosen);
      for (const reviewerIndex of chosen) {
        const reviewer = people.reviewers[reviewerIndex];
        if (!reviewer) {
          continue;
        }
        const assignedAt = plusDays(screenedAt, random.int(0, 3));
        if (assignedAt.getTime() > asOf.getTime()) {
          continue;
        }
        const load = (loadInCall.get(reviewerIndex) ?? 0) + 1;
        loadInCall.set(reviewerIndex, load);
        const invited = usedReviewers.get(reviewerIndex);
        if (!invited || invited.getTime() > assignedAt.getTime()) {
          usedReviewers.set(reviewerIndex, assignedAt);
        }
        const reason = {
          rule: 'auto',
          load,
          maxLoad: 10,
          note: '',
          replaces: null as string | null,
          themeMatches: reviewer.themes.filter((th) => d.themes.includes(th)),
        };
        const assignmentId = random.uuid();
        // One in twenty assignments replaces a reviewer who declined (or, rarely, declared a conflict).
        if (random.chance(0.05)) {
          const other = allReviewers.draw(random);
          const otherReviewer = people.reviewers[other];
          if (otherReviewer && !onProposal.has(other)) {
            onProposal.add(other);
            const recused = random.chance(0.2);
            const replacedId = random.uuid();
            assignmentRows.push({
              id: replacedId,
              callId: plan.id,
              proposalId: d.id,
              stage: 'proposal',
              reviewerId: otherReviewer.userId,
              status: recused ? 'recused' : 'declined',
              origin: 'auto',
              reason: { ...reason, themeMatches: [] },
              coiStatement: recused ? 'เคยเป็นที่ปรึกษาขององค์กรผู้ยื่นข้อเสนอ' : null,
              coiDeclaredAt: recused ? assignedAt : null,
              declineReason: recused ? null : 'ติดภารกิจในช่วงเวลาประเมิน',
              assignedBy: creator,
              replacedBy: assignmentId,
              version: 2,
              createdAt: plusDays(assignedAt, -1),
              updatedAt: assignedAt,
            });
            reason.replaces = replacedId;
            if (!usedReviewers.has(other)) {
              usedReviewers.set(other, plusDays(assignedAt, -1));
            }
          }
        }
        const coiAt = plusDays(assignedAt, random.int(0, 4) + random.next());
        const pending = coiAt.getTime() > asOf.getTime();
        assignmentRows.push({
          id: assignmentId,
          callId: plan.id,
          proposalId: d.id,
          stage: 'proposal',
          reviewerId: reviewer.userId,
          status: pending ? 'pending_coi' : 'active',
          origin: 'auto',
          reason,
          coiStatement: pending ? null : '',
          coiDeclaredAt: pending ? null : coiAt,
          assignedBy: creator,
          version: pending ? 1 : 2,
          createdAt: assignedAt,
          updatedAt: pending ? assignedAt : coiAt,
        });
        if (pending) {
          continue;
        }
        // Scores: the proposal's quality, the reviewer's habit (hard or soft) and noise.
        const criterionScores: Record<string, { score: number | null; comment: string }> = {};
        for (const c of STARTER_RUBRIC) {
          const raw = 3 + 0.9 * d.quality + (reviewerBias[reviewerIndex] ?? 0) + 0.7 * random.normal();
          const score = Math.min(c.scaleMax, Math.max(c.scaleMin, Math.round(raw)));
          criterionScores[c.id] = {
            score,
            comment:
              c.commentAtOrBelow !== null && score <= c.commentAtOrBelow
                ? random.pick(LOW_SCORE_COMMENTS)
                : '',
          };
        }
        const windowClose = reviewEnd.getTime() > coiAt.getTime() ? reviewEnd : plusDays(coiAt, 1);
        const submittedAt = between(random, plusDays(coiAt, 1), windowClose);
        const startedAt = plusDays(coiAt, random.next());
        if (startedAt.getTime() > asOf.getTime()) {
          continue;
        }
        const submitted = submittedAt.getTime() <= asOf.getTime();
        const weighted = submitted ? weightedScore(STARTER_RUBRIC, criterionScores) : null;
        const recommendation: Recommendation | null =
          weighted === null
            ? null
            : weighted >= 70
              ? 'fund'
              : weighted >= 50
                ? 'fund_with_changes'
                : 'do_not_fund';
        if (submitted && weighted !== null) {
          scores.push(weighted);
          if (firstReviewAt === null || submittedAt.getTime() < firstReviewAt.getTime()) {
            firstReviewAt = submittedAt;
          }
        }
        const partial = Object.fromEntries(Object.entries(criterionScores).slice(0, random.int(0, 4)));
        reviewRows.push({
          id: random.uuid(),
          assignmentId,
          callId: plan.id,
          proposalId: d.id,
          stage: 'proposal',
          reviewerId: reviewer.userId,
          rubricId: plan.rubricId,
          scores: submitted ? criterionScores : partial,
          comment: submitted ? random.pick(REVIEW_COMMENTS) : '',
          recommendation,
          status: submitted ? 'submitted' : 'draft',
          weightedScore: weighted,
          submittedAt: submitted ? submittedAt : null,
          version: submitted ? 2 : 1,
          createdAt: startedAt,
          updatedAt: submitted ? submittedAt : startedAt,
        });
      }
      scored.push({
        draft: d,
        mean: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        passed: true,
        screenedAt,
      });
    }

    // ---- Decisions: the best-scored eligible proposals get the awards, the next few wait, the rest are declined -----
    const decisionRows: Array<Parameters<typeof decisionBuf.push>[0]> = [];
    let awardedSatang = 0;
    const decidedIds = new Set<string>();
    if (decided) {
      const ranked = scored
        .filter((s) => s.passed)
        .sort((a, b) => (b.mean ?? -1) - (a.mean ?? -1) || a.draft.id.localeCompare(b.draft.id));
      const waitlist = Math.ceil(ranked.length * 0.03);
      const decidedAt = plan.decisionAt;
      const notifiedAt = plusDays(decidedAt, random.int(1, 3));
      const released = notifiedAt.getTime() <= asOf.getTime();
      ranked.forEach((s, rank) => {
        const d = s.draft;
        const outcome = rank < plan.awards ? 'award' : rank < plan.awards + waitlist ? 'waitlist' : 'reject';
        let amount: number | null = null;
        if (outcome === 'award') {
          const capped = Math.min(d.requestedSatang, baht(t.maxBaht));
          amount = Math.max(
            baht(10_000),
            Math.floor((capped * (0.85 + random.next() * 0.15)) / baht(10_000)) * baht(10_000),
          );
          amount = Math.min(amount, capped);
          awardedSatang += amount;
        }
        const decisionId = random.uuid();
        decidedIds.add(d.id);
        decisionRows.push({
          id: decisionId,
          proposalId: d.id,
          callId: plan.id,
          stage: 'proposal',
          outcome,
          amountSatang: amount,
          reason:
            outcome === 'award'
              ? random.pick(AWARD_REASONS)
              : outcome === 'reject'
                ? random.pick(REJECT_REASONS)
                : '',
          decidedBy: creator,
          decidedAt,
          notifiedAt: released ? notifiedAt : null,
          createdAt: decidedAt,
          updatedAt: released ? notifiedAt : decidedAt,
        });
        if (outcome === 'award' && amount !== null && released) {
          const srlStart = random.int(2, 5);
          awardsOut.push({
            proposalId: d.id,
            decisionId,
            callId: plan.id,
            callCode: t.code,
            callTitleTh: `${t.titleTh} ปีงบประมาณ ${plan.fiscalYear}`,
            fiscalYear: plan.fiscalYear,
            programmeSlug: t.programme,
            orgIndex: d.orgIndex,
            titleTh: d.titleTh,
            titleEn: d.titleEn,
            provinceCodes: d.provinceCodes,
            themes: d.themes,
            amountSatang: amount,
            releasedAt: notifiedAt,
            budget: d.budget,
            srlStart,
            srlTarget: Math.min(9, srlStart + random.int(2, 4)),
            topic: d.topic,
            place: d.place,
          });
        }
      });
      // Screened-out proposals are declined too.
      for (const s of scored) {
        if (!s.passed && s.screenedAt) {
          decidedIds.add(s.draft.id);
          decisionRows.push({
            id: random.uuid(),
            proposalId: s.draft.id,
            callId: plan.id,
            stage: 'proposal',
            outcome: 'reject',
            amountSatang: null,
            reason: random.pick(SCREEN_OUT_REASONS),
            decidedBy: creator,
            decidedAt,
            notifiedAt: released ? notifiedAt : null,
            createdAt: decidedAt,
            updatedAt: released ? notifiedAt : decidedAt,
          });
        }
      }
    }

    // ---- Write the call and everything under it --------------------------------------------------------------------
    const totalBudget = Math.max(
      baht(t.maxBaht) * 5,
      Math.ceil((awardedSatang * 1.05) / baht(1_000_000)) * baht(1_000_000),
    );
    await callBuf.add({
      id: plan.id,
      programmeId: ref.programmeIds.get(t.programme) ?? '',
      code: t.code,
      titleTh: `${t.titleTh} ปีงบประมาณ ${plan.fiscalYear}`,
      titleEn: `${t.titleEn} FY${plan.fiscalYear}`,
      descriptionTh: `${t.titleTh} เปิดรับข้อเสนอโครงการนวัตกรรมเพื่อสังคม วงเงินไม่เกิน ${t.maxBaht.toLocaleString('en-US')} บาทต่อโครงการ`,
      descriptionEn: `${t.titleEn}: proposals for social innovation projects, up to ${t.maxBaht.toLocaleString('en-US')} baht each.`,
      opensAt: plan.opensAt,
      closesAt: plan.closesAt,
      fiscalYear: plan.fiscalYear,
      totalBudgetSatang: totalBudget,
      minGrantSatang: baht(t.minBaht),
      maxGrantSatang: baht(t.maxBaht),
      stageMode: 'single',
      eligibility: plan.eligibility,
      status: phase === 'closed' ? 'closed' : 'published',
      publishedAt: plusDays(plan.opensAt, -random.int(7, 21)),
      createdBy: creator,
      createdAt: plusDays(plan.opensAt, -30),
      updatedAt: phase === 'closed' ? plan.closesAt : plan.opensAt,
    });
    await formBuf.add({
      id: plan.formId,
      callId: plan.id,
      stage: 'proposal',
      version: 1,
      definition: form,
      frozenAt: firstProposal,
      createdBy: creator,
      createdAt: plusDays(plan.opensAt, -30),
    });
    await rubricBuf.add({
      id: plan.rubricId,
      callId: plan.id,
      stage: 'proposal',
      criteria: [...STARTER_RUBRIC],
      lockedAt: firstReviewAt,
      createdAt: plusDays(plan.opensAt, -30),
      updatedAt: firstReviewAt ?? plusDays(plan.opensAt, -30),
    });
    await settingsBuf.add({
      callId: plan.id,
      reviewersPerProposal: Math.max(1, Math.round(plan.reviewersPerProposal)),
      shareFeedback: random.chance(0.5),
      createdAt: plusDays(plan.opensAt, -30),
      updatedAt: plusDays(plan.opensAt, -30),
    });
    for (const [reviewerIndex, at] of [...usedReviewers.entries()].sort((a, b) => a[0] - b[0])) {
      const reviewer = people.reviewers[reviewerIndex];
      if (reviewer) {
        const invitedAt = plusDays(at, -random.int(1, 5));
        await callReviewerBuf.add({
          callId: plan.id,
          reviewerId: reviewer.userId,
          status: 'accepted',
          invitedBy: creator,
          invitedAt,
          respondedAt: plusDays(invitedAt, random.next()),
        });
      }
    }

    for (const d of drafts) {
      const org = d.orgIndex;
      const userId = orgs.ownerUserIds[org] ?? people.adminUserId;
      const status = d.status;
      const returnedAt =
        status === 'returned' ? between(random, d.submittedAt ?? d.createdAt, windowEnd) : null;
      const answers: Record<string, unknown> = {
        summary: d.summary,
        area: d.provinceCodes.map((provinceCode) => ({ provinceCode })),
        themes: d.themes,
      };
      if (d.budget.length > 0) {
        answers.budget = d.budget;
      }
      await proposalBuf.add({
        id: d.id,
        callId: plan.id,
        stage: 'proposal',
        formId: plan.formId,
        organisationId: orgs.ids[org] ?? '',
        problemStatementId: d.statementId,
        titleTh: d.titleTh,
        titleEn: d.titleEn,
        answers,
        status,
        version: 1 + random.int(1, 12) + (d.everSubmitted ? 1 : 0),
        receiptNumber: d.receipt,
        submittedAt: d.submittedAt,
        requestedSatang: d.requestedSatang,
        provinceCodes: d.provinceCodes,
        themes: d.themes,
        eligibility: eligibilityOf.get(d.id) ?? null,
        isEligible: d.isEligible,
        returnComment: returnedAt ? 'กรุณาแนบรายละเอียดงบประมาณรายกิจกรรมเพิ่มเติม' : null,
        returnDueAt: returnedAt ? plusDays(returnedAt, 14) : null,
        searchText: searchTextOf(
          d.titleTh,
          d.titleEn,
          orgs.nameTh[org],
          orgs.nameEn[org],
          d.receipt,
          d.summary,
        ),
        createdBy: userId,
        createdAt: d.createdAt,
        updatedAt: returnedAt ?? d.changedAt,
      });
      await eventBuf.add({
        id: random.uuid(),
        proposalId: d.id,
        fromStatus: null,
        toStatus: 'draft',
        note: null,
        actorUserId: userId,
        createdAt: d.createdAt,
      });
      if (d.everSubmitted && d.submittedAt) {
        await eventBuf.add({
          id: random.uuid(),
          proposalId: d.id,
          fromStatus: 'draft',
          toStatus: 'submitted',
          note: null,
          actorUserId: userId,
          createdAt: d.submittedAt,
        });
      }
      if (returnedAt) {
        await eventBuf.add({
          id: random.uuid(),
          proposalId: d.id,
          fromStatus: 'submitted',
          toStatus: 'returned',
          note: 'กรุณาแนบรายละเอียดงบประมาณรายกิจกรรมเพิ่มเติม',
          actorUserId: creator,
          createdAt: returnedAt,
        });
      }
      if (status === 'withdrawn') {
        await eventBuf.add({
          id: random.uuid(),
          proposalId: d.id,
          fromStatus: d.everSubmitted ? 'submitted' : 'draft',
          toStatus: 'withdrawn',
          note: null,
          actorUserId: userId,
          createdAt: d.changedAt,
        });
      }
    }
    for (const row of stateRows) {
      const id = row.proposalId;
      if (decidedIds.has(id) && row.phase !== 'screening') {
        row.phase = 'decided';
        row.version = 3;
      }
      await stateBuf.add(row);
    }
    for (const row of assignmentRows) {
      await assignmentBuf.add(row);
    }
    for (const row of reviewRows) {
      await reviewBuf.add(row);
    }
    for (const row of decisionRows) {
      await decisionBuf.add(row);
    }
    await counterBuf.add({ callId: plan.id, stage: 'proposal', lastNumber: submittedInOrder.length });
    if (!busiestCall || drafts.length > busiestCall.proposals) {
      busiestCall = { id: plan.id, code: t.code, fiscalYear: plan.fiscalYear, proposals: drafts.length };
    }
  }
  awardsOut.sort(
    (a, b) => a.releasedAt.getTime() - b.releasedAt.getTime() || a.proposalId.localeCompare(b.proposalId),
  );
  return { awards: awardsOut, calls: plans.length, sampleDraft, busiestCall };
}
