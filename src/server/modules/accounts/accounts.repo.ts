import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import { preparedQuery } from '@server/db/prepared';
import type { DbOrTx } from '@server/db/client';
import {
  auditEvents,
  authTokens,
  organisationMembers,
  organisations,
  privacyNotices,
  sessions,
  userRoles,
  users,
} from '@server/db/schema/index';

export type UserRow = typeof users.$inferSelect;

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.email, email));
  return rows[0];
}

export async function findUserById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.id, id));
  return rows[0];
}

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const rows = await db.insert(users).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function updateUser(
  db: DbOrTx,
  id: string,
  values: Partial<typeof users.$inferInsert>,
): Promise<UserRow> {
  const rows = await db
    .update(users)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(users.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error('update matched no row');
  }
  return row;
}

export async function listRoles(db: DbOrTx, userId: string) {
  return db
    .select({ role: userRoles.role, drivingUnitId: userRoles.drivingUnitId })
    .from(userRoles)
    .where(eq(userRoles.userId, userId));
}

export async function insertRole(db: DbOrTx, values: typeof userRoles.$inferInsert) {
  await db.insert(userRoles).values(values).onConflictDoNothing();
}

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert) {
  const rows = await db.insert(sessions).values(values).returning({ id: sessions.id });
  return rows[0]?.id ?? '';
}

/**
 * A live session by token hash, with what the request's actor needs of its user (active only) and the user's roles:
 * one prepared query, as every signed-in request asks it.
 */
const findLiveSessionQuery = preparedQuery((db) =>
  db
    .select({
      sessionId: sessions.id,
      csrfToken: sessions.csrfToken,
      mfaPending: sessions.mfaPending,
      lastSeenAt: sessions.lastSeenAt,
      userId: users.id,
      totpEnabledAt: users.totpEnabledAt,
      roles: sql<Array<{ role: string; drivingUnitId: string | null }>>`coalesce((
        SELECT json_agg(json_build_object('role', ${userRoles.role}, 'drivingUnitId', ${userRoles.drivingUnitId}))
        FROM ${userRoles} WHERE ${userRoles.userId} = ${users.id}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.status, 'active'),
      ),
    )
    .prepare('sessions_find_live'),
);

export async function findLiveSession(db: DbOrTx, tokenHash: string) {
  const rows = await findLiveSessionQuery(db).execute({ tokenHash });
  return rows[0];
}

export async function touchSession(db: DbOrTx, id: string) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(eq(sessions.id, id));
}

export async function completeSessionMfa(db: DbOrTx, id: string) {
  await db
    .update(sessions)
    .set({ mfaPending: false, lastSeenAt: sql`now()` })
    .where(eq(sessions.id, id));
}

export async function revokeSession(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(sessions.id, id), eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return rows.length > 0;
}

export async function revokeOtherSessions(db: DbOrTx, userId: string, keepSessionId: string | null) {
  await db
    .update(sessions)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        keepSessionId ? ne(sessions.id, keepSessionId) : undefined,
      ),
    );
}

export async function listLiveSessions(db: DbOrTx, userId: string) {
  return db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
}

export async function insertToken(db: DbOrTx, values: typeof authTokens.$inferInsert) {
  await db.insert(authTokens).values(values);
}

export async function findToken(db: DbOrTx, purpose: string, tokenHash: string) {
  const rows = await db
    .select()
    .from(authTokens)
    .where(and(eq(authTokens.purpose, purpose), eq(authTokens.tokenHash, tokenHash)));
  return rows[0];
}

/** Marks a token used; false when another request used it first. */
export async function useToken(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(authTokens.id, id), isNull(authTokens.usedAt)))
    .returning({ id: authTokens.id });
  return rows.length > 0;
}

export async function latestPrivacyNotice(db: DbOrTx) {
  const rows = await db.select().from(privacyNotices).orderBy(desc(privacyNotices.publishedAt)).limit(1);
  return rows[0];
}

export async function upsertPrivacyNotice(db: DbOrTx, values: typeof privacyNotices.$inferInsert) {
  await db.insert(privacyNotices).values(values).onConflictDoNothing();
}

/** Unused, unexpired tokens of a purpose whose data has `key` = `value`. */
export async function listOpenTokens(db: DbOrTx, purpose: string, key: string, value: string) {
  return db
    .select({
      id: authTokens.id,
      email: authTokens.email,
      data: authTokens.data,
      expiresAt: authTokens.expiresAt,
    })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.purpose, purpose),
        sql`${authTokens.data}->>${key} = ${value}`,
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    )
    .orderBy(authTokens.createdAt);
}

export async function listMembershipsOf(db: DbOrTx, userId: string) {
  return db
    .select({
      organisationId: organisationMembers.organisationId,
      nameTh: organisations.nameTh,
      role: organisationMembers.role,
      joinedAt: organisationMembers.joinedAt,
    })
    .from(organisationMembers)
    .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
    .where(eq(organisationMembers.userId, userId));
}

/** Organisations in which the user is the only owner. */
export async function listSoleOwnerships(db: DbOrTx, userId: string) {
  return db
    .select({ organisationId: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.userId, userId),
        eq(organisationMembers.role, 'owner'),
        sql`(SELECT count(*) FROM organisation_members o WHERE o.organisation_id = ${organisationMembers.organisationId} AND o.role = 'owner') = 1`,
      ),
    );
}

export async function deleteMembershipsOf(db: DbOrTx, userId: string) {
  await db.delete(organisationMembers).where(eq(organisationMembers.userId, userId));
}

export async function deleteRolesOf(db: DbOrTx, userId: string) {
  await db.delete(userRoles).where(eq(userRoles.userId, userId));
}

export async function deleteRole(db: DbOrTx, userId: string, role: string): Promise<boolean> {
  const rows = await db
    .delete(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)))
    .returning({ role: userRoles.role });
  return rows.length > 0;
}

export async function deleteTokensOf(db: DbOrTx, userId: string, email: string | null) {
  await db
    .delete(authTokens)
    .where(
      email
        ? sql`${authTokens.userId} = ${userId} OR ${authTokens.email} = ${email}`
        : eq(authTokens.userId, userId),
    );
}

export async function listAuditOfActor(db: DbOrTx, userId: string) {
  return db
    .select({
      action: auditEvents.action,
      entityType: auditEvents.entityType,
      entityId: auditEvents.entityId,
      ip: auditEvents.ip,
      createdAt: auditEvents.createdAt,
    })
    .from(auditEvents)
    .where(eq(auditEvents.actorUserId, userId))
    .orderBy(desc(auditEvents.id))
    .limit(10_000);
}

export async function listUsers(db: DbOrTx, search: string | undefined, limit: number) {
  const pattern = search ? `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      status: users.status,
      createdAt: users.createdAt,
      roles: sql<
        Array<{ role: string; drivingUnitId: string | null }>
      >`coalesce((SELECT json_agg(json_build_object('role', r.role, 'drivingUnitId', r.driving_unit_id) ORDER BY r.role) FROM user_roles r WHERE r.user_id = users.id), '[]'::json)`,
    })
    .from(users)
    .where(pattern ? sql`(${users.email} ILIKE ${pattern} OR ${users.name} ILIKE ${pattern})` : undefined)
    .orderBy(users.createdAt)
    .limit(limit);
}

export async function countActiveAdministrators(db: DbOrTx): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, 'administrator'), eq(users.status, 'active')));
  return Number(rows[0]?.n ?? 0);
}

export async function listActiveUserIdsWithRole(db: DbOrTx, role: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: users.id })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.role, role), eq(users.status, 'active')));
  return rows.map((r) => r.id);
}
