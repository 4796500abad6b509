import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, currentEngine, type TestDatabase } from '@tests/setup/test-db';
import { queryRows } from './client';

describe.runIf(currentEngine() === 'postgres')('the PostgreSQL connection pool', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
  });
  afterAll(async () => {
    await database.destroy();
  });

  it('runs every connection without JIT compilation', async () => {
    // Six statements at once, each holding its connection for a moment: the pool opens several connections.
    const settings = await Promise.all(
      Array.from({ length: 6 }, () =>
        queryRows<{ jit: string; pid: number }>(
          database.db,
          sql`SELECT current_setting('jit') AS jit, pg_backend_pid() AS pid, pg_sleep(0.05) IS NULL AS slept`,
        ),
      ),
    );
    const rows = settings.flat();
    expect(new Set(rows.map((r) => r.pid)).size).toBeGreaterThan(1);
    expect(rows.map((r) => r.jit)).toEqual(Array.from({ length: 6 }, () => 'off'));
  });
});
