import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CatalogueItem, CatalogueList } from '@shared/contracts/innovation-catalogue';
import {
  CATALOGUE_PAGE_SIZE,
  CATALOGUE_SORTS,
  type CatalogueSort,
} from '@shared/contracts/innovation-catalogue-query';
import type { Language } from '@shared/i18n/languages';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS } from '@shared/reference/regions';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES } from '@shared/reference/themes';
import { OffsetPager } from '@web/components/ui/pager';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { useProgrammes } from '@web/features/programmes/api';
import { compareText, formatBaht, formatNumber } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { useMetaDescription, usePageTitle } from '@web/lib/page-title';
import { useAddressList } from '@web/lib/url-filters';
import { catalogueApi, innovationHref } from '../catalogue-api';
import {
  CATALOGUE_FILTER_FIELDS,
  CATALOGUE_FILTER_KEYS as KEYS,
  type CatalogueFilters as Filters,
} from '../catalogue-filters';
import { CatalogueSearch } from '../components/catalogue-search';
import { Highlighted } from '../components/highlighted';
import '@web/components/ui/form.css';
import '../catalogue.css';

const SORT_LABEL: Record<CatalogueSort, MessageKey> = {
  relevance: 'catalogue.sortRelevance',
  newest: 'catalogue.sortNewest',
  title: 'catalogue.sortTitle',
};
const SRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9];

const PROVINCE_OPTIONS = new Map<Language, Array<{ value: string; label: string }>>();

/** The provinces in the language's alphabetical order, sorted once a language (77 names through the collator). */
function provinceOptions(lang: Language) {
  let options = PROVINCE_OPTIONS.get(lang);
  if (!options) {
    options = PROVINCES.map((p) => ({
      value: String(p.code),
      label: lang === 'en' ? p.nameEn : p.nameTh,
    })).sort((a, b) => compareText(a.label, b.label, lang));
    PROVINCE_OPTIONS.set(lang, options);
  }
  return options;
}

function InnovationCard({ item }: { item: CatalogueItem }) {
  const { t, lang } = useI18n();
  const english = lang === 'en' && item.titleEn !== '';
  const title = english ? item.highlight.titleEn : item.highlight.titleTh;
  const other = english ? item.titleTh : item.titleEn;
  const summary =
    lang === 'en' && item.highlight.summaryEn.length > 0
      ? item.highlight.summaryEn
      : item.highlight.summaryTh;
  const province = item.originProvince;
  return (
    <li className="ic-card" data-testid="catalogue-card">
      {item.coverThumbnailUrl ? (
        <img className="ic-card__cover" src={item.coverThumbnailUrl} alt="" loading="lazy" />
      ) : null}
      <div className="ic-card__body">
        <p className="ic-badges">
          {item.isFeatured ? (
            <span className="ic-badge ic-badge--featured">{t('catalogue.featured')}</span>
          ) : null}
          {item.isDiffusionReady ? (
            <span className="ic-badge ic-badge--ready">{t('catalogue.diffusionReady')}</span>
          ) : null}
          {item.srl !== null ? (
            <span className="ic-badge">{t('catalogue.srl', { level: item.srl })}</span>
          ) : null}
          {item.status !== 'published' ? (
            <span className="ic-badge ic-badge--status">{t(`innovations.status.${item.status}`)}</span>
          ) : null}
        </p>
        <h2 className="ic-card__title">
          <Link to={innovationHref(item.id)}>
            <Highlighted pieces={title} fallback={item.titleTh} />
          </Link>
        </h2>
        {other ? (
          <p className="ic-card__other" lang={english ? 'th' : 'en'}>
            {other}
          </p>
        ) : null}
        {summary.length > 0 ? (
          <p className="ic-card__text">
            <Highlighted pieces={summary} />
          </p>
        ) : null}
        <ul className="ic-tags">
          {item.themes.map((code) => {
            const theme = THEMES.find((x) => x.code === code);
            return theme ? <li key={code}>{lang === 'en' ? theme.nameEn : theme.nameTh}</li> : null;
          })}
        </ul>
        <p className="ic-card__meta">
          {province ? (
            <span>
              {t('catalogue.origin', { province: lang === 'en' ? province.nameEn : province.nameTh })}
            </span>
          ) : null}
          {item.isDiffusionReady && item.adoptionCostSatang !== null ? (
            <span>{t('catalogue.cost', { amount: formatBaht(item.adoptionCostSatang, lang) })}</span>
          ) : null}
        </p>
      </div>
    </li>
  );
}

/**
 * `/innovations`: the public catalogue of social innovations. Thai-aware search with autocomplete, filters by theme,
 * SDG, province, region, SRL, programme and diffusion-readiness, matches highlighted; the address holds the state.
 */
