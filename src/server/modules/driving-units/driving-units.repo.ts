import {
  and,
  asc,
  eq,
  gte,
  inArray,
  isNotNull,
  isNull,
  lt,
  lte,
  or,
  sql,
  type Column,
  type SQL,
} from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  activities,
  activityRegistrations,
  cohortMembers,
  cohorts,
  drivingUnitProfiles,
  drivingUnitProvinces,
  drivingUnits,
  drivingUnitTargets,
  innovations,
  mentoringRequests,
  mentoringSessions,
  projects,
  siPersonnel,
  userRoles,
  users,
} from '@server/db/schema/index';
import type { UnitMeasure } from '@shared/contracts/driving-units';

export async function findDrivingUnitByName(db: DbOrTx, nameEn: string) {
  const rows = await db.select().from(drivingUnits).where(eq(drivingUnits.nameEn, nameEn));
  return rows[0];
}

export async function insertDrivingUnit(
  db: DbOrTx,
  values: typeof drivingUnits.$inferInsert,
  provinceCodes: number[],
) {
  const rows = await db.insert(drivingUnits).values(values).returning({ id: drivingUnits.id });
  const id = rows[0]?.id ?? '';
  if (provinceCodes.length > 0) {
    await db
      .insert(drivingUnitProvinces)
      .values(provinceCodes.map((provinceCode) => ({ drivingUnitId: id, provinceCode })));
  }
  return id;
}

const provinceCodesOfUnit = sql<
  number[]
>`coalesce((SELECT array_agg(p.province_code ORDER BY p.province_code) FROM driving_unit_provinces p WHERE p.driving_unit_id = driving_units.id), '{}')`;

export async function listDrivingUnits(db: DbOrTx) {
  return db
    .select({
      id: drivingUnits.id,
      nameTh: drivingUnits.nameTh,
      nameEn: drivingUnits.nameEn,
      kind: drivingUnits.kind,
      regionCode: drivingUnits.regionCode,
      provinceCodes: provinceCodesOfUnit,
    })
    .from(drivingUnits)
    .orderBy(drivingUnits.nameTh);
}

/**
 * Units with their host's name and how many published activities are still to come; all units, or the one `id`.
 * (The activity count reads the incubation module's table, read-only.)
 */
export async function listUnitSummaries(db: DbOrTx, now: Date, id?: string) {
  return db
    .select({
      id: drivingUnits.id,
      nameTh: drivingUnits.nameTh,
      nameEn: drivingUnits.nameEn,
      kind: drivingUnits.kind,
      regionCode: drivingUnits.regionCode,
      provinceCodes: provinceCodesOfUnit,
      hostNameTh: sql<string>`coalesce(${drivingUnitProfiles.hostNameTh}, '')`,
      hostNameEn: sql<string>`coalesce(${drivingUnitProfiles.hostNameEn}, '')`,
      upcomingActivityCount: sql<number>`(SELECT count(*)::int FROM activities a WHERE a.driving_unit_id = driving_units.id AND a.status = 'published' AND a.ends_at >= ${now})`,
    })
    .from(drivingUnits)
    .leftJoin(drivingUnitProfiles, eq(drivingUnitProfiles.drivingUnitId, drivingUnits.id))
    .where(id === undefined ? undefined : eq(drivingUnits.id, id))
    .orderBy(drivingUnits.nameTh);
}

export type ProfileRow = typeof drivingUnitProfiles.$inferSelect;

export async function findProfile(db: DbOrTx, drivingUnitId: string, lock = false) {
  const query = db
    .select()
    .from(drivingUnitProfiles)
    .where(eq(drivingUnitProfiles.drivingUnitId, drivingUnitId));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** Locks the unit's row (profile and targets changes of one unit run in turn); false when there is no such unit. */
export async function lockDrivingUnit(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: drivingUnits.id })
    .from(drivingUnits)
    .where(eq(drivingUnits.id, id))
    .for('update');
  return rows.length > 0;
}

export type ProfileValues = Omit<
  typeof drivingUnitProfiles.$inferInsert,
  'drivingUnitId' | 'version' | 'createdAt' | 'updatedAt' | 'hostOrganisationId'
>;

export async function insertProfile(db: DbOrTx, drivingUnitId: string, values: ProfileValues) {
  const rows = await db
    .insert(drivingUnitProfiles)
    .values({ drivingUnitId, ...values, version: 2 })
    .returning();
  return rows[0];
}

