import type { Database, DbOrTx } from '@server/db/client';
import type { Language } from '@shared/i18n/index';
import { pruneCounters } from '@server/lib/counters';
import { translate } from '@server/lib/i18n';
import { AppError } from '@server/lib/errors';
import type { Actor } from '@server/lib/authz';
import { startPollLoop } from '@server/lib/poll-loop';
import { INBOX_LIMIT, type InboxItem } from '@shared/contracts/inbox';
import * as repo from './notifications.repo';
import { renderEmail, type EmailTemplate } from './notifications.templates';

export interface QueueEmailInput {
  to: string;
  template: EmailTemplate;
  lang: Language;
  params: Record<string, string>;
  link?: string;
}

/** Queues an email in the outbox; call it inside the transaction of the change that causes it. */
export async function queueEmail(tx: DbOrTx, input: QueueEmailInput): Promise<void> {
  const rendered = renderEmail(input.template, input.lang, input.params, input.link);
  await repo.insertEmail(tx, {
    toAddress: input.to,
    subject: rendered.subject,
    textBody: rendered.text,
    htmlBody: rendered.html,
    template: input.template,
  });
}

export interface InAppMessage {
  /** What happened, e.g. `proposal_submitted`; the title and body come from `inbox.messages.<kind>.title|body`. */
  kind: string;
  /** The message's parameters, fixed or in each language (dates, names with an English form). */
  params: Record<string, string> | ((lang: Language) => Record<string, string>);
  /** Path in the web app the notification opens, e.g. `/proposals/<id>`. */
  link: string | null;
}

/** Adds an in-app notification (the bell) for each user, in Thai and English; call it inside the change's transaction. */
export async function notifyUsers(
  tx: DbOrTx,
  userIds: readonly string[],
  message: InAppMessage,
): Promise<void> {
  const params = (lang: Language) =>
    typeof message.params === 'function' ? message.params(lang) : message.params;
  const text = (lang: Language, part: 'title' | 'body') =>
    translate(lang, `inbox.messages.${message.kind}.${part}`, params(lang));
  await repo.insertNotifications(
    tx,
    [...new Set(userIds)].map((userId) => ({
      userId,
      kind: message.kind,
      titleTh: text('th', 'title'),
      titleEn: text('en', 'title'),
      bodyTh: text('th', 'body'),
      bodyEn: text('en', 'body'),
      link: message.link,
    })),
  );
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Sends a message, or (development without SMTP) keeps it for the mail viewer. */
export interface MailTransport {
  kind: 'smtp' | 'capture';
  send(message: MailMessage): Promise<void>;
  close?(): void;
}

const MAX_ATTEMPTS = 8;
const LEASE_SECONDS = 300;

/**
 * Sends the due messages of the outbox once. Returns how many were handled. Each message is claimed with
 * SKIP LOCKED and marked after its send, so several workers (instances) never send one twice, and a crash leaves it
 * to be retried.
 */
export async function drainOutbox(db: Database, transport: MailTransport, batch = 20): Promise<number> {
  const claimed = await repo.claimDueEmails(db, batch, LEASE_SECONDS);
  for (const email of claimed) {
    try {
      await transport.send({
        to: email.to_address,
        subject: email.subject,
        text: email.text_body,
        html: email.html_body,
      });
      await repo.markEmail(db, email.id, transport.kind === 'smtp' ? 'sent' : 'captured');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const retry = email.attempts >= MAX_ATTEMPTS ? null : Math.min(3600, 30 * 2 ** (email.attempts - 1));
      await repo.markEmailFailed(db, email.id, message.slice(0, 500), retry);
    }
  }
  return claimed.length;
}

export interface OutboxWorker {
  /** Asks the worker to look at the outbox now (after a commit that queued mail). */
  kick(): void;
  stop(): Promise<void>;
}

/** Polls the outbox every `intervalMs` (and on `kick`) until stopped; also prunes old rate-limit counters. */
export function startOutboxWorker(
  db: Database,
  transport: MailTransport,
  options: { intervalMs: number; onError: (error: unknown) => void },
): OutboxWorker {
  let ticks = 0;
  const loop = startPollLoop({
    intervalMs: options.intervalMs,
    async round(isStopped) {
      while ((await drainOutbox(db, transport)) > 0 && !isStopped()) {
        // keep draining while there is mail
      }
    },
    async afterRounds() {
      ticks += 1;
      if (ticks % 600 === 0) {
        await pruneCounters(db);
      }
    },
    onError: options.onError,
  });
  return {
    kick: () => loop.kick(),
    async stop() {
      await loop.stop();
      transport.close?.();
    },
  };
}

/**
 * Keeps the mail queued since `since` for the development mail viewer instead of sending it: for demo content that
 * replays past years, whose messages nobody should receive when the server starts.
 */
export async function captureQueuedEmailsSince(db: DbOrTx, since: Date): Promise<number> {
  return repo.captureEmailsQueuedSince(db, since);
}

export async function listCapturedEmails(db: Database, limit = 50) {
  return repo.listCapturedEmails(db, limit);
}

function toInboxItem(row: repo.InAppNotificationRow, lang: Language): InboxItem {
  return {
    id: row.id,
    kind: row.kind,
    title: lang === 'en' ? row.titleEn : row.titleTh,
    body: lang === 'en' ? row.bodyEn : row.bodyTh,
    link: row.link,
    readAt: row.readAt ? new Date(row.readAt).toISOString() : null,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}

/** The signed-in person's own notifications, newest first (at most INBOX_LIMIT), in the request's language. */
export async function listInbox(
  db: DbOrTx,
  actor: Actor,
  lang: Language,
  unreadOnly: boolean,
): Promise<InboxItem[]> {
  const rows = await repo.listNotifications(db, actor.userId, { unreadOnly, limit: INBOX_LIMIT });
  return rows.map((row) => toInboxItem(row, lang));
}

/** How many of the person's notifications are unread (the bell's badge). */
export async function countUnread(db: DbOrTx, actor: Actor): Promise<number> {
  return repo.countUnreadNotifications(db, actor.userId);
}

/** Marks one of the person's own notifications read; another person's (or an unknown) id is NOT_FOUND. */
export async function markRead(
  db: DbOrTx,
  actor: Actor,
  id: string,
  lang: Language,
  now: Date,
): Promise<InboxItem> {
  const row = await repo.markNotificationRead(db, actor.userId, id, now);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toInboxItem(row, lang);
}

/** Marks all the person's notifications read; returns how many were unread. */
export async function markAllRead(db: DbOrTx, actor: Actor, now: Date): Promise<number> {
  return repo.markAllNotificationsRead(db, actor.userId, now);
}
