import { sql } from 'drizzle-orm';
import {
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
import { districts, provinces, subdistricts } from './geo';
import { users } from './identity';
import { organisationTypes } from './reference';

export const organisations = pgTable(
  'organisations',
  {
    id: uuid().primaryKey().defaultRandom(),
    nameTh: text().notNull(),
    nameEn: text(),
    type: text()
      .notNull()
      .references(() => organisationTypes.code),
    /** 13-digit juristic-person number (with a valid check digit), when registered as one. */
    juristicId: text(),
    /** Community-enterprise registration code, for community enterprises. */
    communityEnterpriseCode: text(),
    addressLine: text(),
    provinceCode: smallint().references(() => provinces.code),
    districtCode: integer().references(() => districts.code),
    subdistrictCode: integer().references(() => subdistricts.code),
    postalCode: text(),
    contactEmail: text(),
    contactPhone: text(),
    website: text(),
    description: text().notNull().default(''),
    themes: jsonb().$type<string[]>().notNull().default([]),
    /** Both names, lower-cased, for `pg_trgm`: substring and misspelt-name search with a trigram index. */
    searchName: text().generatedAlwaysAs(sql`lower(name_th || ' ' || coalesce(name_en, ''))`),
    createdBy: uuid().references(() => users.id),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('organisations_juristic_id_key').on(t.juristicId),
    index('organisations_province_idx').on(t.provinceCode),
    index('organisations_search_name_trgm_idx').using('gin', sql`${t.searchName} gin_trgm_ops`),
  ],
);

export const organisationMembers = pgTable(
  'organisation_members',
  {
    organisationId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** owner | editor | viewer */
    role: text().notNull(),
    joinedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('organisation_members_user_idx').on(t.userId),
  ],
);
