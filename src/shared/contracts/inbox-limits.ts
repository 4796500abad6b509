// The inbox's numbers, apart from its schemas: the header's bell on every page imports them without loading zod.

/** At most this many notifications come back in one list, newest first. */
export const INBOX_LIMIT = 50;

/** How often the bell asks for the unread count (and again whenever the window regains focus). */
export const INBOX_POLL_MS = 60_000;
