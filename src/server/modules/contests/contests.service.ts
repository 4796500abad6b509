import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type {
  CertificateVerification,
  ContestCategory,
  ContestDetail,
  ContestEntry,
  ContestJudge,
  ContestListQuery,
  ContestRanking,
  ContestScore,
  ContestStatus,
  ContestSummary,
  ContestTransition,
  ContestWinners,
  CreateContestBody,
  EntryDecisionBody,
  EntryKind,
  EntryStatus,
  JudgeCandidate,
  JudgingSheet,
  MyJudging,
  NominableProposal,
  NominateBody,
  ScoreBody,
  ScoreStatus,
  UpdateContestBody,
  WinnersBody,
} from '@shared/contracts/contests';
import type { ContestCategoryInput } from '@shared/contracts/contests';
import type { CriterionScores, RubricCriterion } from '@shared/contracts/rubrics';
import type { Language } from '@shared/i18n/index';
import { calibrate, rankItems, scoreIssues, weightedScore } from '@shared/reviews/scoring';
import { recordAudit } from '@server/modules/audit/audit.service';
import { getNominableInnovation } from '@server/modules/innovations/innovations.service';
import { findPerson, listActiveUserIdsWithRole } from '@server/modules/accounts/accounts.service';
import { findProgramme } from '@server/modules/programmes/programmes.service';
import { getMemberRole, listMemberContacts } from '@server/modules/organisations/organisations.service';
import { getProposal } from '@server/modules/proposals/proposals.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import * as repo from './contests.repo';
import { contestPolicy } from './contests.policy';
import { nextContestStatus, nextEntryStatus } from './contests.transitions';
import {
  formatVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
} from './contests.certificates';

const PUBLIC_STATUSES: readonly ContestStatus[] = ['open', 'judging', 'announced', 'archived'];
const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));

/** Where links in emails point (set when the routes register). */
let linkBase = 'http://localhost:3000';
export function setContestLinkBase(publicUrl: string): void {
  linkBase = publicUrl.replace(/\/$/, '');
}

// ---- Shaping -----------------------------------------------------------------------------------------------------

function toSummary(row: repo.ContestRow): ContestSummary {
  return {
    id: row.id,
    programmeSlug: row.programmeSlug,
    programmeNameTh: row.programmeNameTh,
    programmeNameEn: row.programmeNameEn,
    code: row.code,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    fiscalYear: row.fiscalYear,
    nominationsOpenAt: iso(row.nominationsOpenAt),
    nominationsCloseAt: iso(row.nominationsCloseAt),
    status: row.status as ContestStatus,
    announcedAt: isoOrNull(row.announcedAt),
    categoryCount: Number(row.categoryCount),
  };
}

function toCategory(row: repo.CategoryRow): ContestCategory {
  return {
    id: row.id,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    criteria: row.criteria,
    places: row.places,
    position: row.position,
  };
}

function toEntry(row: repo.EntryRow, withCertificate: boolean): ContestEntry {
  const e = row.entry;
  return {
    id: e.id,
    contestId: e.contestId,
    categoryId: e.categoryId,
    kind: e.kind as EntryKind,
    proposalId: e.proposalId,
    organisationId: e.organisationId,
    organisationNameTh: row.organisationNameTh,
    organisationNameEn: row.organisationNameEn,
    titleTh: e.titleTh,
    titleEn: e.titleEn,
    summaryTh: e.summaryTh,
    summaryEn: e.summaryEn,
    entrantName: e.entrantName,
    provinceCode: e.provinceCode,
    status: e.status as EntryStatus,
    place: e.place,
    version: e.version,
    createdAt: iso(e.createdAt),
    certificateCode: withCertificate ? row.certificateCode : null,
  };
}

function toScore(row: repo.ScoreRow): ContestScore {
  return {
    id: row.id,
    entryId: row.entryId,
    status: row.status as ScoreStatus,
    scores: Object.fromEntries(
      Object.entries(row.scores).map(([id, s]) => [id, { score: s.score, comment: s.comment }]),
    ),
    comment: row.comment,
    weightedScore: row.weightedScore,
    submittedAt: isoOrNull(row.submittedAt),
    version: row.version,
  };
}

function isNominationWindow(row: repo.ContestRow, now: Date): boolean {
  return (
    row.status === 'open' &&
    new Date(row.nominationsOpenAt).getTime() <= now.getTime() &&
    now.getTime() <= new Date(row.nominationsCloseAt).getTime()
  );
}

function snapshot(row: repo.ContestRow): Record<string, unknown> {
  return {
    code: row.code,
    titleTh: row.titleTh,
    titleEn: row.titleEn,
    fiscalYear: row.fiscalYear,
    nominationsOpenAt: iso(row.nominationsOpenAt),
    nominationsCloseAt: iso(row.nominationsCloseAt),
    status: row.status,
  };
}

// ---- Loading -----------------------------------------------------------------------------------------------------

