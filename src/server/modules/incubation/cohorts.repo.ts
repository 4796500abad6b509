import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  assessmentQuestionnaires,
  assessmentResponses,
  cohortMembers,
  cohorts,
  drivingUnits,
  organisationMembers,
  organisations,
  programmes,
  users,
} from '@server/db/schema/index';

export type CohortRow = typeof cohorts.$inferSelect;

/** Which cohorts an actor may see: all (officers), a unit's and their own memberships (staff), or memberships. */
export interface CohortScope {
  all: boolean;
  drivingUnitId: string | null;
  userId: string;
}

const isMemberOf = (userId: string) =>
  sql`EXISTS (SELECT 1 FROM ${cohortMembers} WHERE ${cohortMembers.cohortId} = ${cohorts.id} AND ${cohortMembers.userId} = ${userId})`;

/** The scope as a SQL condition on `cohorts`. */
function visibleCohortsWhere(scope: CohortScope): SQL | undefined {
  if (scope.all) {
    return undefined;
  }
  const member = isMemberOf(scope.userId);
  return scope.drivingUnitId === null
    ? member
    : sql`(${cohorts.drivingUnitId} = ${scope.drivingUnitId} OR ${member})`;
}

const answered = (userId: string, phase: 'pre' | 'post') =>
  sql<boolean>`EXISTS (SELECT 1 FROM ${assessmentResponses} r JOIN ${assessmentQuestionnaires} q ON q.id = r.questionnaire_id
    WHERE q.cohort_id = ${cohorts.id} AND r.user_id = ${userId} AND r.phase = ${phase})`;

/** The columns of a cohort's summary, with what the actor is to it. */
function summaryColumns(userId: string) {
  return {
    cohort: cohorts,
    drivingUnitNameTh: drivingUnits.nameTh,
    drivingUnitNameEn: drivingUnits.nameEn,
    programmeNameTh: programmes.nameTh,
    programmeNameEn: programmes.nameEn,
    memberCount: sql<string>`(SELECT COUNT(*) FROM ${cohortMembers} WHERE ${cohortMembers.cohortId} = ${cohorts.id})`,
    hasQuestionnaire: sql<boolean>`EXISTS (SELECT 1 FROM ${assessmentQuestionnaires} WHERE ${assessmentQuestionnaires.cohortId} = ${cohorts.id})`,
    isMember: sql<boolean>`${isMemberOf(userId)}`,
    answeredPre: answered(userId, 'pre'),
    answeredPost: answered(userId, 'post'),
  };
}

export type CohortSummaryRow = Awaited<ReturnType<typeof listCohorts>>[number];

/** The cohorts in scope, newest fiscal year first, then by start date and name. */
export async function listCohorts(
  db: DbOrTx,
  scope: CohortScope,
  filters: { fiscalYear?: number | undefined; drivingUnitId?: string | undefined },
) {
  const conditions = [
    visibleCohortsWhere(scope),
    filters.fiscalYear === undefined ? undefined : eq(cohorts.fiscalYear, filters.fiscalYear),
    filters.drivingUnitId === undefined ? undefined : eq(cohorts.drivingUnitId, filters.drivingUnitId),
  ].filter((c): c is SQL => c !== undefined);
  return db
    .select(summaryColumns(scope.userId))
    .from(cohorts)
    .innerJoin(drivingUnits, eq(drivingUnits.id, cohorts.drivingUnitId))
    .leftJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(conditions.length > 0 ? and(...conditions) : undefined)
    .orderBy(desc(cohorts.fiscalYear), sql`${cohorts.startsOn} DESC NULLS LAST`, asc(cohorts.nameTh))
    .limit(500);
}

/** One cohort's summary columns, as the actor sees them (no scope: the service decides). */
export async function findCohortSummary(db: DbOrTx, id: string, userId: string) {
  const rows = await db
    .select(summaryColumns(userId))
    .from(cohorts)
    .innerJoin(drivingUnits, eq(drivingUnits.id, cohorts.drivingUnitId))
    .leftJoin(programmes, eq(programmes.id, cohorts.programmeId))
    .where(eq(cohorts.id, id));
  return rows[0];
}

