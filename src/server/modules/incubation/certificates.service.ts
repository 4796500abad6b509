import type { Database, DbOrTx } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import type {
  ActivityCertificateVerification,
  ActivityKind,
  Registration,
} from '@shared/contracts/activities';
import { recordAudit } from '@server/modules/audit/audit.service';
import {
  formatVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
} from '@server/modules/contests/contests.certificates';
import * as activitiesRepo from './activities.repo';
import * as repo from './registrations.repo';
import { activityPolicy } from './activities.policy';
import { iso, isoOrNull, loadManagedActivity } from './activities.service';
import { activityParams, tellAboutActivity, toRegistration } from './registrations.service';

/** The public page that checks a certificate. */
export const certificatePath = (code: string) => `/certificates/${code}`;

/** Issues a certificate to one attendee (once); true when a new one was made. Inside the caller's transaction. */
async function issueOne(
  tx: DbOrTx,
  activity: activitiesRepo.ActivityRow,
  attendee: { id: string; userId: string; name: string },
  meta: RequestMeta,
  now: Date,
): Promise<boolean> {
  const code = newVerificationCode();
  const made = await repo.insertCertificate(tx, {
    registrationId: attendee.id,
    verificationCode: code,
    recipientName: attendee.name,
    issuedAt: now,
  });
  if (!made) {
    return false;
  }
  await recordAudit(tx, meta, {
    action: 'activity_certificate.issued',
    entityType: 'activity_registration',
    entityId: attendee.id,
    after: { code },
  });
  await tellAboutActivity(
    tx,
    [attendee.userId],
    'activity_certificate_issued',
    activityParams(activity, { code: formatVerificationCode(code) }),
    '/events/mine',
  );
  return true;
}

/**
 * Issues certificates to every attendee without one, when the activity gives certificates; inside the transaction
 * that completes the activity, or on the managers' request. Returns how many were issued.
 */
export async function issueToAttendees(
  tx: DbOrTx,
  activity: activitiesRepo.ActivityRow,
  meta: RequestMeta,
  now: Date,
): Promise<number> {
  if (!activity.givesCertificate) {
    return 0;
  }
  let issued = 0;
  for (const a of await repo.listAttendeesWithoutCertificate(tx, activity.id)) {
    if (await issueOne(tx, activity, { id: a.id, userId: a.user_id, name: a.name }, meta, now)) {
      issued += 1;
    }
  }
  return issued;
}

/** Managers issue the certificates of a published or completed activity's attendees now. */
export async function issueCertificates(
  db: Database,
  actor: Actor,
  activityId: string,
  meta: RequestMeta,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const activity = await loadManagedActivity(tx, actor, activityId, true);
    if (activity.status !== 'published' && activity.status !== 'completed') {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_OPEN');
    }
    if (!activity.givesCertificate) {
      throw new AppError('INVALID_STATE', 'errors.activities.NO_CERTIFICATE');
    }
    return issueToAttendees(tx, activity, meta, now);
  });
}

/**
 * An attendee asks for their certificate (once they have attended, when the activity gives one); returns the
 * registration with it. Asking again returns the same certificate.
 */
