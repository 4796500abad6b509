import { useId } from 'react';
import type { ShowWhen } from '@shared/contracts/forms';
import { FieldError } from '@web/components/ui/form';
import { localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import type { ConditionSource } from '../../form-builder/model';

/**
 * "Show only when": an earlier choice or yes/no question and the answers that show this one. Without an earlier
 * choice question there is nothing to pick, and the question is always shown.
 */
export function ConditionEditor({
  value,
  sources,
  onChange,
  error,
}: {
  value: ShowWhen | undefined;
  sources: ConditionSource[];
  onChange: (value: ShowWhen | undefined) => void;
  error?: string | undefined;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const source = value ? sources.find((s) => s.id === value.questionId) : undefined;
  const label = (item: { labelTh: string; labelEn: string }) => localText(item, 'label', lang);

  if (sources.length === 0 && !value) {
    return <p className="field__hint ca-condition">{t('calls.admin.builder.conditionNone')}</p>;
  }
  return (
    <fieldset
      className="ca-condition"
      data-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      data-testid="condition-editor"
    >
      <legend>{t('calls.admin.builder.condition')}</legend>
      <div className="field form-field">
        <label htmlFor={`${id}-source`}>{t('calls.admin.builder.conditionQuestion')}</label>
        <select
          id={`${id}-source`}
          value={value?.questionId ?? ''}
          onChange={(event) => {
            const next = sources.find((s) => s.id === event.target.value);
            const first = next?.values[0];
            onChange(next && first ? { questionId: next.id, anyOf: [first.value] } : undefined);
          }}
        >
          <option value="">{t('calls.admin.builder.conditionAlways')}</option>
          {sources.map((s) => (
            <option key={s.id} value={s.id}>
              {label(s)} ({s.id})
            </option>
          ))}
          {value && !source ? <option value={value.questionId}>{value.questionId}</option> : null}
        </select>
      </div>
      {value && source ? (
        <fieldset className="ca-checks">
          <legend>{t('calls.admin.builder.conditionValues')}</legend>
          <ul className="ca-checks__list ca-checks__list--columns">
            {source.values.map((option) => (
              <li key={option.value} className="form-check__row">
                <input
                  id={`${id}-${option.value}`}
                  type="checkbox"
                  checked={value.anyOf.includes(option.value)}
                  onChange={(event) => {
                    const anyOf = event.target.checked
                      ? [...value.anyOf, option.value]
                      : value.anyOf.filter((v) => v !== option.value);
                    // At least one answer must show the question; unticking the last one keeps it.
                    if (anyOf.length > 0) {
                      onChange({ ...value, anyOf });
                    }
                  }}
                />
                <label htmlFor={`${id}-${option.value}`}>{label(option)}</label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}
