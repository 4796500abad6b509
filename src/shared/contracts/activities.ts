import { z } from 'zod';

/**
 * Incubation activities run by driving units (workshops, bootcamps, clinics …): a public events calendar,
 * registration with a waitlist, attendance (staff, a one-time code or its QR code) and completion certificates that
 * anyone can verify by their code.
 */

const text = (max: number) => z.string().trim().max(max);
const version = z.int().min(1);
const dateTime = z.iso.datetime({ offset: true });

export const ACTIVITY_KINDS = [
  'training_workshop',
  'bootcamp',
  'clinic',
  'study_visit',
  'creative_activity',
  'pitching_day',
  'online_session',
] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** draft → published → completed, or draft|published → cancelled. */
export const ACTIVITY_STATUSES = ['draft', 'published', 'completed', 'cancelled'] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** Commands on an activity. */
export const ACTIVITY_TRANSITIONS = ['publish', 'cancel', 'complete'] as const;
export type ActivityTransition = (typeof ACTIVITY_TRANSITIONS)[number];

/** Who an activity is for. */
export const ACTIVITY_AUDIENCES = [
  'community',
  'community_enterprise',
  'youth',
  'social_entrepreneur',
  'local_government',
  'academic',
  'civil_society',
  'general_public',
] as const;
export type ActivityAudience = (typeof ACTIVITY_AUDIENCES)[number];

export const REGISTRATION_STATUSES = ['registered', 'waitlisted', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

export const ATTENDANCE_METHODS = ['staff', 'code', 'qr'] as const;
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number];

export const ACTIVITY_CERTIFICATE_STATUSES = ['valid', 'revoked', 'unknown'] as const;
export type ActivityCertificateStatus = (typeof ACTIVITY_CERTIFICATE_STATUSES)[number];

export const FACILITATOR_ROLES = ['facilitator', 'coach', 'speaker'] as const;
export type FacilitatorRole = (typeof FACILITATOR_ROLES)[number];

/** Attendance codes: 6 characters without look-alikes (no 0/O, 1/I/L). */
export const ATTENDANCE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ATTENDANCE_CODE_LENGTH = 6;

export const ACTIVITY_LIMITS = {
  title: 300,
  description: 10_000,
  venue: 500,
  capacityMax: 5000,
  hoursMax: 500,
  facilitatorsMax: 30,
  listMax: 200,
  /** How long a fresh attendance code works by default, and at most. */
  attendanceCodeDefaultMinutes: 180,
  attendanceCodeMaxMinutes: 24 * 60,
  /** Reminder emails go this many hours before the start. */
  reminderHoursBefore: 24,
} as const;

// ---- Editing (unit staff, officers) -------------------------------------------------------------------------------

export const FacilitatorInputSchema = z
  .object({ personId: z.uuid(), role: z.enum(FACILITATOR_ROLES).default('facilitator') })
  .strict();
export type FacilitatorInput = z.infer<typeof FacilitatorInputSchema>;

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  titleTh: text(ACTIVITY_LIMITS.title).min(1),
  titleEn: text(ACTIVITY_LIMITS.title).default(''),
  descriptionTh: text(ACTIVITY_LIMITS.description).default(''),
  descriptionEn: text(ACTIVITY_LIMITS.description).default(''),
  startsAt: dateTime,
  endsAt: dateTime,
  provinceCode: z.int().min(10).max(99).nullable().default(null),
  districtCode: z.int().min(1000).max(9999).nullable().default(null),
  venue: text(ACTIVITY_LIMITS.venue).default(''),
  onlineUrl: z
    .url({ protocol: /^https?$/ })
    .max(1000)
    .nullable()
    .default(null),
  capacity: z.int().min(1).max(ACTIVITY_LIMITS.capacityMax),
  audiences: z.array(z.enum(ACTIVITY_AUDIENCES)).max(ACTIVITY_AUDIENCES.length).default([]),
  registrationClosesAt: dateTime.nullable().default(null),
  hours: z.number().min(0).max(ACTIVITY_LIMITS.hoursMax).multipleOf(0.25).default(0),
  givesCertificate: z.boolean().default(true),
  cohortId: z.uuid().nullable().default(null),
  facilitators: z.array(FacilitatorInputSchema).max(ACTIVITY_LIMITS.facilitatorsMax).default([]),
};

