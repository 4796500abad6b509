import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import { formatDateTime } from '@server/lib/pdf';
import { translate } from '@server/lib/i18n';
import { type Actor, type RequestMeta } from '@server/lib/authz';
import type { Language } from '@shared/i18n/index';
import type {
  ActivityDetail,
  AttendanceMethod,
  MyRegistration,
  RegisterBody,
  Registration,
  RegistrationStatus,
} from '@shared/contracts/activities';
import { recordAudit } from '@server/modules/audit/audit.service';
import { findPerson } from '@server/modules/accounts/accounts.service';
import { getMemberRole } from '@server/modules/organisations/organisations.service';
import { notifyUsers, queueEmail } from '@server/modules/notifications/notifications.service';
import type { EmailTemplate } from '@server/modules/notifications/notifications.templates';
import * as activitiesRepo from './activities.repo';
import * as repo from './registrations.repo';
import { activityPolicy } from './activities.policy';
import {
  activityPath,
  assertVersion,
  getActivityBase,
  isoOrNull,
  iso,
  isRegistrationOpen,
  loadManagedActivity,
  loadVisibleActivity,
  managerAbilities,
  publicLink,
  textIn,
  toSummary,
} from './activities.service';

// ---- Messages -----------------------------------------------------------------------------------------------------

export type ActivityMessage =
  | 'activity_registered'
  | 'activity_waitlisted'
  | 'activity_promoted'
  | 'activity_reminder'
  | 'activity_cancelled'
  | 'activity_certificate_issued';

/** The parameters every activity message uses: title, unit, when and where, in the reader's language. */
export function activityParams(activity: activitiesRepo.ActivityRow, extra: Record<string, string> = {}) {
  return (lang: Language): Record<string, string> => ({
    title: textIn(lang, activity.titleTh, activity.titleEn),
    startsAt: formatDateTime(activity.startsAt, lang),
    venue: activity.onlineUrl ? translate(lang, 'activities.online') : activity.venue || '-',
    ...extra,
  });
}

/**
 * Tells people about an activity, in the app and by email, in their language; call it inside the transaction of the
 * change. Erased accounts and accounts without email get only what they can (nothing, or the in-app message).
 */
export async function tellAboutActivity(
  tx: DbOrTx,
  userIds: readonly string[],
  kind: ActivityMessage & EmailTemplate,
  params: (lang: Language) => Record<string, string>,
  path: string,
): Promise<void> {
  const people = [];
  for (const userId of new Set(userIds)) {
    const person = await findPerson(tx, userId);
    if (person && !person.erased) {
      people.push({ userId, ...person });
    }
  }
  if (people.length === 0) {
    return;
  }
  await notifyUsers(
    tx,
    people.map((p) => p.userId),
    { kind, params, link: path },
  );
  for (const person of people) {
    if (person.email) {
      await queueEmail(tx, {
        to: person.email,
        template: kind,
        lang: person.lang,
        params: { name: person.name, ...params(person.lang) },
        link: publicLink(path),
      });
    }
  }
}

// ---- Shaping ------------------------------------------------------------------------------------------------------

export function toRegistration(row: repo.RegistrationRow, withContact: boolean): Registration {
  const r = row.registration;
  return {
    id: r.id,
    activityId: r.activityId,
    userId: r.userId,
    userName: row.userStatus === 'erased' ? '' : row.userName,
    userEmail: withContact && row.userStatus !== 'erased' ? row.userEmail : null,
    organisationId: r.organisationId,
    organisationNameTh: row.organisationNameTh,
    organisationNameEn: row.organisationNameEn,
    status: r.status as RegistrationStatus,
    waitlistPosition: row.waitlistPosition === null ? null : Number(row.waitlistPosition),
    createdAt: iso(r.createdAt),
    promotedAt: isoOrNull(r.promotedAt),
    cancelledAt: isoOrNull(r.cancelledAt),
    attendedAt: isoOrNull(r.attendedAt),
    attendanceMethod: r.attendanceMethod as AttendanceMethod | null,
    certificate: row.certificate
      ? {
          code: row.certificate.verificationCode,
          issuedAt: iso(row.certificate.issuedAt),
          revokedAt: isoOrNull(row.certificate.revokedAt),
        }
      : null,
    version: r.version,
  };
}

