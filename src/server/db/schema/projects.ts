import { sql } from 'drizzle-orm';
import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { AgreementTerms, ScalingRecommendation } from '@shared/contracts/projects';
import { timestamps } from './columns';
import { calls } from './calls';
import { drivingUnits, users } from './identity';
import { organisations } from './organisations';
import { proposals } from './proposals';
import { decisions } from './reviews';

/**
 * A funded project (โครงการที่ได้รับทุน), created when an award is released. Money in satang. The sums of its
 * instalments and of its budget lines always equal the award, and its payments never exceed it (deferred
 * constraint triggers check this at commit; services lock the project row for every money change).
 */
export const projects = pgTable(
  'projects',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id),
    decisionId: uuid()
      .notNull()
      .references(() => decisions.id),
    callId: uuid()
      .notNull()
      .references(() => calls.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    /** The supervising driving unit; its staff see and act on the project. */
    drivingUnitId: uuid().references(() => drivingUnits.id, { onDelete: 'set null' }),
    /** e.g. `SI-2569-0001`: the call's fiscal year (BE) and a running number. */
    agreementNumber: text().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    fiscalYear: smallint().notNull(),
    provinceCodes: smallint()
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    themes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    awardSatang: bigint({ mode: 'number' }).notNull(),
    /** setup → agreement_issued → active → closed */
    status: text().notNull().default('setup'),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    /** How progress reports fall due: one per milestone, or every quarter of the period. */
    reportSchedule: text().notNull().default('milestone'),
    /** Most of the award (percent) that approved reallocations may move between budget lines, all together. */
    reallocationLimitPercent: smallint().notNull().default(10),
    srlStart: smallint(),
    srlTarget: smallint(),
    /** The terms as issued: the agreement PDF is rendered from them and their hash is what the owner accepted. */
    agreementTerms: jsonb().$type<AgreementTerms>(),
    agreementSha256: text(),
    agreementIssuedAt: timestamp({ withTimezone: true }),
    agreementIssuedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    agreementAcceptedAt: timestamp({ withTimezone: true }),
    agreementAcceptedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** The name the owner typed to sign. */
    agreementAcceptedName: text(),
    agreementAcceptedIp: text(),
    closedAt: timestamp({ withTimezone: true }),
    closedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    closingNote: text().notNull().default(''),
    /** The project's entry in the innovation catalogue, made or updated at close-out. */
    innovationId: uuid(),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('projects_proposal_key').on(t.proposalId),
    uniqueIndex('projects_agreement_number_key').on(t.agreementNumber),
    index('projects_unit_idx').on(t.drivingUnitId),
    index('projects_organisation_idx').on(t.organisationId),
    index('projects_call_idx').on(t.callId),
    index('projects_status_fy_idx').on(t.status, t.fiscalYear),
  ],
);

/** Running numbers of agreements per fiscal year (BE). */
export const projectNumberCounters = pgTable('project_number_counters', {
  fiscalYear: smallint().primaryKey(),
  lastNumber: integer().notNull().default(0),
});

/** The approved budget by line; reallocations move money between lines and keep the total. */
export const projectBudgetLines = pgTable(
  'project_budget_lines',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: smallint().notNull(),
    category: text().notNull(),
    description: text().notNull(),
    /** As approved in the agreement. */
    plannedSatang: bigint({ mode: 'number' }).notNull(),
    /** As approved now, after reallocations. */
    approvedSatang: bigint({ mode: 'number' }).notNull(),
    ...timestamps,
  },
  (t) => [uniqueIndex('project_budget_lines_position_key').on(t.projectId, t.position)],
);

/** A milestone with its deliverable and due date; completion comes from approved reports. */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: smallint().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    deliverable: text().notNull().default(''),
    dueOn: date({ mode: 'string' }).notNull(),
    /** Percent complete in the latest approved report. */
    completionPercent: smallint().notNull().default(0),
    completedOn: date({ mode: 'string' }),
    ...timestamps,
  },
  (t) => [uniqueIndex('project_milestones_position_key').on(t.projectId, t.position)],
);

/** A progress report (or the final report) due on a date; the applicant fills it in, staff review it. */
export const projectReports = pgTable(
  'project_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sequence: smallint().notNull(),
    /** progress | final */
    kind: text().notNull().default('progress'),
    periodStart: date({ mode: 'string' }).notNull(),
    periodEnd: date({ mode: 'string' }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    /** The milestones this report accounts for. */
    milestoneIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /** not_started → draft → submitted → (returned → submitted)* → approved */
    status: text().notNull().default('not_started'),
    narrative: text().notNull().default(''),
    problems: text().notNull().default(''),
    risks: text().notNull().default(''),
    srlLevel: smallint(),
    srlEvidence: text().notNull().default(''),
    /** Final report only. */
    lessonsLearned: text().notNull().default(''),
    scalingRecommendations: jsonb().$type<ScalingRecommendation[]>().notNull().default([]),
    submittedAt: timestamp({ withTimezone: true }),
    submittedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    /** Reminders are claimed by setting these, so each goes out once whatever the instances and restarts. */
    remindedBeforeAt: timestamp({ withTimezone: true }),
    remindedAfterAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('project_reports_sequence_key').on(t.projectId, t.sequence),
    index('project_reports_due_idx')
      .on(t.dueOn)
      .where(sql`status IN ('not_started', 'draft', 'returned')`),
  ],
);

