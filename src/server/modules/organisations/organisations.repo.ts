import { and, asc, eq, sql } from 'drizzle-orm';
import { parseTextSearch } from '@server/lib/text-search';
import type { DbOrTx } from '@server/db/client';
import { organisationMembers, organisations, users } from '@server/db/schema/index';

export type OrganisationRow = typeof organisations.$inferSelect;

const withMyRole = (userId: string) => ({
  organisation: organisations,
  myRole: sql<
    string | null
  >`(SELECT m.role FROM organisation_members m WHERE m.organisation_id = organisations.id AND m.user_id = ${userId})`,
});

export async function insertOrganisation(
  db: DbOrTx,
  values: typeof organisations.$inferInsert,
): Promise<OrganisationRow> {
  const rows = await db.insert(organisations).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function findOrganisation(db: DbOrTx, id: string, userId: string) {
  const rows = await db.select(withMyRole(userId)).from(organisations).where(eq(organisations.id, id));
  return rows[0];
}

/** Organisations the user belongs to, or every organisation when `all` (staff). Scoped in SQL. */
export async function listOrganisations(db: DbOrTx, userId: string, all: boolean) {
  return db
    .select(withMyRole(userId))
    .from(organisations)
    .where(
      all
        ? undefined
        : sql`EXISTS (SELECT 1 FROM organisation_members m WHERE m.organisation_id = organisations.id AND m.user_id = ${userId})`,
    )
    .orderBy(asc(organisations.nameTh))
    .limit(500);
}

/** `%`, `_` and `\\` stand for themselves in an ILIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Minimal references to the organisations whose Thai or English name holds the text, by name (at most `limit`); when
 * none does, those whose name is similar to it (trigram word similarity: a misspelt or partly remembered name), the
 * most similar first. Both use the trigram index on `search_name`.
 */
export async function lookupOrganisations(db: DbOrTx, text: string, limit: number) {
  const pattern = `%${escapeLike(text)}%`;
  const columns = {
    id: organisations.id,
    nameTh: organisations.nameTh,
    nameEn: organisations.nameEn,
    type: organisations.type,
    provinceCode: organisations.provinceCode,
  };
  const holding = await db
    .select(columns)
    .from(organisations)
    .where(sql`${organisations.searchName} ILIKE ${pattern}`)
    .orderBy(asc(organisations.nameTh), asc(organisations.id))
    .limit(limit);
  const search = parseTextSearch(text);
  if (holding.length > 0 || !search) {
    return holding;
  }
  return db
    .select(columns)
    .from(organisations)
    .where(sql`${search.raw} <% ${organisations.searchName}`)
    .orderBy(
      sql`word_similarity(${search.raw}, ${organisations.searchName}) DESC`,
      asc(organisations.nameTh),
      asc(organisations.id),
    )
    .limit(limit);
}

/** Updates when the version matches (optimistic concurrency); undefined when someone else changed it first. */
export async function updateOrganisation(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof organisations.$inferInsert>,
): Promise<OrganisationRow | undefined> {
  const rows = await db
    .update(organisations)
    .set({ ...values, version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning();
  return rows[0];
}

export async function findByJuristicId(db: DbOrTx, juristicId: string) {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.juristicId, juristicId));
  return rows[0];
}

export async function listMembers(db: DbOrTx, organisationId: string) {
  return db
    .select({
      userId: organisationMembers.userId,
      name: users.name,
      email: users.email,
      status: users.status,
      locale: users.locale,
      role: organisationMembers.role,
      joinedAt: organisationMembers.joinedAt,
    })
    .from(organisationMembers)
    .innerJoin(users, eq(users.id, organisationMembers.userId))
    .where(eq(organisationMembers.organisationId, organisationId))
    .orderBy(asc(organisationMembers.joinedAt));
}

export async function findMember(db: DbOrTx, organisationId: string, userId: string) {
  const rows = await db
    .select()
    .from(organisationMembers)
    .where(
      and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)),
    );
  return rows[0];
}

export async function insertMember(db: DbOrTx, organisationId: string, userId: string, role: string) {
  await db
    .insert(organisationMembers)
    .values({ organisationId, userId, role })
    .onConflictDoUpdate({
      target: [organisationMembers.organisationId, organisationMembers.userId],
      set: { role },
    });
}

export async function setMemberRole(db: DbOrTx, organisationId: string, userId: string, role: string) {
  await db
    .update(organisationMembers)
    .set({ role })
    .where(
      and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)),
    );
}

export async function deleteMember(db: DbOrTx, organisationId: string, userId: string) {
  await db
    .delete(organisationMembers)
    .where(
      and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.userId, userId)),
    );
}

/** Owners of the organisation, locked for the rest of the transaction so that two owners cannot both leave. */
export async function lockOwners(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: organisationMembers.userId })
    .from(organisationMembers)
    .where(and(eq(organisationMembers.organisationId, organisationId), eq(organisationMembers.role, 'owner')))
    .for('update');
  return rows.map((r) => r.userId);
}
