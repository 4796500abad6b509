import { z } from 'zod';
import { ORGANISATION_TYPE_CODES } from '@shared/reference/organisation-types';
import { REGION_CODES } from '@shared/reference/regions';
import { THEME_CODES } from '@shared/reference/themes';
import { AnswersSchema, FormDefinitionSchema } from './forms';
import { EligibilityResultSchema, FORM_STAGES } from './calls';
import { DECISION_OUTCOMES, REVIEW_PHASES } from './decisions';

/**
 * draft → submitted → (returned → submitted) ; draft|submitted|returned → withdrawn (before the deadline).
 * Review statuses (screening, under review, decisions) follow in the review module.
 */
export const PROPOSAL_STATUSES = ['draft', 'submitted', 'returned', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const ProposalStatusSchema = z.enum(PROPOSAL_STATUSES);

export const CreateProposalBodySchema = z
  .object({
    callId: z.uuid(),
    organisationId: z.uuid(),
    titleTh: z.string().trim().min(1).max(300),
    problemStatementId: z.uuid().nullable().default(null),
  })
  .strict();
export type CreateProposalBody = z.infer<typeof CreateProposalBodySchema>;

/** An autosave: the version the client last saw, and what changed. A stale version → 409 with the newer draft. */
export const SaveProposalBodySchema = z
  .object({
    version: z.int().min(1),
    titleTh: z.string().trim().min(1).max(300).optional(),
    titleEn: z.string().trim().max(300).optional(),
    problemStatementId: z.uuid().nullable().optional(),
    coApplicantIds: z.array(z.uuid()).max(20).optional(),
    answers: AnswersSchema.optional(),
  })
  .strict();
export type SaveProposalBody = z.infer<typeof SaveProposalBodySchema>;

export const VersionBodySchema = z.object({ version: z.int().min(1) }).strict();
export type VersionBody = z.infer<typeof VersionBodySchema>;

export const ReturnProposalBodySchema = z
  .object({
    comment: z.string().trim().min(1).max(5000),
    /** Date and time (with offset) by which the revision is due. */
    dueAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type ReturnProposalBody = z.infer<typeof ReturnProposalBodySchema>;

export const EligibilityOverrideBodySchema = z
  .object({ eligible: z.boolean(), reason: z.string().trim().min(1).max(2000) })
  .strict();
export type EligibilityOverrideBody = z.infer<typeof EligibilityOverrideBodySchema>;

export const AttachmentSchema = z.object({
  id: z.uuid(),
  questionId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
  createdAt: z.string(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const OrganisationRefSchema = z.object({
  id: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
  type: z.enum(ORGANISATION_TYPE_CODES),
  provinceCode: z.int().nullable(),
});
export type OrganisationRef = z.infer<typeof OrganisationRefSchema>;

export const ProposalSummarySchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callCode: z.string(),
  callTitleTh: z.string(),
  callTitleEn: z.string(),
  stage: z.enum(FORM_STAGES),
  titleTh: z.string(),
  titleEn: z.string(),
  status: ProposalStatusSchema,
  receiptNumber: z.string().nullable(),
  organisation: OrganisationRefSchema,
  requestedSatang: z.number(),
  provinceCodes: z.array(z.int()),
  themes: z.array(z.enum(THEME_CODES)),
  /** The automatic result, or the officer's override when one was recorded. */
  eligible: z.boolean().nullable(),
  eligibilityOverridden: z.boolean(),
  version: z.int(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type ProposalSummary = z.infer<typeof ProposalSummarySchema>;

export const ProposalEventSchema = z.object({
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  at: z.string(),
});

export const ProposalDetailSchema = ProposalSummarySchema.extend({
  formId: z.uuid(),
  formVersion: z.int(),
  form: FormDefinitionSchema,
  answers: AnswersSchema,
  problemStatementId: z.uuid().nullable(),
  coApplicants: z.array(OrganisationRefSchema),
  attachments: z.array(AttachmentSchema),
  eligibility: EligibilityResultSchema.nullable(),
  eligibilityOverride: z.object({ eligible: z.boolean(), reason: z.string(), at: z.string() }).nullable(),
  returned: z.object({ comment: z.string(), dueAt: z.string() }).nullable(),
  /** Deadline that applies now: the call's (or stage's), or the revision due date when returned. */
  deadline: z.string(),
  events: z.array(ProposalEventSchema),
  abilities: z.object({
    edit: z.boolean(),
    submit: z.boolean(),
    withdraw: z.boolean(),
    returnForRevision: z.boolean(),
    overrideEligibility: z.boolean(),
  }),
});
export type ProposalDetail = z.infer<typeof ProposalDetailSchema>;

export const ProposalParamsSchema = z.object({ id: z.uuid() });
export const AttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const MyProposalsQuerySchema = z.object({ organisationId: z.uuid().optional() }).strict();

// ---- Officer intake ----------------------------------------------------------------------------------------------

export const INTAKE_SORTS = [
  'submitted_at',
  '-submitted_at',
  'requested',
  '-requested',
  'title',
  'receipt',
] as const;

/** The decision-outcome filter of the intake: an outcome, or `none` for proposals without a decision. */
export const INTAKE_OUTCOME_FILTERS = [...DECISION_OUTCOMES, 'none'] as const;
export type IntakeOutcomeFilter = (typeof INTAKE_OUTCOME_FILTERS)[number];

export const IntakeQuerySchema = z
  .object({
    status: ProposalStatusSchema.optional(),
    province: z.coerce.number().int().min(10).max(99).optional(),
    region: z.enum(REGION_CODES).optional(),
    theme: z.enum(THEME_CODES).optional(),
    organisationType: z.enum(ORGANISATION_TYPE_CODES).optional(),
    eligible: z.enum(['yes', 'no', 'unknown']).optional(),
    stage: z.enum(FORM_STAGES).optional(),
    /** Where in selection; `screening` also holds the submitted proposals not screened yet (no state row). */
    phase: z.enum(REVIEW_PHASES).optional(),
    /** The decision at the proposal's stage; `none`: no decision yet. */
    outcome: z.enum(INTAKE_OUTCOME_FILTERS).optional(),
    q: z.string().trim().max(200).optional(),
    sort: z.enum(INTAKE_SORTS).default('-submitted_at'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type IntakeQuery = z.infer<typeof IntakeQuerySchema>;

export const INTAKE_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type IntakeExportFormat = (typeof INTAKE_EXPORT_FORMATS)[number];

/** An export of the intake list as a background job: the list's filters and sort (no paging) and the file format. */
export const IntakeExportBodySchema = IntakeQuerySchema.omit({ page: true, pageSize: true })
  .extend({ format: z.enum(INTAKE_EXPORT_FORMATS) })
  .strict();
export type IntakeExportBody = z.infer<typeof IntakeExportBodySchema>;

/**
 * Where a proposal is in selection, for the intake list: its phase (a submitted proposal not screened yet is in
 * `screening`; `null` for one never submitted for selection, e.g. withdrawn before screening), whether it is on the
 * shortlist, and the decision at its stage (with the amount of an award; `released` once the letter went out).
 */
export const IntakeSelectionSchema = z.object({
  phase: z.enum(REVIEW_PHASES).nullable(),
  shortlisted: z.boolean(),
  decision: z
    .object({
      outcome: z.enum(DECISION_OUTCOMES),
      amountSatang: z.int().nullable(),
      released: z.boolean(),
    })
    .nullable(),
});
export type IntakeSelection = z.infer<typeof IntakeSelectionSchema>;

/** A row of the intake list: the proposal's summary and where it is in selection. */
export const IntakeRowSchema = ProposalSummarySchema.extend({ selection: IntakeSelectionSchema });
export type IntakeRow = z.infer<typeof IntakeRowSchema>;

export const IntakePageSchema = z.object({
  data: z.array(IntakeRowSchema),
  page: z.object({ page: z.int(), pageSize: z.int(), total: z.int() }),
});
export type IntakePage = z.infer<typeof IntakePageSchema>;

export const BULK_ACTIONS = ['mark_eligible', 'mark_ineligible', 'return_for_revision'] as const;
export const BulkActionBodySchema = z
  .object({
    action: z.enum(BULK_ACTIONS),
    ids: z.array(z.uuid()).min(1).max(500),
    reason: z.string().trim().min(1).max(5000),
    dueAt: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();
export type BulkActionBody = z.infer<typeof BulkActionBodySchema>;

export const BulkResultSchema = z.object({
  done: z.array(z.uuid()),
  failed: z.array(z.object({ id: z.uuid(), code: z.string(), message: z.string() })),
});
export type BulkResult = z.infer<typeof BulkResultSchema>;
