import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, FieldError } from '@web/components/ui/form';

/** A group of checkboxes holding one array field, in a fieldset whose legend names the group. */
export function CheckboxGroup({
  legend,
  hint,
  error,
  options,
  registration,
  columns,
  testId,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  registration: UseFormRegisterReturn;
  columns?: boolean;
  testId?: string;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="ca-checks"
      data-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      data-testid={testId}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <ul className={columns ? 'ca-checks__list ca-checks__list--columns' : 'ca-checks__list'}>
        {options.map((option) => (
          <li key={option.value} className="form-check__row">
            <input id={`${id}-${option.value}`} type="checkbox" value={option.value} {...registration} />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