/** A contest the actor may see (drafts only for officers), else NOT_FOUND. */
async function getVisibleContest(db: DbOrTx, actor: Actor | null, id: string): Promise<repo.ContestRow> {
  const row = await repo.findContest(db, id);
  if (!row || !contestPolicy.view(actor, { status: row.status as ContestStatus })) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

/** A contest the actor manages: NOT_FOUND when it cannot be seen, FORBIDDEN when it can but not be managed. */
async function getManagedContest(db: DbOrTx, actor: Actor, id: string): Promise<repo.ContestRow> {
  const row = await getVisibleContest(db, actor, id);
  authorize(actor, contestPolicy.manage, row);
  return row;
}

/** A contest an officer may still change: announced and archived contests are read-only. */
async function getEditableContest(db: DbOrTx, actor: Actor, id: string): Promise<repo.ContestRow> {
  const row = await getManagedContest(db, actor, id);
  if (row.status === 'announced' || row.status === 'archived') {
    throw new AppError('INVALID_STATE', 'errors.contests.READ_ONLY');
  }
  return row;
}

async function getEntryOrThrow(db: DbOrTx, id: string): Promise<repo.EntryRow> {
  const row = await repo.findEntry(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

async function getCategoryOrThrow(db: DbOrTx, contestId: string, categoryId: string) {
  const category = (await repo.listCategories(db, contestId)).find((c) => c.id === categoryId);
  if (!category) {
    throw new AppError('VALIDATION_FAILED', 'errors.contests.UNKNOWN_CATEGORY', {
      issues: [fieldIssue('body.categoryId', 'unknown', 'errors.contests.UNKNOWN_CATEGORY')],
    });
  }
  return category;
}

// ---- Contests: reading -------------------------------------------------------------------------------------------

/**
 * Contests, newest nomination window first. Everyone sees open, judging, announced and archived contests; officers
 * may ask for one status (drafts too) and, without one, get every status.
 */
export async function listContests(
  db: Database,
  actor: Actor | null,
  query: ContestListQuery,
): Promise<ContestSummary[]> {
  const manage = contestPolicy.manage(actor);
  if (query.status === 'draft' && !manage) {
    throw new AppError('FORBIDDEN');
  }
  const statuses = query.status ? [query.status] : manage ? ['draft', ...PUBLIC_STATUSES] : PUBLIC_STATUSES;
  return (await repo.listContests(db, statuses)).map(toSummary);
}

/** One contest with its categories and what the actor may do with it. */
export async function getContest(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<ContestDetail> {
  const row = await getVisibleContest(db, actor, id);
  const categories = (await repo.listCategories(db, id)).map(toCategory);
  const nominationsOpen = isNominationWindow(row, now);
  return {
    ...toSummary(row),
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    version: row.version,
    categories,
    nominationsOpen,
    abilities: {
      manage: contestPolicy.manage(actor) && row.status !== 'archived',
      nominate: actor !== null && nominationsOpen,
      judge: actor !== null && (await repo.isJudge(db, id, actor.userId)),
    },
  };
}

// ---- Contests: officers' changes ---------------------------------------------------------------------------------

function assertDates(openAt: Date, closeAt: Date): void {
  if (closeAt.getTime() <= openAt.getTime()) {
    throw invalidField('body.nominationsCloseAt', 'errors.DATE_RANGE');
  }
}

async function assertCodeFree(db: DbOrTx, code: string, fiscalYear: number, selfId: string | null) {
  const other = await repo.findContestByCode(db, code, fiscalYear);
  if (other && other.id !== selfId) {
    throw new AppError('CONFLICT', 'errors.contests.CODE_TAKEN', undefined, { code, fiscalYear });
  }
}

/**
 * Replaces a contest's categories with `inputs`: ids keep existing categories (and their entries); a category left
 * out is deleted, which it may not be once it has entries; a rubric may not change once a judge submitted a score.
 */
async function replaceCategories(tx: DbOrTx, contestId: string, inputs: ContestCategoryInput[]) {
  const existing = await repo.listCategories(tx, contestId);
  const kept = new Set(inputs.flatMap((c) => (c.id ? [c.id] : [])));
  for (const category of existing) {
    if (!kept.has(category.id)) {
      if ((await repo.countEntriesOfCategory(tx, category.id)) > 0) {
        throw new AppError('INVALID_STATE', 'errors.contests.CATEGORY_HAS_ENTRIES', undefined, {
          name: category.nameTh,
        });
      }
      await repo.deleteCategory(tx, category.id);
    }
  }
  for (const [position, input] of inputs.entries()) {
    const values = {
      nameTh: input.nameTh,
      nameEn: input.nameEn,
      descriptionTh: input.descriptionTh ?? '',
      descriptionEn: input.descriptionEn ?? '',
      criteria: input.criteria as RubricCriterion[],
      places: input.places ?? 1,
      position,
    };
    const current = input.id ? existing.find((c) => c.id === input.id) : undefined;
    if (input.id && !current) {
      throw new AppError('VALIDATION_FAILED', 'errors.contests.UNKNOWN_CATEGORY');
    }
    if (current) {
      const rubricChanged = JSON.stringify(current.criteria) !== JSON.stringify(values.criteria);
      if (rubricChanged && (await repo.countSubmittedScoresOfCategory(tx, current.id)) > 0) {
        throw new AppError('INVALID_STATE', 'errors.contests.RUBRIC_LOCKED');
      }
      await repo.updateCategory(tx, current.id, values);
    } else {
      await repo.insertCategory(tx, { ...values, contestId });
    }
  }
}

/** Officers create a contest (a draft) in a programme, with its award categories and their rubrics. */
export async function createContest(
  db: Database,
  actor: Actor,
  body: CreateContestBody,
  meta: RequestMeta,
  now: Date,
): Promise<ContestDetail> {
  authorize(actor, contestPolicy.manage, {});
  const openAt = new Date(body.nominationsOpenAt);
  const closeAt = new Date(body.nominationsCloseAt);
  assertDates(openAt, closeAt);
  const id = await db.transaction(async (tx) => {
    const programme = await findProgramme(tx, body.programmeSlug);
    if (!programme) {
      throw invalidField('body.programmeSlug', 'errors.UNKNOWN_PROGRAMME', { slug: body.programmeSlug });
    }
    await assertCodeFree(tx, body.code, body.fiscalYear, null);
    const created = await repo.insertContest(tx, {
      programmeId: programme.id,
      code: body.code,
      titleTh: body.titleTh,
      titleEn: body.titleEn,
      descriptionTh: body.descriptionTh,
      descriptionEn: body.descriptionEn,
      fiscalYear: body.fiscalYear,
      nominationsOpenAt: openAt,
      nominationsCloseAt: closeAt,
      status: 'draft',
      createdBy: actor.userId,
    });
    await replaceCategories(tx, created, body.categories);
    const row = await getManagedContest(tx, actor, created);
    await recordAudit(tx, meta, {
      action: 'contest.created',
      entityType: 'contest',
      entityId: created,
      after: { ...snapshot(row), categories: body.categories.map((c) => c.nameTh) },
    });
    return created;
  });
  return getContest(db, actor, id, now);
}

/**
 * Officers change a contest if `version` is still current. Categories change only while the contest is a draft or
 * open; announced and archived contests are read-only.
 */
export async function updateContest(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateContestBody,
  meta: RequestMeta,
  now: Date,
): Promise<ContestDetail> {
  await db.transaction(async (tx) => {
    await repo.lockContest(tx, id);
    const before = await getEditableContest(tx, actor, id);
    const status = before.status as ContestStatus;
    const { version, categories, nominationsOpenAt, nominationsCloseAt, ...fields } = body;
    const openAt = nominationsOpenAt ? new Date(nominationsOpenAt) : new Date(before.nominationsOpenAt);
    const closeAt = nominationsCloseAt ? new Date(nominationsCloseAt) : new Date(before.nominationsCloseAt);
    assertDates(openAt, closeAt);
    const code = fields.code ?? before.code;
    const fiscalYear = fields.fiscalYear ?? before.fiscalYear;
    if (code !== before.code || fiscalYear !== before.fiscalYear) {
      await assertCodeFree(tx, code, fiscalYear, id);
    }
    const changed = await repo.updateContest(tx, id, version, {
      ...fields,
      nominationsOpenAt: openAt,
      nominationsCloseAt: closeAt,
    });
    if (!changed) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: before.version });
    }
    if (categories) {
      if (status !== 'draft' && status !== 'open') {
        throw new AppError('INVALID_STATE', 'errors.contests.CATEGORIES_LOCKED');
      }
      await replaceCategories(tx, id, categories);
    }
    const after = await getManagedContest(tx, actor, id);
    await recordAudit(tx, meta, {
      action: 'contest.updated',
      entityType: 'contest',
      entityId: id,
      before: snapshot(before),
      after: { ...snapshot(after), ...(categories ? { categories: categories.map((c) => c.nameTh) } : {}) },
    });
  });
  return getContest(db, actor, id, now);
}

/**
 * Moves a contest along its status machine (see `CONTEST_MOVES`). Announcing needs at least one winner; it issues
 * each winner's certificate with a fresh verification code and tells the nominators (in the app and by email).
 */
export async function transitionContest(
  db: Database,
  actor: Actor,
  id: string,
  transition: ContestTransition,
  meta: RequestMeta,
  now: Date,
): Promise<ContestDetail> {
  await db.transaction(async (tx) => {
    await repo.lockContest(tx, id);
    const row = await getManagedContest(tx, actor, id);
    const from = row.status as ContestStatus;
    const to = nextContestStatus(from, transition);
    if (to === null) {
      throw new AppError('INVALID_STATE', 'errors.contests.TRANSITION');
    }
    switch (transition) {
      case 'announce':
        if ((await repo.countWinners(tx, id)) === 0) {
          throw new AppError('INVALID_STATE', 'errors.contests.NO_WINNERS');
        }
        await issueCertificates(tx, row, meta, now);
        break;
      case 'open':
      case 'start_judging':
      case 'archive':
        break;
      default: {
        const exhaustive: never = transition;
        return exhaustive;
      }
    }
    if (!(await repo.setContestStatus(tx, id, from, to, transition === 'announce' ? now : null))) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: row.version });
    }
    await recordAudit(tx, meta, {
      action: `contest.${transition}`,
      entityType: 'contest',
      entityId: id,
      before: { status: from },
      after: { status: to },
    });
  });
  return getContest(db, actor, id, now);
}

