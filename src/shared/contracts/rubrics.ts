import { z } from 'zod';

/**
 * The rubric engine's shapes, shared by call reviews and award contests: criteria with Thai/English names, a weight,
 * a scale and guidance; a comment is required for a score at or below `commentAtOrBelow`.
 */
export const RubricCriterionSchema = z
  .object({
    /** Stable within a rubric, e.g. "impact"; scores are keyed by it. */
    id: z
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]{0,39}$/),
    nameTh: z.string().trim().min(1).max(200),
    nameEn: z.string().trim().min(1).max(200),
    guidanceTh: z.string().trim().max(2000).default(''),
    guidanceEn: z.string().trim().max(2000).default(''),
    /** Relative weight, 1–100; weights need not sum to 100. */
    weight: z.int().min(1).max(100),
    scaleMin: z.int().min(0).max(10),
    scaleMax: z.int().min(1).max(100),
    /** A score at or below this needs a comment; null: never required. */
    commentAtOrBelow: z.int().min(0).max(100).nullable().default(null),
  })
  .strict();
export type RubricCriterion = z.infer<typeof RubricCriterionSchema>;

export const RECOMMENDATIONS = ['fund', 'fund_with_changes', 'do_not_fund'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** One criterion's score and comment in a review or a contest judgement. */
export const CriterionScoreSchema = z
  .object({
    score: z.number().nullable(),
    comment: z.string().trim().max(5000).default(''),
  })
  .strict();
export type CriterionScore = z.infer<typeof CriterionScoreSchema>;
export type CriterionScores = Record<string, CriterionScore>;
