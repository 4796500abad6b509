import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import {
  activities,
  activityFacilitators,
  activityRegistrations,
  districts,
  drivingUnits,
  provinces,
  siPersonnel,
} from '@server/db/schema/index';

export type ActivityRow = typeof activities.$inferSelect;
export type ActivityInsert = typeof activities.$inferInsert;

/** An activity with its unit's and place's names and its seat counts. */
export interface ActivityListingRow {
  activity: ActivityRow;
  unitNameTh: string;
  unitNameEn: string;
  provinceNameTh: string | null;
  provinceNameEn: string | null;
  districtNameTh: string | null;
  districtNameEn: string | null;
  seatsTaken: number;
  waitlistCount: number;
}

const seatsTaken = sql<number>`(SELECT count(*)::int FROM activity_registrations r
  WHERE r.activity_id = ${activities.id} AND r.status = 'registered')`;
const waitlistCount = sql<number>`(SELECT count(*)::int FROM activity_registrations r
  WHERE r.activity_id = ${activities.id} AND r.status = 'waitlisted')`;

function listing(db: DbOrTx) {
  return db
    .select({
      activity: activities,
      unitNameTh: drivingUnits.nameTh,
      unitNameEn: drivingUnits.nameEn,
      provinceNameTh: provinces.nameTh,
      provinceNameEn: provinces.nameEn,
      districtNameTh: districts.nameTh,
      districtNameEn: districts.nameEn,
      seatsTaken,
      waitlistCount,
    })
    .from(activities)
    .innerJoin(drivingUnits, eq(drivingUnits.id, activities.drivingUnitId))
    .leftJoin(provinces, eq(provinces.code, activities.provinceCode))
    .leftJoin(districts, eq(districts.code, activities.districtCode));
}

/** One activity with names and counts (any status). */
export async function findActivityListing(db: DbOrTx, id: string): Promise<ActivityListingRow | undefined> {
  const rows = await listing(db).where(eq(activities.id, id));
  return rows[0];
}

