import type { SroiAssessmentIssue, SroiAssessmentModel } from '@shared/contracts/sroi-assessments';
import { parseIssuePath } from '@shared/impact/sroi-assessment';
import type { MessageKey } from '@web/lib/i18n';

type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** The catalogue's words for a stored field name. */
const FIELD_LABELS: Record<string, MessageKey> = {
  name: 'sroiEditor.field.name',
  id: 'sroiEditor.field.outcomeId',
  stakeholderId: 'sroiEditor.field.stakeholder',
  label: 'sroiEditor.field.label',
  valueSatang: 'sroiEditor.field.valueBaht',
  year: 'sroiEditor.field.year',
  description: 'sroiEditor.field.outcomeDescription',
  indicator: 'sroiEditor.field.indicator',
  quantity: 'sroiEditor.field.quantity',
  quantityByYear: 'sroiEditor.field.quantities',
  proxySatang: 'sroiEditor.field.proxyBaht',
  deadweight: 'sroiEditor.field.deadweight',
  displacement: 'sroiEditor.field.displacement',
  attribution: 'sroiEditor.field.attribution',
  dropoff: 'sroiEditor.field.dropoff',
  duration: 'sroiEditor.field.duration',
  startYear: 'sroiEditor.field.startYear',
  discountRate: 'sroiEditor.field.discountRate',
};

/** The message of an issue (stored, or computed live) in the page's language. */
export function issueText(
  t: Translate,
  issue: Pick<SroiAssessmentIssue, 'code' | 'params' | 'message'>,
): string {
  return t(`sroiEditor.errors.ISSUE_${issue.code}` as MessageKey, {
    message: issue.message,
    ...issue.params,
  });
}

/** Where a stored path is: "Outcome 2 (A) › Deadweight (%)". */
export function whereText(t: Translate, model: SroiAssessmentModel, path: string): string {
  const { section, index, field } = parseIssuePath(path);
  const fieldLabel = field && FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : null;
  let row: string;
  switch (section) {
    case 'outcomes': {
      const id = index === null ? undefined : model.outcomes[index]?.id;
      row =
        index === null
          ? t('sroiEditor.section.outcomes')
          : `${t('sroiEditor.field.outcomeN', { n: index + 1 })}${id ? ` (${id})` : ''}`;
      break;
    }
    case 'inputs':
      row = index === null ? t('sroiEditor.section.inputs') : t('sroiEditor.field.inputN', { n: index + 1 });
      break;
    case 'stakeholders':
      row =
        index === null
          ? t('sroiEditor.section.stakeholders')
          : t('sroiEditor.field.stakeholderN', { n: index + 1 });
      break;
    case 'discountRate':
    case 'convention':
      row = t('sroiEditor.section.settings');
      break;
    default:
      row = t('sroiEditor.section.results');
  }
  return fieldLabel && section !== 'discountRate' ? `${row} › ${fieldLabel}` : row;
}

/** The DOM id of a stored field's input, so an issue can take the person there. */
export function fieldDomId(path: string): string {
  const { section, index, field } = parseIssuePath(path);
  return ['sr', section, index ?? '', field ?? ''].filter((p) => p !== '').join('-');
}
