import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ResourceList } from '@shared/contracts/knowledge';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { toApiError, type ApiError } from '@web/lib/api';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { knowledgeApi } from '../api';
import '../knowledge.css';

function Manage() {
  const { t, lang } = useI18n();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ list: ResourceList } | { error: ApiError } | null>(null);
  usePageTitle(t('network.manage.title'));
  useEffect(() => {
    const controller = new AbortController();
    knowledgeApi.list({ scope: 'manage', limit: 100 }, { signal: controller.signal }).then(
      (list) => setState({ list }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({ error: toApiError(error) });
        }
      },
    );
    return () => controller.abort();
  }, [attempt]);
  return (
    <>
      <PageHeader
        title={t('network.manage.title')}
        back={{ to: '/knowledge', label: t('network.resource.back') }}
        intro={<p>{t('network.manage.intro')}</p>}
      >
        <p className="kn-header-links">
          <Link to="/admin/knowledge/new" className="button button--primary" data-testid="add-resource">
            {t('network.manage.add')}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body kn-page">
        {state === null ? (
          <LoadingState />
        ) : 'error' in state ? (
          <ErrorState error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
        ) : state.list.data.length === 0 ? (
          <EmptyState>{t('network.manage.empty')}</EmptyState>
        ) : (
          <table className="data-table data-table--stack kn-table">
            <caption className="visually-hidden">{t('network.manage.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('network.manage.col.title')}</th>
                <th scope="col">{t('network.manage.col.kind')}</th>
                <th scope="col">{t('network.manage.col.status')}</th>
                <th scope="col" className="numeric">
                  {t('network.manage.col.downloads')}
                </th>
              </tr>
            </thead>
            <tbody>
              {state.list.data.map((r) => (
                <tr key={r.id} data-testid="manage-row">
                  <td data-label={t('network.manage.col.title')}>
                    <Link to={`/admin/knowledge/${r.id}`}>
                      {lang === 'en' && r.titleEn ? r.titleEn : r.titleTh}
                    </Link>
                  </td>
                  <td data-label={t('network.manage.col.kind')}>{t(`network.knowledgeKind.${r.kind}`)}</td>
                  <td data-label={t('network.manage.col.status')}>
                    <Badge tone={r.status === 'published' ? 'success' : 'accent'}>
                      {t(`network.status.${r.status}`)}
                    </Badge>
                  </td>
                  <td data-label={t('network.manage.col.downloads')} className="numeric">
                    {formatNumber(r.downloadCount, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </>
  );
}

/** `/admin/knowledge`: the resources a person manages (officers all, a unit's staff their unit's), drafts included. */
export default function ManagePage() {
  return (
    <RequireAuth>
      <Manage />
    </RequireAuth>
  );
}