async function issueCertificates(tx: DbOrTx, contest: repo.ContestRow, meta: RequestMeta, now: Date) {
  const winners = await repo.listEntries(tx, { contestId: contest.id, statuses: ['winner'] });
  const categories = await repo.listCategories(tx, contest.id);
  for (const winner of winners) {
    const e = winner.entry;
    if (!(await repo.findCertificateByEntry(tx, e.id))) {
      const code = newVerificationCode();
      await repo.insertCertificate(tx, {
        entryId: e.id,
        verificationCode: code,
        recipientName: e.entrantName,
        issuedAt: now,
      });
      await recordAudit(tx, meta, {
        action: 'contest_certificate.issued',
        entityType: 'contest_entry',
        entityId: e.id,
        after: { place: e.place, recipientName: e.entrantName },
      });
    }
    const category = categories.find((c) => c.id === e.categoryId);
    const params = (lang: Language) => ({
      contest: lang === 'en' ? contest.titleEn : contest.titleTh,
      category: category ? (lang === 'en' ? category.nameEn : category.nameTh) : '',
      title: lang === 'en' && e.titleEn ? e.titleEn : e.titleTh,
      place: String(e.place ?? 1),
    });
    const link = `/contests/${contest.id}/winners`;
    const recipients = await winnerContacts(tx, e.organisationId, e.nominatedBy);
    await notifyUsers(
      tx,
      recipients.map((r) => r.userId),
      { kind: 'contest_winner', params, link },
    );
    for (const r of recipients) {
      await queueEmail(tx, {
        to: r.email,
        template: 'contest_winner',
        lang: r.lang,
        params: { name: r.name, ...params(r.lang) },
        link: `${linkBase}${link}`,
      });
    }
  }
}

