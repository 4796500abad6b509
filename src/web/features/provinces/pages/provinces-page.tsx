import { useDeferredValue, useId, type ChangeEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { REGIONS } from '@shared/reference/regions';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { localName, otherName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useProvinces } from '../api';
import { matchesProvince } from '../filter';
import { TargetBadge } from '../components/target-badge';
import '../provinces.css';

export function ProvincesPage() {
  const { t, lang } = useI18n();
  usePageTitle(t('provinces.title'));
  const provinces = useProvinces();
  const [params, setParams] = useSearchParams();
  const query = params.get('q') ?? '';
  const deferredQuery = useDeferredValue(query);
  const filterId = useId();
  const countId = useId();

  const onFilter = (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    setParams(value ? { q: value } : {}, { replace: true, preventScrollReset: true });
  };

  let body;
  if (provinces.status === 'error') {
    body = <ErrorState error={provinces.error} onRetry={provinces.reload} />;
  } else if (provinces.status !== 'success') {
    body = <LoadingState />;
  } else {
    const all = provinces.data;
    const matching = all.filter((p) => matchesProvince(p, deferredQuery));
    const collator = new Intl.Collator(lang === 'th' ? 'th' : 'en');
    body = (
      <>
        <p id={countId} className="province-filter__count" role="status" aria-live="polite">
          {t('provinces.matchCount', { count: matching.length, total: all.length })}
        </p>
        {matching.length === 0 ? <EmptyState>{t('provinces.noMatch')}</EmptyState> : null}
        {REGIONS.map((region) => {
          const inRegion = matching
            .filter((p) => p.regionCode === region.code)
            .sort((a, b) => collator.compare(localName(a, lang), localName(b, lang)));
          if (inRegion.length === 0) {
            return null;
          }
          const headingId = `region-${region.code}`;
          return (
            <section key={region.code} className="region" aria-labelledby={headingId}>
              <h2 id={headingId} className="region__title">
                <span>{localName(region, lang)}</span>
                <span className="region__count">{t('provinces.count', { count: inRegion.length })}</span>
              </h2>
              <ul className="province-grid">
                {inRegion.map((province) => (
                  <li key={province.code}>
                    <Link
                      to={`/provinces/${province.code}`}
                      className={
                        province.targetRank !== null ? 'province-link province-link--target' : 'province-link'
                      }
                    >
                      <span className="province-link__names">
                        <span className="province-link__name">{localName(province, lang)}</span>
                        <span className="province-link__other" lang={lang === 'th' ? 'en' : 'th'}>
                          {otherName(province, lang)}
                        </span>
                      </span>
                      {province.targetRank !== null ? <TargetBadge rank={province.targetRank} /> : null}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('provinces.title')} intro={<p>{t('provinces.intro')}</p>}>
        <div className="province-filter">
          <div className="field">
            <label htmlFor={filterId}>{t('provinces.filterLabel')}</label>
            <input
              id={filterId}
              type="search"
              value={query}
              onChange={onFilter}
              placeholder={t('provinces.filterPlaceholder')}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={countId}
            />
          </div>
          <p className="province-filter__legend">{t('provinces.targetLegend')}</p>
        </div>
      </PageHeader>
      <div className="container page-body">{body}</div>
    </>
  );
}
