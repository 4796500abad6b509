import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { FileStorage } from '@server/lib/file-storage';
import { translate } from '@server/lib/i18n';
import type {
  AddReviewerConflictBody,
  Assignment,
  AssignmentReason,
  AssignmentStatus,
  AutoAssignResult,
  CallReviewer,
  DeclareConflictBody,
  DeclineAssignmentBody,
  DeclineInvitationBody,
  InvitationStatus,
  InviteResult,
  InviteReviewersBody,
  ManualAssignBody,
  MyReviews,
  ProposalAssignments,
  ProposalAssignmentsDetail,
  ProposalAssignmentsQuery,
  RemoveAssignmentBody,
  ReviewerConflict,
  ReviewerLanguage,
  ReviewerListItem,
  ReviewerListQuery,
  ReviewerProfile,
  ReviewerProposal,
  ReviewSettings,
  ReviewStage,
  SaveReviewerProfileBody,
  UpdateReviewerBody,
  UpdateReviewSettingsBody,
} from '@shared/contracts/reviewers';
import { AssignmentReasonSchema } from '@shared/contracts/reviewers';
import type { Language } from '@shared/i18n/index';
import type { ThemeCode } from '@shared/reference/themes';
import { getForm, getVisibleCall, lockCall } from '@server/modules/calls/calls.service';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import * as repo from './reviewers.repo';
import { canMoveInvitation, reviewersPolicy, type AssignmentAccess } from './reviewers.policy';
import {
  conflictsOf,
  planAssignments,
  tieKey,
  type Candidate,
  type ConflictRule,
  type Ties,
} from './reviewers.matching';
import { blindProposal, makeScrubber, neutralFileName } from './reviewers.blind';

const iso = (value: Date | string) => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
const langOf = (locale: string): Language => (locale === 'en' ? 'en' : 'th');

/** Where links in emails point; the routes set the configured public URL. */
let publicBase = 'http://localhost:3000';

/** Sets the public URL used in email links (done when the routes register). */
export function setReviewerLinkBase(publicUrl: string): void {
  publicBase = publicUrl.replace(/\/$/, '');
}

// ---- Settings -------------------------------------------------------------------------------------------------------

/** The settings a call uses until an officer changes them (the table's defaults). */
export function defaultReviewSettings(callId: string): ReviewSettings {
  return {
    callId,
    reviewersPerProposal: 3,
    sameProvinceConflict: false,
    blindApplicants: false,
    hideOtherReviews: true,
    shareFeedback: false,
    hasPanel: false,
    disagreementPoints: 25,
    peoplesChoice: false,
    peoplesChoiceOpensAt: null,
    peoplesChoiceClosesAt: null,
    version: 0,
  };
}

function toSettings(row: repo.ReviewSettingsRow): ReviewSettings {
  return {
    callId: row.callId,
    reviewersPerProposal: row.reviewersPerProposal,
    sameProvinceConflict: row.sameProvinceConflict,
    blindApplicants: row.blindApplicants,
    hideOtherReviews: row.hideOtherReviews,
    shareFeedback: row.shareFeedback,
    hasPanel: row.hasPanel,
    disagreementPoints: row.disagreementPoints,
    peoplesChoice: row.peoplesChoice,
    peoplesChoiceOpensAt: isoOrNull(row.peoplesChoiceOpensAt),
    peoplesChoiceClosesAt: isoOrNull(row.peoplesChoiceClosesAt),
    version: row.version,
  };
}

/**
 * How a call is reviewed: its saved settings, or the defaults (version 0) while it has none. No authorization: for
 * other services (reviews, decisions, people's choice) that have already checked their actor.
 */
export async function getReviewSettings(db: DbOrTx, callId: string): Promise<ReviewSettings> {
  const row = await repo.findReviewSettings(db, callId);
  return row ? toSettings(row) : defaultReviewSettings(callId);
}

/** FORBIDDEN unless the actor runs reviews; NOT_FOUND without the call. */
async function getManagedCall(db: DbOrTx, actor: Actor, callId: string) {
  authorize(actor, reviewersPolicy.manage, {});
  return getVisibleCall(db, actor, callId);
}

/** The review settings of a call, for officers. */
export async function getCallReviewSettings(
  db: DbOrTx,
  actor: Actor,
  callId: string,
): Promise<ReviewSettings> {
  await getManagedCall(db, actor, callId);
  return getReviewSettings(db, callId);
}

/**
 * Changes a call's review settings (officers). `version` is the one read (0 for the defaults); a concurrent change
 * gives CONFLICT. The people's-choice vote must close after it opens. Audited.
 */
export async function updateReviewSettings(
  db: Database,
  actor: Actor,
  callId: string,
  body: UpdateReviewSettingsBody,
  meta: RequestMeta,
): Promise<ReviewSettings> {
  return db.transaction(async (tx) => {
    await getManagedCall(tx, actor, callId);
    const before = await getReviewSettings(tx, callId);
    const { version, peoplesChoiceOpensAt, peoplesChoiceClosesAt, ...rest } = body;
    const changes: repo.ReviewSettingsChanges = {
      ...rest,
      ...(peoplesChoiceOpensAt === undefined
        ? {}
        : { peoplesChoiceOpensAt: peoplesChoiceOpensAt === null ? null : new Date(peoplesChoiceOpensAt) }),
      ...(peoplesChoiceClosesAt === undefined
        ? {}
        : { peoplesChoiceClosesAt: peoplesChoiceClosesAt === null ? null : new Date(peoplesChoiceClosesAt) }),
    };
    const opens =
      changes.peoplesChoiceOpensAt !== undefined ? changes.peoplesChoiceOpensAt : before.peoplesChoiceOpensAt;
    const closes =
      changes.peoplesChoiceClosesAt !== undefined
        ? changes.peoplesChoiceClosesAt
        : before.peoplesChoiceClosesAt;
    if (opens && closes && new Date(closes) <= new Date(opens)) {
      throw invalidField('body.peoplesChoiceClosesAt', 'reviewers.errors.voteClosesBeforeOpens');
    }
    const saved =
      version === 0
        ? await repo.insertReviewSettings(tx, callId, changes)
        : await repo.updateReviewSettings(tx, callId, version, changes);
    if (!saved) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: before.version });
    }
    const after = await getReviewSettings(tx, callId);
    await recordAudit(tx, meta, {
      action: 'review_settings.updated',
      entityType: 'call',
      entityId: callId,
      before: settingsSnapshot(before),
      after: settingsSnapshot(after),
    });
    return after;
  });
}