export async function findCohort(db: DbOrTx, id: string): Promise<CohortRow | undefined> {
  const rows = await db.select().from(cohorts).where(eq(cohorts.id, id));
  return rows[0];
}

/** Locks a cohort's row for the rest of the transaction (member and questionnaire changes queue behind it). */
export async function lockCohort(db: DbOrTx, id: string): Promise<CohortRow | undefined> {
  const rows = await db.select().from(cohorts).where(eq(cohorts.id, id)).for('update');
  return rows[0];
}

export async function insertCohort(db: DbOrTx, values: typeof cohorts.$inferInsert): Promise<CohortRow> {
  const rows = await db.insert(cohorts).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('cohort insert returned no row');
  }
  return row;
}

/** Updates a cohort and moves its version on. */
export async function updateCohort(
  db: DbOrTx,
  id: string,
  values: Partial<typeof cohorts.$inferInsert>,
): Promise<CohortRow> {
  const rows = await db
    .update(cohorts)
    .set({ ...values, version: sql`${cohorts.version} + 1`, updatedAt: new Date() })
    .where(eq(cohorts.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error('cohort update returned no row');
  }
  return row;
}

export async function drivingUnitExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: drivingUnits.id }).from(drivingUnits).where(eq(drivingUnits.id, id));
  return rows.length > 0;
}

export async function programmeExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id));
  return rows.length > 0;
}

// ---- Members --------------------------------------------------------------------------------------------------------

export async function isMember(db: DbOrTx, cohortId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: cohortMembers.userId })
    .from(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)));
  return rows.length > 0;
}

/** A cohort's members with names, organisations and which phases they answered, by name. */
export async function listMembers(db: DbOrTx, cohortId: string) {
  const phase = (p: 'pre' | 'post') =>
    sql<boolean>`EXISTS (SELECT 1 FROM ${assessmentResponses} r JOIN ${assessmentQuestionnaires} q ON q.id = r.questionnaire_id
      WHERE q.cohort_id = ${cohortMembers.cohortId} AND r.user_id = ${cohortMembers.userId} AND r.phase = ${p})`;
  return db
    .select({
      userId: cohortMembers.userId,
      name: users.name,
      email: users.email,
      organisationId: cohortMembers.organisationId,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      joinedAt: cohortMembers.joinedAt,
      answeredPre: phase('pre'),
      answeredPost: phase('post'),
    })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .leftJoin(organisations, eq(organisations.id, cohortMembers.organisationId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(users.name), asc(cohortMembers.userId));
}

export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

export async function countMembers(db: DbOrTx, cohortId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<string>`COUNT(*)` })
    .from(cohortMembers)
    .where(eq(cohortMembers.cohortId, cohortId));
  return Number(rows[0]?.n ?? 0);
}

/** An active account by its (lower-cased) email. */
export async function findActiveUserByEmail(db: DbOrTx, email: string) {
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.status, 'active')));
  return rows[0];
}

/** The organisations a person is a member of, by name. */
export async function listOrganisationsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({ id: organisations.id, nameTh: organisations.nameTh, nameEn: organisations.nameEn })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisations.nameTh));
}

/** Adds a member; false when they already were one. */
export async function insertMember(db: DbOrTx, values: typeof cohortMembers.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(cohortMembers)
    .values(values)
    .onConflictDoNothing()
    .returning({ userId: cohortMembers.userId });
  return rows.length > 0;
}

export async function deleteMember(db: DbOrTx, cohortId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(cohortMembers)
    .where(and(eq(cohortMembers.cohortId, cohortId), eq(cohortMembers.userId, userId)))
    .returning({ userId: cohortMembers.userId });
  return rows.length > 0;
}
