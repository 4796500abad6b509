import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  organisations,
  peoplesChoiceVotes,
  proposalReviewStates,
  proposals,
  users,
} from '@server/db/schema/index';

/** The call's shortlisted, submitted proposals with their vote counts, in title order. */
export async function listShortlisted(db: DbOrTx, callId: string) {
  return db
    .select({
      proposalId: proposals.id,
      titleTh: proposals.titleTh,
      titleEn: proposals.titleEn,
      answers: proposals.answers,
      provinceCodes: proposals.provinceCodes,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      votes: sql<number>`(SELECT count(*) FROM ${peoplesChoiceVotes} v
        WHERE v.call_id = ${callId} AND v.proposal_id = ${proposals.id})::int`,
    })
    .from(proposalReviewStates)
    .innerJoin(proposals, eq(proposals.id, proposalReviewStates.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(
      and(
        eq(proposalReviewStates.callId, callId),
        eq(proposalReviewStates.shortlisted, true),
        eq(proposals.status, 'submitted'),
      ),
    )
    .orderBy(asc(proposals.receiptNumber), asc(proposals.id));
}

/** Whether the proposal is a shortlisted, submitted proposal of the call. */
export async function isShortlisted(db: DbOrTx, callId: string, proposalId: string): Promise<boolean> {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposalReviewStates)
    .innerJoin(proposals, eq(proposals.id, proposalReviewStates.proposalId))
    .where(
      and(
        eq(proposalReviewStates.callId, callId),
        eq(proposalReviewStates.proposalId, proposalId),
        eq(proposalReviewStates.shortlisted, true),
        eq(proposals.status, 'submitted'),
      ),
    );
  return rows.length > 0;
}

export async function findVote(db: DbOrTx, callId: string, userId: string) {
  const rows = await db
    .select()
    .from(peoplesChoiceVotes)
    .where(and(eq(peoplesChoiceVotes.callId, callId), eq(peoplesChoiceVotes.userId, userId)));
  return rows[0];
}

/** Records the vote; undefined when the person has already voted in the call (the primary key decides). */
export async function insertVote(db: DbOrTx, callId: string, userId: string, proposalId: string, at: Date) {
  const rows = await db
    .insert(peoplesChoiceVotes)
    .values({ callId, userId, proposalId, createdAt: at })
    .onConflictDoNothing()
    .returning();
  return rows[0];
}

export async function countVotes(db: DbOrTx, callId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(peoplesChoiceVotes)
    .where(eq(peoplesChoiceVotes.callId, callId));
  return rows[0]?.n ?? 0;
}

/** Whether the account's email address is verified (people's choice takes verified accounts only). */
export async function isEmailVerified(db: DbOrTx, userId: string): Promise<boolean> {
  const rows = await db
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.status, 'active')));
  return rows[0]?.verifiedAt !== null && rows[0]?.verifiedAt !== undefined;
}
