import { z } from 'zod';
import { CriterionScoreSchema, RubricCriterionSchema, type RubricCriterion } from './rubrics';

/**
 * Social award contests (Sectoral programme): a contest with award categories, each judged on its own rubric;
 * nominations of a proposal, an innovation (once the catalogue exists) or an open entry; winners announced publicly;
 * a certificate with a verification code for each winner.
 */

const text = (max: number) => z.string().trim().max(max);

export const CONTEST_STATUSES = ['draft', 'open', 'judging', 'announced', 'archived'] as const;
export type ContestStatus = (typeof CONTEST_STATUSES)[number];

/** Commands that move a contest along draft → open → judging → announced → archived. */
export const CONTEST_TRANSITIONS = ['open', 'start_judging', 'announce', 'archive'] as const;
export type ContestTransition = (typeof CONTEST_TRANSITIONS)[number];

export const ENTRY_KINDS = ['proposal', 'innovation', 'open'] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export const ENTRY_STATUSES = ['submitted', 'accepted', 'rejected', 'winner'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const SCORE_STATUSES = ['draft', 'submitted', 'recused'] as const;
export type ScoreStatus = (typeof SCORE_STATUSES)[number];

export const CERTIFICATE_STATUSES = ['valid', 'revoked', 'unknown'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

export const CONTEST_LIMITS = { categories: 20, criteria: 20, places: 10 } as const;

/** Contest code: 2–10 capital letters or digits, starting with a letter, e.g. `SIA`. */
export const ContestCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,9}$/, { message: 'errors.contests.CODE' });

/**
 * A rubric of 1–20 criteria: ids unique, each scale min < max, the comment threshold inside the scale. The same
 * rules as a call's rubric, so the same scoring engine reads both.
 */
export const ContestRubricSchema = z
  .array(RubricCriterionSchema)
  .min(1, { message: 'errors.contests.CRITERIA_COUNT' })
  .max(CONTEST_LIMITS.criteria, { message: 'errors.contests.CRITERIA_COUNT' })
  .superRefine((criteria, ctx) => {
    const seen = new Set<string>();
    criteria.forEach((c, i) => {
      if (seen.has(c.id)) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'errors.contests.CRITERION_DUPLICATE' });
      }
      seen.add(c.id);
      if (c.scaleMin >= c.scaleMax) {
        ctx.addIssue({ code: 'custom', path: [i, 'scaleMax'], message: 'errors.contests.SCALE' });
      } else if (
        c.commentAtOrBelow !== null &&
        (c.commentAtOrBelow < c.scaleMin || c.commentAtOrBelow > c.scaleMax)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'commentAtOrBelow'],
          message: 'errors.contests.COMMENT_THRESHOLD',
        });
      }
    });
  });

/** A starter rubric for a new award category (1–5 scale), in Thai and English. */
export const CONTEST_STARTER_CRITERIA: RubricCriterion[] = [
  {
    id: 'impact',
    nameTh: 'ผลกระทบทางสังคมที่เกิดขึ้นจริง',
    nameEn: 'Social impact achieved',
    guidanceTh: 'มีหลักฐานว่าชุมชนหรือกลุ่มเป้าหมายได้รับประโยชน์ วัดผลได้',
    guidanceEn: 'Evidence that the community or target group benefits, measurably',
    weight: 35,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: 2,
  },
  {
    id: 'innovation',
    nameTh: 'ความใหม่และความสร้างสรรค์',
    nameEn: 'Novelty and creativity',
    guidanceTh: 'แนวทางใหม่ต่อปัญหาเดิม หรือการประยุกต์ที่แตกต่าง',
    guidanceEn: 'A new approach to an old problem, or a distinctive application',
    weight: 25,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: null,
  },
  {
    id: 'scaling',
    nameTh: 'ศักยภาพการขยายผล',
    nameEn: 'Potential to scale',
    guidanceTh: 'นำไปใช้ในพื้นที่อื่นหรือกับกลุ่มอื่นได้',
    guidanceEn: 'Can be taken up in other areas or by other groups',
    weight: 20,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: null,
  },
  {
    id: 'sustainability',
    nameTh: 'ความยั่งยืน',
    nameEn: 'Sustainability',
    guidanceTh: 'ดำเนินต่อได้ด้วยรายได้หรือทรัพยากรของชุมชนเอง',
    guidanceEn: 'Keeps going on its own income or the community’s resources',
    weight: 20,
    scaleMin: 1,
    scaleMax: 5,
    commentAtOrBelow: null,
  },
];

