import { useId, type ReactNode, type TextareaHTMLAttributes } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import '@web/components/ui/form.css';

function describedBy(...ids: Array<string | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** An error under a field, tied to it with aria-describedby. */
export function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p id={id} className="field__error">
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
        <circle cx="8" cy="8" r="7" fill="currentColor" />
        <path d="M8 4v5M8 11v1" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      <span>{message}</span>
    </p>
  ) : null;
}

/** "(ไม่บังคับ)" beside a label. */
export function Optional({ children }: { children: ReactNode }) {
  return <span className="org-optional">{children}</span>;
}

/** A labelled multi-line text input wired to react-hook-form, with its hint and error. */
export function TextAreaField({
  label,
  hint,
  error,
  registration,
  ...textarea
}: {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  registration: UseFormRegisterReturn;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'onChange' | 'onBlur'>) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className="field form-field org-textarea" data-invalid={error ? 'true' : undefined}>
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        {...textarea}
        {...registration}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint ? hintId : undefined, error ? errorId : undefined)}
      />
      <FieldProblem id={errorId} message={error} />
    </div>
  );
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
      <FieldProblem id={errorId} message={error} />
    </fieldset>
  );
}
