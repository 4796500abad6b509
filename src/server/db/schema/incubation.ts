import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { districts, provinces } from './geo';
import { drivingUnits, users } from './identity';
import { organisations } from './organisations';
import { programmes } from './reference';
import { projects } from './projects';

/** What a driving unit is beyond its name: host, contacts, description; one row per unit. */
export const drivingUnitProfiles = pgTable('driving_unit_profiles', {
  drivingUnitId: uuid()
    .primaryKey()
    .references(() => drivingUnits.id, { onDelete: 'cascade' }),
  /** The host organisation (often a university), when it is registered on the platform. */
  hostOrganisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
  hostNameTh: text().notNull().default(''),
  hostNameEn: text().notNull().default(''),
  descriptionTh: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  contactEmail: text(),
  contactPhone: text(),
  website: text(),
  version: integer().notNull().default(1),
  ...timestamps,
});

/** A unit's target for one measure in one fiscal year (Buddhist Era). */
export const drivingUnitTargets = pgTable(
  'driving_unit_targets',
  {
    drivingUnitId: uuid()
      .notNull()
      .references(() => drivingUnits.id, { onDelete: 'cascade' }),
    fiscalYear: smallint().notNull(),
    /** communities_trained | teams_incubated | innovations_produced | activities_held | participants_trained | … */
    measure: text().notNull(),
    target: integer().notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.drivingUnitId, t.fiscalYear, t.measure] })],
);

/** A cohort a unit incubates (a group of teams or communities going through activities together). */
export const cohorts = pgTable(
  'cohorts',
  {
    id: uuid().primaryKey().defaultRandom(),
    drivingUnitId: uuid()
      .notNull()
      .references(() => drivingUnits.id, { onDelete: 'cascade' }),
    programmeId: uuid().references(() => programmes.id, { onDelete: 'set null' }),
    nameTh: text().notNull(),
    nameEn: text().notNull().default(''),
    descriptionTh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    fiscalYear: smallint().notNull(),
    startsOn: date({ mode: 'string' }),
    endsOn: date({ mode: 'string' }),
    audiences: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('cohorts_unit_fy_idx').on(t.drivingUnitId, t.fiscalYear)],
);

/** A member of a cohort: a person, optionally for an organisation (team, community enterprise …). */
export const cohortMembers = pgTable(
  'cohort_members',
  {
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.cohortId, t.userId] })],
);

/**
 * An incubation activity (workshop, bootcamp, clinic, study visit, creative activity, pitching day, online session)
 * run by a unit, in a place or online, with a capacity. draft → published → completed, or cancelled.
 */
export const activities = pgTable(
  'activities',
  {
    id: uuid().primaryKey().defaultRandom(),
    drivingUnitId: uuid()
      .notNull()
      .references(() => drivingUnits.id, { onDelete: 'cascade' }),
    cohortId: uuid().references(() => cohorts.id, { onDelete: 'set null' }),
    kind: text().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    descriptionTh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    startsAt: timestamp({ withTimezone: true }).notNull(),
    endsAt: timestamp({ withTimezone: true }).notNull(),
    provinceCode: smallint().references(() => provinces.code),
    districtCode: integer().references(() => districts.code),
    venue: text().notNull().default(''),
    onlineUrl: text(),
    capacity: integer().notNull(),
    audiences: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    registrationClosesAt: timestamp({ withTimezone: true }),
    /** Hours a participant is credited for attending (shown on the certificate). */
    hours: numeric({ precision: 6, scale: 2, mode: 'number' }).notNull().default(0),
    /** Completion certificates are issued to those who attended. */
    givesCertificate: boolean().notNull().default(true),
    /** draft | published | completed | cancelled */
    status: text().notNull().default('draft'),
    /** The attendance code participants type or scan (QR), and until when it works. */
    attendanceCode: text(),
    attendanceCodeExpiresAt: timestamp({ withTimezone: true }),
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('activities_unit_starts_idx').on(t.drivingUnitId, t.startsAt),
    index('activities_public_idx')
      .on(t.startsAt)
      .where(sql`status IN ('published', 'completed')`),
    uniqueIndex('activities_attendance_code_key').on(t.attendanceCode),
  ],
);

/** Facilitators and coaches of an activity (SI personnel). */
export const activityFacilitators = pgTable(
  'activity_facilitators',
  {
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    personId: uuid()
      .notNull()
      .references(() => siPersonnel.id, { onDelete: 'cascade' }),
    role: text().notNull().default('facilitator'),
  },
  (t) => [primaryKey({ columns: [t.activityId, t.personId] })],
);

/**
 * A registration: registered (a seat), waitlisted (in order of `waitlistedAt`), or cancelled. Seats are counted with the
 * activity's row locked, so concurrent registrations never pass the capacity; a cancellation promotes the first on the
 * waitlist in the same transaction.
 */
