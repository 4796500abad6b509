import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { generate as totpGenerate, generateSecret, generateURI, verify as totpVerify } from 'otplib';
import QRCode from 'qrcode';
import type { Database, DbOrTx } from '@server/db/client';
import { AppError, fieldIssue } from '@server/lib/errors';
import type { Actor, RequestMeta } from '@server/lib/authz';
import { hashToken, randomToken } from '@server/lib/crypto';
import { clearCounter, hitCounter, lockKey, lockedUntil } from '@server/lib/counters';
import type { Language } from '@shared/i18n/index';
import {
  ROLES_REQUIRING_2FA,
  type LoginBody,
  type Me,
  type PlatformRole,
  type RegisterBody,
  type SessionInfo,
} from '@shared/contracts/identity';
import { recordAudit } from '@server/modules/audit/audit.service';
import { queueEmail } from '@server/modules/notifications/notifications.service';
import { eraseNeedRequester, personalDataOfNeeds } from '@server/modules/diffusion/needs.service';
import * as repo from './accounts.repo';

export interface AccountsConfig {
  publicUrl: string;
  sessionDays: number;
  requireStaffTwoFactor: boolean;
}

const VERIFY_EMAIL_HOURS = 48;
const RESET_PASSWORD_MINUTES = 60;
const LOCKOUT_FAILURES = 5;
const LOCKOUT_WINDOW_MS = 15 * 60_000;
const LOCKOUT_MS = 15 * 60_000;
/** A hash of a random password, verified when the account does not exist so that timing does not tell. */
let dummyHash: Promise<string> | undefined;

function userLanguage(user: { locale: string }): Language {
  return user.locale === 'en' ? 'en' : 'th';
}

function wrongTotp(): AppError {
  return new AppError('VALIDATION_FAILED', 'errors.TOTP_WRONG', {
    issues: [fieldIssue('body.code', 'invalid', 'errors.TOTP_WRONG')],
  });
}

/**
 * Stores a new password hash, signs out every session but `keepSessionId`, audits it and tells the person by email.
 */
async function storeNewPassword(
  tx: DbOrTx,
  userId: string,
  passwordHash: string,
  keepSessionId: string | null,
  meta: RequestMeta,
  action: 'user.password_reset' | 'user.password_changed',
  extra: { emailVerifiedAt?: Date } = {},
): Promise<void> {
  const user = await repo.updateUser(tx, userId, { passwordHash, ...extra });
  await repo.revokeOtherSessions(tx, userId, keepSessionId);
  await clearCounter(tx, lockoutKey(user.email ?? ''));
  await recordAudit(tx, meta, {
    action,
    entityType: 'user',
    entityId: userId,
    before: { passwordHash: 'old' },
    after: { passwordHash: 'new' },
  });
  if (user.email) {
    await queueEmail(tx, {
      to: user.email,
      template: 'password_changed',
      lang: userLanguage(user),
      params: { name: user.name },
    });
  }
}

function lockoutKey(email: string) {
  return `login-failures:${email}`;
}

function userSnapshot(user: repo.UserRow) {
  return {
    email: user.email,
    name: user.name,
    phone: user.phone,
    locale: user.locale,
    status: user.status,
    emailVerified: user.emailVerifiedAt !== null,
    totpEnabled: user.totpEnabledAt !== null,
  };
}

function tokenProblem(token: { usedAt: Date | null; expiresAt: Date } | undefined): AppError | null {
  if (!token) {
    return new AppError('TOKEN_INVALID');
  }
  if (token.usedAt) {
    return new AppError('TOKEN_USED');
  }
  if (new Date(token.expiresAt).getTime() <= Date.now()) {
    return new AppError('TOKEN_EXPIRED');
  }
  return null;
}

