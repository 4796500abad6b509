import { Link, useParams } from 'react-router';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { CoveragePanel } from '@web/features/coverage/components/coverage-panel';
import { formatNumber, localName, otherName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { parseProvinceCode, useDistricts, useProvince, useProvinceIndicators, useProvinces } from '../api';
import { DistrictList } from '../components/district-list';
import { IndicatorTable } from '../components/indicator-table';
import { TargetBadge } from '../components/target-badge';
import '../provinces.css';

export function ProvincePage() {
  const { code: rawCode } = useParams();
  const { t, lang } = useI18n();
  const code = parseProvinceCode(rawCode);
  // The (cached) province list tells an unknown code apart without a 404 request; if the list fails, ask anyway.
  const list = useProvinces();
  const known =
    code === null
      ? false
      : list.status === 'success'
        ? list.data.some((p) => p.code === code)
        : list.status === 'error';
  const province = useProvince(known ? code : null);
  const found = province.status === 'success' ? province.data : null;
  const districts = useDistricts(found ? found.code : null);
  const indicators = useProvinceIndicators(found ? found.code : null);
  const notFound =
    code === null ||
    (list.status === 'success' && !known) ||
    (province.status === 'error' && (province.error.isNotFound || province.error.status === 400));
  usePageTitle(found ? localName(found, lang) : notFound ? t('provinces.notFound') : t('provinces.title'));

  if (notFound) {
    return (
      <NotFoundState
        title={t('provinces.notFound')}
        text={t('provinces.notFoundText', { code: rawCode ?? '' })}
        back={{ to: '/provinces', label: t('provinces.backToList') }}
      />
    );
  }
  if (province.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={province.error} onRetry={province.reload} />
      </div>
    );
  }
  if (!found) {
    return (
      <div className="container page-body">
        <LoadingState />
      </div>
    );
  }

  return (
    <>
      <PageHeader
        title={localName(found, lang)}
        back={{ to: '/provinces', label: t('provinces.backToList') }}
        eyebrow={
          <>
            <span className="province-header__region">{localName(found.region, lang)}</span>
            {found.targetRank !== null ? <TargetBadge rank={found.targetRank} /> : null}
          </>
        }
        intro={
          <p className="province-header__other" lang={lang === 'th' ? 'en' : 'th'}>
            {otherName(found, lang)}
          </p>
        }
      >
        <dl className="province-facts" aria-label={t('provinces.facts')}>
          <div>
            <dt>{t('provinces.region')}</dt>
            <dd>{localName(found.region, lang)}</dd>
          </div>
          <div>
            <dt>{t('provinces.provinceCode')}</dt>
            <dd>{found.code}</dd>
          </div>
          <div>
            <dt>{t('provinces.iso')}</dt>
            <dd>{found.iso}</dd>
          </div>
          <div>
            <dt>{t('provinces.districts')}</dt>
            <dd>{formatNumber(found.districtCount, lang)}</dd>
          </div>
          <div>
            <dt>{t('provinces.subdistricts')}</dt>
            <dd>{formatNumber(found.subdistrictCount, lang)}</dd>
          </div>
          <div>
            <dt>{t('provinces.targetGroup')}</dt>
            <dd>
              {found.targetRank !== null
                ? t('provinces.targetRank', { rank: found.targetRank })
                : t('provinces.notInTargetGroup')}
            </dd>
          </div>
        </dl>
        <p className="province-header__map">
          <Link to="/map">{t('provinces.viewOnMap')}</Link>
        </p>
      </PageHeader>

      <div className="container page-body province-layout">
        <CoveragePanel provinceCode={found.code} />

        <section className="section" aria-labelledby="indicators-title">
          <h2 id="indicators-title">{t('provinces.indicators')}</h2>
          {indicators.status === 'error' ? (
            <ErrorState error={indicators.error} onRetry={indicators.reload} />
          ) : indicators.status !== 'success' ? (
            <LoadingState />
          ) : indicators.data.length === 0 ? (
            <EmptyState>{t('provinces.noIndicators')}</EmptyState>
          ) : (
            <IndicatorTable values={indicators.data} captionId="indicators-title" />
          )}
        </section>

        <section className="section" aria-labelledby="districts-title">
          <h2 id="districts-title">
            {t('provinces.districts')}
            {districts.status === 'success' && districts.data.length > 0 ? (
              <span className="section-count">
                {t('provinces.districtsCount', { count: districts.data.length })}
              </span>
            ) : null}
          </h2>
          {districts.status === 'error' ? (
            <ErrorState error={districts.error} onRetry={districts.reload} />
          ) : districts.status !== 'success' ? (
            <LoadingState />
          ) : districts.data.length === 0 ? (
            <EmptyState>{t('provinces.noDistricts')}</EmptyState>
          ) : (
            <DistrictList districts={districts.data} />
          )}
        </section>
      </div>
    </>
  );
}