function settingsSnapshot(s: ReviewSettings): Record<string, unknown> {
  const { callId: _callId, ...rest } = s;
  return rest;
}

// ---- Reviewer profiles ----------------------------------------------------------------------------------------------

const DEFAULT_PROFILE = {
  themes: [] as ThemeCode[],
  provinceCodes: [] as number[],
  affiliation: '',
  expertiseTh: '',
  expertiseEn: '',
  languages: ['th'] as ReviewerLanguage[],
  maxLoad: 10,
  isActive: true,
};

function profileFields(profile: repo.ProfileRow | null) {
  if (!profile) {
    return { ...DEFAULT_PROFILE, version: 0 };
  }
  return {
    themes: profile.themes as ThemeCode[],
    provinceCodes: profile.provinceCodes,
    affiliation: profile.affiliation,
    expertiseTh: profile.expertiseTh,
    expertiseEn: profile.expertiseEn,
    languages: profile.languages.filter((l): l is ReviewerLanguage => l === 'th' || l === 'en'),
    maxLoad: profile.maxLoad,
    isActive: profile.isActive,
    version: profile.version,
  };
}

function toListItem(row: repo.ReviewerRow): ReviewerListItem {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email ?? '',
    ...profileFields(row.profile),
    activeLoad: row.activeLoad,
    conflictCount: row.conflictCount,
    invitationStatus: row.invitationStatus as InvitationStatus | null,
  };
}

async function loadProfile(db: DbOrTx, userId: string): Promise<ReviewerProfile> {
  const [row] = await repo.listReviewers(db, { userIds: [userId] }, 1);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  const conflicts: ReviewerConflict[] = (await repo.listConflicts(db, userId)).map((c) => ({
    ...c,
    createdAt: iso(c.createdAt),
  }));
  const { conflictCount: _c, invitationStatus: _i, ...item } = toListItem(row);
  return { ...item, conflicts };
}

/** The signed-in reviewer's own profile (the defaults, version 0, until saved) and declared conflicts. */
export async function getMyProfile(db: DbOrTx, actor: Actor): Promise<ReviewerProfile> {
  authorize(actor, reviewersPolicy.ownProfile, {});
  return loadProfile(db, actor.userId);
}

async function saveProfile(
  db: Database,
  userId: string,
  body: Partial<SaveReviewerProfileBody> & { version: number },
  meta: RequestMeta,
): Promise<ReviewerProfile> {
  return db.transaction(async (tx) => {
    const before = await repo.findProfile(tx, userId);
    const { version, ...changes } = body;
    const values = {
      ...changes,
      ...(changes.provinceCodes ? { provinceCodes: [...new Set(changes.provinceCodes)] } : {}),
      ...(changes.themes ? { themes: [...new Set(changes.themes)] } : {}),
      ...(changes.languages ? { languages: [...new Set(changes.languages)] } : {}),
    };
    const saved =
      version === 0 && !before
        ? await repo.insertProfile(tx, userId, { ...DEFAULT_PROFILE, ...values })
        : await repo.updateProfile(tx, userId, version, values);
    if (!saved) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: before?.version ?? 0 });
    }
    await recordAudit(tx, meta, {
      action: 'reviewer_profile.saved',
      entityType: 'user',
      entityId: userId,
      before: before ? { ...profileFields(before) } : null,
      after: { ...profileFields(await repo.findProfile(tx, userId)) },
    });
    return loadProfile(tx, userId);
  });
}

/** Saves the signed-in reviewer's profile; `version` as read (0 for a first save); CONFLICT if changed meanwhile. */
export async function saveMyProfile(
  db: Database,
  actor: Actor,
  body: SaveReviewerProfileBody,
  meta: RequestMeta,
): Promise<ReviewerProfile> {
  authorize(actor, reviewersPolicy.ownProfile, {});
  return saveProfile(db, actor.userId, body, meta);
}

/** Declares a standing conflict with an organisation (employer, board seat, family, …). */
export async function addMyConflict(
  db: Database,
  actor: Actor,
  body: AddReviewerConflictBody,
  meta: RequestMeta,
): Promise<ReviewerProfile> {
  authorize(actor, reviewersPolicy.ownProfile, {});
  return db.transaction(async (tx) => {
    if (!(await repo.organisationExists(tx, body.organisationId))) {
      throw invalidField('body.organisationId', 'reviewers.errors.organisationUnknown');
    }
    if (await repo.insertConflict(tx, actor.userId, body.organisationId, body.reason)) {
      await recordAudit(tx, meta, {
        action: 'reviewer_conflict.declared',
        entityType: 'user',
        entityId: actor.userId,
        after: { organisationId: body.organisationId, reason: body.reason },
      });
    }
    return loadProfile(tx, actor.userId);
  });
}

/** Withdraws a declared standing conflict. */
export async function removeMyConflict(
  db: Database,
  actor: Actor,
  organisationId: string,
  meta: RequestMeta,
): Promise<ReviewerProfile> {
  authorize(actor, reviewersPolicy.ownProfile, {});
  return db.transaction(async (tx) => {
    if (!(await repo.deleteConflict(tx, actor.userId, organisationId))) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, meta, {
      action: 'reviewer_conflict.withdrawn',
      entityType: 'user',
      entityId: actor.userId,
      before: { organisationId },
    });
    return loadProfile(tx, actor.userId);
  });
}

