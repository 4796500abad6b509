import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { calls, decisions, organisations, proposalReviewStates, proposals } from '@server/db/schema/index';

export type DecisionRow = typeof decisions.$inferSelect;
export type ReviewStateRow = typeof proposalReviewStates.$inferSelect;

/** What selection needs of a proposal: its call, stage, status, money, eligibility and organisation. */
const proposalColumns = {
  id: proposals.id,
  callId: proposals.callId,
  stage: proposals.stage,
  status: proposals.status,
  organisationId: proposals.organisationId,
  parentProposalId: proposals.parentProposalId,
  titleTh: proposals.titleTh,
  titleEn: proposals.titleEn,
  receiptNumber: proposals.receiptNumber,
  requestedSatang: proposals.requestedSatang,
  provinceCodes: proposals.provinceCodes,
  isEligible: proposals.isEligible,
  eligibilityOverride: proposals.eligibilityOverride,
  organisationNameTh: organisations.nameTh,
  organisationNameEn: organisations.nameEn,
};

export async function findProposal(db: DbOrTx, id: string) {
  const rows = await db
    .select(proposalColumns)
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(eq(proposals.id, id));
  return rows[0];
}
export type ProposalRow = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** Which of `ids` are proposals of the call. */
export async function findProposalIdsInCall(db: DbOrTx, callId: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.callId, callId), inArray(proposals.id, ids)));
  return new Set(rows.map((r) => r.id));
}

export async function findCallMoney(db: DbOrTx, callId: string) {
  const rows = await db
    .select({ totalBudgetSatang: calls.totalBudgetSatang, maxGrantSatang: calls.maxGrantSatang })
    .from(calls)
    .where(eq(calls.id, callId));
  return rows[0];
}

/** The sum and number of the call's awards, leaving out one proposal's (the one being decided). */
export async function sumAwards(
  db: DbOrTx,
  callId: string,
  exceptProposalId: string | null,
): Promise<{ total: number; count: number }> {
  const rows = await db
    .select({
      total: sql<string>`COALESCE(SUM(${decisions.amountSatang}), 0)`,
      count: sql<string>`COUNT(*)`,
    })
    .from(decisions)
    .where(
      and(
        eq(decisions.callId, callId),
        eq(decisions.outcome, 'award'),
        exceptProposalId ? ne(decisions.proposalId, exceptProposalId) : undefined,
      ),
    );
  return { total: Number(rows[0]?.total ?? 0), count: Number(rows[0]?.count ?? 0) };
}

// ---- Review states ------------------------------------------------------------------------------------------------

