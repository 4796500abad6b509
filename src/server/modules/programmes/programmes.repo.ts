import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { programmes } from '@server/db/schema/index';

const columns = {
  id: programmes.id,
  slug: programmes.slug,
  type: programmes.type,
  nameTh: programmes.nameTh,
  nameEn: programmes.nameEn,
  summaryTh: programmes.summaryTh,
  summaryEn: programmes.summaryEn,
  descriptionTh: programmes.descriptionTh,
  descriptionEn: programmes.descriptionEn,
  objectives: programmes.objectives,
  ownerTeam: programmes.ownerTeam,
  drivingUnitId: programmes.drivingUnitId,
  fiscalYears: programmes.fiscalYears,
  budgetSatang: programmes.budgetSatang,
  version: programmes.version,
};

export const listProgrammes = (db: DbOrTx) =>
  db.select(columns).from(programmes).orderBy(asc(programmes.sortOrder), asc(programmes.nameEn));

export async function findProgrammeBySlug(db: DbOrTx, slug: string) {
  const rows = await db.select(columns).from(programmes).where(eq(programmes.slug, slug));
  return rows[0];
}
export type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof findProgrammeBySlug>>>;

/** Inserts programmes that do not exist yet; existing ones (possibly edited by officers) are left alone. */
export async function insertMissingProgrammes(db: DbOrTx, rows: Array<typeof programmes.$inferInsert>) {
  await db.insert(programmes).values(rows).onConflictDoNothing({ target: programmes.slug });
}

export type ProgrammeChanges = Partial<
  Pick<
    typeof programmes.$inferInsert,
    | 'type'
    | 'nameTh'
    | 'nameEn'
    | 'summaryTh'
    | 'summaryEn'
    | 'descriptionTh'
    | 'descriptionEn'
    | 'objectives'
    | 'ownerTeam'
    | 'drivingUnitId'
    | 'fiscalYears'
    | 'budgetSatang'
  >
>;

/** Updates a programme when `version` is still current; undefined when it is not (or the slug is unknown). */
export async function updateProgramme(db: DbOrTx, slug: string, version: number, changes: ProgrammeChanges) {
  const rows = await db
    .update(programmes)
    .set({ ...changes, version: sql`${programmes.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(programmes.slug, slug), eq(programmes.version, version)))
    .returning(columns);
  return rows[0];
}
