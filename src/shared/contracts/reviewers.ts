import { z } from 'zod';
import { ProposalListingSchema } from './common';
import { THEME_CODES } from '@shared/reference/themes';
import { FORM_STAGES } from './calls';

// ---- Review settings per call ---------------------------------------------------------------------------------------

export const ReviewSettingsSchema = z.object({
  callId: z.uuid(),
  reviewersPerProposal: z.int(),
  sameProvinceConflict: z.boolean(),
  blindApplicants: z.boolean(),
  hideOtherReviews: z.boolean(),
  shareFeedback: z.boolean(),
  hasPanel: z.boolean(),
  disagreementPoints: z.int(),
  peoplesChoice: z.boolean(),
  /** ISO timestamps, or null. */
  peoplesChoiceOpensAt: z.string().nullable(),
  peoplesChoiceClosesAt: z.string().nullable(),
  /** 0 while the call still uses the defaults (no row yet); send it back as `version` when changing. */
  version: z.int(),
});
export type ReviewSettings = z.infer<typeof ReviewSettingsSchema>;

export const UpdateReviewSettingsBodySchema = z
  .object({
    version: z.int().min(0),
    reviewersPerProposal: z.int().min(1).max(10).optional(),
    sameProvinceConflict: z.boolean().optional(),
    blindApplicants: z.boolean().optional(),
    hideOtherReviews: z.boolean().optional(),
    shareFeedback: z.boolean().optional(),
    hasPanel: z.boolean().optional(),
    disagreementPoints: z.int().min(1).max(100).optional(),
    peoplesChoice: z.boolean().optional(),
    peoplesChoiceOpensAt: z.iso.datetime({ offset: true }).nullable().optional(),
    peoplesChoiceClosesAt: z.iso.datetime({ offset: true }).nullable().optional(),
  })
  .strict();
export type UpdateReviewSettingsBody = z.infer<typeof UpdateReviewSettingsBodySchema>;

// ---- Reviewer profiles and standing conflicts -----------------------------------------------------------------------

export const REVIEWER_LANGUAGES = ['th', 'en'] as const;
export type ReviewerLanguage = (typeof REVIEWER_LANGUAGES)[number];

export const ReviewerConflictSchema = z.object({
  organisationId: z.uuid(),
  organisationNameTh: z.string(),
  organisationNameEn: z.string().nullable(),
  reason: z.string(),
  createdAt: z.string(),
});
export type ReviewerConflict = z.infer<typeof ReviewerConflictSchema>;

export const ReviewerProfileSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  themes: z.array(z.enum(THEME_CODES)),
  provinceCodes: z.array(z.int()),
  affiliation: z.string(),
  expertiseTh: z.string(),
  expertiseEn: z.string(),
  languages: z.array(z.enum(REVIEWER_LANGUAGES)),
  maxLoad: z.int(),
  isActive: z.boolean(),
  /** Active and undeclared assignments across calls. */
  activeLoad: z.int(),
  conflicts: z.array(ReviewerConflictSchema),
  /** 0 while the reviewer has not saved a profile yet. */
  version: z.int(),
});
export type ReviewerProfile = z.infer<typeof ReviewerProfileSchema>;

export const SaveReviewerProfileBodySchema = z
  .object({
    version: z.int().min(0),
    themes: z.array(z.enum(THEME_CODES)).max(THEME_CODES.length),
    provinceCodes: z.array(z.int().min(10).max(99)).max(77),
    affiliation: z.string().trim().max(300),
    expertiseTh: z.string().trim().max(2000),
    expertiseEn: z.string().trim().max(2000),
    languages: z.array(z.enum(REVIEWER_LANGUAGES)).min(1).max(REVIEWER_LANGUAGES.length),
    maxLoad: z.int().min(0).max(200),
    isActive: z.boolean(),
  })
  .strict();
export type SaveReviewerProfileBody = z.infer<typeof SaveReviewerProfileBodySchema>;

export const AddReviewerConflictBodySchema = z
  .object({
    organisationId: z.uuid(),
    reason: z.string().trim().max(1000).default(''),
  })
  .strict();
export type AddReviewerConflictBody = z.infer<typeof AddReviewerConflictBodySchema>;

export const ReviewerConflictParamsSchema = z.object({ organisationId: z.uuid() });
export const ReviewerUserParamsSchema = z.object({ userId: z.uuid() });

export const ReviewerListQuerySchema = z
  .object({
    theme: z.enum(THEME_CODES).optional(),
    province: z.coerce.number().int().min(10).max(99).optional(),
    search: z.string().trim().max(200).optional(),
    /** Show how each reviewer stands with this call (invited / accepted / declined). */
    callId: z.uuid().optional(),
  })
  .strict();
export type ReviewerListQuery = z.infer<typeof ReviewerListQuerySchema>;

