import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/** A table with optimistic concurrency: a uuid `id`, an integer `version` and an `updatedAt`. */
type VersionedTable = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn };

/**
 * Updates the row `id` if its `version` is still the one given, bumping `version` and `updatedAt`;
 * false when another change came first (or there is no such row).
 */
export async function updateIfVersionMatches<T extends VersionedTable>(
  db: DbOrTx,
  table: T,
  id: string,
  version: number,
  changes: PgUpdateSetSource<T>,
): Promise<boolean> {
  const set = {
    ...changes,
    version: sql`${table.version} + 1`,
    updatedAt: sql`now()`,
  } as PgUpdateSetSource<T>;
  const rows = await db
    .update(table)
    .set(set)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  return rows.length > 0;
}
