import { useEffect, useId, useRef } from 'react';
import type { ProblemStatement } from '@shared/contracts/calls';
import type { FormDefinition } from '@shared/contracts/forms';
import type { ProposalDetail } from '@shared/contracts/proposals';
import { allQuestions } from '@shared/forms/validate';
import { answerSummary } from '@web/components/form-renderer/answer-summary';
import { localized } from '@web/components/form-renderer/frames';
import { localText } from '@web/lib/format';
import { useI18n, type MessageKey } from '@web/lib/i18n';
import { differences, draftOf, type Draft, type DraftField } from '../autosave';
import { formatClock } from './save-status';

const FIELD_LABEL: Record<DraftField, MessageKey> = {
  titleTh: 'proposals.editor.titleTh',
  titleEn: 'proposals.editor.titleEn',
  problemStatementId: 'proposals.editor.problemStatement',
  coApplicantIds: 'proposals.editor.coApplicants',
};

/**
 * A save met a newer version: what the person typed is kept on screen; this panel shows where the two versions
 * differ (theirs beside mine) and lets the person keep theirs or take the newer one.
 */
export function ConflictPanel({
  form,
  mine,
  theirs,
  problems,
  onKeepMine,
  onTakeTheirs,
}: {
  form: FormDefinition;
  mine: Draft;
  theirs: ProposalDetail;
  problems: readonly ProblemStatement[];
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const ref = useRef<HTMLElement>(null);
  const questions = allQuestions(form);
  const diffs = differences(
    mine,
    draftOf(theirs),
    questions.map((q) => q.id),
  );

  useEffect(() => {
    ref.current?.focus();
  }, []);

  const empty = t('proposals.conflict.empty');
  const fieldText = (field: DraftField, value: unknown): string => {
    switch (field) {
      case 'titleTh':
      case 'titleEn':
        return typeof value === 'string' && value ? value : empty;
      case 'problemStatementId': {
        const problem = problems.find((p) => p.id === value);
        return problem ? localText(problem, 'title', lang) : t('proposals.editor.problemStatementNone');
      }
      case 'coApplicantIds':
        return Array.isArray(value) ? String(value.length) : '0';
      default: {
        const exhaustive: never = field;
        return exhaustive;
      }
    }
  };

  return (
    <section
      className="conflict-panel"
      aria-labelledby={headingId}
      tabIndex={-1}
      ref={ref}
      role="alert"
      data-testid="conflict-panel"
    >
      <h2 id={headingId}>{t('proposals.conflict.title')}</h2>
      <p>{t('proposals.conflict.text', { version: theirs.version, time: formatClock(theirs.updatedAt) })}</p>
      {diffs.length === 0 ? (
        <p>{t('proposals.conflict.noDifference')}</p>
      ) : (
        <div className="conflict-panel__table-wrap">
          <table className="data-table data-table--stack conflict-panel__table">
            <caption>{t('proposals.conflict.differences')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('proposals.conflict.field')}</th>
                <th scope="col">{t('proposals.conflict.mine')}</th>
                <th scope="col">{t('proposals.conflict.theirs', { version: theirs.version })}</th>
              </tr>
            </thead>
            <tbody>
              {diffs.map((diff) => {
                if (diff.kind === 'field') {
                  return (
                    <tr key={diff.field}>
                      <th scope="row">{t(FIELD_LABEL[diff.field])}</th>
                      <td data-label={t('proposals.conflict.mine')}>{fieldText(diff.field, diff.mine)}</td>
                      <td data-label={t('proposals.conflict.theirs', { version: theirs.version })}>
                        {fieldText(diff.field, diff.theirs)}
                      </td>
                    </tr>
                  );
                }
                const question = questions.find((q) => q.id === diff.questionId);
                const label = question
                  ? localized(question.labelTh, question.labelEn, lang)
                  : diff.questionId;
                const text = (value: unknown) =>
                  (question ? answerSummary(question, value, t, lang) : '') || empty;
                return (
                  <tr key={diff.questionId} data-testid="conflict-row">
                    <th scope="row">{label}</th>
                    <td data-label={t('proposals.conflict.mine')} className="conflict-panel__mine">
                      {text(diff.mine)}
                    </td>
                    <td
                      data-label={t('proposals.conflict.theirs', { version: theirs.version })}
                      className="conflict-panel__theirs"
                    >
                      {text(diff.theirs)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <div className="conflict-panel__choices">
        <div>
          <button
            type="button"
            className="button button--primary"
            onClick={onKeepMine}
            data-testid="keep-mine"
          >
            {t('proposals.conflict.keepMine')}
          </button>
          <p className="conflict-panel__hint">{t('proposals.conflict.keepMineHint')}</p>
        </div>
        <div>
          <button
            type="button"
            className="button button--secondary"
            onClick={onTakeTheirs}
            data-testid="take-theirs"
          >
            {t('proposals.conflict.takeTheirs')}
          </button>
          <p className="conflict-panel__hint">{t('proposals.conflict.takeTheirsHint')}</p>
        </div>
      </div>
    </section>
  );
}
