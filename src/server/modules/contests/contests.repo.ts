import { and, asc, count, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { updateIfVersionMatches } from '@server/db/versioned';
import {
  contestCategories,
  contestCertificates,
  contestEntries,
  contestJudges,
  contestScores,
  contests,
  organisationMembers,
  organisations,
  programmes,
  proposals,
  users,
} from '@server/db/schema/index';

// ---- Contests ----------------------------------------------------------------------------------------------------

const contestColumns = {
  id: contests.id,
  programmeId: contests.programmeId,
  programmeSlug: programmes.slug,
  programmeNameTh: programmes.nameTh,
  programmeNameEn: programmes.nameEn,
  code: contests.code,
  titleTh: contests.titleTh,
  titleEn: contests.titleEn,
  descriptionTh: contests.descriptionTh,
  descriptionEn: contests.descriptionEn,
  fiscalYear: contests.fiscalYear,
  nominationsOpenAt: contests.nominationsOpenAt,
  nominationsCloseAt: contests.nominationsCloseAt,
  status: contests.status,
  announcedAt: contests.announcedAt,
  createdBy: contests.createdBy,
  version: contests.version,
  categoryCount: sql<number>`(SELECT count(*) FROM ${contestCategories} WHERE ${contestCategories.contestId} = ${contests.id})::int`,
};

export async function findContest(db: DbOrTx, id: string) {
  const rows = await db
    .select(contestColumns)
    .from(contests)
    .innerJoin(programmes, eq(programmes.id, contests.programmeId))
    .where(eq(contests.id, id));
  return rows[0];
}
export type ContestRow = NonNullable<Awaited<ReturnType<typeof findContest>>>;

/** Locks the contest row until the transaction ends: status changes and winners serialize on it. */
export async function lockContest(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: contests.id }).from(contests).where(eq(contests.id, id)).for('update');
  return rows.length > 0;
}

export async function listContests(db: DbOrTx, statuses: readonly string[]) {
  return db
    .select(contestColumns)
    .from(contests)
    .innerJoin(programmes, eq(programmes.id, contests.programmeId))
    .where(inArray(contests.status, [...statuses]))
    .orderBy(desc(contests.nominationsOpenAt), asc(contests.code));
}

export async function findContestByCode(db: DbOrTx, code: string, fiscalYear: number) {
  const rows = await db
    .select({ id: contests.id })
    .from(contests)
    .where(and(eq(contests.code, code), eq(contests.fiscalYear, fiscalYear)));
  return rows[0];
}

export type NewContest = typeof contests.$inferInsert;
export type ContestChanges = Partial<
  Omit<NewContest, 'id' | 'createdAt' | 'createdBy' | 'version' | 'status'>
>;

export async function insertContest(db: DbOrTx, values: NewContest): Promise<string> {
  const rows = await db.insert(contests).values(values).returning({ id: contests.id });
  const row = rows[0];
  if (!row) {
    throw new Error('contest insert returned nothing');
  }
  return row.id;
}

export async function updateContest(db: DbOrTx, id: string, version: number, changes: ContestChanges) {
  return updateIfVersionMatches(db, contests, id, version, changes);
}

