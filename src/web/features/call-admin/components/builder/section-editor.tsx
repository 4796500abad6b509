import { useId, useState } from 'react';
import { FORM_LIMITS, QUESTION_TYPES, type QuestionType } from '@shared/contracts/forms';
import { localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { issuesUnder, type BuilderIssues } from '../../form-builder/issues';
import { cleanIdInput, idFromLabel, type BuilderSection } from '../../form-builder/model';
import { BuilderText, MoveButtons } from './inputs';

/** A section's own fields (title, id, help) and its place in the form; its questions are rendered by the page. */
export function SectionEditor({
  item,
  index,
  count,
  path,
  issues,
  takenIds,
  onChange,
  onMove,
  onRemove,
  onAddQuestion,
  children,
}: {
  item: BuilderSection;
  index: number;
  count: number;
  path: string;
  issues: BuilderIssues;
  takenIds: ReadonlySet<string>;
  onChange: (next: BuilderSection) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onAddQuestion: (type: QuestionType) => void;
  children: React.ReactNode;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [type, setType] = useState<QuestionType>('short_text');
  const own = issuesUnder(issues, path).filter((i) => !i.rest.startsWith('questions.'));
  const errorAt = (rest: string) => own.find((i) => i.rest === rest)?.message;
  const s = item.section;
  const title = localText(s, 'title', lang) || s.id;

  const setTitle = (field: 'titleTh' | 'titleEn', value: string) => {
    const next = { ...s, [field]: value };
    if (item.autoId) {
      next.id = idFromLabel(next.titleEn || next.titleTh, takenIds, 'section');
    }
    onChange({ ...item, section: next });
  };

  return (
    <section className="ca-section-card" aria-labelledby={`${id}-title`} data-testid="builder-section">
      <div className="ca-section-card__head">
        <h3 id={`${id}-title`}>
          <span className="ca-muted">{t('calls.admin.builder.sectionNumber', { number: index + 1 })}</span>{' '}
          {title}
        </h3>
        <MoveButtons
          name={title}
          canUp={index > 0}
          canDown={index < count - 1}
          onUp={() => onMove(-1)}
          onDown={() => onMove(1)}
          onRemove={count > 1 ? onRemove : undefined}
          labels={{
            up: (name) => t('calls.admin.builder.sectionUp', { name }),
            down: (name) => t('calls.admin.builder.sectionDown', { name }),
            remove: (name) => t('calls.admin.builder.sectionRemove', { name }),
          }}
        />
      </div>
      {errorAt('') ? <p className="field__error">{errorAt('')}</p> : null}
      <div className="ca-section-card__fields">
        <BuilderText
          label={t('calls.admin.builder.sectionTitleTh')}
          lang="th"
          value={s.titleTh}
          maxLength={300}
          error={errorAt('titleTh')}
          testId="section-title-th"
          onChange={(value) => setTitle('titleTh', value)}
        />
        <BuilderText
          label={t('calls.admin.builder.sectionTitleEn')}
          lang="en"
          value={s.titleEn}
          maxLength={300}
          error={errorAt('titleEn')}
          testId="section-title-en"
          onChange={(value) => setTitle('titleEn', value)}
        />
        <BuilderText
          label={t('calls.admin.builder.id')}
          hint={item.autoId ? t('calls.admin.builder.idAuto') : t('calls.admin.builder.idHint')}
          value={s.id}
          maxLength={50}
          spellCheck={false}
          className="ca-id-input"
          error={errorAt('id')}
          onChange={(value) =>
            onChange({ ...item, autoId: false, section: { ...s, id: cleanIdInput(value) } })
          }
        />
        <BuilderText
          label={t('calls.admin.builder.sectionHelpTh')}
          lang="th"
          multiline
          value={s.helpTh ?? ''}
          maxLength={2000}
          error={errorAt('helpTh')}
          onChange={(value) => onChange({ ...item, section: { ...s, helpTh: value } })}
        />
        <BuilderText
          label={t('calls.admin.builder.sectionHelpEn')}
          lang="en"
          multiline
          value={s.helpEn ?? ''}
          maxLength={2000}
          error={errorAt('helpEn')}
          onChange={(value) => onChange({ ...item, section: { ...s, helpEn: value } })}
        />
      </div>
      <h4 className="ca-section-card__questions-title">
        {t('calls.admin.builder.questions', { count: item.questions.length })}
      </h4>
      {item.questions.length === 0 ? (
        <p className="field__hint">{t('calls.admin.builder.noQuestions')}</p>
      ) : null}
      {children}
      {item.questions.length < FORM_LIMITS.questionsPerSection ? (
        <div className="ca-add-question">
          <div className="field form-field">
            <label htmlFor={`${id}-type`}>{t('calls.admin.builder.newQuestionType')}</label>
            <select
              id={`${id}-type`}
              value={type}
              data-testid="new-question-type"
              onChange={(event) => setType(event.target.value as QuestionType)}
            >
              {QUESTION_TYPES.map((option) => (
                <option key={option} value={option}>
                  {t(`calls.admin.builder.types.${option}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            className="button button--secondary"
            data-testid="add-question"
            onClick={() => onAddQuestion(type)}
          >
            {t('calls.admin.builder.addQuestion')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
