import { useId } from 'react';
import { FieldError } from '@web/components/ui/form';

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
