import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TestClient } from '@tests/helpers/client';
import type { Database } from '@server/db/client';
import {
  CONTEST_STARTER_CRITERIA,
  type ContestDetail,
  type ContestEntry,
  type ContestTransition,
  type CreateContestInput,
} from '@shared/contracts/contests';
import type { ProposalDetail } from '@shared/contracts/proposals';
import { completeAnswers, startDraft } from './proposals';

let codeCounter = 0;

/** A contest code no other contest of the test run uses. */
export function uniqueContestCode(prefix = 'SA'): string {
  codeCounter += 1;
  return `${prefix}${String(codeCounter).padStart(3, '0')}${Math.floor(Math.random() * 1000)}`.slice(0, 10);
}

/**
 * A contest made the way officers make one, through the API: in the Sectoral programme, nominations from 1 Dec 2026
 * to 31 Jan 2027 (the tests' clock stands at 15 Dec 2026), one category on the starter rubric unless told otherwise.
 */
export async function createContest(
  officer: TestClient,
  overrides: Partial<CreateContestInput> = {},
): Promise<ContestDetail> {
  const body: CreateContestInput = {
    programmeSlug: 'sectoral',
    code: uniqueContestCode(),
    titleTh: 'รางวัลนวัตกรรมเพื่อสังคมดีเด่น',
    titleEn: 'Outstanding Social Innovation Award',
    fiscalYear: 2570,
    nominationsOpenAt: '2026-12-01T00:00:00+07:00',
    nominationsCloseAt: '2027-01-31T23:59:59+07:00',
    categories: [
      {
        nameTh: 'ชุมชนนวัตกรรม',
        nameEn: 'Innovative community',
        criteria: CONTEST_STARTER_CRITERIA,
        places: 2,
      },
    ],
    ...overrides,
  };
  const response = await officer.post('/api/contests', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: ContestDetail }>().data;
}

/** Moves a contest along its status machine as `officer`, expecting success. */
export async function moveContest(
  officer: TestClient,
  contestId: string,
  transition: ContestTransition,
): Promise<ContestDetail> {
  const response = await officer.post(`/api/contests/${contestId}/${transition.replace('_', '-')}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ContestDetail }>().data;
}

/** An open entry nominated through the API by `client`. */
export async function nominateOpenEntry(
  client: TestClient,
  contestId: string,
  categoryId: string,
  titleTh = 'ธนาคารปูม้าชุมชนบ้านแหลม',
): Promise<ContestEntry> {
  const response = await client.post(`/api/contests/${contestId}/entries`, {
    kind: 'open',
    categoryId,
    entrantName: 'กลุ่มประมงพื้นบ้านบ้านแหลม',
    titleTh,
    summaryTh: 'ชุมชนร่วมกันอนุบาลแม่ปูไข่ก่อนปล่อยคืนทะเล ทำให้ปริมาณปูม้าเพิ่มขึ้น',
    provinceCode: 76,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ data: ContestEntry }>().data;
}

/** Accepts an entry as `officer`. */
export async function acceptEntry(officer: TestClient, entry: ContestEntry): Promise<ContestEntry> {
  const response = await officer.post(`/api/contest-entries/${entry.id}/decision`, {
    decision: 'accept',
    version: entry.version,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ContestEntry }>().data;
}

/** Full marks (or `score`) on every criterion of the starter rubric, with a comment on each. */
export function starterScores(score = 4): Record<string, { score: number; comment: string }> {
  return Object.fromEntries(
    CONTEST_STARTER_CRITERIA.map((c) => [c.id, { score, comment: score <= 2 ? 'ยังไม่เห็นผลชัดเจน' : '' }]),
  );
}

/**
 * A submitted proposal: a draft on `TEST_FORM` (the call must use it) answered completely and submitted by `owner`.
 */
export async function submitProposal(
  owner: TestClient,
  input: { callId: string; organisationId: string; titleTh: string },
): Promise<ProposalDetail> {
  const draft = await startDraft(owner, input, completeAnswers());
  const response = await owner.post(`/api/proposals/${draft.id}/submit`, { version: draft.version });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ data: ProposalDetail }>().data;
}

/**
 * Puts a proposal on its call's shortlist (phase review), as the panel shortlist would; the decisions module owns the
 * officers' command for it.
 */
export async function shortlist(db: Database, callId: string, proposalId: string): Promise<void> {
  await db.execute(sql`
    INSERT INTO proposal_review_states (proposal_id, call_id, phase, shortlisted)
    VALUES (${proposalId}, ${callId}, 'review', true)
    ON CONFLICT (proposal_id) DO UPDATE SET shortlisted = true`);
}

/** Turns a call's people's choice vote on, from `opensAt` to `closesAt` (the reviewers module owns the PATCH). */
export async function enablePeoplesChoice(
  db: Database,
  callId: string,
  opensAt: string,
  closesAt: string,
): Promise<void> {
  await db.execute(sql`
    INSERT INTO call_review_settings (call_id, peoples_choice, peoples_choice_opens_at, peoples_choice_closes_at)
    VALUES (${callId}, true, ${opensAt}, ${closesAt})
    ON CONFLICT (call_id) DO UPDATE SET peoples_choice = true,
      peoples_choice_opens_at = excluded.peoples_choice_opens_at,
      peoples_choice_closes_at = excluded.peoples_choice_closes_at`);
}
