import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import { refusalText, translate } from '@server/lib/i18n';
import { formatBaht } from '@server/lib/pdf';
import {
  OUTCOMES_NEEDING_REASON,
  outcomesForStage,
  type ApplicantDecision,
  type ApplicantFeedback,
  type BulkScreeningBody,
  type CallBudget,
  type CallDecisions,
  type Decision,
  type DecisionBody,
  type DecisionOutcome,
  type DecisionResult,
  type NotifyBody,
  type NotifyResult,
  type PhaseBody,
  type PublicResults,
  type ReviewPhase,
  type ReviewState,
  type ScreeningBody,
  type Selection,
  type ShortlistBody,
} from '@shared/contracts/decisions';
import type { FormStage } from '@shared/contracts/calls';
import type { BulkResult } from '@shared/contracts/proposals';
import type { Language } from '@shared/i18n/index';
import { getVisibleCall, lockCall, type CallRecord } from '@server/modules/calls/calls.service';
import { getMemberRole, listMemberContacts } from '@server/modules/organisations/organisations.service';
import { inviteFullProposal, overrideEligibility } from '@server/modules/proposals/proposals.service';
import { getReviewSettings } from '@server/modules/reviewers/reviewers.service';
import { listFeedbackForApplicant } from '@server/modules/reviews/reviews.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { createProjectForAward } from '@server/modules/projects/projects.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import * as repo from './decisions.repo';
import { canMovePhase, decisionPolicy, isScreenable } from './decisions.policy';

// ---- Shaping ------------------------------------------------------------------------------------------------------

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

function toState(row: repo.ReviewStateRow): ReviewState {
  return {
    proposalId: row.proposalId,
    callId: row.callId,
    phase: row.phase as ReviewPhase,
    screeningResult: row.screeningResult as ReviewState['screeningResult'],
    screeningReason: row.screeningReason,
    screenedAt: isoOrNull(row.screenedAt),
    shortlisted: row.shortlisted,
    version: row.version,
  };
}

function toDecision(row: repo.DecisionRow): Decision {
  return {
    id: row.id,
    proposalId: row.proposalId,
    callId: row.callId,
    stage: row.stage as FormStage,
    outcome: row.outcome as DecisionOutcome,
    amountSatang: row.amountSatang === null ? null : Number(row.amountSatang),
    reason: row.reason,
    decidedAt: iso(row.decidedAt),
    notifiedAt: isoOrNull(row.notifiedAt),
    version: row.version,
  };
}

function auditSnapshot(row: repo.DecisionRow | null): Record<string, unknown> | null {
  return row
    ? {
        outcome: row.outcome,
        amountSatang: row.amountSatang === null ? null : Number(row.amountSatang),
        reason: row.reason,
        notifiedAt: isoOrNull(row.notifiedAt),
        version: row.version,
      }
    : null;
}

async function budgetOf(db: DbOrTx, callId: string): Promise<CallBudget> {
  const money = await repo.findCallMoney(db, callId);
  if (!money) {
    throw new AppError('NOT_FOUND');
  }
  const awards = await repo.sumAwards(db, callId, null);
  const total = Number(money.totalBudgetSatang);
  return {
    totalBudgetSatang: total,
    maxGrantSatang: Number(money.maxGrantSatang),
    awardedSatang: awards.total,
    remainingSatang: total - awards.total,
    awardCount: awards.count,
  };
}

/** The phase of a proposal: its state row's, or screening when it was never screened. */
const phaseOf = (state: repo.ReviewStateRow | undefined): ReviewPhase =>
  (state?.phase ?? 'screening') as ReviewPhase;

/** Officers only: everyone else is FORBIDDEN before anything is read. */
function assertOfficer(actor: Actor): void {
  authorize(actor, decisionPolicy.officer, {});
}

