import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Database } from '@server/db/client';
import { AppError, invalidField } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import {
  ATTENDANCE_CODE_ALPHABET,
  ATTENDANCE_CODE_LENGTH,
  type AttendanceCode,
  type AttendBody,
  type AttendResult,
  type MarkAttendanceBody,
  type Registration,
} from '@shared/contracts/activities';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as activitiesRepo from './activities.repo';
import * as repo from './registrations.repo';
import { activityPolicy } from './activities.policy';
import { assertVersion, iso, loadManagedActivity, publicLink } from './activities.service';
import { toRegistration } from './registrations.service';

/** A random attendance code of the unambiguous alphabet, e.g. `K7QM3X`. */
export function newAttendanceCode(): string {
  let code = '';
  for (let i = 0; i < ATTENDANCE_CODE_LENGTH; i += 1) {
    code += ATTENDANCE_CODE_ALPHABET[randomInt(ATTENDANCE_CODE_ALPHABET.length)];
  }
  return code;
}

/** The page a QR code of an attendance code opens. */
export const attendPath = (code: string) => `/attend?code=${encodeURIComponent(code)}`;

const ATTENDABLE = ['published', 'completed'];

async function codeView(code: string | null, expiresAt: Date | null): Promise<AttendanceCode> {
  if (!code || !expiresAt) {
    return { code: null, expiresAt: null, url: null, qrSvg: null };
  }
  const url = publicLink(attendPath(code));
  const qrSvg = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
  return { code, expiresAt: iso(expiresAt), url, qrSvg };
}

/** The activity's current attendance code and its QR code, for its managers (null fields when none or expired). */
export async function getAttendanceCode(
  db: Database,
  actor: Actor,
  activityId: string,
  now: Date,
): Promise<AttendanceCode> {
  const activity = await loadManagedActivity(db, actor, activityId);
  const live = activity.attendanceCodeExpiresAt !== null && activity.attendanceCodeExpiresAt > now;
  return codeView(live ? activity.attendanceCode : null, live ? activity.attendanceCodeExpiresAt : null);
}

/**
 * A fresh attendance code (the old one stops working) valid for `validMinutes`, for a published or completed
 * activity; managers only. Audited.
 */
export async function renewAttendanceCode(
  db: Database,
  actor: Actor,
  activityId: string,
  validMinutes: number,
  meta: RequestMeta,
  now: Date,
): Promise<AttendanceCode> {
  const { code, expiresAt } = await db.transaction(async (tx) => {
    const activity = await loadManagedActivity(tx, actor, activityId, true);
    if (!ATTENDABLE.includes(activity.status)) {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_OPEN');
    }
    let fresh = newAttendanceCode();
    for (let tries = 0; await activitiesRepo.attendanceCodeTaken(tx, fresh); tries += 1) {
      if (tries > 20) {
        throw new Error('no free attendance code');
      }
      fresh = newAttendanceCode();
    }
    const until = new Date(now.getTime() + validMinutes * 60_000);
    await activitiesRepo.updateActivity(
      tx,
      activityId,
      { attendanceCode: fresh, attendanceCodeExpiresAt: until },
      now,
    );
    await recordAudit(tx, meta, {
      action: 'activity.attendance_code_renewed',
      entityType: 'activity',
      entityId: activityId,
      after: { expiresAt: iso(until) },
    });
    return { code: fresh, expiresAt: until };
  });
  return codeView(code, expiresAt);
}

/**
 * A participant checks in with the code shown in the room (typed, or read from its QR code): an unknown code, or one
 * past its time, is refused on the `code` field; only a registered person (not waitlisted) is marked attended.
 * Checking in twice changes nothing.
 */
export async function attendByCode(
  db: Database,
  actor: Actor,
  body: AttendBody,
  meta: RequestMeta,
  now: Date,
): Promise<AttendResult> {
  return db.transaction(async (tx) => {
    const activity = await activitiesRepo.findActivityByAttendanceCode(tx, body.code);
    if (!activity || !ATTENDABLE.includes(activity.status)) {
      throw invalidField('code', 'errors.activities.CODE_UNKNOWN');
    }
    if (!activity.attendanceCodeExpiresAt || activity.attendanceCodeExpiresAt <= now) {
      throw invalidField('code', 'errors.activities.CODE_EXPIRED');
    }
    const mine = await repo.findPersonRegistration(tx, activity.id, actor.userId);
    if (!mine || mine.registration.status === 'cancelled') {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_REGISTERED');
    }
    if (mine.registration.status === 'waitlisted') {
      throw new AppError('INVALID_STATE', 'errors.activities.WAITLISTED_CANNOT_ATTEND');
    }
    const base = {
      activityId: activity.id,
      titleTh: activity.titleTh,
      titleEn: activity.titleEn,
      registrationId: mine.registration.id,
    };
    if (mine.registration.attendedAt) {
      return { ...base, attendedAt: iso(mine.registration.attendedAt), alreadyAttended: true };
    }
    await repo.updateRegistration(tx, mine.registration.id, {
      attendedAt: now,
      attendanceMethod: body.method,
    });
    await recordAudit(tx, meta, {
      action: 'activity_registration.attended',
      entityType: 'activity_registration',
      entityId: mine.registration.id,
      after: { method: body.method },
    });
    return { ...base, attendedAt: iso(now), alreadyAttended: false };
  });
}

/**
 * Managers mark (or unmark) a registered person's attendance; not once a certificate is issued for it. Audited.
 */
export async function markAttendance(
  db: Database,
  actor: Actor,
  registrationId: string,
  body: MarkAttendanceBody,
  meta: RequestMeta,
  now: Date,
): Promise<Registration> {
  await db.transaction(async (tx) => {
    const row = await repo.findRegistration(tx, registrationId);
    const activity = row ? await activitiesRepo.findActivity(tx, row.registration.activityId) : undefined;
    if (!row || !activity || !activityPolicy.manage(actor, activity)) {
      throw new AppError('NOT_FOUND');
    }
    const locked = await repo.findRegistrationRow(tx, registrationId, true);
    if (!locked) {
      throw new AppError('NOT_FOUND');
    }
    assertVersion(locked.version, body.version);
    if (!ATTENDABLE.includes(activity.status)) {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_OPEN');
    }
    if (locked.status !== 'registered') {
      throw new AppError('INVALID_STATE', 'errors.activities.NOT_REGISTERED');
    }
    if (!body.attended && row.certificate) {
      throw new AppError('INVALID_STATE', 'errors.activities.CERTIFICATE_ISSUED');
    }
    if (body.attended === (locked.attendedAt !== null)) {
      return;
    }
    await repo.updateRegistration(tx, registrationId, {
      attendedAt: body.attended ? now : null,
      attendanceMethod: body.attended ? 'staff' : null,
    });
    await recordAudit(tx, meta, {
      action: body.attended ? 'activity_registration.attended' : 'activity_registration.attendance_removed',
      entityType: 'activity_registration',
      entityId: registrationId,
      after: { method: 'staff', attended: body.attended },
    });
  });
  const row = await repo.findRegistration(db, registrationId);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toRegistration(row, true);
}
