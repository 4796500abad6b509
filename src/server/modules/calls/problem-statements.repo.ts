import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { updateIfVersionMatches } from '@server/db/versioned';
import { organisations, problemStatements } from '@server/db/schema/index';
import type { ProblemStatus } from '@shared/contracts/calls';

const columns = {
  id: problemStatements.id,
  callId: problemStatements.callId,
  titleTh: problemStatements.titleTh,
  titleEn: problemStatements.titleEn,
  descriptionTh: problemStatements.descriptionTh,
  descriptionEn: problemStatements.descriptionEn,
  provinceCode: problemStatements.provinceCode,
  districtCode: problemStatements.districtCode,
  theme: problemStatements.theme,
  expectedResultTh: problemStatements.expectedResultTh,
  expectedResultEn: problemStatements.expectedResultEn,
  ownerUserId: problemStatements.ownerUserId,
  ownerOrganisationId: problemStatements.ownerOrganisationId,
  ownerOrganisationName: organisations.nameTh,
  status: problemStatements.status,
  version: problemStatements.version,
  createdAt: problemStatements.createdAt,
};

export async function findStatement(db: DbOrTx, id: string) {
  const rows = await db
    .select(columns)
    .from(problemStatements)
    .leftJoin(organisations, eq(organisations.id, problemStatements.ownerOrganisationId))
    .where(eq(problemStatements.id, id));
  return rows[0];
}
export type StatementRow = NonNullable<Awaited<ReturnType<typeof findStatement>>>;

/**
 * A call's statements that a viewer may see: published ones for everyone; also the viewer's own (any status), and
 * every status for officers.
 */
export async function listStatements(
  db: DbOrTx,
  callId: string,
  viewer: { userId: string | null; seesAll: boolean },
) {
  const visible: SQL | undefined = viewer.seesAll
    ? undefined
    : or(
        eq(problemStatements.status, 'published'),
        viewer.userId ? eq(problemStatements.ownerUserId, viewer.userId) : undefined,
      );
  return db
    .select(columns)
    .from(problemStatements)
    .leftJoin(organisations, eq(organisations.id, problemStatements.ownerOrganisationId))
    .where(and(eq(problemStatements.callId, callId), visible))
    .orderBy(
      sql`CASE ${problemStatements.status} WHEN 'pending' THEN 0 WHEN 'published' THEN 1 ELSE 2 END`,
      asc(problemStatements.createdAt),
    );
}

export type NewStatement = typeof problemStatements.$inferInsert;
export type StatementChanges = Partial<
  Omit<NewStatement, 'id' | 'callId' | 'ownerUserId' | 'status' | 'version' | 'createdAt' | 'updatedAt'>
>;

export async function insertStatement(db: DbOrTx, values: NewStatement): Promise<string> {
  const rows = await db.insert(problemStatements).values(values).returning({ id: problemStatements.id });
  const row = rows[0];
  if (!row) {
    throw new Error('problem statement insert returned nothing');
  }
  return row.id;
}

/** Updates a statement if `version` is still current; false when another change came first. */
export function updateStatement(
  db: DbOrTx,
  id: string,
  version: number,
  changes: StatementChanges,
): Promise<boolean> {
  return updateIfVersionMatches(db, problemStatements, id, version, changes);
}

/** Moves a statement between statuses; false when its status changed meanwhile. */
export async function setStatementStatus(
  db: DbOrTx,
  id: string,
  from: readonly ProblemStatus[],
  to: ProblemStatus,
): Promise<boolean> {
  const rows = await db
    .update(problemStatements)
    .set({ status: to, version: sql`${problemStatements.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(problemStatements.id, id), inArray(problemStatements.status, [...from])))
    .returning({ id: problemStatements.id });
  return rows.length > 0;
}
