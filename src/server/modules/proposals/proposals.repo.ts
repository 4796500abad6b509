import { and, asc, count, desc, eq, getTableColumns, inArray, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  calls,
  decisions,
  organisations,
  programmes,
  proposalAttachments,
  proposalCoApplicants,
  proposalEvents,
  proposals,
} from '@server/db/schema/index';

export type NewProposal = typeof proposals.$inferInsert;
export type ProposalChanges = Partial<Omit<NewProposal, 'id' | 'createdAt' | 'createdBy' | 'version'>>;
export type AttachmentRow = typeof proposalAttachments.$inferSelect;

/** A proposal's columns but its search text and vector (derived from the rest, long, and read by search only). */
const {
  searchText: _searchText,
  searchVector: _searchVector,
  ...proposalColumns
} = getTableColumns(proposals);

/** A proposal with what its views need of its organisation and call, and the reader's memberships. */
const detailColumns = (userId: string) => ({
  proposal: proposalColumns,
  organisation: {
    id: organisations.id,
    nameTh: organisations.nameTh,
    nameEn: organisations.nameEn,
    type: organisations.type,
    provinceCode: organisations.provinceCode,
  },
  call: {
    id: calls.id,
    code: calls.code,
    programmeSlug: programmes.slug,
    programmeNameTh: programmes.nameTh,
    programmeNameEn: programmes.nameEn,
    titleTh: calls.titleTh,
    titleEn: calls.titleEn,
    opensAt: calls.opensAt,
    closesAt: calls.closesAt,
    fullClosesAt: calls.fullClosesAt,
    fiscalYear: calls.fiscalYear,
    totalBudgetSatang: calls.totalBudgetSatang,
    minGrantSatang: calls.minGrantSatang,
    maxGrantSatang: calls.maxGrantSatang,
    stageMode: calls.stageMode,
    eligibility: calls.eligibility,
    status: calls.status,
  },
  myRole: sql<string | null>`(SELECT m.role FROM organisation_members m
    WHERE m.organisation_id = ${proposals.organisationId} AND m.user_id = ${userId})`,
  isCoApplicantMember: sql<boolean>`EXISTS (SELECT 1 FROM proposal_co_applicants c
    JOIN organisation_members m ON m.organisation_id = c.organisation_id
    WHERE c.proposal_id = ${proposals.id} AND m.user_id = ${userId})`,
});

function selectDetail(db: DbOrTx, userId: string) {
  return db
    .select(detailColumns(userId))
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId));
}

export async function findProposal(db: DbOrTx, id: string, userId: string) {
  const rows = await selectDetail(db, userId).where(eq(proposals.id, id));
  return rows[0];
}
export type ProposalRecord = NonNullable<Awaited<ReturnType<typeof findProposal>>>;

/** Locks the proposal row until the transaction ends (two submissions of one proposal run one after the other). */
export async function lockProposal(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.id, id))
    .for('update');
  return rows.length > 0;
}

/** Proposals of the organisations the user belongs to (or of one of them), newest change first. Scoped in SQL. */
export async function listMine(db: DbOrTx, userId: string, organisationId: string | undefined) {
  return selectDetail(db, userId)
    .where(
      and(
        sql`EXISTS (SELECT 1 FROM organisation_members m
          WHERE m.organisation_id = ${proposals.organisationId} AND m.user_id = ${userId})`,
        organisationId ? eq(proposals.organisationId, organisationId) : undefined,
      ),
    )
    .orderBy(desc(proposals.updatedAt), asc(proposals.id))
    .limit(500);
}

export async function insertProposal(db: DbOrTx, values: NewProposal): Promise<string> {
  const rows = await db.insert(proposals).values(values).returning({ id: proposals.id });
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row.id;
}

/**
 * Updates the proposal if its version is still `version` (bumping it and `updatedAt`), and returns the row as saved
 * (without search text and vector); undefined when another change came first.
 */
