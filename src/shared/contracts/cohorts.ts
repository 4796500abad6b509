import { z } from 'zod';

/**
 * Incubation cohorts of a driving unit, their members, and capacity assessment: a pre/post questionnaire of Likert
 * items per cohort whose items lock once anyone has answered, one answer per member and phase, and the change.
 */

/** Who a cohort is for (the same values as activities' audiences, so the two read alike). */
export const COHORT_AUDIENCES = [
  'community',
  'community_enterprise',
  'youth',
  'social_entrepreneur',
  'local_government',
  'academic',
  'civil_society',
  'general_public',
] as const;
export type CohortAudience = (typeof COHORT_AUDIENCES)[number];

/** Before the incubation and after it. */
export const ASSESSMENT_PHASES = ['pre', 'post'] as const;
export type AssessmentPhase = (typeof ASSESSMENT_PHASES)[number];

export const COHORT_LIMITS = {
  name: 300,
  description: 5000,
  membersMax: 500,
  itemsMin: 1,
  itemsMax: 40,
  itemText: 500,
  scalePointsMin: 3,
  scalePointsMax: 10,
  /** Fiscal years (Buddhist Era) a cohort may belong to. */
  fiscalYearMin: 2560,
  fiscalYearMax: 2600,
} as const;

const version = z.int().min(1);
const isoDate = z.iso.date();
const text = (max: number) => z.string().trim().max(max);
const fiscalYear = z.coerce.number().int().min(COHORT_LIMITS.fiscalYearMin).max(COHORT_LIMITS.fiscalYearMax);
/** Item ids are short and safe as JSON keys and in CSV headers. */
const itemId = z.string().regex(/^[a-z0-9_-]{1,40}$/);

// ---- Cohorts -------------------------------------------------------------------------------------------------------

const cohortFields = {
  programmeId: z.uuid().nullable().default(null),
  nameTh: text(COHORT_LIMITS.name).min(1),
  nameEn: text(COHORT_LIMITS.name).default(''),
  descriptionTh: text(COHORT_LIMITS.description).default(''),
  descriptionEn: text(COHORT_LIMITS.description).default(''),
  fiscalYear,
  startsOn: isoDate.nullable().default(null),
  endsOn: isoDate.nullable().default(null),
  audiences: z.array(z.enum(COHORT_AUDIENCES)).max(COHORT_AUDIENCES.length).default([]),
};

/** A new cohort; unit staff make them for their own unit (the unit may be left out), officers for any unit. */
export const CreateCohortBodySchema = z
  .object({ drivingUnitId: z.uuid().optional(), ...cohortFields })
  .strict();
export type CreateCohortBody = z.infer<typeof CreateCohortBodySchema>;

/** A cohort's details replaced, at its current version. */
export const UpdateCohortBodySchema = z.object({ version, ...cohortFields }).strict();
export type UpdateCohortBody = z.infer<typeof UpdateCohortBodySchema>;

export const CohortListQuerySchema = z
  .object({
    fiscalYear: fiscalYear.optional(),
    drivingUnitId: z.uuid().optional(),
  })
  .strict();
export type CohortListQuery = z.infer<typeof CohortListQuerySchema>;

/** The actor's place in a cohort (the list shows members their own state). */
export const MyAssessmentStateSchema = z.object({
  isMember: z.boolean(),
  answeredPre: z.boolean(),
  answeredPost: z.boolean(),
});
export type MyAssessmentState = z.infer<typeof MyAssessmentStateSchema>;

export const CohortSummarySchema = z.object({
  id: z.uuid(),
  drivingUnitId: z.uuid(),
  drivingUnitNameTh: z.string(),
  drivingUnitNameEn: z.string(),
  programmeId: z.uuid().nullable(),
  programmeNameTh: z.string().nullable(),
  programmeNameEn: z.string().nullable(),
  nameTh: z.string(),
  nameEn: z.string(),
  fiscalYear: z.int(),
  startsOn: z.string().nullable(),
  endsOn: z.string().nullable(),
  audiences: z.array(z.enum(COHORT_AUDIENCES)),
  memberCount: z.int(),
  hasQuestionnaire: z.boolean(),
  me: MyAssessmentStateSchema,
});
export type CohortSummary = z.infer<typeof CohortSummarySchema>;

export const CohortListSchema = z.array(CohortSummarySchema);
export type CohortList = z.infer<typeof CohortListSchema>;

export const CohortMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationNameTh: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  joinedAt: z.string(),
  answeredPre: z.boolean(),
  answeredPost: z.boolean(),
});
export type CohortMember = z.infer<typeof CohortMemberSchema>;

export const CohortAbilitiesSchema = z.object({
  /** Edit details, add and remove members, set the questionnaire, see results (the unit's staff, officers). */
  manage: z.boolean(),
  /** Answer the questionnaire (members). */
  answer: z.boolean(),
});
export type CohortAbilities = z.infer<typeof CohortAbilitiesSchema>;

/** A cohort's page: the members are listed only to those who manage it. */
export const CohortDetailSchema = CohortSummarySchema.extend({
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  members: z.array(CohortMemberSchema),
  version: z.int(),
  abilities: CohortAbilitiesSchema,
});
export type CohortDetail = z.infer<typeof CohortDetailSchema>;

// ---- Members -------------------------------------------------------------------------------------------------------

/** A person added by the email of their account, optionally for an organisation they belong to. */
export const AddMemberBodySchema = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email()),
    organisationId: z.uuid().nullable().default(null),
  })
  .strict();
