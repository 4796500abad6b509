import { Link } from 'react-router';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { formatBaht, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { useProvinceCoverage } from '../api';
import { formatGap } from '../coverage-data';
import '../coverage.css';

const NO_FILTERS = {};

/** A province page's short coverage panel (all programmes and years): the headline figures, the gap and a link. */
export function CoveragePanel({ provinceCode }: { provinceCode: number }) {
  const { t, lang } = useI18n();
  const coverage = useProvinceCoverage(provinceCode, NO_FILTERS);
  let body;
  if (coverage.status === 'error') {
    body = <ErrorState error={coverage.error} onRetry={coverage.reload} />;
  } else if (coverage.status !== 'success') {
    body = <LoadingState />;
  } else {
    const { province, underServedRank } = coverage.data;
    const figures: Array<[string, string]> = [
      [t('coverage.col.grant'), formatBaht(province.grantSatang, lang)],
      [t('coverage.col.projects'), formatNumber(province.projects, lang)],
      [t('coverage.col.beneficiaries'), formatNumber(province.beneficiaries, lang)],
      [t('coverage.col.adoptions'), formatNumber(province.adoptions, lang)],
      [
        t('coverage.province.gap'),
        province.gap === null
          ? t('coverage.noData')
          : formatGap(province.gap, lang === 'th' ? 'th-TH' : 'en-GB') +
            (underServedRank !== null ? ` · ${t('coverage.underServedBadge')}` : ''),
      ],
    ];
    body = (
      <dl className="coverage-totals">
        {figures.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <section className="section coverage-panel" aria-labelledby="coverage-panel-title" data-testid="coverage-panel">
      <h2 id="coverage-panel-title">{t('coverage.panel.title')}</h2>
      {body}
      <p>
        <Link to={`/coverage/${provinceCode}`}>{t('coverage.panel.link')}</Link>
      </p>
    </section>
  );
}
