import { sql } from 'drizzle-orm';
import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { drivingUnits, users } from './identity';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A resource of the knowledge library: toolkit, training material, case study, report; a file or a link. */
export const knowledgeResources = pgTable(
  'knowledge_resources',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** toolkit | training_material | case_study | report | video | other */
    kind: text().notNull(),
    titleTh: text().notNull(),
    titleEn: text().notNull().default(''),
    summaryTh: text().notNull().default(''),
    summaryEn: text().notNull().default(''),
    themes: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    audiences: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    /** th | en | both */
    language: text().notNull().default('th'),
    drivingUnitId: uuid().references(() => drivingUnits.id, { onDelete: 'set null' }),
    fileName: text(),
    contentType: text(),
    sizeBytes: integer(),
    sha256: text(),
    storageKey: text(),
    externalUrl: text(),
    /** draft | published */
    status: text().notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    downloadCount: integer().notNull().default(0),
    searchText: text().notNull().default(''),
    searchVector: tsvector().generatedAlwaysAs(sql`to_tsvector('simple', search_text)`),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('knowledge_resources_themes_idx').using('gin', t.themes),
    index('knowledge_resources_search_idx').using('gin', t.searchVector),
    index('knowledge_resources_public_idx')
      .on(t.publishedAt)
      .where(sql`status = 'published'`),
  ],
);
