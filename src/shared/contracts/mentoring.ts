import { z } from 'zod';

// SI personnel (facilitators, coaches, mentors), mentoring requests, session logs and the mentee's ratings.

export const PERSONNEL_ROLES = ['facilitator', 'coach', 'mentor'] as const;
export type PersonnelRole = (typeof PERSONNEL_ROLES)[number];
export const PersonnelRoleSchema = z.enum(PERSONNEL_ROLES);

export const EXPERTISE = [
  'innovation',
  'technology',
  'management',
  'finance',
  'marketing',
  'community',
] as const;
export type Expertise = (typeof EXPERTISE)[number];
export const ExpertiseSchema = z.enum(EXPERTISE);

/** open → assigned → closed; or declined (by unit staff or officers) while open. */
export const REQUEST_STATUSES = ['open', 'assigned', 'closed', 'declined'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);

/** The most hours one session may log (a long day of consulting). */
export const SESSION_HOURS_MAX = 12;
export const RATING_MIN = 1;
export const RATING_MAX = 5;

const IsoDateSchema = z.iso.date();
const LongText = (max: number) => z.string().trim().max(max);

// ---- Personnel ---------------------------------------------------------------------------------------------------

/** A person's record: what the registry counts from sessions, activities and projects. */
export const PersonRecordSchema = z.object({
  hoursMentored: z.number(),
  sessions: z.number().int(),
  activitiesFacilitated: z.number().int(),
  projectsSupported: z.number().int(),
  /** Mean satisfaction of rated sessions (1–5), or null when none is rated. */
  averageRating: z.number().nullable(),
  ratings: z.number().int(),
});
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

export const PersonSummarySchema = z.object({
  id: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
  roles: z.array(PersonnelRoleSchema),
  expertise: z.array(ExpertiseSchema),
  drivingUnitId: z.uuid().nullable(),
  drivingUnitNameTh: z.string().nullable(),
  drivingUnitNameEn: z.string().nullable(),
  provinceCode: z.number().int().nullable(),
  isMentor: z.boolean(),
  isActive: z.boolean(),
  record: PersonRecordSchema,
});
export type PersonSummary = z.infer<typeof PersonSummarySchema>;

export const RecognitionSchema = z.object({
  id: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  awardedOn: z.string(),
  note: z.string(),
});
export type Recognition = z.infer<typeof RecognitionSchema>;

export const PersonDetailSchema = PersonSummarySchema.extend({
  bioTh: z.string(),
  bioEn: z.string(),
  /** Whether the person has an account on the platform (the account itself stays private). */
  hasAccount: z.boolean(),
  recognitions: z.array(RecognitionSchema),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean(), recognise: z.boolean() }),
});
export type PersonDetail = z.infer<typeof PersonDetailSchema>;

export const PersonnelListQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    role: PersonnelRoleSchema.optional(),
    expertise: ExpertiseSchema.optional(),
    drivingUnitId: z.uuid().optional(),
    provinceCode: z.coerce.number().int().min(10).max(99).optional(),
    /** Only people open to mentoring requests (the mentor directory). */
    mentors: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type PersonnelListQuery = z.infer<typeof PersonnelListQuerySchema>;

/** The fields of a registry entry, without defaults (an update names only what changes). */
const personFields = {
  nameTh: z.string().trim().min(1).max(200),
  nameEn: z.string().trim().max(200),
  roles: z.array(PersonnelRoleSchema).min(1).max(3),
  expertise: z.array(ExpertiseSchema).max(EXPERTISE.length),
  /** The unit the person works with; unit staff may only choose their own. */
  drivingUnitId: z.uuid().nullable(),
  provinceCode: z.number().int().min(10).max(99).nullable(),
  bioTh: LongText(4000),
  bioEn: LongText(4000),
  isMentor: z.boolean(),
  isActive: z.boolean(),
  /** Links the person to the account with this email (they then see and log their mentoring); null unlinks. */
  accountEmail: z.email().max(254).nullable(),
};

export const PersonBodySchema = z
  .object({
    ...personFields,
    nameEn: personFields.nameEn.default(''),
    expertise: personFields.expertise.default([]),
    drivingUnitId: personFields.drivingUnitId.default(null),
    provinceCode: personFields.provinceCode.default(null),
    bioTh: personFields.bioTh.default(''),
    bioEn: personFields.bioEn.default(''),
    isMentor: personFields.isMentor.default(false),
    isActive: personFields.isActive.default(true),
    accountEmail: personFields.accountEmail.optional(),
  })
  .strict();
export type PersonBody = z.input<typeof PersonBodySchema>;

export const UpdatePersonBodySchema = z
  .object(personFields)
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdatePersonBody = z.input<typeof UpdatePersonBodySchema>;

