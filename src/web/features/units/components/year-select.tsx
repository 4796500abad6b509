import { useId } from 'react';
import { useI18n } from '@web/lib/i18n';
import { fiscalYearChoices } from '../labels';

/** The fiscal year (BE) chooser of the dashboards. */
export function YearSelect({
  value,
  current,
  onChange,
}: {
  value: number;
  current: number;
  onChange: (year: number) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="field form-field un-year">
      <label htmlFor={id}>{t('units.dashboard.fiscalYear')}</label>
      <select
        id={id}
        value={String(value)}
        onChange={(event) => onChange(Number(event.target.value))}
        data-testid="un-year"
      >
        {fiscalYearChoices(current).map((year) => (
          <option key={year} value={String(year)}>
            {t('units.dashboard.fiscalYearOption', { year })}{' '}
            {year === current ? t('units.dashboard.current') : ''}
          </option>
        ))}
      </select>
    </div>
  );
}
