import { z } from 'zod';

/** Convention profiles of SROI-SPEC §4. */
export const SroiConventionSchema = z.enum(['svi-2012', 'th-base-year', 'nz-cbax-midyear']);
export type SroiConvention = z.infer<typeof SroiConventionSchema>;

const FRACTION_MESSAGE = 'must be between 0 and 1';
const fraction = () => z.number().min(0, FRACTION_MESSAGE).max(1, FRACTION_MESSAGE);
const positiveInteger = () =>
  z.number().int('must be an integer').min(1, 'must be an integer greater than or equal to 1');

export const SroiInputSchema = z.object({
  stakeholder: z.string().optional(),
  label: z.string().min(1, 'must not be empty'),
  /** Value in the model's currency; non-cash inputs (volunteer time) must be valued and included. */
  value: z.number(),
  /** 0 = spent up front when the investment is made; k ≥ 1 = spent in benefit year k. */
  year: z
    .number()
    .int('must be an integer')
    .min(0, 'must be an integer greater than or equal to 0')
    .default(0),
});
export type SroiInput = z.infer<typeof SroiInputSchema>;

export const SroiOutcomeSchema = z.object({
  id: z.string().min(1, 'must not be empty'),
  stakeholder: z.string().optional(),
  description: z.string().optional(),
  indicator: z.string().optional(),
  /** Q: units of outcome per year. Give either quantity (with duration and dropoff) or quantityByYear. */
  quantity: z.number().min(0, 'must be greater than or equal to 0').optional(),
  /** Explicit per-year quantities; the first element falls in startYear. Replaces quantity, duration and dropoff. */
  quantityByYear: z
    .array(z.number().min(0, 'must be greater than or equal to 0'))
    .min(1, 'must hold at least one year')
    .optional(),
  /** P: value per unit; negative for a negative outcome. */
  proxy: z.number(),
  proxySource: z.string().optional(),
  deadweight: fraction().default(0),
  displacement: fraction().default(0),
  /** Share of the outcome caused by others; deducted. */
  attribution: fraction().default(0),
  /** Per year, applied from the second year the outcome is counted. */
  dropoff: fraction().optional(),
  /** D: number of years counted. */
  duration: positiveInteger().optional(),
  /** s: 1 = during the activity period, 2 = in the period after. */
  startYear: positiveInteger().default(1),
  /** Evidence for a duration longer than five years; without it the engine warns. */
  durationEvidence: z.string().optional(),
  sdg: z.array(z.string()).optional(),
  iris: z.array(z.string()).optional(),
});
export type SroiOutcome = z.infer<typeof SroiOutcomeSchema>;

export const SroiModelSchema = z.object({
  currency: z.string().min(1, 'must not be empty').optional(),
  /** r; when omitted, the convention's default rate (svi-2012 3.5 % with the Green Book schedule, others 2 %). */
  discountRate: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
  convention: SroiConventionSchema.default('svi-2012'),
  inputs: z.array(SroiInputSchema).min(1, 'must hold at least one input'),
  outcomes: z.array(SroiOutcomeSchema).min(1, 'must hold at least one outcome'),
});
/** A model as written (defaults not yet applied). */
export type SroiModelInput = z.input<typeof SroiModelSchema>;
/** A parsed model (defaults applied). */
export type SroiModel = z.infer<typeof SroiModelSchema>;

export const SroiIssueSchema = z.object({ path: z.string(), message: z.string() });
export type SroiIssue = z.infer<typeof SroiIssueSchema>;