/** The reviewer pool (officers): reviewers by theme, province and text, with loads and a call's invitation status. */
export async function listReviewers(
  db: DbOrTx,
  actor: Actor,
  query: ReviewerListQuery,
): Promise<ReviewerListItem[]> {
  authorize(actor, reviewersPolicy.manage, {});
  const rows = await repo.listReviewers(db, {
    theme: query.theme,
    province: query.province,
    search: query.search || undefined,
    callId: query.callId,
  });
  return rows.map(toListItem);
}

/** One reviewer's profile and declared conflicts (officers). */
export async function getReviewer(db: DbOrTx, actor: Actor, userId: string): Promise<ReviewerProfile> {
  authorize(actor, reviewersPolicy.manage, {});
  return loadProfile(db, userId);
}

/** An officer's change to a reviewer's profile (e.g. the maximum load, or setting them inactive). */
export async function updateReviewer(
  db: Database,
  actor: Actor,
  userId: string,
  body: UpdateReviewerBody,
  meta: RequestMeta,
): Promise<ReviewerProfile> {
  authorize(actor, reviewersPolicy.manage, {});
  if (!(await repo.hasRole(db, userId, 'reviewer'))) {
    throw new AppError('NOT_FOUND');
  }
  return saveProfile(db, userId, body, meta);
}

// ---- Invitations ----------------------------------------------------------------------------------------------------

const titleIn = (lang: Language, th: string, en: string | null) => (lang === 'en' && en ? en : th);

/**
 * Invites reviewers (accounts with the reviewer role) to review a call: each gets an email and an in-app message.
 * Someone already invited or accepted is left as is; someone who declined is invited again. Per-id failures are
 * reported, the others go ahead.
 */
export async function inviteReviewers(
  db: Database,
  actor: Actor,
  callId: string,
  body: InviteReviewersBody,
  meta: RequestMeta,
  now: Date,
  lang: Language,
): Promise<InviteResult> {
  const call = await getManagedCall(db, actor, callId);
  const result: InviteResult = { invited: [], failed: [] };
  for (const reviewerId of [...new Set(body.reviewerIds)]) {
    const fail = (code: string, key: string) =>
      result.failed.push({ id: reviewerId, code, message: translate(lang, key) });
    const contact = await repo.findContact(db, reviewerId);
    if (!contact || contact.erasedAt || !contact.email || !(await repo.hasRole(db, reviewerId, 'reviewer'))) {
      fail('NOT_FOUND', 'reviewers.errors.notReviewer');
      continue;
    }
    const email = contact.email;
    await db.transaction(async (tx) => {
      const existing = await repo.findCallReviewer(tx, callId, reviewerId, true);
      if (existing && !canMoveInvitation(existing.status as InvitationStatus, 'invited')) {
        fail('INVALID_STATE', `reviewers.errors.alreadyInvited.${existing.status}`);
        return;
      }
      await repo.upsertInvitation(tx, callId, reviewerId, actor.userId, now);
      await recordAudit(tx, meta, {
        action: 'call_reviewer.invited',
        entityType: 'call',
        entityId: callId,
        before: existing ? { reviewerId, status: existing.status } : null,
        after: { reviewerId, status: 'invited' },
      });
      const params = (l: Language) => ({ call: `${call.code} ${titleIn(l, call.titleTh, call.titleEn)}` });
      await notifyUsers(tx, [reviewerId], { kind: 'review_invitation', params, link: '/reviews' });
      const readerLang = langOf(contact.locale);
      await queueEmail(tx, {
        to: email,
        template: 'review_invitation',
        lang: readerLang,
        params: {
          name: contact.name,
          ...params(readerLang),
          message: body.message || translate(readerLang, 'reviewers.email.noMessage'),
        },
        link: `${publicBase}/reviews`,
      });
      result.invited.push(reviewerId);
    });
  }
  return result;
}

/** The reviewers invited to a call, with their answers and loads (officers). */
export async function listCallReviewers(db: DbOrTx, actor: Actor, callId: string): Promise<CallReviewer[]> {
  await getManagedCall(db, actor, callId);
  const rows = await repo.listCallReviewers(db, callId);
  return rows.map((r) => ({
    reviewerId: r.invitation.reviewerId,
    name: r.name,
    email: r.email ?? '',
    affiliation: r.affiliation ?? '',
    themes: (r.themes ?? []) as ThemeCode[],
    status: r.invitation.status as InvitationStatus,
    invitedAt: iso(r.invitation.invitedAt),
    respondedAt: isoOrNull(r.invitation.respondedAt),
    declineReason: r.invitation.declineReason,
    assignedInCall: r.assignedInCall,
    activeLoad: r.activeLoad,
    maxLoad: r.maxLoad ?? DEFAULT_PROFILE.maxLoad,
  }));
}

/** The invited reviewer accepts or declines reviewing the call (once; audited). */
export async function respondToInvitation(
  db: Database,
  actor: Actor,
  callId: string,
  answer: 'accepted' | 'declined',
  body: DeclineInvitationBody | null,
  meta: RequestMeta,
  now: Date,
): Promise<MyReviews> {
  await db.transaction(async (tx) => {
    const invitation = await repo.findCallReviewer(tx, callId, actor.userId, true);
    if (!invitation) {
      throw new AppError('NOT_FOUND');
    }
    if (!canMoveInvitation(invitation.status as InvitationStatus, answer)) {
      throw new AppError('INVALID_STATE', 'reviewers.errors.invitationAnswered');
    }
    const reason = answer === 'declined' ? (body?.reason ?? '') : null;
    await repo.setInvitationStatus(tx, callId, actor.userId, answer, now, reason);
    await recordAudit(tx, meta, {
      action: `call_reviewer.${answer}`,
      entityType: 'call',
      entityId: callId,
      before: { reviewerId: actor.userId, status: invitation.status },
      after: { reviewerId: actor.userId, status: answer, ...(reason ? { reason } : {}) },
    });
  });
  return listMyReviews(db, actor);
}

