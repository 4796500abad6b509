import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SroiResult } from '@shared/impact/sroi';
import type { IndicatorBreakdown, LogicNode } from '@shared/contracts/impact-project';
import type { SroiAssessmentIssues, SroiAssessmentModel } from '@shared/contracts/sroi-assessments';
import { timestamps } from './columns';
import { users } from './identity';
import { projectReports, projects } from './projects';

/**
 * The indicator library (คลังตัวชี้วัด): what projects measure, managed by officers. The starter set ships with the
 * platform (`isStarter`); codes are stable and copied into the project indicators that use them.
 */
export const impactIndicators = pgTable('impact_indicators', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  descriptionTh: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  unitTh: text().notNull(),
  unitEn: text().notNull(),
  /** count | percent | money | score */
  type: text().notNull(),
  /** increase | decrease | maintain */
  direction: text().notNull(),
  /** sum | mean | latest */
  aggregation: text().notNull(),
  /** sex | age_group | vulnerable_group */
  disaggregations: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** SDG target codes such as `1.4`, `8.5`. */
  sdgTargets: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  /** IRIS+ metric id such as `PI4060`. */
  irisMetricId: text(),
  themes: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  isStarter: boolean().notNull().default(false),
  isActive: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  ...timestamps,
});

/** The financial proxy library: reusable values per unit of outcome with their source. Value in minor units. */
export const financialProxies = pgTable('financial_proxies', {
  id: uuid().primaryKey().defaultRandom(),
  code: text().notNull().unique(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  descriptionTh: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  /** Value of one unit in the currency's minor units (satang for THB). */
  valueSatang: bigint({ mode: 'number' }).notNull(),
  currency: text().notNull().default('THB'),
  /** What one unit is, e.g. "ต่อคนต่อปี" / "per person per year". */
  unitTh: text().notNull(),
  unitEn: text().notNull(),
  /** The year (Common Era) the value is priced in. */
  priceYear: smallint().notNull(),
  sourceTitle: text().notNull(),
  sourceUrl: text().notNull().default(''),
  themes: text()
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  isStarter: boolean().notNull().default(false),
  isActive: boolean().notNull().default(true),
  version: integer().notNull().default(1),
  ...timestamps,
});

/** A project's logic model (impact pathway): its boxes and their links, saved whole. */
export const projectLogicModels = pgTable('project_logic_models', {
  projectId: uuid()
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  nodes: jsonb()
    .$type<LogicNode[]>()
    .notNull()
    .default(sql`'[]'::jsonb`),
  updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
  version: integer().notNull().default(1),
  ...timestamps,
});

/** An indicator a project measures: from the library (its fields copied) or the project's own. */
export const projectIndicators = pgTable(
  'project_indicators',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    indicatorId: uuid().references(() => impactIndicators.id, { onDelete: 'set null' }),
    code: text().notNull(),
    nameTh: text().notNull(),
    nameEn: text().notNull().default(''),
    unitTh: text().notNull(),
    unitEn: text().notNull().default(''),
    type: text().notNull(),
    direction: text().notNull(),
    aggregation: text().notNull(),
    disaggregations: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** The logic-model box (output or outcome, usually) this indicator measures. */
    logicNodeId: text(),
    baseline: numeric({ precision: 20, scale: 4, mode: 'number' }),
    baselineOn: date({ mode: 'string' }),
    target: numeric({ precision: 20, scale: 4, mode: 'number' }),
    targetOn: date({ mode: 'string' }),
    position: smallint().notNull().default(0),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('project_indicators_code_key').on(t.projectId, t.code),
    index('project_indicators_indicator_idx').on(t.indicatorId),
  ],
);

/** An actual value of a project indicator for a reporting period, with its verification by staff. */
export const projectIndicatorValues = pgTable(
  'project_indicator_values',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectIndicatorId: uuid()
      .notNull()
      .references(() => projectIndicators.id, { onDelete: 'cascade' }),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    periodStart: date({ mode: 'string' }),
    periodEnd: date({ mode: 'string' }).notNull(),
    value: numeric({ precision: 20, scale: 4, mode: 'number' }).notNull(),
    breakdown: jsonb()
      .$type<IndicatorBreakdown[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    note: text().notNull().default(''),
    /** report | entry */
    source: text().notNull().default('entry'),
    /** The progress report the value came from. */
    reportId: uuid().references(() => projectReports.id, { onDelete: 'set null' }),
    /** submitted | verified | queried */
    status: text().notNull().default('submitted'),
    reviewComment: text().notNull().default(''),
    reviewedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp({ withTimezone: true }),
    enteredBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('project_indicator_values_indicator_idx').on(t.projectIndicatorId, t.periodEnd),
    index('project_indicator_values_project_idx').on(t.projectId),
    unique('project_indicator_values_report_key').on(t.projectIndicatorId, t.reportId),
  ],
);

/** An evidence file of an indicator value; bytes in file storage. */
export const projectIndicatorFiles = pgTable(
  'project_indicator_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    valueId: uuid()
      .notNull()
      .references(() => projectIndicatorValues.id, { onDelete: 'cascade' }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    storageKey: text().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_indicator_files_value_idx').on(t.valueId)],
);

/**
 * One version of a project's SROI assessment. A draft is edited in place; finalising freezes it, and a new version
 * starts as a copy. The result is recomputed on every save by the one engine (`@shared/impact/sroi`) and stored with
 * the convention it used (SROI-SPEC §5); the headline figures are copied into columns for portfolio sums.
 */
export const sroiAssessments = pgTable(
  'sroi_assessments',
  {
    id: uuid().primaryKey().defaultRandom(),
    projectId: uuid()
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** forecast | evaluative */
    kind: text().notNull(),
    versionNo: smallint().notNull(),
    /** draft | final */
    status: text().notNull().default('draft'),
    title: text().notNull().default(''),
    notes: text().notNull().default(''),
    model: jsonb().$type<SroiAssessmentModel>().notNull(),
    /** The engine's output for the model; null while the model does not validate. */
    result: jsonb().$type<SroiResult>(),
    /** The model's validation issues (empty when it computes). */
    issues: jsonb()
      .$type<SroiAssessmentIssues>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    convention: text().notNull(),
    presentValueSatang: bigint({ mode: 'number' }),
    investmentSatang: bigint({ mode: 'number' }),
    ratio: numeric({ precision: 14, scale: 4, mode: 'number' }),
    basedOnId: uuid(),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    finalisedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    finalisedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('sroi_assessments_version_key').on(t.projectId, t.kind, t.versionNo),
    index('sroi_assessments_project_idx').on(t.projectId),
  ],
);
