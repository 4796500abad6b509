import { asc, eq } from 'drizzle-orm';
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
};

export const listProgrammes = (db: DbOrTx) =>
  db.select(columns).from(programmes).orderBy(asc(programmes.sortOrder), asc(programmes.nameEn));

export async function findProgrammeBySlug(db: DbOrTx, slug: string) {
  const rows = await db.select(columns).from(programmes).where(eq(programmes.slug, slug));
  return rows[0];
}

/** Inserts programmes that do not exist yet; existing ones (possibly edited by officers) are left alone. */
export async function insertMissingProgrammes(db: DbOrTx, rows: Array<typeof programmes.$inferInsert>) {
  await db.insert(programmes).values(rows).onConflictDoNothing({ target: programmes.slug });
}