async function getProposalOrThrow(db: DbOrTx, id: string): Promise<repo.ProposalRow> {
  const row = await repo.findProposal(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

const titleIn = (lang: Language, th: string, en: string | null) => (lang === 'en' && en ? en : th);

// ---- Screening, phases, shortlist ---------------------------------------------------------------------------------

/**
 * Screens a submitted proposal (officers): passed → the review phase, failed → screened_out, with the reason, who
 * and when; audited. Failing needs a reason. Passing a proposal whose eligibility is "not eligible" needs a reason
 * too, and first records an eligibility override with it (proposals service: its own audit and notice to the
 * applicant). Screening may be done again until the proposal reaches the panel or decision phase.
 */
export async function screenProposal(
  db: Database,
  actor: Actor,
  id: string,
  body: ScreeningBody,
  meta: RequestMeta,
  now: Date,
  publicUrl?: string,
): Promise<ReviewState> {
  assertOfficer(actor);
  const proposal = await getProposalOrThrow(db, id);
  if (proposal.status !== 'submitted') {
    throw new AppError('INVALID_STATE', 'errors.decisions.NOT_SUBMITTED');
  }
  const reason = body.reason.trim();
  if (body.result === 'failed' && reason === '') {
    throw invalidField('body.reason', 'errors.decisions.REASON_REQUIRED');
  }
  const needsOverride = body.result === 'passed' && proposal.isEligible === 0;
  if (needsOverride && reason === '') {
    throw invalidField('body.reason', 'errors.decisions.OVERRIDE_REASON_REQUIRED');
  }
  const current = await repo.findState(db, id);
  if (current && !isScreenable(phaseOf(current))) {
    throw new AppError('INVALID_STATE', 'errors.decisions.SCREENING_CLOSED');
  }
  if (needsOverride) {
    await overrideEligibility(db, actor, id, { eligible: true, reason }, meta, now, publicUrl);
  }
  return db.transaction(async (tx) => {
    const state = await repo.ensureState(tx, id, proposal.callId);
    const from = phaseOf(state);
    const to: ReviewPhase = body.result === 'passed' ? 'review' : 'screened_out';
    if (!isScreenable(from) || !canMovePhase(from, to)) {
      throw new AppError('INVALID_STATE', 'errors.decisions.SCREENING_CLOSED');
    }
    const updated = await repo.updateState(tx, id, {
      phase: to,
      screeningResult: body.result,
      screeningReason: reason || null,
      screenedBy: actor.userId,
      screenedAt: now,
    });
    if (!updated) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, meta, {
      action: 'proposal.screened',
      entityType: 'proposal',
      entityId: id,
      before: { phase: from, screeningResult: state.screeningResult, screeningReason: state.screeningReason },
      after: {
        phase: to,
        screeningResult: body.result,
        screeningReason: reason || null,
        eligibilityOverridden: needsOverride,
      },
    });
    return toState(updated);
  });
}

/**
 * Screens several proposals of a call at once, each on its own (its checks, transaction and audit). Ids outside the
 * call fail with NOT_FOUND; refusals are reported per id and do not stop the others.
 */
export async function screenProposals(
  db: Database,
  actor: Actor,
  callId: string,
  body: BulkScreeningBody,
  meta: RequestMeta,
  now: Date,
  lang: Language,
  publicUrl?: string,
): Promise<BulkResult> {
  assertOfficer(actor);
  await getVisibleCall(db, actor, callId);
  const ids = [...new Set(body.ids)];
  const inCall = await repo.findProposalIdsInCall(db, callId, ids);
  const result: BulkResult = { done: [], failed: [] };
  for (const id of ids) {
    if (!inCall.has(id)) {
      result.failed.push({ id, code: 'NOT_FOUND', message: translate(lang, 'errors.NOT_FOUND') });
      continue;
    }
    try {
      await screenProposal(db, actor, id, { result: body.result, reason: body.reason }, meta, now, publicUrl);
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
      result.failed.push({ id, code: error.code, message: refusalText(error, lang) });
    }
  }
  return result;
}

/**
 * Moves a proposal on to the panel (calls with a panel) or the decision phase (officers); audited. A proposal must be
 * in review (or, for the decision phase, in the panel).
 */
export async function moveProposalPhase(
  db: Database,
  actor: Actor,
  id: string,
  body: PhaseBody,
  meta: RequestMeta,
): Promise<ReviewState> {
  assertOfficer(actor);
  const proposal = await getProposalOrThrow(db, id);
  if (body.phase === 'panel' && !(await getReviewSettings(db, proposal.callId)).hasPanel) {
    throw new AppError('INVALID_STATE', 'errors.decisions.NO_PANEL');
  }
  return db.transaction(async (tx) => {
    const state = await repo.findState(tx, id, true);
    const from = phaseOf(state);
    if (!state || from === body.phase || !canMovePhase(from, body.phase)) {
      throw new AppError('INVALID_STATE', 'errors.decisions.PHASE_NOT_ALLOWED', undefined, {
        from: translate('th', `decisions.phase.${from}`),
        to: translate('th', `decisions.phase.${body.phase}`),
      });
    }
    const updated = await repo.updateState(tx, id, { phase: body.phase });
    if (!updated) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, meta, {
      action: 'proposal.phase_changed',
      entityType: 'proposal',
      entityId: id,
      before: { phase: from },
      after: { phase: body.phase },
    });
    return toState(updated);
  });
}

