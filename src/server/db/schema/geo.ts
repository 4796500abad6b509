import { index, integer, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';

export const regions = pgTable('regions', {
  code: text().primaryKey(),
  nameTh: text().notNull(),
  nameEn: text().notNull(),
  sortOrder: smallint().notNull(),
});

export const provinces = pgTable(
  'provinces',
  {
    /** DOPA / TIS-1099 two-digit code. */
    code: smallint().primaryKey(),
    regionCode: text()
      .notNull()
      .references(() => regions.code),
    nameTh: text().notNull(),
    nameEn: text().notNull(),
    /** GeoJSON geometry (Polygon or MultiPolygon) when boundaries have been imported. */
    boundary: jsonb().$type<GeoJsonGeometry>(),
    boundarySource: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('provinces_region_code_idx').on(t.regionCode)],
);

export const districts = pgTable(
  'districts',
  {
    /** DOPA four-digit code (province code × 100 + n). */
    code: integer().primaryKey(),
    provinceCode: smallint()
      .notNull()
      .references(() => provinces.code),
    nameTh: text().notNull(),
    nameEn: text().notNull(),
    postalCode: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('districts_province_code_idx').on(t.provinceCode)],
);

export const subdistricts = pgTable(
  'subdistricts',
  {
    /** DOPA six-digit code (district code × 100 + n). */
    code: integer().primaryKey(),
    districtCode: integer()
      .notNull()
      .references(() => districts.code),
    nameTh: text().notNull(),
    nameEn: text().notNull(),
    postalCode: text(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('subdistricts_district_code_idx').on(t.districtCode)],
);

export interface GeoJsonGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: number[][][] | number[][][][];
}