/** Who hears of a win: the entrant organisation's members and the nominator, each in their own language. */
async function winnerContacts(
  tx: DbOrTx,
  organisationId: string | null,
  nominatedBy: string | null,
): Promise<Array<{ userId: string; name: string; email: string; lang: Language }>> {
  const contacts = organisationId ? await listMemberContacts(tx, organisationId) : [];
  if (nominatedBy && !contacts.some((c) => c.userId === nominatedBy)) {
    const person = await findPerson(tx, nominatedBy);
    if (person?.email && !person.erased) {
      contacts.push({
        userId: nominatedBy,
        name: person.name,
        email: person.email,
        lang: person.lang,
        role: 'viewer',
      });
    }
  }
  return contacts;
}

// ---- Entries -----------------------------------------------------------------------------------------------------

function summaryOf(answers: Record<string, unknown>): string {
  const summary = answers.summary;
  return typeof summary === 'string' ? summary.slice(0, 3000) : '';
}

/**
 * A signed-in person nominates, while nominations are open: a submitted proposal of an organisation they belong to,
 * a published innovation of the catalogue (its owners' members, or officers; its title, summary, lead owner and
 * province are copied), or an open entry.
 */
export async function nominate(
  db: Database,
  actor: Actor,
  contestId: string,
  body: NominateBody,
  meta: RequestMeta,
  now: Date,
): Promise<ContestEntry> {
  // Read before the transaction: the proposals module reads with its own handle.
  const proposal = body.kind === 'proposal' ? await getProposal(db, actor, body.proposalId, now) : null;
  const id = await db.transaction(async (tx) => {
    const contest = await getVisibleContest(tx, actor, contestId);
    if (contest.status !== 'open' || new Date(contest.nominationsOpenAt).getTime() > now.getTime()) {
      throw new AppError('INVALID_STATE', 'errors.contests.NOMINATIONS_CLOSED');
    }
    if (now.getTime() > new Date(contest.nominationsCloseAt).getTime()) {
      throw new AppError('DEADLINE_PASSED', 'errors.contests.NOMINATIONS_ENDED');
    }
    await getCategoryOrThrow(tx, contestId, body.categoryId);
    const base = { contestId, categoryId: body.categoryId, nominatedBy: actor.userId, status: 'submitted' };
    let values: repo.NewEntry;
    switch (body.kind) {
      case 'innovation': {
        const innovation = await getNominableInnovation(tx, actor, body.innovationId);
        if (await repo.findInnovationEntry(tx, body.categoryId, innovation.id)) {
          throw new AppError('CONFLICT', 'errors.contests.ALREADY_NOMINATED');
        }
        values = {
          ...base,
          kind: 'innovation',
          innovationId: innovation.id,
          organisationId: innovation.organisationId,
          titleTh: innovation.titleTh,
          titleEn: innovation.titleEn,
          summaryTh: innovation.summaryTh.slice(0, 3000),
          summaryEn: innovation.summaryEn.slice(0, 3000),
          entrantName: innovation.entrantName,
          provinceCode: innovation.provinceCode,
        };
        break;
      }
      case 'proposal': {
        if (!proposal) {
          throw new AppError('NOT_FOUND');
        }
        if ((await getMemberRole(tx, proposal.organisation.id, actor.userId)) === null) {
          throw new AppError('FORBIDDEN', 'errors.contests.NOT_MEMBER');
        }
        if (proposal.submittedAt === null || proposal.status === 'withdrawn') {
          throw new AppError('INVALID_STATE', 'errors.contests.PROPOSAL_NOT_SUBMITTED');
        }
        if (await repo.findProposalEntry(tx, body.categoryId, proposal.id)) {
          throw new AppError('CONFLICT', 'errors.contests.ALREADY_NOMINATED');
        }
        values = {
          ...base,
          kind: 'proposal',
          proposalId: proposal.id,
          organisationId: proposal.organisation.id,
          titleTh: proposal.titleTh,
          titleEn: proposal.titleEn,
          summaryTh: summaryOf(proposal.answers),
          entrantName: proposal.organisation.nameTh,
          provinceCode: proposal.provinceCodes[0] ?? proposal.organisation.provinceCode,
        };
        break;
      }
      case 'open':
        values = {
          ...base,
          kind: 'open',
          titleTh: body.titleTh,
          titleEn: body.titleEn,
          summaryTh: body.summaryTh,
          summaryEn: body.summaryEn,
          entrantName: body.entrantName,
          provinceCode: body.provinceCode,
        };
        break;
      default: {
        const exhaustive: never = body;
        return exhaustive;
      }
    }
    const created = await repo.insertEntry(tx, values);
    await recordAudit(tx, meta, {
      action: 'contest_entry.nominated',
      entityType: 'contest_entry',
      entityId: created,
      after: { contestId, categoryId: body.categoryId, kind: body.kind, titleTh: values.titleTh },
    });
    return created;
  });
  return toEntry(await getEntryOrThrow(db, id), true);
}

/** Entries of a contest: officers see all; anyone else the entries they nominated. */
export async function listEntries(db: Database, actor: Actor, contestId: string): Promise<ContestEntry[]> {
  await getVisibleContest(db, actor, contestId);
  const manage = contestPolicy.manage(actor);
  const rows = await repo.listEntries(db, {
    contestId,
    ...(manage ? {} : { nominatedBy: actor.userId }),
  });
  return rows.map((r) => toEntry(r, true));
}

