import { useId } from 'react';
import {
  BUDGET_CATEGORIES,
  FILE_KINDS,
  FORM_LIMITS,
  type ChoiceOption,
  type Question,
} from '@shared/contracts/forms';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { BuilderCheck, BuilderChecks, BuilderNumber, BuilderText } from './inputs';
import { OptionsEditor } from './options-editor';

const MB = 1024 * 1024;

/** Drops undefined keys, so that "not set" settings are left out of the definition. */
function patchOf<Q extends Question>(question: Q, patch: Partial<Q>): Q {
  const next = { ...question, ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) {
      delete (next as Record<string, unknown>)[key];
    }
  }
  return next;
}

/** The settings that only some question types have: limits, options, file kinds, area level, table rows. */
export function TypeSettings({
  question,
  onChange,
  errorAt,
}: {
  question: Question;
  onChange: (question: Question) => void;
  errorAt: (rest: string) => string | undefined;
}) {
  const { t, lang } = useI18n();
  const uid = useId();
  const rows = (max: number) => (
    <BuilderNumber
      label={t('calls.admin.builder.maxRows')}
      min={1}
      max={FORM_LIMITS.tableRowsMax}
      value={'maxRows' in question ? question.maxRows : undefined}
      error={errorAt('maxRows')}
      onChange={(value) => onChange(patchOf(question, { maxRows: value ?? max }))}
    />
  );

  switch (question.type) {
    case 'short_text':
      return (
        <div className="ca-settings">
          <BuilderNumber
            label={t('calls.admin.builder.maxLength')}
            hint={t('calls.admin.builder.maxLengthHint', { max: FORM_LIMITS.shortTextMax })}
            min={1}
            max={FORM_LIMITS.shortTextMax}
            value={question.maxLength}
            error={errorAt('maxLength')}
            onChange={(maxLength) => onChange(patchOf(question, { maxLength }))}
          />
        </div>
      );
    case 'long_text':
      return (
        <div className="ca-settings">
          <BuilderNumber
            label={t('calls.admin.builder.minLength')}
            min={0}
            max={FORM_LIMITS.longTextMax}
            value={question.minLength}
            error={errorAt('minLength')}
            onChange={(minLength) => onChange(patchOf(question, { minLength }))}
          />
          <BuilderNumber
            label={t('calls.admin.builder.maxLength')}
            hint={t('calls.admin.builder.maxLengthHint', { max: FORM_LIMITS.longTextMax })}
            min={1}
            max={FORM_LIMITS.longTextMax}
            value={question.maxLength}
            error={errorAt('maxLength')}
            onChange={(maxLength) => onChange(patchOf(question, { maxLength }))}
          />
        </div>
      );
    case 'number':
      return (
        <div className="ca-settings">
          <BuilderNumber
            label={t('calls.admin.builder.min')}
            step="any"
            value={question.min}
            error={errorAt('min')}
            onChange={(min) => onChange(patchOf(question, { min }))}
          />
          <BuilderNumber
            label={t('calls.admin.builder.max')}
            step="any"
            value={question.max}
            error={errorAt('max')}
            onChange={(max) => onChange(patchOf(question, { max }))}
          />
          <BuilderText
            label={t('calls.admin.builder.unitTh')}
            lang="th"
            maxLength={50}
            value={question.unitTh ?? ''}
            onChange={(unitTh) => onChange(patchOf(question, { unitTh: unitTh === '' ? undefined : unitTh }))}
          />
          <BuilderText
            label={t('calls.admin.builder.unitEn')}
            lang="en"
            maxLength={50}
            value={question.unitEn ?? ''}
            onChange={(unitEn) => onChange(patchOf(question, { unitEn: unitEn === '' ? undefined : unitEn }))}
          />
          <BuilderCheck
            label={t('calls.admin.builder.integer')}
            checked={question.integer === true}
            onChange={(integer) => onChange(patchOf(question, { integer: integer ? true : undefined }))}
          />
        </div>
      );
    case 'money':
      return (
        <div className="ca-settings">
          <BuilderNumber
            label={t('calls.admin.builder.minBaht')}
            step="any"
            min={0}
            value={question.minSatang === undefined ? undefined : question.minSatang / 100}
            error={errorAt('minSatang')}
            onChange={(baht) =>
              onChange(
                patchOf(question, { minSatang: baht === undefined ? undefined : Math.round(baht * 100) }),
              )
            }
          />
          <BuilderNumber
            label={t('calls.admin.builder.maxBaht')}
            step="any"
            min={0}
            value={question.maxSatang === undefined ? undefined : question.maxSatang / 100}
            error={errorAt('maxSatang')}
            onChange={(baht) =>
              onChange(
                patchOf(question, { maxSatang: baht === undefined ? undefined : Math.round(baht * 100) }),
              )
            }
          />
        </div>
      );
    case 'date': {
      const dateField = (field: 'min' | 'max') => (
        <div className="field form-field" data-invalid={errorAt(field) ? 'true' : undefined}>
          <label htmlFor={`${uid}-${field}`}>
            {field === 'min' ? t('calls.admin.builder.earliestDate') : t('calls.admin.builder.latestDate')}
          </label>
          <input
            id={`${uid}-${field}`}
            type="date"
            value={question[field] ?? ''}
            onChange={(event) =>
              onChange(
                patchOf(question, { [field]: event.target.value === '' ? undefined : event.target.value }),
              )
            }
          />
          {question[field] ? (
            <p className="field__hint">{formatDate(question[field], lang, 'long')}</p>
          ) : null}
        </div>
      );
      return (
        <div className="ca-settings">
          {dateField('min')}
          {dateField('max')}
        </div>
      );
    }
    case 'single_choice':
    case 'multiple_choice': {
      const setOptions = (options: ChoiceOption[]) => onChange({ ...question, options });
      return (
        <>
          <OptionsEditor
            options={question.options}
            onChange={setOptions}
            errorOf={(index, field) => errorAt(`options.${index}.${field}`)}
            listError={errorAt('options')}
          />
          {question.type === 'multiple_choice' ? (
            <div className="ca-settings">
              <BuilderNumber
                label={t('calls.admin.builder.minSelected')}
                min={0}
                max={FORM_LIMITS.options}
                value={question.minSelected}
                error={errorAt('minSelected')}
                onChange={(minSelected) => onChange(patchOf(question, { minSelected }))}
              />
              <BuilderNumber
                label={t('calls.admin.builder.maxSelected')}
                min={1}
                max={FORM_LIMITS.options}
                value={question.maxSelected}
                error={errorAt('maxSelected')}
                onChange={(maxSelected) => onChange(patchOf(question, { maxSelected }))}
              />
            </div>
          ) : null}
        </>
      );
    }
    case 'file':
      return (
        <div className="ca-settings ca-settings--wide">
          <BuilderChecks
            legend={t('calls.admin.builder.accept')}
            options={FILE_KINDS.map((kind) => ({
              value: kind,
              label: t(`calls.admin.builder.fileKinds.${kind}`),
            }))}
            value={question.accept}
            error={errorAt('accept')}
            onChange={(accept) => onChange({ ...question, accept })}
          />
          <BuilderNumber
            label={t('calls.admin.builder.maxFiles')}
            min={1}
            max={FORM_LIMITS.filesPerQuestionMax}
            value={question.maxFiles}
            error={errorAt('maxFiles')}
            onChange={(maxFiles) => onChange({ ...question, maxFiles: maxFiles ?? 1 })}
          />
          <BuilderNumber
            label={t('calls.admin.builder.maxSizeMb')}
            hint={t('calls.admin.builder.maxSizeHint', { max: FORM_LIMITS.fileSizeMaxBytes / MB })}
            min={1}
            max={FORM_LIMITS.fileSizeMaxBytes / MB}
            value={Math.round((question.maxSizeBytes / MB) * 100) / 100}
            error={errorAt('maxSizeBytes')}
            onChange={(mb) => onChange({ ...question, maxSizeBytes: Math.round((mb ?? 10) * MB) })}
          />
        </div>
      );
    case 'area':
      return (
        <div className="ca-settings">
          <div className="field form-field">
            <label htmlFor={`${uid}-level`}>{t('calls.admin.builder.areaLevel')}</label>
            <select
              id={`${uid}-level`}
              value={question.level}
              onChange={(event) =>
                onChange({ ...question, level: event.target.value as typeof question.level })
              }
            >
              {(['province', 'district', 'subdistrict'] as const).map((level) => (
                <option key={level} value={level}>
                  {t(`calls.admin.builder.areaLevels.${level}`)}
                </option>
              ))}
            </select>
          </div>
          <BuilderCheck
            label={t('calls.admin.builder.areaMultiple')}
            checked={question.multiple}
            onChange={(multiple) => onChange({ ...question, multiple })}
          />
        </div>
      );
    case 'team_table':
      return <div className="ca-settings">{rows(30)}</div>;
    case 'milestones_table':
      return <div className="ca-settings">{rows(30)}</div>;
    case 'budget_table':
      return (
        <div className="ca-settings ca-settings--wide">
          {rows(100)}
          <BuilderChecks
            legend={t('calls.admin.builder.categories')}
            options={BUDGET_CATEGORIES.map((c) => ({
              value: c,
              label: t(`calls.admin.builder.budgetCategories.${c}`),
            }))}
            value={question.categories}
            error={errorAt('categories')}
            onChange={(categories) => onChange({ ...question, categories })}
          />
        </div>
      );
    case 'themes':
    case 'sdgs': {
      const most = question.type === 'themes' ? 9 : 17;
      return (
        <div className="ca-settings">
          <BuilderNumber
            label={t('calls.admin.builder.maxSelected')}
            hint={t('calls.admin.builder.maxSelectedHint', { max: most })}
            min={1}
            max={most}
            value={question.maxSelected}
            error={errorAt('maxSelected')}
            onChange={(maxSelected) => onChange(patchOf(question, { maxSelected }))}
          />
        </div>
      );
    }
    case 'yes_no':
    case 'logic_model':
    case 'srl':
      return null;
  }
}