export async function requestCertificate(
  db: Database,
  actor: Actor,
  registrationId: string,
  meta: RequestMeta,
  now: Date,
): Promise<Registration> {
  await db.transaction(async (tx) => {
    const row = await repo.findRegistration(tx, registrationId);
    if (!row || row.registration.userId !== actor.userId) {
      throw new AppError('NOT_FOUND');
    }
    const activity = await activitiesRepo.findActivity(tx, row.registration.activityId);
    if (!activity || (activity.status !== 'published' && activity.status !== 'completed')) {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_OPEN');
    }
    if (!activity.givesCertificate) {
      throw new AppError('INVALID_STATE', 'errors.activities.NO_CERTIFICATE');
    }
    if (row.registration.status !== 'registered' || !row.registration.attendedAt) {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_ATTENDED');
    }
    await issueOne(
      tx,
      activity,
      { id: row.registration.id, userId: actor.userId, name: row.userName },
      meta,
      now,
    );
  });
  const row = await repo.findRegistration(db, registrationId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toRegistration(row, true);
}

/** Everything a certificate PDF shows. */
export interface PrintableActivityCertificate {
  code: string;
  rawCode: string;
  recipientName: string;
  organisationNameTh: string | null;
  activityTitleTh: string;
  activityTitleEn: string;
  kind: ActivityKind;
  unitNameTh: string;
  unitNameEn: string;
  startsAt: Date;
  endsAt: Date;
  hours: number;
  issuedAt: Date;
}

/**
 * A certificate for print: for the person it was issued to and the activity's managers (others: NOT_FOUND); a revoked
 * one is not printed (INVALID_STATE).
 */
export async function getCertificateForPrint(
  db: Database,
  actor: Actor,
  registrationId: string,
): Promise<PrintableActivityCertificate> {
  const row = await repo.findRegistration(db, registrationId);
  const activity = row
    ? await activitiesRepo.findActivityListing(db, row.registration.activityId)
    : undefined;
  if (
    !row ||
    !activity ||
    (row.registration.userId !== actor.userId && !activityPolicy.manage(actor, activity.activity))
  ) {
    throw new AppError('NOT_FOUND');
  }
  const certificate = row.certificate;
  if (!certificate) {
    throw new AppError('NOT_FOUND');
  }
  if (certificate.revokedAt) {
    throw new AppError('INVALID_STATE', 'errors.activities.CERTIFICATE_REVOKED');
  }
  const a = activity.activity;
  return {
    code: formatVerificationCode(certificate.verificationCode),
    rawCode: certificate.verificationCode,
    recipientName: certificate.recipientName,
    organisationNameTh: row.organisationNameTh,
    activityTitleTh: a.titleTh,
    activityTitleEn: a.titleEn,
    kind: a.kind as ActivityKind,
    unitNameTh: activity.unitNameTh,
    unitNameEn: activity.unitNameEn,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    hours: Number(a.hours),
    issuedAt: certificate.issuedAt,
  };
}

/** Anyone checks a certificate's code (typed loosely: case, dashes, O/0, I/L/1): valid, revoked or unknown. */
export async function verifyCertificate(
  db: Database,
  input: string,
): Promise<ActivityCertificateVerification> {
  const code = normaliseVerificationCode(input);
  const found = code ? await repo.findCertificateByCode(db, code) : undefined;
  const unit = found ? await activitiesRepo.findActivityListing(db, found.activity.id) : undefined;
  if (!found || !unit) {
    return {
      status: 'unknown',
      code: input.trim().toUpperCase(),
      recipientName: null,
      organisationNameTh: null,
      activityId: null,
      activityTitleTh: null,
      activityTitleEn: null,
      kind: null,
      drivingUnitNameTh: null,
      drivingUnitNameEn: null,
      startsAt: null,
      endsAt: null,
      hours: null,
      issuedAt: null,
      revokedAt: null,
    };
  }
  const { certificate: c, activity: a } = found;
  return {
    status: c.revokedAt ? 'revoked' : 'valid',
    code: formatVerificationCode(c.verificationCode),
    recipientName: c.recipientName,
    organisationNameTh: found.organisationNameTh,
    activityId: a.id,
    activityTitleTh: a.titleTh,
    activityTitleEn: a.titleEn,
    kind: a.kind as ActivityKind,
    drivingUnitNameTh: unit.unitNameTh,
    drivingUnitNameEn: unit.unitNameEn,
    startsAt: iso(a.startsAt),
    endsAt: iso(a.endsAt),
    hours: Number(a.hours),
    issuedAt: iso(c.issuedAt),
    revokedAt: isoOrNull(c.revokedAt),
  };
}

/** Managers revoke a certificate of their activity, with a reason; audited. */
export async function revokeCertificate(
  db: Database,
  actor: Actor,
  registrationId: string,
  reason: string,
  meta: RequestMeta,
  now: Date,
): Promise<Registration> {
  await db.transaction(async (tx) => {
    const row = await repo.findRegistration(tx, registrationId);
    if (!row) {
      throw new AppError('NOT_FOUND');
    }
    await loadManagedActivity(tx, actor, row.registration.activityId, true);
    if (!row.certificate) {
      throw new AppError('NOT_FOUND');
    }
    if (row.certificate.revokedAt) {
      throw new AppError('INVALID_STATE', 'errors.activities.CERTIFICATE_REVOKED');
    }
    await repo.revokeCertificate(tx, row.certificate.id, now);
    await recordAudit(tx, meta, {
      action: 'activity_certificate.revoked',
      entityType: 'activity_registration',
      entityId: registrationId,
      after: { code: row.certificate.verificationCode, reason },
    });
  });
  const row = await repo.findRegistration(db, registrationId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toRegistration(row, true);
}
