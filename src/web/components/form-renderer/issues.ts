import type { AnswerIssue, FormDefinition } from '@shared/contracts/forms';
import type { Language } from '@shared/i18n/index';
import { formatBaht, formatDate } from '@web/lib/format';
import { isMessageKey } from '@web/lib/i18n';
import type { Translate } from '@web/lib/forms';

/** The question an issue's field names: `answers.budget.2.amountSatang` → `budget`. */
export function questionOfField(field: string): string | null {
  const [root, id] = field.split('.');
  return root === 'answers' && id ? id : null;
}

/** The issues about one question (its own and its rows' or parts'). */
export function issuesOfQuestion(issues: readonly AnswerIssue[], questionId: string): AnswerIssue[] {
  const own = `answers.${questionId}`;
  return issues.filter((i) => i.field === own || i.field.startsWith(`${own}.`));
}

/** Issues whose field is exactly `field`. */
export function issuesAt(issues: readonly AnswerIssue[], field: string): AnswerIssue[] {
  return issues.filter((i) => i.field === field);
}

/** The element id of a field of the form, e.g. `pf-answers-budget-2-amountSatang`. */
export function domIdOf(prefix: string, field: string): string {
  return `${prefix}${field.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** Whether a string is a key of the catalogue (keys sent by the server, e.g. eligibility reasons). */
export { isMessageKey };

/** An answer issue in the person's words: money in baht, dates in the Buddhist Era. */
export function issueText(issue: AnswerIssue, t: Translate, lang: Language): string {
  const params = issue.params ?? {};
  switch (issue.key) {
    case 'errors.form.moneyBelowMin':
      return t('proposals.form.issueMoneyBelowMin', { amount: formatBaht(Number(params.minSatang), lang) });
    case 'errors.form.moneyAboveMax':
      return t('proposals.form.issueMoneyAboveMax', { amount: formatBaht(Number(params.maxSatang), lang) });
    case 'errors.form.dateBeforeMin':
    case 'errors.form.dateAfterMax': {
      const values: Record<string, string | number> = { ...params };
      for (const name of ['min', 'max']) {
        const value = params[name];
        if (typeof value === 'string') {
          values[name] = formatDate(value, lang, 'long');
        }
      }
      return t(issue.key, values);
    }
    default:
      return isMessageKey(issue.key) ? t(issue.key, params) : t('errors.form.invalidValue');
  }
}

/**
 * Moves focus to a field of the rendered form: the element of `field` itself or, when there is none, of the
 * nearest field above it (a row, then the question); inside a container, its first focusable control.
 */
export function focusField(prefix: string, field: string): boolean {
  const parts = field.split('.');
  while (parts.length > 0) {
    const element = document.getElementById(domIdOf(prefix, parts.join('.')));
    if (element) {
      const target = element.matches('input, select, textarea, button, a[href]')
        ? element
        : element.querySelector<HTMLElement>(
            'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled]), button:not([disabled])',
          );
      const focusable = target ?? element;
      if (!target) {
        element.tabIndex = -1;
      }
      focusable.focus({ preventScroll: true });
      (element.closest('.fr-question') ?? element).scrollIntoView({ block: 'center' });
      return true;
    }
    parts.pop();
  }
  return false;
}

/** The id of the section holding the question of `field`, if any. */
export function sectionOfField(form: FormDefinition, field: string): string | null {
  const questionId = questionOfField(field);
  return form.sections.find((s) => s.questions.some((q) => q.id === questionId))?.id ?? null;
}

/** How many issues each section has, by section id. */
export function issueCountBySection(
  form: FormDefinition,
  issues: readonly AnswerIssue[],
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const issue of issues) {
    const section = sectionOfField(form, issue.field);
    if (section) {
      counts.set(section, (counts.get(section) ?? 0) + 1);
    }
  }
  return counts;
}
