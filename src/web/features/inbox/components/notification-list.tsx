import { Link } from 'react-router';
import type { InboxItem } from '@shared/contracts/inbox';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { safeLink } from '../api';
import { relativeTime } from '../relative-time';

function CheckIcon() {
  return (
    <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
      <path
        d="M4 10.5l4 4 8-9"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

/** One notification: its title (a link to the item when it has one), body, age, and "mark as read" while unread. */
function NotificationEntry({
  item,
  now,
  onOpen,
  onMarkRead,
}: {
  item: InboxItem;
  now: Date;
  onOpen: (item: InboxItem) => void;
  onMarkRead: (item: InboxItem) => void;
}) {
  const { t, lang } = useI18n();
  const link = safeLink(item.link);
  const unread = item.readAt === null;
  return (
    <li className={unread ? 'inbox-item inbox-item--unread' : 'inbox-item'} data-testid="inbox-item">
      <span className="inbox-item__dot" aria-hidden="true" />
      <div className="inbox-item__main">
        {unread ? <span className="visually-hidden">{t('inbox.panel.unread')}: </span> : null}
        {link ? (
          <Link className="inbox-item__title" to={link} onClick={() => onOpen(item)}>
            {item.title}
          </Link>
        ) : (
          <span className="inbox-item__title">{item.title}</span>
        )}
        {item.body ? <p className="inbox-item__body">{item.body}</p> : null}
        <time
          className="inbox-item__time"
          dateTime={item.createdAt}
          title={formatDate(item.createdAt, lang, 'dateTime')}
        >
          {relativeTime(item.createdAt, now, lang, t('inbox.time.justNow'))}
        </time>
      </div>
      {unread ? (
        <button
          type="button"
          className="inbox-item__mark"
          aria-label={t('inbox.panel.markReadOf', { title: item.title })}
          title={t('inbox.panel.markRead')}
          onClick={() => onMarkRead(item)}
        >
          <CheckIcon />
        </button>
      ) : null}
    </li>
  );
}

/** A list of notifications, newest first, as the bell's panel and the notifications page show it. */
export function NotificationList({
  items,
  now,
  onOpen,
  onMarkRead,
  label,
}: {
  items: readonly InboxItem[];
  now: Date;
  onOpen: (item: InboxItem) => void;
  onMarkRead: (item: InboxItem) => void;
  label: string;
}) {
  return (
    <ul className="inbox-list" aria-label={label}>
      {items.map((item) => (
        <NotificationEntry key={item.id} item={item} now={now} onOpen={onOpen} onMarkRead={onMarkRead} />
      ))}
    </ul>
  );
}
