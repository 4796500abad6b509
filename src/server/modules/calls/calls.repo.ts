import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { preparedQuery } from '@server/db/prepared';
import type { DbOrTx } from '@server/db/client';
import { updateIfVersionMatches } from '@server/db/versioned';
import {
  callForms,
  callReceiptCounters,
  calls,
  problemStatements,
  programmes,
} from '@server/db/schema/index';
import type { CallPhase, CallStatus } from '@shared/contracts/calls';

export const callColumns = {
  id: calls.id,
  programmeId: calls.programmeId,
  programmeSlug: programmes.slug,
  programmeType: programmes.type,
  programmeNameTh: programmes.nameTh,
  programmeNameEn: programmes.nameEn,
  code: calls.code,
  titleTh: calls.titleTh,
  titleEn: calls.titleEn,
  descriptionTh: calls.descriptionTh,
  descriptionEn: calls.descriptionEn,
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
  publishedAt: calls.publishedAt,
  version: calls.version,
  createdAt: calls.createdAt,
  updatedAt: calls.updatedAt,
};

/** A call by id (prepared: every view of a call, its intake list and its proposals' creation run it). */
const findCallQuery = preparedQuery((db) =>
  db
    .select(callColumns)
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(eq(calls.id, sql.placeholder('id')))
    .prepare('calls_find'),
);

export async function findCall(db: DbOrTx, id: string) {
  const rows = await findCallQuery(db).execute({ id });
  return rows[0];
}
export type CallRow = NonNullable<Awaited<ReturnType<typeof findCall>>>;

export async function findCurrentForm(db: DbOrTx, callId: string, stage: string) {
  const rows = await db
    .select()
    .from(callForms)
    .where(and(eq(callForms.callId, callId), eq(callForms.stage, stage)))
    .orderBy(desc(callForms.version))
    .limit(1);
  return rows[0];
}

export async function findForm(db: DbOrTx, id: string) {
  const rows = await db.select().from(callForms).where(eq(callForms.id, id));
  return rows[0];
}
export type CallFormRow = typeof callForms.$inferSelect;

export async function freezeForm(db: DbOrTx, id: string, at: Date): Promise<void> {
  await db
    .update(callForms)
    .set({ frozenAt: at })
    .where(and(eq(callForms.id, id), isNull(callForms.frozenAt)));
}

/**
 * The next number of a call stage's receipt sequence. The counter row stays locked until the calling transaction
 * ends, and a rolled-back transaction rolls the increment back with it: the numbers of committed submissions have no
 * gaps.
 */
export async function incrementReceiptCounter(db: DbOrTx, callId: string, stage: string): Promise<number> {
  const rows = await db
    .insert(callReceiptCounters)
    .values({ callId, stage, lastNumber: 1 })
    .onConflictDoUpdate({
      target: [callReceiptCounters.callId, callReceiptCounters.stage],
      set: { lastNumber: sql`${callReceiptCounters.lastNumber} + 1` },
    })
    .returning({ lastNumber: callReceiptCounters.lastNumber });
  const row = rows[0];
  if (!row) {
    throw new Error('receipt counter did not return a number');
  }
  return row.lastNumber;
}

// ---- Lists -------------------------------------------------------------------------------------------------------

export interface CallListFilter {
  statuses: readonly CallStatus[];
  phase: CallPhase | 'all';
  programmeSlug?: string | undefined;
  theme?: string | undefined;
  fiscalYear?: number | undefined;
  now: Date;
}

const ENDED: CallStatus[] = ['closed', 'archived'];

/**
 * The SQL form of `callPhase`: a call is closed by status or once its deadline second has passed, upcoming before it
 * opens, open in between. `now` is cut to the whole second, as deadlines are compared.
 */
function phaseWhere(phase: CallPhase, now: Date): SQL | undefined {
  const second = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const running = sql`${calls.status} NOT IN ('closed', 'archived')`;
  switch (phase) {
    case 'upcoming':
      return and(running, gt(calls.opensAt, now));
    case 'open':
      return and(running, lte(calls.opensAt, now), sql`${calls.closesAt} >= ${second}`);
    case 'closed':
      return or(inArray(calls.status, ENDED), lt(calls.closesAt, second));
    default: {
      const exhaustive: never = phase;
      return exhaustive;
    }
  }
}

const publishedStatementCount = sql<number>`(
  SELECT count(*) FROM ${problemStatements}
  WHERE ${problemStatements.callId} = ${calls.id} AND ${problemStatements.status} = 'published'
)`.mapWith(Number);

