import { z } from 'zod';

export { INBOX_LIMIT, INBOX_POLL_MS } from './inbox-limits';

export const InboxQuerySchema = z
  .object({
    /** `true`: only the unread ones; `false` or absent: all. */
    unread: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

/** One in-app notification of the signed-in person, its title and body in the request's language. */
export const InboxItemSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** Path in the web app the notification opens, e.g. `/proposals/<id>`. */
  link: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const UnreadCountSchema = z.object({ count: z.int().min(0) });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const NotificationParamsSchema = z.object({ id: z.uuid() });
