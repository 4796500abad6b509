import { sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';

/**
 * Counts one hit on `key` in a fixed window of `windowMs`, in the database so that every instance shares it.
 * Returns the count in the current window and when that window ends.
 *
 * Every request of a client to a limited route updates the same row, so the statement commits without waiting for
 * its WAL flush (`synchronous_commit` off for this one transaction): the row lock is held for the update only, not
 * for a disk write, and a crash forgets at most the last fraction of a second of hits. Call it outside a
 * transaction: it is its own.
 */
export async function hitCounter(
  db: DbOrTx,
  key: string,
  windowMs: number,
): Promise<{ count: number; resetAt: Date }> {
  const [result] = await addToCounters(db, [{ key, hits: 1 }], windowMs);
  return result ?? { count: 1, resetAt: new Date(Date.now() + windowMs) };
}

/**
 * Adds several hits to several counters of one window length in one statement (see `hitCounter`); returns each
 * counter's count in its current window and when that window ends, in the order given.
 */
export async function addToCounters(
  db: DbOrTx,
  additions: readonly { key: string; hits: number }[],
  windowMs: number,
): Promise<{ count: number; resetAt: Date }[]> {
  if (additions.length === 0) {
    return [];
  }
  const seconds = windowMs / 1000;
  const rows = await queryRows<{ key: string; count: number; reset_at: string | Date }>(
    db,
    sql`WITH relaxed AS (SELECT set_config('synchronous_commit', 'off', true))
        INSERT INTO rate_limits (key, window_start, count)
        SELECT a.key, now(), a.hits FROM relaxed,
          jsonb_to_recordset(${JSON.stringify(additions)}::jsonb) AS a(key text, hits int)
        ON CONFLICT (key) DO UPDATE SET
          count = CASE WHEN rate_limits.window_start + make_interval(secs => ${seconds}) <= now()
            THEN excluded.count ELSE rate_limits.count + excluded.count END,
          window_start = CASE WHEN rate_limits.window_start + make_interval(secs => ${seconds}) <= now() THEN now() ELSE rate_limits.window_start END
        RETURNING key, count, window_start + make_interval(secs => ${seconds}) AS reset_at`,
  );
  const byKey = new Map(rows.map((row) => [row.key, row]));
  return additions.map(({ key, hits: n }) => {
    const row = byKey.get(key);
    return {
      count: Number(row?.count ?? n),
      resetAt: new Date(row?.reset_at ?? Date.now() + windowMs),
    };
  });
}

/** Reads a counter without counting. */
export async function readCounter(
  db: DbOrTx,
  key: string,
  windowMs: number,
): Promise<{ count: number; resetAt: Date }> {
  const seconds = windowMs / 1000;
  const rows = await queryRows<{ count: number; reset_at: string | Date }>(
    db,
    sql`SELECT count, window_start + make_interval(secs => ${seconds}) AS reset_at FROM rate_limits
        WHERE key = ${key} AND window_start + make_interval(secs => ${seconds}) > now()`,
  );
  const row = rows[0];
  return row
    ? { count: Number(row.count), resetAt: new Date(row.reset_at) }
    : { count: 0, resetAt: new Date(Date.now() + windowMs) };
}

export async function clearCounter(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`DELETE FROM rate_limits WHERE key = ${key}`);
}

/** Locks `key` until the given time (login lockout). */
export async function lockKey(db: DbOrTx, key: string, until: Date): Promise<void> {
  await db.execute(
    sql`INSERT INTO rate_limits (key, window_start, count, locked_until) VALUES (${key}, now(), 0, ${until.toISOString()})
        ON CONFLICT (key) DO UPDATE SET locked_until = excluded.locked_until`,
  );
}

export async function lockedUntil(db: DbOrTx, key: string): Promise<Date | null> {
  const rows = await queryRows<{ locked_until: string | Date | null }>(
    db,
    sql`SELECT locked_until FROM rate_limits WHERE key = ${key} AND locked_until > now()`,
  );
  const value = rows[0]?.locked_until;
  return value ? new Date(value) : null;
}

/** Drops counters whose window ended long ago. */
export async function pruneCounters(db: DbOrTx): Promise<void> {
  await db.execute(
    sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day' AND (locked_until IS NULL OR locked_until < now())`,
  );
}