/** Issues a single-use emailed token for another module (invitations); returns the token to put in the link. */
export async function issueEmailToken(
  tx: DbOrTx,
  purpose: string,
  email: string,
  data: Record<string, unknown>,
  ttlMs: number,
  userId: string | null = null,
): Promise<string> {
  const token = randomToken();
  await repo.insertToken(tx, {
    purpose,
    tokenHash: hashToken(token),
    userId,
    email,
    data,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return token;
}

/** Uses a token of the given purpose once: its email and data, or TOKEN_INVALID / TOKEN_EXPIRED / TOKEN_USED. */
export async function consumeEmailToken(
  tx: DbOrTx,
  purpose: string,
  token: string,
): Promise<{ userId: string | null; email: string | null; data: Record<string, unknown> }> {
  const row = await repo.findToken(tx, purpose, hashToken(token));
  const problem = tokenProblem(row);
  if (problem || !row) {
    throw problem ?? new AppError('TOKEN_INVALID');
  }
  if (!(await repo.useToken(tx, row.id))) {
    throw new AppError('TOKEN_USED');
  }
  return { userId: row.userId, email: row.email, data: row.data };
}

/** A used account token (verification, reset): the account it belongs to. */
async function consumeAccountToken(tx: DbOrTx, purpose: string, token: string): Promise<string> {
  const { userId } = await consumeEmailToken(tx, purpose, token);
  if (!userId) {
    throw new AppError('TOKEN_INVALID');
  }
  return userId;
}

export async function listOpenEmailTokens(db: DbOrTx, purpose: string, key: string, value: string) {
  return repo.listOpenTokens(db, purpose, key, value);
}

/** A person's display name, email and chosen language, for other modules (null when the account does not exist). */
export async function findPerson(
  db: DbOrTx,
  userId: string,
): Promise<{ name: string; email: string | null; erased: boolean; lang: Language } | null> {
  const user = await repo.findUserById(db, userId);
  return user
    ? { name: user.name, email: user.email, erased: user.status === 'erased', lang: userLanguage(user) }
    : null;
}

/** The current privacy notice version, which registration must accept. */
export async function getCurrentPrivacyNotice(db: Database) {
  const notice = await repo.latestPrivacyNotice(db);
  if (!notice) {
    throw new AppError('SERVICE_UNAVAILABLE');
  }
  return notice;
}

/**
 * Registers a person: the email must be new; the current privacy notice must be accepted (recorded with its
 * version); a verification link is queued by email in the same transaction.
 */
export async function register(
  db: Database,
  config: AccountsConfig,
  input: RegisterBody,
  meta: RequestMeta,
  lang: Language,
): Promise<{ id: string }> {
  const notice = await getCurrentPrivacyNotice(db);
  if (input.privacyNoticeVersion !== notice.version) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [
        fieldIssue('body.privacyNoticeVersion', 'invalid_value', 'errors.PRIVACY_VERSION', {
          version: notice.version,
        }),
      ],
    });
  }
  const passwordHash = await argonHash(input.password);
  return db.transaction(async (tx) => {
    if (await repo.findUserByEmail(tx, input.email)) {
      throw new AppError('CONFLICT', 'errors.EMAIL_TAKEN', {
        issues: [fieldIssue('body.email', 'taken', 'errors.EMAIL_TAKEN')],
      });
    }
    const user = await repo.insertUser(tx, {
      email: input.email,
      name: input.name,
      phone: input.phone ?? null,
      passwordHash,
      locale: input.locale ?? lang,
      privacyNoticeVersion: notice.version,
      privacyAcceptedAt: new Date(),
    });
    await recordAudit(
      tx,
      { ...meta, actorUserId: meta.actorUserId ?? user.id },
      {
        action: 'user.registered',
        entityType: 'user',
        entityId: user.id,
        after: { ...userSnapshot(user), privacyNoticeVersion: notice.version },
      },
    );
    const token = await issueEmailToken(
      tx,
      'verify_email',
      input.email,
      {},
      VERIFY_EMAIL_HOURS * 3_600_000,
      user.id,
    );
    await queueEmail(tx, {
      to: input.email,
      template: 'verify_email',
      lang: userLanguage(user),
      params: { name: user.name },
      link: `${config.publicUrl}/verify-email?token=${encodeURIComponent(token)}`,
    });
    return { id: user.id };
  });
}