/** Calls matching a filter with the number of their published problem statements: open first, soonest deadline first. */
export async function listCalls(db: DbOrTx, filter: CallListFilter) {
  const second = new Date(Math.floor(filter.now.getTime() / 1000) * 1000);
  const ended = sql`(${calls.status} IN ('closed', 'archived') OR ${calls.closesAt} < ${second})`;
  const conditions: Array<SQL | undefined> = [inArray(calls.status, [...filter.statuses])];
  if (filter.phase !== 'all') {
    conditions.push(phaseWhere(filter.phase, filter.now));
  }
  if (filter.programmeSlug) {
    conditions.push(eq(programmes.slug, filter.programmeSlug));
  }
  if (filter.fiscalYear) {
    conditions.push(eq(calls.fiscalYear, filter.fiscalYear));
  }
  if (filter.theme) {
    conditions.push(
      or(
        sql`${calls.eligibility} -> 'themes' @> ${JSON.stringify([filter.theme])}::jsonb`,
        sql`jsonb_array_length(coalesce(${calls.eligibility} -> 'themes', '[]'::jsonb)) = 0`,
      ),
    );
  }
  return db
    .select({ ...callColumns, problemStatementCount: publishedStatementCount })
    .from(calls)
    .innerJoin(programmes, eq(programmes.id, calls.programmeId))
    .where(and(...conditions))
    .orderBy(
      sql`CASE WHEN ${ended} THEN 1 ELSE 0 END`,
      sql`CASE WHEN ${ended} THEN NULL ELSE ${calls.closesAt} END ASC`,
      desc(calls.closesAt),
      asc(calls.code),
    )
    .limit(500);
}

export async function countPublishedStatements(db: DbOrTx, callId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(problemStatements)
    .where(and(eq(problemStatements.callId, callId), eq(problemStatements.status, 'published')));
  return rows[0]?.n ?? 0;
}

// ---- Writes ------------------------------------------------------------------------------------------------------

export type NewCall = typeof calls.$inferInsert;
export type CallChanges = Partial<Omit<NewCall, 'id' | 'createdAt' | 'createdBy' | 'version'>>;

export async function findCallByCode(db: DbOrTx, code: string, fiscalYear: number) {
  const rows = await db
    .select({ id: calls.id })
    .from(calls)
    .where(and(eq(calls.code, code), eq(calls.fiscalYear, fiscalYear)));
  return rows[0];
}

export async function insertCall(db: DbOrTx, values: NewCall): Promise<string> {
  const rows = await db.insert(calls).values(values).returning({ id: calls.id });
  const row = rows[0];
  if (!row) {
    throw new Error('call insert returned nothing');
  }
  return row.id;
}

/** Updates a call if `version` is still current (and bumps it); false when another change came first. */
export function updateCall(db: DbOrTx, id: string, version: number, changes: CallChanges): Promise<boolean> {
  return updateIfVersionMatches(db, calls, id, version, changes);
}

/** Moves a call from one status to another; false when its status changed meanwhile. */
export async function setCallStatus(
  db: DbOrTx,
  id: string,
  from: CallStatus,
  to: CallStatus,
  publishedAt: Date | null,
): Promise<boolean> {
  const rows = await db
    .update(calls)
    .set({
      status: to,
      ...(publishedAt ? { publishedAt } : {}),
      version: sql`${calls.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(calls.id, id), eq(calls.status, from)))
    .returning({ id: calls.id });
  return rows.length > 0;
}

/**
 * Locks a call's row for the rest of the transaction, so that changes of one call (form saves, transitions,
 * assignment runs, awards against its budget) run one at a time; returns its money limits, or undefined.
 */
export async function lockCall(db: DbOrTx, id: string) {
  const rows = await db
    .select({
      id: calls.id,
      totalBudgetSatang: calls.totalBudgetSatang,
      maxGrantSatang: calls.maxGrantSatang,
    })
    .from(calls)
    .where(eq(calls.id, id))
    .for('update');
  return rows[0];
}

// ---- Forms -------------------------------------------------------------------------------------------------------

export async function listForms(db: DbOrTx, callId: string) {
  return db
    .select()
    .from(callForms)
    .where(eq(callForms.callId, callId))
    .orderBy(asc(callForms.stage), desc(callForms.version));
}

export async function insertForm(db: DbOrTx, values: typeof callForms.$inferInsert): Promise<CallFormRow> {
  const rows = await db.insert(callForms).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('call form insert returned nothing');
  }
  return row;
}

/** Replaces the definition of a form version that no proposal uses yet; undefined when it is frozen. */
export async function updateUnfrozenForm(
  db: DbOrTx,
  id: string,
  definition: CallFormRow['definition'],
): Promise<CallFormRow | undefined> {
  const rows = await db
    .update(callForms)
    .set({ definition })
    .where(and(eq(callForms.id, id), isNull(callForms.frozenAt)))
    .returning();
  return rows[0];
}

// ---- Facts from other tables -------------------------------------------------------------------------------------

/**
 * Whether any form version of a call is frozen. Every proposal freezes the form version it starts on, so this is
 * also whether any proposal exists in the call.
 */
export async function hasFrozenForm(db: DbOrTx, callId: string): Promise<boolean> {
  const rows = await db
    .select({ id: callForms.id })
    .from(callForms)
    .where(and(eq(callForms.callId, callId), isNotNull(callForms.frozenAt)))
    .limit(1);
  return rows.length > 0;
}
