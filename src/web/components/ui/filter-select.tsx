export interface FilterOption {
  value: string;
  label: string;
}

/** A labelled select of a filter form whose first option ("all", value '') clears the filter. */
export function FilterSelect({
  id,
  label,
  value,
  allLabel,
  options,
  onChange,
  testId,
}: {
  id: string;
  label: string;
  value: string;
  allLabel: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  return (
    <div className="field form-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)} data-testid={testId}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
