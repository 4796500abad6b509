import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import type { Language } from '@shared/i18n/index';
import {
  CreateRequestBodySchema,
  LogSessionBodySchema,
  RateSessionBodySchema,
  type AssignMentorBody,
  type CreateRequestBody,
  type Expertise,
  type LogSessionBody,
  type MentoringRequest,
  type MentoringRequestDetail,
  type RateSessionBody,
  type RequestListQuery,
  type RequestStatus,
  type RequestStatusBody,
  type Session,
} from '@shared/contracts/mentoring';
import { recordAudit } from '@server/modules/audit/audit.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import { getProjectAccess } from '@server/modules/projects/projects.service';
import * as repo from './mentoring.repo';
import {
  isMentoringOfficer,
  requestPolicy,
  type RequestAbility,
  type RequestAccess,
} from './mentoring.policy';

// Mentoring and consulting: a team, organisation or funded project asks; the unit's staff (or officers) assign a
// mentor from the registry; the mentor logs sessions; the mentee rates each session once.

/** Where links in emails point. */
let linkBase = 'http://localhost:3000';

/** Sets the public URL used in email links (done when the routes register). */
export function setMentoringLinkBase(publicUrl: string): void {
  linkBase = publicUrl.replace(/\/$/, '');
}

const requestPath = (id: string) => `/mentoring/requests/${id}`;
const iso = (value: Date | string) => new Date(value).toISOString();

// ---- Access ------------------------------------------------------------------------------------------------------

/** The organisations whose members are the mentee of a request (the asking one, and the project's). */
function menteeOrganisations(row: repo.RequestWithNames): string[] {
  return [row.request.organisationId, row.projectOrganisationId].filter((id): id is string => id !== null);
}

/** What the actor is to a request, given the organisations they belong to. */
function accessWith(
  actor: Actor,
  row: repo.RequestWithNames,
  myOrganisations: ReadonlySet<string>,
): RequestAccess {
  return {
    status: row.request.status as RequestStatus,
    drivingUnitId: row.request.drivingUnitId,
    isMentee:
      row.request.requesterUserId === actor.userId ||
      menteeOrganisations(row).some((organisationId) => myOrganisations.has(organisationId)),
    isMentor: row.mentorUserId !== null && row.mentorUserId === actor.userId,
  };
}

async function accessOf(db: DbOrTx, actor: Actor, row: repo.RequestWithNames): Promise<RequestAccess> {
  return accessWith(actor, row, new Set(await repo.listMyOrganisationIds(db, actor.userId)));
}

