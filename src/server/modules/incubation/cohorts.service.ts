import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import {
  COHORT_LIMITS,
  type AddMemberBody,
  type CohortAbilities,
  type CohortAudience,
  type CohortDetail,
  type CohortList,
  type CohortListQuery,
  type CohortMember,
  type CohortSummary,
  type CreateCohortBody,
  type MemberLookup,
  type UpdateCohortBody,
} from '@shared/contracts/cohorts';
import { recordAudit } from '@server/modules/audit/audit.service';
import { queueEmail, notifyUsers } from '@server/modules/notifications/notifications.service';
import * as assessmentsRepo from './assessments.repo';
import * as repo from './cohorts.repo';
import { cohortPolicy, isCohortOfficer, type CohortAccess } from './cohorts.policy';

// Cohorts of a driving unit and their members. The questionnaire, answers and results are in assessments.service.ts,
// which shares the access helpers exported here.

/** A timestamp as ISO 8601 text. */
const iso = (value: Date | string) => new Date(value).toISOString();

/** Where links in emails point when the routes give none. */
let linkBase = 'http://localhost:3000';

/** Sets the public URL used in email links (done when the routes register). */
export function setCohortLinkBase(publicUrl: string): void {
  linkBase = publicUrl.replace(/\/$/, '');
}

/** The page where a member answers the questionnaire. */
export const assessmentPath = (cohortId: string) => `/cohorts/${cohortId}/assessment`;

// ---- Access (shared with assessments.service.ts) ------------------------------------------------------------------

/** The abilities of the actor on a cohort, for the SPA (the server re-checks every command). */
export function abilitiesOf(actor: Actor, access: CohortAccess): CohortAbilities {
  return { manage: cohortPolicy.manage(actor, access), answer: cohortPolicy.answer(actor, access) };
}

/**
 * The cohort and what the actor is to it. NOT_FOUND when there is no such cohort or the actor may not see it:
 * officers see all, a unit's staff their unit's, members their own cohorts.
 */
export async function getCohortAccess(
  db: DbOrTx,
  actor: Actor,
  cohortId: string,
  options: { lock?: boolean } = {},
): Promise<{ cohort: repo.CohortRow; access: CohortAccess }> {
  const cohort = options.lock ? await repo.lockCohort(db, cohortId) : await repo.findCohort(db, cohortId);
  if (!cohort) {
    throw new AppError('NOT_FOUND');
  }
  const access: CohortAccess = {
    drivingUnitId: cohort.drivingUnitId,
    isMember: await repo.isMember(db, cohortId, actor.userId),
  };
  if (!cohortPolicy.read(actor, access)) {
    throw new AppError('NOT_FOUND');
  }
  return { cohort, access };
}

/** FORBIDDEN unless the actor manages the cohort (it is visible to them: getCohortAccess came first). */
export function assertManages(actor: Actor, access: CohortAccess): void {
  if (!cohortPolicy.manage(actor, access)) {
    throw new AppError('FORBIDDEN');
  }
}

