import { useId, type ReactNode } from 'react';
import { FieldError, describedBy } from './form';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { formatBaht, formatDate } from '@web/lib/format';
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

/** A money input in baht (held as the typed text); the hint reads the amount back as the platform shows it. */
export function BahtField({
  label,
  value,
  onChange,
  error,
  hint,
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  testId?: string;
}) {
  const { t, lang } = useI18n();
  const satang = parseBahtInput(value);
  const readBack =
    typeof satang === 'number'
      ? formatBaht(satang, lang)
      : satang === null
        ? t('common.moneyNotAmount')
        : t('common.moneyHint');
  return (
    <Field
      label={label}
      error={error}
      hint={
        <>
          {hint ? <>{hint} · </> : null}
          <span aria-live="polite">{readBack}</span>
        </>
      }
    >
      {(tie) => (
        <input
          {...tie}
          inputMode="decimal"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}

/** A calendar date, read back in the language's calendar (Buddhist Era in Thai). */
export function DateField({
  label,
  value,
  onChange,
  error,
  min,
  max,
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  min?: string | undefined;
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
          min={min}
          max={max}
          onChange={(event) => onChange(event.target.value)}
          data-testid={testId}
        />
      )}
    </Field>
  );
}
