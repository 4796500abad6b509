import { useId } from 'react';
import { FORM_LIMITS, type ChoiceOption } from '@shared/contracts/forms';
import { callsEn, callsTh } from '@shared/i18n/parts/calls';
import { FieldError } from '@web/components/ui/form';
import { interpolate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { cleanIdInput, moveItem, newOption } from '../../form-builder/model';
import { BuilderText, MoveButtons } from './inputs';

/**
 * The options of a choice question: Thai and English labels and the value key stored in the answers (a-z0-9_), with
 * move up / down and remove. A question keeps at least one option.
 */
export function OptionsEditor({
  options,
  onChange,
  errorOf,
  listError,
}: {
  options: ChoiceOption[];
  onChange: (options: ChoiceOption[]) => void;
  errorOf: (index: number, field: 'value' | 'labelTh' | 'labelEn') => string | undefined;
  listError?: string | undefined;
}) {
  const { t } = useI18n();
  const id = useId();
  const labels = {
    up: (name: string) => t('calls.admin.builder.optionUp', { name }),
    down: (name: string) => t('calls.admin.builder.optionDown', { name }),
    remove: (name: string) => t('calls.admin.builder.optionRemove', { name }),
  };
  const set = (index: number, patch: Partial<ChoiceOption>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));

  return (
    <fieldset
      className="ca-options"
      aria-describedby={listError ? `${id}-error` : undefined}
      data-testid="options-editor"
    >
      <legend>{t('calls.admin.builder.options')}</legend>
      <p className="field__hint">{t('calls.admin.builder.optionsHint')}</p>
      <ol className="ca-options__list">
        {options.map((option, index) => {
          const name = option.labelTh || option.value;
          return (
            <li key={index} className="ca-option" data-testid="option-row">
              <div className="ca-option__fields">
                <BuilderText
                  label={t('calls.admin.builder.optionLabelTh', { number: index + 1 })}
                  lang="th"
                  value={option.labelTh}
                  maxLength={300}
                  error={errorOf(index, 'labelTh')}
                  onChange={(labelTh) => set(index, { labelTh })}
                />
                <BuilderText
                  label={t('calls.admin.builder.optionLabelEn', { number: index + 1 })}
                  lang="en"
                  value={option.labelEn}
                  maxLength={300}
                  error={errorOf(index, 'labelEn')}
                  onChange={(labelEn) => set(index, { labelEn })}
                />
                <BuilderText
                  label={t('calls.admin.builder.optionValue', { number: index + 1 })}
                  value={option.value}
                  maxLength={50}
                  spellCheck={false}
                  className="ca-id-input"
                  error={errorOf(index, 'value')}
                  onChange={(value) => set(index, { value: cleanIdInput(value) })}
                />
              </div>
              <MoveButtons
                name={name}
                canUp={index > 0}
                canDown={index < options.length - 1}
                onUp={() => onChange(moveItem(options, index, -1))}
                onDown={() => onChange(moveItem(options, index, 1))}
                onRemove={
                  options.length > 1 ? () => onChange(options.filter((_, i) => i !== index)) : undefined
                }
                labels={labels}
              />
            </li>
          );
        })}
      </ol>
      <FieldError id={`${id}-error`} message={listError} />
      {options.length < FORM_LIMITS.options ? (
        <button
          type="button"
          className="action-button"
          data-testid="add-option"
          onClick={() =>
            onChange([
              ...options,
              newOption(
                options,
                interpolate(callsTh.admin.builder.newOption, { number: options.length + 1 }),
                interpolate(callsEn.admin.builder.newOption, { number: options.length + 1 }),
              ),
            ])
          }
        >
          {t('calls.admin.builder.addOption')}
        </button>
      ) : null}
    </fieldset>
  );
}
