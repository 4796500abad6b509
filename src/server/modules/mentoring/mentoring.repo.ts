import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  drivingUnits,
  mentoringRequests,
  mentoringSessions,
  organisationMembers,
  organisations,
  personnelRecognitions,
  projects,
  siPersonnel,
  userRoles,
  users,
} from '@server/db/schema/index';

// All SQL of SI personnel and mentoring. The person's record is counted here from the sessions, the activities they
// facilitated and the projects they supported (read-only subqueries over activity_facilitators and activities).

export type PersonRow = typeof siPersonnel.$inferSelect;
export type RequestRow = typeof mentoringRequests.$inferSelect;
export type SessionRow = typeof mentoringSessions.$inferSelect;
export type RecognitionRow = typeof personnelRecognitions.$inferSelect;

const recordColumns = {
  hoursMentored: sql<string>`coalesce((select sum(s.hours) from mentoring_sessions s where s.mentor_id = ${siPersonnel.id}), 0)`,
  sessions: sql<number>`(select count(*) from mentoring_sessions s where s.mentor_id = ${siPersonnel.id})::int`,
  activitiesFacilitated: sql<number>`(select count(*) from activity_facilitators f join activities a on a.id = f.activity_id
    where f.person_id = ${siPersonnel.id} and a.status in ('published', 'completed'))::int`,
  projectsSupported: sql<number>`(select count(distinct p.project_id) from (
      select s.project_id from mentoring_sessions s where s.mentor_id = ${siPersonnel.id} and s.project_id is not null
      union select r.project_id from mentoring_requests r where r.mentor_id = ${siPersonnel.id}
        and r.project_id is not null and r.status in ('assigned', 'closed')) p)::int`,
  averageRating: sql<
    string | null
  >`(select avg(s.satisfaction) from mentoring_sessions s where s.mentor_id = ${siPersonnel.id} and s.satisfaction is not null)`,
  ratings: sql<number>`(select count(s.satisfaction) from mentoring_sessions s where s.mentor_id = ${siPersonnel.id})::int`,
};

const personColumns = {
  person: siPersonnel,
  drivingUnitNameTh: drivingUnits.nameTh,
  drivingUnitNameEn: drivingUnits.nameEn,
  ...recordColumns,
};

export type PersonWithRecord = Awaited<ReturnType<typeof findPersonWithRecord>>;

export interface PersonnelFilter {
  q?: string;
  role?: string;
  expertise?: string;
  drivingUnitId?: string;
  provinceCode?: number;
  mentorsOnly: boolean;
  /** Whose inactive entries show too: every unit's (officers), one unit's (its staff), or none. */
  inactiveOf: 'all' | 'none' | { drivingUnitId: string };
}

/** The registry, filtered; people by Thai name. */
export async function listPersonnel(db: DbOrTx, filter: PersonnelFilter) {
  const where: Array<SQL | undefined> = [];
  if (filter.inactiveOf === 'none') {
    where.push(eq(siPersonnel.isActive, true));
  } else if (filter.inactiveOf !== 'all') {
    where.push(
      or(eq(siPersonnel.isActive, true), eq(siPersonnel.drivingUnitId, filter.inactiveOf.drivingUnitId)),
    );
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        ilike(siPersonnel.nameTh, pattern),
        ilike(siPersonnel.nameEn, pattern),
        ilike(siPersonnel.bioTh, pattern),
      ),
    );
  }
  if (filter.role) {
    where.push(sql`${filter.role} = any(${siPersonnel.roles})`);
  }
  if (filter.expertise) {
    where.push(sql`${filter.expertise} = any(${siPersonnel.expertise})`);
  }
  if (filter.drivingUnitId) {
    where.push(eq(siPersonnel.drivingUnitId, filter.drivingUnitId));
  }
  if (filter.provinceCode !== undefined) {
    where.push(eq(siPersonnel.provinceCode, filter.provinceCode));
  }
  if (filter.mentorsOnly) {
    where.push(eq(siPersonnel.isMentor, true));
  }
  return db
    .select(personColumns)
    .from(siPersonnel)
    .leftJoin(drivingUnits, eq(drivingUnits.id, siPersonnel.drivingUnitId))
    .where(and(...where))
    .orderBy(asc(siPersonnel.nameTh))
    .limit(500);
}

export async function findPersonWithRecord(db: DbOrTx, id: string) {
  const rows = await db
    .select(personColumns)
    .from(siPersonnel)
    .leftJoin(drivingUnits, eq(drivingUnits.id, siPersonnel.drivingUnitId))
    .where(eq(siPersonnel.id, id));
  return rows[0];
}