export default function CataloguePage() {
  const { t, lang } = useI18n();
  const id = useId();
  const {
    filters: filters,
    list,
    failure,
    go,
    set,
    retry,
  } = useAddressList<Filters, CatalogueList>({
    keys: KEYS,
    shape: CATALOGUE_FILTER_FIELDS,
    defaults: { sort: 'relevance' },
    load: (current, signal) => catalogueApi.list({ ...current, limit: CATALOGUE_PAGE_SIZE }, { signal }),
  });
  const programmes = useProgrammes();
  usePageTitle(t('catalogue.title'));
  useMetaDescription(t('catalogue.description'));

  const rows = list?.data ?? [];
  const offset = filters.cursor ?? 0;
  const activeFilters = KEYS.filter(
    (key) => key !== 'cursor' && key !== 'sort' && key !== 'q' && filters[key] !== undefined,
  ).length;
  const filtered = activeFilters > 0 || filters.q !== undefined;
  // Wide screens show the filters; phones fold them away under their summary (open when some are set).
  const [filtersOpen, setFiltersOpen] = useState(
    () => activeFilters > 0 || window.matchMedia('(min-width: 48rem)').matches,
  );

  const select = (
    key: 'theme' | 'sdg' | 'province' | 'region' | 'srlMin' | 'srlMax' | 'programme' | 'sort',
    label: string,
    options: Array<{ value: string; label: string }>,
    anyLabel: string | null = t('catalogue.any'),
  ) => (
    <div className="field form-field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={String(filters[key] ?? '')}
        data-testid={`catalogue-${key}`}
        onChange={(event) => {
          const parsed = CATALOGUE_FILTER_FIELDS[key].safeParse(event.target.value || undefined);
          set(key, parsed.success ? (parsed.data as Filters[typeof key]) : undefined);
        }}
      >
        {anyLabel !== null ? <option value="">{anyLabel}</option> : null}
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
      <PageHeader title={t('catalogue.title')} intro={<p>{t('catalogue.lead')}</p>} />
      <div className="container page-body ic-page">
        <section className="ic-filters" aria-label={t('catalogue.filters')}>
          <CatalogueSearch value={filters.q ?? ''} onSearch={(q) => set('q', q || undefined)} />
          <details
            className="ic-more"
            open={filtersOpen}
            onToggle={(event) => setFiltersOpen(event.currentTarget.open)}
          >
            <summary>
              {t('catalogue.filters')}
              {activeFilters > 0 ? ` (${formatNumber(activeFilters, lang)})` : ''}
            </summary>
            <div className="ic-filters__grid">
              {select(
                'theme',
                t('catalogue.theme'),
                THEMES.map((x) => ({ value: x.code, label: lang === 'en' ? x.nameEn : x.nameTh })),
              )}
              {select(
                'region',
                t('catalogue.region'),
                REGIONS.map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.nameTh })),
              )}
              {select('province', t('catalogue.province'), provinceOptions(lang))}
              {select(
                'sdg',
                t('catalogue.sdg'),
                SDGS.map((s) => ({
                  value: String(s.number),
                  label: t('catalogue.sdgOption', {
                    number: s.number,
                    name: lang === 'en' ? s.nameEn : s.nameTh,
                  }),
                })),
              )}
              {select(
                'srlMin',
                t('catalogue.srlMin'),
                SRL_LEVELS.map((n) => ({ value: String(n), label: String(n) })),
              )}
              {select(
                'srlMax',
                t('catalogue.srlMax'),
                SRL_LEVELS.map((n) => ({ value: String(n), label: String(n) })),
              )}
              {programmes.status === 'success' && programmes.data.length > 0
                ? select(
                    'programme',
                    t('catalogue.programme'),
                    programmes.data.map((p) => ({ value: p.id, label: lang === 'en' ? p.nameEn : p.nameTh })),
                  )
                : null}
              {select(
                'sort',
                t('catalogue.sort'),
                CATALOGUE_SORTS.map((s) => ({ value: s, label: t(SORT_LABEL[s]) })),
                null,
              )}
            </div>
            <div className="ic-filters__row">
              <label className="ic-check">
                <input
                  type="checkbox"
                  checked={filters.diffusionReady === 'true'}
                  data-testid="catalogue-diffusion-ready"
                  onChange={(event) => set('diffusionReady', event.target.checked ? 'true' : undefined)}
                />
                <span>{t('catalogue.diffusionReadyOnly')}</span>
              </label>
              {filtered ? (
                <button type="button" className="button button--secondary" onClick={() => go({})}>
                  {t('catalogue.clear')}
                </button>
              ) : null}
            </div>
          </details>
        </section>
        <p className="ic-count" aria-live="polite" data-testid="catalogue-count">
          {list
            ? filters.q
              ? t(list.page.totalCapped ? 'catalogue.resultsCapped' : 'catalogue.resultsFor', {
                  count: formatNumber(list.page.total, lang),
                  q: filters.q,
                })
              : t('catalogue.results', { count: formatNumber(list.page.total, lang) })
            : ''}
        </p>
        {failure ? (
          <ErrorState error={failure} onRetry={retry} />
        ) : !list ? (
          <LoadingState />
        ) : rows.length === 0 ? (
          <EmptyState>
            <span className="ic-empty">
              <strong>{t('catalogue.empty')}</strong>
              <span>{t('catalogue.emptyHint')}</span>
            </span>
          </EmptyState>
        ) : (
          <>
            <ul className="ic-cards">
              {rows.map((item) => (
                <InnovationCard key={item.id} item={item} />
              ))}
            </ul>
            <OffsetPager
              className="ic-pager"
              label={t('catalogue.pager')}
              offset={offset}
              shown={rows.length}
              total={list.page.total}
              hasNext={list.page.nextCursor !== null}
              previousText={t('catalogue.previous')}
              nextText={t('catalogue.next')}
              rangeKey="catalogue.range"
              onPrevious={() => go({ ...filters, cursor: Math.max(0, offset - CATALOGUE_PAGE_SIZE) })}
              onNext={() => list.page.nextCursor !== null && go({ ...filters, cursor: list.page.nextCursor })}
            />
          </>
        )}
      </div>
    </>
  );
}
