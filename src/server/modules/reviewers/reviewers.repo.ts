/**
 * All SQL of the reviewers module: review settings, reviewer profiles and standing conflicts, invitations to review a
 * call and review assignments. It also READS proposals, organisations, their members, users and reviews (tables owned
 * by other modules) to find conflicts of interest, count reviewers' loads and show a reviewer what they may see.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  callReviewers,
  callReviewSettings,
  calls,
  organisationMembers,
  organisations,
  proposalAttachments,
  proposalCoApplicants,
  proposalReviewStates,
  proposals,
  reviewAssignments,
  reviewerConflicts,
  reviewerProfiles,
  reviews,
  userRoles,
  users,
} from '@server/db/schema/index';

export type ReviewSettingsRow = typeof callReviewSettings.$inferSelect;
export type ReviewSettingsChanges = Partial<
  Omit<typeof callReviewSettings.$inferInsert, 'callId' | 'version' | 'createdAt' | 'updatedAt'>
>;
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type ProfileRow = typeof reviewerProfiles.$inferSelect;
export type ProfileValues = Omit<
  typeof reviewerProfiles.$inferInsert,
  'userId' | 'version' | 'createdAt' | 'updatedAt'
>;
export type CallReviewerRow = typeof callReviewers.$inferSelect;

/** `%`, `_` and `\\` stand for themselves in an ILIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Assignments that count towards a reviewer's load: pending or active, and not yet submitted. */
const loadOf = (userId: SQL | string) => sql<number>`(SELECT count(*)::int FROM ${reviewAssignments} ra
  WHERE ra.reviewer_id = ${userId} AND ra.status IN ('pending_coi', 'active')
  AND NOT EXISTS (SELECT 1 FROM ${reviews} rv WHERE rv.assignment_id = ra.id AND rv.status = 'submitted'))`;

// ---- Settings -------------------------------------------------------------------------------------------------------

export async function findReviewSettings(db: DbOrTx, callId: string): Promise<ReviewSettingsRow | null> {
  const [row] = await db.select().from(callReviewSettings).where(eq(callReviewSettings.callId, callId));
  return row ?? null;
}

/** Creates the call's settings row; false when one exists already (someone else saved first). */
export async function insertReviewSettings(
  db: DbOrTx,
  callId: string,
  values: ReviewSettingsChanges,
): Promise<boolean> {
  const rows = await db
    .insert(callReviewSettings)
    .values({ ...values, callId })
    .onConflictDoNothing()
    .returning({ callId: callReviewSettings.callId });
  return rows.length > 0;
}