export async function findPerson(db: DbOrTx, id: string, lock = false): Promise<PersonRow | undefined> {
  const query = db.select().from(siPersonnel).where(eq(siPersonnel.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** The registry entry linked to an account, if any. */
export async function findPersonByUser(db: DbOrTx, userId: string): Promise<PersonRow | undefined> {
  const rows = await db.select().from(siPersonnel).where(eq(siPersonnel.userId, userId));
  return rows[0];
}

export async function insertPerson(db: DbOrTx, values: typeof siPersonnel.$inferInsert): Promise<PersonRow> {
  const rows = await db.insert(siPersonnel).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function updatePerson(
  db: DbOrTx,
  id: string,
  values: Partial<typeof siPersonnel.$inferInsert>,
): Promise<void> {
  await db
    .update(siPersonnel)
    .set({ ...values, version: sql`${siPersonnel.version} + 1`, updatedAt: new Date() })
    .where(eq(siPersonnel.id, id));
}

export async function listRecognitions(db: DbOrTx, personId: string): Promise<RecognitionRow[]> {
  return db
    .select()
    .from(personnelRecognitions)
    .where(eq(personnelRecognitions.personId, personId))
    .orderBy(desc(personnelRecognitions.awardedOn));
}

export async function insertRecognition(
  db: DbOrTx,
  values: typeof personnelRecognitions.$inferInsert,
): Promise<RecognitionRow> {
  const rows = await db.insert(personnelRecognitions).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

/** An active account by its email (to link a registry entry to it). */
export async function findUserIdByEmail(db: DbOrTx, email: string): Promise<string | null> {
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.email, email.toLowerCase()), eq(users.status, 'active')));
  return rows[0]?.id ?? null;
}

export async function driveUnitExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: drivingUnits.id }).from(drivingUnits).where(eq(drivingUnits.id, id));
  return rows.length > 0;
}

/** Active mentors, the unit's own first. */
export async function listMentorOptions(db: DbOrTx, drivingUnitId: string | null) {
  return db
    .select({
      id: siPersonnel.id,
      nameTh: siPersonnel.nameTh,
      nameEn: siPersonnel.nameEn,
      expertise: siPersonnel.expertise,
      drivingUnitId: siPersonnel.drivingUnitId,
    })
    .from(siPersonnel)
    .where(and(eq(siPersonnel.isMentor, true), eq(siPersonnel.isActive, true)))
    .orderBy(
      drivingUnitId
        ? sql`case when ${siPersonnel.drivingUnitId} = ${drivingUnitId} then 0 else 1 end`
        : asc(siPersonnel.nameTh),
      asc(siPersonnel.nameTh),
    );
}

// ---- Requests ----------------------------------------------------------------------------------------------------

const mentor = siPersonnel;
const requestColumns = {
  request: mentoringRequests,
  requesterName: users.name,
  organisationNameTh: organisations.nameTh,
  projectTitleTh: projects.titleTh,
  projectOrganisationId: projects.organisationId,
  drivingUnitNameTh: drivingUnits.nameTh,
  drivingUnitNameEn: drivingUnits.nameEn,
  mentorNameTh: mentor.nameTh,
  mentorNameEn: mentor.nameEn,
  mentorUserId: mentor.userId,
};

function requestQuery(db: DbOrTx) {
  return db
    .select(requestColumns)
    .from(mentoringRequests)
    .innerJoin(users, eq(users.id, mentoringRequests.requesterUserId))
    .leftJoin(organisations, eq(organisations.id, mentoringRequests.organisationId))
    .leftJoin(projects, eq(projects.id, mentoringRequests.projectId))
    .leftJoin(drivingUnits, eq(drivingUnits.id, mentoringRequests.drivingUnitId))
    .leftJoin(mentor, eq(mentor.id, mentoringRequests.mentorId));
}

export type RequestWithNames = NonNullable<Awaited<ReturnType<typeof findRequest>>>;

export async function findRequest(db: DbOrTx, id: string) {
  const rows = await requestQuery(db).where(eq(mentoringRequests.id, id));
  return rows[0];
}

export async function lockRequest(db: DbOrTx, id: string): Promise<RequestRow | undefined> {
  const rows = await db.select().from(mentoringRequests).where(eq(mentoringRequests.id, id)).for('update');
  return rows[0];
}

/** The organisations the user belongs to (any role). */
export function myOrganisationIds(userId: string): SQL {
  return sql`(select ${organisationMembers.organisationId} from ${organisationMembers} where ${organisationMembers.userId} = ${userId})`;
}

/** Whose requests a list shows; the list is the union of its scopes. */
export type RequestScope =
  | { kind: 'mentee'; userId: string }
  | { kind: 'mentor'; userId: string }
  | { kind: 'unit'; drivingUnitId: string }
  | { kind: 'all_units' };