// ---- Assignment -----------------------------------------------------------------------------------------------------

/** An assignment as other modules see it. */
export interface AssignmentRecord {
  id: string;
  callId: string;
  proposalId: string;
  stage: ReviewStage;
  reviewerId: string;
  status: AssignmentStatus;
}

function toRecord(row: repo.AssignmentRow): AssignmentRecord {
  return {
    id: row.id,
    callId: row.callId,
    proposalId: row.proposalId,
    stage: row.stage as ReviewStage,
    reviewerId: row.reviewerId,
    status: row.status as AssignmentStatus,
  };
}

/** The refusal for a reviewer whose assignment is not open: its catalogue message and a machine-readable reason. */
export function closedAssignmentError(status: Exclude<AssignmentStatus, 'active'>): AppError {
  switch (status) {
    case 'pending_coi':
      return new AppError('FORBIDDEN', 'reviewers.errors.coiRequired', { reason: 'COI_REQUIRED' });
    case 'recused':
      return new AppError('FORBIDDEN', 'reviewers.errors.recused', { reason: 'RECUSED' });
    case 'declined':
      return new AppError('FORBIDDEN', 'reviewers.errors.declined', { reason: 'DECLINED' });
    case 'removed':
      return new AppError('FORBIDDEN', 'reviewers.errors.removed', { reason: 'REMOVED' });
  }
}

/**
 * The actor's own assignment, open for reading and scoring the proposal. NOT_FOUND unless the actor is its
 * reviewer; FORBIDDEN (details.reason COI_REQUIRED | RECUSED | DECLINED | REMOVED) unless it is active, i.e. the
 * reviewer has declared no conflict of interest and was not recused, did not decline and was not removed.
 */
export async function getOpenAssignment(
  db: DbOrTx,
  actor: Actor,
  assignmentId: string,
): Promise<AssignmentRecord> {
  const row = await repo.findAssignment(db, assignmentId);
  if (!row || row.reviewerId !== actor.userId) {
    throw new AppError('NOT_FOUND');
  }
  const record = toRecord(row);
  if (record.status !== 'active') {
    throw closedAssignmentError(record.status);
  }
  return record;
}

/** Every assignment of a proposal at a stage, oldest first, in any status (no authorization: for officer services). */
export async function listAssignmentsForProposal(
  db: DbOrTx,
  proposalId: string,
  stage: ReviewStage,
): Promise<AssignmentRecord[]> {
  return (await repo.listAssignmentsOfProposal(db, proposalId, stage)).map(toRecord);
}

const LIVE: readonly AssignmentStatus[] = ['pending_coi', 'active'];

async function tiesOf(
  tx: DbOrTx,
  userIds: readonly string[],
  organisationIds: readonly string[],
): Promise<Ties> {
  const found = await repo.listOrganisationTies(tx, userIds, [...new Set(organisationIds)]);
  return {
    members: new Set(found.members.map((t) => tieKey(t.userId, t.organisationId))),
    declared: new Set(found.declared.map((t) => tieKey(t.userId, t.organisationId))),
  };
}

function reasonOf(row: repo.AssignmentRow): AssignmentReason {
  const parsed = AssignmentReasonSchema.safeParse(row.reason);
  return parsed.success
    ? parsed.data
    : {
        rule: row.origin === 'auto' ? 'auto' : 'manual',
        themeMatches: [],
        load: 0,
        maxLoad: null,
        note: '',
        replaces: null,
      };
}

interface NewAssignment {
  callId: string;
  proposalId: string;
  stage: string;
  reviewerId: string;
  origin: 'auto' | 'manual';
  reason: AssignmentReason;
  assignedBy: string | null;
}

/** Inserts one assignment and audits it. */
async function createAssignment(
  tx: DbOrTx,
  meta: RequestMeta,
  input: NewAssignment,
): Promise<repo.AssignmentRow> {
  const row = await repo.insertAssignment(tx, { ...input, status: 'pending_coi' });
  await recordAudit(tx, meta, {
    action: 'review_assignment.created',
    entityType: 'review_assignment',
    entityId: row.id,
    after: {
      proposalId: row.proposalId,
      stage: row.stage,
      reviewerId: row.reviewerId,
      status: row.status,
      origin: row.origin,
      reason: input.reason,
    },
  });
  return row;
}

/** Tells reviewers about new assignments: in the app and by email, one message per reviewer. */
async function notifyAssigned(
  tx: DbOrTx,
  call: { code: string; titleTh: string; titleEn: string },
  counts: ReadonlyMap<string, number>,
): Promise<void> {
  for (const [reviewerId, count] of counts) {
    const contact = await repo.findContact(tx, reviewerId);
    if (!contact || contact.erasedAt) {
      continue;
    }
    const params = (l: Language) => ({
      call: `${call.code} ${titleIn(l, call.titleTh, call.titleEn)}`,
      count: String(count),
    });
    await notifyUsers(tx, [reviewerId], { kind: 'review_assigned', params, link: '/reviews' });
    if (contact.email) {
      const lang = langOf(contact.locale);
      await queueEmail(tx, {
        to: contact.email,
        template: 'review_assigned',
        lang,
        params: { name: contact.name, ...params(lang) },
        link: `${publicBase}/reviews`,
      });
    }
  }
}

/**
 * Automatic assignment (officers): every proposal up for review at the stage gets reviewers until it has
 * settings.reviewersPerProposal live ones (pending or active), chosen among the reviewers who accepted the call, with
 * no conflict, under their maximum load, by theme match then load then id (see reviewers.matching). The call row is
 * locked, so two runs of one call do not both fill the same gap. Each assignment is audited and stores why it was
 * made; reviewers are told.
 */
