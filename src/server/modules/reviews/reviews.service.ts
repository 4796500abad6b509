import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { Language } from '@shared/i18n/index';
import type { CriterionScores, Recommendation, RubricCriterion } from '@shared/contracts/rubrics';
import type {
  ApplicantFeedback,
  MyReview,
  OfficerReview,
  ProposalReviews,
  Ranking,
  RankingRow,
  RecommendationCounts,
  ReopenReviewBody,
  ReviewSheet,
  ReviewStage,
  ReviewStatus,
  Rubric,
  SaveReviewBody,
  SaveRubricBody,
  StageQuery,
  SubmitReviewBody,
} from '@shared/contracts/reviews';
import {
  calibrate,
  isDisagreement,
  rankItems,
  rubricIssues,
  scoreIssues,
  weightedScore,
  zScore,
  type Calibration,
  type RankInput,
} from '@shared/reviews/scoring';
import { STARTER_RUBRIC } from '@shared/reviews/starter-rubric';
import { getVisibleCall, type CallRecord } from '@server/modules/calls/calls.service';
import {
  getOpenAssignment,
  getReviewerFacingTitles,
  getReviewSettings,
} from '@server/modules/reviewers/reviewers.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers } from '@server/modules/notifications/notifications.service';
import * as repo from './reviews.repo';
import { reviewPolicy } from './reviews.policy';

export { STARTER_RUBRIC } from '@shared/reviews/starter-rubric';

const iso = (value: Date | string | null): string | null =>
  value === null ? null : new Date(value).toISOString();

const stale = () => new AppError('CONFLICT', 'errors.STALE_VERSION');

/** The stages a call reviews: `proposal` for single-stage calls, `concept` and `full` for two-stage calls. */
export function stagesOfCall(call: Pick<CallRecord, 'stageMode'>): ReviewStage[] {
  return call.stageMode === 'two_stage' ? ['concept', 'full'] : ['proposal'];
}

/** The call, for officers only (FORBIDDEN for others), with the stage checked against the call's stages. */
async function getOfficerCall(
  db: DbOrTx,
  actor: Actor,
  callId: string,
  stage?: ReviewStage,
): Promise<CallRecord> {
  authorize(actor, reviewPolicy.manage, {});
  const call = await getVisibleCall(db, actor, callId);
  if (stage !== undefined && !stagesOfCall(call).includes(stage)) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('params.stage', 'invalid', 'reviews.errors.stageNotInCall')],
    });
  }
  return call;
}

// ---- Rubrics -------------------------------------------------------------------------------------------------------

function toRubric(callId: string, stage: ReviewStage, row: repo.RubricRow | null): Rubric {
  return row
    ? {
        callId,
        stage,
        criteria: row.criteria,
        isStarter: false,
        lockedAt: iso(row.lockedAt),
        version: row.version,
      }
    : { callId, stage, criteria: [...STARTER_RUBRIC], isStarter: true, lockedAt: null, version: 0 };
}

/** The criteria a call stage is scored on: its saved rubric, else the starter rubric. No authorization. */
export async function getRubricCriteria(
  db: DbOrTx,
  callId: string,
  stage: ReviewStage,
): Promise<RubricCriterion[]> {
  return (await repo.findRubric(db, callId, stage))?.criteria ?? [...STARTER_RUBRIC];
}

/** The rubric of a call stage for officers: the saved one, or the starter rubric (version 0) until one is saved. */
export async function getRubric(
  db: DbOrTx,
  actor: Actor,
  callId: string,
  stage: ReviewStage,
): Promise<Rubric> {
  await getOfficerCall(db, actor, callId, stage);
  return toRubric(callId, stage, await repo.findRubric(db, callId, stage));
}

/** VALIDATION_FAILED naming every problem of the criteria, or nothing. */
function assertRubricValid(criteria: readonly RubricCriterion[]): void {
  const issues = rubricIssues(criteria);
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: issues.map((issue) =>
        fieldIssue(
          issue.index === null ? 'body.criteria' : `body.criteria.${issue.index}`,
          issue.code,
          `reviews.errors.rubric.${issue.code}`,
        ),
      ),
    });
  }
}

