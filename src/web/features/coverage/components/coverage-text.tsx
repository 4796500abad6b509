import type { CoverageMeasure, CoverageProvince } from '@shared/contracts/coverage';
import { measureValue } from '@shared/coverage/measures';
import type { Language } from '@shared/i18n/index';
import { formatBaht, formatNumber } from '@web/lib/format';
import { useI18n, type I18n } from '@web/lib/i18n';

/** A coverage measure's value in words ("฿500,000", "3 projects"…), or "no data". */
export function measureText(
  t: I18n['t'],
  lang: Language,
  row: CoverageProvince,
  measure: CoverageMeasure,
): string {
  const value = measureValue(row, measure);
  if (value === null) {
    return t('coverage.noData');
  }
  return measure === 'grant_money' || measure === 'money_per_poor'
    ? formatBaht(value, lang)
    : formatNumber(value, lang);
}

/** What each figure counts: shown under the tables so that nobody reads more into them than is there. */
export function CountedNotes({ threshold }: { threshold: number }) {
  const { t, lang } = useI18n();
  return (
    <section className="section coverage-counted" aria-labelledby="coverage-counted-title">
      <h2 id="coverage-counted-title">{t('coverage.countedTitle')}</h2>
      <ul>
        <li>{t('coverage.counted.grant')}</li>
        <li>{t('coverage.counted.perPoor')}</li>
        <li>{t('coverage.counted.projects')}</li>
        <li>{t('coverage.counted.beneficiaries')}</li>
        <li>{t('coverage.counted.adoptions')}</li>
        <li>{t('coverage.counted.gap', { threshold: formatNumber(threshold, lang) })}</li>
      </ul>
    </section>
  );
}

