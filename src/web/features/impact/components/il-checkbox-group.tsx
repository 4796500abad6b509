import type { UseFormRegisterReturn } from 'react-hook-form';

/** A fieldset of checkboxes registered under one react-hook-form name (its value is the array of ticked ones). */
export function IlCheckboxGroup({
  legend,
  options,
  registration,
  error,
  testId,
}: {
  legend: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
  testId?: string;
}) {
  return (
    <fieldset className="il-checks" data-invalid={error ? 'true' : undefined} data-testid={testId}>
      <legend>{legend}</legend>
      <div className="il-checks__list">
        {options.map((option) => (
          <label key={option.value} className="il-checks__item">
            <input type="checkbox" value={option.value} {...registration} />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field__error" role="alert">
          <span>{error}</span>
        </p>
      ) : null}
    </fieldset>
  );
}
