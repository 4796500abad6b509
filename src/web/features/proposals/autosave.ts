import type { Answers } from '@shared/contracts/forms';
import type { ProposalDetail, SaveProposalBody } from '@shared/contracts/proposals';
import { isEmptyAnswer } from '@shared/forms/validate';

/** What the person edits in a proposal: its titles, the problem it answers, co-applicants and the answers. */
export interface Draft {
  titleTh: string;
  titleEn: string;
  problemStatementId: string | null;
  coApplicantIds: string[];
  answers: Answers;
}

export function draftOf(proposal: ProposalDetail): Draft {
  return {
    titleTh: proposal.titleTh,
    titleEn: proposal.titleEn,
    problemStatementId: proposal.problemStatementId,
    coApplicantIds: proposal.coApplicants.map((o) => o.id),
    answers: proposal.answers,
  };
}

/** JSON with object keys sorted and undefined members left out, so that equal values give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map((v) => (v === undefined ? 'null' : canonical(v))).join(',')}]`;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Whether two answers say the same (two empty answers do, whatever their shape: '' and null and []). */
export function sameAnswer(a: unknown, b: unknown): boolean {
  if (isEmptyAnswer(a) && isEmptyAnswer(b)) {
    return true;
  }
  return canonical(a) === canonical(b);
}

const FIELDS = ['titleTh', 'titleEn', 'problemStatementId', 'coApplicantIds'] as const;
export type DraftField = (typeof FIELDS)[number];

function answerKeys(...drafts: Draft[]): string[] {
  return [...new Set(drafts.flatMap((d) => Object.keys(d.answers)))];
}

/** Whether the draft differs from what the server last acknowledged. */
export function isDirty(local: Draft, synced: Draft): boolean {
  return (
    FIELDS.some((f) => !sameAnswer(local[f], synced[f])) ||
    answerKeys(local, synced).some((k) => !sameAnswer(local.answers[k], synced.answers[k]))
  );
}

/**
 * The autosave body for what changed since `synced`: the answers are sent whole (the server keeps what it is
 * given). An empty Thai title is not sent (it is required); the page shows that problem itself.
 */
export function saveBody(local: Draft, synced: Draft, version: number): SaveProposalBody | null {
  const body: SaveProposalBody = { version };
  let changed = false;
  if (local.titleTh !== synced.titleTh && local.titleTh.trim() !== '') {
    body.titleTh = local.titleTh;
    changed = true;
  }
  if (local.titleEn !== synced.titleEn) {
    body.titleEn = local.titleEn;
    changed = true;
  }
  if (local.problemStatementId !== synced.problemStatementId) {
    body.problemStatementId = local.problemStatementId;
    changed = true;
  }
  if (!sameAnswer(local.coApplicantIds, synced.coApplicantIds)) {
    body.coApplicantIds = local.coApplicantIds;
    changed = true;
  }
  if (answerKeys(local, synced).some((k) => !sameAnswer(local.answers[k], synced.answers[k]))) {
    body.answers = local.answers;
    changed = true;
  }
  return changed ? body : null;
}

/** What the server holds after `body` was accepted on top of `synced` (the next comparison's base). */
export function applySaved(synced: Draft, local: Draft, body: SaveProposalBody): Draft {
  return {
    titleTh: body.titleTh !== undefined ? local.titleTh : synced.titleTh,
    titleEn: body.titleEn !== undefined ? local.titleEn : synced.titleEn,
    problemStatementId:
      body.problemStatementId !== undefined ? local.problemStatementId : synced.problemStatementId,
    coApplicantIds: body.coApplicantIds !== undefined ? local.coApplicantIds : synced.coApplicantIds,
    answers: body.answers !== undefined ? local.answers : synced.answers,
  };
}

/**
 * "Keep mine" after an edit conflict: a three-way merge. Everything the person changed since their last save
 * (`base`) wins over the newer version; everything they did not touch takes the newer version's value.
 */
export function mergeKeepMine(base: Draft, mine: Draft, theirs: Draft): Draft {
  const pick = <T>(b: T, m: T, t: T): T => (sameAnswer(m, b) ? t : m);
  const answers: Answers = {};
  for (const key of answerKeys(base, mine, theirs)) {
    const value = pick(base.answers[key], mine.answers[key], theirs.answers[key]);
    if (value !== undefined) {
      answers[key] = value;
    }
  }
  return {
    titleTh: pick(base.titleTh, mine.titleTh, theirs.titleTh),
    titleEn: pick(base.titleEn, mine.titleEn, theirs.titleEn),
    problemStatementId: pick(base.problemStatementId, mine.problemStatementId, theirs.problemStatementId),
    coApplicantIds: pick(base.coApplicantIds, mine.coApplicantIds, theirs.coApplicantIds),
    answers,
  };
}

export type Difference =
  | { kind: 'field'; field: DraftField; mine: unknown; theirs: unknown }
  | { kind: 'answer'; questionId: string; mine: unknown; theirs: unknown };

/** Where the person's draft and the newer version differ, fields first, answers in `order` (the form's order). */
export function differences(mine: Draft, theirs: Draft, order: readonly string[]): Difference[] {
  const out: Difference[] = [];
  for (const field of FIELDS) {
    if (!sameAnswer(mine[field], theirs[field])) {
      out.push({ kind: 'field', field, mine: mine[field], theirs: theirs[field] });
    }
  }
  const keys = answerKeys(mine, theirs).sort((a, b) => rank(order, a) - rank(order, b));
  for (const key of keys) {
    if (!sameAnswer(mine.answers[key], theirs.answers[key])) {
      out.push({ kind: 'answer', questionId: key, mine: mine.answers[key], theirs: theirs.answers[key] });
    }
  }
  return out;
}

function rank(order: readonly string[], key: string): number {
  const index = order.indexOf(key);
  return index < 0 ? order.length : index;
}