export async function autoAssign(
  db: Database,
  actor: Actor,
  callId: string,
  stage: ReviewStage,
  meta: RequestMeta,
): Promise<AutoAssignResult> {
  const call = await getManagedCall(db, actor, callId);
  return db.transaction(async (tx) => {
    await lockCall(tx, callId);
    const settings = await getReviewSettings(tx, callId);
    const proposals = await repo.listProposalsUpForReview(tx, callId, stage);
    const candidates = await repo.listCandidates(tx, callId);
    const organisations = await repo.listProposalOrganisations(
      tx,
      proposals.map((p) => p.id),
    );
    const existing = await repo.listAssignmentsOfProposals(
      tx,
      proposals.map((p) => p.id),
      stage,
    );
    const ties = await tiesOf(
      tx,
      candidates.map((c) => c.userId),
      [...organisations.values()].flat(),
    );
    const targets = proposals.map((p) => {
      const mine = existing.filter((a) => a.proposalId === p.id);
      const live = mine.filter((a) => LIVE.includes(a.status as AssignmentStatus)).length;
      return {
        id: p.id,
        themes: p.themes,
        provinceCodes: p.provinceCodes,
        organisationIds: organisations.get(p.id) ?? [],
        excluded: new Set(mine.map((a) => a.reviewerId)),
        needed: settings.reviewersPerProposal - live,
      };
    });
    const plan = planAssignments(targets, candidates, ties, settings.sameProvinceConflict);
    const counts = new Map<string, number>();
    for (const pick of plan.picks) {
      await createAssignment(tx, meta, {
        callId,
        proposalId: pick.proposalId,
        stage,
        reviewerId: pick.reviewerId,
        origin: 'auto',
        reason: {
          rule: 'auto',
          themeMatches: pick.themeMatches,
          load: pick.load,
          maxLoad: pick.maxLoad,
          note: '',
          replaces: null,
        },
        assignedBy: actor.userId,
      });
      counts.set(pick.reviewerId, (counts.get(pick.reviewerId) ?? 0) + 1);
    }
    await notifyAssigned(tx, call, counts);
    return { created: plan.picks.length, shortfalls: plan.shortfalls };
  });
}

/** The conflicts between one reviewer and one proposal (for manual assignment). */
async function conflictRulesFor(
  tx: DbOrTx,
  reviewer: Pick<Candidate, 'userId' | 'provinceCodes'>,
  proposalId: string,
  proposalProvinces: readonly number[],
  sameProvince: boolean,
): Promise<ConflictRule[]> {
  const organisationIds = (await repo.listProposalOrganisations(tx, [proposalId])).get(proposalId) ?? [];
  const ties = await tiesOf(tx, [reviewer.userId], organisationIds);
  return conflictsOf(reviewer, { organisationIds, provinceCodes: proposalProvinces }, ties, sameProvince);
}

/**
 * An officer assigns a chosen reviewer to a proposal up for review, with a note. The reviewer must have accepted the
 * call and have no conflict with the proposal (409 with the rules broken); a reviewer removed earlier is assigned
 * again. Above the reviewer's maximum load is allowed (the officer decides) and recorded in the reason. Audited.
 */
export async function assignManually(
  db: Database,
  actor: Actor,
  callId: string,
  body: ManualAssignBody,
  meta: RequestMeta,
): Promise<ProposalAssignments> {
  const call = await getManagedCall(db, actor, callId);
  await db.transaction(async (tx) => {
    await lockCall(tx, callId);
    const target = await repo.findReviewTarget(tx, body.proposalId);
    if (!target || target.callId !== callId) {
      throw new AppError('NOT_FOUND');
    }
    if (target.stage !== body.stage || target.status !== 'submitted' || target.phase !== 'review') {
      throw new AppError('INVALID_STATE', 'reviewers.errors.notUpForReview');
    }
    const invitation = await repo.findCallReviewer(tx, callId, body.reviewerId);
    if (invitation?.status !== 'accepted') {
      throw invalidField('body.reviewerId', 'reviewers.errors.notAccepted');
    }
    const candidate = (await repo.listCandidates(tx, callId)).find((c) => c.userId === body.reviewerId);
    if (!candidate) {
      throw invalidField('body.reviewerId', 'reviewers.errors.inactive');
    }
    const settings = await getReviewSettings(tx, callId);
    const rules = await conflictRulesFor(
      tx,
      candidate,
      target.id,
      target.provinceCodes,
      settings.sameProvinceConflict,
    );
    if (rules.length > 0) {
      throw new AppError('CONFLICT', 'reviewers.errors.hasConflict', {
        rules,
        issues: rules.map((r) => ({
          field: 'body.reviewerId',
          code: r,
          message: `reviewers.errors.conflictRule.${r}`,
        })),
      });
    }
    const reason: AssignmentReason = {
      rule: 'manual',
      themeMatches: target.themes.filter((t) => candidate.themes.includes(t)),
      load: candidate.load,
      maxLoad: candidate.maxLoad,
      note: body.note,
      replaces: null,
    };
    const previous = (await repo.listAssignmentsOfProposal(tx, target.id, body.stage)).find(
      (a) => a.reviewerId === body.reviewerId,
    );
    if (previous) {
      if (previous.status !== 'removed') {
        throw new AppError('CONFLICT', `reviewers.errors.alreadyAssigned.${previous.status}`);
      }
      await repo.updateAssignment(tx, previous.id, {
        status: 'pending_coi',
        origin: 'manual',
        reason,
        assignedBy: actor.userId,
        coiStatement: null,
        coiDeclaredAt: null,
        declineReason: null,
      });
      await recordAudit(tx, meta, {
        action: 'review_assignment.reinstated',
        entityType: 'review_assignment',
        entityId: previous.id,
        before: { status: previous.status },
        after: { status: 'pending_coi', reason },
      });
    } else {
      await createAssignment(tx, meta, {
        callId,
        proposalId: target.id,
        stage: body.stage,
        reviewerId: body.reviewerId,
        origin: 'manual',
        reason,
        assignedBy: actor.userId,
      });
    }
    await notifyAssigned(tx, call, new Map([[body.reviewerId, 1]]));
  });
  const [result] = await proposalAssignments(db, callId, body.stage, [body.proposalId]);
  if (!result) {
    throw new AppError('NOT_FOUND');
  }
  return result;
}