function scopeWhere(scope: RequestScope): SQL {
  switch (scope.kind) {
    case 'mentee':
      // asked by the user, or by an organisation (or an organisation's project) they belong to
      return sql`(${mentoringRequests.requesterUserId} = ${scope.userId}
        or ${mentoringRequests.organisationId} in ${myOrganisationIds(scope.userId)}
        or ${mentoringRequests.projectId} in (select p.id from projects p where p.organisation_id in ${myOrganisationIds(scope.userId)}))`;
    case 'mentor':
      return sql`${mentoringRequests.mentorId} in (select sp.id from si_personnel sp where sp.user_id = ${scope.userId})`;
    case 'unit':
      return sql`${mentoringRequests.drivingUnitId} = ${scope.drivingUnitId}`;
    case 'all_units':
      return sql`true`;
  }
}

/** Requests in any of the scopes, optionally of one status, newest first. */
export async function listRequests(db: DbOrTx, scopes: RequestScope[], status?: string) {
  const visible = or(...scopes.map(scopeWhere));
  return requestQuery(db)
    .where(and(visible, status ? eq(mentoringRequests.status, status) : undefined))
    .orderBy(desc(mentoringRequests.createdAt))
    .limit(500);
}

export async function insertRequest(
  db: DbOrTx,
  values: typeof mentoringRequests.$inferInsert,
): Promise<RequestRow> {
  const rows = await db.insert(mentoringRequests).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function updateRequest(
  db: DbOrTx,
  id: string,
  values: Partial<typeof mentoringRequests.$inferInsert>,
): Promise<void> {
  await db
    .update(mentoringRequests)
    .set({ ...values, version: sql`${mentoringRequests.version} + 1`, updatedAt: new Date() })
    .where(eq(mentoringRequests.id, id));
}

/** Whether the user is a member of the organisation. */
export async function isMemberOf(db: DbOrTx, organisationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(
      and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)),
    );
  return rows.length > 0;
}

/** Every organisation the user belongs to. */
export async function listMyOrganisationIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return rows.map((r) => r.id);
}

/** The organisation the user joined first (the demo's mentee), or null. */
export async function firstOrganisationOf(db: DbOrTx, userId: string): Promise<string | null> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId))
    .orderBy(asc(organisationMembers.joinedAt))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Member user ids of organisations (for the mentee side of a request). */
export async function listMemberIds(db: DbOrTx, organisationIds: string[]): Promise<string[]> {
  if (organisationIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectDistinct({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(inArray(organisationMembers.organisationId, organisationIds));
  return rows.map((r) => r.userId);
}

/** Contacts to write to: name, email, language (active accounts only). */
export async function listContacts(db: DbOrTx, userIds: string[]) {
  if (userIds.length === 0) {
    return [];
  }
  return db
    .select({ userId: users.id, name: users.name, email: users.email, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, userIds), eq(users.status, 'active')));
}

/** The staff of a driving unit (for messages about its mentoring queue). */
export async function listUnitStaffIds(db: DbOrTx, drivingUnitId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        eq(userRoles.role, 'driving_unit_staff'),
        eq(userRoles.drivingUnitId, drivingUnitId),
        eq(users.status, 'active'),
      ),
    );
  return rows.map((r) => r.userId);
}

// ---- Sessions ----------------------------------------------------------------------------------------------------

const sessionColumns = {
  session: mentoringSessions,
  mentorNameTh: mentor.nameTh,
  mentorNameEn: mentor.nameEn,
};

export type SessionWithNames = Awaited<ReturnType<typeof listSessionsOfRequest>>[number];

export async function listSessionsOfRequest(db: DbOrTx, requestId: string) {
  return db
    .select(sessionColumns)
    .from(mentoringSessions)
    .innerJoin(mentor, eq(mentor.id, mentoringSessions.mentorId))
    .where(eq(mentoringSessions.requestId, requestId))
    .orderBy(desc(mentoringSessions.heldOn), desc(mentoringSessions.createdAt));
}

export async function findSession(db: DbOrTx, id: string, lock = false) {
  const query = db
    .select(sessionColumns)
    .from(mentoringSessions)
    .innerJoin(mentor, eq(mentor.id, mentoringSessions.mentorId))
    .where(eq(mentoringSessions.id, id));
  const rows = lock ? await query.for('update', { of: mentoringSessions }) : await query;
  return rows[0];
}

export async function insertSession(
  db: DbOrTx,
  values: typeof mentoringSessions.$inferInsert,
): Promise<SessionRow> {
  const rows = await db.insert(mentoringSessions).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function rateSession(
  db: DbOrTx,
  id: string,
  values: { satisfaction: number; satisfactionComment: string; ratedAt: Date },
): Promise<boolean> {
  const rows = await db
    .update(mentoringSessions)
    .set(values)
    .where(and(eq(mentoringSessions.id, id), sql`${mentoringSessions.satisfaction} is null`))
    .returning({ id: mentoringSessions.id });
  return rows.length > 0;
}
