import { useId, type ReactNode } from 'react';
import { describedBy, FieldError } from '@web/components/ui/form';

/** A labelled, controlled text input or text area of the form builder, with its hint and error. */
export function BuilderText({
  label,
  value,
  onChange,
  error,
  hint,
  lang,
  multiline,
  maxLength,
  className,
  spellCheck,
  testId,
}: {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  hint?: ReactNode;
  lang?: string;
  multiline?: boolean;
  maxLength?: number;
  className?: string;
  spellCheck?: boolean;
  testId?: string;
}) {
  const id = useId();
  const tie = {
    id,
    lang,
    value,
    maxLength,
    spellCheck,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined),
    'data-testid': testId,
  } as const;
  return (
    <div
      className={`field form-field${multiline ? ' form-textarea' : ''}${className ? ` ${className}` : ''}`}
      data-invalid={error ? 'true' : undefined}
    >
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? (
        <textarea rows={2} {...tie} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input autoComplete="off" {...tie} onChange={(event) => onChange(event.target.value)} />
      )}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A labelled, controlled number input; empty means "not set" (undefined). */
export function BuilderNumber({
  label,
  value,
  onChange,
  error,
  hint,
  min,
  max,
  step,
  testId,
}: {
  label: ReactNode;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  error?: string | undefined;
  hint?: ReactNode;
  min?: number;
  max?: number;
  step?: number | 'any';
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="field form-field ca-number" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        type="number"
        inputMode={step === 'any' ? 'decimal' : 'numeric'}
        min={min}
        max={max}
        step={step ?? 1}
        value={value === undefined || Number.isNaN(value) ? '' : String(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? `${id}-hint` : undefined, error ? `${id}-error` : undefined)}
        data-testid={testId}
        onChange={(event) => {
          const text = event.target.value;
          const parsed = Number(text);
          onChange(text === '' || !Number.isFinite(parsed) ? undefined : parsed);
        }}
      />
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}

/** A controlled checkbox with its label beside it. */
export function BuilderCheck({
  label,
  checked,
  onChange,
  testId,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
}) {
  const id = useId();
  return (
    <div className="form-check__row ca-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        data-testid={testId}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** A fieldset of controlled checkboxes holding a list of values. */
export function BuilderChecks<V extends string>({
  legend,
  options,
  value,
  onChange,
  error,
}: {
  legend: ReactNode;
  options: ReadonlyArray<{ value: V; label: ReactNode }>;
  value: readonly V[];
  onChange: (value: V[]) => void;
  error?: string | undefined;
}) {
  const id = useId();
  return (
    <fieldset
      className="ca-checks"
      data-invalid={error ? 'true' : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{legend}</legend>
      <ul className="ca-checks__list ca-checks__list--columns">
        {options.map((option) => (
          <li key={option.value} className="form-check__row">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              checked={value.includes(option.value)}
              onChange={(event) =>
                onChange(
                  event.target.checked
                    ? options.map((o) => o.value).filter((v) => v === option.value || value.includes(v))
                    : value.filter((v) => v !== option.value),
                )
              }
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </li>
        ))}
      </ul>
      <FieldError id={`${id}-error`} message={error} />
    </fieldset>
  );
}

/** Small icon buttons: move up, move down, remove. */
export function ArrowIcon({ up }: { up: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d={up ? 'M8 13V3M3.5 7.5 8 3l4.5 4.5' : 'M8 3v10M3.5 8.5 8 13l4.5-4.5'}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function RemoveIcon() {
  return (
    <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <path
        d="M4 4l8 8M12 4l-8 8"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Up / down / remove buttons of one item, each named after the item for screen readers. */
export function MoveButtons({
  name,
  canUp,
  canDown,
  onUp,
  onDown,
  onRemove,
  labels,
  testId,
}: {
  name: string;
  canUp: boolean;
  canDown: boolean;
  onUp: () => void;
  onDown: () => void;
  onRemove?: () => void;
  labels: { up: (name: string) => string; down: (name: string) => string; remove: (name: string) => string };
  testId?: string;
}) {
  return (
    <span className="ca-move" data-testid={testId}>
      <button
        type="button"
        className="button button--secondary ca-icon"
        aria-label={labels.up(name)}
        title={labels.up(name)}
        disabled={!canUp}
        data-action="up"
        onClick={onUp}
      >
        <ArrowIcon up />
      </button>
      <button
        type="button"
        className="button button--secondary ca-icon"
        aria-label={labels.down(name)}
        title={labels.down(name)}
        disabled={!canDown}
        data-action="down"
        onClick={onDown}
      >
        <ArrowIcon up={false} />
      </button>
      {onRemove ? (
        <button
          type="button"
          className="button button--danger ca-icon"
          aria-label={labels.remove(name)}
          title={labels.remove(name)}
          data-action="remove"
          onClick={onRemove}
        >
          <RemoveIcon />
        </button>
      ) : null}
    </span>
  );
}
