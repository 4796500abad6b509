import type { ProvinceIndicatorValue } from '@shared/contracts/indicators';
import { ExternalLink } from '@web/components/ui/external-link';
import { formatYear, localName, sourceLinks } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { formatIndicatorValue } from '@web/lib/indicators';

/** A province's indicator values: one row per indicator and year, with the source of each value. */
export function IndicatorTable({
  values,
  captionId,
}: {
  values: ProvinceIndicatorValue[];
  captionId: string;
}) {
  const { t, lang } = useI18n();
  const rows = [...values].sort((a, b) => a.indicatorCode.localeCompare(b.indicatorCode) || b.year - a.year);
  return (
    <table className="data-table data-table--stack indicator-table" aria-labelledby={captionId}>
      <thead>
        <tr>
          <th scope="col">{t('provinces.indicator')}</th>
          <th scope="col">{t('common.yearColumn')}</th>
          <th scope="col" className="numeric">
            {t('provinces.value')}
          </th>
          <th scope="col">{t('provinces.source')}</th>
          <th scope="col">{t('provinces.note')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const links = sourceLinks(row.sourceUrl);
          return (
            <tr key={`${row.indicatorCode}-${row.year}`}>
              <th scope="row" data-label={t('provinces.indicator')} className="indicator-table__name">
                {localName(row, lang)}
              </th>
              <td data-label={t('common.yearColumn')}>{formatYear(row.year, lang)}</td>
              <td data-label={t('provinces.value')} className="numeric">
                {formatIndicatorValue(t, lang, row.value, row.unit)}
              </td>
              <td data-label={t('provinces.source')} className="indicator-table__source">
                {links.length > 0
                  ? links.map((link) => (
                      <span key={link.url} className="indicator-table__link">
                        <ExternalLink href={link.url}>{link.label}</ExternalLink>
                      </span>
                    ))
                  : row.sourceUrl || '–'}
              </td>
              <td data-label={t('provinces.note')} className="indicator-table__note">
                {row.note || '–'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