/** Changes the settings if `version` is still current. */
export async function updateReviewSettings(
  db: DbOrTx,
  callId: string,
  version: number,
  values: ReviewSettingsChanges,
): Promise<boolean> {
  const rows = await db
    .update(callReviewSettings)
    .set({ ...values, version: sql`${callReviewSettings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(callReviewSettings.callId, callId), eq(callReviewSettings.version, version)))
    .returning({ callId: callReviewSettings.callId });
  return rows.length > 0;
}

// ---- Profiles and conflicts -----------------------------------------------------------------------------------------

export async function hasRole(db: DbOrTx, userId: string, role: string): Promise<boolean> {
  const rows = await db
    .select({ userId: userRoles.userId })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
  return rows.length > 0;
}

export interface ReviewerRow {
  userId: string;
  name: string;
  email: string | null;
  profile: ProfileRow | null;
  activeLoad: number;
  conflictCount: number;
  invitationStatus: string | null;
}

export interface ReviewerFilter {
  userIds?: readonly string[] | undefined;
  theme?: string | undefined;
  province?: number | undefined;
  search?: string | undefined;
  callId?: string | undefined;
}

/** Accounts with the reviewer role (not erased), with their profile, load and standing in a call. */
export async function listReviewers(db: DbOrTx, filter: ReviewerFilter, limit = 500): Promise<ReviewerRow[]> {
  const conditions: Array<SQL | undefined> = [
    sql`EXISTS (SELECT 1 FROM ${userRoles} ur WHERE ur.user_id = ${users.id} AND ur.role = 'reviewer')`,
    sql`${users.erasedAt} IS NULL`,
  ];
  if (filter.userIds) {
    conditions.push(filter.userIds.length > 0 ? inArray(users.id, [...filter.userIds]) : sql`false`);
  }
  if (filter.theme) {
    conditions.push(sql`${reviewerProfiles.themes} @> ARRAY[${filter.theme}]::text[]`);
  }
  if (filter.province) {
    conditions.push(sql`${reviewerProfiles.provinceCodes} @> ARRAY[${filter.province}]::smallint[]`);
  }
  if (filter.search) {
    const pattern = `%${escapeLike(filter.search)}%`;
    conditions.push(
      sql`(${users.name} ILIKE ${pattern} OR ${users.email} ILIKE ${pattern} OR ${reviewerProfiles.affiliation} ILIKE ${pattern}
        OR ${reviewerProfiles.expertiseTh} ILIKE ${pattern} OR ${reviewerProfiles.expertiseEn} ILIKE ${pattern})`,
    );
  }
  const invitation = filter.callId
    ? sql<
        string | null
      >`(SELECT cr.status FROM ${callReviewers} cr WHERE cr.call_id = ${filter.callId} AND cr.reviewer_id = ${users.id})`
    : sql<string | null>`NULL::text`;
  const rows = await db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      profile: reviewerProfiles,
      activeLoad: loadOf(sql`${users.id}`),
      conflictCount: sql<number>`(SELECT count(*)::int FROM ${reviewerConflicts} rc WHERE rc.reviewer_id = ${users.id})`,
      invitationStatus: invitation,
    })
    .from(users)
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, users.id))
    .where(and(...conditions))
    .orderBy(asc(users.name), asc(users.id))
    .limit(limit);
  return rows.map((r) => ({
    ...r,
    activeLoad: Number(r.activeLoad),
    conflictCount: Number(r.conflictCount),
  }));
}

export async function findProfile(db: DbOrTx, userId: string): Promise<ProfileRow | null> {
  const [row] = await db.select().from(reviewerProfiles).where(eq(reviewerProfiles.userId, userId));
  return row ?? null;
}

/** Creates the profile; false when one exists already. */
export async function insertProfile(db: DbOrTx, userId: string, values: ProfileValues): Promise<boolean> {
  const rows = await db
    .insert(reviewerProfiles)
    .values({ ...values, userId })
    .onConflictDoNothing()
    .returning({ userId: reviewerProfiles.userId });
  return rows.length > 0;
}

export async function updateProfile(
  db: DbOrTx,
  userId: string,
  version: number,
  values: Partial<ProfileValues>,
): Promise<boolean> {
  const rows = await db
    .update(reviewerProfiles)
    .set({ ...values, version: sql`${reviewerProfiles.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(reviewerProfiles.userId, userId), eq(reviewerProfiles.version, version)))
    .returning({ userId: reviewerProfiles.userId });
  return rows.length > 0;
}

export async function listConflicts(db: DbOrTx, reviewerId: string) {
  return db
    .select({
      organisationId: reviewerConflicts.organisationId,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      reason: reviewerConflicts.reason,
      createdAt: reviewerConflicts.createdAt,
    })
    .from(reviewerConflicts)
    .innerJoin(organisations, eq(organisations.id, reviewerConflicts.organisationId))
    .where(eq(reviewerConflicts.reviewerId, reviewerId))
    .orderBy(asc(organisations.nameTh));
}

export async function organisationExists(db: DbOrTx, id: string): Promise<boolean> {
  const rows = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  return rows.length > 0;
}

/** Adds a declared conflict; false when it was declared already. */
export async function insertConflict(
  db: DbOrTx,
  reviewerId: string,
  organisationId: string,
  reason: string,
): Promise<boolean> {
  const rows = await db
    .insert(reviewerConflicts)
    .values({ reviewerId, organisationId, reason })
    .onConflictDoNothing()
    .returning({ reviewerId: reviewerConflicts.reviewerId });
  return rows.length > 0;
}

export async function deleteConflict(
  db: DbOrTx,
  reviewerId: string,
  organisationId: string,
): Promise<boolean> {
  const rows = await db
    .delete(reviewerConflicts)
    .where(
      and(eq(reviewerConflicts.reviewerId, reviewerId), eq(reviewerConflicts.organisationId, organisationId)),
    )
    .returning({ reviewerId: reviewerConflicts.reviewerId });
  return rows.length > 0;
}

// ---- Invitations ----------------------------------------------------------------------------------------------------

export async function findCallReviewer(
  db: DbOrTx,
  callId: string,
  reviewerId: string,
  lock = false,
): Promise<CallReviewerRow | null> {
  const query = db
    .select()
    .from(callReviewers)
    .where(and(eq(callReviewers.callId, callId), eq(callReviewers.reviewerId, reviewerId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function upsertInvitation(
  db: DbOrTx,
  callId: string,
  reviewerId: string,
  invitedBy: string,
  now: Date,
): Promise<void> {
  await db
    .insert(callReviewers)
    .values({ callId, reviewerId, invitedBy, invitedAt: now, status: 'invited' })
    .onConflictDoUpdate({
      target: [callReviewers.callId, callReviewers.reviewerId],
      set: { status: 'invited', invitedBy, invitedAt: now, respondedAt: null, declineReason: null },
    });
}

export async function setInvitationStatus(
  db: DbOrTx,
  callId: string,
  reviewerId: string,
  status: string,
  now: Date,
  declineReason: string | null,
): Promise<void> {
  await db
    .update(callReviewers)
    .set({ status, respondedAt: now, declineReason })
    .where(and(eq(callReviewers.callId, callId), eq(callReviewers.reviewerId, reviewerId)));
}

export async function listCallReviewers(db: DbOrTx, callId: string) {
  const rows = await db
    .select({
      invitation: callReviewers,
      name: users.name,
      email: users.email,
      affiliation: reviewerProfiles.affiliation,
      themes: reviewerProfiles.themes,
      maxLoad: reviewerProfiles.maxLoad,
      activeLoad: loadOf(sql`${callReviewers.reviewerId}`),
      assignedInCall: sql<number>`(SELECT count(*)::int FROM ${reviewAssignments} ra
        WHERE ra.reviewer_id = ${callReviewers.reviewerId} AND ra.call_id = ${callId}
        AND ra.status IN ('pending_coi', 'active'))`,
    })
    .from(callReviewers)
    .innerJoin(users, eq(users.id, callReviewers.reviewerId))
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, callReviewers.reviewerId))
    .where(eq(callReviewers.callId, callId))
    .orderBy(asc(users.name), asc(users.id));
  return rows.map((r) => ({
    ...r,
    activeLoad: Number(r.activeLoad),
    assignedInCall: Number(r.assignedInCall),
  }));
}

export async function listMyInvitations(db: DbOrTx, reviewerId: string) {
  return db
    .select({
      invitation: callReviewers,
      callCode: calls.code,
      callTitleTh: calls.titleTh,
      callTitleEn: calls.titleEn,
      fiscalYear: calls.fiscalYear,
    })
    .from(callReviewers)
    .innerJoin(calls, eq(calls.id, callReviewers.callId))
    .where(eq(callReviewers.reviewerId, reviewerId))
    .orderBy(sql`${callReviewers.invitedAt} DESC`, asc(calls.id));
}

/** People to tell about an invitation or assignment: name, address and language. */
export async function findContact(db: DbOrTx, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      locale: users.locale,
      erasedAt: users.erasedAt,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row ?? null;
}

// ---- Assignment candidates and conflicts ----------------------------------------------------------------------------

export interface CandidateRow {
  userId: string;
  themes: string[];
  provinceCodes: number[];
  maxLoad: number;
  load: number;
}

/** Reviewers who accepted the call's invitation and whose profile is active (no profile: the defaults). */
export async function listCandidates(db: DbOrTx, callId: string): Promise<CandidateRow[]> {
  const rows = await db
    .select({
      userId: callReviewers.reviewerId,
      themes: reviewerProfiles.themes,
      provinceCodes: reviewerProfiles.provinceCodes,
      maxLoad: reviewerProfiles.maxLoad,
      isActive: reviewerProfiles.isActive,
      load: loadOf(sql`${callReviewers.reviewerId}`),
    })
    .from(callReviewers)
    .innerJoin(users, eq(users.id, callReviewers.reviewerId))
    .leftJoin(reviewerProfiles, eq(reviewerProfiles.userId, callReviewers.reviewerId))
    .where(
      and(
        eq(callReviewers.callId, callId),
        eq(callReviewers.status, 'accepted'),
        sql`${users.erasedAt} IS NULL`,
        sql`${users.status} = 'active'`,
      ),
    )
    .orderBy(asc(callReviewers.reviewerId));
  return rows
    .filter((r) => r.isActive !== false)
    .map((r) => ({
      userId: r.userId,
      themes: r.themes ?? [],
      provinceCodes: r.provinceCodes ?? [],
      maxLoad: r.maxLoad ?? 10,
      load: Number(r.load),
    }));
}

export interface ReviewTarget {
  id: string;
  callId: string;
  stage: string;
  organisationId: string;
  provinceCodes: number[];
  themes: string[];
  receiptNumber: string | null;
  submittedAt: Date | string | null;
}

const targetColumns = {
  id: proposals.id,
  callId: proposals.callId,
  stage: proposals.stage,
  organisationId: proposals.organisationId,
  provinceCodes: proposals.provinceCodes,
  themes: proposals.themes,
  receiptNumber: proposals.receiptNumber,
  submittedAt: proposals.submittedAt,
};

/** Proposals up for review at a stage: submitted, in the review phase; earliest submitted first. */
export async function listProposalsUpForReview(
  db: DbOrTx,
  callId: string,
  stage: string,
): Promise<ReviewTarget[]> {
  return db
    .select(targetColumns)
    .from(proposals)
    .innerJoin(proposalReviewStates, eq(proposalReviewStates.proposalId, proposals.id))
    .where(
      and(
        eq(proposals.callId, callId),
        eq(proposals.stage, stage),
        eq(proposals.status, 'submitted'),
        eq(proposalReviewStates.phase, 'review'),
      ),
    )
    .orderBy(asc(proposals.submittedAt), asc(proposals.receiptNumber), asc(proposals.id));
}

export async function findReviewTarget(db: DbOrTx, proposalId: string) {
  const [row] = await db
    .select({ ...targetColumns, status: proposals.status, phase: proposalReviewStates.phase })
    .from(proposals)
    .leftJoin(proposalReviewStates, eq(proposalReviewStates.proposalId, proposals.id))
    .where(eq(proposals.id, proposalId));
  return row ?? null;
}

/** For each proposal: the applicant and co-applicant organisations. */
export async function listProposalOrganisations(
  db: DbOrTx,
  proposalIds: readonly string[],
): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  if (proposalIds.length === 0) {
    return result;
  }
  const rows = await db
    .select({ proposalId: proposals.id, organisationId: proposals.organisationId })
    .from(proposals)
    .where(inArray(proposals.id, [...proposalIds]));
  const co = await db
    .select({
      proposalId: proposalCoApplicants.proposalId,
      organisationId: proposalCoApplicants.organisationId,
    })
    .from(proposalCoApplicants)
    .where(inArray(proposalCoApplicants.proposalId, [...proposalIds]));
  for (const row of [...rows, ...co]) {
    const list = result.get(row.proposalId) ?? [];
    list.push(row.organisationId);
    result.set(row.proposalId, list);
  }
  return result;
}

/** Which of the users belong to which of the organisations (members) or declared a conflict with them. */
export async function listOrganisationTies(
  db: DbOrTx,
  userIds: readonly string[],
  organisationIds: readonly string[],
): Promise<{
  members: Array<{ userId: string; organisationId: string }>;
  declared: Array<{ userId: string; organisationId: string }>;
}> {
  if (userIds.length === 0 || organisationIds.length === 0) {
    return { members: [], declared: [] };
  }
  const members = await db
    .select({ userId: organisationMembers.userId, organisationId: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(
      and(
        inArray(organisationMembers.userId, [...userIds]),
        inArray(organisationMembers.organisationId, [...organisationIds]),
      ),
    );
  const declared = await db
    .select({ userId: reviewerConflicts.reviewerId, organisationId: reviewerConflicts.organisationId })
    .from(reviewerConflicts)
    .where(
      and(
        inArray(reviewerConflicts.reviewerId, [...userIds]),
        inArray(reviewerConflicts.organisationId, [...organisationIds]),
      ),
    );
  return { members, declared };
}

// ---- Assignments ----------------------------------------------------------------------------------------------------

export async function findAssignment(db: DbOrTx, id: string): Promise<AssignmentRow | null> {
  const [row] = await db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id));
  return row ?? null;
}

/** Locks the assignment row for the rest of the transaction. */
export async function lockAssignment(db: DbOrTx, id: string): Promise<AssignmentRow | null> {
  const [row] = await db.select().from(reviewAssignments).where(eq(reviewAssignments.id, id)).for('update');
  return row ?? null;
}

export async function listAssignmentsOfProposal(
  db: DbOrTx,
  proposalId: string,
  stage: string,
): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(reviewAssignments)
    .where(and(eq(reviewAssignments.proposalId, proposalId), eq(reviewAssignments.stage, stage)))
    .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
}

export async function listAssignmentsOfProposals(
  db: DbOrTx,
  proposalIds: readonly string[],
  stage: string,
): Promise<AssignmentRow[]> {
  if (proposalIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(reviewAssignments)
    .where(and(inArray(reviewAssignments.proposalId, [...proposalIds]), eq(reviewAssignments.stage, stage)))
    .orderBy(asc(reviewAssignments.createdAt), asc(reviewAssignments.id));
}

export async function insertAssignment(
  db: DbOrTx,
  values: typeof reviewAssignments.$inferInsert,
): Promise<AssignmentRow> {
  const [row] = await db.insert(reviewAssignments).values(values).returning();
  if (!row) {
    throw new Error('insert returned no row');
  }
  return row;
}

export async function updateAssignment(
  db: DbOrTx,
  id: string,
  values: Partial<typeof reviewAssignments.$inferInsert>,
): Promise<AssignmentRow> {
  const [row] = await db
    .update(reviewAssignments)
    .set({ ...values, version: sql`${reviewAssignments.version} + 1`, updatedAt: sql`now()` })
    .where(eq(reviewAssignments.id, id))
    .returning();
  if (!row) {
    throw new Error('update returned no row');
  }
  return row;
}

/** The status of each assignment's review (draft | submitted), when one exists. */
export async function reviewStatusesOf(
  db: DbOrTx,
  assignmentIds: readonly string[],
): Promise<Map<string, string>> {
  if (assignmentIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .select({ assignmentId: reviews.assignmentId, status: reviews.status })
    .from(reviews)
    .where(inArray(reviews.assignmentId, [...assignmentIds]));
  return new Map(rows.map((r) => [r.assignmentId, r.status]));
}

export async function listUserNames(db: DbOrTx, userIds: readonly string[]) {
  if (userIds.length === 0) {
    return new Map<string, { name: string; email: string | null }>();
  }
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(inArray(users.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

/** What the officers' assignment list shows of a proposal. */
const assignmentProposalColumns = {
  id: proposals.id,
  receiptNumber: proposals.receiptNumber,
  titleTh: proposals.titleTh,
  titleEn: proposals.titleEn,
  organisationNameTh: organisations.nameTh,
  organisationNameEn: organisations.nameEn,
  provinceCodes: proposals.provinceCodes,
  themes: proposals.themes,
};

/** One proposal as the officers' assignment list shows it, with its call, stage, status and review phase. */
export async function findProposalForAssignment(db: DbOrTx, proposalId: string) {
  const [row] = await db
    .select({
      ...assignmentProposalColumns,
      callId: proposals.callId,
      stage: proposals.stage,
      status: proposals.status,
      phase: proposalReviewStates.phase,
    })
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(proposalReviewStates, eq(proposalReviewStates.proposalId, proposals.id))
    .where(eq(proposals.id, proposalId));
  return row ?? null;
}

/** Proposals of a call at a stage that are up for review or already have assignments, with what officers see. */
export async function listProposalsForAssignment(db: DbOrTx, callId: string, stage: string) {
  return db
    .select(assignmentProposalColumns)
    .from(proposals)
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(proposalReviewStates, eq(proposalReviewStates.proposalId, proposals.id))
    .where(
      and(
        eq(proposals.callId, callId),
        eq(proposals.stage, stage),
        sql`(${proposalReviewStates.phase} = 'review' AND ${proposals.status} = 'submitted'
          OR EXISTS (SELECT 1 FROM ${reviewAssignments} ra WHERE ra.proposal_id = ${proposals.id} AND ra.stage = ${stage}))`,
      ),
    )
    .orderBy(asc(proposals.submittedAt), asc(proposals.receiptNumber), asc(proposals.id));
}

/** The reviewer's assignments with the call and the proposal's title and organisation. */
export async function listMyAssignments(db: DbOrTx, reviewerId: string) {
  return db
    .select({
      assignment: reviewAssignments,
      callCode: calls.code,
      callTitleTh: calls.titleTh,
      callTitleEn: calls.titleEn,
      titleTh: proposals.titleTh,
      titleEn: proposals.titleEn,
      organisationNameTh: organisations.nameTh,
      organisationNameEn: organisations.nameEn,
      blindApplicants: callReviewSettings.blindApplicants,
      reviewStatus: reviews.status,
    })
    .from(reviewAssignments)
    .innerJoin(calls, eq(calls.id, reviewAssignments.callId))
    .innerJoin(proposals, eq(proposals.id, reviewAssignments.proposalId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .leftJoin(callReviewSettings, eq(callReviewSettings.callId, reviewAssignments.callId))
    .leftJoin(reviews, eq(reviews.assignmentId, reviewAssignments.id))
    .where(eq(reviewAssignments.reviewerId, reviewerId))
    .orderBy(sql`${reviewAssignments.createdAt} DESC`, asc(reviewAssignments.id));
}

// ---- The proposal as the reviewer reads it --------------------------------------------------------------------------

export async function findProposalForReviewer(db: DbOrTx, proposalId: string) {
  const [row] = await db
    .select({
      proposal: proposals,
      callCode: calls.code,
      callTitleTh: calls.titleTh,
      callTitleEn: calls.titleEn,
      organisation: {
        id: organisations.id,
        nameTh: organisations.nameTh,
        nameEn: organisations.nameEn,
        juristicId: organisations.juristicId,
        communityEnterpriseCode: organisations.communityEnterpriseCode,
        contactEmail: organisations.contactEmail,
        contactPhone: organisations.contactPhone,
        website: organisations.website,
        addressLine: organisations.addressLine,
      },
    })
    .from(proposals)
    .innerJoin(calls, eq(calls.id, proposals.callId))
    .innerJoin(organisations, eq(organisations.id, proposals.organisationId))
    .where(eq(proposals.id, proposalId));
  return row ?? null;
}

export async function listCoApplicants(db: DbOrTx, proposalId: string) {
  return db
    .select({
      id: organisations.id,
      nameTh: organisations.nameTh,
      nameEn: organisations.nameEn,
      juristicId: organisations.juristicId,
      contactEmail: organisations.contactEmail,
    })
    .from(proposalCoApplicants)
    .innerJoin(organisations, eq(organisations.id, proposalCoApplicants.organisationId))
    .where(eq(proposalCoApplicants.proposalId, proposalId))
    .orderBy(asc(organisations.nameTh));
}

/** Names and addresses of the people behind the applicant organisations and the proposal's author. */
export async function listIdentifyingPeople(
  db: DbOrTx,
  organisationIds: readonly string[],
  creatorId: string | null,
) {
  const conditions: SQL[] = [];
  if (organisationIds.length > 0) {
    conditions.push(
      sql`${users.id} IN (SELECT m.user_id FROM ${organisationMembers} m WHERE m.organisation_id IN (${sql.join(
        organisationIds.map((id) => sql`${id}`),
        sql`, `,
      )}))`,
    );
  }
  if (creatorId) {
    conditions.push(eq(users.id, creatorId));
  }
  if (conditions.length === 0) {
    return [];
  }
  return db
    .select({ name: users.name, email: users.email, phone: users.phone })
    .from(users)
    .where(sql`(${sql.join(conditions, sql` OR `)})`);
}

export async function listAttachments(db: DbOrTx, proposalId: string) {
  return db
    .select({
      id: proposalAttachments.id,
      questionId: proposalAttachments.questionId,
      fileName: proposalAttachments.fileName,
      contentType: proposalAttachments.contentType,
      sizeBytes: proposalAttachments.sizeBytes,
      storageKey: proposalAttachments.storageKey,
    })
    .from(proposalAttachments)
    .where(eq(proposalAttachments.proposalId, proposalId))
    .orderBy(asc(proposalAttachments.createdAt), asc(proposalAttachments.id));
}