export const INVITATION_STATUSES = ['invited', 'accepted', 'declined'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const ReviewerListItemSchema = ReviewerProfileSchema.omit({ conflicts: true }).extend({
  conflictCount: z.int(),
  /** Only when the list was asked for a call. */
  invitationStatus: z.enum(INVITATION_STATUSES).nullable(),
});
export type ReviewerListItem = z.infer<typeof ReviewerListItemSchema>;

/** An officer's changes to a reviewer's profile (the reviewer's own fields, without the version dance of theirs). */
export const UpdateReviewerBodySchema = SaveReviewerProfileBodySchema.partial()
  .extend({ version: z.int().min(0) })
  .strict();
export type UpdateReviewerBody = z.infer<typeof UpdateReviewerBodySchema>;

// ---- Invitations to review a call -----------------------------------------------------------------------------------

export const InviteReviewersBodySchema = z
  .object({
    reviewerIds: z.array(z.uuid()).min(1).max(200),
    message: z.string().trim().max(2000).default(''),
  })
  .strict();
export type InviteReviewersBody = z.infer<typeof InviteReviewersBodySchema>;

export const CallReviewerSchema = z.object({
  reviewerId: z.uuid(),
  name: z.string(),
  email: z.string(),
  affiliation: z.string(),
  themes: z.array(z.enum(THEME_CODES)),
  status: z.enum(INVITATION_STATUSES),
  invitedAt: z.string(),
  respondedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  /** Active or pending assignments in this call. */
  assignedInCall: z.int(),
  activeLoad: z.int(),
  maxLoad: z.int(),
});
export type CallReviewer = z.infer<typeof CallReviewerSchema>;

export const InviteResultSchema = z.object({
  invited: z.array(z.uuid()),
  failed: z.array(z.object({ id: z.uuid(), code: z.string(), message: z.string() })),
});
export type InviteResult = z.infer<typeof InviteResultSchema>;

export const CallReviewerParamsSchema = z.object({ id: z.uuid(), userId: z.uuid() });

export const DeclineInvitationBodySchema = z
  .object({ reason: z.string().trim().max(1000).default('') })
  .strict();
export type DeclineInvitationBody = z.infer<typeof DeclineInvitationBodySchema>;

export const ReviewInvitationSchema = z.object({
  callId: z.uuid(),
  callCode: z.string(),
  callTitleTh: z.string(),
  callTitleEn: z.string(),
  fiscalYear: z.int(),
  status: z.enum(INVITATION_STATUSES),
  invitedAt: z.string(),
  respondedAt: z.string().nullable(),
});
export type ReviewInvitation = z.infer<typeof ReviewInvitationSchema>;

// ---- Assignments ----------------------------------------------------------------------------------------------------

export const ASSIGNMENT_STATUSES = ['pending_coi', 'active', 'recused', 'declined', 'removed'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];
export const REVIEW_STAGES = FORM_STAGES;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const ReviewStageSchema = z.enum(REVIEW_STAGES);

/** Why a reviewer was assigned, shown to officers. */
export const AssignmentReasonSchema = z.object({
  /** auto: picked by the automatic assignment; manual: by an officer; replacement: after a decline or recusal. */
  rule: z.enum(['auto', 'manual', 'replacement']),
  themeMatches: z.array(z.string()).default([]),
  /** The reviewer's active assignments across calls when picked. */
  load: z.int().default(0),
  maxLoad: z.int().nullable().default(null),
  note: z.string().default(''),
  /** The assignment this one replaces. */
  replaces: z.uuid().nullable().default(null),
});
export type AssignmentReason = z.infer<typeof AssignmentReasonSchema>;

export const AssignmentSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  proposalId: z.uuid(),
  stage: ReviewStageSchema,
  reviewerId: z.uuid(),
  reviewerName: z.string(),
  reviewerEmail: z.string(),
  status: z.enum(ASSIGNMENT_STATUSES),
  origin: z.enum(['auto', 'manual']),
  reason: AssignmentReasonSchema,
  coiStatement: z.string().nullable(),
  coiDeclaredAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  replacedBy: z.uuid().nullable(),
  /** The review's status (H2's reviews table), when one exists. */
  reviewStatus: z.string().nullable(),
  createdAt: z.string(),
  version: z.int(),
});
export type Assignment = z.infer<typeof AssignmentSchema>;

export const ProposalAssignmentsSchema = ProposalListingSchema.extend({
  provinceCodes: z.array(z.int()),
  themes: z.array(z.string()),
  /** How many active or pending reviewers; compare with settings.reviewersPerProposal. */
  assignedCount: z.int(),
  assignments: z.array(AssignmentSchema),
});
export type ProposalAssignments = z.infer<typeof ProposalAssignmentsSchema>;