/**
 * Saves the criteria of a call stage's rubric (officers). The version must be the one read (0 for the starter);
 * a rubric locked by a submitted review cannot change (INVALID_STATE). Audited.
 */
export async function saveRubric(
  db: Database,
  actor: Actor,
  callId: string,
  stage: ReviewStage,
  body: SaveRubricBody,
  meta: RequestMeta,
): Promise<Rubric> {
  await getOfficerCall(db, actor, callId, stage);
  assertRubricValid(body.criteria);
  await db.transaction(async (tx) => {
    const current = await repo.lockRubric(tx, callId, stage);
    if (current?.lockedAt) {
      throw new AppError('INVALID_STATE', 'reviews.errors.rubricLocked');
    }
    if ((current?.version ?? 0) !== body.version) {
      throw stale();
    }
    const rubricId = current
      ? (await repo.updateRubricCriteria(tx, current.id, body.version, body.criteria))
        ? current.id
        : null
      : await repo.insertRubric(tx, callId, stage, body.criteria);
    if (!rubricId) {
      throw stale();
    }
    await recordAudit(tx, meta, {
      action: 'rubric.saved',
      entityType: 'rubric',
      entityId: rubricId,
      before: current ? { criteria: current.criteria, version: current.version } : null,
      after: { callId, stage, criteria: body.criteria, version: body.version + 1 },
    });
  });
  return toRubric(callId, stage, await repo.findRubric(db, callId, stage));
}

/**
 * The call stage's rubric row, created from the starter rubric if there is none yet (reviews need its id). With
 * `lock` (submitting) the row stays locked to the end of the transaction, so the rubric cannot change between the
 * check of the scores and the lock a submitted review puts on it; a draft save only reads it.
 */
async function ensureRubric(
  tx: DbOrTx,
  callId: string,
  stage: string,
  lock: boolean,
): Promise<repo.RubricRow> {
  const read = lock ? repo.lockRubric : repo.findRubric;
  const found = await read(tx, callId, stage);
  if (found) {
    return found;
  }
  await repo.insertRubric(tx, callId, stage, [...STARTER_RUBRIC]);
  const created = await read(tx, callId, stage);
  if (!created) {
    throw new Error('rubric missing after insert');
  }
  return created;
}

// ---- The reviewer's scoring sheet -----------------------------------------------------------------------------------

function emptyReview(): MyReview {
  return {
    id: null,
    status: 'draft',
    scores: {},
    comment: '',
    recommendation: null,
    weightedScore: null,
    submittedAt: null,
    version: 0,
  };
}

function toMyReview(row: repo.ReviewRow | null): MyReview {
  if (!row) {
    return emptyReview();
  }
  return {
    id: row.id,
    status: row.status as ReviewStatus,
    scores: row.scores,
    comment: row.comment,
    recommendation: row.recommendation as Recommendation | null,
    weightedScore: row.weightedScore,
    submittedAt: iso(row.submittedAt),
    version: row.version,
  };
}

function auditSnapshot(row: repo.ReviewRow | null): Record<string, unknown> | null {
  return row
    ? {
        status: row.status,
        scores: row.scores,
        comment: row.comment,
        recommendation: row.recommendation,
        weightedScore: row.weightedScore,
        version: row.version,
      }
    : null;
}

/**
 * The reviewer's scoring sheet for their open assignment: the rubric, their own review (a blank draft, version 0,
 * until the first save), and other reviewers' submitted reviews anonymised as "Reviewer 1, 2, …" — at once when the
 * call does not hide them, else only once the reviewer's own review is submitted.
 */
