import { z } from 'zod';
import { ORGANISATION_TYPE_CODES } from '@shared/reference/organisation-types';
import { REGION_CODES } from '@shared/reference/regions';
import { THEME_CODES } from '@shared/reference/themes';
import { PROGRAMME_TYPES } from '@shared/reference/programmes';
import { FormDefinitionSchema } from './forms';

const text = (max: number) => z.string().trim().max(max);
const satang = z.int().min(0).max(1_000_000_000_000_000);

// ---- Programmes (officer edits) ---------------------------------------------------------------------------------

export const UpdateProgrammeBodySchema = z
  .object({
    version: z.int().min(1),
    type: z.enum(PROGRAMME_TYPES).optional(),
    nameTh: text(300).min(1).optional(),
    nameEn: text(300).min(1).optional(),
    summaryTh: text(1000).optional(),
    summaryEn: text(1000).optional(),
    descriptionTh: text(10_000).optional(),
    descriptionEn: text(10_000).optional(),
    objectives: z.array(z.int().min(1).max(5)).max(5).optional(),
    ownerTeam: text(300).nullable().optional(),
    drivingUnitId: z.uuid().nullable().optional(),
    /** Fiscal years in the Buddhist Era, e.g. 2569. */
    fiscalYears: z.array(z.int().min(2500).max(2700)).max(20).optional(),
    budgetSatang: satang.nullable().optional(),
  })
  .strict();
export type UpdateProgrammeBody = z.infer<typeof UpdateProgrammeBodySchema>;

// ---- Calls -------------------------------------------------------------------------------------------------------