/** Milestone completion claimed in a report. */
export const projectReportMilestones = pgTable(
  'project_report_milestones',
  {
    reportId: uuid()
      .notNull()
      .references(() => projectReports.id, { onDelete: 'cascade' }),
    milestoneId: uuid()
      .notNull()
      .references(() => projectMilestones.id, { onDelete: 'cascade' }),
    completionPercent: smallint().notNull().default(0),
    note: text().notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.milestoneId] })],
);

/** Money spent in a report's period on one budget line. */
export const projectReportExpenditures = pgTable(
  'project_report_expenditures',
  {
    reportId: uuid()
      .notNull()
      .references(() => projectReports.id, { onDelete: 'cascade' }),
    budgetLineId: uuid()
      .notNull()
      .references(() => projectBudgetLines.id, { onDelete: 'cascade' }),
    spentSatang: bigint({ mode: 'number' }).notNull(),
    note: text().notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.budgetLineId] })],
);

/** An indicator value reported for the period; `indicatorCode` links to the indicator library when it exists. */
export const projectReportIndicators = pgTable(
  'project_report_indicators',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => projectReports.id, { onDelete: 'cascade' }),
    position: smallint().notNull(),
    indicatorCode: text(),
    name: text().notNull(),
    unit: text().notNull().default(''),
    value: numeric({ precision: 20, scale: 4, mode: 'number' }).notNull(),
    target: numeric({ precision: 20, scale: 4, mode: 'number' }),
    note: text().notNull().default(''),
  },
  (t) => [index('project_report_indicators_report_idx').on(t.reportId)],
);

/** An evidence file of a report (a milestone's, the SRL claim's, or general); bytes in file storage. */
export const projectReportFiles = pgTable(
  'project_report_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => projectReports.id, { onDelete: 'cascade' }),
    /** milestone | srl | expenditure | other */
    purpose: text().notNull(),
    milestoneId: uuid().references(() => projectMilestones.id, { onDelete: 'set null' }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_report_files_report_idx').on(t.reportId)],
);

/** A report's history: submitted, returned with comments, approved. */
export const projectReportEvents = pgTable(
  'project_report_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    reportId: uuid()
      .notNull()
      .references(() => projectReports.id, { onDelete: 'cascade' }),
    action: text().notNull(),
    comment: text().notNull().default(''),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_report_events_report_idx').on(t.reportId, t.createdAt)],
);

/**
 * An instalment (งวดเงิน). `releaseReportId` null: released by the agreement's acceptance; otherwise by the approval
 * of that report. scheduled → ready (for payment) → paid.
 */
export const projectInstalments = pgTable(
  'project_instalments',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sequence: smallint().notNull(),
    amountSatang: bigint({ mode: 'number' }).notNull(),
    releaseReportId: uuid().references(() => projectReports.id, { onDelete: 'set null' }),
    status: text().notNull().default('scheduled'),
    readyAt: timestamp({ withTimezone: true }),
    paidOn: date({ mode: 'string' }),
    paidSatang: bigint({ mode: 'number' }),
    withheldSatang: bigint({ mode: 'number' }).notNull().default(0),
    paymentReference: text(),
    paymentNote: text().notNull().default(''),
    recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('project_instalments_sequence_key').on(t.projectId, t.sequence),
    index('project_instalments_paid_idx')
      .on(t.paidOn)
      .where(sql`status = 'paid'`),
  ],
);

/** A request to move approved budget from one line to another; approved within the project's limit. */
export const projectReallocations = pgTable(
  'project_reallocations',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromLineId: uuid()
      .notNull()
      .references(() => projectBudgetLines.id, { onDelete: 'cascade' }),
    toLineId: uuid()
      .notNull()
      .references(() => projectBudgetLines.id, { onDelete: 'cascade' }),
    amountSatang: bigint({ mode: 'number' }).notNull(),
    reason: text().notNull(),
    /** pending → approved | rejected | cancelled */
    status: text().notNull().default('pending'),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    requestedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decidedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp({ withTimezone: true }),
    decisionNote: text().notNull().default(''),
    version: integer().notNull().default(1),
  },
  (t) => [index('project_reallocations_project_idx').on(t.projectId, t.status)],
);
