import { z } from 'zod';
import { SroiConventionSchema, type SroiIssue } from './sroi';

/** Forecast (made with the proposal or at set-up) or evaluative (made at close-out, from what happened). */
export const SROI_ASSESSMENT_KINDS = ['forecast', 'evaluative'] as const;
export type SroiAssessmentKind = (typeof SROI_ASSESSMENT_KINDS)[number];

/** A draft is edited in place; a final version is frozen and a new version starts from a copy. */
export const SROI_ASSESSMENT_STATUSES = ['draft', 'final'] as const;
export type SroiAssessmentStatus = (typeof SROI_ASSESSMENT_STATUSES)[number];

export const SROI_LIMITS = { stakeholdersMax: 40, inputsMax: 80, outcomesMax: 120, text: 1000 } as const;

/**
 * The stored impact map of an assessment. Money (input values, proxies) is in satang; the engine is linear, so
 * present values come out in satang too. Percentages are fractions in [0, 1] as in SROI-SPEC §1.
 */
export const SroiAssessmentModelSchema = z
  .object({
    convention: SroiConventionSchema.default('svi-2012'),
    /** r as a fraction; null = the convention's default. */
    discountRate: z.number().min(0).max(1).nullable().default(null),
    currency: z.string().min(3).max(3).default('THB'),
    stakeholders: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/),
            name: z.string().trim().min(1).max(200),
            description: z.string().max(SROI_LIMITS.text).default(''),
            /** How many of them (people, households…), when known. */
            size: z.number().int().min(0).nullable().default(null),
          })
          .strict(),
      )
      .max(SROI_LIMITS.stakeholdersMax)
      .default([]),
    inputs: z
      .array(
        z
          .object({
            stakeholderId: z.string().nullable().default(null),
            label: z.string().trim().min(1).max(200),
            valueSatang: z.number().int(),
            year: z.number().int().min(0).max(100).default(0),
            nonCash: z.boolean().default(false),
          })
          .strict(),
      )
      .max(SROI_LIMITS.inputsMax)
      .default([]),
    outcomes: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/),
            stakeholderId: z.string().nullable().default(null),
            description: z.string().max(SROI_LIMITS.text).default(''),
            indicator: z.string().max(SROI_LIMITS.text).default(''),
            /** The project indicator that evidences the quantity, when linked. */
            projectIndicatorId: z.uuid().nullable().default(null),
            quantity: z.number().min(0).nullable().default(null),
            quantityByYear: z.array(z.number().min(0)).max(100).nullable().default(null),
            /** The financial proxy from the library, when one was used (its value is copied into proxySatang). */
            proxyId: z.uuid().nullable().default(null),
            proxyLabel: z.string().max(SROI_LIMITS.text).default(''),
            proxySatang: z.number().int(),
            proxySource: z.string().max(SROI_LIMITS.text).default(''),
            proxySourceUrl: z.string().max(2000).default(''),
            deadweight: z.number().min(0).max(1).default(0),
            displacement: z.number().min(0).max(1).default(0),
            attribution: z.number().min(0).max(1).default(0),
            dropoff: z.number().min(0).max(1).nullable().default(null),
            duration: z.number().int().min(1).max(100).nullable().default(null),
            startYear: z.number().int().min(1).max(100).default(1),
            durationEvidence: z.string().max(SROI_LIMITS.text).default(''),
            sdg: z.array(z.string().max(10)).max(20).default([]),
            iris: z.array(z.string().max(10)).max(20).default([]),
          })
          .strict(),
      )
      .max(SROI_LIMITS.outcomesMax)
      .default([]),
  })
  .strict();
export type SroiAssessmentModel = z.infer<typeof SroiAssessmentModelSchema>;
export type SroiAssessmentIssues = SroiIssue[];
