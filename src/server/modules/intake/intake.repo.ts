/**
 * The officers' intake is a read model over proposals: this repo only READS the proposals, organisations and calls
 * tables (owned by the proposals and calls modules), and the selection tables proposal_review_states and decisions
 * (owned by the decisions module), to list, count and export a call's proposals with filters, all in SQL. Every
 * change to a proposal goes through the proposals or decisions service.
 */
import { and, asc, desc, eq, inArray, isNull, ne, sql, type SQL } from 'drizzle-orm';
import { textSearchArms, textSearchRank, type TextSearch } from '@server/lib/text-search';
import type { DbOrTx } from '@server/db/client';
import { calls, decisions, organisations, proposalReviewStates, proposals } from '@server/db/schema/index';
import type { FormStage } from '@shared/contracts/calls';
import type { ReviewPhase } from '@shared/contracts/decisions';
import type { IntakeOutcomeFilter, IntakeQuery, ProposalStatus } from '@shared/contracts/proposals';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import type { ThemeCode } from '@shared/reference/themes';

/** The filters of the intake list, already resolved (a region becomes its province codes; q its tsquery). */
export interface IntakeFilter {
  callId: string;
  status?: ProposalStatus | undefined;
  province?: number | undefined;
  regionProvinces?: readonly number[] | undefined;
  theme?: ThemeCode | undefined;
  organisationType?: OrganisationTypeCode | undefined;
  eligible?: 'yes' | 'no' | 'unknown' | undefined;
  stage?: FormStage | undefined;
  /** The phase in selection (see `phaseColumn`: `screening` includes submitted proposals without a state row). */
  phase?: ReviewPhase | undefined;
  /** The decision's outcome at the proposal's stage, or `none`. */
  outcome?: IntakeOutcomeFilter | undefined;
  /** The text typed, for receipt number and organisation name (ILIKE). */
  text?: string | undefined;
  /** The Thai-aware search of the text: its words in the search vector. */
  search?: TextSearch | null | undefined;
  /**
   * Also the titles similar to the text (trigrams: misspelt and partial titles) — the retry of a search that found
   * nothing; left out otherwise, as it costs a similarity per candidate title.
   */
  similarTitles?: boolean | undefined;
  /**
   * The organisations whose name holds the text, looked up beforehand (see `findOrganisationIdsByName`) so that the
   * search can use the proposals' organisation index; `null`: too many, match them in the query instead.
   */
  textOrganisationIds?: readonly string[] | null | undefined;
}

export type IntakeSort = IntakeQuery['sort'];

/** `%`, `_` and `\` stand for themselves in an ILIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const searchColumns = { vector: proposals.searchVector, trigramText: proposals.searchTitle };

/** Whether the text could be part of a receipt number (`CC-2569-0001`): letters A–Z, digits and dashes only. */
function mayBeInReceipt(text: string): boolean {
  return /^[A-Za-z0-9-]+$/.test(text);
}

/**
 * The text search: the words (Thai segmented, the last one as a prefix) in the search vector, which holds the title,
 * the organisation's names, the receipt number and the text answers (and, retrying a search that found nothing, the
 * titles similar to the text: misspellings and partial words); or the text anywhere in the organisation's
 * name or the receipt number. Each arm can use an index (the vector's GIN, the organisation index), so PostgreSQL
 * combines them with a bitmap OR instead of reading the whole call.
 */
function textMatch(filter: IntakeFilter): SQL {
  const text = filter.text ?? '';
  const pattern = `%${escapeLike(text)}%`;
  const arms: SQL[] = [];
  const orgIds = filter.textOrganisationIds;
  if (orgIds === null || orgIds === undefined) {
    arms.push(sql`${proposals.organisationId} IN (SELECT ${organisations.id} FROM ${organisations}
        WHERE ${organisations.searchName} ILIKE ${pattern})`);
  } else if (orgIds.length > 0) {
    arms.push(inArray(proposals.organisationId, [...orgIds]));
  }
  if (filter.search) {
    const search = textSearchArms(filter.search, searchColumns);
    arms.unshift(...(filter.similarTitles ? [search.words, search.trigram] : [search.words]));
  }
  if (mayBeInReceipt(text)) {
    arms.push(sql`${proposals.receiptNumber} ILIKE ${pattern}`);
  }
  return arms.length > 0 ? sql`(${sql.join(arms, sql` OR `)})` : sql`false`;
}

/**
 * The phase of a proposal in selection: its state row's; or `screening` for a submitted proposal not screened yet
 * (the decisions module creates the row when screening, and counts a submitted proposal without one as screening);
 * else null (never up for selection, e.g. withdrawn before screening).
 */
const phaseColumn = sql<string | null>`CASE
  WHEN ${proposalReviewStates.phase} IS NOT NULL AND ${proposalReviewStates.phase} <> 'screening' THEN ${proposalReviewStates.phase}
  WHEN ${proposals.status} = 'submitted' THEN 'screening' END`;

/**
 * The phase filter (matching `phaseColumn`), as EXISTS on the state row's primary key rather than a join: the list
 * keeps its ordered index scan with one key lookup per row, and PostgreSQL may hash the call's states to count.
 */
