import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import {
  activities,
  activityCertificates,
  activityRegistrations,
  organisations,
  users,
} from '@server/db/schema/index';

export type RegistrationRowBase = typeof activityRegistrations.$inferSelect;
export type CertificateRow = typeof activityCertificates.$inferSelect;

/** A registration with the person's and organisation's names, its waitlist place and its certificate. */
export interface RegistrationRow {
  registration: RegistrationRowBase;
  userName: string;
  userEmail: string | null;
  userStatus: string;
  userLocale: string;
  organisationNameTh: string | null;
  organisationNameEn: string | null;
  waitlistPosition: number | null;
  certificate: CertificateRow | null;
}

const waitlistPosition = sql<number | null>`CASE WHEN ${activityRegistrations.status} = 'waitlisted' THEN
  (SELECT count(*)::int FROM activity_registrations w WHERE w.activity_id = ${activityRegistrations.activityId}
     AND w.status = 'waitlisted'
     AND (w.waitlisted_at, w.id) <= (${activityRegistrations.waitlistedAt}, ${activityRegistrations.id}))
  END`;

function listing(db: DbOrTx) {
  return db
    .select({
      registration: activityRegistrations,
      userName: users.name,
      userEmail: users.email,
      userStatus: users.status,
      userLocale: users.locale,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      waitlistPosition,
      certificate: activityCertificates,
    })
    .from(activityRegistrations)
    .innerJoin(users, eq(users.id, activityRegistrations.userId))
    .leftJoin(organisations, eq(organisations.id, activityRegistrations.organisationId))
    .leftJoin(activityCertificates, eq(activityCertificates.registrationId, activityRegistrations.id));
}

export async function findRegistration(db: DbOrTx, id: string): Promise<RegistrationRow | undefined> {
  const rows = await listing(db).where(eq(activityRegistrations.id, id));
  return rows[0];
}