/** The request and what the actor is to it; NOT_FOUND when missing or not theirs to see. */
async function loadRequest(
  db: DbOrTx,
  actor: Actor,
  id: string,
): Promise<{ row: repo.RequestWithNames; access: RequestAccess }> {
  const row = await repo.findRequest(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  const access = await accessOf(db, actor, row);
  if (!requestPolicy.read(actor, access)) {
    throw new AppError('NOT_FOUND');
  }
  return { row, access };
}

/** FORBIDDEN when the actor could never do it, INVALID_STATE when only the request's status is wrong. */
function assertCan(
  actor: Actor,
  ability: RequestAbility,
  access: RequestAccess,
  okStatus: RequestStatus,
): void {
  if (!requestPolicy[ability](actor, { ...access, status: okStatus })) {
    throw new AppError('FORBIDDEN');
  }
  if (!requestPolicy[ability](actor, access)) {
    throw new AppError('INVALID_STATE', 'errors.mentoring.WRONG_STATUS');
  }
}

// ---- Shaping -----------------------------------------------------------------------------------------------------

function toRequest(row: repo.RequestWithNames, access: RequestAccess, actor: Actor): MentoringRequest {
  const r = row.request;
  return {
    id: r.id,
    status: r.status as RequestStatus,
    expertise: r.expertise as Expertise,
    topic: r.topic,
    details: r.details,
    requesterName: row.requesterName,
    organisationId: r.organisationId,
    organisationNameTh: row.organisationNameTh,
    projectId: r.projectId,
    projectTitleTh: row.projectTitleTh,
    drivingUnitId: r.drivingUnitId,
    drivingUnitNameTh: row.drivingUnitNameTh,
    drivingUnitNameEn: row.drivingUnitNameEn,
    mentorId: r.mentorId,
    mentorNameTh: row.mentorNameTh,
    mentorNameEn: row.mentorNameEn,
    createdAt: iso(r.createdAt),
    version: r.version,
    isMine: access.isMentee,
    isMentor: access.isMentor,
    abilities: {
      assign: requestPolicy.assign(actor, access),
      logSession: requestPolicy.logSession(actor, access),
      close: requestPolicy.close(actor, access),
    },
  };
}

function toSession(row: repo.SessionWithNames, canRateRequest: boolean): Session {
  const s = row.session;
  return {
    id: s.id,
    requestId: s.requestId,
    mentorId: s.mentorId,
    mentorNameTh: row.mentorNameTh,
    mentorNameEn: row.mentorNameEn,
    heldOn: s.heldOn,
    topic: s.topic,
    hours: Number(s.hours),
    notes: s.notes,
    followUps: s.followUps,
    satisfaction: s.satisfaction,
    satisfactionComment: s.satisfactionComment,
    ratedAt: s.ratedAt ? iso(s.ratedAt) : null,
    canRate: canRateRequest && s.satisfaction === null,
  };
}

async function detailOf(db: DbOrTx, actor: Actor, id: string): Promise<MentoringRequestDetail> {
  const { row, access } = await loadRequest(db, actor, id);
  const sessions = await repo.listSessionsOfRequest(db, id);
  const canRate = requestPolicy.rate(actor, access);
  return { ...toRequest(row, access, actor), sessions: sessions.map((s) => toSession(s, canRate)) };
}

// ---- Messages ----------------------------------------------------------------------------------------------------

const langOf = (locale: string): Language => (locale === 'en' ? 'en' : 'th');

/** In-app messages to the mentee side of a request (the requester and the asking organisations' members). */
async function menteeIds(tx: DbOrTx, row: repo.RequestWithNames): Promise<string[]> {
  return [row.request.requesterUserId, ...(await repo.listMemberIds(tx, menteeOrganisations(row)))];
}

// ---- Use cases ---------------------------------------------------------------------------------------------------

/**
 * Requests the actor may see, scoped in SQL: `mine` (asked by them or their organisations), `mentoring` (assigned
 * to them as a mentor), `unit` (their unit's queue; officers every unit). Without a view: all of these together.
 */
export async function listRequests(
  db: Database,
  actor: Actor,
  query: RequestListQuery,
): Promise<MentoringRequest[]> {
  // Which unit queue the actor sees: every unit (officers), their own (a unit's staff), or none.
  const unit: repo.RequestScope | null = isMentoringOfficer(actor)
    ? { kind: 'all_units' }
    : actor.drivingUnitId && actor.roles.includes('driving_unit_staff')
      ? { kind: 'unit', drivingUnitId: actor.drivingUnitId }
      : null;
  const views: Record<NonNullable<RequestListQuery['view']>, repo.RequestScope | null> = {
    mine: { kind: 'mentee', userId: actor.userId },
    mentoring: { kind: 'mentor', userId: actor.userId },
    unit,
  };
  const scopes = (query.view ? [views[query.view]] : Object.values(views)).filter(
    (v): v is repo.RequestScope => v !== null,
  );
  if (scopes.length === 0) {
    return [];
  }
  const rows = await repo.listRequests(db, scopes, query.status);
  const mine = new Set(await repo.listMyOrganisationIds(db, actor.userId));
  return rows.map((row) => toRequest(row, accessWith(actor, row, mine), actor));
}

/** One request with its sessions (those who may read it). */
export async function getRequest(db: Database, actor: Actor, id: string): Promise<MentoringRequestDetail> {
  return detailOf(db, actor, id);
}

/**
 * Asks for mentoring: for a team or organisation the actor belongs to, or for a funded project of theirs (its
 * supervising unit takes the request), or for themselves. The unit's staff are told.
 */
export async function createRequest(
  db: Database,
  actor: Actor,
  input: CreateRequestBody,
  meta: RequestMeta,
): Promise<MentoringRequestDetail> {
  const body = CreateRequestBodySchema.parse(input);
  const id = await db.transaction(async (tx) => {
    let { organisationId, drivingUnitId } = body;
    if (body.projectId) {
      // A project the actor may not see is, to them, not theirs: a field error rather than a 404 of the request.
      const { project, access } = await getProjectAccess(tx, actor, body.projectId).catch(
        (error: unknown) => {
          throw error instanceof AppError && error.code === 'NOT_FOUND'
            ? invalidField('projectId', 'errors.mentoring.NOT_YOUR_PROJECT')
            : error;
        },
      );
      if (access.memberRole === null) {
        throw invalidField('projectId', 'errors.mentoring.NOT_YOUR_PROJECT');
      }
      organisationId = organisationId ?? project.organisationId;
      drivingUnitId = project.drivingUnitId ?? drivingUnitId;
    }
    if (organisationId && !(await repo.isMemberOf(tx, organisationId, actor.userId))) {
      throw invalidField('organisationId', 'errors.mentoring.NOT_YOUR_ORGANISATION');
    }
    if (drivingUnitId && !(await repo.driveUnitExists(tx, drivingUnitId))) {
      throw invalidField('drivingUnitId', 'errors.mentoring.UNKNOWN_UNIT');
    }
    const request = await repo.insertRequest(tx, {
      requesterUserId: actor.userId,
      organisationId,
      projectId: body.projectId,
      drivingUnitId,
      expertise: body.expertise,
      topic: body.topic,
      details: body.details,
    });
    await recordAudit(tx, meta, {
      action: 'mentoring.requested',
      entityType: 'mentoring_request',
      entityId: request.id,
      after: {
        expertise: request.expertise,
        topic: request.topic,
        organisationId,
        projectId: body.projectId,
      },
    });
    if (drivingUnitId) {
      await notifyUsers(tx, await repo.listUnitStaffIds(tx, drivingUnitId), {
        kind: 'mentoring_requested',
        params: { topic: request.topic },
        link: requestPath(request.id),
      });
    }
    return request.id;
  });
  return detailOf(db, actor, id);
}

/** Assigns (or reassigns) a mentor (the unit's staff, officers); the mentor is told by email and in-app. */
export async function assignMentor(
  db: Database,
  actor: Actor,
  id: string,
  body: AssignMentorBody,
  meta: RequestMeta,
): Promise<MentoringRequestDetail> {
  await db.transaction(async (tx) => {
    await repo.lockRequest(tx, id);
    const { row, access } = await loadRequest(tx, actor, id);
    assertCan(actor, 'assign', access, 'open');
    if (row.request.version !== body.version) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: row.request.version });
    }
    const mentor = await repo.findPerson(tx, body.mentorId);
    if (!mentor || !mentor.isMentor || !mentor.isActive) {
      throw invalidField('mentorId', 'errors.mentoring.NOT_A_MENTOR');
    }
    await repo.updateRequest(tx, id, { mentorId: mentor.id, status: 'assigned' });
    await recordAudit(tx, meta, {
      action: 'mentoring.assigned',
      entityType: 'mentoring_request',
      entityId: id,
      before: { mentorId: row.request.mentorId, status: row.request.status },
      after: { mentorId: mentor.id, status: 'assigned' },
    });
    const params = (lang: Language) => ({
      topic: row.request.topic,
      mentor: lang === 'en' && mentor.nameEn ? mentor.nameEn : mentor.nameTh,
    });
    if (mentor.userId) {
      await notifyUsers(tx, [mentor.userId], {
        kind: 'mentoring_assigned',
        params,
        link: requestPath(id),
      });
      for (const contact of await repo.listContacts(tx, [mentor.userId])) {
        if (contact.email) {
          const lang = langOf(contact.locale);
          await queueEmail(tx, {
            to: contact.email,
            template: 'mentoring_assigned',
            lang,
            params: {
              name: contact.name,
              requester: row.organisationNameTh ?? row.requesterName,
              ...params(lang),
            },
            link: `${linkBase}${requestPath(id)}`,
          });
        }
      }
    }
    await notifyUsers(tx, await menteeIds(tx, row), {
      kind: 'mentoring_request_assigned',
      params,
      link: requestPath(id),
    });
  });
  return detailOf(db, actor, id);
}

