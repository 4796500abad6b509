import {
  index,
  integer,
  numeric,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { provinces } from './geo';

/** An indicator measured for areas (provinces), such as a poverty headcount ratio. */
export const areaIndicators = pgTable('area_indicators', {
  code: text().primaryKey(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  unit: text().notNull(),
  descriptionTh: text().notNull().default(''),
  descriptionEn: text().notNull().default(''),
  /** Whether a higher value means more need (used to colour maps). */
  higherIsNeedier: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

/** One figure of an indicator for one province and one year (Common Era), with its source. */
export const areaIndicatorValues = pgTable(
  'area_indicator_values',
  {
    id: uuid().primaryKey().defaultRandom(),
    indicatorCode: text()
      .notNull()
      .references(() => areaIndicators.code, { onDelete: 'cascade' }),
    year: smallint().notNull(),
    provinceCode: smallint()
      .notNull()
      .references(() => provinces.code),
    value: numeric({ precision: 20, scale: 6, mode: 'number' }).notNull(),
    unit: text().notNull(),
    sourceUrl: text().notNull(),
    note: text().notNull().default(''),
    ...timestamps,
  },
  (t) => [
    unique('area_indicator_values_key').on(t.indicatorCode, t.year, t.provinceCode),
    index('area_indicator_values_province_idx').on(t.provinceCode),
  ],
);