export async function updateProfile(db: DbOrTx, drivingUnitId: string, values: ProfileValues) {
  const rows = await db
    .update(drivingUnitProfiles)
    .set({ ...values, version: sql`${drivingUnitProfiles.version} + 1`, updatedAt: sql`now()` })
    .where(eq(drivingUnitProfiles.drivingUnitId, drivingUnitId))
    .returning();
  return rows[0];
}

/** People holding the unit's staff role (read-only join of the accounts module's roles and users). */
export async function listStaff(db: DbOrTx, drivingUnitId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      grantedAt: userRoles.grantedAt,
    })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, 'driving_unit_staff'),
        eq(userRoles.drivingUnitId, drivingUnitId),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.name));
}

/** Targets of one fiscal year, of one unit or (no id) of all units. */
export async function listTargets(db: DbOrTx, fiscalYear: number, drivingUnitId?: string) {
  return db
    .select({
      drivingUnitId: drivingUnitTargets.drivingUnitId,
      measure: drivingUnitTargets.measure,
      target: drivingUnitTargets.target,
    })
    .from(drivingUnitTargets)
    .where(
      and(
        eq(drivingUnitTargets.fiscalYear, fiscalYear),
        drivingUnitId === undefined ? undefined : eq(drivingUnitTargets.drivingUnitId, drivingUnitId),
      ),
    );
}

/** Replaces a unit's targets of one fiscal year. */
export async function replaceTargets(
  db: DbOrTx,
  drivingUnitId: string,
  fiscalYear: number,
  targets: Array<{ measure: UnitMeasure; target: number }>,
) {
  await db
    .delete(drivingUnitTargets)
    .where(
      and(eq(drivingUnitTargets.drivingUnitId, drivingUnitId), eq(drivingUnitTargets.fiscalYear, fiscalYear)),
    );
  if (targets.length > 0) {
    await db
      .insert(drivingUnitTargets)
      .values(targets.map((t) => ({ drivingUnitId, fiscalYear, measure: t.measure, target: t.target })));
  }
}

/**
 * The unit's published activities still to come, soonest first (reads the incubation module's table, read-only: the
 * unit page shows them without depending on that module's service).
 */
export async function listUpcomingActivities(db: DbOrTx, drivingUnitId: string, now: Date, limit: number) {
  return db
    .select({
      id: activities.id,
      kind: activities.kind,
      titleTh: activities.titleTh,
      titleEn: activities.titleEn,
      startsAt: activities.startsAt,
      endsAt: activities.endsAt,
      provinceCode: activities.provinceCode,
      onlineUrl: activities.onlineUrl,
    })
    .from(activities)
    .where(
      and(
        eq(activities.drivingUnitId, drivingUnitId),
        eq(activities.status, 'published'),
        gte(activities.endsAt, now),
      ),
    )
    .orderBy(asc(activities.startsAt))
    .limit(limit);
}

// ---- Actuals ------------------------------------------------------------------------------------------------------
//
// THE ONE PLACE THAT READS ACROSS MODULES: the dashboards count what other modules recorded (activities and their
// registrations, cohorts, mentoring sessions, projects, innovations) straight from their tables, READ-ONLY, in
// aggregate. Nothing here writes to those tables. A fiscal year runs from 1 October (Asia/Bangkok) of the year before.

/** The instants and dates a fiscal year (BE) spans: [from, to). */
export interface FiscalYearSpan {
  fiscalYear: number;
  from: Date;
  to: Date;
  /** Inclusive calendar dates for date columns. */
  firstDay: string;
  lastDay: string;
}

export interface ActualRow {
  drivingUnitId: string;
  measure: UnitMeasure;
  actual: number;
}

const unitFilter = (column: SQL | Column, unitIds?: string[]) =>
  unitIds === undefined ? undefined : unitIds.length === 0 ? sql`false` : sql`${column} IN ${unitIds}`;

/**
 * Every measure's actual per unit in the fiscal year (units with nothing have no row); all units, or those of `unitIds`:
 * - activities_held: the unit's activities completed, starting in the year;
 * - participants_trained: distinct people who attended those activities (attendance recorded);
 * - communities_trained: distinct organisations (communities, teams) on whose behalf someone attended;
 * - teams_incubated: distinct organisations of the members of the unit's cohorts of that fiscal year;
 * - mentoring_hours: hours of mentoring sessions held in the year for a request to the unit, or (without a request
 *   naming a unit) by a mentor of the unit;
 * - projects_supervised: projects the unit supervises that were awarded in or before the year and not closed before it
 *   began (a project runs over several years and is supervised in each);
 * - innovations_produced: innovations recorded in the year from projects the unit supervises.
 */