/**
 * A new activity (a draft). Unit staff create them for their own unit (drivingUnitId may be omitted); officers name the
 * unit. The service checks: ends after it starts, a place (province) or an online link, registration closes before
 * the end, the district inside the province, facilitators exist.
 */
export const CreateActivityBodySchema = z
  .object({ drivingUnitId: z.uuid().optional(), ...activityFields })
  .strict();
export type CreateActivityBody = z.infer<typeof CreateActivityBodySchema>;

/** The whole editable activity again (a PUT-like PATCH), with the version read. Capacity may not drop below seats taken. */
export const UpdateActivityBodySchema = z.object({ version, ...activityFields }).strict();
export type UpdateActivityBody = z.infer<typeof UpdateActivityBodySchema>;

export const ActivityVersionBodySchema = z.object({ version }).strict();
export type ActivityVersionBody = z.infer<typeof ActivityVersionBodySchema>;

export const CancelActivityBodySchema = z.object({ version, reason: text(2000).min(1) }).strict();
export type CancelActivityBody = z.infer<typeof CancelActivityBodySchema>;

// ---- Public calendar and the event page ---------------------------------------------------------------------------

/**
 * The public calendar: published, completed (and cancelled once published) activities. `month` (YYYY-MM, Bangkok
 * time) or `from`/`to` (dates, inclusive); `upcoming=true` lists those not yet ended, soonest first.
 */
export const ActivityListQuerySchema = z
  .object({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
      .optional(),
    from: z.iso.date().optional(),
    to: z.iso.date().optional(),
    upcoming: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    provinceCode: z.coerce.number().int().min(10).max(99).optional(),
    drivingUnitId: z.uuid().optional(),
    audience: z.enum(ACTIVITY_AUDIENCES).optional(),
    limit: z.coerce.number().int().min(1).max(ACTIVITY_LIMITS.listMax).default(ACTIVITY_LIMITS.listMax),
  })
  .strict();
export type ActivityListQuery = z.infer<typeof ActivityListQuerySchema>;

/** Unit staff's list (their unit; officers any unit), drafts included. */
export const ManagedActivityListQuerySchema = z
  .object({
    drivingUnitId: z.uuid().optional(),
    status: z.enum(ACTIVITY_STATUSES).optional(),
    limit: z.coerce.number().int().min(1).max(ACTIVITY_LIMITS.listMax).default(100),
  })
  .strict();
export type ManagedActivityListQuery = z.infer<typeof ManagedActivityListQuerySchema>;