/** Puts a screened-in proposal on the shortlist (panel / pitch, people's choice) or takes it off; audited. */
export async function setShortlisted(
  db: Database,
  actor: Actor,
  id: string,
  body: ShortlistBody,
  meta: RequestMeta,
): Promise<ReviewState> {
  assertOfficer(actor);
  await getProposalOrThrow(db, id);
  return db.transaction(async (tx) => {
    const state = await repo.findState(tx, id, true);
    const phase = phaseOf(state);
    if (!state || phase === 'screening' || phase === 'screened_out') {
      throw new AppError('INVALID_STATE', 'errors.decisions.NOT_SCREENED');
    }
    if (state.shortlisted === body.shortlisted) {
      return toState(state);
    }
    const updated = await repo.updateState(tx, id, { shortlisted: body.shortlisted });
    if (!updated) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, meta, {
      action: 'proposal.shortlisted',
      entityType: 'proposal',
      entityId: id,
      before: { shortlisted: state.shortlisted },
      after: { shortlisted: body.shortlisted },
    });
    return toState(updated);
  });
}

// ---- Decisions ----------------------------------------------------------------------------------------------------

/** Phases in which a decision may be recorded; a screened-out proposal may only be rejected. */
function decidable(phase: ReviewPhase, outcome: DecisionOutcome): boolean {
  switch (phase) {
    case 'review':
    case 'panel':
    case 'decision':
    case 'decided':
      return true;
    case 'screened_out':
      return outcome === 'reject';
    case 'screening':
      return false;
    default: {
      const exhaustive: never = phase;
      return exhaustive;
    }
  }
}

function checkBody(stage: string, body: DecisionBody): void {
  if (!outcomesForStage(stage).includes(body.outcome)) {
    throw invalidField('body.outcome', 'errors.decisions.OUTCOME_NOT_FOR_STAGE', {
      stage: translate('th', `decisions.stage.${stage}`),
    });
  }
  if (OUTCOMES_NEEDING_REASON.includes(body.outcome) && body.reason.trim() === '') {
    throw invalidField('body.reason', 'errors.decisions.REASON_REQUIRED');
  }
  if (body.outcome === 'award' && (body.amountSatang === undefined || body.amountSatang === null)) {
    throw invalidField('body.amountSatang', 'errors.decisions.AMOUNT_REQUIRED');
  }
}

/**
 * Records or changes the decision on a proposal at its stage (officers): award (with an amount), reject, waitlist or
 * revision; for a concept note invite_full, reject or waitlist. Reject and revision need a reason.
 *
 * An award's amount must be at most the amount requested (when the form asked for one) and the call's maximum
 * grant, and all the call's awards together at most its budget. The check runs in one transaction that first locks
 * the call's row (SELECT … FOR UPDATE): concurrent decisions on one call run one after another, and each reads the
 * awards the ones before it committed, so the budget holds under any concurrency.
 *
 * Changing a decision needs its current version (else CONFLICT with the current one) and is audited with before
 * and after; a changed decision is unsent again (its new letter goes out on the next release). A concept note's
 * released invitation cannot be changed: its full-proposal draft exists. The proposal's phase becomes decided.
 */
