import { sql } from 'drizzle-orm';
import {
  bigint,
  customType,
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
import type { EligibilityResult } from '@shared/contracts/calls';
import type { Answers } from '@shared/contracts/forms';
import { users } from './identity';
import { organisations } from './organisations';
import { callForms, calls, problemStatements } from './calls';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export interface EligibilityOverride {
  eligible: boolean;
  reason: string;
  byUserId: string;
  at: string;
}

/** A proposal (ข้อเสนอโครงการ) of an organisation to a call, at one stage. */
export const proposals = pgTable(
  'proposals',
  {
    id: uuid().primaryKey().defaultRandom(),
    callId: uuid()
      .notNull()
      .references(() => calls.id),
    /** proposal | concept | full */
    stage: text().notNull(),
    formId: uuid()
      .notNull()
      .references(() => callForms.id),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
    problemStatementId: uuid().references(() => problemStatements.id),
    /** The concept note a full proposal follows from. */
    parentProposalId: uuid(),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    answers: jsonb().$type<Answers>().notNull().default({}),
    /** draft | submitted | returned | withdrawn (review statuses follow in the review module) */
    status: text().notNull().default('draft'),
    /** Bumped by every save; a save naming an older version is refused with 409. */
    version: integer().notNull().default(1),
    receiptNumber: text(),
    submittedAt: timestamp({ withTimezone: true }),
    requestedSatang: bigint({ mode: 'number' }).notNull().default(0),
    provinceCodes: smallint()
      .array()
      .notNull()
      .default(sql`'{}'::smallint[]`),
    themes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    eligibility: jsonb().$type<EligibilityResult>(),
    eligibilityOverride: jsonb().$type<EligibilityOverride>(),
    /** Final eligibility (override, else automatic), kept as a column for filters. */
    isEligible: integer(),
    returnComment: text(),
    returnDueAt: timestamp({ withTimezone: true }),
    /** Thai words segmented with Intl.Segmenter and English words, for full-text search. */
    searchText: text().notNull().default(''),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    /** Both titles, lower-cased, for `pg_trgm` similarity (misspelt and partial titles in the officers' search). */
    searchTitle: text().generatedAlwaysAs(sql`lower(title_th || ' ' || title_en)`),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('proposals_receipt_key').on(t.receiptNumber),
    index('proposals_call_status_idx').on(t.callId, t.status, t.submittedAt),
    index('proposals_organisation_idx').on(t.organisationId),
    index('proposals_provinces_idx').using('gin', t.provinceCodes),
    index('proposals_themes_idx').using('gin', t.themes),
    index('proposals_search_idx').using('gin', t.searchVector),
    index('proposals_search_title_trgm_idx').using('gin', sql`${t.searchTitle} gin_trgm_ops`),
    // The officer's intake lists a call's proposals (drafts excluded) in these orders.
    index('proposals_intake_submitted_idx')
      .on(t.callId, sql`submitted_at DESC NULLS LAST`, sql`id DESC`)
      .where(sql`status <> 'draft'`),
    index('proposals_intake_requested_idx')
      .on(t.callId, t.requestedSatang, t.id)
      .where(sql`status <> 'draft'`),
    index('proposals_intake_title_idx')
      .on(t.callId, t.titleTh, t.id)
      .where(sql`status <> 'draft'`),
    index('proposals_intake_receipt_idx')
      .on(t.callId, t.receiptNumber, t.id)
      .where(sql`status <> 'draft'`),
    index('proposals_intake_eligibility_idx')
      .on(t.callId, t.isEligible, t.organisationId)
      .where(sql`status <> 'draft'`),
  ],
);

export const proposalCoApplicants = pgTable(
  'proposal_co_applicants',
  {
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.proposalId, t.organisationId] }),
    index('proposal_co_applicants_org_idx').on(t.organisationId),
  ],
);

/** A file attached to a proposal's file question; the bytes live in file storage under `storageKey`. */
export const proposalAttachments = pgTable(
  'proposal_attachments',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    questionId: text().notNull(),
    fileName: text().notNull(),
    /** Detected from the content, not taken from the upload. */
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_attachments_proposal_idx').on(t.proposalId)],
);

/** The proposal's status history, shown to the applicant and the officer. */
export const proposalEvents = pgTable(
  'proposal_events',
  {
    id: uuid().primaryKey().defaultRandom(),
    proposalId: uuid()
      .notNull()
      .references(() => proposals.id, { onDelete: 'cascade' }),
    fromStatus: text(),
    toStatus: text().notNull(),
    note: text(),
    actorUserId: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('proposal_events_proposal_idx').on(t.proposalId, t.createdAt)],
);
