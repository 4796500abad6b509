import { z } from 'zod';
import {
  AreaAnswerSchema,
  BudgetRowSchema,
  FORM_LIMITS,
  LogicModelAnswerSchema,
  MilestoneRowSchema,
  SrlAnswerSchema,
  TeamRowSchema,
  type AnswerIssue,
  type Answers,
  type BudgetRow,
  type FormDefinition,
  type Question,
} from '@shared/contracts/forms';
import { THEME_CODES } from '@shared/reference/themes';

/**
 * The one validator of answers, used by the web form (as the user types) and by the server (on autosave and on
 * submit). `draft` checks only that each answer has the right shape, so that nothing typed is refused while
 * saving; `submit` checks everything: required answers, limits, dates, choices and table rows.
 */
export type ValidationMode = 'draft' | 'submit';

export function allQuestions(form: FormDefinition): Question[] {
  return form.sections.flatMap((s) => s.questions);
}

export function isEmptyAnswer(value: unknown): boolean {
  if (value === undefined || value === null || value === '') {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value === 'object') {
    return Object.values(value as Record<string, unknown>).every(isEmptyAnswer);
  }
  return false;
}

/** Whether a question is shown, given the answers so far (a question hidden by its condition is never required). */
export function isQuestionVisible(question: Question, answers: Answers, form: FormDefinition): boolean {
  if (!question.showWhen) {
    return true;
  }
  const target = allQuestions(form).find((q) => q.id === question.showWhen?.questionId);
  if (!target || !isQuestionVisible(target, answers, form)) {
    return false;
  }
  const value = answers[target.id];
  const wanted = question.showWhen.anyOf;
  if (typeof value === 'boolean') {
    return wanted.includes(value ? 'yes' : 'no');
  }
  if (typeof value === 'string') {
    return wanted.includes(value);
  }
  if (Array.isArray(value)) {
    return value.some((v) => typeof v === 'string' && wanted.includes(v));
  }
  return false;
}

/** Answers of visible questions only: hidden and unknown answers are dropped when a proposal is submitted. */
export function keepVisibleAnswers(form: FormDefinition, answers: Answers): Answers {
  const kept: Answers = {};
  for (const q of allQuestions(form)) {
    if (q.id in answers && isQuestionVisible(q, answers, form)) {
      kept[q.id] = answers[q.id];
    }
  }
  return kept;
}

const issue = (field: string, key: string, params?: Record<string, string | number>): AnswerIssue =>
  params ? { field, key, params } : { field, key };

function rowsIssues<T>(
  field: string,
  value: unknown,
  row: z.ZodType<T>,
  maxRows: number,
  check: (r: T, at: string) => AnswerIssue[],
  mode: ValidationMode,
): AnswerIssue[] {
  if (!Array.isArray(value)) {
    return [issue(field, 'errors.form.invalidType')];
  }
  if (value.length > maxRows) {
    return [issue(field, 'errors.form.tooManyRows', { max: maxRows })];
  }
  const out: AnswerIssue[] = [];
  value.forEach((r, i) => {
    const parsed = row.safeParse(r);
    if (!parsed.success) {
      for (const p of parsed.error.issues) {
        out.push(issue([field, i, ...p.path.map(String)].join('.'), 'errors.form.invalidValue'));
      }
    } else if (mode === 'submit') {
      out.push(...check(parsed.data, `${field}.${i}`));
    }
  });
  return out;
}

const requireText = (at: string, value: string | undefined) =>
  value && value.trim().length > 0 ? [] : [issue(at, 'errors.form.required')];

