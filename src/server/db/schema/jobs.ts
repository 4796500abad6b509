import { index, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './identity';

/**
 * A piece of long work (an export, an import) run in the background by whichever instance claims it first
 * (FOR UPDATE SKIP LOCKED). It counts its progress so the page can show a bar, and keeps its result file for a while.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** What to do, e.g. `policy-report`; the worker looks its handler up by this. */
    kind: text().notNull(),
    /** The handler's input, checked by the handler's own schema when the job is created. */
    params: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    /** queued → running → succeeded | failed */
    status: text().notNull().default('queued'),
    /** Steps done of `total`; the bar shows progress / total. */
    progress: integer().notNull().default(0),
    total: integer().notNull().default(1),
    /** The step under way, as an i18n key the page shows beside the bar. */
    stepKey: text().notNull().default(''),
    requestedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    attempts: smallint().notNull().default(0),
    /** When a worker claimed it; a running job not touched for long is taken back (the worker died). */
    heartbeatAt: timestamp({ withTimezone: true }),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
    /** The result file in file storage, with the name and type it is downloaded under. */
    resultStorageKey: text(),
    resultFileName: text(),
    resultContentType: text(),
    resultBytes: integer(),
    /** Why it failed: an error code with its i18n key, never a stack. */
    errorCode: text(),
    /** After this the result file is deleted and the job forgotten. */
    expiresAt: timestamp({ withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('jobs_status_created_idx').on(t.status, t.createdAt),
    index('jobs_requested_by_idx').on(t.requestedBy, t.createdAt),
  ],
);
