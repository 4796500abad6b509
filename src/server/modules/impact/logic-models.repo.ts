import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { projectLogicModels } from '@server/db/schema/index';
import type { LogicNode } from '@shared/contracts/impact-project';

export type LogicModelRow = typeof projectLogicModels.$inferSelect;

export async function findLogicModel(
  db: DbOrTx,
  projectId: string,
  lock = false,
): Promise<LogicModelRow | undefined> {
  const query = db.select().from(projectLogicModels).where(eq(projectLogicModels.projectId, projectId));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** The first model of a project; null when another request saved one first. */
export async function insertLogicModel(
  db: DbOrTx,
  projectId: string,
  nodes: LogicNode[],
  userId: string,
  now: Date,
): Promise<LogicModelRow | null> {
  const rows = await db
    .insert(projectLogicModels)
    .values({ projectId, nodes, updatedBy: userId, version: 1, createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  return rows[0] ?? null;
}

export async function updateLogicModelIfVersion(
  db: DbOrTx,
  projectId: string,
  version: number,
  nodes: LogicNode[],
  userId: string,
  now: Date,
): Promise<LogicModelRow | null> {
  const rows = await db
    .update(projectLogicModels)
    .set({ nodes, updatedBy: userId, version: version + 1, updatedAt: now })
    .where(and(eq(projectLogicModels.projectId, projectId), eq(projectLogicModels.version, version)))
    .returning();
  return rows[0] ?? null;
}
