import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { innovations } from '@server/db/schema/index';

export type InnovationRow = typeof innovations.$inferSelect;
export type InnovationContent = Omit<
  typeof innovations.$inferInsert,
  'id' | 'status' | 'version' | 'createdAt' | 'updatedAt'
>;

export async function findByProject(db: DbOrTx, projectId: string): Promise<InnovationRow | undefined> {
  const rows = await db.select().from(innovations).where(eq(innovations.projectId, projectId)).for('update');
  return rows[0];
}

export async function insertInnovation(db: DbOrTx, values: InnovationContent): Promise<InnovationRow> {
  const rows = await db
    .insert(innovations)
    .values({ ...values, status: 'draft' })
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error('innovation insert returned no row');
  }
  return row;
}

export async function updateInnovation(
  db: DbOrTx,
  id: string,
  values: InnovationContent,
): Promise<InnovationRow> {
  const rows = await db
    .update(innovations)
    .set({ ...values, version: sql`${innovations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(innovations.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error(`innovation ${id} vanished`);
  }
  return row;
}