export async function decideProposal(
  db: Database,
  actor: Actor,
  id: string,
  body: DecisionBody,
  meta: RequestMeta,
  now: Date,
): Promise<DecisionResult> {
  assertOfficer(actor);
  const proposal = await getProposalOrThrow(db, id);
  checkBody(proposal.stage, body);
  const reason = body.reason.trim();
  const amount = body.outcome === 'award' ? (body.amountSatang ?? null) : null;
  return db.transaction(async (tx) => {
    const call = await lockCall(tx, proposal.callId);
    if (!call) {
      throw new AppError('NOT_FOUND');
    }
    const fresh = await getProposalOrThrow(tx, id);
    if (fresh.status !== 'submitted') {
      throw new AppError('INVALID_STATE', 'errors.decisions.NOT_SUBMITTED');
    }
    const state = await repo.findState(tx, id, true);
    const phase = phaseOf(state);
    if (!state || !decidable(phase, body.outcome)) {
      throw new AppError(
        'INVALID_STATE',
        phase === 'screened_out' ? 'errors.decisions.SCREENED_OUT' : 'errors.decisions.NOT_SCREENED',
      );
    }
    const existing = (await repo.findDecision(tx, id, fresh.stage, true)) ?? null;
    if (existing && body.version !== existing.version) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', {
        current: toDecision(existing),
        currentVersion: existing.version,
      });
    }
    if (existing?.outcome === 'invite_full' && existing.notifiedAt && body.outcome !== 'invite_full') {
      throw new AppError('INVALID_STATE', 'errors.decisions.ALREADY_INVITED');
    }
    const total = Number(call.totalBudgetSatang);
    if (amount !== null) {
      const requested = Number(fresh.requestedSatang);
      const max = Number(call.maxGrantSatang);
      if (requested > 0 && amount > requested) {
        throw invalidField('body.amountSatang', 'errors.decisions.AMOUNT_OVER_REQUESTED', {
          requested: formatBaht(requested, 'th'),
        });
      }
      if (amount > max) {
        throw invalidField('body.amountSatang', 'errors.decisions.AMOUNT_OVER_MAXIMUM', {
          max: formatBaht(max, 'th'),
        });
      }
      const others = await repo.sumAwards(tx, proposal.callId, id);
      if (others.total + amount > total) {
        const remaining = Math.max(0, total - others.total);
        throw new AppError(
          'INVALID_STATE',
          'errors.decisions.BUDGET_EXCEEDED',
          { remainingSatang: remaining, awardedSatang: others.total, totalBudgetSatang: total },
          { remaining: formatBaht(remaining, 'th'), total: formatBaht(total, 'th') },
        );
      }
    }
    const changes = {
      outcome: body.outcome,
      amountSatang: amount,
      reason,
      decidedBy: actor.userId,
      decidedAt: now,
    };
    const row = existing
      ? await repo.updateDecision(tx, existing.id, { ...changes, notifiedAt: null })
      : await repo.insertDecision(tx, {
          proposalId: id,
          callId: proposal.callId,
          stage: fresh.stage,
          ...changes,
        });
    await repo.updateState(tx, id, { phase: 'decided' });
    await recordAudit(tx, meta, {
      action: existing ? 'decision.changed' : 'decision.made',
      entityType: 'proposal',
      entityId: id,
      before: existing ? { ...auditSnapshot(existing), phase } : { phase },
      after: { ...auditSnapshot(row), phase: 'decided', stage: fresh.stage },
    });
    const awards = await repo.sumAwards(tx, proposal.callId, null);
    return {
      decision: toDecision(row),
      budget: {
        totalBudgetSatang: total,
        maxGrantSatang: Number(call.maxGrantSatang),
        awardedSatang: awards.total,
        remainingSatang: total - awards.total,
        awardCount: awards.count,
      },
    };
  });
}

/** What officers need to screen and decide one proposal: its phase, decision, the call's money and the outcomes. */
export async function getSelection(db: Database, actor: Actor, id: string): Promise<Selection> {
  assertOfficer(actor);
  const proposal = await getProposalOrThrow(db, id);
  const [state, decision, budget, settings] = await Promise.all([
    repo.findState(db, id),
    repo.findDecision(db, id, proposal.stage),
    budgetOf(db, proposal.callId),
    getReviewSettings(db, proposal.callId),
  ]);
  return {
    proposalId: id,
    callId: proposal.callId,
    stage: proposal.stage as FormStage,
    requestedSatang: Number(proposal.requestedSatang),
    state: state ? toState(state) : null,
    decision: decision ? toDecision(decision) : null,
    budget,
    hasPanel: settings.hasPanel,
    outcomes: [...outcomesForStage(proposal.stage)],
  };
}

