import { z } from 'zod';
import { ProposalListingSchema } from './common';
import { FORM_STAGES } from './calls';
import { ApplicantFeedbackSchema, type ApplicantFeedback } from './reviews';

/**
 * Where a submitted proposal is in selection (one row per proposal in proposal_review_states):
 * screening → review → (panel, when the call has one) → decision → decided; or screened_out.
 */
export const REVIEW_PHASES = ['screening', 'review', 'panel', 'decision', 'decided', 'screened_out'] as const;
export type ReviewPhase = (typeof REVIEW_PHASES)[number];

export const SCREENING_RESULTS = ['passed', 'failed'] as const;
export type ScreeningResult = (typeof SCREENING_RESULTS)[number];

/** Every decision outcome; which apply depends on the stage (see `outcomesForStage`). */
export const DECISION_OUTCOMES = ['award', 'reject', 'waitlist', 'revision', 'invite_full'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** Outcomes of a single-stage proposal or a full proposal. */
export const FINAL_OUTCOMES = [
  'award',
  'reject',
  'waitlist',
  'revision',
] as const satisfies DecisionOutcome[];
/** Outcomes of a concept note (two-stage calls): invite_full creates the full-proposal draft on release. */
export const CONCEPT_OUTCOMES = ['invite_full', 'reject', 'waitlist'] as const satisfies DecisionOutcome[];
/** These outcomes need a reason the applicant reads. */
export const OUTCOMES_NEEDING_REASON: readonly DecisionOutcome[] = ['reject', 'revision'];

/** The outcomes open to a proposal of a stage (`proposal`, `concept` or `full`). */
export function outcomesForStage(stage: string): readonly DecisionOutcome[] {
  return stage === 'concept' ? CONCEPT_OUTCOMES : FINAL_OUTCOMES;
}

export const DECISION_LIMITS = { reasonMax: 5000, bulkMax: 500 } as const;

const reason = z.string().trim().max(DECISION_LIMITS.reasonMax);

// ---- Screening, phases, shortlist -------------------------------------------------------------------------------

export const ScreeningBodySchema = z
  .object({
    result: z.enum(SCREENING_RESULTS),
    /** Required to fail a proposal, and to pass one the automatic check found ineligible. */
    reason: reason.default(''),
  })
  .strict();
export type ScreeningBody = z.infer<typeof ScreeningBodySchema>;

export const BulkScreeningBodySchema = z
  .object({
    ids: z.array(z.uuid()).min(1).max(DECISION_LIMITS.bulkMax),
    result: z.enum(SCREENING_RESULTS),
    reason: reason.default(''),
  })
  .strict();
export type BulkScreeningBody = z.infer<typeof BulkScreeningBodySchema>;

export const PhaseBodySchema = z.object({ phase: z.enum(['panel', 'decision']) }).strict();
export type PhaseBody = z.infer<typeof PhaseBodySchema>;

export const ShortlistBodySchema = z.object({ shortlisted: z.boolean() }).strict();
export type ShortlistBody = z.infer<typeof ShortlistBodySchema>;

export const ReviewStateSchema = z.object({
  proposalId: z.uuid(),
  callId: z.uuid(),
  phase: z.enum(REVIEW_PHASES),
  screeningResult: z.enum(SCREENING_RESULTS).nullable(),
  screeningReason: z.string().nullable(),
  screenedAt: z.string().nullable(),
  shortlisted: z.boolean(),
  version: z.int(),
});
export type ReviewState = z.infer<typeof ReviewStateSchema>;

// ---- Decisions ----------------------------------------------------------------------------------------------------

export const DecisionBodySchema = z
  .object({
    outcome: z.enum(DECISION_OUTCOMES),
    /** Awards only: the amount in satang, ≥ 1, ≤ requested, ≤ the call's maximum, within the call's budget. */
    amountSatang: z.int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().optional(),
    /** Required for reject and revision; the applicant reads it in the letter. */
    reason: reason.default(''),
    /** The decision's version when changing one (a stale version → 409). */
    version: z.int().min(1).optional(),
  })
  .strict();
export type DecisionBody = z.infer<typeof DecisionBodySchema>;

export const DecisionSchema = z.object({
  id: z.uuid(),
  proposalId: z.uuid(),
  callId: z.uuid(),
  stage: z.enum(FORM_STAGES),
  outcome: z.enum(DECISION_OUTCOMES),
  amountSatang: z.int().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
  /** When the letter went out (email + in-app); the applicant sees the decision from then on. */
  notifiedAt: z.string().nullable(),
  version: z.int(),
});
export type Decision = z.infer<typeof DecisionSchema>;

/** The money of a call: its budget, what its awards take, and what is left. */
export const CallBudgetSchema = z.object({
  totalBudgetSatang: z.int(),
  maxGrantSatang: z.int(),
  awardedSatang: z.int(),
  remainingSatang: z.int(),
  awardCount: z.int(),
});
export type CallBudget = z.infer<typeof CallBudgetSchema>;

/** What officers need to screen and decide one proposal. */
export const SelectionSchema = z.object({
  proposalId: z.uuid(),
  callId: z.uuid(),
  stage: z.enum(FORM_STAGES),
  requestedSatang: z.int(),
  /** null: submitted but never screened (the screening phase). */
  state: ReviewStateSchema.nullable(),
  decision: DecisionSchema.nullable(),
  budget: CallBudgetSchema,
  hasPanel: z.boolean(),
  outcomes: z.array(z.enum(DECISION_OUTCOMES)),
});
export type Selection = z.infer<typeof SelectionSchema>;

export const DecisionResultSchema = z.object({ decision: DecisionSchema, budget: CallBudgetSchema });
export type DecisionResult = z.infer<typeof DecisionResultSchema>;

export const CallDecisionRowSchema = DecisionSchema.extend({
  receiptNumber: z.string().nullable(),
  titleTh: z.string(),
  organisationNameTh: z.string(),
  requestedSatang: z.int(),
});
export type CallDecisionRow = z.infer<typeof CallDecisionRowSchema>;

export const CallDecisionsSchema = z.object({
  budget: CallBudgetSchema,
  /** How many submitted proposals are in each phase (never screened count as screening). */
  phases: z.record(z.enum(REVIEW_PHASES), z.int()),
  decisions: z.array(CallDecisionRowSchema),
  unsentCount: z.int(),
});
export type CallDecisions = z.infer<typeof CallDecisionsSchema>;

export const NotifyBodySchema = z
  .object({
    /** Only these proposals' decisions; all unsent decisions of the call when left out. */
    proposalIds: z.array(z.uuid()).min(1).max(DECISION_LIMITS.bulkMax).optional(),
  })
  .strict();
export type NotifyBody = z.infer<typeof NotifyBodySchema>;

export const NotifyResultSchema = z.object({
  released: z.array(z.uuid()),
  failed: z.array(z.object({ id: z.uuid(), code: z.string(), message: z.string() })),
});
export type NotifyResult = z.infer<typeof NotifyResultSchema>;

export const LetterQuerySchema = z.object({ lang: z.enum(['th', 'en']).optional() }).strict();
export type LetterQuery = z.infer<typeof LetterQuerySchema>;

// ---- What the applicant reads -------------------------------------------------------------------------------------

/** Anonymised feedback of the submitted reviews (the reviews module's shape), when the call shares it. */
export { ApplicantFeedbackSchema, type ApplicantFeedback };

export const ApplicantDecisionSchema = z.object({
  proposalId: z.uuid(),
  stage: z.enum(FORM_STAGES),
  outcome: z.enum(DECISION_OUTCOMES),
  amountSatang: z.int().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
  releasedAt: z.string(),
  /** The full proposal a concept note was invited to, once its draft exists. */
  fullProposalId: z.uuid().nullable(),
  feedback: ApplicantFeedbackSchema.nullable(),
});
export type ApplicantDecision = z.infer<typeof ApplicantDecisionSchema>;

// ---- Public results -----------------------------------------------------------------------------------------------

export const PublicAwardSchema = ProposalListingSchema.extend({
  provinceCodes: z.array(z.int()),
  amountSatang: z.int(),
});
export type PublicAward = z.infer<typeof PublicAwardSchema>;

export const PublicResultsSchema = z.object({
  call: z.object({
    id: z.uuid(),
    code: z.string(),
    titleTh: z.string(),
    titleEn: z.string(),
    fiscalYear: z.int(),
    totalBudgetSatang: z.int(),
  }),
  /** False until the first awards are released: the page says results are not out yet. */
  isPublished: z.boolean(),
  awards: z.array(PublicAwardSchema),
  totalAwardedSatang: z.int(),
  releasedAt: z.string().nullable(),
});
export type PublicResults = z.infer<typeof PublicResultsSchema>;
