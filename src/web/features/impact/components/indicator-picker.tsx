import { useState } from 'react';
import { INDICATOR_TYPES, type ImpactIndicator, type IndicatorType } from '@shared/contracts/impact-library';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import { IlLibraryPicker } from './il-library-picker';
import { useLibraryPickerSearch } from './il-use-library-search';

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
  const [type, setType] = useState<IndicatorType | ''>('');
  const search = useLibraryPickerSearch({ type: type || undefined }, limit, (query, signal) =>
    libraryApi.listIndicators(query, { signal }),
  );

  return (
    <IlLibraryPicker
      search={search}
      filter={{
        key: 'type',
        label: t('impactLibrary.indicators.type'),
        allLabel: t('impactLibrary.common.allTypes'),
        value: type,
        options: INDICATOR_TYPES.map((value) => ({
          value,
          label: t(`impactLibrary.indicators.typeLabel.${value}`),
        })),
        onChange: (value) => setType(value as IndicatorType | ''),
      }}
      label={label}
      testId={testId}
      isChosen={(indicator) => excludeCodes.includes(indicator.code)}
      lockChosen
      renderMeta={(indicator) => (
        <p className="il-picker__meta">
          {lang === 'th' ? indicator.unitTh : indicator.unitEn} ·{' '}
          {t(`impactLibrary.indicators.typeLabel.${indicator.type}`)} ·{' '}
          {t(`impactLibrary.indicators.directionLabel.${indicator.direction}`)} ·{' '}
          {t(`impactLibrary.indicators.aggregationLabel.${indicator.aggregation}`)}
        </p>
      )}
      onPick={onPick}
    />
  );
}