/** A call's decisions, its money, its proposals by phase and how many letters wait to be released (officers). */
export async function listDecisions(db: Database, actor: Actor, callId: string): Promise<CallDecisions> {
  assertOfficer(actor);
  await getVisibleCall(db, actor, callId);
  const [rows, budget, phases] = await Promise.all([
    repo.listCallDecisions(db, callId),
    budgetOf(db, callId),
    repo.countPhases(db, callId),
  ]);
  const byPhase: CallDecisions['phases'] = {
    screening: 0,
    review: 0,
    panel: 0,
    decision: 0,
    decided: 0,
    screened_out: 0,
  };
  for (const p of phases) {
    const phase = p.phase as ReviewPhase;
    byPhase[phase] = (byPhase[phase] ?? 0) + p.n;
  }
  return {
    budget,
    phases: byPhase,
    decisions: rows.map((r) => ({
      ...toDecision(r.decision),
      receiptNumber: r.receiptNumber,
      titleTh: r.titleTh,
      organisationNameTh: r.organisationNameTh,
      requestedSatang: Number(r.requestedSatang),
    })),
    unsentCount: rows.filter((r) => r.decision.notifiedAt === null).length,
  };
}

// ---- Letters and their release ------------------------------------------------------------------------------------

/** Where links in emails point when the routes give none. */
let defaultPublicUrl = 'http://localhost:3000';

/** Sets the public URL used in letter links (done when the routes register). */
export function setDecisionLinkBase(publicUrl: string): void {
  defaultPublicUrl = publicUrl.replace(/\/$/, '');
}

export interface LetterFacts {
  outcome: DecisionOutcome;
  stage: string;
  amountSatang: number | null;
  reason: string;
  receiptNumber: string | null;
  titleTh: string;
  titleEn: string;
  organisationNameTh: string;
  organisationNameEn: string | null;
  call: Pick<CallRecord, 'code' | 'titleTh' | 'titleEn' | 'fiscalYear'>;
}

/** The letter's main paragraph in one language, from the catalogue's template of the outcome. */
export function letterBody(facts: LetterFacts, lang: Language): string {
  return translate(lang, `decisions.letter.body.${facts.outcome}`, {
    title: titleIn(lang, facts.titleTh, facts.titleEn),
    call: titleIn(lang, facts.call.titleTh, facts.call.titleEn),
    receipt: facts.receiptNumber ?? '',
    amount: facts.amountSatang === null ? '' : formatBaht(facts.amountSatang, lang),
  });
}

async function sendLetter(
  tx: DbOrTx,
  proposal: repo.ProposalRow,
  call: CallRecord,
  decision: repo.DecisionRow,
  publicUrl: string,
): Promise<void> {
  const facts: LetterFacts = {
    outcome: decision.outcome as DecisionOutcome,
    stage: decision.stage,
    amountSatang: decision.amountSatang === null ? null : Number(decision.amountSatang),
    reason: decision.reason,
    receiptNumber: proposal.receiptNumber,
    titleTh: proposal.titleTh,
    titleEn: proposal.titleEn,
    organisationNameTh: proposal.organisationNameTh,
    organisationNameEn: proposal.organisationNameEn,
    call,
  };
  const params = (lang: Language) => ({
    receipt: proposal.receiptNumber ?? '',
    title: titleIn(lang, proposal.titleTh, proposal.titleEn),
    call: titleIn(lang, call.titleTh, call.titleEn),
    outcome: translate(lang, `decisions.outcome.${facts.outcome}`),
    letter: letterBody(facts, lang),
    reason: facts.reason ? translate(lang, 'decisions.letter.reasonLine', { reason: facts.reason }) : '',
  });
  const members = await listMemberContacts(tx, proposal.organisationId);
  const path = `/proposals/${proposal.id}`;
  await notifyUsers(
    tx,
    members.map((m) => m.userId),
    { kind: 'decision_released', params, link: path },
  );
  for (const member of members) {
    await queueEmail(tx, {
      to: member.email,
      template: 'decision_letter',
      lang: member.lang,
      params: { name: member.name, ...params(member.lang) },
      link: `${publicUrl}${path}`,
    });
  }
}

