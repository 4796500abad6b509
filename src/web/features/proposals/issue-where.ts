import type { FormDefinition } from '@shared/contracts/forms';
import type { Language } from '@shared/i18n/index';
import { localized } from '@web/components/form-renderer/frames';
import { TABLE_COLUMNS } from '@web/components/form-renderer/table-question';
import type { Translate } from '@web/lib/forms';
import type { MessageKey } from '@web/lib/i18n';

/** The editor's first section: the proposal's own details (titles, problem statement, co-applicants). */
export const DETAILS_SECTION = '__details';

const DETAIL_FIELDS: Record<string, MessageKey> = {
  titleTh: 'proposals.editor.titleTh',
  titleEn: 'proposals.editor.titleEn',
  problemStatementId: 'proposals.editor.problemStatement',
  coApplicantIds: 'proposals.editor.coApplicants',
};

/**
 * Where a problem is, for the list before submitting: its section, and "Section › Question (row 2, Amount)".
 * `field` is `titleTh` or `answers.<question>[.<row>.<column>]`.
 */
export function issueWhere(
  form: FormDefinition,
  field: string,
  t: Translate,
  lang: Language,
): { sectionId: string; where: string } {
  const detail = DETAIL_FIELDS[field];
  if (detail) {
    return { sectionId: DETAILS_SECTION, where: `${t('proposals.editor.sectionDetails')} › ${t(detail)}` };
  }
  const [, questionId, row, column] = field.split('.');
  for (const section of form.sections) {
    const question = section.questions.find((q) => q.id === questionId);
    if (!question) {
      continue;
    }
    let where = `${localized(section.titleTh, section.titleEn, lang)} › ${localized(question.labelTh, question.labelEn, lang)}`;
    const parts: string[] = [];
    if (row !== undefined && /^\d+$/.test(row)) {
      parts.push(t('proposals.form.table.row', { n: Number(row) + 1 }));
    } else if (row !== undefined && question.type === 'logic_model') {
      parts.push(t(`proposals.form.logicModel.${row as 'inputs'}`));
    }
    if (
      column !== undefined &&
      (question.type === 'team_table' ||
        question.type === 'budget_table' ||
        question.type === 'milestones_table')
    ) {
      const col = TABLE_COLUMNS[question.type].find((c) => c.key === column);
      if (col) {
        parts.push(t(col.label));
      }
    }
    if (parts.length > 0) {
      where += ` (${parts.join(', ')})`;
    }
    return { sectionId: section.id, where };
  }
  return { sectionId: DETAILS_SECTION, where: field };
}
