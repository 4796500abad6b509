import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from 'drizzle-orm/pg-core';
import { calls } from './calls';
import { projectIndicators } from './impact';
import { innovations } from './innovations';
import { projects } from './projects';

/**
 * Summaries the dashboards read instead of the millions of rows they stand for. Database triggers keep them up to
 * date in the transaction of every write (migration `dashboard_summaries`); `rebuild_dashboard_summaries()` computes
 * them all again from scratch (after a bulk load that ran without triggers). Nothing else writes them.
 */

/**
 * Per project indicator: its values, its verified values, their sum, and the latest of them (by period end, then
 * entry) with its period end.
 */
export const projectIndicatorRollups = pgTable(
  'project_indicator_rollups',
  {
    projectIndicatorId: uuid()
      .primaryKey()
      .references(() => projectIndicators.id, { onDelete: 'cascade' }),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    valueCount: integer().notNull(),
    verifiedCount: integer().notNull(),
    verifiedSum: numeric().notNull(),
    verifiedLatest: numeric(),
    verifiedLatestPeriodEnd: date({ mode: 'string' }),
  },
  (t) => [index('project_indicator_rollups_project_idx').on(t.projectId)],
);

/**
 * Per call: the submitted proposals of the pipeline (not drafts, not full proposals of a two-stage call), the
 * eligible ones and the money they ask for; its awards, those released, and the money awarded.
 */
export const callPipelineCounts = pgTable('call_pipeline_counts', {
  callId: uuid()
    .primaryKey()
    .references(() => calls.id, { onDelete: 'cascade' }),
  proposals: integer().notNull().default(0),
  eligibleProposals: integer().notNull().default(0),
  requestedSatang: bigint({ mode: 'number' }).notNull().default(0),
  awards: integer().notNull().default(0),
  notifiedAwards: integer().notNull().default(0),
  awardedSatang: bigint({ mode: 'number' }).notNull().default(0),
});

/**
 * Adoptions that reached adoption (an adoption date is recorded) per innovation, province and fiscal year (BE) of
 * the adoption date: how many, how many are adopted or sustained now, and their beneficiaries; with the innovation's
 * publication, programme (its own, else its project's call's) and themes, copied so the coverage map needs no join.
 */
export const coverageAdoptionTallies = pgTable(
  'coverage_adoption_tallies',
  {
    innovationId: uuid()
      .notNull()
      .references(() => innovations.id, { onDelete: 'cascade' }),
    provinceCode: smallint().notNull(),
    fiscalYear: smallint().notNull(),
    adoptions: integer().notNull(),
    countedAdoptions: integer().notNull(),
    beneficiaries: bigint({ mode: 'number' }).notNull(),
    isPublished: boolean().notNull(),
    programmeId: uuid(),
    themes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
  },
  (t) => [primaryKey({ columns: [t.innovationId, t.provinceCode, t.fiscalYear] })],
);