export const ActivitySummarySchema = z.object({
  id: z.uuid(),
  drivingUnitId: z.uuid(),
  drivingUnitNameTh: z.string(),
  drivingUnitNameEn: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  titleTh: z.string(),
  titleEn: z.string(),
  status: z.enum(ACTIVITY_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  provinceCode: z.int().nullable(),
  provinceNameTh: z.string().nullable(),
  provinceNameEn: z.string().nullable(),
  districtCode: z.int().nullable(),
  districtNameTh: z.string().nullable(),
  districtNameEn: z.string().nullable(),
  venue: z.string(),
  isOnline: z.boolean(),
  capacity: z.int(),
  seatsTaken: z.int(),
  waitlistCount: z.int(),
  audiences: z.array(z.enum(ACTIVITY_AUDIENCES)),
  hours: z.number(),
  givesCertificate: z.boolean(),
  registrationClosesAt: z.string().nullable(),
  /** Published, not started, registration not closed. */
  registrationOpen: z.boolean(),
});
export type ActivitySummary = z.infer<typeof ActivitySummarySchema>;

export const ActivityListSchema = z.object({ data: z.array(ActivitySummarySchema) });
export type ActivityList = z.infer<typeof ActivityListSchema>;

export const FacilitatorSchema = z.object({
  personId: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
  role: z.enum(FACILITATOR_ROLES),
});
export type Facilitator = z.infer<typeof FacilitatorSchema>;

export const CertificateSummarySchema = z.object({
  code: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

export const RegistrationSchema = z.object({
  id: z.uuid(),
  activityId: z.uuid(),
  userId: z.uuid(),
  userName: z.string(),
  /** Shown to the unit's staff and officers only (null otherwise). */
  userEmail: z.string().nullable(),
  organisationId: z.uuid().nullable(),
  organisationNameTh: z.string().nullable(),
  organisationNameEn: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  /** 1-based place on the waitlist while waitlisted. */
  waitlistPosition: z.int().nullable(),
  createdAt: z.string(),
  promotedAt: z.string().nullable(),
  cancelledAt: z.string().nullable(),
  attendedAt: z.string().nullable(),
  attendanceMethod: z.enum(ATTENDANCE_METHODS).nullable(),
  certificate: CertificateSummarySchema.nullable(),
  version: z.int(),
});
export type Registration = z.infer<typeof RegistrationSchema>;

export const ActivityAbilitiesSchema = z.object({
  canEdit: z.boolean(),
  canPublish: z.boolean(),
  canCancel: z.boolean(),
  canComplete: z.boolean(),
  /** See registrations, mark attendance, show the attendance code, issue and revoke certificates. */
  canManage: z.boolean(),
  /** Signed in, registration open, not registered yet. */
  canRegister: z.boolean(),
  /** The person's own registration may still be cancelled (published, not started). */
  canCancelRegistration: z.boolean(),
});
export type ActivityAbilities = z.infer<typeof ActivityAbilitiesSchema>;

export const ActivityDetailSchema = ActivitySummarySchema.extend({
  descriptionTh: z.string(),
  descriptionEn: z.string(),
  /** Only for the registered and the unit's staff (null otherwise, even for online sessions). */
  onlineUrl: z.string().nullable(),
  cohortId: z.uuid().nullable(),
  facilitators: z.array(FacilitatorSchema),
  publishedAt: z.string().nullable(),
  version: z.int(),
  /** The signed-in person's registration (not cancelled), if any. */
  myRegistration: RegistrationSchema.nullable(),
  abilities: ActivityAbilitiesSchema,
});
export type ActivityDetail = z.infer<typeof ActivityDetailSchema>;

// ---- Registration -------------------------------------------------------------------------------------------------

/** Register yourself, optionally on behalf of an organisation you are a member of. */
export const RegisterBodySchema = z.object({ organisationId: z.uuid().nullable().default(null) }).strict();
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

export const RegistrationVersionBodySchema = z.object({ version }).strict();
export type RegistrationVersionBody = z.infer<typeof RegistrationVersionBodySchema>;

export const MyRegistrationSchema = RegistrationSchema.extend({ activity: ActivitySummarySchema });
export type MyRegistration = z.infer<typeof MyRegistrationSchema>;

export const RegistrationListSchema = z.object({ data: z.array(RegistrationSchema) });

// ---- Attendance ---------------------------------------------------------------------------------------------------

/** Staff mark (or unmark) a registered person's attendance. */
export const MarkAttendanceBodySchema = z.object({ version, attended: z.boolean() }).strict();
export type MarkAttendanceBody = z.infer<typeof MarkAttendanceBodySchema>;

/** A fresh attendance code replaces the old one. */
export const AttendanceCodeBodySchema = z
  .object({
    validMinutes: z
      .int()
      .min(5)
      .max(ACTIVITY_LIMITS.attendanceCodeMaxMinutes)
      .default(ACTIVITY_LIMITS.attendanceCodeDefaultMinutes),
  })
  .strict();
export type AttendanceCodeBody = z.infer<typeof AttendanceCodeBodySchema>;

export const AttendanceCodeSchema = z.object({
  code: z.string().nullable(),
  expiresAt: z.string().nullable(),
  /** The page the QR code opens: /attend?code=… */
  url: z.string().nullable(),
  /** The QR code of `url` as an SVG document. */
  qrSvg: z.string().nullable(),
});
export type AttendanceCode = z.infer<typeof AttendanceCodeSchema>;

/** A participant checks in with the code shown in the room (typed, or read from the QR code). */
export const AttendBodySchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .transform((v) => v.toUpperCase().replace(/[\s-]/g, '')),
    method: z.enum(['code', 'qr']).default('code'),
  })
  .strict();
export type AttendBody = z.infer<typeof AttendBodySchema>;

export const AttendResultSchema = z.object({
  activityId: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  registrationId: z.uuid(),
  attendedAt: z.string(),
  /** Checked in before (nothing changed). */
  alreadyAttended: z.boolean(),
});
export type AttendResult = z.infer<typeof AttendResultSchema>;

// ---- Certificates -------------------------------------------------------------------------------------------------

export const ActivityCertificateCodeParamsSchema = z.object({ code: z.string().trim().min(1).max(40) });

export const ActivityCertificateVerificationSchema = z.object({
  status: z.enum(ACTIVITY_CERTIFICATE_STATUSES),
  code: z.string(),
  recipientName: z.string().nullable(),
  organisationNameTh: z.string().nullable(),
  activityId: z.uuid().nullable(),
  activityTitleTh: z.string().nullable(),
  activityTitleEn: z.string().nullable(),
  kind: z.enum(ACTIVITY_KINDS).nullable(),
  drivingUnitNameTh: z.string().nullable(),
  drivingUnitNameEn: z.string().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  hours: z.number().nullable(),
  issuedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ActivityCertificateVerification = z.infer<typeof ActivityCertificateVerificationSchema>;

export const RevokeActivityCertificateBodySchema = z.object({ reason: text(2000).min(1) }).strict();
export type RevokeActivityCertificateBody = z.infer<typeof RevokeActivityCertificateBodySchema>;

export const CertificateLangQuerySchema = z.object({ lang: z.enum(['th', 'en']).optional() }).strict();

export const IssueCertificatesResultSchema = z.object({ issued: z.int() });

// ---- Facilitator choices ------------------------------------------------------------------------------------------

export const FacilitatorOptionSchema = z.object({
  personId: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string(),
  drivingUnitId: z.uuid().nullable(),
  roles: z.array(z.string()),
});
export type FacilitatorOption = z.infer<typeof FacilitatorOptionSchema>;

/** Organisations the signed-in person may register for (they are a member). */
export const RegistrationOrganisationSchema = z.object({
  id: z.uuid(),
  nameTh: z.string(),
  nameEn: z.string().nullable(),
});
export type RegistrationOrganisation = z.infer<typeof RegistrationOrganisationSchema>;

/**
 * HTTP endpoints (all under /api):
 * - GET  /activities                         public calendar (ActivityListQuery) → { data: ActivitySummary[] }
 * - GET  /activities/:id                     public event page (+ myRegistration and abilities when signed in)
 * - GET  /activities/managed                 unit staff/officers: their activities, drafts included
 * - POST /activities · PATCH /activities/:id · POST /activities/:id/{publish,cancel,complete}
 * - GET  /activities/:id/registrations       staff · POST /activities/:id/registrations (register yourself)
 * - POST /activity-registrations/:id/cancel  the person or staff · POST /activity-registrations/:id/attendance (staff)
 * - GET  /activity-registrations/mine        the signed-in person's registrations
 * - GET|POST /activities/:id/attendance-code staff: the code + QR · POST /attendance (participant, { code })
 * - POST /activities/:id/certificates        staff: issue to every attendee (also on completion)
 * - POST /activity-registrations/:id/certificate   the attendee asks for theirs
 * - GET  /activity-registrations/:id/certificate.pdf · POST /activity-certificates/:code/revoke (staff)
 * - GET  /activity-certificates/:code        public verification
 */
export const ACTIVITY_API = '/api/activities';