// ---- Contests and categories ---------------------------------------------------------------------------------------

export const ContestCategoryInputSchema = z
  .object({
    /** An existing category's id keeps it (and its entries); none: a new category. */
    id: z.uuid().optional(),
    nameTh: text(200).min(1),
    nameEn: text(200).min(1),
    descriptionTh: text(2000).default(''),
    descriptionEn: text(2000).default(''),
    criteria: ContestRubricSchema,
    places: z.int().min(1).max(CONTEST_LIMITS.places).default(1),
  })
  .strict();
export type ContestCategoryInput = z.input<typeof ContestCategoryInputSchema>;

const contestFields = {
  programmeSlug: z.string().min(1).max(100),
  code: ContestCodeSchema,
  titleTh: text(300).min(1),
  titleEn: text(300).min(1),
  descriptionTh: text(10_000),
  descriptionEn: text(10_000),
  /** Buddhist Era, e.g. 2570. */
  fiscalYear: z.int().min(2500).max(2700),
  nominationsOpenAt: z.iso.datetime({ offset: true }),
  nominationsCloseAt: z.iso.datetime({ offset: true }),
  categories: z
    .array(ContestCategoryInputSchema)
    .min(1, { message: 'errors.contests.CATEGORY_COUNT' })
    .max(CONTEST_LIMITS.categories, { message: 'errors.contests.CATEGORY_COUNT' }),
};

export const CreateContestBodySchema = z
  .object({
    ...contestFields,
    programmeSlug: contestFields.programmeSlug.default('sectoral'),
    descriptionTh: contestFields.descriptionTh.default(''),
    descriptionEn: contestFields.descriptionEn.default(''),
  })
  .strict();
export type CreateContestBody = z.infer<typeof CreateContestBodySchema>;
export type CreateContestInput = z.input<typeof CreateContestBodySchema>;

/** A partial update; `categories`, when given, is the whole new list (ids keep existing categories). */
export const UpdateContestBodySchema = z
  .object({
    version: z.int().min(1),
    code: contestFields.code.optional(),
    titleTh: contestFields.titleTh.optional(),
    titleEn: contestFields.titleEn.optional(),
    descriptionTh: contestFields.descriptionTh.optional(),
    descriptionEn: contestFields.descriptionEn.optional(),
    fiscalYear: contestFields.fiscalYear.optional(),
    nominationsOpenAt: contestFields.nominationsOpenAt.optional(),
    nominationsCloseAt: contestFields.nominationsCloseAt.optional(),
    categories: contestFields.categories.optional(),
  })
  .strict();
export type UpdateContestBody = z.infer<typeof UpdateContestBodySchema>;
export type UpdateContestInput = z.input<typeof UpdateContestBodySchema>;

export const ContestCategorySchema = z.object({
  id: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  criteria: z.array(RubricCriterionSchema),
  places: z.int(),
  position: z.int(),
});
export type ContestCategory = z.infer<typeof ContestCategorySchema>;

export const ContestSummarySchema = z.object({
  id: z.uuid(),
  programmeSlug: z.string(),
  programmeNameTh: z.string(),
  programmeNameEn: z.string(),
  code: z.string(),
  titleTh: z.string(),
  titleEn: z.string(),
  fiscalYear: z.int(),
  nominationsOpenAt: z.string(),
  nominationsCloseAt: z.string(),
  status: z.enum(CONTEST_STATUSES),
  announcedAt: z.string().nullable(),
  categoryCount: z.int(),
});
export type ContestSummary = z.infer<typeof ContestSummarySchema>;

export const ContestDetailSchema = ContestSummarySchema.extend({
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  version: z.int(),
  categories: z.array(ContestCategorySchema),
  /** Whether nominations are taken now (status open and inside the nomination window). */
  nominationsOpen: z.boolean(),
  abilities: z.object({
    manage: z.boolean(),
    nominate: z.boolean(),
    judge: z.boolean(),
  }),
});
export type ContestDetail = z.infer<typeof ContestDetailSchema>;