/** The registration row alone, locked FOR UPDATE when asked. */
export async function findRegistrationRow(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<RegistrationRowBase | undefined> {
  const query = db.select().from(activityRegistrations).where(eq(activityRegistrations.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** A person's registration of an activity (any status). */
export async function findPersonRegistration(
  db: DbOrTx,
  activityId: string,
  userId: string,
): Promise<RegistrationRow | undefined> {
  const rows = await listing(db).where(
    and(eq(activityRegistrations.activityId, activityId), eq(activityRegistrations.userId, userId)),
  );
  return rows[0];
}

/** An activity's registrations: registered first (by time), then the waitlist in order, then cancelled. */
export async function listActivityRegistrations(db: DbOrTx, activityId: string) {
  return listing(db)
    .where(eq(activityRegistrations.activityId, activityId))
    .orderBy(
      sql`CASE ${activityRegistrations.status} WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END`,
      asc(activityRegistrations.waitlistedAt),
      asc(activityRegistrations.createdAt),
      asc(activityRegistrations.id),
    );
}

/** A person's registrations, most recent activity first. */
export async function listPersonRegistrations(db: DbOrTx, userId: string) {
  return listing(db)
    .innerJoin(activities, eq(activities.id, activityRegistrations.activityId))
    .where(eq(activityRegistrations.userId, userId))
    .orderBy(desc(activities.startsAt))
    .limit(200);
}

export async function countSeatsTaken(db: DbOrTx, activityId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activityRegistrations)
    .where(
      and(eq(activityRegistrations.activityId, activityId), eq(activityRegistrations.status, 'registered')),
    );
  return rows[0]?.n ?? 0;
}

/** The latest time on the activity's waitlist: a new place goes strictly after it, so the order is never a tie. */
export async function lastWaitlistedAt(db: DbOrTx, activityId: string): Promise<Date | null> {
  const rows = await db
    .select({ at: sql<string | null>`max(${activityRegistrations.waitlistedAt})` })
    .from(activityRegistrations)
    .where(eq(activityRegistrations.activityId, activityId));
  const at = rows[0]?.at;
  return at ? new Date(at) : null;
}

export async function insertRegistration(
  db: DbOrTx,
  values: typeof activityRegistrations.$inferInsert,
): Promise<RegistrationRowBase> {
  const rows = await db.insert(activityRegistrations).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('registration not inserted');
  }
  return row;
}

export async function updateRegistration(
  db: DbOrTx,
  id: string,
  values: Partial<typeof activityRegistrations.$inferInsert>,
): Promise<RegistrationRowBase> {
  const rows = await db
    .update(activityRegistrations)
    .set({ ...values, version: sql`${activityRegistrations.version} + 1` })
    .where(eq(activityRegistrations.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error('registration not updated');
  }
  return row;
}

/** The first `limit` on the waitlist, in order, locked. */
export async function firstWaitlisted(db: DbOrTx, activityId: string, limit: number) {
  if (limit <= 0) {
    return [];
  }
  return db
    .select()
    .from(activityRegistrations)
    .where(
      and(eq(activityRegistrations.activityId, activityId), eq(activityRegistrations.status, 'waitlisted')),
    )
    .orderBy(asc(activityRegistrations.waitlistedAt), asc(activityRegistrations.id))
    .limit(limit)
    .for('update');
}

// ---- Reminders ----------------------------------------------------------------------------------------------------

export interface ClaimedReminder {
  id: string;
  activity_id: string;
  user_id: string;
}

/**
 * Claims up to `limit` registrations due a reminder (registered, the activity published and starting within
 * `hours` of `now`, not reminded yet) by stamping `reminded_at`; rows another instance is claiming are skipped, so a
 * reminder is claimed once.
 */
export async function claimReminders(
  db: DbOrTx,
  input: { now: Date; hours: number; limit: number },
): Promise<ClaimedReminder[]> {
  const now = input.now.toISOString();
  return queryRows<ClaimedReminder>(
    db,
    sql`UPDATE activity_registrations SET reminded_at = ${now}::timestamptz
        WHERE reminded_at IS NULL AND id IN (
          SELECT r.id FROM activity_registrations r JOIN activities a ON a.id = r.activity_id
          WHERE a.status = 'published' AND r.status = 'registered' AND r.reminded_at IS NULL
            AND a.starts_at > ${now}::timestamptz
            AND a.starts_at <= ${now}::timestamptz + make_interval(hours => ${input.hours}::int)
          ORDER BY a.starts_at, r.id LIMIT ${input.limit}
          FOR UPDATE OF r SKIP LOCKED)
        RETURNING id, activity_id, user_id`,
  );
}

// ---- Certificates -------------------------------------------------------------------------------------------------

export async function insertCertificate(
  db: DbOrTx,
  values: typeof activityCertificates.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(activityCertificates)
    .values(values)
    .onConflictDoNothing({ target: activityCertificates.registrationId })
    .returning({ id: activityCertificates.id });
  return rows.length > 0;
}

export async function findCertificateByCode(db: DbOrTx, code: string) {
  const rows = await db
    .select({
      certificate: activityCertificates,
      registration: activityRegistrations,
      activity: activities,
      organisationNameTh: organisations.nameTh,
    })
    .from(activityCertificates)
    .innerJoin(activityRegistrations, eq(activityRegistrations.id, activityCertificates.registrationId))
    .innerJoin(activities, eq(activities.id, activityRegistrations.activityId))
    .leftJoin(organisations, eq(organisations.id, activityRegistrations.organisationId))
    .where(eq(activityCertificates.verificationCode, code));
  return rows[0];
}

export async function revokeCertificate(db: DbOrTx, id: string, now: Date): Promise<void> {
  await db.update(activityCertificates).set({ revokedAt: now }).where(eq(activityCertificates.id, id));
}

/** Attendees of an activity without a certificate yet. */
export async function listAttendeesWithoutCertificate(db: DbOrTx, activityId: string) {
  return queryRows<{ id: string; user_id: string; name: string }>(
    db,
    sql`SELECT r.id, r.user_id, u.name FROM activity_registrations r JOIN users u ON u.id = r.user_id
        WHERE r.activity_id = ${activityId} AND r.status = 'registered' AND r.attended_at IS NOT NULL
          AND u.status <> 'erased'
          AND NOT EXISTS (SELECT 1 FROM activity_certificates c WHERE c.registration_id = r.id)
        ORDER BY r.attended_at, r.id`,
  );
}
