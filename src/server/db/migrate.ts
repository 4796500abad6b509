import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { queryRows, type Database, type DatabaseHandle } from './client';

const MIGRATION_LOCK_KEY = 720_001;

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

/** Reads drizzle-kit's journal: the ordered list of migrations committed in the repository. */
export function readMigrationJournal(migrationsDir: string): JournalEntry[] {
  const file = path.join(migrationsDir, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(file, 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}

/**
 * Applies every pending migration. On a PostgreSQL server an advisory lock makes concurrent starts of several
 * instances wait for one another instead of racing.
 */
export async function runMigrations(handle: DatabaseHandle, migrationsDir: string): Promise<void> {
  const config = { migrationsFolder: migrationsDir };
  await handle.withAdvisoryLock(MIGRATION_LOCK_KEY, async () => {
    if (handle.engine === 'pglite') {
      await migratePglite(handle.db as unknown as PgliteDatabase, config);
    } else {
      await migratePg(handle.db as unknown as NodePgDatabase, config);
    }
  });
}

/** The journal's tags by creation time, read once per folder (it changes only with the code). */
const journalTags = new Map<string, Map<number, string>>();

function tagsOf(migrationsDir: string): Map<number, string> {
  let tags = journalTags.get(migrationsDir);
  if (!tags) {
    tags = new Map(readMigrationJournal(migrationsDir).map((entry) => [entry.when, entry.tag]));
    journalTags.set(migrationsDir, tags);
  }
  return tags;
}

/**
 * The tag of the newest migration applied to this database (its creation time when the journal does not know it),
 * or null on an empty database. `timed` is told how long its first round trip took (the health check's latency).
 */
export async function getLatestAppliedMigration(
  db: Database,
  migrationsDir: string,
  timed?: (ms: number) => void,
): Promise<string | null> {
  const begin = performance.now();
  const exists = await queryRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  timed?.(performance.now() - begin);
  if (!exists[0]?.present) {
    return null;
  }
  const rows = await queryRows<{ created_at: string | number }>(
    db,
    sql`SELECT created_at FROM drizzle.__drizzle_migrations ORDER BY created_at DESC LIMIT 1`,
  );
  const row = rows[0];
  if (!row) {
    return null;
  }
  const when = Number(row.created_at);
  return tagsOf(migrationsDir).get(when) ?? String(when);
}
