import { sql } from 'drizzle-orm';
import { queryRows, type Database } from '@server/db/client';

/**
 * Bulk loading into indexed tables is slow: every row updates every index, and the GIN indexes of search (tsvector,
 * trigrams, arrays) are the slowest to update a row at a time. The usual remedy: drop the secondary indexes (not the
 * primary keys, unique indexes or indexes behind constraints, which keep the data correct while it loads), load, then
 * build each index again from its own definition — in one pass, which is many times faster. The indexes are built
 * again whatever happens to the load, so a failed load never leaves a database without them.
 */
export interface SecondaryIndex {
  name: string;
  table: string;
  definition: string;
}

export async function listSecondaryIndexes(db: Database): Promise<SecondaryIndex[]> {
  return queryRows<SecondaryIndex>(
    db,
    sql`SELECT ic.relname AS name, c.relname AS "table", pg_get_indexdef(i.indexrelid) AS definition
          FROM pg_index i
          JOIN pg_class ic ON ic.oid = i.indexrelid
          JOIN pg_class c ON c.oid = i.indrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND NOT i.indisprimary AND NOT i.indisunique
           AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
         ORDER BY c.relname, ic.relname`,
  );
}

const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

/** Runs `work` with the secondary indexes dropped, then builds them again (also when `work` fails). */
export async function withSecondaryIndexesDeferred<T>(
  db: Database,
  work: () => Promise<T>,
  onRebuilt?: (seconds: number, count: number) => void,
): Promise<T> {
  const indexes = await listSecondaryIndexes(db);
  for (const index of indexes) {
    await db.execute(sql.raw(`DROP INDEX ${quote(index.name)}`));
  }
  try {
    return await work();
  } finally {
    const t0 = performance.now();
    for (const index of indexes) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL maintenance_work_mem = '256MB'`);
        await tx.execute(sql.raw(index.definition));
      });
    }
    onRebuilt?.((performance.now() - t0) / 1000, indexes.length);
  }
}