/** Closes an assigned request (its mentor, the unit's staff, officers) or declines an open one (staff, officers). */
export async function setRequestStatus(
  db: Database,
  actor: Actor,
  id: string,
  body: RequestStatusBody,
  meta: RequestMeta,
): Promise<MentoringRequestDetail> {
  await db.transaction(async (tx) => {
    await repo.lockRequest(tx, id);
    const { row, access } = await loadRequest(tx, actor, id);
    if (body.status === 'closed') {
      assertCan(actor, 'close', access, 'assigned');
    } else {
      assertCan(actor, 'decline', access, 'open');
    }
    if (row.request.version !== body.version) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: row.request.version });
    }
    await repo.updateRequest(tx, id, { status: body.status });
    await recordAudit(tx, meta, {
      action: `mentoring.${body.status}`,
      entityType: 'mentoring_request',
      entityId: id,
      before: { status: row.request.status },
      after: { status: body.status },
    });
  });
  return detailOf(db, actor, id);
}

/** The assigned mentor logs a session of an assigned request; the mentees are asked to rate it. */
export async function logSession(
  db: Database,
  actor: Actor,
  requestId: string,
  input: LogSessionBody,
  meta: RequestMeta,
  now: Date,
): Promise<MentoringRequestDetail> {
  const body = LogSessionBodySchema.parse(input);
  await db.transaction(async (tx) => {
    const { row, access } = await loadRequest(tx, actor, requestId);
    assertCan(actor, 'logSession', access, 'assigned');
    const today = new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    if (body.heldOn > today) {
      throw invalidField('heldOn', 'errors.mentoring.FUTURE_DATE');
    }
    const mentorId = row.request.mentorId;
    if (!mentorId) {
      throw new AppError('INVALID_STATE', 'errors.mentoring.WRONG_STATUS');
    }
    const session = await repo.insertSession(tx, {
      requestId,
      mentorId,
      organisationId: row.request.organisationId ?? row.projectOrganisationId,
      projectId: row.request.projectId,
      heldOn: body.heldOn,
      topic: body.topic,
      hours: body.hours,
      notes: body.notes,
      followUps: body.followUps,
      loggedBy: actor.userId,
    });
    await recordAudit(tx, meta, {
      action: 'mentoring.session_logged',
      entityType: 'mentoring_session',
      entityId: session.id,
      after: { requestId, heldOn: body.heldOn, hours: body.hours, topic: body.topic },
    });
    await notifyUsers(tx, await menteeIds(tx, row), {
      kind: 'mentoring_session_logged',
      params: { topic: body.topic, date: body.heldOn },
      link: requestPath(requestId),
    });
  });
  return detailOf(db, actor, requestId);
}

/** A mentee (the requester or a member of the asking organisation) rates a session 1–5, once. */
export async function rateSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  input: RateSessionBody,
  meta: RequestMeta,
  now: Date,
): Promise<MentoringRequestDetail> {
  const body = RateSessionBodySchema.parse(input);
  const requestId = await db.transaction(async (tx) => {
    const found = await repo.findSession(tx, sessionId, true);
    const ofRequest = found?.session.requestId;
    if (!found || !ofRequest) {
      throw new AppError('NOT_FOUND');
    }
    const { access } = await loadRequest(tx, actor, ofRequest);
    if (!requestPolicy.rate(actor, access)) {
      throw new AppError('FORBIDDEN');
    }
    const rated = await repo.rateSession(tx, sessionId, {
      satisfaction: body.satisfaction,
      satisfactionComment: body.comment,
      ratedAt: now,
    });
    if (!rated) {
      throw new AppError('CONFLICT', 'errors.mentoring.ALREADY_RATED');
    }
    await recordAudit(tx, meta, {
      action: 'mentoring.session_rated',
      entityType: 'mentoring_session',
      entityId: sessionId,
      after: { satisfaction: body.satisfaction },
    });
    return ofRequest;
  });
  return detailOf(db, actor, requestId);
}