/** Problems with one (visible, non-empty) answer. */
function answerIssues(q: Question, value: unknown, field: string, mode: ValidationMode): AnswerIssue[] {
  const strict = mode === 'submit';
  switch (q.type) {
    case 'short_text':
    case 'long_text': {
      if (typeof value !== 'string') {
        return [issue(field, 'errors.form.invalidType')];
      }
      const hardMax = q.type === 'short_text' ? FORM_LIMITS.shortTextMax : FORM_LIMITS.longTextMax;
      const max = Math.min(q.maxLength ?? hardMax, hardMax);
      const length = [...value].length;
      if (length > (strict ? max : hardMax)) {
        return [issue(field, 'errors.form.tooLong', { max })];
      }
      if (strict && q.type === 'long_text' && q.minLength !== undefined && length < q.minLength) {
        return [issue(field, 'errors.form.tooShort', { min: q.minLength })];
      }
      return [];
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        return [issue(field, 'errors.form.invalidType')];
      }
      if (!strict) {
        return [];
      }
      if (q.integer && !Number.isInteger(value)) {
        return [issue(field, 'errors.form.notInteger')];
      }
      if (q.min !== undefined && value < q.min) {
        return [issue(field, 'errors.form.belowMin', { min: q.min })];
      }
      if (q.max !== undefined && value > q.max) {
        return [issue(field, 'errors.form.aboveMax', { max: q.max })];
      }
      return [];
    }
    case 'money': {
      if (
        !Number.isSafeInteger(value) ||
        (value as number) < 0 ||
        (value as number) > FORM_LIMITS.moneyMaxSatang
      ) {
        return [issue(field, 'errors.form.invalidMoney')];
      }
      const satang = value as number;
      if (strict && q.minSatang !== undefined && satang < q.minSatang) {
        return [issue(field, 'errors.form.moneyBelowMin', { minSatang: q.minSatang })];
      }
      if (strict && q.maxSatang !== undefined && satang > q.maxSatang) {
        return [issue(field, 'errors.form.moneyAboveMax', { maxSatang: q.maxSatang })];
      }
      return [];
    }
    case 'date': {
      if (typeof value !== 'string' || !z.iso.date().safeParse(value).success) {
        return [issue(field, 'errors.form.invalidDate')];
      }
      if (strict && q.min && value < q.min) {
        return [issue(field, 'errors.form.dateBeforeMin', { min: q.min })];
      }
      if (strict && q.max && value > q.max) {
        return [issue(field, 'errors.form.dateAfterMax', { max: q.max })];
      }
      return [];
    }
    case 'single_choice':
      return typeof value === 'string' && q.options.some((o) => o.value === value)
        ? []
        : [issue(field, 'errors.form.invalidChoice')];
    case 'multiple_choice': {
      if (
        !Array.isArray(value) ||
        !value.every((v) => typeof v === 'string' && q.options.some((o) => o.value === v))
      ) {
        return [issue(field, 'errors.form.invalidChoice')];
      }
      if (new Set(value).size !== value.length) {
        return [issue(field, 'errors.form.invalidChoice')];
      }
      if (strict && q.minSelected !== undefined && value.length < q.minSelected) {
        return [issue(field, 'errors.form.tooFewSelected', { min: q.minSelected })];
      }
      if (strict && q.maxSelected !== undefined && value.length > q.maxSelected) {
        return [issue(field, 'errors.form.tooManySelected', { max: q.maxSelected })];
      }
      return [];
    }
    case 'yes_no':
      return typeof value === 'boolean' ? [] : [issue(field, 'errors.form.invalidType')];
    case 'file': {
      if (
        !Array.isArray(value) ||
        !value.every((v) => typeof v === 'string' && z.uuid().safeParse(v).success)
      ) {
        return [issue(field, 'errors.form.invalidType')];
      }
      if (value.length > q.maxFiles) {
        return [issue(field, 'errors.form.tooManyFiles', { max: q.maxFiles })];
      }
      return [];
    }
    case 'area': {
      if (!Array.isArray(value)) {
        return [issue(field, 'errors.form.invalidType')];
      }
      const out: AnswerIssue[] = [];
      value.forEach((v, i) => {
        const parsed = AreaAnswerSchema.safeParse(v);
        if (!parsed.success) {
          out.push(issue(`${field}.${i}`, 'errors.form.invalidArea'));
        } else if (strict && q.level !== 'province' && !parsed.data.districtCode) {
          out.push(issue(`${field}.${i}.districtCode`, 'errors.form.required'));
        } else if (strict && q.level === 'subdistrict' && !parsed.data.subdistrictCode) {
          out.push(issue(`${field}.${i}.subdistrictCode`, 'errors.form.required'));
        }
      });
      if (strict && !q.multiple && value.length > 1) {
        out.push(issue(field, 'errors.form.onlyOneArea'));
      }
      return out;
    }
    case 'team_table':
      return rowsIssues(
        field,
        value,
        TeamRowSchema,
        q.maxRows,
        (r, at) => requireText(`${at}.name`, r.name),
        mode,
      );
    case 'budget_table':
      return rowsIssues(
        field,
        value,
        BudgetRowSchema,
        q.maxRows,
        (r: BudgetRow, at) => [
          ...requireText(`${at}.description`, r.description),
          ...(q.categories.includes(r.category)
            ? []
            : [issue(`${at}.category`, 'errors.form.invalidChoice')]),
        ],
        mode,
      );
    case 'milestones_table':
      return rowsIssues(
        field,
        value,
        MilestoneRowSchema,
        q.maxRows,
        (r, at) => [...requireText(`${at}.title`, r.title), ...requireText(`${at}.dueDate`, r.dueDate)],
        mode,
      );
    case 'themes': {
      if (
        !Array.isArray(value) ||
        !value.every((v) => typeof v === 'string' && (THEME_CODES as readonly string[]).includes(v))
      ) {
        return [issue(field, 'errors.form.invalidChoice')];
      }
      if (strict && q.maxSelected !== undefined && value.length > q.maxSelected) {
        return [issue(field, 'errors.form.tooManySelected', { max: q.maxSelected })];
      }
      return [];
    }
    case 'sdgs': {
      if (
        !Array.isArray(value) ||
        !value.every((v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 17)
      ) {
        return [issue(field, 'errors.form.invalidChoice')];
      }
      if (strict && q.maxSelected !== undefined && value.length > q.maxSelected) {
        return [issue(field, 'errors.form.tooManySelected', { max: q.maxSelected })];
      }
      return [];
    }
    case 'logic_model': {
      const parsed = LogicModelAnswerSchema.safeParse(value);
      return parsed.success ? [] : [issue(field, 'errors.form.invalidValue')];
    }
    case 'srl': {
      const parsed = SrlAnswerSchema.safeParse(value);
      if (!parsed.success) {
        return [issue(field, 'errors.form.invalidValue')];
      }
      const { current, target } = parsed.data;
      if (strict && (!current || !target)) {
        return [issue(field, 'errors.form.required')];
      }
      if (strict && current && target && target < current) {
        return [issue(field, 'errors.form.srlTargetBelowCurrent')];
      }
      return [];
    }
    default: {
      const exhaustive: never = q;
      return exhaustive;
    }
  }
}

