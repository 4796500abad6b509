import { expect } from 'vitest';
import type { TestContext } from '@tests/setup/test-app';
import { TestClient } from '@tests/helpers/client';
import { ensureAccount } from '@server/modules/accounts/accounts.service';
import type { PlatformRole } from '@shared/contracts/identity';

export const TEST_PASSWORD = 'correct horse battery';

export interface Person {
  client: TestClient;
  userId: string;
  email: string;
}

/** An account (with a platform role, or none for an applicant), signed in. */
export async function signedIn(
  ctx: TestContext,
  email: string,
  role: PlatformRole | null = null,
  locale?: 'th' | 'en',
): Promise<Person> {
  const userId = await ensureAccount(ctx.database.db, {
    email,
    name: email.split('@')[0] ?? email,
    password: TEST_PASSWORD,
    role,
  });
  const client = new TestClient(ctx.app);
  const response = await client.signIn(email, TEST_PASSWORD);
  expect(response.statusCode, response.body).toBe(200);
  if (locale) {
    await client.patch('/api/auth/me', { locale });
  }
  return { client, userId, email };
}

/** An organisation made through the API; its creator becomes the owner. */
export async function createOrganisation(
  owner: TestClient,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const response = await owner.post('/api/organisations', {
    nameTh: 'วิสาหกิจชุมชนบ้านหนองบัว',
    type: 'community_enterprise',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: { id: string } }>().data.id;
}
