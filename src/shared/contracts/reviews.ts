import { z } from 'zod';
import { ProposalListingSchema } from './common';
import { FORM_STAGES } from './calls';
import { CriterionScoreSchema, RECOMMENDATIONS, RubricCriterionSchema } from './rubrics';
import { RUBRIC_LIMITS } from '@shared/reviews/scoring';

/** The stages a call reviews: `proposal` (single-stage calls), `concept` and `full` (two-stage calls). */
export const REVIEW_STAGES = FORM_STAGES;
export const ReviewStageSchema = z.enum(REVIEW_STAGES);
export type ReviewStage = z.infer<typeof ReviewStageSchema>;

export const RecommendationSchema = z.enum(RECOMMENDATIONS);

/** draft → submitted (locked); an officer may reopen a submitted review, which makes it a draft again. */
export const REVIEW_STATUSES = ['draft', 'submitted'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const ReviewStatusSchema = z.enum(REVIEW_STATUSES);

// ---- Rubrics ---------------------------------------------------------------------------------------------------------

export const RubricParamsSchema = z.object({ id: z.uuid(), stage: ReviewStageSchema });
export type RubricParams = z.infer<typeof RubricParamsSchema>;

export const RubricSchema = z.object({
  callId: z.uuid(),
  stage: ReviewStageSchema,
  criteria: z.array(RubricCriterionSchema),
  /** True while the call stage has no saved rubric and uses the starter one. */
  isStarter: z.boolean(),
  /** Set when the first review of the stage was submitted; a locked rubric cannot change. */
  lockedAt: z.string().nullable(),
  /** 0 for the starter rubric; send it back as `version` when saving. */
  version: z.int(),
});
export type Rubric = z.infer<typeof RubricSchema>;

export const SaveRubricBodySchema = z
  .object({
    version: z.int().min(0),
    criteria: z.array(RubricCriterionSchema).min(RUBRIC_LIMITS.minCriteria).max(RUBRIC_LIMITS.maxCriteria),
  })
  .strict();
export type SaveRubricBody = z.infer<typeof SaveRubricBodySchema>;
export type SaveRubricInput = z.input<typeof SaveRubricBodySchema>;

// ---- The reviewer's scoring sheet -------------------------------------------------------------------------------------

export const ScoresSchema = z.record(z.string().max(40), CriterionScoreSchema);

/** The reviewer's own review; version 0 and no id until the first save. */
export const MyReviewSchema = z.object({
  id: z.uuid().nullable(),
  status: ReviewStatusSchema,
  scores: ScoresSchema,
  comment: z.string(),
  recommendation: RecommendationSchema.nullable(),
  /** 0–100, set on submit. */
  weightedScore: z.number().nullable(),
  submittedAt: z.string().nullable(),
  version: z.int(),
});
export type MyReview = z.infer<typeof MyReviewSchema>;

/** Another reviewer's submitted review, anonymised: "Reviewer 1", "Reviewer 2", … by order of assignment. */
export const PeerReviewSchema = z.object({
  number: z.int().min(1),
  scores: ScoresSchema,
  comment: z.string(),
  recommendation: RecommendationSchema.nullable(),
  weightedScore: z.number().nullable(),
});
export type PeerReview = z.infer<typeof PeerReviewSchema>;

export const ReviewSheetSchema = z.object({
  assignmentId: z.uuid(),
  proposalId: z.uuid(),
  callId: z.uuid(),
  stage: ReviewStageSchema,
  titleTh: z.string(),
  titleEn: z.string(),
  criteria: z.array(RubricCriterionSchema),
  review: MyReviewSchema,
  /**
   * Other reviewers' submitted reviews: shown once the reviewer's own is submitted, or at once when the call does not
   * hide them. `othersHidden` says they exist but are withheld for now.
   */
  others: z.array(PeerReviewSchema),
  othersHidden: z.boolean(),
  abilities: z.object({ edit: z.boolean(), submit: z.boolean() }),
});
export type ReviewSheet = z.infer<typeof ReviewSheetSchema>;

export const SaveReviewBodySchema = z
  .object({
    version: z.int().min(0),
    scores: ScoresSchema,
    comment: z.string().trim().max(10_000).default(''),
    recommendation: RecommendationSchema.nullable().default(null),
  })
  .strict();
export type SaveReviewBody = z.infer<typeof SaveReviewBodySchema>;
export type SaveReviewInput = z.input<typeof SaveReviewBodySchema>;

export const SubmitReviewBodySchema = z.object({ version: z.int().min(1) }).strict();
export type SubmitReviewBody = z.infer<typeof SubmitReviewBodySchema>;

export const ReopenReviewBodySchema = z
  .object({ reason: z.string().trim().min(1).max(2000), version: z.int().min(1).optional() })
  .strict();
export type ReopenReviewBody = z.infer<typeof ReopenReviewBodySchema>;

// ---- Officers: the reviews of a proposal, the ranking ----------------------------------------------------------------

export const StageQuerySchema = z.object({ stage: ReviewStageSchema.optional() }).strict();
export type StageQuery = z.infer<typeof StageQuerySchema>;

export const RecommendationCountsSchema = z.object({
  fund: z.int(),
  fund_with_changes: z.int(),
  do_not_fund: z.int(),
});
export type RecommendationCounts = z.infer<typeof RecommendationCountsSchema>;

/** A reviewer's review as officers see it, named; status `not_started` while the reviewer has saved nothing. */
export const OfficerReviewSchema = z.object({
  id: z.uuid().nullable(),
  assignmentId: z.uuid(),
  assignmentStatus: z.string(),
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  status: z.enum(['not_started', ...REVIEW_STATUSES]),
  scores: ScoresSchema,
  comment: z.string(),
  recommendation: RecommendationSchema.nullable(),
  weightedScore: z.number().nullable(),
  /** This reviewer's z-score for the review, against their other reviews of the call stage. */
  zScore: z.number().nullable(),
  submittedAt: z.string().nullable(),
  version: z.int(),
});
export type OfficerReview = z.infer<typeof OfficerReviewSchema>;

export const ProposalReviewsSchema = z.object({
  proposalId: z.uuid(),
  callId: z.uuid(),
  stage: ReviewStageSchema,
  receiptNumber: z.string().nullable(),
  titleTh: z.string(),
  titleEn: z.string(),
  criteria: z.array(RubricCriterionSchema),
  reviews: z.array(OfficerReviewSchema),
  rawMean: z.number().nullable(),
  calibrated: z.number().nullable(),
  zMean: z.number().nullable(),
  disagreement: z.boolean(),
});
export type ProposalReviews = z.infer<typeof ProposalReviewsSchema>;

export const RankingDecisionSchema = z.object({
  outcome: z.string(),
  amountSatang: z.int().nullable(),
  reason: z.string(),
  version: z.int(),
  decidedAt: z.string(),
  notifiedAt: z.string().nullable(),
});
export type RankingDecision = z.infer<typeof RankingDecisionSchema>;

export const RankingRowSchema = ProposalListingSchema.extend({
  rank: z.int(),
  requestedSatang: z.int(),
  submittedAt: z.string().nullable(),
  /** screening | review | panel | decision | decided */
  phase: z.string(),
  shortlisted: z.boolean(),
  /** Reviewers assigned and not recused, declined or removed. */
  assignedCount: z.int(),
  submittedCount: z.int(),
  rawMean: z.number().nullable(),
  calibrated: z.number().nullable(),
  zMean: z.number().nullable(),
  minScore: z.number().nullable(),
  maxScore: z.number().nullable(),
  disagreement: z.boolean(),
  recommendations: RecommendationCountsSchema,
  /** Requested money of this proposal and every one ranked above it. */
  runningTotalSatang: z.int(),
  withinBudget: z.boolean(),
  decision: RankingDecisionSchema.nullable(),
});
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const RankingSchema = z.object({
  callId: z.uuid(),
  callCode: z.string(),
  callTitleTh: z.string(),
  callTitleEn: z.string(),
  stage: ReviewStageSchema,
  /** The stages this call reviews (`proposal`, or `concept` and `full`). */
  stages: z.array(ReviewStageSchema),
  totalBudgetSatang: z.int(),
  maxGrantSatang: z.int(),
  /** Sum of the call's awards so far (all stages). */
  awardedSatang: z.int(),
  disagreementPoints: z.int(),
  grandMean: z.number().nullable(),
  grandSd: z.number().nullable(),
  rows: z.array(RankingRowSchema),
});
export type Ranking = z.infer<typeof RankingSchema>;

/** What an applicant may read of the reviews of their proposal: no names, submitted reviews only. */
export const ApplicantFeedbackSchema = z.object({
  n: z.int(),
  comments: z.array(z.string()),
  criteria: z.array(
    z.object({
      id: z.string(),
      nameTh: z.string(),
      nameEn: z.string(),
      scaleMin: z.int(),
      scaleMax: z.int(),
      /** Mean score of the submitted reviews, on the criterion's scale. */
      mean: z.number().nullable(),
      comments: z.array(z.string()),
    }),
  ),
});
export type ApplicantFeedback = z.infer<typeof ApplicantFeedbackSchema>;