/**
 * An activity's page: public once published; with the signed-in person's registration (not cancelled), the online
 * link when they hold a seat or manage it, and what they may do.
 */
export async function getActivity(
  db: Database,
  actor: Actor | null,
  id: string,
  now: Date,
): Promise<ActivityDetail> {
  const { canManage, ...base } = await getActivityBase(db, actor, id, now);
  const activity = await loadVisibleActivity(db, actor, id);
  const mine = actor ? await repo.findPersonRegistration(db, id, actor.userId) : undefined;
  const active = mine && mine.registration.status !== 'cancelled' ? mine : undefined;
  return {
    ...base,
    onlineUrl:
      canManage || active?.registration.status === 'registered' ? activity.onlineUrl : base.onlineUrl,
    myRegistration: active ? toRegistration(active, true) : null,
    abilities: {
      ...managerAbilities(actor, activity, now),
      canRegister: actor !== null && !active && isRegistrationOpen(activity, now),
      canCancelRegistration:
        active !== undefined && activity.status === 'published' && activity.startsAt > now,
    },
  };
}

/** The signed-in person's registrations (cancelled ones too), with their activities. */
export async function listMyRegistrations(db: Database, actor: Actor, now: Date): Promise<MyRegistration[]> {
  const rows = await repo.listPersonRegistrations(db, actor.userId);
  const out: MyRegistration[] = [];
  for (const row of rows) {
    const listing = await activitiesRepo.findActivityListing(db, row.registration.activityId);
    if (listing) {
      out.push({ ...toRegistration(row, true), activity: toSummary(listing, now) });
    }
  }
  return out;
}

/** An activity's registrations with contacts, for its managers (others: NOT_FOUND). */
export async function listActivityRegistrations(
  db: Database,
  actor: Actor,
  activityId: string,
): Promise<Registration[]> {
  await loadManagedActivity(db, actor, activityId);
  const rows = await repo.listActivityRegistrations(db, activityId);
  return rows.map((r) => toRegistration(r, true));
}

// ---- Registering --------------------------------------------------------------------------------------------------

/** The next waitlist time: `now`, or just after the latest already on the list, so places never tie. */
async function nextWaitlistTime(tx: DbOrTx, activityId: string, now: Date): Promise<Date> {
  const last = await repo.lastWaitlistedAt(tx, activityId);
  return last && last >= now ? new Date(last.getTime() + 1) : now;
}

/**
 * Registers the signed-in person (optionally for an organisation they are a member of). The activity's row is locked
 * FOR UPDATE and its seats counted under the lock: a free seat → registered, else waitlisted behind everyone
 * before, so concurrent registrations never pass the capacity and the waitlist keeps their order. A cancelled
 * registration may register again (at the back of the queue). Told in the app and by email; audited.
 */
export async function register(
  db: Database,
  actor: Actor,
  activityId: string,
  body: RegisterBody,
  meta: RequestMeta,
  now: Date,
): Promise<Registration> {
  if (body.organisationId && !(await getMemberRole(db, body.organisationId, actor.userId))) {
    throw invalidField('organisationId', 'errors.activities.NOT_A_MEMBER');
  }
  const id = await db.transaction(async (tx) => {
    const activity = await loadVisibleActivity(tx, actor, activityId, true);
    if (activity.status !== 'published') {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_OPEN');
    }
    if (!isRegistrationOpen(activity, now)) {
      throw new AppError('DEADLINE_PASSED', 'errors.activities.REGISTRATION_CLOSED');
    }
    const existing = await repo.findPersonRegistration(tx, activityId, actor.userId);
    if (existing && existing.registration.status !== 'cancelled') {
      throw new AppError('CONFLICT', 'errors.activities.ALREADY_REGISTERED');
    }
    const taken = await repo.countSeatsTaken(tx, activityId);
    const seat = taken < activity.capacity;
    const values = {
      organisationId: body.organisationId,
      status: seat ? 'registered' : 'waitlisted',
      waitlistedAt: seat ? null : await nextWaitlistTime(tx, activityId, now),
      promotedAt: null,
      cancelledAt: null,
      remindedAt: null,
      attendedAt: null,
      attendanceMethod: null,
    };
    const row = existing
      ? await repo.updateRegistration(tx, existing.registration.id, { ...values, createdAt: now })
      : await repo.insertRegistration(tx, {
          activityId,
          userId: actor.userId,
          createdAt: now,
          ...values,
        });
    await recordAudit(tx, meta, {
      action: seat ? 'activity_registration.registered' : 'activity_registration.waitlisted',
      entityType: 'activity_registration',
      entityId: row.id,
      after: { activityId, status: row.status, organisationId: row.organisationId },
    });
    await tellAboutActivity(
      tx,
      [actor.userId],
      seat ? 'activity_registered' : 'activity_waitlisted',
      activityParams(activity),
      activityPath(activityId),
    );
    return row.id;
  });
  return getRegistrationRow(db, id);
}

