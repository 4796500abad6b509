import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { CriterionScores, RubricCriterion } from '@shared/contracts/rubrics';
import { timestamps } from './columns';
import { calls } from './calls';
import { users } from './identity';
import { organisations } from './organisations';
import { proposals } from './proposals';
import { innovations } from './innovations';
import { programmes } from './reference';

/** How a call is reviewed and decided; one row per call, defaults until an officer changes them. */
export const callReviewSettings = pgTable('call_review_settings', {
  callId: uuid()
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  reviewersPerProposal: smallint().notNull().default(3),
  /** A reviewer based in a proposal's province counts as conflicted. */
  sameProvinceConflict: boolean().notNull().default(false),
  /** Reviewers do not see who applied. */
  blindApplicants: boolean().notNull().default(false),
  /** A reviewer sees other reviews of a proposal only after submitting their own. */
  hideOtherReviews: boolean().notNull().default(true),
  /** Applicants read anonymised reviewer comments with the decision. */
  shareFeedback: boolean().notNull().default(false),
  /** An optional panel / pitch stage between expert review and decision. */
  hasPanel: boolean().notNull().default(false),
  /** Reviewers of one proposal disagree when their weighted scores (0–100) span more than this. */
  disagreementPoints: smallint().notNull().default(25),
  /** People's choice vote on shortlisted ideas (challenge calls). */
  peoplesChoice: boolean().notNull().default(false),
  peoplesChoiceOpensAt: timestamp({ withTimezone: true }),
  peoplesChoiceClosesAt: timestamp({ withTimezone: true }),
  version: integer().notNull().default(1),
  ...timestamps,
});

/** An expert who reviews proposals or judges contests. */
export const reviewerProfiles = pgTable(
  'reviewer_profiles',
  {
    userId: uuid()
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    themes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    provinceCodes: smallint()
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    affiliation: text().notNull().default(''),
    expertiseTh: text().notNull().default(''),
    expertiseEn: text().notNull().default(''),
    /** th, en, … */
    languages: text()
      .array()
      .notNull()
      .default(sql`'{th}'::text[]`),
    /** Most active assignments at once across calls. */
    maxLoad: smallint().notNull().default(10),
    isActive: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('reviewer_profiles_themes_idx').using('gin', t.themes)],
);

/** Organisations a reviewer has declared a standing conflict with (employer, family, board seat, …). */
export const reviewerConflicts = pgTable(
  'reviewer_conflicts',
  {
    reviewerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    reason: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewerId, t.organisationId] })],
);

/** A reviewer invited to review a call: invited → accepted | declined. */
export const callReviewers = pgTable(
  'call_reviewers',
  {
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** invited | accepted | declined */
    status: text().notNull().default('invited'),
    invitedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    invitedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp({ withTimezone: true }),
    declineReason: text(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.reviewerId] }),
    index('call_reviewers_reviewer_idx').on(t.reviewerId),
  ],
);

/** The rubric of a call's review stage (proposal | concept | full | panel). Locked once a review is submitted. */
export const rubrics = pgTable(
  'rubrics',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    stage: text().notNull(),
    criteria: jsonb().$type<RubricCriterion[]>().notNull(),
    lockedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('rubrics_call_stage_key').on(t.callId, t.stage)],
);

/** Where a submitted proposal is in selection: screening → review → panel → decision. */
export const proposalReviewStates = pgTable(
  'proposal_review_states',
  {
    proposalId: uuid()
      .primaryKey()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    callId: uuid()
      .notNull()
      .references(() => calls.id),
    /** screening | review | panel | decision | decided | screened_out */
    phase: text().notNull().default('screening'),
    /** passed | failed */
    screeningResult: text(),
    screeningReason: text(),
    screenedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    screenedAt: timestamp({ withTimezone: true }),
    /** On the shortlist (panel / pitch, people's choice). */
    shortlisted: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('proposal_review_states_call_idx').on(t.callId, t.phase)],
);

/**
 * A reviewer assigned to a proposal at a stage. pending_coi → active (no conflict declared) | recused (conflict);
 * declined (the reviewer said no; another is assigned) | removed (by an officer).
 */
export const reviewAssignments = pgTable(
  'review_assignments',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => calls.id),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    stage: text().notNull(),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id),
    status: text().notNull().default('pending_coi'),
    /** auto | manual */
    origin: text().notNull(),
    /** Why this reviewer: theme matches, load at the time, the officer's note; shown to officers. */
    reason: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    coiStatement: text(),
    coiDeclaredAt: timestamp({ withTimezone: true }),
    declineReason: text(),
    assignedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The assignment made to replace this one after a decline or recusal. */
    replacedBy: uuid(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('review_assignments_unique_key').on(t.proposalId, t.stage, t.reviewerId),
    index('review_assignments_reviewer_idx').on(t.reviewerId, t.status),
    index('review_assignments_call_idx').on(t.callId, t.stage, t.status),
  ],
);

