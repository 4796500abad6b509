import {
  bigint,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  primaryKey,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { provinces } from './geo';

export const themes = pgTable('themes', {
  code: text().primaryKey(),
  number: smallint().notNull().unique(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
});

export const sdgs = pgTable('sdgs', {
  number: smallint().primaryKey(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
});

export const organisationTypes = pgTable('organisation_types', {
  code: text().primaryKey(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  sortOrder: smallint().notNull(),
});

export const flagshipObjectives = pgTable('flagship_objectives', {
  number: smallint().primaryKey(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
});

export const programmes = pgTable('programmes', {
  id: uuid().primaryKey().defaultRandom(),
  slug: text().notNull().unique(),
  type: text().notNull(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  summaryTh: text().notNull(),
  summaryEn: text().notNull(),
  descriptionTh: text().notNull(),
  descriptionEn: text().notNull(),
  objectives: jsonb().$type<number[]>().notNull().default([]),
  sortOrder: smallint().notNull().default(0),
  /** The NIA team that owns the programme, when not a driving unit. */
  ownerTeam: text(),
  /** Driving unit that runs the programme (references driving_units; kept loose to avoid a schema cycle). */
  drivingUnitId: uuid(),
  /** Fiscal years (Buddhist Era) the programme runs in. */
  fiscalYears: jsonb().$type<number[]>().notNull().default([]),
  budgetSatang: bigint({ mode: 'number' }),
  version: integer().notNull().default(1),
  ...timestamps,
});

/** A named set of provinces, such as the poor-province target group (กลุ่มจังหวัดยากจน). */
export const provinceGroups = pgTable('province_groups', {
  code: text().primaryKey(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  descriptionTh: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  source: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const provinceGroupMembers = pgTable(
  'province_group_members',
  {
    groupCode: text()
      .notNull()
      .references(() => provinceGroups.code, { onDelete: 'cascade' }),
    provinceCode: smallint()
      .notNull()
      .references(() => provinces.code),
    rank: integer(),
  },
  (t) => [primaryKey({ columns: [t.groupCode, t.provinceCode] })],
);
