import { and, asc, count, eq, inArray, isNotNull, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  impactIndicators,
  projectIndicatorFiles,
  projectIndicators,
  projectIndicatorValues,
  projectReports,
  users,
} from '@server/db/schema/index';

export type ProjectIndicatorRow = typeof projectIndicators.$inferSelect;
export type ProjectIndicatorInsert = typeof projectIndicators.$inferInsert;
export type IndicatorValueRow = typeof projectIndicatorValues.$inferSelect;
export type IndicatorFileRow = typeof projectIndicatorFiles.$inferSelect;
export type LibraryIndicatorRow = typeof impactIndicators.$inferSelect;

// ---- The project's reporting periods and the library -------------------------------------------------------------

/** The project's progress and final reports, in order: their periods are the indicators' reporting periods. */
export async function listReportPeriods(db: DbOrTx, projectId: string) {
  return db
    .select({
      reportId: projectReports.id,
      sequence: projectReports.sequence,
      kind: projectReports.kind,
      periodStart: projectReports.periodStart,
      periodEnd: projectReports.periodEnd,
      status: projectReports.status,
    })
    .from(projectReports)
    .where(eq(projectReports.projectId, projectId))
    .orderBy(asc(projectReports.sequence));
}

export async function findLibraryIndicator(db: DbOrTx, id: string): Promise<LibraryIndicatorRow | undefined> {
  const rows = await db.select().from(impactIndicators).where(eq(impactIndicators.id, id));
  return rows[0];
}

// ---- Project indicators -------------------------------------------------------------------------------------------

export async function listProjectIndicators(db: DbOrTx, projectId: string): Promise<ProjectIndicatorRow[]> {
  return db
    .select()
    .from(projectIndicators)
    .where(eq(projectIndicators.projectId, projectId))
    .orderBy(asc(projectIndicators.position), asc(projectIndicators.createdAt), asc(projectIndicators.code));
}

