/**
 * All SQL of the reviews module: rubrics and reviews. It also READS proposals, organisations, review assignments,
 * review states, decisions and users to rank a call's proposals and to name reviewers to officers.
 */
import { and, asc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { updateIfVersionMatches } from '@server/db/versioned';
import {
  decisions,
  organisations,
  proposalReviewStates,
  proposals,
  reviewAssignments,
  reviews,
  rubrics,
  users,
} from '@server/db/schema/index';
import type { RubricCriterion } from '@shared/contracts/rubrics';

export type RubricRow = typeof rubrics.$inferSelect;
export type ReviewRow = typeof reviews.$inferSelect;
export type NewReview = typeof reviews.$inferInsert;
export type ReviewChanges = Partial<
  Pick<
    NewReview,
    'scores' | 'comment' | 'recommendation' | 'status' | 'weightedScore' | 'submittedAt' | 'rubricId'
  >
>;

// ---- Rubrics -------------------------------------------------------------------------------------------------------

export async function findRubric(db: DbOrTx, callId: string, stage: string): Promise<RubricRow | null> {
  const [row] = await db
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.callId, callId), eq(rubrics.stage, stage)));
  return row ?? null;
}

/** Locks the call stage's rubric row for the rest of the transaction. */
export async function lockRubric(db: DbOrTx, callId: string, stage: string): Promise<RubricRow | null> {
  const [row] = await db
    .select()
    .from(rubrics)
    .where(and(eq(rubrics.callId, callId), eq(rubrics.stage, stage)))
    .for('update');
  return row ?? null;
}

/** Inserts the call stage's rubric unless one exists; its id, or null when one existed. */
export async function insertRubric(
  db: DbOrTx,
  callId: string,
  stage: string,
  criteria: RubricCriterion[],
): Promise<string | null> {
  const [row] = await db
    .insert(rubrics)
    .values({ callId, stage, criteria })
    .onConflictDoNothing({ target: [rubrics.callId, rubrics.stage] })
    .returning({ id: rubrics.id });
  return row?.id ?? null;
}

