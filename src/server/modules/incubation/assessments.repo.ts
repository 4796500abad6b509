import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  assessmentQuestionnaires,
  assessmentResponses,
  cohortMembers,
  organisations,
  users,
} from '@server/db/schema/index';

export type QuestionnaireRow = typeof assessmentQuestionnaires.$inferSelect;
export type ResponseRow = typeof assessmentResponses.$inferSelect;

/** A cohort's questionnaire (one per cohort; the first made, should there ever be more). */
export async function findQuestionnaireOfCohort(
  db: DbOrTx,
  cohortId: string,
  options: { lock?: boolean } = {},
): Promise<QuestionnaireRow | undefined> {
  const query = db
    .select()
    .from(assessmentQuestionnaires)
    .where(eq(assessmentQuestionnaires.cohortId, cohortId))
    .orderBy(asc(assessmentQuestionnaires.createdAt))
    .limit(1);
  const rows = options.lock ? await query.for('update') : await query;
  return rows[0];
}

export async function insertQuestionnaire(
  db: DbOrTx,
  values: typeof assessmentQuestionnaires.$inferInsert,
): Promise<QuestionnaireRow> {
  const rows = await db.insert(assessmentQuestionnaires).values(values).returning();
  const row = rows[0];
  if (!row) {
    throw new Error('questionnaire insert returned no row');
  }
  return row;
}

/** Updates a questionnaire and moves its version on. */
export async function updateQuestionnaire(
  db: DbOrTx,
  id: string,
  values: Partial<typeof assessmentQuestionnaires.$inferInsert>,
  options: { bumpVersion?: boolean } = {},
): Promise<QuestionnaireRow> {
  const rows = await db
    .update(assessmentQuestionnaires)
    .set({
      ...values,
      ...(options.bumpVersion === false ? {} : { version: sql`${assessmentQuestionnaires.version} + 1` }),
      updatedAt: new Date(),
    })
    .where(eq(assessmentQuestionnaires.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error('questionnaire update returned no row');
  }
  return row;
}

/** How many answered each phase. */
export async function countResponses(
  db: DbOrTx,
  questionnaireId: string,
): Promise<{ pre: number; post: number }> {
  const rows = await db
    .select({ phase: assessmentResponses.phase, n: sql<string>`COUNT(*)` })
    .from(assessmentResponses)
    .where(eq(assessmentResponses.questionnaireId, questionnaireId))
    .groupBy(assessmentResponses.phase);
  const of = (phase: string) => Number(rows.find((r) => r.phase === phase)?.n ?? 0);
  return { pre: of('pre'), post: of('post') };
}

/** One person's responses to a questionnaire. */
export async function listResponsesOfUser(db: DbOrTx, questionnaireId: string, userId: string) {
  return db
    .select()
    .from(assessmentResponses)
    .where(
      and(eq(assessmentResponses.questionnaireId, questionnaireId), eq(assessmentResponses.userId, userId)),
    );
}

/** Adds a response; undefined when the person already answered that phase. */
export async function insertResponse(
  db: DbOrTx,
  values: typeof assessmentResponses.$inferInsert,
): Promise<ResponseRow | undefined> {
  const rows = await db.insert(assessmentResponses).values(values).onConflictDoNothing().returning();
  return rows[0];
}

export async function countResponsesOfUser(db: DbOrTx, cohortId: string, userId: string): Promise<number> {
  const rows = await db
    .select({ n: sql<string>`COUNT(*)` })
    .from(assessmentResponses)
    .innerJoin(assessmentQuestionnaires, eq(assessmentQuestionnaires.id, assessmentResponses.questionnaireId))
    .where(and(eq(assessmentQuestionnaires.cohortId, cohortId), eq(assessmentResponses.userId, userId)));
  return Number(rows[0]?.n ?? 0);
}

/** The current members of a cohort with their organisation and their answers to the questionnaire, by name. */
export async function listMemberAnswers(db: DbOrTx, cohortId: string, questionnaireId: string | null) {
  const members = await db
    .select({
      userId: cohortMembers.userId,
      name: users.name,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
    })
    .from(cohortMembers)
    .innerJoin(users, eq(users.id, cohortMembers.userId))
    .leftJoin(organisations, eq(organisations.id, cohortMembers.organisationId))
    .where(eq(cohortMembers.cohortId, cohortId))
    .orderBy(asc(users.name), asc(cohortMembers.userId));
  const responses =
    questionnaireId === null
      ? []
      : await db
          .select({
            userId: assessmentResponses.userId,
            phase: assessmentResponses.phase,
            answers: assessmentResponses.answers,
          })
          .from(assessmentResponses)
          .innerJoin(
            cohortMembers,
            and(eq(cohortMembers.userId, assessmentResponses.userId), eq(cohortMembers.cohortId, cohortId)),
          )
          .where(eq(assessmentResponses.questionnaireId, questionnaireId));
  return { members, responses };
}