/**
 * Releases a call's unsent decisions at once (or only those of `proposalIds`), officers: each one's letter goes to
 * every member of the applicant organisation by email (outbox) in the member's language and in the app, and the
 * applicant can read the decision and download the letter from then on. A concept note's invitation creates its
 * full-proposal draft first (proposals service, which tells the applicant too); a released award of a proposal or a
 * full proposal creates its grant project in setup (projects service). Each decision is released in its own
 * transaction, audited; one that fails is reported and does not stop the others. Releasing twice sends nothing more.
 */
export async function releaseDecisions(
  db: Database,
  actor: Actor,
  callId: string,
  body: NotifyBody,
  meta: RequestMeta,
  now: Date,
  lang: Language,
  publicUrl?: string,
): Promise<NotifyResult> {
  assertOfficer(actor);
  const call = await getVisibleCall(db, actor, callId);
  const unsent = await repo.listUnsent(db, callId, body.proposalIds);
  const result: NotifyResult = { released: [], failed: [] };
  for (const id of body.proposalIds ?? []) {
    if (!unsent.some((d) => d.proposalId === id)) {
      result.failed.push({
        id,
        code: 'NOT_FOUND',
        message: translate(lang, 'errors.decisions.NOTHING_TO_RELEASE'),
      });
    }
  }
  for (const listed of unsent) {
    try {
      if (listed.outcome === 'invite_full' && !(await repo.findFullProposalId(db, listed.proposalId))) {
        await inviteFullProposal(db, actor, listed.proposalId, meta, now, publicUrl);
      }
      const released = await db.transaction(async (tx) => {
        const decision = await repo.findDecision(tx, listed.proposalId, listed.stage, true);
        if (!decision || decision.notifiedAt !== null) {
          return false;
        }
        const proposal = await getProposalOrThrow(tx, decision.proposalId);
        if (!(await repo.markReleased(tx, decision.id, now))) {
          return false;
        }
        await sendLetter(tx, proposal, call, decision, publicUrl ?? defaultPublicUrl);
        if (
          decision.outcome === 'award' &&
          (decision.stage === 'proposal' || decision.stage === 'full') &&
          decision.amountSatang !== null &&
          Number(decision.amountSatang) > 0
        ) {
          await createProjectForAward(tx, {
            decisionId: decision.id,
            proposalId: decision.proposalId,
            awardSatang: Number(decision.amountSatang),
            now,
            meta,
          });
        }
        await recordAudit(tx, meta, {
          action: 'decision.released',
          entityType: 'proposal',
          entityId: decision.proposalId,
          before: { notifiedAt: null },
          after: { notifiedAt: now.toISOString(), outcome: decision.outcome, version: decision.version },
        });
        return true;
      });
      if (released) {
        result.released.push(listed.proposalId);
      }
    } catch (error) {
      if (!(error instanceof AppError)) {
        throw error;
      }
      result.failed.push({ id: listed.proposalId, code: error.code, message: refusalText(error, lang) });
    }
  }
  return result;
}

// ---- What the applicant reads -------------------------------------------------------------------------------------

/** NOT_FOUND unless the actor is a member of the applicant organisation or an officer. */
async function assertReader(db: DbOrTx, actor: Actor, proposal: repo.ProposalRow): Promise<boolean> {
  const role = await getMemberRole(db, proposal.organisationId, actor.userId);
  if (!decisionPolicy.readReleased(actor, { isMember: role !== null })) {
    throw new AppError('NOT_FOUND');
  }
  return role !== null;
}

/**
 * The released decision on a proposal, for members of the applicant organisation (and officers): outcome, amount,
 * reason and, when the call shares feedback, the reviewers' anonymised comments. null until a decision is released.
 */