/** Replaces the criteria of an unlocked rubric at the given version; false when it changed first or is locked. */
export async function updateRubricCriteria(
  db: DbOrTx,
  id: string,
  version: number,
  criteria: RubricCriterion[],
): Promise<boolean> {
  const rows = await db
    .update(rubrics)
    .set({ criteria, version: sql`${rubrics.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(rubrics.id, id), eq(rubrics.version, version), sql`${rubrics.lockedAt} IS NULL`))
    .returning({ id: rubrics.id });
  return rows.length > 0;
}

/** Locks the rubric against changes (the first submitted review); keeps the first lock time. */
export async function markRubricLocked(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(rubrics)
    .set({ lockedAt: sql`coalesce(${rubrics.lockedAt}, ${at.toISOString()}::timestamptz)` })
    .where(eq(rubrics.id, id));
}

// ---- Reviews -------------------------------------------------------------------------------------------------------

export async function findReviewByAssignment(db: DbOrTx, assignmentId: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignmentId));
  return row ?? null;
}

export async function lockReviewByAssignment(db: DbOrTx, assignmentId: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.assignmentId, assignmentId)).for('update');
  return row ?? null;
}

export async function lockReview(db: DbOrTx, id: string): Promise<ReviewRow | null> {
  const [row] = await db.select().from(reviews).where(eq(reviews.id, id)).for('update');
  return row ?? null;
}

/** Inserts the assignment's review; null when another request inserted it first (one review per assignment). */
export async function insertReview(db: DbOrTx, values: NewReview): Promise<ReviewRow | null> {
  const [row] = await db
    .insert(reviews)
    .values(values)
    .onConflictDoNothing({ target: reviews.assignmentId })
    .returning();
  return row ?? null;
}

/** Changes a review at the given version (bumping it); false when another change came first. */
export async function updateReview(
  db: DbOrTx,
  id: string,
  version: number,
  changes: ReviewChanges,
): Promise<boolean> {
  return updateIfVersionMatches(db, reviews, id, version, changes);
}

/** A proposal's heading as the reviews module shows it. */
export async function findProposalHead(db: DbOrTx, proposalId: string) {
  const [row] = await db
    .select({
      id: proposals.id,
      callId: proposals.callId,
      stage: proposals.stage,
      titleTh: proposals.titleTh,
      titleEn: proposals.titleEn,
      receiptNumber: proposals.receiptNumber,
    })
    .from(proposals)
    .where(eq(proposals.id, proposalId));
  return row ?? null;
}

/**
 * The submitted reviews of a call stage whose assignment is still active (a removed reviewer's review no longer
 * counts), for calibration: reviewer, proposal, weighted score, recommendation.
 */
export async function listSubmittedScores(db: DbOrTx, callId: string, stage: string) {
  return db
    .select({
      reviewId: reviews.id,
      reviewerId: reviews.reviewerId,
      proposalId: reviews.proposalId,
      weightedScore: reviews.weightedScore,
      recommendation: reviews.recommendation,
    })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(
      and(
        eq(reviews.callId, callId),
        eq(reviews.stage, stage),
        eq(reviews.status, 'submitted'),
        eq(reviewAssignments.status, 'active'),
      ),
    );
}

/** Every assignment of a proposal stage with its reviewer's name and its review (if any), in order of assignment. */
export async function listProposalReviews(db: DbOrTx, proposalId: string, stage: string) {
  return db
    .select({
      assignmentId: reviewAssignments.id,
      assignmentStatus: reviewAssignments.status,
      reviewerId: reviewAssignments.reviewerId,
      reviewerName: users.name,
      review: reviews,
    })
    .from(reviewAssignments)
    .innerJoin(users, eq(users.id, reviewAssignments.reviewerId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(and(eq(reviewAssignments.proposalId, proposalId), eq(reviewAssignments.stage, stage)))
    .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
}

/**
 * The submitted reviews of a proposal stage whose assignment is active, in order of assignment — for other reviewers
 * (anonymised by the service) and for the applicant's feedback.
 */
export async function listSubmittedReviewsOfProposal(db: DbOrTx, proposalId: string, stage: string) {
  return db
    .select({
      id: reviews.id,
      assignmentId: reviews.assignmentId,
      scores: reviews.scores,
      comment: reviews.comment,
      recommendation: reviews.recommendation,
      weightedScore: reviews.weightedScore,
      rubricId: reviews.rubricId,
    })
    .from(reviews)
    .innerJoin(reviewAssignments, eq(reviewAssignments.id, reviews.assignmentId))
    .where(
      and(
        eq(reviews.proposalId, proposalId),
        eq(reviews.stage, stage),
        eq(reviews.status, 'submitted'),
        eq(reviewAssignments.status, 'active'),
      ),
    )
    .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
}

// ---- Ranking -------------------------------------------------------------------------------------------------------

/** Phases in which a proposal takes part in the ranking (it passed screening). */
const RANKED_PHASES = ['review', 'panel', 'decision', 'decided'];

/**
 * The proposals of a call stage that passed screening (not drafts or withdrawn), with their organisation, review
 * phase and the stage's decision (if any).
 */
export async function listRankingProposals(db: DbOrTx, callId: string, stage: string) {
  return db
    .select({
      id: proposals.id,
      receiptNumber: proposals.receiptNumber,
      titleTh: proposals.titleTh,
      titleEn: proposals.titleEn,
      requestedSatang: proposals.requestedSatang,
      submittedAt: proposals.submittedAt,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      phase: proposalReviewStates.phase,
      shortlisted: proposalReviewStates.shortlisted,
      decision: {
        outcome: decisions.outcome,
        amountSatang: decisions.amountSatang,
        reason: decisions.reason,
        version: decisions.version,
        decidedAt: decisions.decidedAt,
        notifiedAt: decisions.notifiedAt,
      },
    })
    .from(proposals)
    .innerJoin(proposalReviewStates, eq(proposalReviewStates.proposalId, proposals.id))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(decisions, and(eq(decisions.proposalId, proposals.id), eq(decisions.stage, stage)))
    .where(
      and(
        eq(proposals.callId, callId),
        eq(proposals.stage, stage),
        inArray(proposalReviewStates.phase, RANKED_PHASES),
        notInArray(proposals.status, ['draft', 'withdrawn']),
      ),
    );
}

/** Reviewers assigned per proposal of a call stage who are pending or active (not recused, declined or removed). */
export async function countAssignedByProposal(
  db: DbOrTx,
  callId: string,
  stage: string,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ proposalId: reviewAssignments.proposalId, n: sql<number>`count(*)::int` })
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.callId, callId),
        eq(reviewAssignments.stage, stage),
        inArray(reviewAssignments.status, ['pending_coi', 'active']),
      ),
    )
    .groupBy(reviewAssignments.proposalId);
  return new Map(rows.map((r) => [r.proposalId, Number(r.n)]));
}

/** The sum of the call's awards, in satang. */
export async function sumAwards(db: DbOrTx, callId: string): Promise<number> {
  const [row] = await db
    .select({ total: sql<string>`coalesce(sum(${decisions.amountSatang}), 0)` })
    .from(decisions)
    .where(and(eq(decisions.callId, callId), eq(decisions.outcome, 'award')));
  return Number(row?.total ?? 0);
}