/** Confirms an email address with the token from the verification message. */
export async function verifyEmail(db: Database, token: string, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, 'verify_email', token);
    const before = await repo.findUserById(tx, userId);
    const after = await repo.updateUser(tx, userId, {
      emailVerifiedAt: before?.emailVerifiedAt ?? new Date(),
    });
    await recordAudit(
      tx,
      { ...meta, actorUserId: userId },
      {
        action: 'user.email_verified',
        entityType: 'user',
        entityId: userId,
        before: before ? userSnapshot(before) : null,
        after: userSnapshot(after),
      },
    );
  });
}

export interface SessionTicket {
  token: string;
  expiresAt: Date;
  status: 'signed_in' | 'totp_required';
}

async function registerFailure(db: Database, email: string): Promise<void> {
  const { count } = await hitCounter(db, lockoutKey(email), LOCKOUT_WINDOW_MS);
  if (count >= LOCKOUT_FAILURES) {
    await lockKey(db, lockoutKey(email), new Date(Date.now() + LOCKOUT_MS));
  }
}

async function assertNotLocked(db: Database, email: string): Promise<void> {
  const until = await lockedUntil(db, lockoutKey(email));
  if (until) {
    throw new AppError('ACCOUNT_LOCKED', undefined, { lockedUntil: until.toISOString() });
  }
}

/**
 * Signs in with email and password. Five failures within 15 minutes lock the account for 15 minutes (kept in the
 * database, so the lock holds on every instance). With a second factor the session starts "TOTP pending".
 */
export async function login(
  db: Database,
  config: AccountsConfig,
  input: LoginBody,
  meta: RequestMeta & { userAgent: string | null },
): Promise<SessionTicket> {
  await assertNotLocked(db, input.email);
  const user = await repo.findUserByEmail(db, input.email);
  dummyHash ??= argonHash(randomToken());
  const valid =
    user?.passwordHash && user.status === 'active'
      ? await argonVerify(user.passwordHash, input.password)
      : (await argonVerify(await dummyHash, input.password)) && false;
  if (!user || !valid) {
    await registerFailure(db, input.email);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (!user.emailVerifiedAt) {
    throw new AppError('EMAIL_NOT_VERIFIED');
  }
  await clearCounter(db, lockoutKey(input.email));
  const token = randomToken();
  const expiresAt = new Date(Date.now() + config.sessionDays * 86_400_000);
  const mfaPending = user.totpEnabledAt !== null;
  await db.transaction(async (tx) => {
    const sessionId = await repo.insertSession(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      csrfToken: randomToken(),
      mfaPending,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      expiresAt,
    });
    await recordAudit(
      tx,
      { ...meta, actorUserId: user.id },
      {
        action: mfaPending ? 'session.password_accepted' : 'session.signed_in',
        entityType: 'session',
        entityId: sessionId,
      },
    );
  });
  return { token, expiresAt, status: mfaPending ? 'totp_required' : 'signed_in' };
}

async function checkTotp(secret: string, code: string): Promise<boolean> {
  const result = await totpVerify({ secret, token: code, epochTolerance: 30 });
  return result.valid;
}

/** Completes a sign-in that waits for the second factor. */
export async function completeTotpLogin(
  db: Database,
  actor: Actor,
  code: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.email || !user.totpSecret || !actor.mfaPending) {
    throw new AppError('INVALID_STATE');
  }
  await assertNotLocked(db, user.email);
  if (!(await checkTotp(user.totpSecret, code))) {
    await registerFailure(db, user.email);
    throw wrongTotp();
  }
  await clearCounter(db, lockoutKey(user.email));
  await db.transaction(async (tx) => {
    await repo.completeSessionMfa(tx, actor.sessionId);
    await recordAudit(tx, meta, {
      action: 'session.signed_in',
      entityType: 'session',
      entityId: actor.sessionId,
    });
  });
}

export async function logout(db: Database, actor: Actor, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await repo.revokeSession(tx, actor.userId, actor.sessionId);
    await recordAudit(tx, meta, {
      action: 'session.signed_out',
      entityType: 'session',
      entityId: actor.sessionId,
    });
  });
}

