import { describedBy, FieldError } from '@web/components/ui/form';
import { fieldDomId } from '../report-form';

/**
 * A labelled multi-line field of the report, its input's id derived from the field's key (so that an error in the
 * summary can take the person to it), with a hint and the error beside it.
 */
export function ReportTextArea({
  fieldKey,
  label,
  hint,
  value,
  error,
  rows = 5,
  maxLength,
  hideLabel = false,
  onChange,
}: {
  fieldKey: string;
  label: string;
  /** The section's heading already says what the field is: the label is for screen readers only. */
  hideLabel?: boolean;
  hint?: string | undefined;
  value: string;
  error: string | undefined;
  rows?: number;
  maxLength: number;
  onChange: (value: string) => void;
}) {
  const id = fieldDomId(fieldKey);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field form-field form-textarea pr-field" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={rows}
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
        data-testid={`report-${fieldKey}`}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A labelled one-line input of the report, tied to its key like `ReportTextArea`. */
export function ReportInput({
  fieldKey,
  label,
  hint,
  value,
  error,
  maxLength,
  inputMode,
  className,
  onChange,
}: {
  fieldKey: string;
  label: string;
  hint?: string | undefined;
  value: string;
  error: string | undefined;
  maxLength: number;
  inputMode?: 'decimal' | 'numeric' | 'text';
  className?: string;
  onChange: (value: string) => void;
}) {
  const id = fieldDomId(fieldKey);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div
      className={className ? `field form-field pr-field ${className}` : 'field form-field pr-field'}
      data-invalid={error ? 'true' : undefined}
    >
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="text"
        inputMode={inputMode}
        autoComplete="off"
        maxLength={maxLength}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
        data-testid={`report-${fieldKey}`}
      />
      <FieldError id={errorId} message={error} />
    </div>
  );
}