function phaseMatch(phase: ReviewPhase): SQL {
  if (phase === 'screening') {
    return sql`(${proposals.status} = 'submitted' AND NOT EXISTS (SELECT 1 FROM ${proposalReviewStates}
      WHERE ${proposalReviewStates.proposalId} = ${proposals.id} AND ${proposalReviewStates.phase} <> 'screening'))`;
  }
  return sql`EXISTS (SELECT 1 FROM ${proposalReviewStates}
    WHERE ${proposalReviewStates.proposalId} = ${proposals.id} AND ${proposalReviewStates.phase} = ${phase})`;
}

/**
 * The outcome filter: a decision at the proposal's stage with that outcome, or (`none`) no decision at that stage,
 * both on the unique (proposal_id, stage) key.
 */
function outcomeMatch(outcome: IntakeOutcomeFilter): SQL {
  const atStage = sql`${decisions.proposalId} = ${proposals.id} AND ${decisions.stage} = ${proposals.stage}`;
  return outcome === 'none'
    ? sql`NOT EXISTS (SELECT 1 FROM ${decisions} WHERE ${atStage})`
    : sql`EXISTS (SELECT 1 FROM ${decisions} WHERE ${atStage} AND ${decisions.outcome} = ${outcome})`;
}

function whereOf(filter: IntakeFilter): SQL {
  const conditions: Array<SQL | undefined> = [eq(proposals.callId, filter.callId)];
  // Drafts only when asked for; `<> 'draft'` stays beside any other status, so that indexes partial on it apply.
  if (filter.status) {
    conditions.push(eq(proposals.status, filter.status));
  }
  if (filter.status !== 'draft') {
    conditions.push(ne(proposals.status, 'draft'));
  }
  if (filter.province !== undefined) {
    conditions.push(sql`${proposals.provinceCodes} @> ARRAY[${filter.province}]::smallint[]`);
  }
  if (filter.regionProvinces) {
    const codes = filter.regionProvinces.map((code) => sql`${code}`);
    conditions.push(
      codes.length > 0
        ? sql`${proposals.provinceCodes} && ARRAY[${sql.join(codes, sql`, `)}]::smallint[]`
        : sql`false`,
    );
  }
  if (filter.theme) {
    conditions.push(sql`${proposals.themes} @> ARRAY[${filter.theme}]::text[]`);
  }
  if (filter.organisationType) {
    conditions.push(
      sql`${proposals.organisationId} IN (SELECT ${organisations.id} FROM ${organisations} WHERE ${organisations.type} = ${filter.organisationType})`,
    );
  }
  if (filter.eligible === 'yes') {
    conditions.push(eq(proposals.isEligible, 1));
  } else if (filter.eligible === 'no') {
    conditions.push(eq(proposals.isEligible, 0));
  } else if (filter.eligible === 'unknown') {
    conditions.push(isNull(proposals.isEligible));
  }
  if (filter.stage) {
    conditions.push(eq(proposals.stage, filter.stage));
  }
  if (filter.phase) {
    conditions.push(phaseMatch(filter.phase));
  }
  if (filter.outcome) {
    conditions.push(outcomeMatch(filter.outcome));
  }
  if (filter.text) {
    conditions.push(textMatch(filter));
  }
  return and(...conditions) ?? sql`true`;
}

function orderOf(filter: IntakeFilter, sort: IntakeSort): SQL[] {
  const order: SQL[] = [];
  if (filter.search) {
    order.push(
      filter.similarTitles
        ? sql`${textSearchRank(filter.search, searchColumns)} DESC`
        : sql`ts_rank(${proposals.searchVector}, to_tsquery('simple', ${filter.search.allWords})) DESC`,
    );
  }
  // Each order ends with the id in the same direction, so that one index on (call_id, key, id) serves it both ways
  // (a backward scan gives the reverse). Proposals never submitted (withdrawn drafts) count as the earliest.
  switch (sort) {
    case 'submitted_at':
      order.push(sql`${proposals.submittedAt} ASC NULLS FIRST`, asc(proposals.id));
      break;
    case '-submitted_at':
      order.push(sql`${proposals.submittedAt} DESC NULLS LAST`, desc(proposals.id));
      break;
    case 'requested':
      order.push(asc(proposals.requestedSatang), asc(proposals.id));
      break;
    case '-requested':
      order.push(desc(proposals.requestedSatang), desc(proposals.id));
      break;
    case 'title':
      order.push(asc(proposals.titleTh), asc(proposals.id));
      break;
    case 'receipt':
      order.push(sql`${proposals.receiptNumber} ASC NULLS LAST`, asc(proposals.id));
      break;
  }
  return order;
}

