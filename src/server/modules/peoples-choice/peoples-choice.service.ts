import type { Database } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import type {
  PeoplesChoice,
  PeoplesChoiceEntry,
  PeoplesChoicePhase,
  Vote,
  VoteBody,
} from '@shared/contracts/peoples-choice';
import type { ReviewSettings } from '@shared/contracts/reviewers';
import { getVisibleCall } from '@server/modules/calls/calls.service';
import { getReviewSettings } from '@server/modules/reviewers/reviewers.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as repo from './peoples-choice.repo';

/**
 * Where a call's people's choice vote stands at `now`: not enabled (the setting is off or a date is missing), upcoming,
 * open (from opensAt up to and including closesAt) or closed.
 */
export function peoplesChoicePhase(
  settings: Pick<ReviewSettings, 'peoplesChoice' | 'peoplesChoiceOpensAt' | 'peoplesChoiceClosesAt'>,
  now: Date,
): PeoplesChoicePhase {
  if (!settings.peoplesChoice || !settings.peoplesChoiceOpensAt || !settings.peoplesChoiceClosesAt) {
    return 'not_enabled';
  }
  if (now.getTime() < new Date(settings.peoplesChoiceOpensAt).getTime()) {
    return 'upcoming';
  }
  return now.getTime() <= new Date(settings.peoplesChoiceClosesAt).getTime() ? 'open' : 'closed';
}

/** Ranks by votes, most first; equal counts share a rank (1, 1, 3). */
export function rankByVotes<T extends { votes: number }>(items: readonly T[]): Array<T & { rank: number }> {
  const sorted = [...items].sort((a, b) => b.votes - a.votes);
  return sorted.map((item) => ({
    ...item,
    rank: 1 + sorted.filter((other) => other.votes > item.votes).length,
  }));
}

function summaryOf(answers: Record<string, unknown>): string {
  const summary = answers.summary;
  return typeof summary === 'string' ? summary.slice(0, 600) : '';
}

/**
 * The public page of a call's people's choice: the shortlisted ideas (title, summary, provinces, organisation), and
 * the counts and ranks only once the vote has closed. A call without the vote shows no shortlist.
 */
export async function getPeoplesChoice(
  db: Database,
  actor: Actor | null,
  callId: string,
  now: Date,
): Promise<PeoplesChoice> {
  const call = await getVisibleCall(db, actor, callId);
  const settings = await getReviewSettings(db, callId);
  const phase = peoplesChoicePhase(settings, now);
  const closed = phase === 'closed';
  const rows = phase === 'not_enabled' ? [] : await repo.listShortlisted(db, callId);
  const entries = rows.map((r): PeoplesChoiceEntry => ({
    proposalId: r.proposalId,
    titleTh: r.titleTh,
    titleEn: r.titleEn,
    summary: summaryOf(r.answers),
    organisationNameTh: r.organisationNameTh,
    organisationNameEn: r.organisationNameEn,
    provinceCodes: r.provinceCodes,
    votes: null,
    rank: null,
  }));
  const counted = closed
    ? rankByVotes(entries.map((e, i) => ({ ...e, votes: Number(rows[i]?.votes ?? 0) })))
    : entries;
  const myVote = actor ? await repo.findVote(db, callId, actor.userId) : undefined;
  return {
    callId,
    callTitleTh: call.titleTh,
    callTitleEn: call.titleEn,
    phase,
    opensAt: settings.peoplesChoiceOpensAt,
    closesAt: settings.peoplesChoiceClosesAt,
    entries: counted,
    totalVotes: closed ? await repo.countVotes(db, callId) : null,
    myVote: myVote?.proposalId ?? null,
  };
}

/**
 * A verified account votes once per call for one shortlisted idea while the vote is open. Before it opens (or when
 * the call has no vote): INVALID_STATE; after it closes: DEADLINE_PASSED; a second vote: CONFLICT.
 */
export async function castVote(
  db: Database,
  actor: Actor,
  callId: string,
  body: VoteBody,
  meta: RequestMeta,
  now: Date,
): Promise<Vote> {
  await getVisibleCall(db, actor, callId);
  const phase = peoplesChoicePhase(await getReviewSettings(db, callId), now);
  switch (phase) {
    case 'not_enabled':
    case 'upcoming':
      throw new AppError('INVALID_STATE', 'contests.peoplesChoice.errors.NOT_OPEN');
    case 'closed':
      throw new AppError('DEADLINE_PASSED', 'contests.peoplesChoice.errors.CLOSED');
    case 'open':
      break;
    default: {
      const exhaustive: never = phase;
      return exhaustive;
    }
  }
  if (!(await repo.isEmailVerified(db, actor.userId))) {
    throw new AppError('EMAIL_NOT_VERIFIED', 'contests.peoplesChoice.errors.NOT_VERIFIED');
  }
  return db.transaction(async (tx) => {
    if (!(await repo.isShortlisted(tx, callId, body.proposalId))) {
      throw new AppError('INVALID_STATE', 'contests.peoplesChoice.errors.NOT_SHORTLISTED');
    }
    const vote = await repo.insertVote(tx, callId, actor.userId, body.proposalId, now);
    if (!vote) {
      throw new AppError('CONFLICT', 'contests.peoplesChoice.errors.ALREADY_VOTED');
    }
    await recordAudit(tx, meta, {
      action: 'peoples_choice.voted',
      entityType: 'call',
      entityId: callId,
      after: { proposalId: body.proposalId },
    });
    return { callId, proposalId: vote.proposalId, createdAt: new Date(vote.createdAt).toISOString() };
  });
}
