import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue, invalidField, type FieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import type { Language } from '@shared/i18n/index';
import {
  ACTIVITY_AUDIENCES,
  type ActivityAudience,
  type ActivityDetail,
  type ActivityKind,
  type ActivityListQuery,
  type ActivityStatus,
  type ActivitySummary,
  type ActivityTransition,
  type CreateActivityBody,
  type FacilitatorOption,
  type FacilitatorRole,
  type ManagedActivityListQuery,
  type UpdateActivityBody,
} from '@shared/contracts/activities';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as repo from './activities.repo';
import { activityPolicy, canTransition, ACTIVITY_TRANSITION_MAP } from './activities.policy';

// ---- Shared helpers -----------------------------------------------------------------------------------------------

/** A timestamp as ISO 8601 text. */
export const iso = (value: Date | string) => new Date(value).toISOString();
export const isoOrNull = (value: Date | string | null) => (value === null ? null : iso(value));
/** The English text when the language is English and there is one, else the Thai. */
export const textIn = (lang: Language, th: string, en: string | null) => (lang === 'en' && en ? en : th);

/** The web page of an activity. */
export const activityPath = (id: string) => `/events/${id}`;

let linkBase = '';
/** The public address the links in messages and QR codes start with (set once by the routes). */
export function setActivityLinkBase(publicUrl: string): void {
  linkBase = publicUrl.replace(/\/$/, '');
}
export const publicLink = (path: string) => `${linkBase}${path}`;

/** When a registration closes: the given time, else the start. */
export function registrationClosesAt(activity: repo.ActivityRow): Date {
  return activity.registrationClosesAt ?? activity.startsAt;
}

/** Published and not yet closed for registration at `now`. */
export function isRegistrationOpen(activity: repo.ActivityRow, now: Date): boolean {
  return activity.status === 'published' && now < registrationClosesAt(activity);
}