/**
 * Validates answers against a form. Unknown answers are an issue in both modes (a stale client); hidden questions
 * are not checked at all.
 */
export function validateAnswers(form: FormDefinition, answers: Answers, mode: ValidationMode): AnswerIssue[] {
  const issues: AnswerIssue[] = [];
  const questions = allQuestions(form);
  const known = new Set(questions.map((q) => q.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) {
      issues.push(issue(`answers.${id}`, 'errors.form.unknownQuestion'));
    }
  }
  for (const q of questions) {
    if (!isQuestionVisible(q, answers, form)) {
      continue;
    }
    const field = `answers.${q.id}`;
    const value = answers[q.id];
    if (isEmptyAnswer(value)) {
      if (mode === 'submit' && q.required) {
        issues.push(issue(field, 'errors.form.required'));
      }
      continue;
    }
    issues.push(...answerIssues(q, value, field, mode));
  }
  return issues;
}

// ---- Facts a proposal carries from its answers (for lists, filters and ceilings) -------------------------------

/** Sum of all budget-table rows, in satang. */
export function budgetTotalSatang(form: FormDefinition, answers: Answers): number {
  let total = 0;
  for (const q of allQuestions(form)) {
    const rows = answers[q.id];
    if (q.type !== 'budget_table' || !Array.isArray(rows) || !isQuestionVisible(q, answers, form)) {
      continue;
    }
    for (const r of rows) {
      const parsed = BudgetRowSchema.safeParse(r);
      if (parsed.success) {
        total += parsed.data.amountSatang;
      }
    }
  }
  return total;
}

/** Whether the form has a budget table (the requested amount comes from it). */
export function hasBudgetTable(form: FormDefinition): boolean {
  return allQuestions(form).some((q) => q.type === 'budget_table');
}

/** Province codes named by the visible area answers, without repeats. */
export function answerProvinces(form: FormDefinition, answers: Answers): number[] {
  const codes = new Set<number>();
  for (const q of allQuestions(form)) {
    const value = answers[q.id];
    if (q.type !== 'area' || !Array.isArray(value) || !isQuestionVisible(q, answers, form)) {
      continue;
    }
    for (const v of value) {
      const parsed = AreaAnswerSchema.safeParse(v);
      if (parsed.success) {
        codes.add(parsed.data.provinceCode);
      }
    }
  }
  return [...codes].sort((a, b) => a - b);
}

/** Theme codes named by the visible theme answers, without repeats. */
export function answerThemes(form: FormDefinition, answers: Answers): string[] {
  const codes = new Set<string>();
  for (const q of allQuestions(form)) {
    const value = answers[q.id];
    if (q.type === 'themes' && Array.isArray(value) && isQuestionVisible(q, answers, form)) {
      for (const v of value) {
        if (typeof v === 'string' && (THEME_CODES as readonly string[]).includes(v)) {
          codes.add(v);
        }
      }
    }
  }
  return [...codes].sort();
}

/** Attachment ids referred to by file answers. */
export function answerAttachmentIds(form: FormDefinition, answers: Answers): string[] {
  return allQuestions(form).flatMap((q) => {
    const value = answers[q.id];
    return q.type === 'file' && Array.isArray(value)
      ? value.filter((v): v is string => typeof v === 'string')
      : [];
  });
}