/** The actor of a session token, or null when the token is unknown, expired or revoked. */
export async function resolveSession(
  db: Database,
  config: AccountsConfig,
  token: string,
): Promise<Actor | null> {
  const found = await repo.findLiveSession(db, hashToken(token));
  if (!found) {
    return null;
  }
  if (Date.now() - new Date(found.lastSeenAt).getTime() > 60_000) {
    await repo.touchSession(db, found.sessionId);
  }
  const roles = found.roles;
  const roleNames = roles.map((r) => r.role as PlatformRole);
  const totpEnabled = found.totpEnabledAt !== null;
  return {
    userId: found.userId,
    sessionId: found.sessionId,
    roles: roleNames,
    drivingUnitId: roles.find((r) => r.drivingUnitId)?.drivingUnitId ?? null,
    csrfToken: found.csrfToken,
    mfaPending: found.mfaPending,
    totpEnabled,
    mustEnrollTotp:
      config.requireStaffTwoFactor && !totpEnabled && roleNames.some((r) => ROLES_REQUIRING_2FA.includes(r)),
  };
}

export async function getMe(db: Database, actor: Actor): Promise<Me> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.email) {
    throw new AppError('UNAUTHENTICATED');
  }
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    phone: user.phone,
    locale: userLanguage(user),
    emailVerified: user.emailVerifiedAt !== null,
    totpEnabled: actor.totpEnabled,
    roles: actor.roles,
    drivingUnitId: actor.drivingUnitId,
    mustEnrollTotp: actor.mustEnrollTotp,
    csrfToken: actor.csrfToken,
  };
}

/**
 * Starts a password reset. The answer is the same whether or not the account exists; the email, when it does,
 * carries a one-hour single-use link.
 */
export async function requestPasswordReset(
  db: Database,
  config: AccountsConfig,
  email: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserByEmail(db, email);
  if (!user || user.status !== 'active') {
    return;
  }
  await db.transaction(async (tx) => {
    const token = await issueEmailToken(
      tx,
      'reset_password',
      email,
      {},
      RESET_PASSWORD_MINUTES * 60_000,
      user.id,
    );
    await recordAudit(tx, meta, {
      action: 'user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
    });
    await queueEmail(tx, {
      to: email,
      template: 'reset_password',
      lang: userLanguage(user),
      params: { name: user.name, minutes: String(RESET_PASSWORD_MINUTES) },
      link: `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`,
    });
  });
}

/** Sets a new password with a reset token; every session of the account is signed out. */
export async function resetPassword(
  db: Database,
  token: string,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const passwordHash = await argonHash(password);
  await db.transaction(async (tx) => {
    const userId = await consumeAccountToken(tx, 'reset_password', token);
    await storeNewPassword(
      tx,
      userId,
      passwordHash,
      null,
      { ...meta, actorUserId: userId },
      'user.password_reset',
      {
        emailVerifiedAt: new Date(),
      },
    );
  });
}

/** Changes the password after checking the current one; other sessions are signed out. */
export async function changePassword(
  db: Database,
  actor: Actor,
  current: string,
  next: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.passwordHash || !(await argonVerify(user.passwordHash, current))) {
    throw new AppError('VALIDATION_FAILED', 'errors.PASSWORD_WRONG', {
      issues: [fieldIssue('body.currentPassword', 'invalid', 'errors.PASSWORD_WRONG')],
    });
  }
  const passwordHash = await argonHash(next);
  await db.transaction(async (tx) => {
    await storeNewPassword(tx, actor.userId, passwordHash, actor.sessionId, meta, 'user.password_changed');
  });
}

