import { z } from 'zod';
import { BUDGET_CATEGORIES, FORM_LIMITS } from './forms';

/** setup (officer prepares) → agreement_issued (waits for the owner) → active → closed. */
export const PROJECT_STATUSES = ['setup', 'agreement_issued', 'active', 'closed'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

/** One report per milestone, or one per quarter of the project's period; the last report is the final report. */
export const REPORT_SCHEDULES = ['milestone', 'quarterly'] as const;
export type ReportSchedule = (typeof REPORT_SCHEDULES)[number];

export const REPORT_KINDS = ['progress', 'final'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** not_started → draft → submitted → returned ⇄ submitted → approved. */
export const REPORT_STATUSES = ['not_started', 'draft', 'submitted', 'returned', 'approved'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** scheduled → ready (its report approved, or the agreement accepted) → paid. */
export const INSTALMENT_STATUSES = ['scheduled', 'ready', 'paid'] as const;
export type InstalmentStatus = (typeof INSTALMENT_STATUSES)[number];

export const REALLOCATION_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type ReallocationStatus = (typeof REALLOCATION_STATUSES)[number];

export const AGREEMENT_STATES = ['draft', 'issued', 'accepted'] as const;
export type AgreementState = (typeof AGREEMENT_STATES)[number];

export const PROJECT_HEALTH = ['on_track', 'at_risk'] as const;
export type ProjectHealthStatus = (typeof PROJECT_HEALTH)[number];

/** Why a project is at risk. */
export const HEALTH_REASONS = ['overdue_report', 'overspending', 'late_milestone'] as const;
export type HealthReason = (typeof HEALTH_REASONS)[number];

export const EVIDENCE_PURPOSES = ['milestone', 'srl', 'expenditure', 'other'] as const;
export type EvidencePurpose = (typeof EVIDENCE_PURPOSES)[number];

export const PROJECT_LIMITS = {
  budgetLinesMax: 100,
  milestonesMax: 40,
  instalmentsMax: 12,
  reportsMax: 40,
  indicatorsMax: 60,
  scalingRecommendationsMax: 30,
  shortText: 300,
  text: 2000,
  longText: 20_000,
  /** Highest reallocation limit an officer may set, percent of the award. */
  reallocationLimitMaxPercent: 50,
  defaultReallocationLimitPercent: 10,
  /** Days after the period's end a progress report is due, and the final report. */
  progressReportGraceDays: 15,
  finalReportGraceDays: 30,
  /** Reminders go this many days before the due date, and this many days after it when still not submitted. */
  reminderDaysBefore: 7,
  reminderDaysAfter: 3,
  evidenceFilesPerReport: 50,
  evidenceFileMaxBytes: 20 * 1024 * 1024,
  moneyMaxSatang: FORM_LIMITS.moneyMaxSatang,
} as const;

const money = z.int().min(0).max(PROJECT_LIMITS.moneyMaxSatang);
const positiveMoney = z.int().min(1).max(PROJECT_LIMITS.moneyMaxSatang);
const isoDate = z.iso.date();
const shortText = (max: number = PROJECT_LIMITS.shortText) => z.string().trim().max(max);
const srl = z.int().min(1).max(9);
const version = z.int().min(1);

// ---- Setup: budget, milestones, instalments, reporting -------------------------------------------------------------

export const BudgetLineInputSchema = z
  .object({
    category: z.enum(BUDGET_CATEGORIES),
    description: shortText(500).min(1),
    amountSatang: money,
  })
  .strict();
export type BudgetLineInput = z.infer<typeof BudgetLineInputSchema>;

export const MilestoneInputSchema = z
  .object({
    titleTh: shortText().min(1),
    titleEn: shortText().default(''),
    deliverable: shortText(PROJECT_LIMITS.text).default(''),
    dueOn: isoDate,
  })
  .strict();
export type MilestoneInput = z.infer<typeof MilestoneInputSchema>;

export const InstalmentInputSchema = z
  .object({
    amountSatang: positiveMoney,
    /** The report (by sequence, 1-based) whose approval releases it; null: the agreement's acceptance does. */
    releaseAfterReport: z.int().min(1).max(PROJECT_LIMITS.reportsMax).nullable(),
  })
  .strict();
export type InstalmentInput = z.infer<typeof InstalmentInputSchema>;

/** The whole plan of a project in setup; the budget lines and the instalments each sum exactly to the award. */
export const ProjectSetupBodySchema = z
  .object({
    version,
    startsOn: isoDate,
    endsOn: isoDate,
    drivingUnitId: z.uuid().nullable(),
    reportSchedule: z.enum(REPORT_SCHEDULES),
    reallocationLimitPercent: z.int().min(0).max(PROJECT_LIMITS.reallocationLimitMaxPercent),
    srlTarget: srl.nullable(),
    budgetLines: z.array(BudgetLineInputSchema).min(1).max(PROJECT_LIMITS.budgetLinesMax),
    milestones: z.array(MilestoneInputSchema).min(1).max(PROJECT_LIMITS.milestonesMax),
    instalments: z.array(InstalmentInputSchema).min(1).max(PROJECT_LIMITS.instalmentsMax),
  })
  .strict();
export type ProjectSetupBody = z.infer<typeof ProjectSetupBodySchema>;

/** Officers change the supervising unit at any time before close-out. */
export const ProjectUnitBodySchema = z.object({ version, drivingUnitId: z.uuid().nullable() }).strict();
export type ProjectUnitBody = z.infer<typeof ProjectUnitBodySchema>;

export const VersionBodySchema = z.object({ version }).strict();
export type VersionBody = z.infer<typeof VersionBodySchema>;

// ---- Agreement ----------------------------------------------------------------------------------------------------

/** What the agreement says, frozen when it is issued; the PDF is rendered from it and its hash is accepted. */
export const AgreementTermsSchema = z.object({
  agreementNumber: z.string(),
  issuedAt: z.string(),
  projectTitleTh: z.string(),
  projectTitleEn: z.string(),
  organisationNameTh: z.string(),
  organisationNameEn: z.string().nullable(),
  callCode: z.string(),
  callTitleTh: z.string(),
  fiscalYear: z.int(),
  awardSatang: z.int(),
  startsOn: z.string(),
  endsOn: z.string(),
  reallocationLimitPercent: z.int(),
  budgetLines: z.array(z.object({ category: z.string(), description: z.string(), amountSatang: z.int() })),
  milestones: z.array(z.object({ titleTh: z.string(), deliverable: z.string(), dueOn: z.string() })),
  reports: z.array(
    z.object({ sequence: z.int(), kind: z.enum(REPORT_KINDS), periodEnd: z.string(), dueOn: z.string() }),
  ),
  instalments: z.array(
    z.object({
      sequence: z.int(),
      amountSatang: z.int(),
      releaseAfterReport: z.int().nullable(),
    }),
  ),
});
export type AgreementTerms = z.infer<typeof AgreementTermsSchema>;

export const AcceptAgreementBodySchema = z
  .object({
    version,
    /** The owner types their full name to sign. */
    signedName: shortText(200).min(2),
    /** The owner confirms they have read the agreement and may sign for the organisation. */
    confirm: z.literal(true),
    /** The hash of the terms the owner read (a newer issue → 409). */
    agreementSha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();
export type AcceptAgreementBody = z.infer<typeof AcceptAgreementBodySchema>;

export const AgreementSchema = z.object({
  state: z.enum(AGREEMENT_STATES),
  issuedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  acceptedByName: z.string().nullable(),
  sha256: z.string().nullable(),
});
export type Agreement = z.infer<typeof AgreementSchema>;

// ---- Payments -----------------------------------------------------------------------------------------------------

export const PaymentBodySchema = z
  .object({
    version,
    paidOn: isoDate,
    /** ≤ the instalment's amount; any difference is withheld and needs a note. */
    paidSatang: money,
    reference: shortText(100).min(1),
    note: shortText(PROJECT_LIMITS.text).default(''),
    /** Move the withheld difference to the next unpaid instalment instead of keeping it back for good. */
    carryForward: z.boolean().default(false),
  })
  .strict();
export type PaymentBody = z.infer<typeof PaymentBodySchema>;

// ---- Reallocations ------------------------------------------------------------------------------------------------

export const ReallocationBodySchema = z
  .object({
    fromLineId: z.uuid(),
    toLineId: z.uuid(),
    amountSatang: positiveMoney,
    reason: shortText(PROJECT_LIMITS.text).min(1),
  })
  .strict();
export type ReallocationBody = z.infer<typeof ReallocationBodySchema>;

export const ReallocationDecisionBodySchema = z
  .object({ version, note: shortText(PROJECT_LIMITS.text).default('') })
  .strict();
export type ReallocationDecisionBody = z.infer<typeof ReallocationDecisionBodySchema>;

export const ReallocationSchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  fromLineId: z.uuid(),
  toLineId: z.uuid(),
  amountSatang: z.int(),
  reason: z.string(),
  status: z.enum(REALLOCATION_STATUSES),
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  /** The signed-in person asked for it (and may cancel it while pending). */
  isMine: z.boolean(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
  decisionNote: z.string(),
  version: z.int(),
});
export type Reallocation = z.infer<typeof ReallocationSchema>;

// ---- Close-out ----------------------------------------------------------------------------------------------------

/** What a funded project recommends for taking its work to other areas (asked of every City Challenge project). */
export const ScalingRecommendationSchema = z
  .object({
    /** Where: a kind of area or named provinces. */
    area: shortText().min(1),
    provinceCodes: z.array(z.int().min(10).max(99)).max(77).default([]),
    recommendation: shortText(PROJECT_LIMITS.text).min(1),
    /** What an adopter needs: partners, money, skills. */
    conditions: shortText(PROJECT_LIMITS.text).default(''),
  })
  .strict();
export type ScalingRecommendation = z.infer<typeof ScalingRecommendationSchema>;

export const CloseProjectBodySchema = z
  .object({ version, note: shortText(PROJECT_LIMITS.text).default('') })
  .strict();
export type CloseProjectBody = z.infer<typeof CloseProjectBodySchema>;

// ---- Health -------------------------------------------------------------------------------------------------------

export const ProjectHealthSchema = z.object({
  status: z.enum(PROJECT_HEALTH),
  reasons: z.array(z.object({ reason: z.enum(HEALTH_REASONS), count: z.int() })),
});
export type ProjectHealth = z.infer<typeof ProjectHealthSchema>;

// ---- Lists and the project page -----------------------------------------------------------------------------------

export const ProjectListQuerySchema = z
  .object({
    status: z.enum(PROJECT_STATUSES).optional(),
    health: z.enum(PROJECT_HEALTH).optional(),
    drivingUnitId: z.uuid().optional(),
    callId: z.uuid().optional(),
    fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
    q: z.string().trim().max(200).optional(),
    cursor: z.coerce.number().int().min(0).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
export type ProjectListQuery = z.infer<typeof ProjectListQuerySchema>;

export const ProjectSummarySchema = z.object({
  id: z.uuid(),
  agreementNumber: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  organisationId: z.uuid(),
  organisationNameTh: z.string(),
  organisationNameEn: z.string().nullable(),
  callId: z.uuid(),
  callCode: z.string(),
  fiscalYear: z.int(),
  drivingUnitId: z.uuid().nullable(),
  drivingUnitNameTh: z.string().nullable(),
  drivingUnitNameEn: z.string().nullable(),
  status: z.enum(PROJECT_STATUSES),
  awardSatang: z.int(),
  paidSatang: z.int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  /** The earliest due date of a report not yet submitted or approved. */
  nextReportDueOn: z.string().nullable(),
  health: ProjectHealthSchema,
});
export type ProjectSummary = z.infer<typeof ProjectSummarySchema>;

export const ProjectListSchema = z.object({
  data: z.array(ProjectSummarySchema),
  page: z.object({ nextCursor: z.int().nullable(), total: z.int() }),
});
export type ProjectList = z.infer<typeof ProjectListSchema>;

export const BudgetLineSchema = z.object({
  id: z.uuid(),
  position: z.int(),
  category: z.enum(BUDGET_CATEGORIES),
  description: z.string(),
  plannedSatang: z.int(),
  approvedSatang: z.int(),
  /** Spent according to approved reports. */
  spentSatang: z.int(),
});
export type BudgetLine = z.infer<typeof BudgetLineSchema>;

export const MilestoneSchema = z.object({
  id: z.uuid(),
  position: z.int(),
  titleTh: z.string(),
  titleEn: z.string(),
  deliverable: z.string(),
  dueOn: z.string(),
  completionPercent: z.int(),
  completedOn: z.string().nullable(),
  isLate: z.boolean(),
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const InstalmentSchema = z.object({
  id: z.uuid(),
  sequence: z.int(),
  amountSatang: z.int(),
  releaseReportId: z.uuid().nullable(),
  releaseReportSequence: z.int().nullable(),
  status: z.enum(INSTALMENT_STATUSES),
  readyAt: z.string().nullable(),
  paidOn: z.string().nullable(),
  paidSatang: z.int().nullable(),
  withheldSatang: z.int(),
  paymentReference: z.string().nullable(),
  paymentNote: z.string(),
  version: z.int(),
});
export type Instalment = z.infer<typeof InstalmentSchema>;

export const ReportSummarySchema = z.object({
  id: z.uuid(),
  sequence: z.int(),
  kind: z.enum(REPORT_KINDS),
  periodStart: z.string(),
  periodEnd: z.string(),
  dueOn: z.string(),
  status: z.enum(REPORT_STATUSES),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  isOverdue: z.boolean(),
});
export type ReportSummary = z.infer<typeof ReportSummarySchema>;

export const ProjectAbilitiesSchema = z.object({
  /** Officers, while the project is in setup. */
  editSetup: z.boolean(),
  issueAgreement: z.boolean(),
  withdrawAgreement: z.boolean(),
  /** Owners of the organisation, while the agreement waits. */
  acceptAgreement: z.boolean(),
  changeUnit: z.boolean(),
  recordPayment: z.boolean(),
  /** Members (owner, editor) fill in reports. */
  editReports: z.boolean(),
  /** Officers and the supervising unit's staff. */
  reviewReports: z.boolean(),
  requestReallocation: z.boolean(),
  decideReallocation: z.boolean(),
  close: z.boolean(),
});
export type ProjectAbilities = z.infer<typeof ProjectAbilitiesSchema>;

export const ProjectDetailSchema = ProjectSummarySchema.extend({
  proposalId: z.uuid(),
  callTitleTh: z.string(),
  callTitleEn: z.string(),
  provinceCodes: z.array(z.int()),
  themes: z.array(z.string()),
  reportSchedule: z.enum(REPORT_SCHEDULES),
  reallocationLimitPercent: z.int(),
  /** Approved reallocations so far, all lines together. */
  reallocatedSatang: z.int(),
  srlStart: z.int().nullable(),
  srlTarget: z.int().nullable(),
  /** The latest SRL of an approved report. */
  srlCurrent: z.int().nullable(),
  agreement: AgreementSchema,
  budgetLines: z.array(BudgetLineSchema),
  milestones: z.array(MilestoneSchema),
  instalments: z.array(InstalmentSchema),
  reports: z.array(ReportSummarySchema),
  reallocations: z.array(ReallocationSchema),
  closedAt: z.string().nullable(),
  closingNote: z.string(),
  innovationId: z.uuid().nullable(),
  version: z.int(),
  abilities: ProjectAbilitiesSchema,
});
export type ProjectDetail = z.infer<typeof ProjectDetailSchema>;

// ---- Reports ------------------------------------------------------------------------------------------------------

export const ReportMilestoneInputSchema = z
  .object({
    milestoneId: z.uuid(),
    completionPercent: z.int().min(0).max(100),
    note: shortText(PROJECT_LIMITS.text).default(''),
  })
  .strict();

export const ReportExpenditureInputSchema = z
  .object({
    budgetLineId: z.uuid(),
    spentSatang: money,
    note: shortText(500).default(''),
  })
  .strict();

export const ReportIndicatorInputSchema = z
  .object({
    indicatorCode: shortText(50).nullable().default(null),
    name: shortText().min(1),
    unit: shortText(50).default(''),
    value: z.number().finite().min(-1e15).max(1e15),
    target: z.number().finite().min(-1e15).max(1e15).nullable().default(null),
    note: shortText(500).default(''),
  })
  .strict();
export type ReportIndicatorInput = z.infer<typeof ReportIndicatorInputSchema>;

/** Saves a report's draft (all of it); submit checks completeness. */
export const ReportBodySchema = z
  .object({
    version,
    narrative: shortText(PROJECT_LIMITS.longText).default(''),
    problems: shortText(PROJECT_LIMITS.longText).default(''),
    risks: shortText(PROJECT_LIMITS.longText).default(''),
    srlLevel: srl.nullable().default(null),
    srlEvidence: shortText(PROJECT_LIMITS.longText).default(''),
    milestones: z.array(ReportMilestoneInputSchema).max(PROJECT_LIMITS.milestonesMax).default([]),
    expenditures: z.array(ReportExpenditureInputSchema).max(PROJECT_LIMITS.budgetLinesMax).default([]),
    indicators: z.array(ReportIndicatorInputSchema).max(PROJECT_LIMITS.indicatorsMax).default([]),
    /** Final report only. */
    lessonsLearned: shortText(PROJECT_LIMITS.longText).default(''),
    scalingRecommendations: z
      .array(ScalingRecommendationSchema)
      .max(PROJECT_LIMITS.scalingRecommendationsMax)
      .default([]),
  })
  .strict();
export type ReportBody = z.infer<typeof ReportBodySchema>;

export const ReportReviewBodySchema = z
  .object({ version, comment: shortText(PROJECT_LIMITS.longText).default('') })
  .strict();
export type ReportReviewBody = z.infer<typeof ReportReviewBodySchema>;

export const EvidenceFileSchema = z.object({
  id: z.uuid(),
  purpose: z.enum(EVIDENCE_PURPOSES),
  milestoneId: z.uuid().nullable(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  createdAt: z.string(),
});
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const ReportEventSchema = z.object({
  action: z.enum(['submitted', 'returned', 'approved']),
  comment: z.string(),
  actorName: z.string().nullable(),
  createdAt: z.string(),
});
export type ReportEvent = z.infer<typeof ReportEventSchema>;

export const ReportDetailSchema = ReportSummarySchema.extend({
  projectId: z.uuid(),
  agreementNumber: z.string(),
  projectTitleTh: z.string(),
  projectTitleEn: z.string(),
  milestones: z.array(
    z.object({
      milestoneId: z.uuid(),
      titleTh: z.string(),
      titleEn: z.string(),
      deliverable: z.string(),
      dueOn: z.string(),
      completionPercent: z.int(),
      note: z.string(),
    }),
  ),
  expenditures: z.array(
    z.object({
      budgetLineId: z.uuid(),
      category: z.enum(BUDGET_CATEGORIES),
      description: z.string(),
      approvedSatang: z.int(),
      /** Spent in earlier approved reports. */
      spentBeforeSatang: z.int(),
      spentSatang: z.int(),
      note: z.string(),
    }),
  ),
  indicators: z.array(ReportIndicatorInputSchema),
  narrative: z.string(),
  problems: z.string(),
  risks: z.string(),
  srlLevel: z.int().nullable(),
  srlEvidence: z.string(),
  lessonsLearned: z.string(),
  scalingRecommendations: z.array(ScalingRecommendationSchema),
  files: z.array(EvidenceFileSchema),
  events: z.array(ReportEventSchema),
  version: z.int(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean() }),
});
export type ReportDetail = z.infer<typeof ReportDetailSchema>;

export const EvidenceUploadQuerySchema = z
  .object({ purpose: z.enum(EVIDENCE_PURPOSES), milestoneId: z.uuid().optional() })
  .strict();
export type EvidenceUploadQuery = z.infer<typeof EvidenceUploadQuerySchema>;

// ---- Disbursement -------------------------------------------------------------------------------------------------

export const DisbursementQuerySchema = z
  .object({
    fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
    drivingUnitId: z.uuid().optional(),
  })
  .strict();
export type DisbursementQuery = z.infer<typeof DisbursementQuerySchema>;

export const DISBURSEMENT_EXPORT_FORMATS = ['xlsx'] as const;

/** An export of the disbursement report as a background job: the report's filters and the file format. */
export const DisbursementExportBodySchema = z
  .object({
    format: z.enum(DISBURSEMENT_EXPORT_FORMATS),
    fiscalYear: z.int().min(2500).max(2700).optional(),
    drivingUnitId: z.uuid().optional(),
  })
  .strict();
export type DisbursementExportBody = z.infer<typeof DisbursementExportBodySchema>;

const DisbursementFiguresSchema = z.object({
  projects: z.int(),
  awardedSatang: z.int(),
  /** Paid in the fiscal year (by payment date, 1 October – 30 September). */
  paidSatang: z.int(),
  withheldSatang: z.int(),
  /** Ready for payment now. */
  readySatang: z.int(),
  /** Still waiting for a report or the agreement. */
  scheduledSatang: z.int(),
});

/** Money by fiscal year (Buddhist Era): awarded by the call's year, paid by the payment's date; with programmes. */
export const DisbursementReportSchema = z.object({
  years: z.array(
    DisbursementFiguresSchema.extend({
      fiscalYear: z.int(),
      programmes: z.array(
        DisbursementFiguresSchema.extend({
          programmeId: z.uuid().nullable(),
          nameTh: z.string(),
          nameEn: z.string(),
        }),
      ),
    }),
  ),
  totals: DisbursementFiguresSchema,
});
export type DisbursementReport = z.infer<typeof DisbursementReportSchema>;