/** The activity row alone; `lock` takes it FOR UPDATE (registrations count seats under this lock). */
export async function findActivity(db: DbOrTx, id: string, lock = false): Promise<ActivityRow | undefined> {
  const query = db.select().from(activities).where(eq(activities.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

export interface PublicListFilter {
  startsFrom?: Date;
  startsBefore?: Date;
  /** Not yet ended at this time. */
  endsAfter?: Date;
  kind?: string;
  provinceCode?: number;
  drivingUnitId?: string;
  audience?: string;
  limit: number;
}

/** The public calendar: activities once published (published, completed, cancelled after publishing). */
export async function listPublicActivities(db: DbOrTx, filter: PublicListFilter) {
  const where: SQL[] = [sql`${activities.publishedAt} IS NOT NULL`, sql`${activities.status} <> 'draft'`];
  if (filter.startsFrom) {
    where.push(gte(activities.startsAt, filter.startsFrom));
  }
  if (filter.startsBefore) {
    where.push(lt(activities.startsAt, filter.startsBefore));
  }
  if (filter.endsAfter) {
    where.push(sql`${activities.endsAt} > ${filter.endsAfter.toISOString()}::timestamptz`);
    where.push(eq(activities.status, 'published'));
  }
  if (filter.kind) {
    where.push(eq(activities.kind, filter.kind));
  }
  if (filter.provinceCode !== undefined) {
    where.push(eq(activities.provinceCode, filter.provinceCode));
  }
  if (filter.drivingUnitId) {
    where.push(eq(activities.drivingUnitId, filter.drivingUnitId));
  }
  if (filter.audience) {
    where.push(sql`${activities.audiences} @> ARRAY[${filter.audience}]::text[]`);
  }
  return listing(db)
    .where(and(...where))
    .orderBy(asc(activities.startsAt), asc(activities.id))
    .limit(filter.limit);
}

/** Activities of one unit (or every unit when `drivingUnitId` is null), drafts included, newest start first. */
export async function listManagedActivities(
  db: DbOrTx,
  filter: { drivingUnitId: string | null; status?: string; limit: number },
) {
  const where: SQL[] = [];
  if (filter.drivingUnitId) {
    where.push(eq(activities.drivingUnitId, filter.drivingUnitId));
  }
  if (filter.status) {
    where.push(eq(activities.status, filter.status));
  }
  return listing(db)
    .where(where.length > 0 ? and(...where) : undefined)
    .orderBy(desc(activities.startsAt), asc(activities.id))
    .limit(filter.limit);
}

export async function insertActivity(db: DbOrTx, values: ActivityInsert): Promise<ActivityRow> {
  const rows = await db.insert(activities).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('activity not inserted');
  }
  return row;
}

/** Updates an activity and bumps its version. */
export async function updateActivity(
  db: DbOrTx,
  id: string,
  values: Partial<ActivityInsert>,
  now: Date,
): Promise<ActivityRow> {
  const rows = await db
    .update(activities)
    .set({ ...values, version: sql`${activities.version} + 1`, updatedAt: now })
    .where(eq(activities.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error('activity not updated');
  }
  return row;
}

/** The activity whose attendance code is `code` (published or completed), if any. */
export async function findActivityByAttendanceCode(db: DbOrTx, code: string) {
  const rows = await db.select().from(activities).where(eq(activities.attendanceCode, code));
  return rows[0];
}

export async function attendanceCodeTaken(db: DbOrTx, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: activities.id })
    .from(activities)
    .where(eq(activities.attendanceCode, code));
  return rows.length > 0;
}

// ---- Facilitators -------------------------------------------------------------------------------------------------

export async function listFacilitators(db: DbOrTx, activityId: string) {
  return db
    .select({
      personId: activityFacilitators.personId,
      role: activityFacilitators.role,
      nameTh: siPersonnel.nameTh,
      nameEn: siPersonnel.nameEn,
    })
    .from(activityFacilitators)
    .innerJoin(siPersonnel, eq(siPersonnel.id, activityFacilitators.personId))
    .where(eq(activityFacilitators.activityId, activityId))
    .orderBy(asc(siPersonnel.nameTh));
}

export async function replaceFacilitators(
  db: DbOrTx,
  activityId: string,
  facilitators: ReadonlyArray<{ personId: string; role: string }>,
): Promise<void> {
  await db.delete(activityFacilitators).where(eq(activityFacilitators.activityId, activityId));
  if (facilitators.length > 0) {
    await db
      .insert(activityFacilitators)
      .values(facilitators.map((f) => ({ activityId, personId: f.personId, role: f.role })));
  }
}

/**
 * SI personnel who may facilitate: active people of the unit, or of no unit. The registry belongs to the mentoring
 * module; this is a read-only look-up of the shared table for the activity editor's choices.
 */
export async function listFacilitatorOptions(db: DbOrTx, drivingUnitId: string | null) {
  const where: SQL[] = [eq(siPersonnel.isActive, true)];
  if (drivingUnitId) {
    const scope = or(eq(siPersonnel.drivingUnitId, drivingUnitId), sql`${siPersonnel.drivingUnitId} IS NULL`);
    if (scope) {
      where.push(scope);
    }
  }
  return db
    .select({
      personId: siPersonnel.id,
      nameTh: siPersonnel.nameTh,
      nameEn: siPersonnel.nameEn,
      drivingUnitId: siPersonnel.drivingUnitId,
      roles: siPersonnel.roles,
    })
    .from(siPersonnel)
    .where(and(...where))
    .orderBy(asc(siPersonnel.nameTh))
    .limit(500);
}

/** Which of `ids` are active SI personnel. */
export async function findActivePersonnelIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: siPersonnel.id })
    .from(siPersonnel)
    .where(and(inArray(siPersonnel.id, [...ids]), eq(siPersonnel.isActive, true)));
  return new Set(rows.map((r) => r.id));
}

// ---- Geography and units ------------------------------------------------------------------------------------------

export async function findDistrictProvince(db: DbOrTx, districtCode: number): Promise<number | null> {
  const rows = await db
    .select({ provinceCode: districts.provinceCode })
    .from(districts)
    .where(eq(districts.code, districtCode));
  return rows[0]?.provinceCode ?? null;
}

export async function provinceExists(db: DbOrTx, code: number): Promise<boolean> {
  const rows = await db.select({ code: provinces.code }).from(provinces).where(eq(provinces.code, code));
  return rows.length > 0;
}

export async function drivingUnitExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: drivingUnits.id }).from(drivingUnits).where(eq(drivingUnits.id, id));
  return rows.length > 0;
}

/** The cohort's unit (to check an activity's cohort belongs to the same unit); cohorts are the COHORTS files' table. */
export async function findCohortUnit(db: DbOrTx, cohortId: string): Promise<string | null> {
  const rows = await queryRows<{ driving_unit_id: string }>(
    db,
    sql`SELECT driving_unit_id FROM cohorts WHERE id = ${cohortId}`,
  );
  return rows[0]?.driving_unit_id ?? null;
}

/** People to tell about an activity: its registrations not cancelled. */
export async function listActiveRegistrantIds(db: DbOrTx, activityId: string) {
  return db
    .select({ id: activityRegistrations.id, userId: activityRegistrations.userId })
    .from(activityRegistrations)
    .where(
      and(
        eq(activityRegistrations.activityId, activityId),
        inArray(activityRegistrations.status, ['registered', 'waitlisted']),
      ),
    );
}
