import { timestamp } from 'drizzle-orm/pg-core';

/** `created_at` / `updated_at timestamptz`, both set on insert; spread at the end of a table's columns. */
export const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};
