import type { InboxItem, UnreadCount } from '@shared/contracts/inbox';
import { apiGet, apiSend, withQuery } from '@web/lib/api';

export const INBOX_PATH = '/api/notifications';

export const inboxApi = {
  list: (unreadOnly = false) =>
    apiGet<InboxItem[]>(withQuery(INBOX_PATH, { unread: unreadOnly ? 'true' : undefined })),
  unreadCount: async () => (await apiGet<UnreadCount>(`${INBOX_PATH}/unread-count`)).count,
  markRead: (id: string) => apiSend<InboxItem>('POST', `${INBOX_PATH}/${encodeURIComponent(id)}/read`),
  markAllRead: () => apiSend<{ marked: number }>('POST', `${INBOX_PATH}/read-all`),
};

/**
 * Tells every view of the inbox (the bell, the notifications page) that something was read here, so they reload
 * their counts and lists without waiting for the next poll.
 */
const changes = new EventTarget();

export function announceInboxChange(): void {
  changes.dispatchEvent(new Event('change'));
}

export function onInboxChange(listener: () => void): () => void {
  changes.addEventListener('change', listener);
  return () => changes.removeEventListener('change', listener);
}

/** Only in-app paths open from a notification; anything else is shown without a link. */
export function safeLink(link: string | null): string | null {
  return link && link.startsWith('/') && !link.startsWith('//') ? link : null;
}