/** Staff act on an activity they may see; others' activities are NOT_FOUND. */
export function assertVersion(current: number, given: number): void {
  if (current !== given) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

const notFound = () => new AppError('NOT_FOUND');

/**
 * Loads an activity the actor may manage: NOT_FOUND when it does not exist or belongs to another unit (its id is not
 * acknowledged to another unit's staff), FORBIDDEN never. `lock` takes the row FOR UPDATE.
 */
export async function loadManagedActivity(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lock = false,
): Promise<repo.ActivityRow> {
  const activity = await repo.findActivity(db, id, lock);
  if (!activity || !activityPolicy.manage(actor, activity)) {
    throw notFound();
  }
  return activity;
}

/** Loads an activity the actor may see (published, or theirs to manage), else NOT_FOUND. */
export async function loadVisibleActivity(
  db: DbOrTx,
  actor: Actor | null,
  id: string,
  lock = false,
): Promise<repo.ActivityRow> {
  const activity = await repo.findActivity(db, id, lock);
  if (!activity || !activityPolicy.view(actor, activity)) {
    throw notFound();
  }
  return activity;
}

// ---- Shaping ------------------------------------------------------------------------------------------------------

export function toSummary(row: repo.ActivityListingRow, now: Date): ActivitySummary {
  const a = row.activity;
  return {
    id: a.id,
    drivingUnitId: a.drivingUnitId,
    drivingUnitNameTh: row.unitNameTh,
    drivingUnitNameEn: row.unitNameEn,
    kind: a.kind as ActivityKind,
    titleTh: a.titleTh,
    titleEn: a.titleEn,
    status: a.status as ActivityStatus,
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    provinceCode: a.provinceCode,
    provinceNameTh: row.provinceNameTh,
    provinceNameEn: row.provinceNameEn,
    districtCode: a.districtCode,
    districtNameTh: row.districtNameTh,
    districtNameEn: row.districtNameEn,
    venue: a.venue,
    isOnline: a.onlineUrl !== null,
    capacity: a.capacity,
    seatsTaken: Number(row.seatsTaken),
    waitlistCount: Number(row.waitlistCount),
    audiences: a.audiences.filter((x): x is ActivityAudience =>
      (ACTIVITY_AUDIENCES as readonly string[]).includes(x),
    ),
    hours: Number(a.hours),
    givesCertificate: a.givesCertificate,
    registrationClosesAt: isoOrNull(a.registrationClosesAt),
    registrationOpen: isRegistrationOpen(a, now),
  };
}

/** The detail of an activity without the person's registration (the registrations service adds it). */
export async function getActivityBase(
  db: Database,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<Omit<ActivityDetail, 'myRegistration' | 'abilities'> & { canManage: boolean }> {
  await loadVisibleActivity(db, actor, id);
  const row = await repo.findActivityListing(db, id);
  if (!row) {
    throw notFound();
  }
  const facilitators = await repo.listFacilitators(db, id);
  const a = row.activity;
  const canManage = actor !== null && activityPolicy.manage(actor, a);
  return {
    ...toSummary(row, now),
    descriptionTh: a.descriptionTh,
    descriptionEn: a.descriptionEn,
    onlineUrl: canManage ? a.onlineUrl : null,
    cohortId: a.cohortId,
    facilitators: facilitators.map((f) => ({
      personId: f.personId,
      nameTh: f.nameTh,
      nameEn: f.nameEn,
      role: f.role as FacilitatorRole,
    })),
    publishedAt: isoOrNull(a.publishedAt),
    version: a.version,
    canManage,
  };
}

/** What the actor may do with an activity apart from registering. */
export function managerAbilities(actor: Actor | null, activity: repo.ActivityRow, now: Date) {
  const manage = actor !== null && activityPolicy.manage(actor, activity);
  return {
    canEdit: manage && (activity.status === 'draft' || activity.status === 'published'),
    canPublish: manage && canTransition(activity.status, 'publish'),
    canCancel: manage && canTransition(activity.status, 'cancel'),
    canComplete: manage && canTransition(activity.status, 'complete') && now >= activity.startsAt,
    canManage: manage,
  };
}

// ---- Lists --------------------------------------------------------------------------------------------------------

/** Midnight in Bangkok (UTC+7, no daylight saving) of an ISO date, as an instant. */
function bangkokMidnight(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00+07:00`);
}

function nextMonth(month: string): string {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const next = new Date(Date.UTC(y, m, 1));
  return next.toISOString().slice(0, 7);
}

/** The public calendar (see ActivityListQuery). */
export async function listPublicActivities(
  db: Database,
  query: ActivityListQuery,
  now: Date,
): Promise<ActivitySummary[]> {
  const filter: repo.PublicListFilter = {
    limit: query.limit,
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.provinceCode !== undefined ? { provinceCode: query.provinceCode } : {}),
    ...(query.drivingUnitId ? { drivingUnitId: query.drivingUnitId } : {}),
    ...(query.audience ? { audience: query.audience } : {}),
  };
  if (query.month) {
    filter.startsFrom = bangkokMidnight(`${query.month}-01`);
    filter.startsBefore = bangkokMidnight(`${nextMonth(query.month)}-01`);
  }
  if (query.from) {
    filter.startsFrom = bangkokMidnight(query.from);
  }
  if (query.to) {
    filter.startsBefore = new Date(bangkokMidnight(query.to).getTime() + 86_400_000);
  }
  if (query.upcoming) {
    filter.endsAfter = now;
  }
  const rows = await repo.listPublicActivities(db, filter);
  return rows.map((r) => toSummary(r, now));
}

/** Unit staff see their unit's activities (any unit they name is replaced by theirs); officers any or all units. */
export async function listManagedActivities(
  db: Database,
  actor: Actor,
  query: ManagedActivityListQuery,
  now: Date,
): Promise<ActivitySummary[]> {
  authorize(actor, activityPolicy.listManaged, {});
  let drivingUnitId: string | null = query.drivingUnitId ?? null;
  if (!activityPolicy.isOfficer(actor)) {
    if (drivingUnitId && drivingUnitId !== actor.drivingUnitId) {
      return [];
    }
    drivingUnitId = actor.drivingUnitId;
  }
  const rows = await repo.listManagedActivities(db, {
    drivingUnitId,
    limit: query.limit,
    ...(query.status ? { status: query.status } : {}),
  });
  return rows.map((r) => toSummary(r, now));
}

/** SI personnel the editor may name as facilitators of the unit's activities. */
export async function listFacilitatorOptions(
  db: Database,
  actor: Actor,
  drivingUnitId: string | undefined,
): Promise<FacilitatorOption[]> {
  authorize(actor, activityPolicy.listManaged, {});
  const unit = activityPolicy.isOfficer(actor) ? (drivingUnitId ?? null) : actor.drivingUnitId;
  return repo.listFacilitatorOptions(db, unit);
}

// ---- Editing ------------------------------------------------------------------------------------------------------

type ActivityFields = Omit<CreateActivityBody, 'drivingUnitId'>;

/** The domain checks of an activity's fields; every problem at once, each on its field. */
async function checkFields(db: DbOrTx, fields: ActivityFields, drivingUnitId: string): Promise<void> {
  const issues: FieldIssue[] = [];
  const startsAt = new Date(fields.startsAt);
  const endsAt = new Date(fields.endsAt);
  if (endsAt <= startsAt) {
    issues.push(fieldIssue('endsAt', 'invalid', 'errors.activities.ENDS_BEFORE_START'));
  }
  if (fields.registrationClosesAt && new Date(fields.registrationClosesAt) > endsAt) {
    issues.push(
      fieldIssue('registrationClosesAt', 'invalid', 'errors.activities.REGISTRATION_CLOSES_AFTER_END'),
    );
  }
  const online = fields.kind === 'online_session';
  if (online && !fields.onlineUrl) {
    issues.push(fieldIssue('onlineUrl', 'required', 'errors.activities.ONLINE_URL_REQUIRED'));
  }
  if (!online && fields.provinceCode === null && !fields.onlineUrl) {
    issues.push(fieldIssue('provinceCode', 'required', 'errors.activities.PLACE_REQUIRED'));
  }
  if (fields.provinceCode !== null && !(await repo.provinceExists(db, fields.provinceCode))) {
    issues.push(fieldIssue('provinceCode', 'invalid', 'errors.activities.PROVINCE_UNKNOWN'));
  }
  if (fields.districtCode !== null) {
    const province = await repo.findDistrictProvince(db, fields.districtCode);
    if (province === null || province !== fields.provinceCode) {
      issues.push(fieldIssue('districtCode', 'invalid', 'errors.activities.DISTRICT_NOT_IN_PROVINCE'));
    }
  }
  if (fields.cohortId) {
    const unit = await repo.findCohortUnit(db, fields.cohortId);
    if (unit !== drivingUnitId) {
      issues.push(fieldIssue('cohortId', 'invalid', 'errors.activities.COHORT_OTHER_UNIT'));
    }
  }
  const ids = fields.facilitators.map((f) => f.personId);
  const known = await repo.findActivePersonnelIds(db, ids);
  const seen = new Set<string>();
  fields.facilitators.forEach((f, i) => {
    if (seen.has(f.personId)) {
      issues.push(
        fieldIssue(`facilitators.${i}.personId`, 'duplicate', 'errors.activities.DUPLICATE_FACILITATOR'),
      );
    } else if (!known.has(f.personId)) {
      issues.push(
        fieldIssue(`facilitators.${i}.personId`, 'invalid', 'errors.activities.FACILITATOR_UNKNOWN'),
      );
    }
    seen.add(f.personId);
  });
  if (issues.length > 0) {
    throw new AppError('VALIDATION_FAILED', undefined, { issues });
  }
}

function columnsOf(fields: ActivityFields) {
  return {
    kind: fields.kind,
    titleTh: fields.titleTh,
    titleEn: fields.titleEn,
    descriptionTh: fields.descriptionTh,
    descriptionEn: fields.descriptionEn,
    startsAt: new Date(fields.startsAt),
    endsAt: new Date(fields.endsAt),
    provinceCode: fields.provinceCode,
    districtCode: fields.districtCode,
    venue: fields.venue,
    onlineUrl: fields.onlineUrl,
    capacity: fields.capacity,
    audiences: [...new Set(fields.audiences)],
    registrationClosesAt: fields.registrationClosesAt ? new Date(fields.registrationClosesAt) : null,
    hours: fields.hours,
    givesCertificate: fields.givesCertificate,
    cohortId: fields.cohortId,
  };
}

function snapshot(a: repo.ActivityRow) {
  return {
    kind: a.kind,
    titleTh: a.titleTh,
    status: a.status,
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    provinceCode: a.provinceCode,
    capacity: a.capacity,
    hours: Number(a.hours),
    givesCertificate: a.givesCertificate,
  };
}

/**
 * Creates a draft activity. Unit staff create for their own unit; officers must name the unit. Audited.
 */
export async function createActivity(
  db: Database,
  actor: Actor,
  body: CreateActivityBody,
  meta: RequestMeta,
): Promise<string> {
  authorize(actor, activityPolicy.listManaged, {});
  const { drivingUnitId: given, ...fields } = body;
  const drivingUnitId = activityPolicy.isOfficer(actor) ? given : (actor.drivingUnitId ?? undefined);
  if (!drivingUnitId) {
    throw invalidField('drivingUnitId', 'errors.activities.UNIT_REQUIRED');
  }
  if (given && given !== drivingUnitId) {
    throw invalidField('drivingUnitId', 'errors.activities.OTHER_UNIT');
  }
  if (!(await repo.drivingUnitExists(db, drivingUnitId))) {
    throw invalidField('drivingUnitId', 'errors.activities.UNIT_UNKNOWN');
  }
  await checkFields(db, fields, drivingUnitId);
  return db.transaction(async (tx) => {
    const row = await repo.insertActivity(tx, {
      drivingUnitId,
      ...columnsOf(fields),
      status: 'draft',
      createdBy: actor.userId,
    });
    await repo.replaceFacilitators(tx, row.id, fields.facilitators);
    await recordAudit(tx, meta, {
      action: 'activity.created',
      entityType: 'activity',
      entityId: row.id,
      after: snapshot(row),
    });
    return row.id;
  });
}

/**
 * Hook the registrations service gives: fills seats freed by a larger capacity from the waitlist, in order, and
 * tells those promoted. Kept as a parameter so this file does not import the registrations service (no cycle).
 */
export type FillSeats = (tx: DbOrTx, activity: repo.ActivityRow, now: Date) => Promise<void>;

/**
 * Changes a draft or published activity (the whole editable set again, with the version read). A published activity
 * keeps at least the seats already taken; a larger capacity promotes from the waitlist. Audited.
 */
export async function updateActivity(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateActivityBody,
  meta: RequestMeta,
  now: Date,
  fillSeats: FillSeats,
): Promise<void> {
  const { version, ...fields } = body;
  await db.transaction(async (tx) => {
    const before = await loadManagedActivity(tx, actor, id, true);
    assertVersion(before.version, version);
    if (before.status !== 'draft' && before.status !== 'published') {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_EDITABLE');
    }
    await checkFields(tx, fields, before.drivingUnitId);
    const taken = await countSeats(tx, id);
    if (fields.capacity < taken) {
      throw invalidField('capacity', 'errors.activities.CAPACITY_BELOW_SEATS', { taken });
    }
    const after = await repo.updateActivity(tx, id, columnsOf(fields), now);
    await repo.replaceFacilitators(tx, id, fields.facilitators);
    await recordAudit(tx, meta, {
      action: 'activity.updated',
      entityType: 'activity',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    if (after.status === 'published' && after.capacity > before.capacity) {
      await fillSeats(tx, after, now);
    }
  });
}

async function countSeats(tx: DbOrTx, activityId: string): Promise<number> {
  const row = await repo.findActivityListing(tx, activityId);
  return Number(row?.seatsTaken ?? 0);
}

/** Side effects of a transition inside its transaction (messages to registrants, certificates). */
export type TransitionEffect = (tx: DbOrTx, activity: repo.ActivityRow, now: Date) => Promise<void>;

/**
 * Moves an activity along its status machine: publish (draft, not yet started), cancel (tells everyone registered or
 * waitlisted, in `effect`), complete (once started; certificates issued to attendees in `effect`). Audited.
 */
export async function transitionActivity(
  db: Database,
  actor: Actor,
  id: string,
  transition: ActivityTransition,
  version: number,
  meta: RequestMeta,
  now: Date,
  effect?: TransitionEffect,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await loadManagedActivity(tx, actor, id, true);
    assertVersion(before.version, version);
    if (!canTransition(before.status, transition)) {
      throw new AppError('INVALID_STATE', 'errors.activities.TRANSITION_NOT_ALLOWED', {
        status: before.status,
        transition,
      });
    }
    const to = ACTIVITY_TRANSITION_MAP[transition].to;
    switch (transition) {
      case 'publish':
        if (before.startsAt <= now) {
          throw new AppError('INVALID_STATE', 'errors.activities.STARTS_IN_PAST');
        }
        break;
      case 'complete':
        if (before.startsAt > now) {
          throw new AppError('INVALID_STATE', 'errors.activities.NOT_STARTED');
        }
        break;
      case 'cancel':
        break;
      default: {
        const never: never = transition;
        throw new Error(`unknown transition ${String(never)}`);
      }
    }
    const after = await repo.updateActivity(
      tx,
      id,
      {
        status: to,
        ...(transition === 'publish' ? { publishedAt: now } : {}),
        ...(transition !== 'publish' ? { attendanceCode: null, attendanceCodeExpiresAt: null } : {}),
      },
      now,
    );
    await recordAudit(tx, meta, {
      action: `activity.${transition === 'publish' ? 'published' : transition === 'cancel' ? 'cancelled' : 'completed'}`,
      entityType: 'activity',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    if (effect) {
      await effect(tx, before, now);
    }
  });
}