/** CONFLICT (with the current version) unless `given` is the current version. */
export function assertVersion(current: number, given: number): void {
  if (current !== given) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

// ---- Shaping --------------------------------------------------------------------------------------------------------

function summaryOf(row: repo.CohortSummaryRow): CohortSummary {
  const c = row.cohort;
  return {
    id: c.id,
    drivingUnitId: c.drivingUnitId,
    drivingUnitNameTh: row.drivingUnitNameTh,
    drivingUnitNameEn: row.drivingUnitNameEn,
    programmeId: c.programmeId,
    programmeNameTh: row.programmeNameTh,
    programmeNameEn: row.programmeNameEn,
    nameTh: c.nameTh,
    nameEn: c.nameEn,
    fiscalYear: c.fiscalYear,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    audiences: c.audiences as CohortAudience[],
    memberCount: Number(row.memberCount),
    hasQuestionnaire: Boolean(row.hasQuestionnaire),
    me: {
      isMember: Boolean(row.isMember),
      answeredPre: Boolean(row.answeredPre),
      answeredPost: Boolean(row.answeredPost),
    },
  };
}

function memberOf(row: repo.MemberRow): CohortMember {
  return {
    userId: row.userId,
    name: row.name,
    email: row.email,
    organisationId: row.organisationId,
    organisationNameTh: row.organisationNameTh,
    organisationNameEn: row.organisationNameEn,
    joinedAt: iso(row.joinedAt),
    answeredPre: Boolean(row.answeredPre),
    answeredPost: Boolean(row.answeredPost),
  };
}

async function detailOf(db: DbOrTx, actor: Actor, cohort: repo.CohortRow, access: CohortAccess) {
  const row = await repo.findCohortSummary(db, cohort.id, actor.userId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  const abilities = abilitiesOf(actor, access);
  const members = abilities.manage ? (await repo.listMembers(db, cohort.id)).map(memberOf) : [];
  const detail: CohortDetail = {
    ...summaryOf(row),
    descriptionTh: row.cohort.descriptionTh,
    descriptionEn: row.cohort.descriptionEn,
    members,
    version: row.cohort.version,
    abilities,
  };
  return detail;
}

// ---- Reading --------------------------------------------------------------------------------------------------------

/**
 * The cohorts the actor may see, scoped in SQL: officers and administrators all, a unit's staff their unit's, and
 * everyone the cohorts they are a member of (with whether they answered each phase).
 */
export async function listCohorts(db: Database, actor: Actor, query: CohortListQuery): Promise<CohortList> {
  const scope: repo.CohortScope = {
    all: isCohortOfficer(actor),
    drivingUnitId: actor.roles.includes('driving_unit_staff') ? actor.drivingUnitId : null,
    userId: actor.userId,
  };
  const rows = await repo.listCohorts(db, scope, query);
  return rows.map(summaryOf);
}

/** A cohort's page; the members are listed to those who manage it. */
export async function getCohort(db: Database, actor: Actor, id: string): Promise<CohortDetail> {
  const { cohort, access } = await getCohortAccess(db, actor, id);
  return detailOf(db, actor, cohort, access);
}

// ---- Making and editing ---------------------------------------------------------------------------------------------

type CohortFields = Omit<UpdateCohortBody, 'version'>;

/** Field problems of a cohort's details: the period, and the programme must exist. */
async function checkFields(db: DbOrTx, body: CohortFields): Promise<void> {
  const issues: Array<ReturnType<typeof fieldIssue>> = [];
  if (body.startsOn !== null && body.endsOn !== null && body.endsOn < body.startsOn) {
    issues.push(fieldIssue('body.endsOn', 'period', 'errors.cohorts.PERIOD'));
  }
  if (body.programmeId !== null && !(await repo.programmeExists(db, body.programmeId))) {
    issues.push(fieldIssue('body.programmeId', 'unknown', 'errors.cohorts.UNKNOWN_PROGRAMME'));
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { issues });
  }
}

const columnsOf = (body: CohortFields) => ({
  programmeId: body.programmeId,
  nameTh: body.nameTh,
  nameEn: body.nameEn,
  descriptionTh: body.descriptionTh,
  descriptionEn: body.descriptionEn,
  fiscalYear: body.fiscalYear,
  startsOn: body.startsOn,
  endsOn: body.endsOn,
  audiences: [...new Set(body.audiences)],
});

/**
 * Makes a cohort for a unit: unit staff for their own unit (the unit may be left out), officers for any unit (they
 * name it). FORBIDDEN for anyone else or another unit; audited.
 */
export async function createCohort(
  db: Database,
  actor: Actor,
  body: CreateCohortBody,
  meta: RequestMeta,
): Promise<CohortDetail> {
  const drivingUnitId = body.drivingUnitId ?? (isCohortOfficer(actor) ? undefined : actor.drivingUnitId);
  if (drivingUnitId === undefined || drivingUnitId === null) {
    if (!isCohortOfficer(actor)) {
      throw new AppError('FORBIDDEN');
    }
    throw invalidField('body.drivingUnitId', 'errors.cohorts.UNIT_REQUIRED');
  }
  if (!cohortPolicy.create(actor, drivingUnitId)) {
    throw new AppError('FORBIDDEN');
  }
  if (!(await repo.drivingUnitExists(db, drivingUnitId))) {
    throw invalidField('body.drivingUnitId', 'errors.cohorts.UNKNOWN_UNIT');
  }
  await checkFields(db, body);
  return db.transaction(async (tx) => {
    const cohort = await repo.insertCohort(tx, { drivingUnitId, ...columnsOf(body) });
    await recordAudit(tx, meta, {
      action: 'cohort.created',
      entityType: 'cohort',
      entityId: cohort.id,
      after: { drivingUnitId, ...columnsOf(body) },
    });
    return detailOf(tx, actor, cohort, { drivingUnitId, isMember: false });
  });
}

/** Replaces a cohort's details at its current version (its unit's staff, officers); audited. */
export async function updateCohort(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateCohortBody,
  meta: RequestMeta,
): Promise<CohortDetail> {
  const { access } = await getCohortAccess(db, actor, id);
  assertManages(actor, access);
  await checkFields(db, body);
  return db.transaction(async (tx) => {
    const { cohort } = await getCohortAccess(tx, actor, id, { lock: true });
    assertVersion(cohort.version, body.version);
    const { version: _version, ...fields } = body;
    const updated = await repo.updateCohort(tx, id, columnsOf(fields));
    await recordAudit(tx, meta, {
      action: 'cohort.updated',
      entityType: 'cohort',
      entityId: id,
      before: columnsOf({ ...cohort, audiences: cohort.audiences as CohortAudience[] }),
      after: columnsOf(fields),
    });
    return detailOf(tx, actor, updated, access);
  });
}

// ---- Members --------------------------------------------------------------------------------------------------------

/** Who an email belongs to and their organisations, so staff can add them for one (managers of the cohort). */
export async function lookupMember(
  db: Database,
  actor: Actor,
  cohortId: string,
  email: string,
): Promise<MemberLookup> {
  const { access } = await getCohortAccess(db, actor, cohortId);
  assertManages(actor, access);
  const user = await repo.findActiveUserByEmail(db, email);
  if (!user) {
    throw new AppError('NOT_FOUND', 'errors.cohorts.UNKNOWN_EMAIL');
  }
  return {
    userId: user.id,
    name: user.name,
    isMember: await repo.isMember(db, cohortId, user.id),
    organisations: await repo.listOrganisationsOfUser(db, user.id),
  };
}

/**
 * Adds a person to a cohort by the email of their account, optionally for an organisation they are a member of
 * (managers). They are told in the app and by email, with a link to the questionnaire; audited.
 */
export async function addMember(
  db: Database,
  actor: Actor,
  cohortId: string,
  body: AddMemberBody,
  meta: RequestMeta,
): Promise<CohortMember> {
  const { access } = await getCohortAccess(db, actor, cohortId);
  assertManages(actor, access);
  const user = await repo.findActiveUserByEmail(db, body.email);
  if (!user) {
    throw invalidField('body.email', 'errors.cohorts.UNKNOWN_EMAIL');
  }
  if (body.organisationId !== null) {
    const theirs = await repo.listOrganisationsOfUser(db, user.id);
    if (!theirs.some((o) => o.id === body.organisationId)) {
      throw invalidField('body.organisationId', 'errors.cohorts.NOT_ORGANISATION_MEMBER');
    }
  }
  return db.transaction(async (tx) => {
    const { cohort } = await getCohortAccess(tx, actor, cohortId, { lock: true });
    if ((await repo.countMembers(tx, cohortId)) >= COHORT_LIMITS.membersMax) {
      throw new AppError('INVALID_STATE', 'errors.cohorts.MEMBERS_FULL', undefined, {
        max: COHORT_LIMITS.membersMax,
      });
    }
    const added = await repo.insertMember(tx, {
      cohortId,
      userId: user.id,
      organisationId: body.organisationId,
    });
    if (!added) {
      throw new AppError('CONFLICT', 'errors.cohorts.ALREADY_MEMBER');
    }
    await recordAudit(tx, meta, {
      action: 'cohort.member_added',
      entityType: 'cohort',
      entityId: cohortId,
      after: { userId: user.id, organisationId: body.organisationId },
    });
    const name = (lang: 'th' | 'en') => (lang === 'en' && cohort.nameEn ? cohort.nameEn : cohort.nameTh);
    await notifyUsers(tx, [user.id], {
      kind: 'cohort_member_added',
      params: (lang) => ({ cohort: name(lang) }),
      link: assessmentPath(cohortId),
    });
    if (user.email) {
      const lang = user.locale === 'en' ? 'en' : 'th';
      await queueEmail(tx, {
        to: user.email,
        template: 'cohort_member_added',
        lang,
        params: { name: user.name, cohort: name(lang) },
        link: `${linkBase}${assessmentPath(cohortId)}`,
      });
    }
    const member = (await repo.listMembers(tx, cohortId)).find((m) => m.userId === user.id);
    if (!member) {
      throw new Error('added member not found');
    }
    return memberOf(member);
  });
}

/**
 * Removes a member (managers). A member who has answered the questionnaire stays (their answers are part of the
 * results): INVALID_STATE. Audited.
 */
export async function removeMember(
  db: Database,
  actor: Actor,
  cohortId: string,
  userId: string,
  meta: RequestMeta,
): Promise<void> {
  const { access } = await getCohortAccess(db, actor, cohortId);
  assertManages(actor, access);
  await db.transaction(async (tx) => {
    await getCohortAccess(tx, actor, cohortId, { lock: true });
    if (!(await repo.isMember(tx, cohortId, userId))) {
      throw new AppError('NOT_FOUND');
    }
    if ((await assessmentsRepo.countResponsesOfUser(tx, cohortId, userId)) > 0) {
      throw new AppError('INVALID_STATE', 'errors.cohorts.MEMBER_ANSWERED');
    }
    await repo.deleteMember(tx, cohortId, userId);
    await recordAudit(tx, meta, {
      action: 'cohort.member_removed',
      entityType: 'cohort',
      entityId: cohortId,
      before: { userId },
    });
  });
}
