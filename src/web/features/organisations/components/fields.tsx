import { useId, type ReactNode } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { describedBy, FieldError } from '@web/components/ui/form';

/** "(ไม่บังคับ)" beside a label. */
export function Optional({ children }: { children: ReactNode }) {
  return <span className="org-optional">{children}</span>;
}

/** A group of checkboxes (one field holding an array) in a fieldset whose legend names the group. */
export function CheckboxGroupField({
  legend,
  hint,
  error,
  options,
  registration,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  options: ReadonlyArray<{ value: string; label: ReactNode }>;
  registration: UseFormRegisterReturn;
}) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="org-checkboxes"
      data-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <ul className="org-checkboxes__list">
        {options.map((option) => (
          <li key={option.value} className="form-check__row">
            <input
              id={`${id}-${option.value}`}
              type="checkbox"
              value={option.value}
              {...registration}
              aria-invalid={error ? true : undefined}
            />
            <label htmlFor={`${id}-${option.value}`}>{option.label}</label>
          </li>
        ))}
      </ul>
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