export async function setContestStatus(
  db: DbOrTx,
  id: string,
  from: string,
  to: string,
  announcedAt: Date | null,
): Promise<boolean> {
  const rows = await db
    .update(contests)
    .set({
      status: to,
      ...(announcedAt ? { announcedAt } : {}),
      version: sql`${contests.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(contests.id, id), eq(contests.status, from)))
    .returning({ id: contests.id });
  return rows.length > 0;
}

// ---- Categories --------------------------------------------------------------------------------------------------

export type CategoryRow = typeof contestCategories.$inferSelect;
export type NewCategory = typeof contestCategories.$inferInsert;

export async function listCategories(db: DbOrTx, contestId: string): Promise<CategoryRow[]> {
  return db
    .select()
    .from(contestCategories)
    .where(eq(contestCategories.contestId, contestId))
    .orderBy(asc(contestCategories.position), asc(contestCategories.createdAt));
}

export async function insertCategory(db: DbOrTx, values: NewCategory): Promise<void> {
  await db.insert(contestCategories).values(values);
}

export async function updateCategory(
  db: DbOrTx,
  id: string,
  changes: Partial<Omit<NewCategory, 'id' | 'contestId'>>,
): Promise<void> {
  await db
    .update(contestCategories)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(contestCategories.id, id));
}

export async function deleteCategory(db: DbOrTx, id: string): Promise<void> {
  await db.delete(contestCategories).where(eq(contestCategories.id, id));
}

export async function countEntriesOfCategory(db: DbOrTx, categoryId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(contestEntries)
    .where(eq(contestEntries.categoryId, categoryId));
  return rows[0]?.n ?? 0;
}

export async function countSubmittedScoresOfCategory(db: DbOrTx, categoryId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(contestScores)
    .innerJoin(contestEntries, eq(contestEntries.id, contestScores.entryId))
    .where(and(eq(contestEntries.categoryId, categoryId), eq(contestScores.status, 'submitted')));
  return rows[0]?.n ?? 0;
}

// ---- Entries -----------------------------------------------------------------------------------------------------

const entryColumns = {
  entry: contestEntries,
  organisationNameTh: organisations.nameTh,
  organisationNameEn: organisations.nameEn,
  certificateCode: contestCertificates.verificationCode,
  certificateRevokedAt: contestCertificates.revokedAt,
};

function entriesQuery(db: DbOrTx) {
  return db
    .select(entryColumns)
    .from(contestEntries)
    .leftJoin(organisations, eq(organisations.id, contestEntries.organisationId))
    .leftJoin(contestCertificates, eq(contestCertificates.entryId, contestEntries.id));
}

export async function findEntry(db: DbOrTx, id: string) {
  const rows = await entriesQuery(db).where(eq(contestEntries.id, id));
  return rows[0];
}
export type EntryRow = NonNullable<Awaited<ReturnType<typeof findEntry>>>;

export interface EntryFilter {
  contestId: string;
  /** Only the entries this person nominated. */
  nominatedBy?: string;
  statuses?: readonly string[];
}

export async function listEntries(db: DbOrTx, filter: EntryFilter): Promise<EntryRow[]> {
  return entriesQuery(db)
    .where(
      and(
        eq(contestEntries.contestId, filter.contestId),
        filter.nominatedBy ? eq(contestEntries.nominatedBy, filter.nominatedBy) : undefined,
        filter.statuses ? inArray(contestEntries.status, [...filter.statuses]) : undefined,
      ),
    )
    .orderBy(asc(contestEntries.createdAt), asc(contestEntries.id));
}

export type NewEntry = typeof contestEntries.$inferInsert;

export async function insertEntry(db: DbOrTx, values: NewEntry): Promise<string> {
  const rows = await db.insert(contestEntries).values(values).returning({ id: contestEntries.id });
  const row = rows[0];
  if (!row) {
    throw new Error('entry insert returned nothing');
  }
  return row.id;
}

export async function findProposalEntry(db: DbOrTx, categoryId: string, proposalId: string) {
  const rows = await db
    .select({ id: contestEntries.id })
    .from(contestEntries)
    .where(and(eq(contestEntries.categoryId, categoryId), eq(contestEntries.proposalId, proposalId)));
  return rows[0];
}

export async function findInnovationEntry(db: DbOrTx, categoryId: string, innovationId: string) {
  const rows = await db
    .select({ id: contestEntries.id })
    .from(contestEntries)
    .where(and(eq(contestEntries.categoryId, categoryId), eq(contestEntries.innovationId, innovationId)));
  return rows[0];
}

export async function updateEntry(
  db: DbOrTx,
  id: string,
  version: number,
  changes: Partial<Pick<NewEntry, 'status' | 'place'>>,
): Promise<boolean> {
  return updateIfVersionMatches(db, contestEntries, id, version, changes);
}

/** Sets an entry's status and place whatever its version (winners are chosen under the contest's lock). */
export async function setEntryPlace(db: DbOrTx, id: string, status: string, place: number | null) {
  await db
    .update(contestEntries)
    .set({ status, place, version: sql`${contestEntries.version} + 1`, updatedAt: sql`now()` })
    .where(eq(contestEntries.id, id));
}

export async function countWinners(db: DbOrTx, contestId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(contestEntries)
    .where(and(eq(contestEntries.contestId, contestId), eq(contestEntries.status, 'winner')));
  return rows[0]?.n ?? 0;
}

/** Submitted proposals of the organisations the user belongs to (for nominating). */
export async function listNominableProposals(db: DbOrTx, userId: string) {
  return db
    .select({
      id: proposals.id,
      titleTh: proposals.titleTh,
      titleEn: proposals.titleEn,
      receiptNumber: proposals.receiptNumber,
      organisationNameTh: organisations.nameTh,
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .innerJoin(
      organisationMembers,
      and(
        eq(organisationMembers.organisationId, proposals.organisationId),
        eq(organisationMembers.userId, userId),
      ),
    )
    .where(isNotNull(proposals.submittedAt))
    .orderBy(desc(proposals.submittedAt));
}

// ---- Judges ------------------------------------------------------------------------------------------------------

export async function listJudges(db: DbOrTx, contestId: string) {
  return db
    .select({
      judgeId: contestJudges.judgeId,
      name: users.name,
      email: users.email,
      addedAt: contestJudges.createdAt,
      submitted: sql<number>`(SELECT count(*) FROM ${contestScores} s JOIN ${contestEntries} e ON e.id = s.entry_id
        WHERE e.contest_id = ${contestId} AND s.judge_id = ${contestJudges.judgeId} AND s.status = 'submitted')::int`,
      recused: sql<number>`(SELECT count(*) FROM ${contestScores} s JOIN ${contestEntries} e ON e.id = s.entry_id
        WHERE e.contest_id = ${contestId} AND s.judge_id = ${contestJudges.judgeId} AND s.status = 'recused')::int`,
    })
    .from(contestJudges)
    .innerJoin(users, eq(users.id, contestJudges.judgeId))
    .where(eq(contestJudges.contestId, contestId))
    .orderBy(asc(users.name));
}

export async function isJudge(db: DbOrTx, contestId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ id: contestJudges.judgeId })
    .from(contestJudges)
    .where(and(eq(contestJudges.contestId, contestId), eq(contestJudges.judgeId, userId)));
  return rows.length > 0;
}

export async function insertJudge(db: DbOrTx, contestId: string, judgeId: string, addedBy: string) {
  const rows = await db
    .insert(contestJudges)
    .values({ contestId, judgeId, addedBy })
    .onConflictDoNothing()
    .returning({ judgeId: contestJudges.judgeId });
  return rows.length > 0;
}

export async function deleteJudge(db: DbOrTx, contestId: string, judgeId: string): Promise<boolean> {
  const rows = await db
    .delete(contestJudges)
    .where(and(eq(contestJudges.contestId, contestId), eq(contestJudges.judgeId, judgeId)))
    .returning({ judgeId: contestJudges.judgeId });
  return rows.length > 0;
}

/** Contests the user judges, with their accepted entries and the user's submitted / recused counts. */
export async function listJudgedContests(db: DbOrTx, userId: string) {
  return db
    .select({
      ...contestColumns,
      entries: sql<number>`(SELECT count(*) FROM ${contestEntries} e WHERE e.contest_id = ${contests.id}
        AND e.status IN ('accepted', 'winner'))::int`,
      submitted: sql<number>`(SELECT count(*) FROM ${contestScores} s JOIN ${contestEntries} e ON e.id = s.entry_id
        WHERE e.contest_id = ${contests.id} AND s.judge_id = ${userId} AND s.status = 'submitted')::int`,
      recused: sql<number>`(SELECT count(*) FROM ${contestScores} s JOIN ${contestEntries} e ON e.id = s.entry_id
        WHERE e.contest_id = ${contests.id} AND s.judge_id = ${userId} AND s.status = 'recused')::int`,
    })
    .from(contests)
    .innerJoin(programmes, eq(programmes.id, contests.programmeId))
    .innerJoin(
      contestJudges,
      and(eq(contestJudges.contestId, contests.id), eq(contestJudges.judgeId, userId)),
    )
    .where(inArray(contests.status, ['open', 'judging', 'announced']))
    .orderBy(desc(contests.nominationsOpenAt));
}

// ---- Scores ------------------------------------------------------------------------------------------------------

export type ScoreRow = typeof contestScores.$inferSelect;

export async function findScore(db: DbOrTx, entryId: string, judgeId: string): Promise<ScoreRow | undefined> {
  const rows = await db
    .select()
    .from(contestScores)
    .where(and(eq(contestScores.entryId, entryId), eq(contestScores.judgeId, judgeId)));
  return rows[0];
}

export async function listScoresOfJudge(db: DbOrTx, contestId: string, judgeId: string): Promise<ScoreRow[]> {
  return db
    .select({ score: contestScores })
    .from(contestScores)
    .innerJoin(contestEntries, eq(contestEntries.id, contestScores.entryId))
    .where(and(eq(contestEntries.contestId, contestId), eq(contestScores.judgeId, judgeId)))
    .then((rows) => rows.map((r) => r.score));
}

export async function listScoresOfContest(db: DbOrTx, contestId: string): Promise<ScoreRow[]> {
  return db
    .select({ score: contestScores })
    .from(contestScores)
    .innerJoin(contestEntries, eq(contestEntries.id, contestScores.entryId))
    .where(eq(contestEntries.contestId, contestId))
    .then((rows) => rows.map((r) => r.score));
}

export type NewScore = typeof contestScores.$inferInsert;

/** Inserts the judge's score row, or changes it while it is still a draft; undefined when it is locked. */
export async function upsertDraftScore(db: DbOrTx, values: NewScore): Promise<ScoreRow | undefined> {
  const rows = await db
    .insert(contestScores)
    .values(values)
    .onConflictDoUpdate({
      target: [contestScores.entryId, contestScores.judgeId],
      set: {
        status: sql`excluded.status`,
        scores: sql`excluded.scores`,
        comment: sql`excluded.comment`,
        weightedScore: sql`excluded.weighted_score`,
        submittedAt: sql`excluded.submitted_at`,
        version: sql`${contestScores.version} + 1`,
        updatedAt: sql`now()`,
      },
      setWhere: eq(contestScores.status, 'draft'),
    })
    .returning();
  return rows[0];
}

// ---- Certificates ------------------------------------------------------------------------------------------------

export async function insertCertificate(db: DbOrTx, values: typeof contestCertificates.$inferInsert) {
  await db
    .insert(contestCertificates)
    .values(values)
    .onConflictDoNothing({ target: contestCertificates.entryId });
}

export async function findCertificateByEntry(db: DbOrTx, entryId: string) {
  const rows = await db.select().from(contestCertificates).where(eq(contestCertificates.entryId, entryId));
  return rows[0];
}

export async function findCertificateByCode(db: DbOrTx, code: string) {
  const rows = await db
    .select({
      certificate: contestCertificates,
      entryTitleTh: contestEntries.titleTh,
      place: contestEntries.place,
      categoryNameTh: contestCategories.nameTh,
      categoryNameEn: contestCategories.nameEn,
      contestTitleTh: contests.titleTh,
      contestTitleEn: contests.titleEn,
    })
    .from(contestCertificates)
    .innerJoin(contestEntries, eq(contestEntries.id, contestCertificates.entryId))
    .innerJoin(contestCategories, eq(contestCategories.id, contestEntries.categoryId))
    .innerJoin(contests, eq(contests.id, contestEntries.contestId))
    .where(eq(contestCertificates.verificationCode, code));
  return rows[0];
}

export async function revokeCertificate(db: DbOrTx, entryId: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(contestCertificates)
    .set({ revokedAt: at })
    .where(and(eq(contestCertificates.entryId, entryId), sql`${contestCertificates.revokedAt} IS NULL`))
    .returning({ id: contestCertificates.id });
  return rows.length > 0;
}
