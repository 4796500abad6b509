import { useId } from 'react';
import { QUESTION_TYPES, type Question, type QuestionType } from '@shared/contracts/forms';
import { localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { issuesUnder, type BuilderIssues } from '../../form-builder/issues';
import {
  changeQuestionType,
  cleanIdInput,
  idFromLabel,
  type BuilderQuestion,
  type ConditionSource,
} from '../../form-builder/model';
import { ConditionEditor } from './condition-editor';
import { BuilderCheck, BuilderText, MoveButtons } from './inputs';
import { TypeSettings } from './type-settings';

/** Fields whose problems show under their own input; the rest are listed at the top of the question. */
const OWN_FIELDS =
  /^(id|labelTh|labelEn|helpTh|helpEn|showWhen.*|options.*|accept|categories|maxRows|maxLength|minLength|min|max|minSatang|maxSatang|minSelected|maxSelected|maxFiles|maxSizeBytes)$/;

/** One question of the builder: a summary line that opens into all its settings. */
export function QuestionEditor({
  item,
  number,
  path,
  issues,
  sources,
  takenIds,
  expanded,
  onToggle,
  canUp,
  canDown,
  onMove,
  onRemove,
  onChange,
}: {
  item: BuilderQuestion;
  number: string;
  path: string;
  issues: BuilderIssues;
  sources: ConditionSource[];
  takenIds: ReadonlySet<string>;
  expanded: boolean;
  onToggle: () => void;
  canUp: boolean;
  canDown: boolean;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onChange: (next: BuilderQuestion) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const q = item.question;
  const mine = issuesUnder(issues, path);
  const errorAt = (rest: string) => mine.find((i) => i.rest === rest)?.message;
  const general = mine.filter((i) => !OWN_FIELDS.test(i.rest));
  const label = localText(q, 'label', lang) || q.id;

  const set = (question: Question, autoId = item.autoId) => onChange({ ...item, question, autoId });
  const setLabel = (field: 'labelTh' | 'labelEn', value: string) => {
    const next = { ...q, [field]: value };
    if (item.autoId) {
      next.id = idFromLabel(next.labelEn || next.labelTh, takenIds, 'question');
    }
    set(next);
  };
  const setHelp = (field: 'helpTh' | 'helpEn', value: string) => set({ ...q, [field]: value });

  return (
    <li
      className="ca-question"
      data-testid="builder-question"
      data-invalid={mine.length > 0 ? 'true' : undefined}
    >
      <div className="ca-question__bar">
        <button
          type="button"
          className="ca-question__toggle"
          aria-expanded={expanded}
          aria-controls={`${id}-body`}
          onClick={onToggle}
          data-testid="question-toggle"
        >
          <span className="ca-question__number">{number}</span>
          <span className="ca-question__label">
            {label}
            {q.required ? (
              <span className="ca-required" aria-label={t('calls.admin.builder.requiredMark')}>
                {' *'}
              </span>
            ) : null}
          </span>
          <span className="ca-question__meta">
            {t(`calls.admin.builder.types.${q.type}`)}
            {q.showWhen ? ` · ${t('calls.admin.builder.conditional')}` : ''}
            {mine.length > 0 ? ` · ${t('calls.admin.builder.problems', { count: mine.length })}` : ''}
          </span>
        </button>
        <MoveButtons
          name={label}
          canUp={canUp}
          canDown={canDown}
          onUp={() => onMove(-1)}
          onDown={() => onMove(1)}
          onRemove={onRemove}
          labels={{
            up: (name) => t('calls.admin.builder.questionUp', { name }),
            down: (name) => t('calls.admin.builder.questionDown', { name }),
            remove: (name) => t('calls.admin.builder.questionRemove', { name }),
          }}
        />
      </div>
      <div id={`${id}-body`} className="ca-question__body" hidden={!expanded}>
        {general.length > 0 ? (
          <ul className="ca-question__problems" role="alert">
            {general.map((issue) => (
              <li key={issue.rest}>{issue.message}</li>
            ))}
          </ul>
        ) : null}
        <div className="ca-settings">
          <div className="field form-field">
            <label htmlFor={`${id}-type`}>{t('calls.admin.builder.type')}</label>
            <select
              id={`${id}-type`}
              value={q.type}
              data-testid="question-type"
              onChange={(event) => set(changeQuestionType(q, event.target.value as QuestionType))}
            >
              {QUESTION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`calls.admin.builder.types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <BuilderText
            label={t('calls.admin.builder.id')}
            hint={item.autoId ? t('calls.admin.builder.idAuto') : t('calls.admin.builder.idHint')}
            value={q.id}
            maxLength={50}
            spellCheck={false}
            className="ca-id-input"
            error={errorAt('id')}
            testId="question-id"
            onChange={(value) => set({ ...q, id: cleanIdInput(value) }, false)}
          />
        </div>
        <BuilderText
          label={t('calls.admin.builder.labelTh')}
          lang="th"
          value={q.labelTh}
          maxLength={500}
          error={errorAt('labelTh')}
          testId="question-label-th"
          onChange={(value) => setLabel('labelTh', value)}
        />
        <BuilderText
          label={t('calls.admin.builder.labelEn')}
          lang="en"
          value={q.labelEn}
          maxLength={500}
          error={errorAt('labelEn')}
          testId="question-label-en"
          onChange={(value) => setLabel('labelEn', value)}
        />
        <BuilderText
          label={t('calls.admin.builder.helpTh')}
          lang="th"
          multiline
          value={q.helpTh ?? ''}
          maxLength={2000}
          error={errorAt('helpTh')}
          onChange={(value) => setHelp('helpTh', value)}
        />
        <BuilderText
          label={t('calls.admin.builder.helpEn')}
          lang="en"
          multiline
          value={q.helpEn ?? ''}
          maxLength={2000}
          error={errorAt('helpEn')}
          onChange={(value) => setHelp('helpEn', value)}
        />
        <BuilderCheck
          label={t('calls.admin.builder.required')}
          checked={q.required}
          testId="question-required"
          onChange={(required) => set({ ...q, required })}
        />
        <TypeSettings question={q} onChange={(next) => set(next)} errorAt={errorAt} />
        <ConditionEditor
          value={q.showWhen}
          sources={sources}
          error={mine.find((i) => i.rest.startsWith('showWhen'))?.message}
          onChange={(showWhen) => {
            const next: Question = { ...q, showWhen };
            if (showWhen === undefined) {
              delete next.showWhen;
            }
            set(next);
          }}
        />
      </div>
    </li>
  );
}
