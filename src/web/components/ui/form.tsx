import {
  useId,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import './form.css';

interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
}

/** Joins the ids an element is described by, or nothing when there are none. */
export function describedBy(...ids: Array<string | false | undefined>): string | undefined {
  const list = ids.filter(Boolean).join(' ');
  return list || undefined;
}

/** An error under an input, announced with it (aria-describedby) and styled as a problem. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
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

/** What a labelled field's control needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** A label, an optional hint, the control and its error, in the frame all single-control fields share. */
function LabelledField({
  label,
  hint,
  error,
  className,
  control,
}: FieldFrameProps & { className?: string; control: (props: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div
      className={className ? `field form-field ${className}` : 'field form-field'}
      data-invalid={error ? 'true' : undefined}
    >
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {control({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(hint ? hintId : undefined, error ? errorId : undefined),
      })}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A labelled text input (email, password, name…) wired to react-hook-form, with its hint and error. */
export function TextField({
  label,
  hint,
  error,
  registration,
  ...input
}: FieldFrameProps & {
  registration: UseFormRegisterReturn;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'onChange' | 'onBlur'>) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      control={(tie) => <input {...input} {...registration} {...tie} />}
    />
  );
}

/** A labelled multi-line text input wired to react-hook-form, with its hint and error. */
export function TextAreaField({
  label,
  hint,
  error,
  registration,
  ...textarea
}: FieldFrameProps & {
  registration: UseFormRegisterReturn;
} & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name' | 'onChange' | 'onBlur'>) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      className="form-textarea"
      control={(tie) => <textarea {...textarea} {...registration} {...tie} />}
    />
  );
}

/** A labelled select wired to react-hook-form. */
export function SelectField({
  label,
  hint,
  error,
  registration,
  children,
  ...select
}: FieldFrameProps & {
  registration: UseFormRegisterReturn;
  children: ReactNode;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'name' | 'onChange' | 'onBlur'>) {
  return (
    <LabelledField
      label={label}
      hint={hint}
      error={error}
      control={(tie) => (
        <select {...select} {...registration} {...tie}>
          {children}
        </select>
      )}
    />
  );
}

/** A checkbox with its label beside it (e.g. accepting the privacy notice). */
export function CheckboxField({
  label,
  error,
  registration,
  ...input
}: FieldFrameProps & { registration: UseFormRegisterReturn } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'name' | 'onChange' | 'onBlur' | 'type'
  >) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="form-check" data-invalid={error ? 'true' : undefined}>
      <div className="form-check__row">
        <input
          id={id}
          type="checkbox"
          {...input}
          {...registration}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A problem with the whole form (e.g. wrong credentials), announced at once. */
export function FormAlert({ children, testId }: { children: ReactNode; testId?: string }) {
  return (
    <div className="form-alert" role="alert" data-testid={testId}>
      {children}
    </div>
  );
}

/** A success message, announced politely. */
export function FormSuccess({ children }: { children: ReactNode }) {
  return (
    <p className="form-success" role="status">
      {children}
    </p>
  );
}

/** The submit button; shows `busyLabel` and is disabled while the form is being sent. */
export function SubmitButton({
  busy,
  busyLabel,
  children,
  variant = 'primary',
}: {
  busy: boolean;
  busyLabel: string;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger';
}) {
  return (
    <button type="submit" className={`button button--${variant}`} disabled={busy} aria-disabled={busy}>
      {busy ? busyLabel : children}
    </button>
  );
}

/**
 * A failed save: the problem, and when someone else saved first (`stale`) a button to load their version. Both
 * kinds are announced at once; the test ids tell them apart.
 */
export function SaveProblemAlert({
  kind,
  message,
  reloadLabel,
  onReloadLatest,
}: {
  kind: 'error' | 'stale';
  message: string;
  reloadLabel: string;
  onReloadLatest?: (() => void) | undefined;
}) {
  return (
    <FormAlert testId={kind === 'stale' ? 'stale-version' : 'form-error'}>
      <p>{message}</p>
      {kind === 'stale' && onReloadLatest ? (
        <p>
          <button type="button" className="button button--secondary" onClick={onReloadLatest}>
            {reloadLabel}
          </button>
        </p>
      ) : null}
    </FormAlert>
  );
}