export async function getReviewSheet(db: DbOrTx, actor: Actor, assignmentId: string): Promise<ReviewSheet> {
  const assignment = await getOpenAssignment(db, actor, assignmentId);
  const [titles, criteria, mine, settings, submitted] = await Promise.all([
    // Blind calls: the applicants' names are blanked out of the titles too.
    getReviewerFacingTitles(db, assignment),
    getRubricCriteria(db, assignment.callId, assignment.stage),
    repo.findReviewByAssignment(db, assignmentId),
    getReviewSettings(db, assignment.callId),
    repo.listSubmittedReviewsOfProposal(db, assignment.proposalId, assignment.stage),
  ]);
  const review = toMyReview(mine);
  const peers = submitted.filter((r) => r.assignmentId !== assignmentId);
  const othersVisible = !settings.hideOtherReviews || review.status === 'submitted';
  return {
    assignmentId,
    proposalId: assignment.proposalId,
    callId: assignment.callId,
    stage: assignment.stage,
    titleTh: titles.titleTh,
    titleEn: titles.titleEn,
    criteria,
    review,
    others: othersVisible
      ? peers.map((r, index) => ({
          number: index + 1,
          scores: r.scores,
          comment: r.comment,
          recommendation: r.recommendation as Recommendation | null,
          weightedScore: r.weightedScore,
        }))
      : [],
    othersHidden: !othersVisible && peers.length > 0,
    abilities: {
      edit: review.status === 'draft',
      submit: review.status === 'draft' && review.version > 0,
    },
  };
}

/** VALIDATION_FAILED for the scores' problems, each on its criterion's field. */
function assertScores(
  criteria: readonly RubricCriterion[],
  scores: CriterionScores,
  complete: boolean,
): void {
  const issues = scoreIssues(criteria, scores, complete);
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: issues.map((issue) =>
        fieldIssue(`body.scores.${issue.criterionId}`, issue.code, `reviews.errors.score.${issue.code}`),
      ),
    });
  }
}

/**
 * Saves the reviewer's draft (scores on the scale, comments, recommendation), creating it with version 0. A stale
 * version → CONFLICT; a submitted review → INVALID_STATE (locked until an officer reopens it). Audited.
 */
export async function saveReview(
  db: Database,
  actor: Actor,
  assignmentId: string,
  body: SaveReviewBody,
  meta: RequestMeta,
): Promise<ReviewSheet> {
  await db.transaction(async (tx) => {
    const assignment = await getOpenAssignment(tx, actor, assignmentId);
    const current = await repo.lockReviewByAssignment(tx, assignmentId);
    if (current && !reviewPolicy.edit(actor, { status: current.status as ReviewStatus })) {
      throw new AppError('INVALID_STATE', 'reviews.errors.reviewLocked');
    }
    if ((current?.version ?? 0) !== body.version) {
      throw stale();
    }
    const rubric = await ensureRubric(tx, assignment.callId, assignment.stage, false);
    assertScores(rubric.criteria, body.scores, false);
    const changes = {
      scores: body.scores,
      comment: body.comment,
      recommendation: body.recommendation,
      rubricId: rubric.id,
    };
    let after: repo.ReviewRow | null;
    if (current) {
      if (!(await repo.updateReview(tx, current.id, body.version, changes))) {
        throw stale();
      }
      after = { ...current, ...changes, version: current.version + 1 };
    } else {
      // Two first saves at once: the one that inserts second finds the review there and is stale.
      after = await repo.insertReview(tx, {
        ...changes,
        assignmentId,
        callId: assignment.callId,
        proposalId: assignment.proposalId,
        stage: assignment.stage,
        reviewerId: assignment.reviewerId,
      });
      if (!after) {
        throw stale();
      }
    }
    await recordAudit(tx, meta, {
      action: 'review.draft_saved',
      entityType: 'review',
      entityId: after.id,
      before: auditSnapshot(current),
      after: auditSnapshot(after),
    });
  });
  return getReviewSheet(db, actor, assignmentId);
}

/**
 * Submits the reviewer's review: every criterion scored on its scale, a comment wherever the score is at or below
 * the criterion's threshold, and a recommendation. Sets the weighted score, locks the review and the call stage's
 * rubric. Scores of criteria the rubric no longer has are dropped. Audited.
 */