export const RecognitionBodySchema = z
  .object({
    titleTh: z.string().trim().min(1).max(300),
    titleEn: z.string().trim().max(300).default(''),
    awardedOn: IsoDateSchema,
    note: LongText(1000).default(''),
  })
  .strict();
export type RecognitionBody = z.input<typeof RecognitionBodySchema>;

// ---- Requests and sessions ---------------------------------------------------------------------------------------

export const SessionSchema = z.object({
  id: z.uuid(),
  requestId: z.uuid().nullable(),
  mentorId: z.uuid(),
  mentorNameTh: z.string(),
  mentorNameEn: z.string(),
  heldOn: z.string(),
  topic: z.string(),
  hours: z.number(),
  notes: z.string(),
  followUps: z.string(),
  satisfaction: z.number().int().nullable(),
  satisfactionComment: z.string(),
  ratedAt: z.string().nullable(),
  /** The signed-in person may rate this session (a mentee, not yet rated). */
  canRate: z.boolean(),
});
export type Session = z.infer<typeof SessionSchema>;

export const MentoringRequestSchema = z.object({
  id: z.uuid(),
  status: RequestStatusSchema,
  expertise: ExpertiseSchema,
  topic: z.string(),
  details: z.string(),
  requesterName: z.string(),
  organisationId: z.uuid().nullable(),
  organisationNameTh: z.string().nullable(),
  projectId: z.uuid().nullable(),
  projectTitleTh: z.string().nullable(),
  drivingUnitId: z.uuid().nullable(),
  drivingUnitNameTh: z.string().nullable(),
  drivingUnitNameEn: z.string().nullable(),
  mentorId: z.uuid().nullable(),
  mentorNameTh: z.string().nullable(),
  mentorNameEn: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
  /** How the signed-in person stands to the request. */
  isMine: z.boolean(),
  isMentor: z.boolean(),
  abilities: z.object({ assign: z.boolean(), logSession: z.boolean(), close: z.boolean() }),
});
export type MentoringRequest = z.infer<typeof MentoringRequestSchema>;

export const MentoringRequestDetailSchema = MentoringRequestSchema.extend({
  sessions: z.array(SessionSchema),
});
export type MentoringRequestDetail = z.infer<typeof MentoringRequestDetailSchema>;

export const RequestListQuerySchema = z
  .object({
    status: RequestStatusSchema.optional(),
    /** mine: asked by me or my organisations · mentoring: assigned to me as a mentor · unit: my unit's queue (staff; officers all) */
    view: z.enum(['mine', 'mentoring', 'unit']).optional(),
  })
  .strict();
export type RequestListQuery = z.infer<typeof RequestListQuerySchema>;

export const CreateRequestBodySchema = z
  .object({
    /** The team or organisation asking (the requester must be a member). */
    organisationId: z.uuid().nullable().default(null),
    /** A funded project asking (the requester must be in its organisation); its unit takes the request. */
    projectId: z.uuid().nullable().default(null),
    /** The unit asked, when there is no project. */
    drivingUnitId: z.uuid().nullable().default(null),
    expertise: ExpertiseSchema,
    topic: z.string().trim().min(3).max(300),
    details: LongText(4000).default(''),
  })
  .strict();
export type CreateRequestBody = z.input<typeof CreateRequestBodySchema>;

export const AssignMentorBodySchema = z
  .object({ mentorId: z.uuid(), version: z.number().int().min(1) })
  .strict();
export type AssignMentorBody = z.infer<typeof AssignMentorBodySchema>;

export const RequestStatusBodySchema = z
  .object({ status: z.enum(['closed', 'declined']), version: z.number().int().min(1) })
  .strict();
export type RequestStatusBody = z.infer<typeof RequestStatusBodySchema>;

export const LogSessionBodySchema = z
  .object({
    heldOn: IsoDateSchema,
    topic: z.string().trim().min(3).max(300),
    hours: z.number().positive().max(SESSION_HOURS_MAX).multipleOf(0.25),
    notes: LongText(4000).default(''),
    followUps: LongText(2000).default(''),
  })
  .strict();
export type LogSessionBody = z.input<typeof LogSessionBodySchema>;

export const RateSessionBodySchema = z
  .object({
    satisfaction: z.number().int().min(RATING_MIN).max(RATING_MAX),
    comment: LongText(1000).default(''),
  })
  .strict();
export type RateSessionBody = z.input<typeof RateSessionBodySchema>;

/** Mentors a request may be assigned to (active, open to mentoring, of the request's unit first). */
export const MentorOptionSchema = z.object({
  id: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
  expertise: z.array(ExpertiseSchema),
  drivingUnitId: z.uuid().nullable(),
});
export type MentorOption = z.infer<typeof MentorOptionSchema>;
