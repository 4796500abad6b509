import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** One row per one-time data load (demo content, reference sync), so that each runs once per database. */
export const dataLoads = pgTable('data_loads', {
  name: text().primaryKey(),
  detail: text().notNull().default(''),
  loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