/** Submitted proposals of the actor's organisations, for the nomination form. */
export async function listNominableProposals(db: Database, actor: Actor): Promise<NominableProposal[]> {
  return repo.listNominableProposals(db, actor.userId);
}

/** Officers accept or reject an entry while the contest takes nominations or is being judged. */
export async function decideEntry(
  db: Database,
  actor: Actor,
  entryId: string,
  body: EntryDecisionBody,
  meta: RequestMeta,
): Promise<ContestEntry> {
  await db.transaction(async (tx) => {
    const row = await getEntryOrThrow(tx, entryId);
    const contest = await getManagedContest(tx, actor, row.entry.contestId);
    if (contest.status !== 'open' && contest.status !== 'judging') {
      throw new AppError('INVALID_STATE', 'errors.contests.ENTRIES_LOCKED');
    }
    const from = row.entry.status as EntryStatus;
    const to = nextEntryStatus(from, body.decision);
    if (to === null) {
      throw new AppError('INVALID_STATE', 'errors.contests.ENTRY_TRANSITION');
    }
    if (!(await repo.updateEntry(tx, entryId, body.version, { status: to }))) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: row.entry.version });
    }
    await recordAudit(tx, meta, {
      action: `contest_entry.${to}`,
      entityType: 'contest_entry',
      entityId: entryId,
      before: { status: from },
      after: { status: to },
    });
  });
  return toEntry(await getEntryOrThrow(db, entryId), true);
}

// ---- Judges ------------------------------------------------------------------------------------------------------

/** Officers list a contest's judges with how far each is. */
export async function listJudges(db: Database, actor: Actor, contestId: string): Promise<ContestJudge[]> {
  await getManagedContest(db, actor, contestId);
  const rows = await repo.listJudges(db, contestId);
  return rows.map((r) => ({
    ...r,
    addedAt: iso(r.addedAt),
    submitted: Number(r.submitted),
    recused: Number(r.recused),
  }));
}

/** Reviewers officers may add as judges (active accounts with the reviewer role). */
export async function listJudgeCandidates(
  db: Database,
  actor: Actor,
  contestId: string,
): Promise<JudgeCandidate[]> {
  await getManagedContest(db, actor, contestId);
  const ids = await listActiveUserIdsWithRole(db, 'reviewer');
  const people: JudgeCandidate[] = [];
  for (const userId of ids) {
    const person = await findPerson(db, userId);
    if (person && !person.erased) {
      people.push({ userId, name: person.name, email: person.email });
    }
  }
  return people.sort((a, b) => a.name.localeCompare(b.name, 'th'));
}

/** Officers add a reviewer as a judge (until the contest is announced); the judge is told in the app. */
export async function addJudge(
  db: Database,
  actor: Actor,
  contestId: string,
  userId: string,
  meta: RequestMeta,
): Promise<ContestJudge[]> {
  await db.transaction(async (tx) => {
    const contest = await getEditableContest(tx, actor, contestId);
    const reviewers = await listActiveUserIdsWithRole(tx, 'reviewer');
    if (!reviewers.includes(userId)) {
      throw new AppError('VALIDATION_FAILED', 'errors.contests.NOT_A_REVIEWER', {
        issues: [fieldIssue('body.userId', 'not_reviewer', 'errors.contests.NOT_A_REVIEWER')],
      });
    }
    if (!(await repo.insertJudge(tx, contestId, userId, actor.userId))) {
      throw new AppError('CONFLICT', 'errors.contests.ALREADY_JUDGE');
    }
    await notifyUsers(tx, [userId], {
      kind: 'contest_judge',
      params: (lang) => ({ contest: lang === 'en' ? contest.titleEn : contest.titleTh }),
      link: `/judging/${contestId}`,
    });
    await recordAudit(tx, meta, {
      action: 'contest.judge_added',
      entityType: 'contest',
      entityId: contestId,
      after: { judgeId: userId },
    });
  });
  return listJudges(db, actor, contestId);
}

/** Officers remove a judge; scores already submitted stay (and still count). */
export async function removeJudge(
  db: Database,
  actor: Actor,
  contestId: string,
  userId: string,
  meta: RequestMeta,
): Promise<ContestJudge[]> {
  await db.transaction(async (tx) => {
    await getEditableContest(tx, actor, contestId);
    if (!(await repo.deleteJudge(tx, contestId, userId))) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, meta, {
      action: 'contest.judge_removed',
      entityType: 'contest',
      entityId: contestId,
      before: { judgeId: userId },
    });
  });
  return listJudges(db, actor, contestId);
}

// ---- Judging -----------------------------------------------------------------------------------------------------

/** The contests the signed-in judge judges. */
export async function listMyJudging(db: Database, actor: Actor): Promise<MyJudging[]> {
  const rows = await repo.listJudgedContests(db, actor.userId);
  return rows.map((r) => ({
    ...toSummary(r),
    entries: Number(r.entries),
    submitted: Number(r.submitted),
    recused: Number(r.recused),
  }));
}

async function assertJudge(db: DbOrTx, actor: Actor, contestId: string): Promise<repo.ContestRow> {
  const contest = await getVisibleContest(db, actor, contestId);
  if (!(await repo.isJudge(db, contestId, actor.userId))) {
    throw new AppError('FORBIDDEN', 'errors.contests.NOT_JUDGE');
  }
  return contest;
}

async function isOwnOrganisation(db: DbOrTx, actor: Actor, organisationId: string | null): Promise<boolean> {
  return organisationId !== null && (await getMemberRole(db, organisationId, actor.userId)) !== null;
}