export const ContestListQuerySchema = z
  .object({
    /** Officers may ask for drafts; everyone else sees open, judging, announced and archived contests. */
    status: z.enum(CONTEST_STATUSES).optional(),
  })
  .strict();
export type ContestListQuery = z.infer<typeof ContestListQuerySchema>;

export const ContestIdParamsSchema = z.object({ id: z.uuid() });
export const ContestCategoryParamsSchema = z.object({ id: z.uuid(), categoryId: z.uuid() });
export const ContestJudgeParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });
export const EntryIdParamsSchema = z.object({ id: z.uuid() });
export const ContestTransitionSchema = z.enum(CONTEST_TRANSITIONS);

// ---- Entries (nominations) -----------------------------------------------------------------------------------------

export const NominateBodySchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('proposal'),
      categoryId: z.uuid(),
      proposalId: z.uuid(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('innovation'),
      categoryId: z.uuid(),
      innovationId: z.uuid(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('open'),
      categoryId: z.uuid(),
      entrantName: text(300).min(1),
      titleTh: text(300).min(1),
      titleEn: text(300).default(''),
      summaryTh: text(3000).min(1),
      summaryEn: text(3000).default(''),
      provinceCode: z.int().min(10).max(99).nullable().default(null),
    })
    .strict(),
]);
export type NominateBody = z.infer<typeof NominateBodySchema>;
export type NominateInput = z.input<typeof NominateBodySchema>;

export const ContestEntrySchema = z.object({
  id: z.uuid(),
  contestId: z.uuid(),
  categoryId: z.uuid(),
  kind: z.enum(ENTRY_KINDS),
  proposalId: z.uuid().nullable(),
  organisationId: z.uuid().nullable(),
  organisationNameTh: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  titleTh: z.string(),
  titleEn: z.string(),
  summaryTh: z.string(),
  summaryEn: z.string(),
  entrantName: z.string(),
  provinceCode: z.int().nullable(),
  status: z.enum(ENTRY_STATUSES),
  place: z.int().nullable(),
  version: z.int(),
  createdAt: z.string(),
  /** Set once the winner's certificate is issued (officers and the nominator only). */
  certificateCode: z.string().nullable(),
});
export type ContestEntry = z.infer<typeof ContestEntrySchema>;

export const EntryDecisionBodySchema = z
  .object({
    decision: z.enum(['accept', 'reject']),
    version: z.int().min(1),
  })
  .strict();
export type EntryDecisionBody = z.infer<typeof EntryDecisionBodySchema>;

/** A proposal the signed-in member may nominate (submitted, of one of their organisations). */
export const NominableProposalSchema = z.object({
  id: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  receiptNumber: z.string().nullable(),
  organisationNameTh: z.string(),
});
export type NominableProposal = z.infer<typeof NominableProposalSchema>;

// ---- Judges and scores ---------------------------------------------------------------------------------------------

export const AddJudgeBodySchema = z.object({ userId: z.uuid() }).strict();

export const ContestJudgeSchema = z.object({
  judgeId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  addedAt: z.string(),
  submitted: z.int(),
  recused: z.int(),
});
export type ContestJudge = z.infer<typeof ContestJudgeSchema>;

export const JudgeCandidateSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
});
export type JudgeCandidate = z.infer<typeof JudgeCandidateSchema>;

export const ScoreBodySchema = z
  .object({
    scores: z.record(z.string().max(40), CriterionScoreSchema),
    comment: text(5000).default(''),
  })
  .strict();
export type ScoreBody = z.infer<typeof ScoreBodySchema>;
export type ScoreInput = z.input<typeof ScoreBodySchema>;

export const ConflictBodySchema = z.object({ statement: text(2000).min(1) }).strict();

export const ContestScoreSchema = z.object({
  id: z.uuid(),
  entryId: z.uuid(),
  status: z.enum(SCORE_STATUSES),
  scores: z.record(z.string(), z.object({ score: z.number().nullable(), comment: z.string() })),
  comment: z.string(),
  weightedScore: z.number().nullable(),
  submittedAt: z.string().nullable(),
  version: z.int(),
});
export type ContestScore = z.infer<typeof ContestScoreSchema>;