async function accessOf(tx: DbOrTx, row: repo.AssignmentRow): Promise<AssignmentAccess> {
  const statuses = await repo.reviewStatusesOf(tx, [row.id]);
  return {
    reviewerId: row.reviewerId,
    status: row.status as AssignmentStatus,
    isSubmitted: statuses.get(row.id) === 'submitted',
  };
}

/** An officer removes a live assignment whose review is not submitted (reason kept in the audit log). */
export async function removeAssignment(
  db: Database,
  actor: Actor,
  assignmentId: string,
  body: RemoveAssignmentBody,
  meta: RequestMeta,
): Promise<void> {
  authorize(actor, reviewersPolicy.manage, {});
  await db.transaction(async (tx) => {
    const row = await repo.lockAssignment(tx, assignmentId);
    if (!row) {
      throw new AppError('NOT_FOUND');
    }
    if (!reviewersPolicy.remove(actor, await accessOf(tx, row))) {
      throw new AppError('INVALID_STATE', 'reviewers.errors.cannotRemove');
    }
    await repo.updateAssignment(tx, row.id, { status: 'removed' });
    await recordAudit(tx, meta, {
      action: 'review_assignment.removed',
      entityType: 'review_assignment',
      entityId: row.id,
      before: { status: row.status, reviewerId: row.reviewerId, proposalId: row.proposalId },
      after: { status: 'removed', reason: body.reason },
    });
  });
}

/**
 * After a decline or recusal: the next reviewer by the automatic rules (accepted, no conflict, under their maximum
 * load, not tied to the proposal before) takes the place; null when nobody is left. The old assignment points to the
 * new one.
 */
async function replace(
  tx: DbOrTx,
  meta: RequestMeta,
  old: repo.AssignmentRow,
): Promise<repo.AssignmentRow | null> {
  await lockCall(tx, old.callId);
  const target = await repo.findReviewTarget(tx, old.proposalId);
  if (!target || target.status !== 'submitted' || target.phase !== 'review') {
    return null;
  }
  const settings = await getReviewSettings(tx, old.callId);
  const all = await repo.listAssignmentsOfProposal(tx, old.proposalId, old.stage);
  const live = all.filter((a) => LIVE.includes(a.status as AssignmentStatus)).length;
  if (live >= settings.reviewersPerProposal) {
    return null;
  }
  const candidates = await repo.listCandidates(tx, old.callId);
  const organisationIds =
    (await repo.listProposalOrganisations(tx, [old.proposalId])).get(old.proposalId) ?? [];
  const ties = await tiesOf(
    tx,
    candidates.map((c) => c.userId),
    organisationIds,
  );
  const plan = planAssignments(
    [
      {
        id: old.proposalId,
        themes: target.themes,
        provinceCodes: target.provinceCodes,
        organisationIds,
        excluded: new Set(all.map((a) => a.reviewerId)),
        needed: 1,
      },
    ],
    candidates,
    ties,
    settings.sameProvinceConflict,
  );
  const pick = plan.picks[0];
  if (!pick) {
    return null;
  }
  const created = await createAssignment(tx, meta, {
    callId: old.callId,
    proposalId: old.proposalId,
    stage: old.stage,
    reviewerId: pick.reviewerId,
    origin: 'auto',
    reason: {
      rule: 'replacement',
      themeMatches: pick.themeMatches,
      load: pick.load,
      maxLoad: pick.maxLoad,
      note: '',
      replaces: old.id,
    },
    assignedBy: null,
  });
  await repo.updateAssignment(tx, old.id, { replacedBy: created.id });
  const call = await repo.findProposalForReviewer(tx, old.proposalId);
  if (call) {
    await notifyAssigned(
      tx,
      { code: call.callCode, titleTh: call.callTitleTh, titleEn: call.callTitleEn },
      new Map([[pick.reviewerId, 1]]),
    );
  }
  return created;
}

/**
 * The reviewer declares, before opening the proposal, whether they have a conflict of interest. None → the
 * assignment becomes active; a conflict (with a statement) → recused, and another reviewer is assigned in their place
 * when one is available. Audited.
 */
export async function declareConflict(
  db: Database,
  actor: Actor,
  assignmentId: string,
  body: DeclareConflictBody,
  meta: RequestMeta,
  now: Date,
): Promise<MyReviews> {
  await db.transaction(async (tx) => {
    const row = await repo.lockAssignment(tx, assignmentId);
    if (!row || row.reviewerId !== actor.userId) {
      throw new AppError('NOT_FOUND');
    }
    if (!reviewersPolicy.declare(actor, await accessOf(tx, row))) {
      throw new AppError('INVALID_STATE', 'reviewers.errors.alreadyDeclared');
    }
    if (body.hasConflict && !body.statement) {
      throw invalidField('body.statement', 'reviewers.errors.statementRequired');
    }
    const status: AssignmentStatus = body.hasConflict ? 'recused' : 'active';
    await repo.updateAssignment(tx, row.id, {
      status,
      coiStatement: body.statement || null,
      coiDeclaredAt: now,
    });
    await recordAudit(tx, meta, {
      action: body.hasConflict ? 'review_assignment.recused' : 'review_assignment.no_conflict_declared',
      entityType: 'review_assignment',
      entityId: row.id,
      before: { status: row.status },
      after: { status, statement: body.statement },
    });
    if (body.hasConflict) {
      await replace(tx, meta, row);
    }
  });
  return listMyReviews(db, actor);
}

