import { and, desc, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { authTokens, privacyNotices, sessions, userRoles, users } from '@server/db/schema/index';

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

/** A live session by token hash, with its user (active only). */
export async function findLiveSession(db: DbOrTx, tokenHash: string) {
  const rows = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, tokenHash),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        eq(users.status, 'active'),
      ),
    );
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
    .select({ id: authTokens.id, email: authTokens.email, data: authTokens.data, expiresAt: authTokens.expiresAt })
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
