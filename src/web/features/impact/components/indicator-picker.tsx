import { useId, useState } from 'react';
import { INDICATOR_TYPES, type ImpactIndicator, type IndicatorType } from '@shared/contracts/impact-library';
import { ErrorState } from '@web/components/ui/states';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import { useLibrarySearch } from './il-use-library-search';
import '@web/components/ui/form.css';
import '../library.css';

/** Props of {@link IndicatorPicker}. */
export interface IndicatorPickerProps {
  /** Called with the whole library indicator (code, names, units, type, direction, aggregation, …) chosen. */
  onPick: (indicator: ImpactIndicator) => void;
  /**
   * Codes the project already uses: their rows show "chosen" and cannot be chosen again (a project indicator's
   * code is unique within the project).
   */
  excludeCodes?: readonly string[] | undefined;
  /** The search box's label; "Search the library" by default. */
  label?: string | undefined;
  /** How many matches to show at most (default 20; the count of all matches is shown). */
  limit?: number | undefined;
  /** Prefix of the `data-testid`s: `<testId>`, `<testId>-search`, `<testId>-option-<code>` (default `indicator-picker`). */
  testId?: string | undefined;
}

/**
 * Searches the indicator library (active indicators only; Thai or English words of code, name, description or
 * unit; optionally one type) and offers each match with its unit, type and direction; choosing one calls
 * `onPick(indicator)`. Renders inline (no dialog of its own): put it in your own dialog or panel. Usable at 390 px.
 */
export function IndicatorPicker({
  onPick,
  excludeCodes = [],
  label,
  limit = 20,
  testId = 'indicator-picker',
}: IndicatorPickerProps) {
  const { t, lang } = useI18n();
  const id = useId();
  const [q, setQ] = useState('');
  const [type, setType] = useState<IndicatorType | ''>('');
  const query = { q: q.trim() || undefined, type: type || undefined, active: 'true' as const, limit };
  const answer = useLibrarySearch(JSON.stringify(query), (signal) =>
    libraryApi.listIndicators(query, { signal }),
  );

  return (
    <div className="il-picker" data-testid={testId}>
      <div className="il-picker__bar">
        <div className="field form-field il-picker__field">
          <label htmlFor={`${id}-q`}>{label ?? t('impactLibrary.common.pickerLabel')}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={q}
            placeholder={t('impactLibrary.common.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
            data-testid={`${testId}-search`}
          />
        </div>
        <div className="field form-field il-picker__field">
          <label htmlFor={`${id}-type`}>{t('impactLibrary.indicators.type')}</label>
          <select
            id={`${id}-type`}
            value={type}
            onChange={(event) => setType(event.target.value as IndicatorType | '')}
          >
            <option value="">{t('impactLibrary.common.allTypes')}</option>
            {INDICATOR_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`impactLibrary.indicators.typeLabel.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {answer === null ? (
        <p className="il-muted" role="status">
          {t('common.loading')}
        </p>
      ) : 'error' in answer ? (
        <ErrorState error={answer.error} />
      ) : answer.items.length === 0 ? (
        <p className="il-muted" role="status">
          {t('impactLibrary.common.empty')}
        </p>
      ) : (
        <>
          <p className="il-muted" role="status">
            {t('impactLibrary.common.count', { count: answer.total })}
          </p>
          <ul className="il-picker__list">
            {answer.items.map((indicator) => {
              const used = excludeCodes.includes(indicator.code);
              return (
                <li key={indicator.id} className="il-picker__item" data-chosen={used ? 'true' : undefined}>
                  <div className="il-picker__text">
                    <p className="il-picker__name">
                      <span className="il-code">{indicator.code}</span> {localName(indicator, lang)}
                    </p>
                    <p className="il-picker__meta">
                      {lang === 'th' ? indicator.unitTh : indicator.unitEn} ·{' '}
                      {t(`impactLibrary.indicators.typeLabel.${indicator.type}`)} ·{' '}
                      {t(`impactLibrary.indicators.directionLabel.${indicator.direction}`)} ·{' '}
                      {t(`impactLibrary.indicators.aggregationLabel.${indicator.aggregation}`)}
                    </p>
                  </div>
                  <button
                    type="button"
                    className="button button--secondary il-picker__choose"
                    aria-label={`${t('impactLibrary.common.pick')} ${indicator.code} ${localName(indicator, lang)}`}
                    disabled={used}
                    onClick={() => onPick(indicator)}
                    data-testid={`${testId}-option-${indicator.code}`}
                  >
                    {used ? t('impactLibrary.common.picked') : t('impactLibrary.common.pick')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
