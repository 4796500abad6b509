import { useId, useMemo } from 'react';
import type { AnswerIssue, Answers, FormDefinition, FormSection } from '@shared/contracts/forms';
import { isQuestionVisible } from '@shared/forms/validate';
import { useI18n } from '@web/lib/i18n';
import { RendererContext, type AnswerUpdate, type FileHandlers, type GrantRange } from './context';
import { localized } from './frames';
import { QuestionField } from './question-field';
import './form-renderer.css';

export type { AnswerUpdate, FileHandlers, GrantRange } from './context';

export interface FormRendererProps {
  form: FormDefinition;
  answers: Answers;
  /** A change to one answer; without it (or with `readOnly`) the form is shown read-only. */
  onAnswer?: (questionId: string, change: AnswerUpdate) => void;
  readOnly?: boolean;
  /** Problems to show under their fields (e.g. from `useLiveValidation`). */
  issues?: readonly AnswerIssue[];
  /** Called when the person leaves a question (its messages may show from then on). */
  onTouch?: (questionId: string) => void;
  /** Show this section only (the editor's section navigation); all sections when absent. */
  sectionId?: string | null;
  files?: FileHandlers | null;
  grant?: GrantRange | null;
  /** Prefix of element ids (links to problems use it); one per renderer on a page. */
  idPrefix?: string;
}

const NO_ISSUES: readonly AnswerIssue[] = [];

function SectionView({
  section,
  answers,
  form,
}: {
  section: FormSection;
  answers: Answers;
  form: FormDefinition;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const help = localized(section.helpTh, section.helpEn, lang);
  const visible = section.questions.filter((q) => isQuestionVisible(q, answers, form));
  return (
    <section className="fr-section" aria-labelledby={headingId} data-section={section.id}>
      <h2 id={headingId} className="fr-section__title">
        {localized(section.titleTh, section.titleEn, lang)}
      </h2>
      {help ? <p className="fr-section__help">{help}</p> : null}
      {visible.length === 0 ? <p className="fr-answer__none">{t('proposals.form.sectionEmpty')}</p> : null}
      {section.questions.map((question) => (
        <QuestionField key={question.id} question={question} />
      ))}
    </section>
  );
}

/**
 * The one form renderer: every question type of a call's form, editable or read-only, with `showWhen` conditions,
 * messages under their fields and ids that links to problems can focus. Used by the applicant's editor, the
 * read-only proposal view and the officers' form-builder preview.
 */
export function FormRenderer({
  form,
  answers,
  onAnswer,
  readOnly = false,
  issues = NO_ISSUES,
  onTouch,
  sectionId,
  files = null,
  grant = null,
  idPrefix = 'fr-',
}: FormRendererProps) {
  const isReadOnly = readOnly || !onAnswer;
  const context = useMemo(
    () => ({
      form,
      answers,
      readOnly: isReadOnly,
      prefix: idPrefix,
      issues,
      update: (questionId: string, change: AnswerUpdate) => onAnswer?.(questionId, change),
      touch: (questionId: string) => onTouch?.(questionId),
      files,
      grant,
    }),
    [form, answers, isReadOnly, idPrefix, issues, onAnswer, onTouch, files, grant],
  );
  const sections = sectionId ? form.sections.filter((s) => s.id === sectionId) : form.sections;
  return (
    <RendererContext value={context}>
      <div className={isReadOnly ? 'fr fr--read' : 'fr'}>
        {sections.map((section) => (
          <SectionView key={section.id} section={section} answers={answers} form={form} />
        ))}
      </div>
    </RendererContext>
  );
}