/** A judge's sheet: the categories with their rubrics, the accepted entries and the judge's own scores. */
export async function getJudgingSheet(db: Database, actor: Actor, contestId: string): Promise<JudgingSheet> {
  const contest = await assertJudge(db, actor, contestId);
  const categories = await repo.listCategories(db, contestId);
  const entries = await repo.listEntries(db, { contestId, statuses: ['accepted', 'winner'] });
  const scores = new Map(
    (await repo.listScoresOfJudge(db, contestId, actor.userId)).map((s) => [s.entryId, s]),
  );
  const sheet: JudgingSheet['categories'] = [];
  for (const category of categories) {
    const rows: JudgingSheet['categories'][number]['entries'] = [];
    for (const row of entries.filter((e) => e.entry.categoryId === category.id)) {
      const { certificateCode: _c, ...entry } = toEntry(row, false);
      const score = scores.get(row.entry.id);
      rows.push({
        entry,
        myScore: score ? toScore(score) : null,
        ownOrganisation: await isOwnOrganisation(db, actor, row.entry.organisationId),
      });
    }
    sheet.push({ ...toCategory(category), entries: rows });
  }
  return { contest: toSummary(contest), categories: sheet };
}

interface ScoringTarget {
  entry: repo.EntryRow;
  criteria: RubricCriterion[];
  existing: repo.ScoreRow | undefined;
}

/** What a judge may score: an accepted entry of a contest being judged, not of their own organisation, not locked. */
async function scoringTarget(tx: DbOrTx, actor: Actor, entryId: string): Promise<ScoringTarget> {
  const entry = await getEntryOrThrow(tx, entryId);
  const contest = await assertJudge(tx, actor, entry.entry.contestId);
  if (contest.status !== 'judging') {
    throw new AppError('INVALID_STATE', 'errors.contests.NOT_JUDGING');
  }
  if (entry.entry.status !== 'accepted' && entry.entry.status !== 'winner') {
    throw new AppError('INVALID_STATE', 'errors.contests.ENTRY_NOT_ACCEPTED');
  }
  if (await isOwnOrganisation(tx, actor, entry.entry.organisationId)) {
    throw new AppError('FORBIDDEN', 'errors.contests.OWN_ORGANISATION');
  }
  const category = await getCategoryOrThrow(tx, contest.id, entry.entry.categoryId);
  const existing = await repo.findScore(tx, entryId, actor.userId);
  if (existing && existing.status !== 'draft') {
    throw new AppError('INVALID_STATE', 'errors.contests.SCORE_LOCKED');
  }
  return { entry, criteria: category.criteria, existing };
}

function assertScores(criteria: RubricCriterion[], scores: CriterionScores, complete: boolean): void {
  const issues = scoreIssues(criteria, scores, complete);
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', 'errors.contests.SCORES_INVALID', {
      issues: issues.map((i) =>
        fieldIssue(`body.scores.${i.criterionId}`, i.code, `errors.contests.score_${i.code}`),
      ),
    });
  }
}

/** A judge saves a draft of their scores for an entry (partial scores allowed, each on its scale). */
export async function saveScore(
  db: Database,
  actor: Actor,
  entryId: string,
  body: ScoreBody,
): Promise<ContestScore> {
  return db.transaction(async (tx) => {
    const target = await scoringTarget(tx, actor, entryId);
    assertScores(target.criteria, body.scores, false);
    const saved = await repo.upsertDraftScore(tx, {
      entryId,
      judgeId: actor.userId,
      status: 'draft',
      scores: body.scores,
      comment: body.comment,
      weightedScore: null,
      submittedAt: null,
    });
    if (!saved) {
      throw new AppError('INVALID_STATE', 'errors.contests.SCORE_LOCKED');
    }
    return toScore(saved);
  });
}

/**
 * A judge submits their scores for an entry: every criterion scored on its scale, a comment where the score is at or
 * below the criterion's threshold. The weighted score (0–100) is kept and the score is locked; audited.
 */
export async function submitScore(
  db: Database,
  actor: Actor,
  entryId: string,
  body: ScoreBody,
  meta: RequestMeta,
  now: Date,
): Promise<ContestScore> {
  return db.transaction(async (tx) => {
    const target = await scoringTarget(tx, actor, entryId);
    assertScores(target.criteria, body.scores, true);
    const weighted = weightedScore(target.criteria, body.scores);
    const saved = await repo.upsertDraftScore(tx, {
      entryId,
      judgeId: actor.userId,
      status: 'submitted',
      scores: body.scores,
      comment: body.comment,
      weightedScore: weighted,
      submittedAt: now,
    });
    if (!saved) {
      throw new AppError('INVALID_STATE', 'errors.contests.SCORE_LOCKED');
    }
    await recordAudit(tx, meta, {
      action: 'contest_score.submitted',
      entityType: 'contest_entry',
      entityId: entryId,
      before: target.existing ? { status: target.existing.status } : null,
      after: { status: 'submitted', judgeId: actor.userId, weightedScore: weighted, scores: body.scores },
    });
    return toScore(saved);
  });
}

/** A judge declares a conflict of interest with an entry before scoring it: recused from it for good; audited. */
export async function declareConflict(
  db: Database,
  actor: Actor,
  entryId: string,
  statement: string,
  meta: RequestMeta,
): Promise<ContestScore> {
  return db.transaction(async (tx) => {
    const entry = await getEntryOrThrow(tx, entryId);
    const contest = await assertJudge(tx, actor, entry.entry.contestId);
    if (contest.status !== 'open' && contest.status !== 'judging') {
      throw new AppError('INVALID_STATE', 'errors.contests.NOT_JUDGING');
    }
    const existing = await repo.findScore(tx, entryId, actor.userId);
    if (existing && existing.status !== 'draft') {
      throw new AppError('INVALID_STATE', 'errors.contests.SCORE_LOCKED');
    }
    const saved = await repo.upsertDraftScore(tx, {
      entryId,
      judgeId: actor.userId,
      status: 'recused',
      scores: {},
      comment: statement,
      weightedScore: null,
      submittedAt: null,
    });
    if (!saved) {
      throw new AppError('INVALID_STATE', 'errors.contests.SCORE_LOCKED');
    }
    await recordAudit(tx, meta, {
      action: 'contest_score.recused',
      entityType: 'contest_entry',
      entityId: entryId,
      before: existing ? { status: existing.status } : null,
      after: { status: 'recused', judgeId: actor.userId, statement },
    });
    return toScore(saved);
  });
}

