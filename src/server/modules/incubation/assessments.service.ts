import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { actorOfRequester, RequesterSchema, requesterOf } from '@server/lib/requester';
import {
  ResultsExportBodySchema,
  type AssessmentItem,
  type AssessmentPhase,
  type AssessmentResults,
  type MyAssessment,
  type Questionnaire,
  type ResultsExportBody,
  type SaveQuestionnaireBody,
  type SubmitResponseBody,
} from '@shared/contracts/cohorts';
import { cohortChange, participantChange, type Answers } from '@shared/cohorts/change';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as jobs from '@server/modules/jobs/jobs.service';
import * as repo from './assessments.repo';
import { countMembers } from './cohorts.repo';
import { abilitiesOf, assertManages, getCohortAccess } from './cohorts.service';
import { cohortPolicy } from './cohorts.policy';
import { resultsCsv, resultsXlsx } from './cohorts.export';

// Capacity assessment of a cohort: its questionnaire (Likert items, locked at the first answer), members' answers
// before and after, and the change per participant and for the cohort (the maths is in @shared/cohorts/change).

const iso = (value: Date | string) => new Date(value).toISOString();

function questionnaireOf(row: repo.QuestionnaireRow, counts: { pre: number; post: number }): Questionnaire {
  return {
    id: row.id,
    cohortId: row.cohortId,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    scalePoints: row.scalePoints,
    items: row.items,
    lockedAt: row.lockedAt === null ? null : iso(row.lockedAt),
    responseCounts: counts,
    version: row.version,
  };
}

/** A new item id: short, unlikely to repeat within a questionnaire. */
const newItemId = () => `i${randomBytes(4).toString('hex')}`;

/** Whether two questionnaires ask the same: the same items (ids and wording, in order) and scale. */
function asksTheSame(row: repo.QuestionnaireRow, items: AssessmentItem[], scalePoints: number): boolean {
  return (
    row.scalePoints === scalePoints &&
    row.items.length === items.length &&
    row.items.every(
      (item, i) =>
        item.id === items[i]?.id && item.textTh === items[i]?.textTh && item.textEn === items[i]?.textEn,
    )
  );
}

// ---- The questionnaire ----------------------------------------------------------------------------------------------

/** A cohort's questionnaire with the number of answers per phase, or null when there is none yet (managers). */
export async function getQuestionnaire(
  db: Database,
  actor: Actor,
  cohortId: string,
): Promise<Questionnaire | null> {
  const { access } = await getCohortAccess(db, actor, cohortId);
  assertManages(actor, access);
  const row = await repo.findQuestionnaireOfCohort(db, cohortId);
  return row ? questionnaireOf(row, await repo.countResponses(db, row.id)) : null;
}

/**
 * Makes the cohort's questionnaire (`version` null) or replaces it at its current version (managers). Items keep the
 * ids they are given and new items get one; ids must not repeat. Once anyone has answered, the items and the scale are
 * locked (INVALID_STATE); only the title may still change. Audited.
 */
export async function saveQuestionnaire(
  db: Database,
  actor: Actor,
  cohortId: string,
  body: SaveQuestionnaireBody,
  meta: RequestMeta,
): Promise<Questionnaire> {
  const { access } = await getCohortAccess(db, actor, cohortId);
  assertManages(actor, access);
  const items: AssessmentItem[] = body.items.map((item) => ({
    id: item.id ?? newItemId(),
    textTh: item.textTh,
    textEn: item.textEn,
  }));
  const seen = new Set<string>();
  const issues = items.flatMap((item, index) => {
    const repeated = seen.has(item.id);
    seen.add(item.id);
    return repeated
      ? [fieldIssue(`body.items.${index}.id`, 'duplicate', 'errors.cohorts.DUPLICATE_ITEM')]
      : [];
  });
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { issues });
  }
  return db.transaction(async (tx) => {
    await getCohortAccess(tx, actor, cohortId, { lock: true });
    const current = await repo.findQuestionnaireOfCohort(tx, cohortId, { lock: true });
    const fields = { titleTh: body.titleTh, titleEn: body.titleEn, scalePoints: body.scalePoints, items };
    let saved: repo.QuestionnaireRow;
    if (!current) {
      if (body.version !== null) {
        throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: null });
      }
      saved = await repo.insertQuestionnaire(tx, { cohortId, ...fields });
    } else {
      if (body.version !== current.version) {
        throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current.version });
      }
      if (current.lockedAt !== null && !asksTheSame(current, items, body.scalePoints)) {
        throw new AppError('INVALID_STATE', 'errors.cohorts.QUESTIONNAIRE_LOCKED');
      }
      saved = await repo.updateQuestionnaire(tx, current.id, fields);
    }
    await recordAudit(tx, meta, {
      action: current ? 'assessment.questionnaire_updated' : 'assessment.questionnaire_created',
      entityType: 'cohort',
      entityId: cohortId,
      ...(current
        ? {
            before: {
              titleTh: current.titleTh,
              scalePoints: current.scalePoints,
              items: current.items.map((i) => i.textTh),
            },
          }
        : {}),
      after: { titleTh: body.titleTh, scalePoints: body.scalePoints, items: items.map((i) => i.textTh) },
    });
    return questionnaireOf(saved, await repo.countResponses(tx, saved.id));
  });
}

