import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { CatalogueItem, CatalogueList } from '@shared/contracts/innovation-catalogue';
import { INNOVATION_STATUSES, type InnovationStatus } from '@shared/contracts/innovations';
import { Badge } from '@web/components/ui/badge';
import { Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { OffsetPager } from '@web/components/ui/pager';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { apiGet, apiGetRaw, toApiError, withQuery, type ApiError } from '@web/lib/api';
import { formatDate, formatNumber, localName } from '@web/lib/format';
import type { InnovationDetail } from '@shared/contracts/innovations';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { innovationApi } from '../api';
import { usePanelAction } from '../components/panel-action';
import '@web/components/ui/form.css';
import '../innovations.css';

const PAGE_SIZE = 25;

type Loaded =
  { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'success'; list: CatalogueList };

/** Publish / unpublish / feature one row; reads the entry's current version first. */
function RowActions({ item, onChanged }: { item: CatalogueItem; onChanged: () => void }) {
  const { t } = useI18n();
  const { busy, problem, run } = usePanelAction(onChanged);
  const act = (command: (current: InnovationDetail) => Promise<unknown>) =>
    run(async () => command(await apiGet<InnovationDetail>(`/api/innovations/${item.id}`)));
  return (
    <div className="in-actions">
      {item.status === 'published' ? (
        <>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() =>
              act((c) => innovationApi.feature(c.id, { version: c.version, isFeatured: !c.isFeatured }))
            }
          >
            {item.isFeatured ? t('innovations.editor.unfeature') : t('innovations.editor.feature')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => act((c) => innovationApi.unpublish(c.id, { version: c.version }))}
          >
            {t('innovations.editor.unpublish')}
          </button>
        </>
      ) : (
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => act((c) => innovationApi.publish(c.id, { version: c.version }))}
        >
          {t('innovations.editor.publish')}
        </button>
      )}
      <Link to={`/innovations/${item.id}/edit`} className="button button--secondary">
        {t('innovations.page.edit')}
      </Link>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
    </div>
  );
}

function AdminList() {
  const { t, lang } = useI18n();
  const title = t('innovations.admin.title');
  usePageTitle(title);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const status = (INNOVATION_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as InnovationStatus)
    : undefined;
  const cursor = Number(params.get('cursor') ?? 0) || 0;
  const [text, setText] = useState(q);
  const [attempt, setAttempt] = useState(0);
  const key = `${attempt}|${q}|${status ?? ''}|${cursor}`;
  const [result, setResult] = useState<{ key: string; loaded: Loaded }>({
    key: '',
    loaded: { status: 'loading' },
  });
  const loaded: Loaded = result.key === key ? result.loaded : { status: 'loading' };

  useEffect(() => {
    const controller = new AbortController();
    apiGetRaw<CatalogueList>(
      withQuery('/api/innovations', {
        scope: 'manage',
        q: q || undefined,
        status,
        sort: q ? 'relevance' : 'newest',
        limit: PAGE_SIZE,
        cursor: cursor || undefined,
      }),
      { signal: controller.signal },
    ).then(
      (list) => setResult({ key, loaded: { status: 'success', list } }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setResult({ key, loaded: { status: 'error', error: toApiError(error) } });
        }
      },
    );
    return () => controller.abort();
  }, [key, q, status, cursor]);

  const update = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next);
  };
  const reload = () => setAttempt((n) => n + 1);

  return (
    <>
      <PageHeader title={title} intro={<p>{t('innovations.admin.intro')}</p>}>
        <p className="in-header-links">
          <Link to="/innovations/new" className="button button--primary" data-testid="innovation-add">
            {t('innovations.admin.add')}
          </Link>
        </p>
      </PageHeader>
      <div className="container page-body in-page">
        <form
          className="in-filters"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            update({ q: text.trim() || undefined, cursor: undefined });
          }}
        >
          <Field label={t('innovations.admin.search')}>
            {(tie) => (
              <input
                {...tie}
                type="search"
                value={text}
                maxLength={200}
                placeholder={t('innovations.admin.searchPlaceholder')}
                onChange={(e) => setText(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('innovations.admin.status')}>
            {(tie) => (
              <select
                {...tie}
                value={status ?? ''}
                onChange={(e) => update({ status: e.target.value || undefined, cursor: undefined })}
              >
                <option value="">{t('innovations.admin.any')}</option>
                {INNOVATION_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`innovations.status.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" className="button button--secondary">
            {t('innovations.admin.search')}
          </button>
        </form>
        {loaded.status === 'loading' ? <LoadingState /> : null}
        {loaded.status === 'error' ? <ErrorState error={loaded.error} onRetry={reload} /> : null}
        {loaded.status === 'success' ? (
          <>
            <p className="in-muted" role="status">
              {t('innovations.admin.count', { count: formatNumber(loaded.list.page.total, lang) })}
            </p>
            {loaded.list.data.length === 0 ? (
              <EmptyState>{t('innovations.admin.empty')}</EmptyState>
            ) : (
              <div className="in-table-wrap">
                <table className="in-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('innovations.admin.title_')}</th>
                      <th scope="col">{t('innovations.admin.status')}</th>
                      <th scope="col">{t('innovations.admin.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {loaded.list.data.map((item) => (
                      <tr key={item.id}>
                        <td>
                          <Link to={`/innovations/${item.id}`}>
                            {lang === 'en' && item.titleEn ? item.titleEn : item.titleTh}
                          </Link>
                          <br />
                          <span className="in-muted">
                            {[
                              item.originProvince ? localName(item.originProvince, lang) : null,
                              item.srl !== null ? t('innovations.page.srlShort', { level: item.srl }) : null,
                              item.publishedAt ? formatDate(item.publishedAt, lang, 'medium') : null,
                            ]
                              .filter(Boolean)
                              .join(' · ')}
                          </span>
                        </td>
                        <td>
                          <span className="in-badges">
                            <Badge tone={item.status === 'published' ? 'success' : 'accent'}>
                              {t(`innovations.status.${item.status}`)}
                            </Badge>
                            {item.isFeatured ? (
                              <Badge tone="brand">{t('innovations.page.featured')}</Badge>
                            ) : null}
                            {item.isDiffusionReady ? (
                              <Badge tone="neutral">{t('innovations.page.diffusionReady')}</Badge>
                            ) : null}
                          </span>
                        </td>
                        <td>
                          <RowActions item={item} onChanged={reload} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <OffsetPager
              className="in-pager"
              label={title}
              offset={cursor}
              shown={loaded.list.data.length}
              total={loaded.list.page.total}
              hasNext={loaded.list.page.nextCursor !== null}
              previousText={t('innovations.admin.previous')}
              nextText={t('innovations.admin.next')}
              rangeKey="innovations.admin.range"
              onPrevious={() =>
                update({ cursor: cursor > PAGE_SIZE ? String(cursor - PAGE_SIZE) : undefined })
              }
              onNext={() => update({ cursor: String(loaded.list.page.nextCursor ?? cursor) })}
            />
          </>
        ) : null}
      </div>
    </>
  );
}

/** `/admin/innovations`: every entry of the catalogue for officers, with publish and feature actions. */
export default function AdminInnovationsPage() {
  return (
    <RequireAuth>
      <AdminList />
    </RequireAuth>
  );
}
