import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { queryRows } from '@server/db/client';
import { BATCHED_LIMIT_FROM, SharedCounters } from './rate-limit-store';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

const MINUTE = 60_000;

async function storedCount(key: string): Promise<number> {
  const rows = await queryRows<{ count: number }>(
    ctx.app.database.db,
    sql`SELECT count FROM rate_limits WHERE key = ${key}`,
  );
  return Number(rows[0]?.count ?? 0);
}

describe('shared rate-limit counters', () => {
  it('count every hit of a tight limit in the database before answering', async () => {
    const counters = new SharedCounters(ctx.app.database.db);
    const key = `test:${randomUUID()}`;
    const max = BATCHED_LIMIT_FROM - 1;
    for (let i = 1; i <= 5; i += 1) {
      expect((await counters.hit(key, MINUTE, max)).count).toBe(i);
      expect(await storedCount(key)).toBe(i);
    }
  });

  it('batch the hits of a wide limit and send them on flush, nothing lost', async () => {
    const counters = new SharedCounters(ctx.app.database.db);
    const key = `test:${randomUUID()}`;
    const counts: number[] = [];
    for (let i = 0; i < 30; i += 1) {
      counts.push((await counters.hit(key, MINUTE, 1000)).count);
    }
    expect(counts).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // The first hit set up the window in the database; the rest wait for the flush (5 % of 1000 = 50 unsent).
    expect(await storedCount(key)).toBe(1);
    expect((await counters.read(key, MINUTE)).count).toBe(30);
    await counters.flush();
    expect(await storedCount(key)).toBe(30);
    // A second instance continues from the shared count.
    const other = new SharedCounters(ctx.app.database.db);
    expect((await other.hit(key, MINUTE, 1000)).count).toBe(31);
  });

  it('send the unsent hits by themselves within a moment, and on close', async () => {
    const counters = new SharedCounters(ctx.app.database.db);
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 10; i += 1) {
      await counters.hit(key, MINUTE, 1000);
    }
    await expect.poll(() => storedCount(key), { timeout: 3000, interval: 50 }).toBe(10);

    const closing = new SharedCounters(ctx.app.database.db);
    const closingKey = `test:${randomUUID()}`;
    for (let i = 0; i < 7; i += 1) {
      await closing.hit(closingKey, MINUTE, 1000);
    }
    await closing.close();
    expect(await storedCount(closingKey)).toBe(7);
  });

  it('hold a wide limit across two instances within 5 % of the limit', async () => {
    const instances = [new SharedCounters(ctx.app.database.db), new SharedCounters(ctx.app.database.db)];
    const key = `test:${randomUUID()}`;
    const max = 200;
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 400; i += 1) {
      const counters = instances[i % 2] as SharedCounters;
      const { count } = await counters.hit(key, MINUTE, max);
      if (count <= max) {
        accepted += 1;
      } else {
        refused += 1;
      }
    }
    await Promise.all(instances.map((c) => c.flush()));
    expect(accepted).toBeGreaterThanOrEqual(max);
    expect(accepted).toBeLessThanOrEqual(max + max * 0.05);
    expect(accepted + refused).toBe(400);
    expect(await storedCount(key)).toBe(400);
  });

  it('let an instance that was idle through at most 5 % of the limit beyond it', async () => {
    const [idle, busy] = [new SharedCounters(ctx.app.database.db), new SharedCounters(ctx.app.database.db)];
    const key = `test:${randomUUID()}`;
    const max = 200;
    await idle.hit(key, MINUTE, max);
    for (let i = 0; i < 194; i += 1) {
      await busy.hit(key, MINUTE, max);
    }
    await busy.flush();
    let accepted = 0;
    for (let i = 0; i < 50; i += 1) {
      if ((await idle.hit(key, MINUTE, max)).count <= max) {
        accepted += 1;
      }
    }
    // 195 were counted; 5 more are allowed, and the idle instance may pass up to 5 % of 200 before it sees them.
    expect(accepted).toBeGreaterThanOrEqual(5);
    expect(accepted).toBeLessThanOrEqual(5 + max * 0.05);
  });

  it('start a new window when the old one ends', async () => {
    const counters = new SharedCounters(ctx.app.database.db);
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 4; i += 1) {
      await counters.hit(key, 1000, 1000);
    }
    await counters.flush();
    expect(await storedCount(key)).toBe(4);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await counters.hit(key, 1000, 1000)).count).toBe(1);
    expect(await storedCount(key)).toBe(1);
  });
});