export async function computeActuals(
  db: DbOrTx,
  span: FiscalYearSpan,
  unitIds?: string[],
): Promise<ActualRow[]> {
  const inYear = and(gte(activities.startsAt, span.from), lt(activities.startsAt, span.to));
  const attended = and(
    inYear,
    unitFilter(activities.drivingUnitId, unitIds),
    inArray(activities.status, ['published', 'completed']),
    isNotNull(activityRegistrations.attendedAt),
  );

  const held = db
    .select({ unit: activities.drivingUnitId, n: sql<number>`count(*)::int` })
    .from(activities)
    .where(and(inYear, eq(activities.status, 'completed'), unitFilter(activities.drivingUnitId, unitIds)))
    .groupBy(activities.drivingUnitId);

  const people = db
    .select({
      unit: activities.drivingUnitId,
      n: sql<number>`count(DISTINCT ${activityRegistrations.userId})::int`,
      orgs: sql<number>`count(DISTINCT ${activityRegistrations.organisationId})::int`,
    })
    .from(activityRegistrations)
    .innerJoin(activities, eq(activities.id, activityRegistrations.activityId))
    .where(attended)
    .groupBy(activities.drivingUnitId);

  const teams = db
    .select({
      unit: cohorts.drivingUnitId,
      n: sql<number>`count(DISTINCT ${cohortMembers.organisationId})::int`,
    })
    .from(cohortMembers)
    .innerJoin(cohorts, eq(cohorts.id, cohortMembers.cohortId))
    .where(and(eq(cohorts.fiscalYear, span.fiscalYear), unitFilter(cohorts.drivingUnitId, unitIds)))
    .groupBy(cohorts.drivingUnitId);

  const sessionUnit = sql<string>`coalesce(${mentoringRequests.drivingUnitId}, ${siPersonnel.drivingUnitId})`;
  const hours = db
    .select({ unit: sessionUnit, n: sql<string>`coalesce(sum(${mentoringSessions.hours}), 0)::text` })
    .from(mentoringSessions)
    .innerJoin(siPersonnel, eq(siPersonnel.id, mentoringSessions.mentorId))
    .leftJoin(mentoringRequests, eq(mentoringRequests.id, mentoringSessions.requestId))
    .where(
      and(
        gte(mentoringSessions.heldOn, span.firstDay),
        sql`${mentoringSessions.heldOn} <= ${span.lastDay}`,
        isNotNull(sessionUnit),
        unitFilter(sessionUnit, unitIds),
      ),
    )
    .groupBy(sessionUnit);

  const supervised = db
    .select({ unit: projects.drivingUnitId, n: sql<number>`count(*)::int` })
    .from(projects)
    .where(
      and(
        lte(projects.fiscalYear, span.fiscalYear),
        or(isNull(projects.closedAt), gte(projects.closedAt, span.from)),
        isNotNull(projects.drivingUnitId),
        unitFilter(projects.drivingUnitId, unitIds),
      ),
    )
    .groupBy(projects.drivingUnitId);

  const produced = db
    .select({ unit: projects.drivingUnitId, n: sql<number>`count(*)::int` })
    .from(innovations)
    .innerJoin(projects, eq(projects.id, innovations.projectId))
    .where(
      and(
        gte(innovations.createdAt, span.from),
        lt(innovations.createdAt, span.to),
        isNotNull(projects.drivingUnitId),
        unitFilter(projects.drivingUnitId, unitIds),
      ),
    )
    .groupBy(projects.drivingUnitId);

  // one connection runs queries in turn: await them one by one
  const rows: ActualRow[] = [];
  const push = (unit: string | null, measure: UnitMeasure, actual: number) => {
    if (unit !== null && actual > 0) {
      rows.push({ drivingUnitId: unit, measure, actual });
    }
  };
  for (const r of await held) {
    push(r.unit, 'activities_held', Number(r.n));
  }
  for (const r of await people) {
    push(r.unit, 'participants_trained', Number(r.n));
    push(r.unit, 'communities_trained', Number(r.orgs));
  }
  for (const r of await teams) {
    push(r.unit, 'teams_incubated', Number(r.n));
  }
  for (const r of await hours) {
    push(r.unit, 'mentoring_hours', Number(r.n));
  }
  for (const r of await supervised) {
    push(r.unit, 'projects_supervised', Number(r.n));
  }
  for (const r of await produced) {
    push(r.unit, 'innovations_produced', Number(r.n));
  }
  return rows;
}