/** A reviewer's scores for one assignment: draft → submitted (locked; an officer may reopen). */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid().primaryKey().defaultRandom(),
    assignmentId: uuid()
      .notNull()
      .references(() => reviewAssignments.id, { onDelete: 'cascade' }),
    callId: uuid()
      .notNull()
      .references(() => calls.id),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    stage: text().notNull(),
    reviewerId: uuid()
      .notNull()
      .references(() => users.id),
    rubricId: uuid()
      .notNull()
      .references(() => rubrics.id),
    scores: jsonb().$type<CriterionScores>().notNull().default({}),
    comment: text().notNull().default(''),
    /** fund | fund_with_changes | do_not_fund */
    recommendation: text(),
    /** draft | submitted */
    status: text().notNull().default('draft'),
    /** The weighted mean on 0–100, set on submit. */
    weightedScore: doublePrecision(),
    submittedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('reviews_assignment_key').on(t.assignmentId),
    index('reviews_call_stage_idx').on(t.callId, t.stage, t.status),
    index('reviews_proposal_idx').on(t.proposalId),
  ],
);

/** The decision on a proposal at a stage: award | reject | waitlist | revision. Changes are audited. */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    callId: uuid()
      .notNull()
      .references(() => calls.id),
    stage: text().notNull(),
    outcome: text().notNull(),
    /** Awards only; ≤ requested, ≤ the call's maximum; all awards of a call ≤ its budget. */
    amountSatang: bigint({ mode: 'number' }),
    reason: text().notNull().default(''),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }).notNull(),
    /** When the applicant was sent the letter (email + in-app). */
    notifiedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('decisions_proposal_stage_key').on(t.proposalId, t.stage),
    index('decisions_call_outcome_idx').on(t.callId, t.outcome),
    /** Announced awards (the open-data dataset): counted, dated and paged per call from this small index. */
    index('decisions_announced_awards_idx')
      .on(t.callId, t.updatedAt)
      .where(sql`outcome = 'award' AND notified_at IS NOT NULL`),
  ],
);

/** One vote per verified account per call on a shortlisted idea (people's choice). */
export const peoplesChoiceVotes = pgTable(
  'peoples_choice_votes',
  {
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.callId, t.userId] }),
    index('peoples_choice_votes_proposal_idx').on(t.proposalId),
  ],
);

// ---- Social award contests (Sectoral programme) -------------------------------------------------------------------

/** A social award contest: draft → open (nominations) → judging → announced → archived. */
export const contests = pgTable(
  'contests',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id),
    code: text().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull(),
    descriptionTh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    /** Buddhist Era. */
    fiscalYear: smallint().notNull(),
    nominationsOpenAt: timestamp({ withTimezone: true }).notNull(),
    nominationsCloseAt: timestamp({ withTimezone: true }).notNull(),
    status: text().notNull().default('draft'),
    announcedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('contests_code_year_key').on(t.code, t.fiscalYear)],
);

/** An award category of a contest, judged on its own rubric. */
export const contestCategories = pgTable(
  'contest_categories',
  {
    id: uuid().primaryKey().defaultRandom(),
    contestId: uuid()
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    nameTh: text().notNull(),
    nameEn: text().notNull(),
    descriptionTh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    criteria: jsonb().$type<RubricCriterion[]>().notNull(),
    /** How many winners (places 1..n). */
    places: smallint().notNull().default(1),
    position: smallint().notNull().default(0),
    ...timestamps,
  },
  (t) => [index('contest_categories_contest_idx').on(t.contestId)],
);

/** A nomination: an existing proposal or innovation, or an open entry. */
export const contestEntries = pgTable(
  'contest_entries',
  {
    id: uuid().primaryKey().defaultRandom(),
    contestId: uuid()
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    categoryId: uuid()
      .notNull()
      .references(() => contestCategories.id, { onDelete: 'cascade' }),
    /** proposal | innovation | open */
    kind: text().notNull(),
    proposalId: uuid().references(() => proposals.id, { onDelete: 'set null' }),
    innovationId: uuid().references(() => innovations.id, { onDelete: 'set null' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    summaryTh: text().notNull().default(''),
    summaryEn: text().notNull().default(''),
    entrantName: text().notNull(),
    provinceCode: smallint(),
    nominatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** submitted | accepted | rejected | winner */
    status: text().notNull().default('submitted'),
    /** 1 = first place, set when winners are chosen. */
    place: smallint(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('contest_entries_contest_idx').on(t.contestId, t.categoryId, t.status)],
);

/** A judge of a contest. */
export const contestJudges = pgTable(
  'contest_judges',
  {
    contestId: uuid()
      .notNull()
      .references(() => contests.id, { onDelete: 'cascade' }),
    judgeId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.contestId, t.judgeId] })],
);

/** A judge's scores for one entry, on the category's rubric: draft → submitted; a declared conflict recuses. */
export const contestScores = pgTable(
  'contest_scores',
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    judgeId: uuid()
      .notNull()
      .references(() => users.id),
    /** draft | submitted | recused */
    status: text().notNull().default('draft'),
    scores: jsonb().$type<CriterionScores>().notNull().default({}),
    comment: text().notNull().default(''),
    weightedScore: doublePrecision(),
    submittedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex('contest_scores_entry_judge_key').on(t.entryId, t.judgeId)],
);

/** A winner's certificate; anyone can check its verification code on the public page. */
export const contestCertificates = pgTable(
  'contest_certificates',
  {
    id: uuid().primaryKey().defaultRandom(),
    entryId: uuid()
      .notNull()
      .references(() => contestEntries.id, { onDelete: 'cascade' }),
    verificationCode: text().notNull(),
    recipientName: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('contest_certificates_code_key').on(t.verificationCode),
    uniqueIndex('contest_certificates_entry_key').on(t.entryId),
  ],
);
