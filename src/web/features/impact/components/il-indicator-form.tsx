import { useMemo } from 'react';
import {
  DISAGGREGATIONS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  type ImpactIndicator,
} from '@shared/contracts/impact-library';
import { SelectField, TextField } from '@web/components/ui/form';
import { contractResolver } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import {
  EMPTY_INDICATOR,
  indicatorBody,
  indicatorFieldOf,
  indicatorFormSchema,
  indicatorToValues,
} from '../il-form-values';
import { IlCheckboxGroup } from './il-checkbox-group';
import {
  IlLibraryEntryForm,
  nameFields,
  unitFields,
  useLibraryEntryForm,
  type LibraryEntryFormProps,
} from './il-library-entry-form';

/** A select of one of the indicator's choices, its options labelled. */
function ChoiceField({
  label,
  options,
  binding,
}: {
  label: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  binding: Pick<Parameters<typeof SelectField>[0], 'registration' | 'error'>;
}) {
  return (
    <SelectField label={label} {...binding}>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </SelectField>
  );
}

/**
 * Adds (`editing` null) or changes a library indicator; the code is fixed once made. Field problems from the server
 * (a taken code, a wrong IRIS+ id) show under their fields; a stale version offers to load the latest.
 */
export function IlIndicatorForm({ editing, onSaved, onCancel }: LibraryEntryFormProps<ImpactIndicator>) {
  const { t } = useI18n();
  const resolver = useMemo(() => contractResolver(indicatorFormSchema(t), t), [t]);
  const entry = useLibraryEntryForm({
    editing,
    onSaved,
    resolver,
    empty: EMPTY_INDICATOR,
    toValues: indicatorToValues,
    fieldOf: indicatorFieldOf,
    toBody: indicatorBody,
    get: libraryApi.getIndicator,
    create: libraryApi.createIndicator,
    update: libraryApi.updateIndicator,
  });
  const { field } = entry;
  const choices = {
    type: {
      label: t('impactLibrary.indicators.type'),
      options: INDICATOR_TYPES.map((value) => ({
        value,
        label: t(`impactLibrary.indicators.typeLabel.${value}`),
      })),
    },
    direction: {
      label: t('impactLibrary.indicators.direction'),
      options: INDICATOR_DIRECTIONS.map((value) => ({
        value,
        label: t(`impactLibrary.indicators.directionLabel.${value}`),
      })),
    },
    aggregation: {
      label: t('impactLibrary.indicators.aggregation'),
      options: INDICATOR_AGGREGATIONS.map((value) => ({
        value,
        label: t(`impactLibrary.indicators.aggregationLabel.${value}`),
      })),
    },
  };

  return (
    <IlLibraryEntryForm
      entry={entry}
      testId="il-indicator-form"
      onCancel={onCancel}
      grid={() => (
        <>
          <ChoiceField {...choices.type} binding={field('type')} />
          {nameFields(field, t)}
          {unitFields(field, t)}
          {(['direction', 'aggregation'] as const).map((name) => (
            <ChoiceField key={name} {...choices[name]} binding={field(name)} />
          ))}
          <TextField
            label={t('impactLibrary.indicators.sdgTargets')}
            hint={t('impactLibrary.indicators.sdgTargetsHint')}
            {...field('sdgText')}
            inputMode="decimal"
            data-testid="il-sdg"
          />
          <TextField
            label={t('impactLibrary.indicators.irisMetricId')}
            hint={t('impactLibrary.indicators.irisMetricIdHint')}
            {...field('irisMetricId')}
            autoCapitalize="characters"
            maxLength={6}
            data-testid="il-iris"
          />
        </>
      )}
      extra={() => (
        <IlCheckboxGroup
          legend={t('impactLibrary.indicators.disaggregations')}
          options={DISAGGREGATIONS.map((value) => ({
            value,
            label: t(`impactLibrary.indicators.disaggregationLabel.${value}`),
          }))}
          {...field('disaggregations')}
        />
      )}
    />
  );
}
