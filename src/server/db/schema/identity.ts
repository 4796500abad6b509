import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { provinces, regions } from './geo';

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Lower-cased; null once the person's data is erased. */
    email: text(),
    name: text().notNull(),
    phone: text(),
    passwordHash: text(),
    emailVerifiedAt: timestamp({ withTimezone: true }),
    totpSecret: text(),
    totpEnabledAt: timestamp({ withTimezone: true }),
    locale: text().notNull().default('th'),
    status: text().notNull().default('active'),
    privacyNoticeVersion: text(),
    privacyAcceptedAt: timestamp({ withTimezone: true }),
    erasedAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [uniqueIndex('users_email_key').on(t.email)],
);

export const drivingUnits = pgTable('driving_units', {
  id: uuid().primaryKey().defaultRandom(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  /** area_based | entrepreneurs_youth */
  kind: text().notNull(),
  regionCode: text().references(() => regions.code),
  ...timestamps,
});

export const drivingUnitProvinces = pgTable(
  'driving_unit_provinces',
  {
    drivingUnitId: uuid()
      .notNull()
      .references(() => drivingUnits.id, { onDelete: 'cascade' }),
    provinceCode: smallint()
      .notNull()
      .references(() => provinces.code),
  },
  (t) => [primaryKey({ columns: [t.drivingUnitId, t.provinceCode] })],
);

/** Platform roles; driving-unit staff are scoped to one unit. */
export const userRoles = pgTable(
  'user_roles',
  {
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text().notNull(),
    drivingUnitId: uuid().references(() => drivingUnits.id),
    grantedBy: uuid().references(() => users.id),
    grantedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);

export const sessions = pgTable(
  'sessions',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** SHA-256 of the cookie token; the token itself is never stored. */
    tokenHash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    /** Password accepted but the second factor not yet given. */
    mfaPending: boolean().notNull().default(false),
    ip: text(),
    userAgent: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    revokedAt: timestamp({ withTimezone: true }),
  },
  (t) => [uniqueIndex('sessions_token_hash_key').on(t.tokenHash), index('sessions_user_id_idx').on(t.userId)],
);

/** One-time tokens sent by email: verification, password reset, invitations. */
export const authTokens = pgTable(
  'auth_tokens',
  {
    id: uuid().primaryKey().defaultRandom(),
    purpose: text().notNull(),
    tokenHash: text().notNull(),
    userId: uuid().references(() => users.id, { onDelete: 'cascade' }),
    email: text(),
    data: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('auth_tokens_token_hash_key').on(t.tokenHash)],
);

/** Fixed-window counters shared by every instance: rate limits and login lockout. */
export const rateLimits = pgTable('rate_limits', {
  key: text().primaryKey(),
  windowStart: timestamp({ withTimezone: true }).notNull(),
  count: integer().notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
});

export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid().primaryKey().defaultRandom(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text().notNull(),
    template: text().notNull(),
    /** pending | sent | failed | captured (kept for the development mail viewer) */
    status: text().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    lastError: text(),
    availableAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_pending_idx')
      .on(t.availableAt)
      .where(sql`status = 'pending'`),
  ],
);

/** Append-only: a trigger rejects UPDATE and DELETE. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial({ mode: 'number' }).primaryKey(),
    actorUserId: uuid(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text().notNull(),
    changes: jsonb().$type<Record<string, { before: unknown; after: unknown }>>().notNull().default({}),
    ip: text(),
    requestId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.createdAt),
    index('audit_events_entity_idx').on(t.entityType, t.entityId, t.createdAt),
    index('audit_events_created_idx').on(t.createdAt),
  ],
);

export const privacyNotices = pgTable('privacy_notices', {
  version: text().primaryKey(),
  textTh: text().notNull(),
  textEn: text().notNull(),
  publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