/** The reviewer declines an assignment (with a reason) before submitting; another reviewer takes the place. */
export async function declineAssignment(
  db: Database,
  actor: Actor,
  assignmentId: string,
  body: DeclineAssignmentBody,
  meta: RequestMeta,
): Promise<MyReviews> {
  await db.transaction(async (tx) => {
    const row = await repo.lockAssignment(tx, assignmentId);
    if (!row || row.reviewerId !== actor.userId) {
      throw new AppError('NOT_FOUND');
    }
    if (!reviewersPolicy.decline(actor, await accessOf(tx, row))) {
      throw new AppError('INVALID_STATE', 'reviewers.errors.cannotDecline');
    }
    await repo.updateAssignment(tx, row.id, { status: 'declined', declineReason: body.reason });
    await recordAudit(tx, meta, {
      action: 'review_assignment.declined',
      entityType: 'review_assignment',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'declined', reason: body.reason },
    });
    await replace(tx, meta, row);
  });
  return listMyReviews(db, actor);
}

async function proposalAssignments(
  db: DbOrTx,
  callId: string,
  stage: ReviewStage,
  only?: readonly string[],
): Promise<ProposalAssignments[]> {
  const proposals = (await repo.listProposalsForAssignment(db, callId, stage)).filter(
    (p) => !only || only.includes(p.id),
  );
  return withAssignments(db, proposals, stage);
}

type AssignmentProposalRow = Awaited<ReturnType<typeof repo.listProposalsForAssignment>>[number];

/** The proposals with their assignments at the stage, named, with why each was made and the review's status. */
async function withAssignments(
  db: DbOrTx,
  proposals: readonly AssignmentProposalRow[],
  stage: ReviewStage,
): Promise<ProposalAssignments[]> {
  const rows = await repo.listAssignmentsOfProposals(
    db,
    proposals.map((p) => p.id),
    stage,
  );
  const names = await repo.listUserNames(db, [...new Set(rows.map((r) => r.reviewerId))]);
  const statuses = await repo.reviewStatusesOf(
    db,
    rows.map((r) => r.id),
  );
  return proposals.map((p) => {
    const assignments: Assignment[] = rows
      .filter((r) => r.proposalId === p.id)
      .map((r) => ({
        id: r.id,
        callId: r.callId,
        proposalId: r.proposalId,
        stage: r.stage as ReviewStage,
        reviewerId: r.reviewerId,
        reviewerName: names.get(r.reviewerId)?.name ?? '',
        reviewerEmail: names.get(r.reviewerId)?.email ?? '',
        status: r.status as AssignmentStatus,
        origin: r.origin === 'manual' ? 'manual' : 'auto',
        reason: reasonOf(r),
        coiStatement: r.coiStatement,
        coiDeclaredAt: isoOrNull(r.coiDeclaredAt),
        declineReason: r.declineReason,
        replacedBy: r.replacedBy,
        reviewStatus: statuses.get(r.id) ?? null,
        createdAt: iso(r.createdAt),
        version: r.version,
      }));
    return {
      proposalId: p.id,
      receiptNumber: p.receiptNumber,
      titleTh: p.titleTh,
      titleEn: p.titleEn,
      organisationNameTh: p.organisationNameTh,
      organisationNameEn: p.organisationNameEn,
      provinceCodes: p.provinceCodes,
      themes: p.themes,
      assignedCount: assignments.filter((a) => LIVE.includes(a.status)).length,
      assignments,
    };
  });
}

/** The call's proposals up for review at a stage with their assignments and why each was made (officers). */
export async function listCallAssignments(
  db: DbOrTx,
  actor: Actor,
  callId: string,
  stage: ReviewStage,
): Promise<ProposalAssignments[]> {
  await getManagedCall(db, actor, callId);
  return proposalAssignments(db, callId, stage);
}

/**
 * One proposal's assignments at a stage (default: the proposal's own) with why each was made, in any phase, and
 * whether it is up for review now (officers only: reviewers' names are never shown to applicants or other reviewers).
 */
export async function getProposalAssignments(
  db: DbOrTx,
  actor: Actor,
  proposalId: string,
  query: ProposalAssignmentsQuery,
): Promise<ProposalAssignmentsDetail> {
  authorize(actor, reviewersPolicy.manage, {});
  const proposal = await repo.findProposalForAssignment(db, proposalId);
  if (!proposal) {
    throw new AppError('NOT_FOUND');
  }
  await getVisibleCall(db, actor, proposal.callId);
  const stage = query.stage ?? (proposal.stage as ReviewStage);
  const [result] = await withAssignments(db, [proposal], stage);
  if (!result) {
    throw new AppError('NOT_FOUND');
  }
  return {
    ...result,
    callId: proposal.callId,
    stage,
    isUpForReview: proposal.phase === 'review' && proposal.status === 'submitted' && proposal.stage === stage,
  };
}

// ---- The reviewer's side --------------------------------------------------------------------------------------------

/**
 * The signed-in person's invitations and assignments. Before and after declaring, an assignment shows only the
 * call, the proposal's title and its organisation — or no organisation when the call hides applicants.
 */