export async function updateProfile(
  db: Database,
  actor: Actor,
  patch: { name?: string | undefined; phone?: string | null | undefined; locale?: 'th' | 'en' | undefined },
  meta: RequestMeta,
): Promise<Me> {
  await db.transaction(async (tx) => {
    const before = await repo.findUserById(tx, actor.userId);
    if (!before) {
      throw new AppError('UNAUTHENTICATED');
    }
    const after = await repo.updateUser(tx, actor.userId, {
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.locale !== undefined ? { locale: patch.locale } : {}),
    });
    await recordAudit(tx, meta, {
      action: 'user.profile_updated',
      entityType: 'user',
      entityId: actor.userId,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
  });
  return getMe(db, actor);
}

export async function listSessions(db: Database, actor: Actor): Promise<SessionInfo[]> {
  const rows = await repo.listLiveSessions(db, actor.userId);
  return rows.map((s) => ({
    id: s.id,
    current: s.id === actor.sessionId,
    ip: s.ip,
    userAgent: s.userAgent,
    createdAt: new Date(s.createdAt).toISOString(),
    lastSeenAt: new Date(s.lastSeenAt).toISOString(),
  }));
}

/** Revokes one of the actor's own sessions; another person's session id is simply not found. */
export async function revokeOwnSession(
  db: Database,
  actor: Actor,
  sessionId: string,
  meta: RequestMeta,
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await repo.revokeSession(tx, actor.userId, sessionId))) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, meta, { action: 'session.revoked', entityType: 'session', entityId: sessionId });
  });
}

/** Starts two-factor enrolment: a new secret (not active until confirmed with a code) and its QR code. */
export async function startTotpEnrolment(
  db: Database,
  actor: Actor,
): Promise<{ secret: string; otpauthUrl: string; qrSvg: string }> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.email) {
    throw new AppError('UNAUTHENTICATED');
  }
  if (user.totpEnabledAt) {
    throw new AppError('INVALID_STATE', 'errors.TOTP_ALREADY_ENABLED');
  }
  const secret = generateSecret();
  await repo.updateUser(db, actor.userId, { totpSecret: secret });
  const otpauthUrl = generateURI({ issuer: 'SI Platform', label: user.email, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', margin: 1 });
  return { secret, otpauthUrl, qrSvg };
}

export async function confirmTotpEnrolment(
  db: Database,
  actor: Actor,
  code: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.totpSecret || user.totpEnabledAt) {
    throw new AppError('INVALID_STATE');
  }
  if (!(await checkTotp(user.totpSecret, code))) {
    throw wrongTotp();
  }
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { totpEnabledAt: new Date() });
    await recordAudit(tx, meta, {
      action: 'user.totp_enabled',
      entityType: 'user',
      entityId: actor.userId,
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
  });
}

