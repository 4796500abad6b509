import { useId } from 'react';
import { Link } from 'react-router';
import { NeedListQuerySchema, type NeedSummary, type NeedList } from '@shared/contracts/needs';
import { PROVINCES } from '@shared/reference/provinces';
import { THEMES } from '@shared/reference/themes';
import { OffsetPager } from '@web/components/ui/pager';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAddressList, useSearchText } from '@web/lib/url-filters';
import { useMetaDescription } from '@web/lib/page-title';
import { needsApi, type NeedFilters } from '../api';
import { NeedStatusBadge, provinceName, siteText, themeName } from '../labels';
import '@web/components/ui/form.css';
import '../needs.css';

const PAGE_SIZE = 20;
const KEYS = ['q', 'theme', 'provinceCode', 'cursor'] as const;
type Filters = Pick<NeedFilters, (typeof KEYS)[number]>;

function NeedCard({ need }: { need: NeedSummary }) {
  const { t, lang } = useI18n();
  return (
    <li className="nd-card" data-testid="need-card">
      <p className="nd-card__theme">{themeName(need.theme, lang)}</p>
      <h2 className="nd-card__title">
        <Link to={`/needs/${need.id}`}>
          {need.title.map((piece, index) =>
            piece.match ? <mark key={index}>{piece.text}</mark> : piece.text,
          )}
        </Link>
      </h2>
      <p className="nd-card__text">{need.descriptionTh}</p>
      <p className="nd-card__meta">
        <span>{siteText(need, lang, t)}</span>
        {need.peopleAffected > 0 ? (
          <span>{t('needs.list.people', { count: formatNumber(need.peopleAffected, lang) })}</span>
        ) : null}
        <span>{formatDate(need.createdAt, lang)}</span>
        {need.status !== 'published' ? <NeedStatusBadge status={need.status} /> : null}
      </p>
    </li>
  );
}

/** `/needs`: published needs for innovation, searched in Thai and filtered by theme and province (public). */
export default function NeedsPage() {
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
  } = useAddressList<Filters, NeedList>({
    keys: KEYS,
    shape: NeedListQuerySchema.shape,
    load: (current, signal) => needsApi.list({ ...current, limit: PAGE_SIZE }, { signal }),
  });
  const [text, setText] = useSearchText(filters.q);
  usePageTitle(t('needs.list.title'));
  useMetaDescription(t('needs.list.intro'));
  const isStaff =
    hasRole(me, 'programme_officer') || hasRole(me, 'administrator') || hasRole(me, 'driving_unit_staff');
  const rows = list?.data ?? [];
  const offset = filters.cursor ?? 0;
  const filtered = Boolean(filters.q || filters.theme || filters.provinceCode);
  const collator = new Intl.Collator(lang);

  return (
    <>
      <PageHeader title={t('needs.list.title')} intro={<p>{t('needs.list.intro')}</p>}>
        <p className="nd-header-links">
          <Link to="/needs/new" className="button button--primary" data-testid="post-need">
            {t('needs.list.submit')}
          </Link>
          {isStaff ? (
            <Link to="/admin/needs" className="button button--secondary" data-testid="moderate-needs">
              {t('needs.list.moderate')}
            </Link>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body nd-page">
        <form
          className="nd-filters"
          role="search"
          aria-label={t('needs.list.filters')}
          onSubmit={(event) => {
            event.preventDefault();
            set('q', text.trim() || undefined);
          }}
        >
          <div className="nd-filters__search">
            <div className="field form-field">
              <label htmlFor={`${id}-q`}>{t('needs.list.search')}</label>
              <input
                id={`${id}-q`}
                type="search"
                maxLength={200}
                value={text}
                placeholder={t('needs.list.searchPlaceholder')}
                onChange={(event) => setText(event.target.value)}
                data-testid="needs-search"
              />
            </div>
            <button type="submit" className="button button--primary">
              {t('needs.list.searchButton')}
            </button>
          </div>
          <div className="nd-filters__grid">
            <div className="field form-field">
              <label htmlFor={`${id}-theme`}>{t('needs.list.theme')}</label>
              <select
                id={`${id}-theme`}
                value={filters.theme ?? ''}
                onChange={(event) => set('theme', (event.target.value || undefined) as Filters['theme'])}
                data-testid="needs-theme"
              >
                <option value="">{t('needs.list.any')}</option>
                {THEMES.map((x) => (
                  <option key={x.code} value={x.code}>
                    {lang === 'en' ? x.nameEn : x.nameTh}
                  </option>
                ))}
              </select>
            </div>
            <div className="field form-field">
              <label htmlFor={`${id}-province`}>{t('needs.list.province')}</label>
              <select
                id={`${id}-province`}
                value={filters.provinceCode ?? ''}
                onChange={(event) =>
                  set('provinceCode', event.target.value ? Number(event.target.value) : undefined)
                }
                data-testid="needs-province"
              >
                <option value="">{t('needs.list.any')}</option>
                {[...PROVINCES]
                  .sort((a, b) => collator.compare(provinceName(a.code, lang), provinceName(b.code, lang)))
                  .map((p) => (
                    <option key={p.code} value={p.code}>
                      {provinceName(p.code, lang)}
                    </option>
                  ))}
              </select>
            </div>
          </div>
          {filtered ? (
            <p className="nd-filters__clear">
              <button type="button" className="button button--secondary" onClick={() => go({})}>
                {t('needs.list.clear')}
              </button>
            </p>
          ) : null}
        </form>
        <p className="nd-count" aria-live="polite">
          {list ? t('needs.list.count', { count: formatNumber(list.page.total, lang) }) : ''}
        </p>
        {failure ? (
          <ErrorState error={failure} onRetry={retry} />
        ) : !list ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState>{filtered ? t('needs.list.emptyFiltered') : t('needs.list.empty')}</EmptyState>
        ) : (
          <>
            <ul className="nd-cards">
              {rows.map((need) => (
                <NeedCard key={need.id} need={need} />
              ))}
            </ul>
            <OffsetPager
              className="nd-pager"
              label={t('needs.list.pager')}
              offset={offset}
              shown={rows.length}
              total={list.page.total}
              hasNext={list.page.nextCursor !== null}
              previousText={t('needs.list.previous')}
              nextText={t('needs.list.next')}
              rangeKey="needs.list.range"
              onPrevious={() => go({ ...filters, cursor: Math.max(0, offset - PAGE_SIZE) })}
              onNext={() => go({ ...filters, cursor: list.page.nextCursor ?? offset })}
            />
          </>
        )}
      </div>
    </>
  );
}