export const activityRegistrations = pgTable(
  'activity_registrations',
  {
    id: uuid().primaryKey().defaultRandom(),
    activityId: uuid()
      .notNull()
      .references(() => activities.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Registered on behalf of this organisation (a team, community enterprise …), optional. */
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    /** registered | waitlisted | cancelled */
    status: text().notNull(),
    waitlistedAt: timestamp({ withTimezone: true }),
    promotedAt: timestamp({ withTimezone: true }),
    cancelledAt: timestamp({ withTimezone: true }),
    remindedAt: timestamp({ withTimezone: true }),
    attendedAt: timestamp({ withTimezone: true }),
    /** staff | code | qr */
    attendanceMethod: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex('activity_registrations_person_key').on(t.activityId, t.userId),
    index('activity_registrations_activity_idx').on(t.activityId, t.status),
    index('activity_registrations_user_idx').on(t.userId),
  ],
);

/** A completion certificate of an attended activity, verifiable by its code on a public page. */
export const activityCertificates = pgTable(
  'activity_certificates',
  {
    id: uuid().primaryKey().defaultRandom(),
    registrationId: uuid()
      .notNull()
      .references(() => activityRegistrations.id, { onDelete: 'cascade' }),
    verificationCode: text().notNull(),
    recipientName: text().notNull(),
    issuedAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('activity_certificates_code_key').on(t.verificationCode),
    uniqueIndex('activity_certificates_registration_key').on(t.registrationId),
  ],
);

/** A capacity questionnaire of a cohort: Likert items asked before (pre) and after (post) the incubation. */
export const assessmentQuestionnaires = pgTable(
  'assessment_questionnaires',
  {
    id: uuid().primaryKey().defaultRandom(),
    cohortId: uuid()
      .notNull()
      .references(() => cohorts.id, { onDelete: 'cascade' }),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    /** [{ id, textTh, textEn }] */
    items: jsonb().$type<Array<{ id: string; textTh: string; textEn: string }>>().notNull(),
    /** Points of the Likert scale (e.g. 5: 1–5). */
    scalePoints: smallint().notNull().default(5),
    /** Once a response exists the items are locked. */
    lockedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('assessment_questionnaires_cohort_idx').on(t.cohortId)],
);

/** One person's answers to a questionnaire, before or after. */
export const assessmentResponses = pgTable(
  'assessment_responses',
  {
    id: uuid().primaryKey().defaultRandom(),
    questionnaireId: uuid()
      .notNull()
      .references(() => assessmentQuestionnaires.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** pre | post */
    phase: text().notNull(),
    answers: jsonb().$type<Record<string, number>>().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessment_responses_key').on(t.questionnaireId, t.userId, t.phase)],
);

/** A facilitator, coach or mentor of the SI personnel registry; linked to an account when they have one. */
export const siPersonnel = pgTable(
  'si_personnel',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: 'set null' }),
    drivingUnitId: uuid().references(() => drivingUnits.id, { onDelete: 'set null' }),
    nameTh: text().notNull(),
    nameEn: text().notNull().default(''),
    /** facilitator | coach | mentor */
    roles: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** innovation | technology | management | finance | marketing | community */
    expertise: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    provinceCode: smallint().references(() => provinces.code),
    bioTh: text().notNull().default(''),
    bioEn: text().notNull().default(''),
    /** Open to mentoring requests. */
    isMentor: boolean().notNull().default(false),
    isActive: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('si_personnel_user_key').on(t.userId),
    index('si_personnel_unit_idx').on(t.drivingUnitId),
  ],
);

/** Recognition of a person's contribution (an award, a certificate of appreciation). */
export const personnelRecognitions = pgTable(
  'personnel_recognitions',
  {
    id: uuid().primaryKey().defaultRandom(),
    personId: uuid()
      .notNull()
      .references(() => siPersonnel.id, { onDelete: 'cascade' }),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    awardedOn: date({ mode: 'string' }).notNull(),
    note: text().notNull().default(''),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('personnel_recognitions_person_idx').on(t.personId)],
);

/** A request for mentoring or consulting from a team, organisation or funded project. open → assigned → closed. */
export const mentoringRequests = pgTable(
  'mentoring_requests',
  {
    id: uuid().primaryKey().defaultRandom(),
    requesterUserId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    projectId: uuid().references(() => projects.id, { onDelete: 'set null' }),
    drivingUnitId: uuid().references(() => drivingUnits.id, { onDelete: 'set null' }),
    expertise: text().notNull(),
    topic: text().notNull(),
    details: text().notNull().default(''),
    mentorId: uuid().references(() => siPersonnel.id, { onDelete: 'set null' }),
    /** open | assigned | closed | declined */
    status: text().notNull().default('open'),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('mentoring_requests_unit_idx').on(t.drivingUnitId, t.status),
    index('mentoring_requests_mentor_idx').on(t.mentorId),
  ],
);

/** A mentoring or consulting session as the mentor logged it; the mentee rates it. */
export const mentoringSessions = pgTable(
  'mentoring_sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    requestId: uuid().references(() => mentoringRequests.id, { onDelete: 'set null' }),
    mentorId: uuid()
      .notNull()
      .references(() => siPersonnel.id, { onDelete: 'cascade' }),
    organisationId: uuid().references(() => organisations.id, { onDelete: 'set null' }),
    projectId: uuid().references(() => projects.id, { onDelete: 'set null' }),
    heldOn: date({ mode: 'string' }).notNull(),
    topic: text().notNull(),
    hours: numeric({ precision: 6, scale: 2, mode: 'number' }).notNull(),
    notes: text().notNull().default(''),
    followUps: text().notNull().default(''),
    /** 1–5, given by the mentee. */
    satisfaction: smallint(),
    satisfactionComment: text().notNull().default(''),
    ratedAt: timestamp({ withTimezone: true }),
    loggedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mentoring_sessions_mentor_idx').on(t.mentorId, t.heldOn),
    index('mentoring_sessions_request_idx').on(t.requestId),
  ],
);
