import { organisationMembers } from '@server/db/schema/index';
import type { Database } from '@server/db/client';

/** Adds a member directly (a factory for tests that are not about invitations). */
export async function createOrganisationMembershipForTest(
  db: Database,
  organisationId: string,
  userId: string,
  role: string,
) {
  await db.insert(organisationMembers).values({ organisationId, userId, role });
}