export async function listMyReviews(db: DbOrTx, actor: Actor): Promise<MyReviews> {
  const invitations = await repo.listMyInvitations(db, actor.userId);
  const assignments = await repo.listMyAssignments(db, actor.userId);
  return {
    invitations: invitations.map((i) => ({
      callId: i.invitation.callId,
      callCode: i.callCode,
      callTitleTh: i.callTitleTh,
      callTitleEn: i.callTitleEn,
      fiscalYear: i.fiscalYear,
      status: i.invitation.status as InvitationStatus,
      invitedAt: iso(i.invitation.invitedAt),
      respondedAt: isoOrNull(i.invitation.respondedAt),
    })),
    assignments: assignments.map((a) => {
      const isBlind = a.blindApplicants === true;
      const scrub = isBlind ? makeScrubber([a.organisationNameTh, a.organisationNameEn]) : (t: string) => t;
      return {
        id: a.assignment.id,
        callId: a.assignment.callId,
        callCode: a.callCode,
        callTitleTh: a.callTitleTh,
        callTitleEn: a.callTitleEn,
        proposalId: a.assignment.proposalId,
        stage: a.assignment.stage as ReviewStage,
        titleTh: scrub(a.titleTh),
        titleEn: scrub(a.titleEn),
        organisationNameTh: isBlind ? null : a.organisationNameTh,
        organisationNameEn: isBlind ? null : a.organisationNameEn,
        isBlind,
        status: a.assignment.status as AssignmentStatus,
        reviewStatus: a.reviewStatus,
        coiDeclaredAt: isoOrNull(a.assignment.coiDeclaredAt),
        createdAt: iso(a.assignment.createdAt),
      };
    }),
  };
}

/**
 * The proposal of an open assignment (see getOpenAssignment): its answers with the form they answer. When the call
 * hides applicants: no organisation or co-applicants, identifying answers withheld, names and addresses of the
 * applicants blanked out wherever they appear, and attachments under neutral names.
 */
export async function getAssignmentProposal(
  db: DbOrTx,
  actor: Actor,
  assignmentId: string,
): Promise<ReviewerProposal> {
  const assignment = await getOpenAssignment(db, actor, assignmentId);
  const found = await repo.findProposalForReviewer(db, assignment.proposalId);
  if (!found) {
    throw new AppError('NOT_FOUND');
  }
  const settings = await getReviewSettings(db, assignment.callId);
  const form = await getForm(db, found.proposal.formId);
  const coApplicants = await repo.listCoApplicants(db, assignment.proposalId);
  const attachments = await repo.listAttachments(db, assignment.proposalId);
  const p = found.proposal;
  const base: ReviewerProposal = {
    assignmentId: assignment.id,
    proposalId: p.id,
    callId: p.callId,
    callCode: found.callCode,
    callTitleTh: found.callTitleTh,
    callTitleEn: found.callTitleEn,
    stage: assignment.stage,
    titleTh: p.titleTh,
    titleEn: p.titleEn,
    isBlind: false,
    organisationNameTh: found.organisation.nameTh,
    organisationNameEn: found.organisation.nameEn,
    coApplicants: coApplicants.map((c) => ({ nameTh: c.nameTh, nameEn: c.nameEn })),
    requestedSatang: Number(p.requestedSatang),
    provinceCodes: p.provinceCodes,
    themes: p.themes,
    submittedAt: isoOrNull(p.submittedAt),
    definition: form.definition,
    answers: p.answers,
    redactedQuestionIds: [],
    attachments: attachments.map((a) => ({
      id: a.id,
      questionId: a.questionId,
      fileName: a.fileName,
      contentType: a.contentType,
      sizeBytes: a.sizeBytes,
    })),
  };
  if (!settings.blindApplicants) {
    return base;
  }
  const people = await repo.listIdentifyingPeople(
    db,
    [found.organisation.id, ...coApplicants.map((c) => c.id)],
    p.createdBy,
  );
  const o = found.organisation;
  const identifying = [
    o.nameTh,
    o.nameEn,
    o.juristicId,
    o.communityEnterpriseCode,
    o.contactEmail,
    o.contactPhone,
    o.website,
    o.addressLine,
    ...coApplicants.flatMap((c) => [c.nameTh, c.nameEn, c.juristicId, c.contactEmail]),
    ...people.flatMap((person) => [person.name, person.email, person.phone]),
  ];
  return blindProposal(base, form.definition, identifying);
}

/**
 * The proposal's titles as a reviewer may see them: as written, or with the applicants' names blanked out when the
 * call hides applicants. For other modules that show reviewers the title (the scoring sheet).
 */
export async function getReviewerFacingTitles(
  db: DbOrTx,
  assignment: Pick<AssignmentRecord, 'callId' | 'proposalId'>,
): Promise<{ titleTh: string; titleEn: string }> {
  const found = await repo.findProposalForReviewer(db, assignment.proposalId);
  if (!found) {
    throw new AppError('NOT_FOUND');
  }
  const { titleTh, titleEn } = found.proposal;
  if (!(await getReviewSettings(db, assignment.callId)).blindApplicants) {
    return { titleTh, titleEn };
  }
  const coApplicants = await repo.listCoApplicants(db, assignment.proposalId);
  const people = await repo.listIdentifyingPeople(
    db,
    [found.organisation.id, ...coApplicants.map((c) => c.id)],
    found.proposal.createdBy,
  );
  const scrub = makeScrubber([
    found.organisation.nameTh,
    found.organisation.nameEn,
    found.organisation.juristicId,
    ...coApplicants.flatMap((c) => [c.nameTh, c.nameEn]),
    ...people.flatMap((person) => [person.name, person.email]),
  ]);
  return { titleTh: scrub(titleTh), titleEn: scrub(titleEn) };
}

/** An attachment of an open assignment's proposal; under a neutral name when the call hides applicants. */
export async function readAssignmentAttachment(
  db: DbOrTx,
  storage: FileStorage,
  actor: Actor,
  assignmentId: string,
  attachmentId: string,
): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const assignment = await getOpenAssignment(db, actor, assignmentId);
  const attachments = await repo.listAttachments(db, assignment.proposalId);
  const index = attachments.findIndex((a) => a.id === attachmentId);
  const attachment = attachments[index];
  if (!attachment) {
    throw new AppError('NOT_FOUND');
  }
  const settings = await getReviewSettings(db, assignment.callId);
  return {
    fileName: settings.blindApplicants ? neutralFileName(index, attachment.fileName) : attachment.fileName,
    contentType: attachment.contentType,
    bytes: await storage.get(attachment.storageKey),
  };
}
