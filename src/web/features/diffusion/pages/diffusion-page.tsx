import { useId, useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ADOPTION_STATUSES, type AdoptionStatus, type DiffusionQuery } from '@shared/contracts/diffusion';
import { PROVINCES } from '@shared/reference/provinces';
import { THEMES, THEME_CODES, type ThemeCode } from '@shared/reference/themes';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useOverview } from '../api';
import { AdoptionList } from '../components/adoption-list';
import { DiffusionMapPanel } from '../components/map-panel';
import { MetricsCards } from '../components/metrics-cards';
import { titleIn } from '../labels';
import { useMetaDescription } from '@web/lib/page-title';
import '@web/components/ui/form.css';
import '../diffusion.css';

function queryOf(params: URLSearchParams): DiffusionQuery {
  const theme = params.get('theme');
  const status = params.get('status');
  const province = Number(params.get('province'));
  return {
    theme: theme && (THEME_CODES as readonly string[]).includes(theme) ? (theme as ThemeCode) : undefined,
    status:
      status && (ADOPTION_STATUSES as readonly string[]).includes(status)
        ? (status as AdoptionStatus)
        : undefined,
    provinceCode: PROVINCES.some((p) => p.code === province) ? province : undefined,
  };
}

/** `/diffusion`: every adoption of the catalogue's innovations, filtered by theme, province and status. */
export default function DiffusionPage() {
  const { t, lang } = useI18n();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => queryOf(params), [params]);
  const overview = useOverview(query);
  const title = t('diffusion.overview.title');
  usePageTitle(title);
  useMetaDescription(t('diffusion.overview.intro'));
  const collator = useMemo(() => new Intl.Collator(lang), [lang]);
  const data = overview.status === 'success' ? overview.data : null;
  const origins = useMemo(
    () =>
      data
        ? data.origins.map((o) => ({ id: o.id, provinceCode: o.originProvinceCode, title: titleIn(o, lang) }))
        : [],
    [data, lang],
  );
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) {
      next.set(name, value);
    } else {
      next.delete(name);
    }
    setParams(next, { replace: true });
  };
  const filtered = Boolean(query.theme ?? query.status ?? query.provinceCode);

  return (
    <>
      <PageHeader title={title} intro={t('diffusion.overview.intro')}>
        <p className="df-actions">
          <Link to="/innovations">{t('diffusion.overview.catalogueLink')}</Link>
        </p>
      </PageHeader>
      <div className="container page-body df-page">
        <form
          className="df-filters"
          aria-label={t('diffusion.overview.filters')}
          onSubmit={(e) => e.preventDefault()}
        >
          <div className="field form-field df-filter">
            <label htmlFor={`${id}-theme`}>{t('diffusion.overview.theme')}</label>
            <select
              id={`${id}-theme`}
              value={query.theme ?? ''}
              onChange={(e) => set('theme', e.target.value)}
              data-testid="filter-theme"
            >
              <option value="">{t('diffusion.any')}</option>
              {THEMES.map((theme) => (
                <option key={theme.code} value={theme.code}>
                  {lang === 'en' ? theme.nameEn : theme.nameTh}
                </option>
              ))}
            </select>
          </div>
          <div className="field form-field df-filter">
            <label htmlFor={`${id}-province`}>{t('diffusion.overview.province')}</label>
            <select
              id={`${id}-province`}
              value={query.provinceCode ?? ''}
              onChange={(e) => set('province', e.target.value)}
              data-testid="filter-province"
            >
              <option value="">{t('diffusion.any')}</option>
              {[...PROVINCES]
                .sort((a, b) =>
                  collator.compare(lang === 'en' ? a.nameEn : a.nameTh, lang === 'en' ? b.nameEn : b.nameTh),
                )
                .map((p) => (
                  <option key={p.code} value={p.code}>
                    {lang === 'en' ? p.nameEn : p.nameTh}
                  </option>
                ))}
            </select>
          </div>
          <div className="field form-field df-filter">
            <label htmlFor={`${id}-status`}>{t('diffusion.overview.status')}</label>
            <select
              id={`${id}-status`}
              value={query.status ?? ''}
              onChange={(e) => set('status', e.target.value)}
              data-testid="filter-status"
            >
              <option value="">{t('diffusion.any')}</option>
              {ADOPTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`diffusion.status.${s}`)}
                </option>
              ))}
            </select>
          </div>
          {filtered ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => setParams({}, { replace: true })}
            >
              {t('diffusion.overview.clear')}
            </button>
          ) : null}
        </form>

        {overview.status === 'error' ? (
          <ErrorState error={overview.error} onRetry={overview.reload} />
        ) : !data ? (
          <LoadingState />
        ) : (
          <>
            <p className="df-count" role="status">
              {t('diffusion.overview.count', { count: data.adoptions.length })}
            </p>
            <MetricsCards metrics={data.metrics} />
            <section aria-labelledby="df-map-title">
              <h2 id="df-map-title">{t('diffusion.map.title')}</h2>
              <DiffusionMapPanel origins={origins} adoptions={data.adoptions} />
            </section>
            <section aria-labelledby="df-list-title">
              <h2 id="df-list-title">{t('diffusion.list.title')}</h2>
              {data.adoptions.length === 0 ? (
                <p className="df-empty">
                  {filtered ? t('diffusion.list.emptyFiltered') : t('diffusion.list.empty')}
                </p>
              ) : (
                <AdoptionList adoptions={data.adoptions} showInnovation />
              )}
            </section>
          </>
        )}
      </div>
    </>
  );
}
