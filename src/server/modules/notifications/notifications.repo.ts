import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import { emailOutbox, notifications } from '@server/db/schema/index';

export type NewEmail = typeof emailOutbox.$inferInsert;

export async function insertEmail(db: DbOrTx, email: NewEmail): Promise<void> {
  await db.insert(emailOutbox).values(email);
}

export interface ClaimedEmail {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attempts: number;
}

/**
 * Claims up to `limit` due messages with FOR UPDATE SKIP LOCKED, so that concurrent workers never take the same one,
 * and leases them for `leaseSeconds`: a worker that dies mid-send leaves them to be claimed again after the lease.
 */
export async function claimDueEmails(
  db: DbOrTx,
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedEmail[]> {
  return queryRows<ClaimedEmail>(
    db,
    sql`UPDATE email_outbox SET attempts = attempts + 1, available_at = now() + make_interval(secs => ${leaseSeconds})
        WHERE id IN (
          SELECT id FROM email_outbox WHERE status = 'pending' AND available_at <= now()
          ORDER BY created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING id, to_address, subject, text_body, html_body, attempts`,
  );
}

/** Marks the messages still waiting that were queued at or after `since` as captured (kept, never sent). */
export async function captureEmailsQueuedSince(db: DbOrTx, since: Date): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`UPDATE email_outbox SET status = 'captured', sent_at = now()
        WHERE status = 'pending' AND created_at >= ${since.toISOString()}::timestamptz
        RETURNING id`,
  );
  return rows.length;
}

export async function markEmail(db: DbOrTx, id: string, status: 'sent' | 'captured') {
  await db
    .update(emailOutbox)
    .set({ status, sentAt: sql`now()`, lastError: null })
    .where(eq(emailOutbox.id, id));
}

export async function markEmailFailed(db: DbOrTx, id: string, error: string, retryInSeconds: number | null) {
  await db
    .update(emailOutbox)
    .set(
      retryInSeconds === null
        ? { status: 'failed', lastError: error }
        : { lastError: error, availableAt: sql`now() + make_interval(secs => ${retryInSeconds})` },
    )
    .where(eq(emailOutbox.id, id));
}

export async function listCapturedEmails(db: DbOrTx, limit: number) {
  return db
    .select({
      id: emailOutbox.id,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      htmlBody: emailOutbox.htmlBody,
      template: emailOutbox.template,
      status: emailOutbox.status,
      createdAt: emailOutbox.createdAt,
    })
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.createdAt))
    .limit(limit);
}

export type NewInAppNotification = typeof notifications.$inferInsert;

export async function insertNotifications(db: DbOrTx, rows: NewInAppNotification[]): Promise<void> {
  if (rows.length > 0) {
    await db.insert(notifications).values(rows);
  }
}

export type InAppNotificationRow = typeof notifications.$inferSelect;

/** A person's notifications, newest first (only the unread ones when asked). */
export async function listNotifications(
  db: DbOrTx,
  userId: string,
  options: { unreadOnly: boolean; limit: number },
): Promise<InAppNotificationRow[]> {
  return db
    .select()
    .from(notifications)
    .where(
      options.unreadOnly
        ? and(eq(notifications.userId, userId), isNull(notifications.readAt))
        : eq(notifications.userId, userId),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(options.limit);
}

export async function countUnreadNotifications(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return Number(row?.count ?? 0);
}

/** Marks one of the person's notifications read (keeping the first reading time); null when it is not theirs. */
export async function markNotificationRead(
  db: DbOrTx,
  userId: string,
  id: string,
  now: Date,
): Promise<InAppNotificationRow | null> {
  const [row] = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, ${now.toISOString()}::timestamptz)` })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
    .returning();
  return row ?? null;
}

/** Marks every unread notification of the person read; returns how many changed. */
export async function markAllNotificationsRead(db: DbOrTx, userId: string, now: Date): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return rows.length;
}