export async function findState(db: DbOrTx, proposalId: string, lock = false) {
  const query = db.select().from(proposalReviewStates).where(eq(proposalReviewStates.proposalId, proposalId));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** Creates the state row of a proposal (screening) unless it exists, then locks it. */
export async function ensureState(db: DbOrTx, proposalId: string, callId: string): Promise<ReviewStateRow> {
  await db
    .insert(proposalReviewStates)
    .values({ proposalId, callId, phase: 'screening' })
    .onConflictDoNothing({ target: proposalReviewStates.proposalId });
  const row = await findState(db, proposalId, true);
  if (!row) {
    throw new Error(`review state of ${proposalId} missing after insert`);
  }
  return row;
}

export async function updateState(
  db: DbOrTx,
  proposalId: string,
  changes: Partial<
    Pick<
      ReviewStateRow,
      'phase' | 'screeningResult' | 'screeningReason' | 'screenedBy' | 'screenedAt' | 'shortlisted'
    >
  >,
): Promise<ReviewStateRow | undefined> {
  const rows = await db
    .update(proposalReviewStates)
    .set({ ...changes, version: sql`${proposalReviewStates.version} + 1`, updatedAt: sql`now()` })
    .where(eq(proposalReviewStates.proposalId, proposalId))
    .returning();
  return rows[0];
}

/** Submitted proposals of a call by phase; a submitted proposal without a state row counts as screening. */
export async function countPhases(db: DbOrTx, callId: string): Promise<Array<{ phase: string; n: number }>> {
  const rows = await db
    .select({
      phase: sql<string>`COALESCE(${proposalReviewStates.phase}, 'screening')`,
      n: sql<string>`COUNT(*)`,
    })
    .from(proposals)
    .leftJoin(proposalReviewStates, eq(proposalReviewStates.proposalId, proposals.id))
    .where(and(eq(proposals.callId, callId), eq(proposals.status, 'submitted')))
    .groupBy(sql`COALESCE(${proposalReviewStates.phase}, 'screening')`);
  return rows.map((r) => ({ phase: r.phase, n: Number(r.n) }));
}

// ---- Decisions ----------------------------------------------------------------------------------------------------

export async function findDecision(db: DbOrTx, proposalId: string, stage: string, lock = false) {
  const query = db
    .select()
    .from(decisions)
    .where(and(eq(decisions.proposalId, proposalId), eq(decisions.stage, stage)));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** The newest released decision of a proposal. */
export async function findReleasedDecision(db: DbOrTx, proposalId: string) {
  const rows = await db
    .select()
    .from(decisions)
    .where(and(eq(decisions.proposalId, proposalId), isNotNull(decisions.notifiedAt)))
    .orderBy(sql`${decisions.notifiedAt} DESC`)
    .limit(1);
  return rows[0];
}

export async function insertDecision(
  db: DbOrTx,
  values: typeof decisions.$inferInsert,
): Promise<DecisionRow> {
  const rows = await db.insert(decisions).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('decision insert returned no row');
  }
  return row;
}

export async function updateDecision(
  db: DbOrTx,
  id: string,
  changes: Partial<
    Pick<DecisionRow, 'outcome' | 'amountSatang' | 'reason' | 'decidedBy' | 'decidedAt' | 'notifiedAt'>
  >,
): Promise<DecisionRow> {
  const rows = await db
    .update(decisions)
    .set({ ...changes, version: sql`${decisions.version} + 1`, updatedAt: sql`now()` })
    .where(eq(decisions.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error(`decision ${id} vanished`);
  }
  return row;
}

/** Marks a decision released, unless it already was; false when it was (two releases race: one wins). */
export async function markReleased(db: DbOrTx, id: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(decisions)
    .set({ notifiedAt: at, updatedAt: sql`now()` })
    .where(and(eq(decisions.id, id), isNull(decisions.notifiedAt)))
    .returning({ id: decisions.id });
  return rows.length > 0;
}

/** A call's decisions with the proposals' receipt, title, organisation and request, by receipt number. */
export async function listCallDecisions(db: DbOrTx, callId: string) {
  return db
    .select({
      decision: decisions,
      receiptNumber: proposals.receiptNumber,
      titleTh: proposals.titleTh,
      organisationNameTh: organisations.nameTh,
      requestedSatang: proposals.requestedSatang,
    })
    .from(decisions)
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(eq(decisions.callId, callId))
    .orderBy(asc(proposals.receiptNumber), asc(decisions.stage));
}

/** Unsent decisions of a call (optionally only of some proposals), oldest first. */
export async function listUnsent(db: DbOrTx, callId: string, proposalIds: string[] | undefined) {
  return db
    .select()
    .from(decisions)
    .where(
      and(
        eq(decisions.callId, callId),
        isNull(decisions.notifiedAt),
        proposalIds ? inArray(decisions.proposalId, proposalIds) : undefined,
      ),
    )
    .orderBy(asc(decisions.decidedAt));
}

/** The full proposal a concept note was invited to, if its draft exists. */
export async function findFullProposalId(db: DbOrTx, conceptId: string): Promise<string | null> {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.parentProposalId, conceptId))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Released awards of a call with the proposal and its organisation, by receipt number. */
export async function listReleasedAwards(db: DbOrTx, callId: string) {
  return db
    .select({
      proposalId: proposals.id,
      receiptNumber: proposals.receiptNumber,
      titleTh: proposals.titleTh,
      titleEn: proposals.titleEn,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      provinceCodes: proposals.provinceCodes,
      amountSatang: decisions.amountSatang,
      notifiedAt: decisions.notifiedAt,
    })
    .from(decisions)
    .innerJoin(proposals, eq(proposals.id, decisions.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(and(eq(decisions.callId, callId), eq(decisions.outcome, 'award'), isNotNull(decisions.notifiedAt)))
    .orderBy(asc(proposals.receiptNumber));
}