export async function updateIfVersionReturning(
  db: DbOrTx,
  id: string,
  version: number,
  changes: ProposalChanges,
) {
  const rows = await db
    .update(proposals)
    .set({ ...changes, version: sql`${proposals.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(proposals.id, id), eq(proposals.version, version)))
    .returning(proposalColumns);
  return rows[0];
}

/** Changes a proposal the caller holds locked; `bumpVersion` for changes the applicant's open drafts must notice. */
export async function updateProposal(
  db: DbOrTx,
  id: string,
  changes: ProposalChanges,
  bumpVersion: boolean,
): Promise<void> {
  await db
    .update(proposals)
    .set({
      ...changes,
      ...(bumpVersion ? { version: sql`${proposals.version} + 1` } : {}),
      updatedAt: sql`now()`,
    })
    .where(eq(proposals.id, id));
}

/** Proposals (not withdrawn) of an organisation in a call, leaving one out when given. */
export async function countActive(
  db: DbOrTx,
  callId: string,
  organisationId: string,
  exceptId: string | null,
): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(proposals)
    .where(
      and(
        eq(proposals.callId, callId),
        eq(proposals.organisationId, organisationId),
        ne(proposals.status, 'withdrawn'),
        exceptId ? ne(proposals.id, exceptId) : undefined,
      ),
    );
  return Number(rows[0]?.n ?? 0);
}

export async function findChild(db: DbOrTx, parentId: string) {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(eq(proposals.parentProposalId, parentId))
    .limit(1);
  return rows[0];
}

// ---- Co-applicants -------------------------------------------------------------------------------------------

/** What a proposal needs to know of an organisation: its names, type and province. */
const organisationRefColumns = {
  id: organisations.id,
  nameTh: organisations.nameTh,
  nameEn: organisations.nameEn,
  type: organisations.type,
  provinceCode: organisations.provinceCode,
};

export async function listCoApplicants(db: DbOrTx, proposalId: string) {
  return db
    .select(organisationRefColumns)
    .from(proposalCoApplicants)
    .innerJoin(organisations, eq(organisations.id, proposalCoApplicants.organisationId))
    .where(eq(proposalCoApplicants.proposalId, proposalId))
    .orderBy(asc(organisations.nameTh));
}

export async function replaceCoApplicants(db: DbOrTx, proposalId: string, organisationIds: string[]) {
  await db.delete(proposalCoApplicants).where(eq(proposalCoApplicants.proposalId, proposalId));
  if (organisationIds.length > 0) {
    await db
      .insert(proposalCoApplicants)
      .values(organisationIds.map((organisationId) => ({ proposalId, organisationId })));
  }
}

export async function findOrganisationRef(db: DbOrTx, id: string) {
  const rows = await db.select(organisationRefColumns).from(organisations).where(eq(organisations.id, id));
  return rows[0];
}

/** Which of these organisation ids exist. */
export async function existingOrganisationIds(db: DbOrTx, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Set(rows.map((r) => r.id));
}

// ---- Attachments ---------------------------------------------------------------------------------------------

export async function listAttachments(db: DbOrTx, proposalId: string): Promise<AttachmentRow[]> {
  return db
    .select()
    .from(proposalAttachments)
    .where(eq(proposalAttachments.proposalId, proposalId))
    .orderBy(asc(proposalAttachments.createdAt), asc(proposalAttachments.id));
}

export async function findAttachment(db: DbOrTx, proposalId: string, id: string) {
  const rows = await db
    .select()
    .from(proposalAttachments)
    .where(and(eq(proposalAttachments.proposalId, proposalId), eq(proposalAttachments.id, id)));
  return rows[0];
}

export async function countAttachments(db: DbOrTx, proposalId: string, questionId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(proposalAttachments)
    .where(
      and(eq(proposalAttachments.proposalId, proposalId), eq(proposalAttachments.questionId, questionId)),
    );
  return Number(rows[0]?.n ?? 0);
}

export async function insertAttachment(
  db: DbOrTx,
  values: typeof proposalAttachments.$inferInsert,
): Promise<AttachmentRow> {
  const rows = await db.insert(proposalAttachments).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function deleteAttachment(db: DbOrTx, id: string): Promise<void> {
  await db.delete(proposalAttachments).where(eq(proposalAttachments.id, id));
}

// ---- Events --------------------------------------------------------------------------------------------------

/** Whether an officer has recorded a decision on the proposal (any stage). */
export async function hasDecision(db: DbOrTx, proposalId: string): Promise<boolean> {
  const rows = await db
    .select({ id: decisions.id })
    .from(decisions)
    .where(eq(decisions.proposalId, proposalId))
    .limit(1);
  return rows.length > 0;
}

export async function insertEvent(
  db: DbOrTx,
  values: {
    proposalId: string;
    fromStatus: string | null;
    toStatus: string;
    note?: string | null;
    actorUserId: string;
    at: Date;
  },
): Promise<void> {
  const { at, ...rest } = values;
  // A proposal's events stay in order even when two share a clock reading (a frozen test clock, a coarse clock).
  const after = sql`(SELECT max(e.created_at) + interval '1 millisecond' FROM proposal_events e
    WHERE e.proposal_id = ${values.proposalId})`;
  await db
    .insert(proposalEvents)
    .values({ ...rest, createdAt: sql`GREATEST(${at.toISOString()}::timestamptz, ${after})` });
}

export async function listEvents(db: DbOrTx, proposalId: string) {
  return db
    .select({
      fromStatus: proposalEvents.fromStatus,
      toStatus: proposalEvents.toStatus,
      note: proposalEvents.note,
      createdAt: proposalEvents.createdAt,
    })
    .from(proposalEvents)
    .where(eq(proposalEvents.proposalId, proposalId))
    .orderBy(asc(proposalEvents.createdAt), asc(proposalEvents.id));
}