async function getRegistrationRow(db: DbOrTx, id: string): Promise<Registration> {
  const row = await repo.findRegistration(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toRegistration(row, true);
}

/**
 * Gives freed seats to the waitlist, earliest first, and tells those promoted; inside the transaction that holds the
 * activity's lock. Only while registration could still matter (published, not started).
 */
export async function fillSeats(tx: DbOrTx, activity: activitiesRepo.ActivityRow, now: Date): Promise<void> {
  if (activity.status !== 'published' || activity.startsAt <= now) {
    return;
  }
  const free = activity.capacity - (await repo.countSeatsTaken(tx, activity.id));
  const promoted = await repo.firstWaitlisted(tx, activity.id, free);
  for (const row of promoted) {
    await repo.updateRegistration(tx, row.id, { status: 'registered', promotedAt: now });
    await recordAudit(
      tx,
      { actorUserId: null, ip: null, requestId: null },
      {
        action: 'activity_registration.promoted',
        entityType: 'activity_registration',
        entityId: row.id,
        before: { status: 'waitlisted' },
        after: { status: 'registered' },
      },
    );
  }
  for (const row of promoted) {
    await tellAboutActivity(
      tx,
      [row.userId],
      'activity_promoted',
      activityParams(activity),
      activityPath(activity.id),
    );
  }
}

/**
 * Cancels a registration: the person themself, or the activity's managers, until the activity starts. A freed seat
 * goes to the first on the waitlist in the same transaction (told in the app and by email). Audited.
 */
export async function cancelRegistration(
  db: Database,
  actor: Actor,
  registrationId: string,
  version: number,
  meta: RequestMeta,
  now: Date,
): Promise<Registration> {
  await db.transaction(async (tx) => {
    const peek = await repo.findRegistrationRow(tx, registrationId);
    if (!peek) {
      throw new AppError('NOT_FOUND');
    }
    // The activity first, then the registration: the same order as `register`, so the two never deadlock.
    const activity = await activitiesRepo.findActivity(tx, peek.activityId, true);
    const own = peek.userId === actor.userId;
    if (!activity || (!own && !activityPolicy.manage(actor, activity))) {
      throw new AppError('NOT_FOUND');
    }
    const row = await repo.findRegistrationRow(tx, registrationId, true);
    if (!row) {
      throw new AppError('NOT_FOUND');
    }
    assertVersion(row.version, version);
    if (row.status === 'cancelled') {
      throw new AppError('INVALID_STATE', 'errors.activities.ALREADY_CANCELLED');
    }
    if (activity.status !== 'published' || activity.startsAt <= now) {
      throw new AppError('INVALID_STATE', 'errors.activities.CANCEL_TOO_LATE');
    }
    await repo.updateRegistration(tx, row.id, { status: 'cancelled', cancelledAt: now });
    await recordAudit(tx, meta, {
      action: 'activity_registration.cancelled',
      entityType: 'activity_registration',
      entityId: row.id,
      before: { status: row.status },
      after: { status: 'cancelled', by: own ? 'registrant' : 'staff' },
    });
    if (row.status === 'registered') {
      await fillSeats(tx, activity, now);
    }
  });
  return getRegistrationRow(db, registrationId);
}

/** Tells everyone registered or waitlisted that the activity is cancelled (when it had been published). */
export async function tellCancelled(
  tx: DbOrTx,
  activity: activitiesRepo.ActivityRow,
  reason: string,
): Promise<void> {
  if (activity.status !== 'published') {
    return;
  }
  const people = await activitiesRepo.listActiveRegistrantIds(tx, activity.id);
  await tellAboutActivity(
    tx,
    people.map((p) => p.userId),
    'activity_cancelled',
    activityParams(activity, { reason }),
    activityPath(activity.id),
  );
}