/** One proposal's assignments as its page shows them to officers: the call, the stage and whether it is up for review. */
export const ProposalAssignmentsDetailSchema = ProposalAssignmentsSchema.extend({
  callId: z.uuid(),
  stage: ReviewStageSchema,
  /** Submitted, in the review phase and at this stage: reviewers can be added. */
  isUpForReview: z.boolean(),
});
export type ProposalAssignmentsDetail = z.infer<typeof ProposalAssignmentsDetailSchema>;

/** The stage whose assignments to list; the proposal's own stage when left out. */
export const ProposalAssignmentsQuerySchema = z.object({ stage: ReviewStageSchema.optional() }).strict();
export type ProposalAssignmentsQuery = z.infer<typeof ProposalAssignmentsQuerySchema>;

export const CallAssignmentsQuerySchema = z.object({ stage: ReviewStageSchema.default('proposal') }).strict();
export type CallAssignmentsQuery = z.infer<typeof CallAssignmentsQuerySchema>;

export const AutoAssignBodySchema = z.object({ stage: ReviewStageSchema }).strict();
export type AutoAssignBody = z.infer<typeof AutoAssignBodySchema>;

export const AutoAssignResultSchema = z.object({
  created: z.int(),
  /** Proposals that could not get enough non-conflicted reviewers: how many are still missing. */
  shortfalls: z.array(z.object({ proposalId: z.uuid(), missing: z.int() })),
});
export type AutoAssignResult = z.infer<typeof AutoAssignResultSchema>;

export const ManualAssignBodySchema = z
  .object({
    proposalId: z.uuid(),
    reviewerId: z.uuid(),
    stage: ReviewStageSchema,
    note: z.string().trim().max(1000).default(''),
  })
  .strict();
export type ManualAssignBody = z.infer<typeof ManualAssignBodySchema>;

export const RemoveAssignmentBodySchema = z
  .object({ reason: z.string().trim().max(1000).default('') })
  .strict();
export type RemoveAssignmentBody = z.infer<typeof RemoveAssignmentBodySchema>;

// ---- The reviewer's side --------------------------------------------------------------------------------------------

export const MyAssignmentSchema = z.object({
  id: z.uuid(),
  callId: z.uuid(),
  callCode: z.string(),
  callTitleTh: z.string(),
  callTitleEn: z.string(),
  proposalId: z.uuid(),
  stage: ReviewStageSchema,
  titleTh: z.string(),
  titleEn: z.string(),
  /** Null when the call hides applicants from reviewers. */
  organisationNameTh: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  isBlind: z.boolean(),
  status: z.enum(ASSIGNMENT_STATUSES),
  reviewStatus: z.string().nullable(),
  coiDeclaredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MyAssignment = z.infer<typeof MyAssignmentSchema>;

export const MyReviewsSchema = z.object({
  invitations: z.array(ReviewInvitationSchema),
  assignments: z.array(MyAssignmentSchema),
});
export type MyReviews = z.infer<typeof MyReviewsSchema>;

export const DeclareConflictBodySchema = z
  .object({
    hasConflict: z.boolean(),
    statement: z.string().trim().max(2000).default(''),
  })
  .strict();
export type DeclareConflictBody = z.infer<typeof DeclareConflictBodySchema>;

export const DeclineAssignmentBodySchema = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();
export type DeclineAssignmentBody = z.infer<typeof DeclineAssignmentBodySchema>;

export const AssignmentAttachmentParamsSchema = z.object({ id: z.uuid(), attachmentId: z.uuid() });

export const ReviewerAttachmentSchema = z.object({
  id: z.uuid(),
  questionId: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.int(),
});

/** The proposal as its reviewer reads it (blind mode: identifying answers and names taken out). */
export const ReviewerProposalSchema = z.object({
  assignmentId: z.uuid(),
  proposalId: z.uuid(),
  callId: z.uuid(),
  callCode: z.string(),
  callTitleTh: z.string(),
  callTitleEn: z.string(),
  stage: ReviewStageSchema,
  titleTh: z.string(),
  titleEn: z.string(),
  isBlind: z.boolean(),
  organisationNameTh: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  coApplicants: z.array(z.object({ nameTh: z.string(), nameEn: z.string().nullable() })),
  requestedSatang: z.int(),
  provinceCodes: z.array(z.int()),
  themes: z.array(z.string()),
  submittedAt: z.string().nullable(),
  /** The form definition of the proposal's stage (FormDefinition, see contracts/forms). */
  definition: z.unknown(),
  answers: z.record(z.string(), z.unknown()),
  /** Question ids whose answers were withheld in blind mode. */
  redactedQuestionIds: z.array(z.string()),
  attachments: z.array(ReviewerAttachmentSchema),
});
export type ReviewerProposal = z.infer<typeof ReviewerProposalSchema>;

export const AssignmentParamsSchema = z.object({ id: z.uuid() });
