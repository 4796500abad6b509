import { desc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import { emailOutbox } from '@server/db/schema/index';

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
