import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { sroiAssessments } from '@server/db/schema/index';

export type SroiAssessmentRow = typeof sroiAssessments.$inferSelect;
export type NewSroiAssessment = typeof sroiAssessments.$inferInsert;

/** A project's assessments: forecast before evaluative, newest version first. */
export async function listAssessments(db: DbOrTx, projectId: string): Promise<SroiAssessmentRow[]> {
  return db
    .select()
    .from(sroiAssessments)
    .where(eq(sroiAssessments.projectId, projectId))
    .orderBy(asc(sroiAssessments.kind), desc(sroiAssessments.versionNo));
}

/** One assessment (`lock`: FOR UPDATE, for a command that decides on its state). */
export async function findAssessment(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<SroiAssessmentRow | undefined> {
  const query = db.select().from(sroiAssessments).where(eq(sroiAssessments.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** The latest version of a kind in a project, if any. */
export async function findLatestOfKind(
  db: DbOrTx,
  projectId: string,
  kind: string,
): Promise<SroiAssessmentRow | undefined> {
  const rows = await db
    .select()
    .from(sroiAssessments)
    .where(and(eq(sroiAssessments.projectId, projectId), eq(sroiAssessments.kind, kind)))
    .orderBy(desc(sroiAssessments.versionNo))
    .limit(1);
  return rows[0];
}

/** The highest version number of a kind in a project (0 when none). */
export async function maxVersionNo(db: DbOrTx, projectId: string, kind: string): Promise<number> {
  const rows = await db
    .select({ value: max(sroiAssessments.versionNo) })
    .from(sroiAssessments)
    .where(and(eq(sroiAssessments.projectId, projectId), eq(sroiAssessments.kind, kind)));
  return rows[0]?.value ?? 0;
}

export async function insertAssessment(db: DbOrTx, values: NewSroiAssessment): Promise<SroiAssessmentRow> {
  const rows = await db.insert(sroiAssessments).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

/** Updates an assessment when its version is still `version`, and moves the version on; null when stale. */
export async function updateAssessmentIfVersion(
  db: DbOrTx,
  id: string,
  version: number,
  values: Partial<NewSroiAssessment>,
  now: Date,
): Promise<SroiAssessmentRow | null> {
  const rows = await db
    .update(sroiAssessments)
    .set({ ...values, version: version + 1, updatedAt: now })
    .where(and(eq(sroiAssessments.id, id), eq(sroiAssessments.version, version)))
    .returning();
  return rows[0] ?? null;
}

export async function deleteAssessment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sroiAssessments).where(eq(sroiAssessments.id, id));
}