export async function submitReview(
  db: Database,
  actor: Actor,
  assignmentId: string,
  body: SubmitReviewBody,
  meta: RequestMeta,
  now: Date,
): Promise<ReviewSheet> {
  await db.transaction(async (tx) => {
    const assignment = await getOpenAssignment(tx, actor, assignmentId);
    const current = await repo.lockReviewByAssignment(tx, assignmentId);
    if (!current) {
      throw new AppError('INVALID_STATE', 'reviews.errors.nothingToSubmit');
    }
    if (!reviewPolicy.edit(actor, { status: current.status as ReviewStatus })) {
      throw new AppError('INVALID_STATE', 'reviews.errors.reviewLocked');
    }
    if (current.version !== body.version) {
      throw stale();
    }
    const rubric = await ensureRubric(tx, assignment.callId, assignment.stage, true);
    const ids = new Set(rubric.criteria.map((c) => c.id));
    const scores = Object.fromEntries(Object.entries(current.scores).filter(([id]) => ids.has(id)));
    assertScores(rubric.criteria, scores, true);
    if (!current.recommendation) {
      throw new AppError('VALIDATION_FAILED', undefined, {
        issues: [fieldIssue('body.recommendation', 'required', 'reviews.errors.recommendationRequired')],
      });
    }
    const score = weightedScore(rubric.criteria, scores);
    const changes = {
      scores,
      status: 'submitted',
      weightedScore: score,
      submittedAt: now,
      rubricId: rubric.id,
    };
    if (!(await repo.updateReview(tx, current.id, body.version, changes))) {
      throw stale();
    }
    await repo.markRubricLocked(tx, rubric.id, now);
    await recordAudit(tx, meta, {
      action: 'review.submitted',
      entityType: 'review',
      entityId: current.id,
      before: auditSnapshot(current),
      after: auditSnapshot({ ...current, ...changes, version: current.version + 1 }),
    });
  });
  return getReviewSheet(db, actor, assignmentId);
}

/**
 * Reopens a submitted review (officers), with a reason: it becomes a draft again (its weighted score cleared) and
 * the reviewer is told in the app. The rubric stays locked. Audited.
 */
export async function reopenReview(
  db: Database,
  actor: Actor,
  reviewId: string,
  body: ReopenReviewBody,
  meta: RequestMeta,
): Promise<OfficerReview> {
  authorize(actor, reviewPolicy.manage, {});
  const { proposalId, stage } = await db.transaction(async (tx) => {
    const current = await repo.lockReview(tx, reviewId);
    if (!current) {
      throw new AppError('NOT_FOUND');
    }
    await getVisibleCall(tx, actor, current.callId);
    if (!reviewPolicy.reopen(actor, { status: current.status as ReviewStatus })) {
      throw new AppError('INVALID_STATE', 'reviews.errors.notSubmitted');
    }
    if (body.version !== undefined && body.version !== current.version) {
      throw stale();
    }
    const changes = { status: 'draft', weightedScore: null, submittedAt: null };
    if (!(await repo.updateReview(tx, current.id, current.version, changes))) {
      throw stale();
    }
    await recordAudit(tx, meta, {
      action: 'review.reopened',
      entityType: 'review',
      entityId: current.id,
      before: auditSnapshot(current),
      after: {
        ...auditSnapshot({ ...current, ...changes, version: current.version + 1 }),
        reason: body.reason,
      },
    });
    const proposal = await repo.findProposalHead(tx, current.proposalId);
    const title = (lang: Language) =>
      lang === 'en' && proposal?.titleEn ? proposal.titleEn : (proposal?.titleTh ?? '');
    await notifyUsers(tx, [current.reviewerId], {
      kind: 'review_reopened',
      params: (lang) => ({ title: title(lang), reason: body.reason }),
      link: `/reviews/${current.assignmentId}`,
    });
    return { proposalId: current.proposalId, stage: current.stage as ReviewStage };
  });
  const reviews = await listProposalReviews(db, actor, proposalId, { stage });
  const reopened = reviews.reviews.find((r) => r.id === reviewId);
  if (!reopened) {
    throw new AppError('NOT_FOUND');
  }
  return reopened;
}

// ---- Officers: named reviews, ranking ----------------------------------------------------------------------------------

/** Calibration of a call stage's submitted reviews (active assignments only), with recommendations per proposal. */
async function calibrateStage(db: DbOrTx, callId: string, stage: string) {
  const rows = await repo.listSubmittedScores(db, callId, stage);
  const scored = rows.filter((r): r is typeof r & { weightedScore: number } => r.weightedScore !== null);
  const calibration = calibrate(
    scored.map((r) => ({ reviewerId: r.reviewerId, itemId: r.proposalId, score: r.weightedScore })),
  );
  const recommendations = new Map<string, RecommendationCounts>();
  for (const row of rows) {
    const counts = recommendations.get(row.proposalId) ?? { fund: 0, fund_with_changes: 0, do_not_fund: 0 };
    if (
      row.recommendation === 'fund' ||
      row.recommendation === 'fund_with_changes' ||
      row.recommendation === 'do_not_fund'
    ) {
      counts[row.recommendation] += 1;
    }
    recommendations.set(row.proposalId, counts);
  }
  return { calibration, recommendations };
}