// ---- Answering ------------------------------------------------------------------------------------------------------

async function myAssessmentOf(
  db: DbOrTx,
  actor: Actor,
  cohort: { id: string; nameTh: string; nameEn: string },
  access: Parameters<typeof abilitiesOf>[1],
): Promise<MyAssessment> {
  const row = await repo.findQuestionnaireOfCohort(db, cohort.id);
  const mine = row ? await repo.listResponsesOfUser(db, row.id, actor.userId) : [];
  const of = (phase: AssessmentPhase) => {
    const r = mine.find((m) => m.phase === phase);
    return r ? { answers: r.answers, submittedAt: iso(r.submittedAt) } : null;
  };
  const pre = of('pre');
  const post = of('post');
  const itemIds = row?.items.map((i) => i.id) ?? [];
  return {
    cohortId: cohort.id,
    cohortNameTh: cohort.nameTh,
    cohortNameEn: cohort.nameEn,
    questionnaire: row
      ? {
          id: row.id,
          cohortId: row.cohortId,
          titleTh: row.titleTh,
          titleEn: row.titleEn,
          scalePoints: row.scalePoints,
          items: row.items,
          lockedAt: row.lockedAt === null ? null : iso(row.lockedAt),
          version: row.version,
        }
      : null,
    responses: { pre, post },
    change: participantChange(itemIds, pre?.answers ?? null, post?.answers ?? null).change,
    abilities: abilitiesOf(actor, access),
  };
}

/** The questionnaire as a member answers it, with their own answers so far and their change (readers). */
export async function getMyAssessment(db: Database, actor: Actor, cohortId: string): Promise<MyAssessment> {
  const { cohort, access } = await getCohortAccess(db, actor, cohortId);
  return myAssessmentOf(db, actor, cohort, access);
}

/** Field problems of one phase's answers: every item answered with a whole point of the scale, nothing else. */
function answerIssues(row: repo.QuestionnaireRow, answers: Answers) {
  const asked = new Set(row.items.map((i) => i.id));
  const issues: Array<ReturnType<typeof fieldIssue>> = [];
  for (const item of row.items) {
    const value = answers[item.id];
    if (value === undefined) {
      issues.push(fieldIssue(`body.answers.${item.id}`, 'required', 'errors.cohorts.ANSWER_REQUIRED'));
    } else if (value < 1 || value > row.scalePoints) {
      issues.push(
        fieldIssue(`body.answers.${item.id}`, 'range', 'errors.cohorts.ANSWER_RANGE', {
          max: row.scalePoints,
        }),
      );
    }
  }
  for (const key of Object.keys(answers)) {
    if (!asked.has(key)) {
      issues.push(fieldIssue(`body.answers.${key}`, 'unknown', 'errors.cohorts.UNKNOWN_ITEM'));
    }
  }
  return issues;
}

/**
 * A member answers one phase of the cohort's questionnaire, once (CONFLICT the second time): every item, each a whole
 * point of the scale. The pre questionnaire cannot follow the post one. The first answer locks the questionnaire.
 * Others who see the cohort (its staff) get FORBIDDEN; audited.
 */
export async function submitResponse(
  db: Database,
  actor: Actor,
  cohortId: string,
  body: SubmitResponseBody,
  meta: RequestMeta,
  now: Date,
): Promise<MyAssessment> {
  const { access } = await getCohortAccess(db, actor, cohortId);
  if (!cohortPolicy.answer(actor, access)) {
    throw new AppError('FORBIDDEN');
  }
  return db.transaction(async (tx) => {
    const locked = await getCohortAccess(tx, actor, cohortId, { lock: true });
    if (!cohortPolicy.answer(actor, locked.access)) {
      throw new AppError('FORBIDDEN');
    }
    const row = await repo.findQuestionnaireOfCohort(tx, cohortId, { lock: true });
    if (!row) {
      throw new AppError('INVALID_STATE', 'errors.cohorts.NO_QUESTIONNAIRE');
    }
    const issues = answerIssues(row, body.answers);
    if (issues.length > 0) {
      throw new AppError('VALIDATION_FAILED', undefined, { issues });
    }
    const mine = await repo.listResponsesOfUser(tx, row.id, actor.userId);
    if (mine.some((r) => r.phase === body.phase)) {
      throw new AppError('CONFLICT', 'errors.cohorts.ALREADY_ANSWERED');
    }
    if (body.phase === 'pre' && mine.some((r) => r.phase === 'post')) {
      throw new AppError('INVALID_STATE', 'errors.cohorts.PRE_AFTER_POST');
    }
    const inserted = await repo.insertResponse(tx, {
      questionnaireId: row.id,
      userId: actor.userId,
      phase: body.phase,
      answers: body.answers,
      submittedAt: now,
    });
    if (!inserted) {
      throw new AppError('CONFLICT', 'errors.cohorts.ALREADY_ANSWERED');
    }
    if (row.lockedAt === null) {
      await repo.updateQuestionnaire(tx, row.id, { lockedAt: now });
    }
    await recordAudit(tx, meta, {
      action: 'assessment.response_submitted',
      entityType: 'cohort',
      entityId: cohortId,
      after: { phase: body.phase, userId: actor.userId },
    });
    return myAssessmentOf(tx, actor, locked.cohort, locked.access);
  });
}