export async function findProjectIndicator(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<ProjectIndicatorRow | undefined> {
  const query = db.select().from(projectIndicators).where(eq(projectIndicators.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

export async function countProjectIndicators(db: DbOrTx, projectId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(projectIndicators)
    .where(eq(projectIndicators.projectId, projectId));
  return rows[0]?.n ?? 0;
}

export async function codeTaken(db: DbOrTx, projectId: string, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: projectIndicators.id })
    .from(projectIndicators)
    .where(
      and(eq(projectIndicators.projectId, projectId), sql`lower(${projectIndicators.code}) = lower(${code})`),
    );
  return rows.length > 0;
}

export async function insertProjectIndicator(
  db: DbOrTx,
  values: typeof projectIndicators.$inferInsert,
): Promise<ProjectIndicatorRow> {
  const rows = await db.insert(projectIndicators).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function updateProjectIndicatorIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof projectIndicators.$inferInsert>,
  now: Date,
): Promise<ProjectIndicatorRow | null> {
  const rows = await db
    .update(projectIndicators)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(projectIndicators.id, id), eq(projectIndicators.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteProjectIndicator(db: DbOrTx, id: string): Promise<void> {
  await db.delete(projectIndicators).where(eq(projectIndicators.id, id));
}

/** Unlinks the project's indicators from logic-model boxes that no longer exist; returns the unlinked ones. */
export async function unlinkIndicatorsOutside(
  db: DbOrTx,
  projectId: string,
  nodeIds: readonly string[],
  now: Date,
): Promise<Array<{ id: string; logicNodeId: string | null }>> {
  const where = and(
    eq(projectIndicators.projectId, projectId),
    isNotNull(projectIndicators.logicNodeId),
    ...(nodeIds.length > 0 ? [notInArray(projectIndicators.logicNodeId, [...nodeIds])] : []),
  );
  const before = await db
    .select({ id: projectIndicators.id, logicNodeId: projectIndicators.logicNodeId })
    .from(projectIndicators)
    .where(where);
  if (before.length > 0) {
    await db
      .update(projectIndicators)
      .set({ logicNodeId: null, version: sql`${projectIndicators.version} + 1`, updatedAt: now })
      .where(
        inArray(
          projectIndicators.id,
          before.map((b) => b.id),
        ),
      );
  }
  return before;
}

/** The project's indicators whose code is one of `codes` (exact), for the progress-report feed. */
export async function listProjectIndicatorsByCode(
  db: DbOrTx,
  projectId: string,
  codes: readonly string[],
): Promise<ProjectIndicatorRow[]> {
  if (codes.length === 0) {
    return [];
  }
  return db
    .select()
    .from(projectIndicators)
    .where(and(eq(projectIndicators.projectId, projectId), inArray(projectIndicators.code, [...codes])));
}

// ---- Values -------------------------------------------------------------------------------------------------------

/** Every value of the project's indicators with the reviewer's name and the sequence of its report. */
export async function listProjectValues(db: DbOrTx, projectId: string) {
  return db
    .select({
      value: projectIndicatorValues,
      reviewerName: users.name,
      reviewerStatus: users.status,
      reportSequence: projectReports.sequence,
    })
    .from(projectIndicatorValues)
    .leftJoin(users, eq(users.id, projectIndicatorValues.reviewedBy))
    .leftJoin(projectReports, eq(projectReports.id, projectIndicatorValues.reportId))
    .where(eq(projectIndicatorValues.projectId, projectId))
    .orderBy(asc(projectIndicatorValues.periodEnd), asc(projectIndicatorValues.createdAt));
}

export async function findValue(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<IndicatorValueRow | undefined> {
  const query = db.select().from(projectIndicatorValues).where(eq(projectIndicatorValues.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

export async function countValues(db: DbOrTx, projectIndicatorId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(projectIndicatorValues)
    .where(eq(projectIndicatorValues.projectIndicatorId, projectIndicatorId));
  return rows[0]?.n ?? 0;
}

export async function countVerifiedValues(db: DbOrTx, projectIndicatorId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(projectIndicatorValues)
    .where(
      and(
        eq(projectIndicatorValues.projectIndicatorId, projectIndicatorId),
        eq(projectIndicatorValues.status, 'verified'),
      ),
    );
  return rows[0]?.n ?? 0;
}

/** The indicator's values ending on `periodEnd`. */
export async function listValuesEnding(
  db: DbOrTx,
  projectIndicatorId: string,
  periodEnd: string,
): Promise<IndicatorValueRow[]> {
  return db
    .select()
    .from(projectIndicatorValues)
    .where(
      and(
        eq(projectIndicatorValues.projectIndicatorId, projectIndicatorId),
        eq(projectIndicatorValues.periodEnd, periodEnd),
      ),
    );
}

export async function findValueOfReport(
  db: DbOrTx,
  projectIndicatorId: string,
  reportId: string,
): Promise<IndicatorValueRow | undefined> {
  const rows = await db
    .select()
    .from(projectIndicatorValues)
    .where(
      and(
        eq(projectIndicatorValues.projectIndicatorId, projectIndicatorId),
        eq(projectIndicatorValues.reportId, reportId),
      ),
    )
    .for('update');
  return rows[0];
}

export async function insertValue(
  db: DbOrTx,
  values: typeof projectIndicatorValues.$inferInsert,
): Promise<IndicatorValueRow> {
  const rows = await db.insert(projectIndicatorValues).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function updateValueIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<typeof projectIndicatorValues.$inferInsert>,
  now: Date,
): Promise<IndicatorValueRow | null> {
  const rows = await db
    .update(projectIndicatorValues)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(projectIndicatorValues.id, id), eq(projectIndicatorValues.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteValue(db: DbOrTx, id: string): Promise<void> {
  await db.delete(projectIndicatorValues).where(eq(projectIndicatorValues.id, id));
}

// ---- Evidence files -----------------------------------------------------------------------------------------------

export async function listFilesOfValues(
  db: DbOrTx,
  valueIds: readonly string[],
): Promise<IndicatorFileRow[]> {
  if (valueIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(projectIndicatorFiles)
    .where(inArray(projectIndicatorFiles.valueId, [...valueIds]))
    .orderBy(asc(projectIndicatorFiles.createdAt));
}

/** Storage keys of every file of the given values (to remove the bytes after their rows go). */
export async function listStorageKeysOfIndicator(db: DbOrTx, projectIndicatorId: string): Promise<string[]> {
  const rows = await db
    .select({ key: projectIndicatorFiles.storageKey })
    .from(projectIndicatorFiles)
    .innerJoin(projectIndicatorValues, eq(projectIndicatorValues.id, projectIndicatorFiles.valueId))
    .where(eq(projectIndicatorValues.projectIndicatorId, projectIndicatorId));
  return rows.map((r) => r.key);
}

export async function findFile(db: DbOrTx, id: string): Promise<IndicatorFileRow | undefined> {
  const rows = await db.select().from(projectIndicatorFiles).where(eq(projectIndicatorFiles.id, id));
  return rows[0];
}

export async function countFiles(db: DbOrTx, valueId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(projectIndicatorFiles)
    .where(eq(projectIndicatorFiles.valueId, valueId));
  return rows[0]?.n ?? 0;
}

export async function insertFile(
  db: DbOrTx,
  values: typeof projectIndicatorFiles.$inferInsert,
): Promise<IndicatorFileRow> {
  const rows = await db.insert(projectIndicatorFiles).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function deleteFile(db: DbOrTx, id: string): Promise<void> {
  await db.delete(projectIndicatorFiles).where(eq(projectIndicatorFiles.id, id));
}
