import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { InboxItem } from '@shared/contracts/inbox';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { withQuery } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useFreshApi } from '@web/lib/use-api';
import { announceInboxChange, inboxApi, INBOX_PATH, onInboxChange } from '../api';
import { NotificationList } from '../components/notification-list';
import '@web/components/ui/toggle-group.css';
import '../inbox.css';

function NotificationsContent() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const list = useFreshApi<InboxItem[]>(withQuery(INBOX_PATH, { unread: unreadOnly ? 'true' : undefined }));
  const [readHere, setReadHere] = useState<ReadonlySet<string> | 'all'>(new Set());
  const [now, setNow] = useState(() => new Date());
  const { reload } = list;
  usePageTitle(t('inbox.page.title'));

  // The bell (or another tab's focus) may read notifications too: follow along.
  useEffect(() => onInboxChange(reload), [reload]);

  const choose = (next: boolean) => {
    setReadHere(new Set());
    setNow(new Date());
    setParams(next ? { unread: 'true' } : {}, { replace: true, preventScrollReset: true });
  };

  const items =
    list.status === 'success'
      ? list.data.map((item) =>
          item.readAt === null && (readHere === 'all' || readHere.has(item.id))
            ? { ...item, readAt: now.toISOString() }
            : item,
        )
      : [];
  const unreadCount = items.filter((item) => item.readAt === null).length;

  const markRead = (item: InboxItem) => {
    if (item.readAt !== null) {
      return;
    }
    setReadHere((current) => (current === 'all' ? current : new Set([...current, item.id])));
    inboxApi.markRead(item.id).then(announceInboxChange, reload);
  };

  const markAllRead = () => {
    setReadHere('all');
    inboxApi.markAllRead().then(announceInboxChange, reload);
  };

  return (
    <>
      <PageHeader title={t('inbox.page.title')} intro={<p>{t('inbox.page.intro')}</p>}>
        <div className="inbox-toolbar">
          <div className="toggle-group" role="group" aria-label={t('inbox.page.filterLabel')}>
            <button
              type="button"
              className="toggle-group__option"
              aria-pressed={!unreadOnly}
              onClick={() => choose(false)}
            >
              {t('inbox.page.all')}
            </button>
            <button
              type="button"
              className="toggle-group__option"
              aria-pressed={unreadOnly}
              onClick={() => choose(true)}
              data-testid="inbox-filter-unread"
            >
              {t('inbox.page.unreadOnly')}
            </button>
          </div>
          {unreadCount > 0 ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={markAllRead}
              data-testid="inbox-read-all"
            >
              {t('inbox.panel.markAllRead')}
            </button>
          ) : null}
        </div>
      </PageHeader>
      <div className="container page-body inbox-page">
        {list.status === 'error' ? <ErrorState error={list.error} onRetry={reload} /> : null}
        {list.status === 'loading' ? <LoadingState /> : null}
        {list.status === 'success' ? (
          <>
            <p className="inbox-page__count" role="status">
              {items.length > 0 ? t('inbox.page.unreadCount', { count: unreadCount }) : null}
            </p>
            {items.length === 0 ? (
              <EmptyState>{unreadOnly ? t('inbox.page.emptyUnread') : t('inbox.panel.empty')}</EmptyState>
            ) : (
              <NotificationList
                items={items}
                now={now}
                label={t('inbox.page.title')}
                onOpen={markRead}
                onMarkRead={markRead}
              />
            )}
          </>
        ) : null}
      </div>
    </>
  );
}

/** All my notifications (the latest 50), or only the unread ones, with "mark as read". */
export default function NotificationsPage() {
  return (
    <RequireAuth>
      <NotificationsContent />
    </RequireAuth>
  );
}