// ---- Ranking and winners -----------------------------------------------------------------------------------------

/**
 * Officers' ranking of each category's accepted entries: the judges' raw mean and the calibrated mean (each judge's
 * weighted scores as z-scores within the contest, rescaled to 0–100; see `@shared/reviews/scoring`), ranked by the
 * shared ranking rules. Entries nobody scored yet come last, unranked.
 */
export async function getRanking(db: Database, actor: Actor, contestId: string): Promise<ContestRanking> {
  await getManagedContest(db, actor, contestId);
  const categories = await repo.listCategories(db, contestId);
  const entries = await repo.listEntries(db, { contestId, statuses: ['accepted', 'winner'] });
  const scores = await repo.listScoresOfContest(db, contestId);
  const submitted = scores.filter((s) => s.status === 'submitted' && s.weightedScore !== null);
  const calibration = calibrate(
    submitted.map((s) => ({ reviewerId: s.judgeId, itemId: s.entryId, score: s.weightedScore ?? 0 })),
  );
  const judges = await repo.listJudges(db, contestId);
  return {
    judges: judges.length,
    categories: categories.map((category) => {
      const items = entries
        .filter((e) => e.entry.categoryId === category.id)
        .map((e) => {
          const item = calibration.items.get(e.entry.id);
          return {
            id: e.entry.id,
            row: e,
            calibrated: item?.calibrated ?? null,
            rawMean: item?.rawMean ?? null,
            reviewCount: item?.n ?? 0,
            doNotFundCount: 0,
            submittedAt: e.entry.createdAt,
            receiptNumber: null,
            min: item?.min ?? null,
            max: item?.max ?? null,
          };
        });
      return {
        category: toCategory(category),
        rows: rankItems(items).map((item) => ({
          entryId: item.id,
          titleTh: item.row.entry.titleTh,
          titleEn: item.row.entry.titleEn,
          entrantName: item.row.entry.entrantName,
          provinceCode: item.row.entry.provinceCode,
          status: item.row.entry.status as EntryStatus,
          place: item.row.entry.place,
          submitted: item.reviewCount,
          recused: scores.filter((s) => s.entryId === item.id && s.status === 'recused').length,
          meanScore: item.rawMean,
          calibrated: item.calibrated,
          minScore: item.min,
          maxScore: item.max,
          rank: item.reviewCount > 0 ? item.rank : null,
        })),
      };
    }),
  };
}

/**
 * Officers choose a category's winners (places 1..n) while the contest is being judged: the whole list at once;
 * entries left out go back to accepted. Audited with the list before and after.
 */
export async function setWinners(
  db: Database,
  actor: Actor,
  contestId: string,
  categoryId: string,
  body: WinnersBody,
  meta: RequestMeta,
): Promise<ContestEntry[]> {
  await db.transaction(async (tx) => {
    await repo.lockContest(tx, contestId);
    const contest = await getManagedContest(tx, actor, contestId);
    if (contest.status !== 'judging') {
      throw new AppError('INVALID_STATE', 'errors.contests.NOT_JUDGING');
    }
    const category = await getCategoryOrThrow(tx, contestId, categoryId);
    const entries = (await repo.listEntries(tx, { contestId })).filter(
      (e) => e.entry.categoryId === categoryId,
    );
    const places = new Set<number>();
    const ids = new Set<string>();
    for (const [i, w] of body.winners.entries()) {
      const entry = entries.find((e) => e.entry.id === w.entryId);
      if (!entry || (entry.entry.status !== 'accepted' && entry.entry.status !== 'winner')) {
        throw invalidField(`body.winners.${i}.entryId`, 'errors.VALIDATION_FAILED');
      }
      if (w.place > category.places) {
        throw new AppError('VALIDATION_FAILED', 'errors.contests.PLACE_TOO_HIGH', undefined, {
          places: category.places,
        });
      }
      if (places.has(w.place) || ids.has(w.entryId)) {
        throw new AppError('VALIDATION_FAILED', 'errors.contests.PLACE_TWICE');
      }
      places.add(w.place);
      ids.add(w.entryId);
    }
    const before = entries
      .filter((e) => e.entry.status === 'winner')
      .map((e) => ({ entryId: e.entry.id, place: e.entry.place }));
    for (const e of entries) {
      if (e.entry.status === 'winner' && !ids.has(e.entry.id)) {
        await repo.setEntryPlace(tx, e.entry.id, 'accepted', null);
      }
    }
    for (const w of body.winners) {
      await repo.setEntryPlace(tx, w.entryId, 'winner', w.place);
    }
    await recordAudit(tx, meta, {
      action: 'contest.winners_set',
      entityType: 'contest',
      entityId: contestId,
      before: { categoryId, winners: before },
      after: { categoryId, winners: body.winners },
    });
  });
  return listEntries(db, actor, contestId);
}

