import { OffsetPager } from '@web/components/ui/pager';
import { useId } from 'react';
import { Link } from 'react-router';
import {
  KNOWLEDGE_AUDIENCES,
  KNOWLEDGE_KINDS,
  ResourceListQuerySchema,
  type Resource,
  type ResourceListQuery,
  type ResourceList,
} from '@shared/contracts/knowledge';
import { THEMES } from '@shared/reference/themes';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAddressList, useSearchText } from '@web/lib/url-filters';
import { knowledgeApi } from '../api';
import '@web/components/ui/form.css';
import '../knowledge.css';

const PAGE_SIZE = 24;
type Filters = Pick<Partial<ResourceListQuery>, 'q' | 'kind' | 'theme' | 'audience' | 'cursor'>;
const KEYS = ['q', 'kind', 'theme', 'audience', 'cursor'] as const;

function ResourceCard({ resource }: { resource: Resource }) {
  const { t, lang } = useI18n();
  const title = lang === 'en' && resource.titleEn ? resource.titleEn : resource.titleTh;
  const summary = lang === 'en' && resource.summaryEn ? resource.summaryEn : resource.summaryTh;
  return (
    <li className="kn-card" data-testid="resource-card">
      <p className="kn-kind">{t(`network.knowledgeKind.${resource.kind}`)}</p>
      <h2 className="kn-card__title">
        <Link to={`/knowledge/${resource.id}`}>{title}</Link>
      </h2>
      {summary ? <p className="kn-card__text">{summary}</p> : null}
      <ul className="kn-tags">
        {resource.themes.map((code) => {
          const theme = THEMES.find((x) => x.code === code);
          return theme ? <li key={code}>{lang === 'en' ? theme.nameEn : theme.nameTh}</li> : null;
        })}
        {resource.audiences.map((a) => (
          <li key={a} className="kn-tag--audience">
            {t(`network.audience.${a}`)}
          </li>
        ))}
      </ul>
      <p className="kn-card__meta">
        {resource.publishedAt ? <span>{formatDate(resource.publishedAt, lang)}</span> : null}
        <span data-testid="resource-downloads">
          {t('network.library.downloads', { count: formatNumber(resource.downloadCount, lang) })}
        </span>
      </p>
    </li>
  );
}

/** `/knowledge`: the public knowledge library, searched in Thai or English, filtered by kind, theme and audience. */
export default function LibraryPage() {
  const { t, lang } = useI18n();
  const id = useId();
  const { me } = useAuth();
  const {
    filters: filters,
    list,
    failure,
    go,
    set,
    retry,
  } = useAddressList<Filters, ResourceList>({
    keys: KEYS,
    shape: ResourceListQuerySchema.shape,
    load: (current, signal) => knowledgeApi.list({ ...current, limit: PAGE_SIZE }, { signal }),
  });
  const [text, setText] = useSearchText(filters.q);
  usePageTitle(t('network.library.title'));
  const isStaff =
    hasRole(me, 'programme_officer') || hasRole(me, 'administrator') || hasRole(me, 'driving_unit_staff');
  const rows = list?.data ?? [];
  const offset = filters.cursor ?? 0;
  const filtered = Boolean(filters.q || filters.kind || filters.theme || filters.audience);

  const select = (
    key: 'kind' | 'theme' | 'audience',
    label: string,
    options: Array<{ value: string; label: string }>,
  ) => (
    <div className="field form-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={filters[key] ?? ''}
        data-testid={`library-${key}`}
        onChange={(event) => set(key, (event.target.value || undefined) as Filters[typeof key])}
      >
        <option value="">{t('network.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <>
      <PageHeader title={t('network.library.title')} intro={<p>{t('network.library.intro')}</p>}>
        {isStaff ? (
          <p className="kn-header-links">
            <Link to="/admin/knowledge" className="button button--secondary" data-testid="manage-library">
              {t('network.library.manage')}
            </Link>
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body kn-page">
        <form
          className="kn-filters"
          role="search"
          aria-label={t('network.library.filters')}
          onSubmit={(event) => {
            event.preventDefault();
            set('q', text.trim() || undefined);
          }}
        >
          <div className="kn-filters__search">
            <div className="field form-field">
              <label htmlFor={`${id}-q`}>{t('network.library.search')}</label>
              <input
                id={`${id}-q`}
                type="search"
                maxLength={200}
                value={text}
                placeholder={t('network.library.searchPlaceholder')}
                onChange={(event) => setText(event.target.value)}
                data-testid="library-search"
              />
            </div>
            <button type="submit" className="button button--primary">
              {t('network.library.searchButton')}
            </button>
          </div>
          <div className="kn-filters__grid">
            {select(
              'kind',
              t('network.library.kind'),
              KNOWLEDGE_KINDS.map((k) => ({ value: k, label: t(`network.knowledgeKind.${k}`) })),
            )}
            {select(
              'theme',
              t('network.library.theme'),
              THEMES.map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn : x.nameTh })),
            )}
            {select(
              'audience',
              t('network.library.audience'),
              KNOWLEDGE_AUDIENCES.map((a) => ({ value: a, label: t(`network.audience.${a}`) })),
            )}
          </div>
          {filtered ? (
            <p className="kn-filters__clear">
              <button type="button" className="button button--secondary" onClick={() => go({})}>
                {t('network.library.clear')}
              </button>
            </p>
          ) : null}
        </form>
        <p className="kn-count" aria-live="polite">
          {list ? t('network.library.count', { count: formatNumber(list.page.total, lang) }) : ''}
        </p>
        {failure ? (
          <ErrorState error={failure} onRetry={retry} />
        ) : !list ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState>
            {filtered ? t('network.library.emptyFiltered') : t('network.library.empty')}
          </EmptyState>
        ) : (
          <>
            <ul className="kn-cards">
              {rows.map((resource) => (
                <ResourceCard key={resource.id} resource={resource} />
              ))}
            </ul>
            <OffsetPager
              className="kn-pager"
              label={t('network.library.pager')}
              offset={offset}
              shown={rows.length}
              total={list.page.total}
              hasNext={list.page.nextCursor !== null}
              previousText={t('network.previous')}
              nextText={t('network.next')}
              rangeKey="network.range"
              onPrevious={() => go({ ...filters, cursor: Math.max(0, offset - PAGE_SIZE) })}
              onNext={() => list.page.nextCursor !== null && go({ ...filters, cursor: list.page.nextCursor })}
            />
          </>
        )}
      </div>
    </>
  );
}
