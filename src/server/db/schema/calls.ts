import {
  bigint,
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
import type { EligibilityRules } from '@shared/contracts/calls';
import type { FormDefinition } from '@shared/contracts/forms';
import { districts, provinces } from './geo';
import { users } from './identity';
import { organisations } from './organisations';
import { programmes } from './reference';

/** A call for proposals (รอบการรับข้อเสนอ) in a programme. */
export const calls = pgTable(
  'calls',
  {
    id: uuid().primaryKey().defaultRandom(),
    programmeId: uuid()
      .notNull()
      .references(() => programmes.id),
    /** Receipt prefix, e.g. CC → CC-2569-0001. */
    code: text().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull(),
    descriptionTh: text().notNull().default(''),
    descriptionEn: text().notNull().default(''),
    opensAt: timestamp({ withTimezone: true }).notNull(),
    closesAt: timestamp({ withTimezone: true }).notNull(),
    fullClosesAt: timestamp({ withTimezone: true }),
    /** Buddhist Era. */
    fiscalYear: smallint().notNull(),
    totalBudgetSatang: bigint({ mode: 'number' }).notNull(),
    minGrantSatang: bigint({ mode: 'number' }).notNull().default(0),
    maxGrantSatang: bigint({ mode: 'number' }).notNull(),
    /** single | two_stage */
    stageMode: text().notNull().default('single'),
    eligibility: jsonb().$type<EligibilityRules>().notNull(),
    /** draft | published | closed | archived */
    status: text().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('calls_status_idx').on(t.status, t.closesAt),
    index('calls_programme_idx').on(t.programmeId),
    uniqueIndex('calls_code_year_key').on(t.code, t.fiscalYear),
  ],
);

/**
 * One version of a call stage's form. A version is frozen once a proposal uses it; edits after that make a new
 * version, which only new drafts get.
 */
export const callForms = pgTable(
  'call_forms',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    /** proposal (single-stage) | concept | full */
    stage: text().notNull(),
    version: integer().notNull(),
    definition: jsonb().$type<FormDefinition>().notNull(),
    frozenAt: timestamp({ withTimezone: true }),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('call_forms_stage_version_key').on(t.callId, t.stage, t.version)],
);

/** A problem statement (โจทย์ปัญหา) that proposals in a call answer. */
export const problemStatements = pgTable(
  'problem_statements',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    descriptionTh: text().notNull(),
    descriptionEn: text().notNull().default(''),
    provinceCode: smallint().references(() => provinces.code),
    districtCode: integer().references(() => districts.code),
    theme: text(),
    expectedResultTh: text().notNull().default(''),
    expectedResultEn: text().notNull().default(''),
    ownerUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    ownerOrganisationId: uuid().references(() => organisations.id),
    /** pending (posted by a partner, awaiting an officer) | published | withdrawn */
    status: text().notNull().default('published'),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [index('problem_statements_call_idx').on(t.callId)],
);

/** Gap-free receipt numbers: one counter row per call and stage, incremented inside the submitting transaction. */
export const callReceiptCounters = pgTable(
  'call_receipt_counters',
  {
    callId: uuid()
      .notNull()
      .references(() => calls.id, { onDelete: 'cascade' }),
    stage: text().notNull(),
    lastNumber: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.callId, t.stage] })],
);