// ---- Results --------------------------------------------------------------------------------------------------------

/**
 * The change per participant (post − pre of their mean, and per item) and for the cohort (mean change over those who
 * answered both, the share who improved, per item), over the current members (managers).
 */
export async function getResults(db: Database, actor: Actor, cohortId: string): Promise<AssessmentResults> {
  const { cohort, access } = await getCohortAccess(db, actor, cohortId);
  assertManages(actor, access);
  const row = await repo.findQuestionnaireOfCohort(db, cohortId);
  const { members, responses } = await repo.listMemberAnswers(db, cohortId, row?.id ?? null);
  const itemIds = row?.items.map((i) => i.id) ?? [];
  const answersOf = (userId: string, phase: AssessmentPhase): Answers | null =>
    responses.find((r) => r.userId === userId && r.phase === phase)?.answers ?? null;
  const participants = members.map((m) => ({
    member: m,
    change: participantChange(itemIds, answersOf(m.userId, 'pre'), answersOf(m.userId, 'post')),
  }));
  return {
    cohortId,
    cohortNameTh: cohort.nameTh,
    cohortNameEn: cohort.nameEn,
    fiscalYear: cohort.fiscalYear,
    memberCount: await countMembers(db, cohortId),
    questionnaire: row ? questionnaireOf(row, await repo.countResponses(db, row.id)) : null,
    cohort: cohortChange(
      itemIds,
      participants.map((p) => p.change),
    ),
    participants: participants.map(({ member, change }) => ({
      userId: member.userId,
      name: member.name,
      organisationNameTh: member.organisationNameTh,
      organisationNameEn: member.organisationNameEn,
      ...change,
    })),
  };
}

/** The steps of a results export, for its job's progress bar (i18n keys): the answers, then each sheet or the table. */
export const RESULTS_EXPORT_STEPS = {
  collect: 'cohorts.results.steps.collect',
  summary: 'cohorts.results.steps.summary',
  members: 'cohorts.results.steps.members',
} as const;

const ResultsExportJobParamsSchema = z.object({
  cohortId: z.uuid(),
  format: ResultsExportBodySchema.shape.format,
  lang: ResultsExportBodySchema.shape.lang,
  /** Whose rights the export runs with (checked again when it runs). */
  requester: RequesterSchema,
});

/**
 * The job that writes a cohort's results as XLSX (the answers gathered, then the summary sheet and the members' sheet)
 * or CSV (the answers, then the members' table), for a manager of the cohort.
 */
export const resultsExportJob = jobs.defineJobHandler({
  kind: 'cohort-results-export',
  params: ResultsExportJobParamsSchema,
  total: (p) => (p.format === 'xlsx' ? 3 : 2),
  async run({ db, params, step }) {
    await step(0, RESULTS_EXPORT_STEPS.collect);
    const results = await getResults(db, actorOfRequester(params.requester), params.cohortId);
    const fileName = `cohort-results-${results.fiscalYear}-${results.cohortId.slice(0, 8)}.${params.format}`;
    if (params.format === 'csv') {
      await step(1, RESULTS_EXPORT_STEPS.members);
      return {
        bytes: Buffer.from(resultsCsv(results, params.lang), 'utf8'),
        fileName,
        contentType: 'text/csv; charset=utf-8',
      };
    }
    const bytes = await resultsXlsx(results, params.lang, (sheet) =>
      step(sheet === 'summary' ? 1 : 2, RESULTS_EXPORT_STEPS[sheet]),
    );
    return {
      bytes,
      fileName,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
  },
});

/**
 * Queues the export of a cohort's results as a job of the actor, after the same checks as the results on screen
 * (NOT_FOUND for a cohort they may not see, FORBIDDEN unless they manage it). The caller kicks the worker.
 */
export async function createResultsExport(
  db: Database,
  actor: Actor,
  cohortId: string,
  body: ResultsExportBody,
): Promise<{ jobId: string }> {
  const { access } = await getCohortAccess(db, actor, cohortId);
  assertManages(actor, access);
  return jobs.createJob(db, actor, resultsExportJob, {
    cohortId,
    format: body.format,
    lang: body.lang,
    requester: requesterOf(actor),
  });
}
