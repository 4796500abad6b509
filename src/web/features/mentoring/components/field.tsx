import { useId, type ReactNode } from 'react';
import { FieldError, describedBy } from '@web/components/ui/form';
import { formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

export interface Tie {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A label, an optional hint, a controlled control and its error (announced with the control). */
export function Field({
  label,
  hint,
  error,
  className,
  children,
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: (tie: Tie) => ReactNode;
}) {
  const id = useId();
  return (
    <div
      className={`field form-field${className ? ` ${className}` : ''}`}
      data-invalid={error ? 'true' : undefined}
    >
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined),
      })}
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A group of checkboxes (roles, expertise) with one legend. */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  value,
  onChange,
  error,
  testId,
}: {
  legend: string;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: readonly T[];
  onChange: (next: T[]) => void;
  error?: string | undefined;
  testId?: string;
}) {
  const id = useId();
  return (
    <fieldset className="me-checks" data-testid={testId} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <div className="me-checks__row">
        {options.map((o) => (
          <label key={o.value} className="me-check">
            <input
              type="checkbox"
              checked={value.includes(o.value)}
              onChange={(event) =>
                onChange(event.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value))
              }
            />
            {o.label}
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** A date input whose hint reads the chosen date back as the platform shows it (Buddhist Era in Thai). */
export function DateField({
  label,
  value,
  onChange,
  error,
  max,
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  max?: string | undefined;
  testId?: string;
}) {
  const { lang } = useI18n();
  const readBack = /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value, lang, 'long') : undefined;
  return (
    <Field label={label} error={error} hint={readBack}>
      {(tie) => (
        <input
          {...tie}
          type="date"
          value={value}
          max={max}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