export async function disableTotp(
  db: Database,
  config: AccountsConfig,
  actor: Actor,
  code: string,
  meta: RequestMeta,
): Promise<void> {
  if (config.requireStaffTwoFactor && actor.roles.some((r) => ROLES_REQUIRING_2FA.includes(r))) {
    throw new AppError('FORBIDDEN', 'errors.TOTP_REQUIRED_FOR_ROLE');
  }
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.totpSecret || !user.totpEnabledAt) {
    throw new AppError('INVALID_STATE');
  }
  if (!(await checkTotp(user.totpSecret, code))) {
    throw wrongTotp();
  }
  await db.transaction(async (tx) => {
    await repo.updateUser(tx, actor.userId, { totpEnabledAt: null, totpSecret: null });
    await recordAudit(tx, meta, {
      action: 'user.totp_disabled',
      entityType: 'user',
      entityId: actor.userId,
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
  });
}

/** The current code of a TOTP secret (demo seed and tests). */
export async function currentTotpCode(secret: string): Promise<string> {
  return totpGenerate({ secret });
}

export interface SeedAccount {
  email: string;
  name: string;
  password: string;
  role: PlatformRole | null;
  drivingUnitId?: string;
  totpSecret?: string;
}

/** Creates a verified account with a role if the email is new (demo seed and tests). */
export async function ensureAccount(db: Database, account: SeedAccount): Promise<string> {
  const existing = await repo.findUserByEmail(db, account.email);
  if (existing) {
    return existing.id;
  }
  const notice = await getCurrentPrivacyNotice(db);
  const passwordHash = await argonHash(account.password);
  return db.transaction(async (tx) => {
    const user = await repo.insertUser(tx, {
      email: account.email,
      name: account.name,
      passwordHash,
      emailVerifiedAt: new Date(),
      privacyNoticeVersion: notice.version,
      privacyAcceptedAt: new Date(),
      ...(account.totpSecret ? { totpSecret: account.totpSecret, totpEnabledAt: new Date() } : {}),
    });
    if (account.role) {
      await repo.insertRole(tx, {
        userId: user.id,
        role: account.role,
        drivingUnitId: account.drivingUnitId ?? null,
      });
    }
    await recordAudit(
      tx,
      { actorUserId: null, ip: null, requestId: null },
      {
        action: 'user.seeded',
        entityType: 'user',
        entityId: user.id,
        after: { ...userSnapshot(user), role: account.role },
      },
    );
    return user.id;
  });
}

export const PRIVACY_NOTICE_V1 = {
  version: '2026-11',
  textTh:
    'SI Platform เก็บชื่อ อีเมล และหมายเลขโทรศัพท์ของท่านเพื่อบริหารบัญชีผู้ใช้ การยื่นข้อเสนอ และการติดต่อเกี่ยวกับโครงการ ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 ท่านขอดาวน์โหลดข้อมูลส่วนบุคคลของท่านหรือขอให้ลบได้ทุกเมื่อจากหน้าโปรไฟล์ ข้อมูลที่ผู้อื่นต้องอ้างอิง เช่น ข้อเสนอที่ยื่นแล้วและบันทึกการตรวจสอบ จะคงไว้โดยไม่ระบุตัวตนของท่าน',
  textEn:
    'SI Platform keeps your name, email and phone number to run your account, your proposals and contact about programmes, under the Personal Data Protection Act B.E. 2562 (2019). You can download your personal data or ask for its erasure at any time from your profile. Records others depend on, such as submitted proposals and the audit log, are kept without identifying you.',
};

/** Publishes the first privacy notice if none exists. */
export async function ensurePrivacyNotice(db: DbOrTx): Promise<void> {
  await repo.upsertPrivacyNotice(db, PRIVACY_NOTICE_V1);
}

/**
 * Everything the platform holds about the person (PDPA right of access), as one JSON document. Secrets (password
 * hash, TOTP secret, token hashes) are not personal data about them and are left out.
 */
export async function exportPersonalData(db: Database, actor: Actor): Promise<Record<string, unknown>> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user) {
    throw new AppError('UNAUTHENTICATED');
  }
  const [roles, sessions, memberships, activity, needs] = await Promise.all([
    repo.listRoles(db, user.id),
    repo.listLiveSessions(db, user.id),
    repo.listMembershipsOf(db, user.id),
    repo.listAuditOfActor(db, user.id),
    personalDataOfNeeds(db, user.id),
  ]);
  return {
    exportedAt: new Date().toISOString(),
    account: {
      id: user.id,
      email: user.email,
      name: user.name,
      phone: user.phone,
      locale: user.locale,
      emailVerifiedAt: user.emailVerifiedAt,
      twoFactorEnabled: user.totpEnabledAt !== null,
      privacyNoticeVersion: user.privacyNoticeVersion,
      privacyAcceptedAt: user.privacyAcceptedAt,
      createdAt: user.createdAt,
    },
    roles,
    sessions: sessions.map((s) => ({
      ip: s.ip,
      userAgent: s.userAgent,
      createdAt: s.createdAt,
      lastSeenAt: s.lastSeenAt,
    })),
    organisationMemberships: memberships,
    innovationNeeds: needs,
    activity,
  };
}

/**
 * Erases the person (PDPA right to erasure): name, email, phone, password and second factor are removed and the
 * account can no longer sign in; roles, memberships, sessions and open tokens go; the needs they posted lose the
 * requester's name and contact details. Records others depend on (audit
 * entries, and later proposals and reviews) keep their ids and show "deleted user". An only owner must hand the
 * organisation on first.
 */
