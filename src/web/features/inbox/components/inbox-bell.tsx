import { useCallback, useEffect, useId, useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { InboxItem } from '@shared/contracts/inbox';
import { INBOX_POLL_MS } from '@shared/contracts/inbox-limits';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { useAuth } from '@web/features/accounts/auth';
import { toApiError, type ApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { useDropdown } from '@web/lib/use-dropdown';
import { announceInboxChange, inboxApi, onInboxChange } from '../api';
import { NotificationList } from './notification-list';
import '../inbox.css';

/** How many notifications the bell's panel shows; the notifications page has them all. */
const PANEL_ITEMS = 8;

type PanelState =
  { status: 'loading' } | { status: 'success'; items: InboxItem[] } | { status: 'error'; error: ApiError };

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6L4.4 15.8A.8.8 0 0 0 5.1 17h13.8a.8.8 0 0 0 .7-1.2L18 12.6V9a6 6 0 0 0-6-6Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <path d="M9.5 19.5a2.6 2.6 0 0 0 5 0" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/**
 * The header's bell for a signed-in person: the unread count as a badge (asked every minute, when the window
 * regains focus, and after anything is read here), and a panel with the newest notifications.
 */
function Bell() {
  const { t } = useI18n();
  const location = useLocation();
  const [count, setCount] = useState(0);
  // Closes after navigating (e.g. through one of its links), on Escape and on a press outside.
  const { open, setOpen, rootRef, toggleRef } = useDropdown(location.pathname);
  const [panel, setPanel] = useState<PanelState>({ status: 'loading' });
  const [now, setNow] = useState(() => new Date());
  const panelId = useId();
  const titleId = useId();

  const refreshCount = useCallback(() => {
    inboxApi.unreadCount().then(setCount, () => undefined);
  }, []);

  const loadPanel = useCallback(() => {
    inboxApi.list().then(
      (items) => {
        setNow(new Date());
        setPanel({ status: 'success', items: items.slice(0, PANEL_ITEMS) });
      },
      (error: unknown) => setPanel({ status: 'error', error: toApiError(error) }),
    );
  }, []);

  useEffect(() => {
    refreshCount();
    const timer = window.setInterval(() => {
      if (!document.hidden) {
        refreshCount();
      }
    }, INBOX_POLL_MS);
    const onVisible = () => {
      if (!document.hidden) {
        refreshCount();
      }
    };
    window.addEventListener('focus', refreshCount);
    document.addEventListener('visibilitychange', onVisible);
    const stop = onInboxChange(refreshCount);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refreshCount);
      document.removeEventListener('visibilitychange', onVisible);
      stop();
    };
  }, [refreshCount]);

  const toggle = () => {
    if (open) {
      setOpen(false);
      return;
    }
    setOpen(true);
    setPanel((current) => (current.status === 'success' ? current : { status: 'loading' }));
    loadPanel();
    refreshCount();
  };

  const markLocally = (ids: Set<string> | 'all') => {
    const at = new Date().toISOString();
    setPanel((current) =>
      current.status === 'success'
        ? {
            status: 'success',
            items: current.items.map((item) =>
              item.readAt === null && (ids === 'all' || ids.has(item.id)) ? { ...item, readAt: at } : item,
            ),
          }
        : current,
    );
  };

  const markRead = (item: InboxItem) => {
    if (item.readAt !== null) {
      return;
    }
    markLocally(new Set([item.id]));
    setCount((n) => Math.max(0, n - 1));
    inboxApi.markRead(item.id).then(announceInboxChange, refreshCount);
  };

  const markAllRead = () => {
    markLocally('all');
    setCount(0);
    inboxApi.markAllRead().then(announceInboxChange, refreshCount);
  };

  const label = count > 0 ? t('inbox.bell.labelUnread', { count }) : t('inbox.bell.labelNone');
  const hasUnread = panel.status === 'success' && panel.items.some((item) => item.readAt === null);

  return (
    <div className="inbox-bell" ref={rootRef}>
      <button
        ref={toggleRef}
        type="button"
        className="inbox-bell__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        title={t('inbox.bell.label')}
        data-testid="inbox-bell"
        data-count={count}
        onClick={toggle}
      >
        <BellIcon />
        {count > 0 ? (
          <span className="inbox-bell__badge" aria-hidden="true" data-testid="inbox-badge">
            {count > 99 ? '99+' : count}
          </span>
        ) : null}
      </button>
      <section
        id={panelId}
        className="inbox-panel"
        aria-labelledby={titleId}
        hidden={!open}
        data-testid="inbox-panel"
      >
        <header className="inbox-panel__head">
          <h2 id={titleId} className="inbox-panel__title">
            {t('inbox.panel.title')}
          </h2>
          {count > 0 || hasUnread ? (
            <button type="button" className="inbox-panel__action" onClick={markAllRead}>
              {t('inbox.panel.markAllRead')}
            </button>
          ) : null}
        </header>
        <div className="inbox-panel__body">
          {panel.status === 'loading' ? <LoadingState /> : null}
          {panel.status === 'error' ? <ErrorState error={panel.error} onRetry={loadPanel} /> : null}
          {panel.status === 'success' && panel.items.length === 0 ? (
            <p className="inbox-panel__empty">{t('inbox.panel.empty')}</p>
          ) : null}
          {panel.status === 'success' && panel.items.length > 0 ? (
            <NotificationList
              items={panel.items}
              now={now}
              label={t('inbox.panel.title')}
              onOpen={markRead}
              onMarkRead={markRead}
            />
          ) : null}
        </div>
        <footer className="inbox-panel__foot">
          <Link to="/notifications" className="inbox-panel__all" data-testid="inbox-view-all">
            {t('inbox.panel.viewAll')}
          </Link>
        </footer>
      </section>
    </div>
  );
}

/** The bell, for signed-in people who may use the platform (not while a required second factor is missing). */
export function InboxBell() {
  const { me } = useAuth();
  if (!me || me.mustEnrollTotp) {
    return null;
  }
  return <Bell key={me.id} />;
}
