import { useEffect, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { NEED_STATUSES, type NeedList, type NeedStatus } from '@shared/contracts/needs';
import { OffsetPager } from '@web/components/ui/pager';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { toApiError, type ApiError } from '@web/lib/api';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { needsApi } from '../api';
import { NeedStatusBadge, provinceName, themeName } from '../labels';
import '@web/components/ui/form.css';
import '../needs.css';

const PAGE_SIZE = 50;

function isStatus(value: string | null): value is NeedStatus {
  return value !== null && (NEED_STATUSES as readonly string[]).includes(value);
}

/** `/admin/needs`: the moderation queue (pending first by default) for officers and units' staff. */
export default function AdminNeedsPage() {
  const { t, lang } = useI18n();
  const id = useId();
  const { me, status: authStatus } = useAuth();
  const [params, setParams] = useSearchParams();
  const rawStatus = params.get('status');
  const status: NeedStatus | '' = rawStatus === 'all' ? '' : isStatus(rawStatus) ? rawStatus : 'pending';
  const offset = Math.max(0, Number(params.get('cursor') ?? 0) || 0);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<{ key: string; list?: NeedList; error?: ApiError } | null>(null);
  const key = `${attempt}:${status}:${offset}`;
  usePageTitle(t('needs.admin.title'));
  const isStaff =
    hasRole(me, 'programme_officer') || hasRole(me, 'administrator') || hasRole(me, 'driving_unit_staff');

  useEffect(() => {
    if (!isStaff) {
      return undefined;
    }
    const controller = new AbortController();
    needsApi
      .list({ status: status || undefined, cursor: offset, limit: PAGE_SIZE }, { signal: controller.signal })
      .then(
        (list) => setLoaded({ key, list }),
        (error: unknown) => {
          if (!controller.signal.aborted) {
            setLoaded({ key, error: toApiError(error) });
          }
        },
      );
    return () => controller.abort();
    // The key holds the status and the page.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, isStaff]);

  if (authStatus === 'loading') {
    return <LoadingState />;
  }
  if (!isStaff) {
    return (
      <>
        <PageHeader title={t('needs.admin.title')} />
        <div className="container page-body">
          <EmptyState>{t('needs.admin.forbidden')}</EmptyState>
        </div>
      </>
    );
  }
  const current = loaded && loaded.key === key ? loaded : null;
  const list = current?.list ?? null;
  const go = (next: { status?: string; cursor?: number }) => {
    const search = new URLSearchParams();
    const s = next.status ?? (status || 'all');
    if (s !== 'pending') {
      search.set('status', s);
    }
    if (next.cursor) {
      search.set('cursor', String(next.cursor));
    }
    setParams(search);
  };

  return (
    <>
      <PageHeader
        title={t('needs.admin.title')}
        intro={<p>{t('needs.admin.intro')}</p>}
        back={{ to: '/needs', label: t('needs.detail.back') }}
      />
      <div className="container page-body nd-page">
        <div className="nd-filters nd-filters--inline">
          <div className="field form-field">
            <label htmlFor={`${id}-status`}>{t('needs.list.status')}</label>
            <select
              id={`${id}-status`}
              value={status || 'all'}
              onChange={(event) => go({ status: event.target.value })}
              data-testid="admin-needs-status"
            >
              <option value="all">{t('needs.list.any')}</option>
              {NEED_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`needs.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <p className="nd-count" aria-live="polite">
            {list ? t('needs.list.count', { count: formatNumber(list.page.total, lang) }) : ''}
          </p>
        </div>
        {current?.error ? (
          <ErrorState error={current.error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : !list ? (
          <LoadingState />
        ) : list.data.length === 0 ? (
          <EmptyState>{t('needs.list.emptyFiltered')}</EmptyState>
        ) : (
          <>
            <div className="nd-table-wrap">
              <table className="nd-table" data-testid="admin-needs">
                <thead>
                  <tr>
                    <th scope="col">{t('needs.admin.columnTitle')}</th>
                    <th scope="col">{t('needs.admin.columnArea')}</th>
                    <th scope="col">{t('needs.admin.columnStatus')}</th>
                    <th scope="col">{t('needs.admin.columnDate')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((need) => (
                    <tr key={need.id}>
                      <td>
                        <Link to={`/needs/${need.id}`}>{need.titleTh}</Link>
                        <span className="nd-muted nd-block">{themeName(need.theme, lang)}</span>
                      </td>
                      <td>{provinceName(need.provinceCode, lang)}</td>
                      <td>
                        <NeedStatusBadge status={need.status} />
                      </td>
                      <td>{formatDate(need.createdAt, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <OffsetPager
              className="nd-pager"
              label={t('needs.list.pager')}
              offset={offset}
              shown={list.data.length}
              total={list.page.total}
              hasNext={list.page.nextCursor !== null}
              previousText={t('needs.list.previous')}
              nextText={t('needs.list.next')}
              rangeKey="needs.list.range"
              onPrevious={() => go({ cursor: Math.max(0, offset - PAGE_SIZE) })}
              onNext={() => go({ cursor: list.page.nextCursor ?? offset })}
            />
          </>
        )}
      </div>
    </>
  );
}
