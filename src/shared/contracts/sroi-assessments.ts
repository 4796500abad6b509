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
/** The stored issues of a model (see SroiAssessmentIssueSchema below): path, English message, code and params. */
export type SroiAssessmentIssues = Array<
  SroiIssue & { code: SroiIssueCode; params: Record<string, string | number> }
>;

// ---- Issues --------------------------------------------------------------------------------------------------------

/** Why a stored model does not compute, as a catalogue code (`sroiEditor.issue.<code>`). */
export const SROI_ISSUE_CODES = [
  'FRACTION',
  'INTEGER',
  'MIN_ONE',
  'NON_NEGATIVE',
  'REQUIRED',
  'NO_INPUTS',
  'NO_OUTCOMES',
  'DUPLICATE_ID',
  'QUANTITY_WITH_SERIES',
  'DURATION_WITH_SERIES',
  'DROPOFF_WITH_SERIES',
  'QUANTITY_REQUIRED',
  'DURATION_REQUIRED',
  'ADDITIVE_DEDUCTIONS',
  'INVESTMENT_NOT_POSITIVE',
  'UNKNOWN_STAKEHOLDER',
  'DUPLICATE_STAKEHOLDER',
  'TOO_LARGE',
  'OTHER',
] as const;
export type SroiIssueCode = (typeof SROI_ISSUE_CODES)[number];

/**
 * One problem of a stored model. `path` names the stored model's field (`outcomes[2].deadweight`,
 * `inputs[0].valueSatang`); `message` is the engine's English text; `code` (+ `params`) picks the catalogue message.
 */
export const SroiAssessmentIssueSchema = z.object({
  path: z.string(),
  message: z.string(),
  code: z.enum(SROI_ISSUE_CODES).default('OTHER'),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type SroiAssessmentIssue = z.infer<typeof SroiAssessmentIssueSchema>;

/** An issue as the API returns it: with the Thai and English message. */
export const SroiIssueDtoSchema = SroiAssessmentIssueSchema.extend({
  messageTh: z.string(),
  messageEn: z.string(),
});
export type SroiIssueDto = z.infer<typeof SroiIssueDtoSchema>;

// ---- The engine's result -------------------------------------------------------------------------------------------

const SroiWarningSchema = z.object({
  code: z.enum([
    'LONG_DURATION',
    'NO_DROPOFF',
    'NO_DEADWEIGHT_OR_ATTRIBUTION',
    'HIGH_RATIO',
    'DEDUCTIONS_IGNORED',
  ]),
  path: z.string(),
  message: z.string(),
});

const SensitivityParameterSchema = z.enum([
  'deadweight',
  'displacement',
  'attribution',
  'dropoff',
  'proxy',
  'quantity',
  'inputs',
]);

/** The engine's output (SroiResult of `@shared/impact/sroi`); money in satang (floats; round for display). */
export const SroiResultSchema = z.object({
  convention: SroiConventionSchema,
  currency: z.string().nullable(),
  discountRate: z.number(),
  discountSchedule: z.enum(['constant', 'green-book']),
  presentValue: z.number(),
  investmentPresentValue: z.number(),
  netPresentValue: z.number(),
  ratio: z.number(),
  netRatio: z.number(),
  ratioDisplay: z.object({ uk: z.string(), th: z.string() }),
  annualImpact: z.number(),
  paybackMonths: z.number().nullable(),
  paybackKind: z.literal('simple_undiscounted'),
  discountedPaybackMonths: z.number().nullable(),
  perOutcome: z.array(
    z.object({
      id: z.string(),
      stakeholder: z.string().nullable(),
      grossValue: z.number(),
      impact: z.number(),
      presentValue: z.number(),
      years: z.array(
        z.object({ year: z.number(), quantity: z.number(), value: z.number(), presentValue: z.number() }),
      ),
    }),
  ),
  perYear: z.array(z.object({ year: z.number(), value: z.number(), presentValue: z.number() })),
  perStakeholder: z.array(z.object({ stakeholder: z.string().nullable(), presentValue: z.number() })),
  perInput: z.array(
    z.object({
      label: z.string(),
      stakeholder: z.string().nullable(),
      year: z.number(),
      value: z.number(),
      presentValue: z.number(),
    }),
  ),
  sensitivity: z.object({
    change: z.number(),
    rows: z.array(
      z.object({
        parameter: SensitivityParameterSchema,
        change: z.number(),
        presentValue: z.number(),
        investmentPresentValue: z.number(),
        ratio: z.number(),
      }),
    ),
    ratioRange: z.object({ low: z.number(), high: z.number() }),
  }),
  switchingValues: z.object({
    proxyMultiplier: z.number().nullable(),
    quantityMultiplier: z.number().nullable(),
    deadweight: z.number().nullable(),
    displacement: z.number().nullable(),
    attribution: z.number().nullable(),
    dropoff: z.number().nullable(),
    perOutcome: z.array(z.object({ id: z.string(), proxyMultiplier: z.number().nullable() })),
  }),
  warnings: z.array(SroiWarningSchema),
});

/** A th-base-year model recomputed under svi-2012 at its default rate, for comparison (SROI-SPEC §4). */
export const SroiComparisonSchema = z.object({
  convention: z.literal('svi-2012'),
  result: SroiResultSchema,
});
export type SroiComparison = z.infer<typeof SroiComparisonSchema>;

// ---- Assessments ---------------------------------------------------------------------------------------------------

export const SroiAssessmentKindSchema = z.enum(SROI_ASSESSMENT_KINDS);
export const SroiAssessmentStatusSchema = z.enum(SROI_ASSESSMENT_STATUSES);

/** An assessment in a project's list: kind, version, status and the headline figures (money in satang). */
export const SroiAssessmentSummarySchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  kind: SroiAssessmentKindSchema,
  versionNo: z.number().int(),
  status: SroiAssessmentStatusSchema,
  title: z.string(),
  convention: SroiConventionSchema,
  presentValueSatang: z.number().int().nullable(),
  investmentSatang: z.number().int().nullable(),
  /** Gross ratio PV / PV_I (null while the model has issues). */
  ratio: z.number().nullable(),
  issueCount: z.number().int(),
  basedOnId: z.uuid().nullable(),
  finalisedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  version: z.number().int(),
});
export type SroiAssessmentSummary = z.infer<typeof SroiAssessmentSummarySchema>;

