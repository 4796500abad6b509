import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  DISAGGREGATIONS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  type ImpactIndicator,
} from '@shared/contracts/impact-library';
import { THEMES } from '@shared/reference/themes';
import {
  SaveProblemAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@web/components/ui/form';
import { fieldIssues, toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { apiErrorText, contractResolver } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { libraryApi } from '../api-library';
import {
  EMPTY_INDICATOR,
  indicatorBody,
  indicatorFieldOf,
  indicatorFormSchema,
  indicatorToValues,
  type IndicatorFormValues,
} from '../il-form-values';
import { IlCheckboxGroup } from './il-checkbox-group';

/**
 * Adds (`editing` null) or changes a library indicator; the code is fixed once made. Field problems from the server
 * (a taken code, a wrong IRIS+ id) show under their fields; a stale version offers to load the latest.
 */
export function IlIndicatorForm({
  editing,
  onSaved,
  onCancel,
}: {
  editing: ImpactIndicator | null;
  onSaved: (row: ImpactIndicator) => void;
  onCancel: () => void;
}) {
  const { t, lang } = useI18n();
  const [current, setCurrent] = useState(editing);
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const resolver = useMemo(() => contractResolver(indicatorFormSchema(t), t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm<IndicatorFormValues>({
    resolver,
    defaultValues: editing ? indicatorToValues(editing) : EMPTY_INDICATOR,
  });

  const send = async (body: () => Promise<ImpactIndicator>) => {
    setProblem(null);
    try {
      onSaved(await body());
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'CONFLICT' && current && fieldIssues(error).length === 0) {
        setProblem({ kind: 'stale', message: t('impactLibrary.common.stale') });
        return;
      }
      let placed = false;
      for (const issue of fieldIssues(error)) {
        const name = indicatorFieldOf(issue.field);
        if (name) {
          setError(name, { type: 'server', message: issue.message });
          placed = true;
        }
      }
      if (!placed) {
        setProblem({ kind: 'error', message: apiErrorText(error, t) });
      }
    }
  };

  const onSubmit = handleSubmit((values) => {
    const { code: _code, ...fields } = indicatorBody(values);
    return send(() =>
      current
        ? libraryApi.updateIndicator(current.id, { ...fields, version: current.version })
        : libraryApi.createIndicator(indicatorBody(values)),
    );
  });

  const reloadLatest = () => {
    if (!current) {
      return;
    }
    libraryApi.getIndicator(current.id).then(
      (latest) => {
        setCurrent(latest);
        reset(indicatorToValues(latest));
        setProblem(null);
      },
      (caught: unknown) => setProblem({ kind: 'error', message: apiErrorText(toApiError(caught), t) }),
    );
  };

  const toggleActive = () => {
    if (current) {
      void send(() =>
        libraryApi.updateIndicator(current.id, { version: current.version, isActive: !current.isActive }),
      );
    }
  };

  const msg = (name: keyof IndicatorFormValues) => errors[name]?.message;

  return (
    <form
      className="il-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="il-indicator-form"
    >
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('impactLibrary.common.reloadLatest')}
          onReloadLatest={reloadLatest}
        />
      ) : null}
      <div className="il-form__grid">
        <TextField
          label={t('impactLibrary.common.code')}
          hint={t('impactLibrary.common.codeHint')}
          error={msg('code')}
          registration={register('code')}
          readOnly={current !== null}
          autoCapitalize="characters"
          maxLength={40}
          data-testid="il-code"
        />
        <SelectField
          label={t('impactLibrary.indicators.type')}
          error={msg('type')}
          registration={register('type')}
        >
          {INDICATOR_TYPES.map((value) => (
            <option key={value} value={value}>
              {t(`impactLibrary.indicators.typeLabel.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('impactLibrary.common.nameTh')}
          error={msg('nameTh')}
          registration={register('nameTh')}
          lang="th"
          data-testid="il-name-th"
        />
        <TextField
          label={t('impactLibrary.common.nameEn')}
          error={msg('nameEn')}
          registration={register('nameEn')}
          lang="en"
          data-testid="il-name-en"
        />
        <TextField
          label={t('impactLibrary.common.unitTh')}
          error={msg('unitTh')}
          registration={register('unitTh')}
          lang="th"
          data-testid="il-unit-th"
        />
        <TextField
          label={t('impactLibrary.common.unitEn')}
          error={msg('unitEn')}
          registration={register('unitEn')}
          lang="en"
          data-testid="il-unit-en"
        />
        <SelectField
          label={t('impactLibrary.indicators.direction')}
          error={msg('direction')}
          registration={register('direction')}
        >
          {INDICATOR_DIRECTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`impactLibrary.indicators.directionLabel.${value}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('impactLibrary.indicators.aggregation')}
          error={msg('aggregation')}
          registration={register('aggregation')}
        >
          {INDICATOR_AGGREGATIONS.map((value) => (
            <option key={value} value={value}>
              {t(`impactLibrary.indicators.aggregationLabel.${value}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('impactLibrary.indicators.sdgTargets')}
          hint={t('impactLibrary.indicators.sdgTargetsHint')}
          error={msg('sdgText')}
          registration={register('sdgText')}
          inputMode="decimal"
          data-testid="il-sdg"
        />
        <TextField
          label={t('impactLibrary.indicators.irisMetricId')}
          hint={t('impactLibrary.indicators.irisMetricIdHint')}
          error={msg('irisMetricId')}
          registration={register('irisMetricId')}
          autoCapitalize="characters"
          maxLength={6}
          data-testid="il-iris"
        />
      </div>
      <IlCheckboxGroup
        legend={t('impactLibrary.indicators.disaggregations')}
        options={DISAGGREGATIONS.map((value) => ({
          value,
          label: t(`impactLibrary.indicators.disaggregationLabel.${value}`),
        }))}
        registration={register('disaggregations')}
        error={errors.disaggregations?.message}
      />
      <IlCheckboxGroup
        legend={t('impactLibrary.common.themes')}
        options={THEMES.map((theme) => ({ value: theme.code, label: localName(theme, lang) }))}
        registration={register('themes')}
        error={errors.themes?.message}
      />
      <TextAreaField
        label={t('impactLibrary.common.descriptionTh')}
        error={msg('descriptionTh')}
        registration={register('descriptionTh')}
        lang="th"
        rows={3}
      />
      <TextAreaField
        label={t('impactLibrary.common.descriptionEn')}
        error={msg('descriptionEn')}
        registration={register('descriptionEn')}
        lang="en"
        rows={3}
      />
      <div className="form-actions il-form__actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('impactLibrary.common.saving')}>
          {t('impactLibrary.common.save')}
        </SubmitButton>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('impactLibrary.common.cancel')}
        </button>
        {current ? (
          <button
            type="button"
            className={current.isActive ? 'button button--danger' : 'button button--secondary'}
            onClick={toggleActive}
            disabled={isSubmitting}
            data-testid="il-toggle-active"
          >
            {current.isActive ? t('impactLibrary.common.deactivate') : t('impactLibrary.common.reactivate')}
          </button>
        ) : null}
      </div>
      {current?.isActive ? <p className="il-muted">{t('impactLibrary.common.deactivateHint')}</p> : null}
    </form>
  );
}