const rowColumns = {
  id: proposals.id,
  callId: proposals.callId,
  callCode: calls.code,
  callTitleTh: calls.titleTh,
  callTitleEn: calls.titleEn,
  stage: proposals.stage,
  titleTh: proposals.titleTh,
  titleEn: proposals.titleEn,
  status: proposals.status,
  receiptNumber: proposals.receiptNumber,
  organisationId: organisations.id,
  organisationNameTh: organisations.nameTh,
  organisationNameEn: organisations.nameEn,
  organisationType: organisations.type,
  organisationProvinceCode: organisations.provinceCode,
  requestedSatang: proposals.requestedSatang,
  provinceCodes: proposals.provinceCodes,
  themes: proposals.themes,
  isEligible: proposals.isEligible,
  eligibility: proposals.eligibility,
  eligibilityOverride: proposals.eligibilityOverride,
  version: proposals.version,
  submittedAt: proposals.submittedAt,
  updatedAt: proposals.updatedAt,
};

/** Where a proposal is in selection: from its state row and its decision at its stage (LEFT JOINs on their keys). */
const selectionColumns = {
  phase: phaseColumn,
  shortlisted: proposalReviewStates.shortlisted,
  decisionOutcome: decisions.outcome,
  decisionAmountSatang: decisions.amountSatang,
  decisionNotifiedAt: decisions.notifiedAt,
};

export interface IntakeRow {
  id: string;
  callId: string;
  callCode: string;
  callTitleTh: string;
  callTitleEn: string;
  stage: string;
  titleTh: string;
  titleEn: string;
  status: string;
  receiptNumber: string | null;
  organisationId: string;
  organisationNameTh: string;
  organisationNameEn: string | null;
  organisationType: string;
  organisationProvinceCode: number | null;
  requestedSatang: number;
  provinceCodes: number[];
  themes: string[];
  isEligible: number | null;
  eligibility: (typeof proposals.$inferSelect)['eligibility'];
  eligibilityOverride: (typeof proposals.$inferSelect)['eligibilityOverride'];
  version: number;
  submittedAt: Date | string | null;
  updatedAt: Date | string;
  /** See `phaseColumn`. */
  phase: string | null;
  /** Null without a state row. */
  shortlisted: boolean | null;
  /** The decision at the proposal's stage (all null without one). */
  decisionOutcome: string | null;
  decisionAmountSatang: number | null;
  decisionNotifiedAt: Date | string | null;
}

/** The selection tables joined on their keys: one state row per proposal, one decision per proposal and stage. */
const selectionJoins = {
  states: eq(proposalReviewStates.proposalId, proposals.id),
  decisions: and(eq(decisions.proposalId, proposals.id), eq(decisions.stage, proposals.stage)),
};

/**
 * One page of a call's proposals matching the filter, in the asked order, with where each is in selection. The page's
 * ids are found first, from the proposals alone (an index on the order serves them, often without reading a row);
 * only then are the page's rows read with their organisation, call and selection: joined into the paged query,
 * those lookups would also run for every row skipped by the offset.
 */
export async function listIntake(
  db: DbOrTx,
  filter: IntakeFilter,
  sort: IntakeSort,
  limit: number,
  offset: number,
): Promise<IntakeRow[]> {
  const page = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(whereOf(filter))
    .orderBy(...orderOf(filter, sort))
    .limit(limit)
    .offset(offset);
  const ids = page.map((r) => r.id);
  const rows = new Map((await findIntakeRows(db, ids)).map((r) => [r.id, r]));
  return ids.flatMap((id) => rows.get(id) ?? []);
}

/** How many of a call's proposals match the filter; with `atMost`, counting stops after that many (+1). */
export async function countIntake(db: DbOrTx, filter: IntakeFilter, atMost?: number): Promise<number> {
  const matching = db
    .select({ one: sql`1` })
    .from(proposals)
    .where(whereOf(filter));
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from((atMost === undefined ? matching : matching.limit(atMost + 1)).as('matching'));
  return Number(row?.count ?? 0);
}

/** The organisations whose Thai or English name holds the text (at most `limit` + 1 of them). */
export async function findOrganisationIdsByName(db: DbOrTx, text: string, limit: number): Promise<string[]> {
  const pattern = `%${escapeLike(text)}%`;
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(sql`${organisations.searchName} ILIKE ${pattern}`)
    .limit(limit + 1);
  return rows.map((r) => r.id);
}

/** The ids of every proposal matching the filter, in the asked order (the export reads their rows in batches). */
export async function listIntakeIds(db: DbOrTx, filter: IntakeFilter, sort: IntakeSort): Promise<string[]> {
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(whereOf(filter))
    .orderBy(...orderOf(filter, sort));
  return rows.map((r) => r.id);
}

/** The rows of the given proposals (in no particular order). */
export async function findIntakeRows(db: DbOrTx, ids: readonly string[]): Promise<IntakeRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db
    .select({ ...rowColumns, ...selectionColumns })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .leftJoin(proposalReviewStates, selectionJoins.states)
    .leftJoin(decisions, selectionJoins.decisions)
    .where(inArray(proposals.id, [...ids]));
}

/** Which of the given ids are proposals of the call. */
export async function findProposalIdsInCall(
  db: DbOrTx,
  callId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: proposals.id })
    .from(proposals)
    .where(and(eq(proposals.callId, callId), inArray(proposals.id, [...ids])));
  return new Set(rows.map((r) => r.id));
}