function reviewZ(calibration: Calibration, reviewerId: string, score: number | null): number | null {
  const stats = calibration.reviewers.get(reviewerId);
  return stats && score !== null ? zScore(stats, score) : null;
}

/**
 * Every reviewer of a proposal at a stage (default: the proposal's own stage), named, with their review, scores,
 * comments and z-score, and the proposal's raw mean, calibrated score and disagreement flag (officers).
 */
export async function listProposalReviews(
  db: DbOrTx,
  actor: Actor,
  proposalId: string,
  query: StageQuery,
): Promise<ProposalReviews> {
  authorize(actor, reviewPolicy.manage, {});
  const proposal = await repo.findProposalHead(db, proposalId);
  if (!proposal) {
    throw new AppError('NOT_FOUND');
  }
  const stage = query.stage ?? (proposal.stage as ReviewStage);
  await getOfficerCall(db, actor, proposal.callId, stage);
  const [rows, criteria, settings, { calibration }] = await Promise.all([
    repo.listProposalReviews(db, proposalId, stage),
    getRubricCriteria(db, proposal.callId, stage),
    getReviewSettings(db, proposal.callId),
    calibrateStage(db, proposal.callId, stage),
  ]);
  const item = calibration.items.get(proposalId);
  return {
    proposalId,
    callId: proposal.callId,
    stage,
    receiptNumber: proposal.receiptNumber,
    titleTh: proposal.titleTh,
    titleEn: proposal.titleEn,
    criteria,
    reviews: rows.map((row) => {
      const review = row.review;
      const counted = review?.status === 'submitted' && row.assignmentStatus === 'active';
      return {
        id: review?.id ?? null,
        assignmentId: row.assignmentId,
        assignmentStatus: row.assignmentStatus,
        reviewerId: row.reviewerId,
        reviewerName: row.reviewerName,
        status: review ? (review.status as ReviewStatus) : 'not_started',
        scores: review?.scores ?? {},
        comment: review?.comment ?? '',
        recommendation: (review?.recommendation ?? null) as Recommendation | null,
        weightedScore: review?.weightedScore ?? null,
        zScore: counted ? reviewZ(calibration, row.reviewerId, review.weightedScore) : null,
        submittedAt: iso(review?.submittedAt ?? null),
        version: review?.version ?? 0,
      };
    }),
    rawMean: item?.rawMean ?? null,
    calibrated: item?.calibrated ?? null,
    zMean: item?.zMean ?? null,
    disagreement: item ? isDisagreement(item, settings.disagreementPoints) : false,
  };
}

/**
 * The ranking of a call stage's screened-in proposals (officers): raw weighted mean beside the calibrated score,
 * z-mean, disagreement flag, recommendation counts, the running total of requested money against the call budget
 * and the current decision. Order and tie-breaking: see `@shared/reviews/scoring`.
 */