/** A contest as one judge sees it: the categories, the accepted entries and the judge's own scores. */
export const JudgingSheetSchema = z.object({
  contest: ContestSummarySchema,
  categories: z.array(
    ContestCategorySchema.extend({
      entries: z.array(
        z.object({
          entry: ContestEntrySchema.omit({ certificateCode: true }),
          myScore: ContestScoreSchema.nullable(),
          /** The judge belongs to the entrant organisation: they cannot score it. */
          ownOrganisation: z.boolean(),
        }),
      ),
    }),
  ),
});
export type JudgingSheet = z.infer<typeof JudgingSheetSchema>;

/** A contest the signed-in judge judges, with how far they are. */
export const MyJudgingSchema = ContestSummarySchema.extend({
  entries: z.int(),
  submitted: z.int(),
  recused: z.int(),
});
export type MyJudging = z.infer<typeof MyJudgingSchema>;

// ---- Ranking, winners, announcement, certificates ------------------------------------------------------------------

export const RankingRowSchema = z.object({
  entryId: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  entrantName: z.string(),
  provinceCode: z.int().nullable(),
  status: z.enum(ENTRY_STATUSES),
  place: z.int().nullable(),
  submitted: z.int(),
  recused: z.int(),
  /** Mean of the judges' weighted scores (0–100); null until one is in. */
  meanScore: z.number().nullable(),
  /** The mean after judge calibration (z-scores within the contest, rescaled to 0–100); ranks the entries. */
  calibrated: z.number().nullable(),
  minScore: z.number().nullable(),
  maxScore: z.number().nullable(),
  rank: z.int().nullable(),
});
export type RankingRow = z.infer<typeof RankingRowSchema>;

export const CategoryRankingSchema = z.object({
  category: ContestCategorySchema,
  rows: z.array(RankingRowSchema),
});
export const ContestRankingSchema = z.object({
  judges: z.int(),
  categories: z.array(CategoryRankingSchema),
});
export type ContestRanking = z.infer<typeof ContestRankingSchema>;

export const WinnersBodySchema = z
  .object({
    winners: z
      .array(z.object({ entryId: z.uuid(), place: z.int().min(1).max(CONTEST_LIMITS.places) }).strict())
      .max(CONTEST_LIMITS.places),
  })
  .strict();
export type WinnersBody = z.infer<typeof WinnersBodySchema>;

export const PublicWinnerSchema = z.object({
  entryId: z.uuid(),
  place: z.int(),
  titleTh: z.string(),
  titleEn: z.string(),
  summaryTh: z.string(),
  summaryEn: z.string(),
  entrantName: z.string(),
  organisationNameTh: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  provinceCode: z.int().nullable(),
});
export type PublicWinner = z.infer<typeof PublicWinnerSchema>;

export const ContestWinnersSchema = z.object({
  contest: ContestSummarySchema.extend({ descriptionTh: z.string(), descriptionEn: z.string() }),
  categories: z.array(
    z.object({
      id: z.uuid(),
      nameTh: z.string(),
      nameEn: z.string(),
      winners: z.array(PublicWinnerSchema),
    }),
  ),
});
export type ContestWinners = z.infer<typeof ContestWinnersSchema>;

export const CertificateCodeParamsSchema = z.object({
  /** 10 characters of Crockford base32; checked case-insensitively. */
  code: z.string().trim().min(1).max(40),
});

export const CertificateVerificationSchema = z.object({
  status: z.enum(CERTIFICATE_STATUSES),
  code: z.string(),
  recipientName: z.string().nullable(),
  contestTitleTh: z.string().nullable(),
  contestTitleEn: z.string().nullable(),
  categoryNameTh: z.string().nullable(),
  categoryNameEn: z.string().nullable(),
  entryTitleTh: z.string().nullable(),
  place: z.int().nullable(),
  issuedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type CertificateVerification = z.infer<typeof CertificateVerificationSchema>;

export const RevokeCertificateBodySchema = z.object({ reason: text(2000).min(1) }).strict();

export const CertificateLangQuerySchema = z.object({ lang: z.enum(['th', 'en']).optional() }).strict();