/** The public winners of an announced (or archived) contest, by category and place. */
export async function getWinners(db: Database, contestId: string): Promise<ContestWinners> {
  const contest = await repo.findContest(db, contestId);
  if (!contest || (contest.status !== 'announced' && contest.status !== 'archived')) {
    throw new AppError('NOT_FOUND');
  }
  const categories = await repo.listCategories(db, contestId);
  const winners = await repo.listEntries(db, { contestId, statuses: ['winner'] });
  return {
    contest: {
      ...toSummary(contest),
      descriptionTh: contest.descriptionTh,
      descriptionEn: contest.descriptionEn,
    },
    categories: categories.map((c) => ({
      id: c.id,
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      winners: winners
        .filter((w) => w.entry.categoryId === c.id)
        .sort((a, b) => (a.entry.place ?? 99) - (b.entry.place ?? 99))
        .map((w) => ({
          entryId: w.entry.id,
          place: w.entry.place ?? 0,
          titleTh: w.entry.titleTh,
          titleEn: w.entry.titleEn,
          summaryTh: w.entry.summaryTh,
          summaryEn: w.entry.summaryEn,
          entrantName: w.entry.entrantName,
          organisationNameTh: w.organisationNameTh,
          organisationNameEn: w.organisationNameEn,
          provinceCode: w.entry.provinceCode,
        })),
    })),
  };
}

// ---- Certificates ------------------------------------------------------------------------------------------------

/** Everything a certificate PDF shows. */
export interface PrintableCertificate {
  code: string;
  recipientName: string;
  issuedAt: Date;
  place: number;
  entryTitleTh: string;
  entryTitleEn: string;
  categoryNameTh: string;
  categoryNameEn: string;
  contestTitleTh: string;
  contestTitleEn: string;
  fiscalYear: number;
  programmeNameTh: string;
  programmeNameEn: string;
}

/**
 * A winner's certificate, for officers, the person who nominated the entry and members of the entrant organisation;
 * others get NOT_FOUND. A revoked certificate is not printed.
 */
export async function getCertificateForPrint(
  db: Database,
  actor: Actor,
  entryId: string,
): Promise<PrintableCertificate> {
  const entry = await getEntryOrThrow(db, entryId);
  const e = entry.entry;
  const allowed =
    contestPolicy.manage(actor) ||
    e.nominatedBy === actor.userId ||
    (await isOwnOrganisation(db, actor, e.organisationId));
  if (!allowed) {
    throw new AppError('NOT_FOUND');
  }
  const certificate = await repo.findCertificateByEntry(db, entryId);
  if (!certificate) {
    throw new AppError('NOT_FOUND');
  }
  if (certificate.revokedAt) {
    throw new AppError('INVALID_STATE', 'errors.contests.CERTIFICATE_REVOKED');
  }
  const contest = await repo.findContest(db, e.contestId);
  const category = (await repo.listCategories(db, e.contestId)).find((c) => c.id === e.categoryId);
  if (!contest || !category) {
    throw new AppError('NOT_FOUND');
  }
  return {
    code: formatVerificationCode(certificate.verificationCode),
    recipientName: certificate.recipientName,
    issuedAt: new Date(certificate.issuedAt),
    place: e.place ?? 1,
    entryTitleTh: e.titleTh,
    entryTitleEn: e.titleEn || e.titleTh,
    categoryNameTh: category.nameTh,
    categoryNameEn: category.nameEn,
    contestTitleTh: contest.titleTh,
    contestTitleEn: contest.titleEn,
    fiscalYear: contest.fiscalYear,
    programmeNameTh: contest.programmeNameTh,
    programmeNameEn: contest.programmeNameEn,
  };
}

/** Anyone checks a certificate's verification code: valid, revoked or unknown. */
export async function verifyCertificate(db: Database, input: string): Promise<CertificateVerification> {
  const code = normaliseVerificationCode(input);
  const found = code ? await repo.findCertificateByCode(db, code) : undefined;
  if (!code || !found) {
    return {
      status: 'unknown',
      code: input.trim().toUpperCase(),
      recipientName: null,
      contestTitleTh: null,
      contestTitleEn: null,
      categoryNameTh: null,
      categoryNameEn: null,
      entryTitleTh: null,
      place: null,
      issuedAt: null,
      revokedAt: null,
    };
  }
  const c = found.certificate;
  return {
    status: c.revokedAt ? 'revoked' : 'valid',
    code: formatVerificationCode(c.verificationCode),
    recipientName: c.recipientName,
    contestTitleTh: found.contestTitleTh,
    contestTitleEn: found.contestTitleEn,
    categoryNameTh: found.categoryNameTh,
    categoryNameEn: found.categoryNameEn,
    entryTitleTh: found.entryTitleTh,
    place: found.place,
    issuedAt: iso(c.issuedAt),
    revokedAt: isoOrNull(c.revokedAt),
  };
}

/** Officers revoke a winner's certificate (e.g. an award withdrawn), with a reason; audited. */
export async function revokeCertificate(
  db: Database,
  actor: Actor,
  entryId: string,
  reason: string,
  meta: RequestMeta,
  now: Date,
): Promise<ContestEntry> {
  await db.transaction(async (tx) => {
    const entry = await getEntryOrThrow(tx, entryId);
    await getManagedContest(tx, actor, entry.entry.contestId);
    if (!(await repo.revokeCertificate(tx, entryId, now))) {
      throw new AppError('INVALID_STATE', 'errors.contests.NO_CERTIFICATE');
    }
    await recordAudit(tx, meta, {
      action: 'contest_certificate.revoked',
      entityType: 'contest_entry',
      entityId: entryId,
      before: { revokedAt: null },
      after: { revokedAt: now.toISOString(), reason },
    });
  });
  return toEntry(await getEntryOrThrow(db, entryId), true);
}