export async function getApplicantDecision(
  db: Database,
  actor: Actor,
  id: string,
): Promise<ApplicantDecision | null> {
  const proposal = await getProposalOrThrow(db, id);
  await assertReader(db, actor, proposal);
  const decision = await repo.findReleasedDecision(db, id);
  if (!decision?.notifiedAt) {
    return null;
  }
  const settings = await getReviewSettings(db, proposal.callId);
  let feedback: ApplicantFeedback | null = null;
  if (settings.shareFeedback) {
    const found = await listFeedbackForApplicant(db, id, decision.stage as FormStage);
    feedback = found.n > 0 ? found : null;
  }
  return {
    proposalId: id,
    stage: decision.stage as FormStage,
    outcome: decision.outcome as DecisionOutcome,
    amountSatang: decision.amountSatang === null ? null : Number(decision.amountSatang),
    reason: decision.reason,
    decidedAt: iso(decision.decidedAt),
    releasedAt: iso(decision.notifiedAt),
    fullProposalId: decision.outcome === 'invite_full' ? await repo.findFullProposalId(db, id) : null,
    feedback,
  };
}

/**
 * The facts of a proposal's decision letter. Members read it once released; officers may read it any time (a
 * preview before release).
 */
export async function getLetterFacts(
  db: Database,
  actor: Actor,
  id: string,
): Promise<LetterFacts & { decidedAt: Date; releasedAt: Date | null; proposalId: string }> {
  const proposal = await getProposalOrThrow(db, id);
  const isMember = await assertReader(db, actor, proposal);
  const decision = decisionPolicy.officer(actor)
    ? await repo.findDecision(db, id, proposal.stage)
    : undefined;
  const chosen = decision ?? (await repo.findReleasedDecision(db, id));
  if (!chosen || (!decisionPolicy.officer(actor) && (!isMember || chosen.notifiedAt === null))) {
    throw new AppError('NOT_FOUND', 'errors.decisions.NO_LETTER');
  }
  const call = await getVisibleCall(db, actor, proposal.callId);
  return {
    proposalId: id,
    outcome: chosen.outcome as DecisionOutcome,
    stage: chosen.stage,
    amountSatang: chosen.amountSatang === null ? null : Number(chosen.amountSatang),
    reason: chosen.reason,
    receiptNumber: proposal.receiptNumber,
    titleTh: proposal.titleTh,
    titleEn: proposal.titleEn,
    organisationNameTh: proposal.organisationNameTh,
    organisationNameEn: proposal.organisationNameEn,
    call,
    decidedAt: new Date(chosen.decidedAt),
    releasedAt: chosen.notifiedAt ? new Date(chosen.notifiedAt) : null,
  };
}

// ---- Public results -----------------------------------------------------------------------------------------------

/**
 * A call's results for everyone: the awards released so far with organisation, provinces and amount, and their total.
 * Nothing is shown before the first release. Drafts of calls are NOT_FOUND.
 */
export async function getPublicResults(db: Database, callId: string): Promise<PublicResults> {
  const call = await getVisibleCall(db, null, callId);
  const awards = await repo.listReleasedAwards(db, callId);
  const releasedAt = awards.reduce<Date | null>((latest, a) => {
    const at = a.notifiedAt ? new Date(a.notifiedAt) : null;
    return at && (!latest || at > latest) ? at : latest;
  }, null);
  return {
    call: {
      id: call.id,
      code: call.code,
      titleTh: call.titleTh,
      titleEn: call.titleEn,
      fiscalYear: call.fiscalYear,
      totalBudgetSatang: call.totalBudgetSatang,
    },
    isPublished: awards.length > 0,
    awards: awards.map((a) => ({
      proposalId: a.proposalId,
      receiptNumber: a.receiptNumber,
      titleTh: a.titleTh,
      titleEn: a.titleEn,
      organisationNameTh: a.organisationNameTh,
      organisationNameEn: a.organisationNameEn,
      provinceCodes: a.provinceCodes,
      amountSatang: Number(a.amountSatang ?? 0),
    })),
    totalAwardedSatang: awards.reduce((sum, a) => sum + Number(a.amountSatang ?? 0), 0),
    releasedAt: releasedAt ? releasedAt.toISOString() : null,
  };
}