export async function getRanking(
  db: DbOrTx,
  actor: Actor,
  callId: string,
  query: StageQuery,
): Promise<Ranking> {
  const call = await getOfficerCall(db, actor, callId, query.stage);
  const stage = query.stage ?? stagesOfCall(call)[0] ?? 'proposal';
  const [proposals, assigned, settings, awarded, { calibration, recommendations }] = await Promise.all([
    repo.listRankingProposals(db, callId, stage),
    repo.countAssignedByProposal(db, callId, stage),
    getReviewSettings(db, callId),
    repo.sumAwards(db, callId),
    calibrateStage(db, callId, stage),
  ]);
  type Item = RankInput & { row: (typeof proposals)[number] };
  const items: Item[] = proposals.map((row) => {
    const item = calibration.items.get(row.id);
    return {
      id: row.id,
      calibrated: item?.calibrated ?? null,
      rawMean: item?.rawMean ?? null,
      reviewCount: item?.n ?? 0,
      doNotFundCount: recommendations.get(row.id)?.do_not_fund ?? 0,
      submittedAt: row.submittedAt,
      receiptNumber: row.receiptNumber,
      requestedSatang: Number(row.requestedSatang),
      row,
    };
  });
  const rows: RankingRow[] = rankItems(items, call.totalBudgetSatang).map((ranked) => {
    const { row } = ranked;
    const item = calibration.items.get(row.id);
    const decision = row.decision;
    return {
      rank: ranked.rank,
      proposalId: row.id,
      receiptNumber: row.receiptNumber,
      titleTh: row.titleTh,
      titleEn: row.titleEn,
      organisationNameTh: row.organisationNameTh,
      organisationNameEn: row.organisationNameEn,
      requestedSatang: Number(row.requestedSatang),
      submittedAt: iso(row.submittedAt),
      phase: row.phase,
      shortlisted: row.shortlisted,
      assignedCount: assigned.get(row.id) ?? 0,
      submittedCount: item?.n ?? 0,
      rawMean: item?.rawMean ?? null,
      calibrated: item?.calibrated ?? null,
      zMean: item?.zMean ?? null,
      minScore: item?.min ?? null,
      maxScore: item?.max ?? null,
      disagreement: item ? isDisagreement(item, settings.disagreementPoints) : false,
      recommendations: recommendations.get(row.id) ?? { fund: 0, fund_with_changes: 0, do_not_fund: 0 },
      runningTotalSatang: ranked.runningTotalSatang,
      withinBudget: ranked.withinBudget,
      decision:
        decision?.outcome && decision.decidedAt
          ? {
              outcome: decision.outcome,
              amountSatang: decision.amountSatang === null ? null : Number(decision.amountSatang),
              reason: decision.reason ?? '',
              version: decision.version ?? 1,
              decidedAt: new Date(decision.decidedAt).toISOString(),
              notifiedAt: iso(decision.notifiedAt),
            }
          : null,
    };
  });
  return {
    callId,
    callCode: call.code,
    callTitleTh: call.titleTh,
    callTitleEn: call.titleEn,
    stage,
    stages: stagesOfCall(call),
    totalBudgetSatang: call.totalBudgetSatang,
    maxGrantSatang: call.maxGrantSatang,
    awardedSatang: awarded,
    disagreementPoints: settings.disagreementPoints,
    grandMean: calibration.grandMean,
    grandSd: calibration.grandSd,
    rows,
  };
}

// ---- The applicant's feedback ------------------------------------------------------------------------------------------

/**
 * Anonymised feedback on a proposal stage for its applicant: how many submitted reviews, their overall comments, and
 * per criterion the mean score and the comments. No reviewer names, ids or order of assignment are given; drafts and
 * reviews of removed reviewers are left out. No authorization: the decisions service checks the applicant first.
 */
export async function listFeedbackForApplicant(
  db: DbOrTx,
  proposalId: string,
  stage: ReviewStage,
): Promise<ApplicantFeedback> {
  const proposal = await repo.findProposalHead(db, proposalId);
  if (!proposal) {
    return { n: 0, comments: [], criteria: [] };
  }
  const [submitted, criteria] = await Promise.all([
    repo.listSubmittedReviewsOfProposal(db, proposalId, stage),
    getRubricCriteria(db, proposal.callId, stage),
  ]);
  const nonEmpty = (values: Array<string | undefined>) =>
    values.map((v) => v?.trim() ?? '').filter((v) => v.length > 0);
  return {
    n: submitted.length,
    comments: nonEmpty(submitted.map((r) => r.comment)),
    criteria: criteria.map((c) => {
      const scores = submitted
        .map((r) => r.scores[c.id]?.score)
        .filter((s): s is number => typeof s === 'number');
      return {
        id: c.id,
        nameTh: c.nameTh,
        nameEn: c.nameEn,
        scaleMin: c.scaleMin,
        scaleMax: c.scaleMax,
        mean: scores.length > 0 ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
        comments: nonEmpty(submitted.map((r) => r.scores[c.id]?.comment)),
      };
    }),
  };
}
