import type { ReactNode } from 'react';
import type { Language } from '@shared/i18n/index';
import { describedBy, FieldError } from '@web/components/ui/form';
import { useI18n } from '@web/lib/i18n';

/** Text in the language, else in the other one (officers may leave the English help empty). */
export function localized(th: string | undefined, en: string | undefined, lang: Language): string {
  return (lang === 'th' ? th || en : en || th) ?? '';
}

/** What a question's control needs to be tied to its label, hint and error. */
export interface ControlTie {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

export interface FrameProps {
  /** The question's element id (the target of links to its problems). */
  id: string;
  label: string;
  help: string;
  required: boolean;
  error: string | undefined;
  onBlur: () => void;
  /** Extra line under the control (a character counter, a Buddhist-Era date), described with it. */
  meta?: ReactNode;
  /** Extra described-by ids (e.g. rules shown beside the control). */
  note?: ReactNode;
}

function RequiredMark({ required }: { required: boolean }) {
  const { t } = useI18n();
  return required ? <span className="fr-required">{t('proposals.form.required')}</span> : null;
}

/** The question's help text and note under its label, each with the id the control is described by. */
function HelpAndNote({
  hintId,
  help,
  noteId,
  note,
}: {
  hintId: string;
  help: string;
  noteId: string;
  note: ReactNode;
}) {
  return (
    <>
      {help ? (
        <p id={hintId} className="fr-question__help">
          {help}
        </p>
      ) : null}
      {note ? (
        <p id={noteId} className="fr-question__note">
          {note}
        </p>
      ) : null}
    </>
  );
}

/** A question answered with one control: its label, help, the control, a meta line and its error. */
export function SingleFrame({
  id,
  label,
  help,
  required,
  error,
  onBlur,
  meta,
  note,
  children,
}: FrameProps & { children: (tie: ControlTie) => ReactNode }) {
  const hintId = `${id}-hint`;
  const noteId = `${id}-note`;
  const metaId = `${id}-meta`;
  const errorId = `${id}-error`;
  return (
    <div className="fr-question" id={id} data-invalid={error ? 'true' : undefined} onBlur={onBlur}>
      <label className="fr-question__label" htmlFor={`${id}-input`}>
        <span>{label}</span> <RequiredMark required={required} />
      </label>
      <HelpAndNote hintId={hintId} help={help} noteId={noteId} note={note} />
      {children({
        id: `${id}-input`,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy(
          help ? hintId : undefined,
          note ? noteId : undefined,
          meta ? metaId : undefined,
          error ? errorId : undefined,
        ),
        'aria-required': required ? true : undefined,
      })}
      {meta ? (
        <p id={metaId} className="fr-question__meta">
          {meta}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}

/** A question answered with several controls (choices, table rows, parts): a fieldset with its legend. */
export function GroupFrame({
  id,
  label,
  help,
  required,
  error,
  onBlur,
  meta,
  note,
  children,
}: FrameProps & { children: ReactNode }) {
  const hintId = `${id}-hint`;
  const noteId = `${id}-note`;
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="fr-question fr-question--group"
      id={id}
      data-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(
        help ? hintId : undefined,
        note ? noteId : undefined,
        error ? errorId : undefined,
      )}
      onBlur={onBlur}
    >
      <legend className="fr-question__label">
        <span>{label}</span> <RequiredMark required={required} />
      </legend>
      <HelpAndNote hintId={hintId} help={help} noteId={noteId} note={note} />
      {children}
      {meta ? <div className="fr-question__meta">{meta}</div> : null}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