export type AddMemberBody = z.infer<typeof AddMemberBodySchema>;

export const MemberLookupQuerySchema = z
  .object({ email: z.string().trim().toLowerCase().pipe(z.email()) })
  .strict();
export type MemberLookupQuery = z.infer<typeof MemberLookupQuerySchema>;

/** Who an email belongs to, and the organisations they are a member of (to add them for one). */
export const MemberLookupSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  isMember: z.boolean(),
  organisations: z.array(z.object({ id: z.uuid(), nameTh: z.string(), nameEn: z.string().nullable() })),
});
export type MemberLookup = z.infer<typeof MemberLookupSchema>;

export const CohortMemberParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

// ---- Questionnaire --------------------------------------------------------------------------------------------------

export const AssessmentItemSchema = z.object({ id: itemId, textTh: z.string(), textEn: z.string() });
export type AssessmentItem = z.infer<typeof AssessmentItemSchema>;

export const AssessmentItemInputSchema = z
  .object({
    /** Kept when editing an item; a new item gets one. */
    id: itemId.optional(),
    textTh: text(COHORT_LIMITS.itemText).min(1),
    textEn: text(COHORT_LIMITS.itemText).default(''),
  })
  .strict();
export type AssessmentItemInput = z.infer<typeof AssessmentItemInputSchema>;

/** The questionnaire made or replaced; `version` is null to make it, else its current version. */
export const SaveQuestionnaireBodySchema = z
  .object({
    version: version.nullable(),
    titleTh: text(COHORT_LIMITS.name).min(1),
    titleEn: text(COHORT_LIMITS.name).default(''),
    scalePoints: z.int().min(COHORT_LIMITS.scalePointsMin).max(COHORT_LIMITS.scalePointsMax),
    items: z.array(AssessmentItemInputSchema).min(COHORT_LIMITS.itemsMin).max(COHORT_LIMITS.itemsMax),
  })
  .strict();
export type SaveQuestionnaireBody = z.infer<typeof SaveQuestionnaireBodySchema>;

export const QuestionnaireSchema = z.object({
  id: z.uuid(),
  cohortId: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  scalePoints: z.int(),
  items: z.array(AssessmentItemSchema),
  /** Set at the first answer: from then on the items and the scale stay as they are. */
  lockedAt: z.string().nullable(),
  responseCounts: z.object({ pre: z.int(), post: z.int() }),
  version: z.int(),
});
export type Questionnaire = z.infer<typeof QuestionnaireSchema>;

/** What a member sees to answer: the questionnaire and their own answers so far. */
export const MyAssessmentSchema = z.object({
  cohortId: z.uuid(),
  cohortNameTh: z.string(),
  cohortNameEn: z.string(),
  questionnaire: QuestionnaireSchema.omit({ responseCounts: true }).nullable(),
  responses: z.object({
    pre: z.object({ answers: z.record(z.string(), z.int()), submittedAt: z.string() }).nullable(),
    post: z.object({ answers: z.record(z.string(), z.int()), submittedAt: z.string() }).nullable(),
  }),
  /** The person's own change, once both phases are answered. */
  change: z.number().nullable(),
  abilities: CohortAbilitiesSchema,
});
export type MyAssessment = z.infer<typeof MyAssessmentSchema>;

/** One phase's answers: every item, each a whole point of the scale. */
export const SubmitResponseBodySchema = z
  .object({
    phase: z.enum(ASSESSMENT_PHASES),
    answers: z.record(itemId, z.int().min(1).max(COHORT_LIMITS.scalePointsMax)),
  })
  .strict();
export type SubmitResponseBody = z.infer<typeof SubmitResponseBodySchema>;

// ---- Results --------------------------------------------------------------------------------------------------------

export const ItemChangeSchema = z.object({
  itemId: z.string(),
  pre: z.number().nullable(),
  post: z.number().nullable(),
  change: z.number().nullable(),
});

export const ParticipantResultSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  organisationNameTh: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  preMean: z.number().nullable(),
  postMean: z.number().nullable(),
  change: z.number().nullable(),
  items: z.array(ItemChangeSchema),
});
export type ParticipantResult = z.infer<typeof ParticipantResultSchema>;

/** The change per participant and for the cohort (means over the paired members; shares 0–1). */
export const AssessmentResultsSchema = z.object({
  cohortId: z.uuid(),
  cohortNameTh: z.string(),
  cohortNameEn: z.string(),
  fiscalYear: z.int(),
  memberCount: z.int(),
  questionnaire: QuestionnaireSchema.nullable(),
  cohort: z.object({
    preCount: z.int(),
    postCount: z.int(),
    pairedCount: z.int(),
    preMean: z.number().nullable(),
    postMean: z.number().nullable(),
    meanChange: z.number().nullable(),
    improvedShare: z.number().nullable(),
    unchangedShare: z.number().nullable(),
    declinedShare: z.number().nullable(),
    items: z.array(ItemChangeSchema),
  }),
  participants: z.array(ParticipantResultSchema),
});
export type AssessmentResults = z.infer<typeof AssessmentResultsSchema>;

export const RESULTS_EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ResultsExportFormat = (typeof RESULTS_EXPORT_FORMATS)[number];

/** An export of a cohort's results as a background job: XLSX (summary and members) or CSV, in Thai or English. */
export const ResultsExportBodySchema = z
  .object({ format: z.enum(RESULTS_EXPORT_FORMATS), lang: z.enum(['th', 'en']) })
  .strict();
export type ResultsExportBody = z.infer<typeof ResultsExportBodySchema>;