export const SroiAbilitiesSchema = z.object({
  edit: z.boolean(),
  finalise: z.boolean(),
  newVersion: z.boolean(),
  delete: z.boolean(),
});
export type SroiAbilities = z.infer<typeof SroiAbilitiesSchema>;

export const SroiAssessmentListSchema = z.object({
  items: z.array(SroiAssessmentSummarySchema),
  /** What the actor may do on this project: start an assessment (edit) and finalise one. */
  abilities: z.object({ create: z.boolean(), finalise: z.boolean() }),
});
export type SroiAssessmentList = z.infer<typeof SroiAssessmentListSchema>;

export const SroiAssessmentDetailSchema = SroiAssessmentSummarySchema.extend({
  notes: z.string(),
  model: SroiAssessmentModelSchema,
  result: SroiResultSchema.nullable(),
  issues: z.array(SroiIssueDtoSchema),
  comparison: SroiComparisonSchema.nullable(),
  createdBy: z.uuid().nullable(),
  finalisedBy: z.uuid().nullable(),
  abilities: SroiAbilitiesSchema,
});
export type SroiAssessmentDetail = z.infer<typeof SroiAssessmentDetailSchema>;

export const CreateSroiAssessmentBodySchema = z
  .object({
    kind: SroiAssessmentKindSchema,
    title: z.string().trim().max(200).optional(),
  })
  .strict();
export type CreateSroiAssessmentBody = z.infer<typeof CreateSroiAssessmentBodySchema>;

export const SaveSroiAssessmentBodySchema = z
  .object({
    version: z.number().int().min(1),
    title: z.string().trim().max(200),
    notes: z.string().max(5000),
    model: SroiAssessmentModelSchema,
  })
  .strict();
export type SaveSroiAssessmentBody = z.input<typeof SaveSroiAssessmentBodySchema>;

export const SroiVersionBodySchema = z.object({ version: z.number().int().min(1) }).strict();
export type SroiVersionBody = z.infer<typeof SroiVersionBodySchema>;

/** POST /sroi/calculate: the engine's JSON model of SROI-SPEC §1 in, its result out (+ svi-2012 for th-base-year). */
export const SroiCalculateResponseSchema = z.object({
  result: SroiResultSchema,
  comparison: SroiComparisonSchema.nullable(),
});
export type SroiCalculateResponse = z.infer<typeof SroiCalculateResponseSchema>;
