import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '@tests/setup/test-app';
import { organisationMembers, users } from '@server/db/schema/index';
import { isUniqueViolation } from './error-handler';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  await ctx.close();
});

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('the statement did not fail');
}

describe('unique-key violations become 409 CONFLICT', () => {
  it('recognises a duplicate key raised through Drizzle, and nothing else', async () => {
    const { db } = ctx.database;
    const email = `duplicate-${randomUUID()}@example.org`;
    await db.insert(users).values({ email, name: 'ต้นฉบับ' });
    const duplicate = await failureOf(() => db.insert(users).values({ email, name: 'ซ้ำ' }));
    expect(isUniqueViolation(duplicate)).toBe(true);

    const missingParent = await failureOf(() =>
      db
        .insert(organisationMembers)
        .values({ organisationId: randomUUID(), userId: randomUUID(), role: 'owner' }),
    );
    expect(isUniqueViolation(missingParent)).toBe(false);
    expect(isUniqueViolation(new Error('plain'))).toBe(false);
  });
});