export const CALL_STATUSES = ['draft', 'published', 'closed', 'archived'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** Single stage: one form. Two stages: a concept note, then a full proposal by invitation. */
export const CALL_STAGE_MODES = ['single', 'two_stage'] as const;
export type CallStageMode = (typeof CALL_STAGE_MODES)[number];

export const FORM_STAGES = ['proposal', 'concept', 'full'] as const;
export type FormStage = (typeof FORM_STAGES)[number];

/** Where a call is in its life, as the public sees it. */
export const CALL_PHASES = ['upcoming', 'open', 'closed'] as const;
export type CallPhase = (typeof CALL_PHASES)[number];

export const EligibilityRulesSchema = z
  .object({
    /** Empty: any organisation type. */
    organisationTypes: z.array(z.enum(ORGANISATION_TYPE_CODES)).max(20).default([]),
    /** Provinces, regions and the target province group together name the eligible area; all empty: anywhere. */
    provinceCodes: z.array(z.int().min(10).max(99)).max(77).default([]),
    regionCodes: z.array(z.enum(REGION_CODES)).max(6).default([]),
    targetGroupOnly: z.boolean().default(false),
    /** Empty: any theme. Otherwise the proposal must name at least one of these. */
    themes: z.array(z.enum(THEME_CODES)).max(9).default([]),
    /** Most proposals (not withdrawn) one organisation may make in this call; null: no limit. */
    maxProposalsPerOrganisation: z.int().min(1).max(100).nullable().default(null),
  })
  .strict();
export type EligibilityRules = z.infer<typeof EligibilityRulesSchema>;

/** Receipt prefix of a call: 2–6 capital letters, e.g. `CC` gives `CC-2569-0001`. */
export const CallCodeSchema = z.string().regex(/^[A-Z]{2,6}$/, { message: 'errors.call.code' });

const EMPTY_RULES: EligibilityRules = {
  organisationTypes: [],
  provinceCodes: [],
  regionCodes: [],
  targetGroupOnly: false,
  themes: [],
  maxProposalsPerOrganisation: null,
};

/** Fields of a call, without defaults (a PATCH names only what changes). */
const callFields = {
  programmeSlug: z.string().min(1).max(100),
  code: CallCodeSchema,
  titleTh: text(300).min(1),
  titleEn: text(300).min(1),
  descriptionTh: text(20_000),
  descriptionEn: text(20_000),
  /** Instants (ISO 8601 with offset); the web sends Asia/Bangkok times. */
  opensAt: z.iso.datetime({ offset: true }),
  closesAt: z.iso.datetime({ offset: true }),
  /** Second-stage deadline, for two-stage calls. */
  fullClosesAt: z.iso.datetime({ offset: true }).nullable(),
  fiscalYear: z.int().min(2500).max(2700),
  totalBudgetSatang: satang,
  minGrantSatang: satang,
  maxGrantSatang: satang,
  stageMode: z.enum(CALL_STAGE_MODES),
  eligibility: EligibilityRulesSchema,
};

export const CreateCallBodySchema = z
  .object({
    ...callFields,
    descriptionTh: callFields.descriptionTh.default(''),
    descriptionEn: callFields.descriptionEn.default(''),
    fullClosesAt: callFields.fullClosesAt.default(null),
    minGrantSatang: satang.default(0),
    stageMode: callFields.stageMode.default('single'),
    eligibility: EligibilityRulesSchema.default(EMPTY_RULES),
  })
  .strict();
export type CreateCallBody = z.infer<typeof CreateCallBodySchema>;
export type CreateCallInput = z.input<typeof CreateCallBodySchema>;

export const UpdateCallBodySchema = z
  .object(callFields)
  .partial()
  .extend({ version: z.int().min(1) })
  .strict();
export type UpdateCallBody = z.infer<typeof UpdateCallBodySchema>;

export const CallTransitionSchema = z.enum(['publish', 'close', 'archive', 'reopen']);
export type CallTransition = z.infer<typeof CallTransitionSchema>;

export const CallSummarySchema = z.object({
  id: z.uuid(),
  programmeSlug: z.string(),
  programmeType: z.enum(PROGRAMME_TYPES),
  programmeNameTh: z.string(),
  programmeNameEn: z.string(),
  code: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  fullClosesAt: z.string().nullable(),
  fiscalYear: z.int(),
  totalBudgetSatang: z.number(),
  minGrantSatang: z.number(),
  maxGrantSatang: z.number(),
  stageMode: z.enum(CALL_STAGE_MODES),
  status: z.enum(CALL_STATUSES),
  phase: z.enum(CALL_PHASES),
  eligibility: EligibilityRulesSchema,
  problemStatementCount: z.int(),
});
export type CallSummary = z.infer<typeof CallSummarySchema>;

export const CallFormSchema = z.object({
  id: z.uuid(),
  stage: z.enum(FORM_STAGES),
  version: z.int(),
  definition: FormDefinitionSchema,
  /** Set once a proposal uses this version: from then on edits make a new version. */
  frozenAt: z.string().nullable(),
  createdAt: z.string(),
});
export type CallForm = z.infer<typeof CallFormSchema>;

export const CallDetailSchema = CallSummarySchema.extend({
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  version: z.int(),
  /** Current form of each stage of the call. */
  forms: z.array(CallFormSchema),
  problemStatements: z.array(z.lazy(() => ProblemStatementSchema)),
  abilities: z.object({ edit: z.boolean(), apply: z.boolean(), manageIntake: z.boolean() }),
});
export type CallDetail = z.infer<typeof CallDetailSchema>;

export const CallListQuerySchema = z
  .object({
    phase: z.enum([...CALL_PHASES, 'all']).default('all'),
    /** Officers only: include drafts and archived calls. */
    status: z.enum(CALL_STATUSES).optional(),
    programme: z.string().max(100).optional(),
    theme: z.enum(THEME_CODES).optional(),
    fiscalYear: z.coerce.number().int().min(2500).max(2700).optional(),
  })
  .strict();
export type CallListQuery = z.infer<typeof CallListQuerySchema>;

export const CallIdParamsSchema = z.object({ id: z.uuid() });
export const CallFormParamsSchema = z.object({ id: z.uuid(), stage: z.enum(FORM_STAGES) });

export const SaveCallFormBodySchema = z.object({ definition: FormDefinitionSchema }).strict();
export type SaveCallFormBody = z.infer<typeof SaveCallFormBodySchema>;

// ---- Eligibility (shown to applicants and officers) --------------------------------------------------------------

export const ELIGIBILITY_RULE_NAMES = [
  'organisation_type',
  'area',
  'theme',
  'proposal_limit',
  'budget',
] as const;
export type EligibilityRuleName = (typeof ELIGIBILITY_RULE_NAMES)[number];

export const EligibilityCheckSchema = z.object({
  rule: z.enum(ELIGIBILITY_RULE_NAMES),
  passed: z.boolean(),
  /** i18n key of the reason, e.g. `eligibility.areaFail`; params fill it. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type EligibilityCheck = z.infer<typeof EligibilityCheckSchema>;

export const EligibilityResultSchema = z.object({
  eligible: z.boolean(),
  checks: z.array(EligibilityCheckSchema),
});
export type EligibilityResult = z.infer<typeof EligibilityResultSchema>;

export const EligibilityQuerySchema = z.object({ organisationId: z.uuid() }).strict();

// ---- Problem statements ------------------------------------------------------------------------------------------

export const PROBLEM_STATUSES = ['pending', 'published', 'withdrawn'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const ProblemStatementBodySchema = z
  .object({
    titleTh: text(300).min(1),
    titleEn: text(300).default(''),
    descriptionTh: text(10_000).min(1),
    descriptionEn: text(10_000).default(''),
    provinceCode: z.int().min(10).max(99).nullable().default(null),
    districtCode: z.int().min(1000).max(9999).nullable().default(null),
    theme: z.enum(THEME_CODES).nullable().default(null),
    expectedResultTh: text(5000).default(''),
    expectedResultEn: text(5000).default(''),
    /** When posted on behalf of an organisation (a partner or a local government), which one. */
    ownerOrganisationId: z.uuid().nullable().default(null),
  })
  .strict();
export type ProblemStatementBody = z.infer<typeof ProblemStatementBodySchema>;

export const UpdateProblemStatementBodySchema = ProblemStatementBodySchema.partial()
  .extend({ version: z.int().min(1) })
  .strict();
export type UpdateProblemStatementBody = z.infer<typeof UpdateProblemStatementBodySchema>;

export const ProblemStatementSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  provinceCode: z.int().nullable(),
  districtCode: z.int().nullable(),
  theme: z.enum(THEME_CODES).nullable(),
  expectedResultTh: z.string(),
  expectedResultEn: z.string(),
  ownerOrganisationId: z.uuid().nullable(),
  ownerOrganisationName: z.string().nullable(),
  status: z.enum(PROBLEM_STATUSES),
  version: z.int(),
  createdAt: z.string(),
});
export type ProblemStatement = z.infer<typeof ProblemStatementSchema>;

export const ProblemStatementParamsSchema = z.object({ id: z.uuid() });
