import { and, asc, count, desc, eq, getTableColumns, inArray, ne, sql, type Placeholder } from 'drizzle-orm';
import type { SelectedFields } from 'drizzle-orm/pg-core';
import { preparedQuery } from '@server/db/prepared';
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
const detailColumns = (userId: string | Placeholder) => ({
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

/** An attachment as a proposal's views and checks need it. */
export interface AttachmentPart {
  id: string;
  questionId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  createdAt: Date | string;
}

export interface OrganisationRefRow {
  id: string;
  nameTh: string;
  nameEn: string | null;
  type: string;
  provinceCode: number | null;
}

export interface EventPart {
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  createdAt: Date | string;
}

/**
 * What a proposal's detail shows besides its row (attachments, co-applicants, status events), and how many other
 * proposals its organisation has in the call, read in the same statement as the row.
 */
const partColumns = {
  attachments: sql<AttachmentPart[]>`COALESCE((SELECT json_agg(json_build_object(
      'id', a.id, 'questionId', a.question_id, 'fileName', a.file_name, 'contentType', a.content_type,
      'sizeBytes', a.size_bytes, 'createdAt', a.created_at) ORDER BY a.created_at, a.id)
    FROM proposal_attachments a WHERE a.proposal_id = ${proposals.id}), '[]'::json)`,
  coApplicants: sql<OrganisationRefRow[]>`COALESCE((SELECT json_agg(json_build_object(
      'id', o.id, 'nameTh', o.name_th, 'nameEn', o.name_en, 'type', o.type, 'provinceCode', o.province_code)
      ORDER BY o.name_th)
    FROM proposal_co_applicants c JOIN organisations o ON o.id = c.organisation_id
    WHERE c.proposal_id = ${proposals.id}), '[]'::json)`,
  events: sql<EventPart[]>`COALESCE((SELECT json_agg(json_build_object(
      'fromStatus', e.from_status, 'toStatus', e.to_status, 'note', e.note, 'createdAt', e.created_at)
      ORDER BY e.created_at, e.id)
    FROM proposal_events e WHERE e.proposal_id = ${proposals.id}), '[]'::json)`,
  otherActiveCount: sql<number>`(SELECT count(*)::int FROM proposals other
    WHERE other.call_id = ${proposals.callId} AND other.organisation_id = ${proposals.organisationId}
      AND other.status <> 'withdrawn' AND other.id <> ${proposals.id})`,
};

/** The detail columns (and `extra` ones) of proposals joined to their organisation, call and programme. */
function selectDetail<E extends SelectedFields>(db: DbOrTx, userId: string | Placeholder, extra: E) {
  return db
    .select({ ...detailColumns(userId), ...extra })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .innerJoin(programmes, eq(programmes.id, calls.programmeId));
}

/** A proposal with its detail's parts, in one statement (prepared: every view and command of a proposal runs it). */
const findProposalQuery = preparedQuery((db) =>
  selectDetail(db, sql.placeholder('userId'), { parts: partColumns })
    .where(eq(proposals.id, sql.placeholder('id')))
    .prepare('proposals_find'),
);

export async function findProposal(db: DbOrTx, id: string, userId: string) {
  const rows = await findProposalQuery(db).execute({ id, userId });
  return rows[0];
}

export type ProposalRecord = NonNullable<Awaited<ReturnType<typeof findProposal>>>;
/** A proposal as lists show it: the record without its detail's parts. */
export type ProposalListRow = Omit<ProposalRecord, 'parts'>;

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
  return selectDetail(db, userId, {})
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

/** What an autosave writes: the applicant's fields and the columns derived from them. */
const savedFieldNames = [
  'titleTh',
  'titleEn',
  'problemStatementId',
  'answers',
  'requestedSatang',
  'provinceCodes',
  'themes',
  'eligibility',
  'isEligible',
  'searchText',
] as const;
export type SavedFields = Required<Pick<NewProposal, (typeof savedFieldNames)[number]>>;

/** The autosave's update (prepared: the statement a typing applicant runs every few seconds). */
const saveIfVersionQuery = preparedQuery((db) =>
  db
    .update(proposals)
    .set({
      ...(Object.fromEntries(savedFieldNames.map((name) => [name, sql.placeholder(name)])) as object),
      version: sql`${proposals.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(proposals.id, sql.placeholder('id')), eq(proposals.version, sql.placeholder('version'))))
    .returning(proposalColumns)
    .prepare('proposals_save_if_version'),
);

/**
 * Saves the proposal's fields if its version is still `version` (bumping it and `updatedAt`), and returns the row as
 * saved (without search text and vector); undefined when another change came first.
 */
export async function saveIfVersion(db: DbOrTx, id: string, version: number, fields: SavedFields) {
  const rows = await saveIfVersionQuery(db).execute({ ...fields, id, version });
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