export async function eraseAccount(
  db: Database,
  actor: Actor,
  password: string,
  meta: RequestMeta,
): Promise<void> {
  const user = await repo.findUserById(db, actor.userId);
  if (!user?.passwordHash || !(await argonVerify(user.passwordHash, password))) {
    throw new AppError('VALIDATION_FAILED', 'errors.PASSWORD_WRONG', {
      issues: [fieldIssue('body.password', 'invalid', 'errors.PASSWORD_INCORRECT')],
    });
  }
  await db.transaction(async (tx) => {
    const sole = await repo.listSoleOwnerships(tx, actor.userId);
    if (sole.length > 0) {
      throw new AppError('INVALID_STATE', 'errors.LAST_OWNER', {
        organisationIds: sole.map((s) => s.organisationId),
      });
    }
    await repo.deleteMembershipsOf(tx, actor.userId);
    await repo.deleteRolesOf(tx, actor.userId);
    await repo.deleteTokensOf(tx, actor.userId, user.email);
    await repo.revokeOtherSessions(tx, actor.userId, null);
    await eraseNeedRequester(tx, actor.userId);
    await repo.updateUser(tx, actor.userId, {
      email: null,
      name: '',
      phone: null,
      passwordHash: null,
      totpSecret: null,
      totpEnabledAt: null,
      status: 'erased',
      erasedAt: new Date(),
    });
    await recordAudit(tx, meta, {
      action: 'user.erased',
      entityType: 'user',
      entityId: actor.userId,
      before: { status: 'active', email: 'x', name: 'x' },
      after: { status: 'erased', email: null, name: null },
    });
  });
}

export interface UserSummary {
  id: string;
  email: string | null;
  name: string;
  status: string;
  roles: Array<{ role: PlatformRole; drivingUnitId: string | null }>;
  createdAt: string;
}

/** Administrators list accounts, optionally searching name or email. */
export async function listUsers(
  db: Database,
  actor: Actor,
  search: string | undefined,
): Promise<UserSummary[]> {
  assertAdministrator(actor);
  const rows = await repo.listUsers(db, search, 200);
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    name: r.name,
    status: r.status,
    roles: (r.roles as Array<{ role: PlatformRole; drivingUnitId: string | null }>) ?? [],
    createdAt: new Date(r.createdAt).toISOString(),
  }));
}

function assertAdministrator(actor: Actor): void {
  if (!actor.roles.includes('administrator')) {
    throw new AppError('FORBIDDEN');
  }
}

/** Administrators grant a platform role; driving-unit staff need the unit they work for. */
export async function grantRole(
  db: Database,
  actor: Actor,
  userId: string,
  role: PlatformRole,
  drivingUnitId: string | null,
  meta: RequestMeta,
): Promise<void> {
  assertAdministrator(actor);
  if (role === 'driving_unit_staff' && !drivingUnitId) {
    throw new AppError('VALIDATION_FAILED', undefined, {
      issues: [fieldIssue('body.drivingUnitId', 'required', 'errors.DRIVING_UNIT_REQUIRED')],
    });
  }
  await db.transaction(async (tx) => {
    const user = await repo.findUserById(tx, userId);
    if (!user || user.status !== 'active') {
      throw new AppError('NOT_FOUND');
    }
    await repo.insertRole(tx, {
      userId,
      role,
      drivingUnitId: role === 'driving_unit_staff' ? drivingUnitId : null,
      grantedBy: actor.userId,
    });
    await recordAudit(tx, meta, {
      action: 'user.role_granted',
      entityType: 'user',
      entityId: userId,
      after: { role, drivingUnitId },
    });
  });
}

/** Administrators revoke a role; the last administrator cannot revoke their own. */
export async function revokeRole(
  db: Database,
  actor: Actor,
  userId: string,
  role: PlatformRole,
  meta: RequestMeta,
): Promise<void> {
  assertAdministrator(actor);
  await db.transaction(async (tx) => {
    if (role === 'administrator' && userId === actor.userId) {
      if ((await repo.countActiveAdministrators(tx)) <= 1) {
        throw new AppError('INVALID_STATE', 'errors.LAST_ADMINISTRATOR');
      }
    }
    if (!(await repo.deleteRole(tx, userId, role))) {
      throw new AppError('NOT_FOUND');
    }
    await recordAudit(tx, meta, {
      action: 'user.role_revoked',
      entityType: 'user',
      entityId: userId,
      before: { role },
    });
  });
}

/** Active people holding a platform role (e.g. the programme officers to tell about something awaiting them). */
export async function listActiveUserIdsWithRole(db: DbOrTx, role: PlatformRole): Promise<string[]> {
  return repo.listActiveUserIdsWithRole(db, role);
}
