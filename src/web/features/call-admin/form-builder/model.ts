import {
  BUDGET_CATEGORIES,
  FORM_LIMITS,
  type ChoiceOption,
  type FormDefinition,
  type FormSection,
  type Question,
  type QuestionType,
} from '@shared/contracts/forms';

/**
 * The form builder's working copy of a form definition. Each section and question carries a `key` that stays the
 * same while its id is edited or it is moved (React keys, focus), and `autoId`: while true the id follows the
 * English label (then the Thai one), so a person rarely has to type an id.
 */
export interface BuilderQuestion {
  key: string;
  autoId: boolean;
  question: Question;
}

export interface BuilderSection {
  key: string;
  autoId: boolean;
  section: Omit<FormSection, 'questions'>;
  questions: BuilderQuestion[];
}

export interface BuilderForm {
  sections: BuilderSection[];
}

export const ID_MAX_LENGTH = 50;
const ID_RULE = /^[a-z][a-z0-9_]{0,49}$/;

let counter = 0;
/** A key unique in this page's life. */
export function nextKey(prefix: string): string {
  counter += 1;
  return `${prefix}${counter}`;
}

/** Whether an id is valid: a-z, 0-9 and _, starting with a letter, at most 50 characters. */
export function isValidId(id: string): boolean {
  return ID_RULE.test(id);
}

/**
 * What a person types into an id field, made valid as far as it can be while typing: lower case, spaces and
 * dashes to `_`, other characters dropped, at most 50 characters (a leading digit is left for the check to report).
 */
export function cleanIdInput(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\s-]+/g, '_')
    .replace(/[^a-z0-9_]/g, '')
    .slice(0, ID_MAX_LENGTH);
}

/**
 * An id made from a label: "Budget plan (2569)" → `budget_plan_2569`. Labels with no Latin letters or digits (Thai
 * only) give `fallback`. The result starts with a letter and is unique among `taken` (`_2`, `_3`… appended).
 */
export function idFromLabel(label: string, taken: ReadonlySet<string>, fallback: string): string {
  let base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (base === '') {
    base = fallback;
  } else if (!/^[a-z]/.test(base)) {
    base = `${fallback}_${base}`;
  }
  base = base.slice(0, ID_MAX_LENGTH).replace(/_+$/, '');
  return uniqueId(base, taken);
}

/** `base`, or `base_2`, `base_3`… whichever is not in `taken`, kept within 50 characters. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) {
    return base;
  }
  for (let n = 2; ; n += 1) {
    const suffix = `_${n}`;
    const candidate = `${base.slice(0, ID_MAX_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) {
      return candidate;
    }
  }
}

/** Moves the item at `index` by `by` places (−1 up, +1 down); the same list when it cannot move. */
export function moveItem<T>(list: readonly T[], index: number, by: number): T[] {
  const target = index + by;
  const item = list[index];
  if (item === undefined || target < 0 || target >= list.length) {
    return [...list];
  }
  const next = [...list];
  next.splice(index, 1);
  next.splice(target, 0, item);
  return next;
}

/** Every question id of the form, optionally leaving one question (by key) out. */
export function questionIds(form: BuilderForm, exceptKey?: string): Set<string> {
  const ids = new Set<string>();
  for (const section of form.sections) {
    for (const q of section.questions) {
      if (q.key !== exceptKey) {
        ids.add(q.question.id);
      }
    }
  }
  return ids;
}

export function sectionIds(form: BuilderForm, exceptKey?: string): Set<string> {
  return new Set(form.sections.filter((s) => s.key !== exceptKey).map((s) => s.section.id));
}

/** The base fields every question has, kept when its type changes. */
type QuestionBase = Pick<
  Question,
  'id' | 'labelTh' | 'labelEn' | 'helpTh' | 'helpEn' | 'required' | 'showWhen'
>;

export function defaultOptions(): ChoiceOption[] {
  return [
    { value: 'option_1', labelTh: 'ตัวเลือก 1', labelEn: 'Option 1' },
    { value: 'option_2', labelTh: 'ตัวเลือก 2', labelEn: 'Option 2' },
  ];
}

/** A question of `type` with the type's usual settings, keeping `base` (id, labels, help, required, condition). */
export function questionOfType(type: QuestionType, base: QuestionBase, previous?: Question): Question {
  const options =
    previous && (previous.type === 'single_choice' || previous.type === 'multiple_choice')
      ? previous.options
      : defaultOptions();
  switch (type) {
    case 'short_text':
      return { ...base, type, maxLength: 200 };
    case 'long_text':
      return { ...base, type, maxLength: 5000 };
    case 'number':
      return { ...base, type };
    case 'money':
      return { ...base, type };
    case 'date':
      return { ...base, type };
    case 'single_choice':
      return { ...base, type, options };
    case 'multiple_choice':
      return { ...base, type, options };
    case 'yes_no':
      return { ...base, type };
    case 'file':
      return { ...base, type, accept: ['pdf'], maxFiles: 1, maxSizeBytes: 10 * 1024 * 1024 };
    case 'area':
      return { ...base, type, level: 'province', multiple: true };
    case 'team_table':
      return { ...base, type, maxRows: 30 };
    case 'budget_table':
      return { ...base, type, maxRows: 100, categories: [...BUDGET_CATEGORIES] };
    case 'milestones_table':
      return { ...base, type, maxRows: 30 };
    case 'themes':
      return { ...base, type };
    case 'sdgs':
      return { ...base, type };
    case 'logic_model':
      return { ...base, type };
    case 'srl':
      return { ...base, type };
  }
}

/** Changes a question's type, keeping what all types share; a choice question keeps its options. */
export function changeQuestionType(question: Question, type: QuestionType): Question {
  const { id, labelTh, labelEn, helpTh, helpEn, required, showWhen } = question;
  return questionOfType(type, { id, labelTh, labelEn, helpTh, helpEn, required, showWhen }, question);
}

/** A new question at the end of the form, with a unique id. */
export function newQuestion(
  form: BuilderForm,
  type: QuestionType,
  labelTh: string,
  labelEn: string,
): BuilderQuestion {
  const id = idFromLabel(labelEn, questionIds(form), 'question');
  return {
    key: nextKey('q'),
    autoId: true,
    question: questionOfType(type, { id, labelTh, labelEn, required: false }),
  };
}

export function newSection(form: BuilderForm, titleTh: string, titleEn: string): BuilderSection {
  return {
    key: nextKey('s'),
    autoId: true,
    section: { id: idFromLabel(titleEn, sectionIds(form), 'section'), titleTh, titleEn },
    questions: [],
  };
}

/** A new option for a choice question, with a value key not used by its other options. */
export function newOption(options: readonly ChoiceOption[], labelTh: string, labelEn: string): ChoiceOption {
  const taken = new Set(options.map((o) => o.value));
  return { value: uniqueId(`option_${options.length + 1}`, taken), labelTh, labelEn };
}

/** The builder's working copy of a saved definition (every id taken as chosen, not automatic). */
export function fromDefinition(definition: FormDefinition): BuilderForm {
  return {
    sections: definition.sections.map(({ questions, ...section }) => ({
      key: nextKey('s'),
      autoId: false,
      section,
      questions: questions.map((question) => ({ key: nextKey('q'), autoId: false, question })),
    })),
  };
}

const blankToUndefined = (value: string | undefined) => (value && value.trim() !== '' ? value : undefined);

/** The definition to save: empty help texts left out, nothing of the builder's own. */
export function toDefinition(form: BuilderForm): FormDefinition {
  return {
    sections: form.sections.map((s) => ({
      ...s.section,
      helpTh: blankToUndefined(s.section.helpTh),
      helpEn: blankToUndefined(s.section.helpEn),
      questions: s.questions.map(({ question }) => ({
        ...question,
        helpTh: blankToUndefined(question.helpTh),
        helpEn: blankToUndefined(question.helpEn),
      })),
    })),
  };
}

/** A question a condition may look at: an earlier choice or yes/no question. */
export interface ConditionSource {
  id: string;
  labelTh: string;
  labelEn: string;
  values: Array<{ value: string; labelTh: string; labelEn: string }>;
}

const YES_NO_VALUES = [
  { value: 'yes', labelTh: 'ใช่', labelEn: 'Yes' },
  { value: 'no', labelTh: 'ไม่ใช่', labelEn: 'No' },
];

/** The values a condition may wait for on `question` (its options, or yes/no); null for other types. */
export function conditionValues(question: Question): ConditionSource['values'] | null {
  if (question.type === 'single_choice' || question.type === 'multiple_choice') {
    return question.options;
  }
  return question.type === 'yes_no' ? YES_NO_VALUES : null;
}

/** The choice and yes/no questions before the one with `key`, in form order. */
export function conditionSources(form: BuilderForm, key: string): ConditionSource[] {
  const sources: ConditionSource[] = [];
  for (const section of form.sections) {
    for (const { key: qKey, question } of section.questions) {
      if (qKey === key) {
        return sources;
      }
      const values = conditionValues(question);
      if (values) {
        sources.push({ id: question.id, labelTh: question.labelTh, labelEn: question.labelEn, values });
      }
    }
  }
  return sources;
}

/** Points conditions that named `from` at `to` after a question's id changed. */
export function renameConditionTarget(form: BuilderForm, from: string, to: string): BuilderForm {
  if (from === to) {
    return form;
  }
  return mapQuestions(form, (q) =>
    q.question.showWhen?.questionId === from
      ? { ...q, question: { ...q.question, showWhen: { ...q.question.showWhen, questionId: to } } }
      : q,
  );
}

/** Drops the conditions that named a removed question. */
export function dropConditionsOn(form: BuilderForm, questionId: string): BuilderForm {
  return mapQuestions(form, (q) => {
    if (q.question.showWhen?.questionId !== questionId) {
      return q;
    }
    const { showWhen: _dropped, ...rest } = q.question;
    return { ...q, question: rest };
  });
}

/** Keeps, in conditions on a choice question, only values it still offers (after its options changed). */
export function pruneConditionValues(form: BuilderForm, source: Question): BuilderForm {
  const values = conditionValues(source);
  if (!values) {
    return dropConditionsOn(form, source.id);
  }
  const allowed = new Set(values.map((v) => v.value));
  return mapQuestions(form, (q) => {
    const showWhen = q.question.showWhen;
    if (showWhen?.questionId !== source.id) {
      return q;
    }
    const anyOf = showWhen.anyOf.filter((v) => allowed.has(v));
    return {
      ...q,
      question: {
        ...q.question,
        showWhen: { ...showWhen, anyOf: anyOf.length > 0 ? anyOf : showWhen.anyOf },
      },
    };
  });
}

function mapQuestions(form: BuilderForm, fn: (q: BuilderQuestion) => BuilderQuestion): BuilderForm {
  return {
    sections: form.sections.map((s) => ({ ...s, questions: s.questions.map(fn) })),
  };
}

/** Moves a question up or down; at the edge of a section it moves into the neighbouring section. */
export function moveQuestion(
  form: BuilderForm,
  sectionIndex: number,
  questionIndex: number,
  by: -1 | 1,
): BuilderForm {
  const section = form.sections[sectionIndex];
  const question = section?.questions[questionIndex];
  if (!section || !question) {
    return form;
  }
  const target = questionIndex + by;
  if (target >= 0 && target < section.questions.length) {
    return replaceSection(form, sectionIndex, {
      ...section,
      questions: moveItem(section.questions, questionIndex, by),
    });
  }
  const neighbourIndex = sectionIndex + by;
  const neighbour = form.sections[neighbourIndex];
  if (!neighbour || neighbour.questions.length >= FORM_LIMITS.questionsPerSection) {
    return form;
  }
  const sections = [...form.sections];
  sections[sectionIndex] = { ...section, questions: section.questions.filter((_, i) => i !== questionIndex) };
  sections[neighbourIndex] = {
    ...neighbour,
    questions: by < 0 ? [...neighbour.questions, question] : [question, ...neighbour.questions],
  };
  return { sections };
}

export function replaceSection(form: BuilderForm, index: number, section: BuilderSection): BuilderForm {
  return { sections: form.sections.map((s, i) => (i === index ? section : s)) };
}

/** Where a question sits, by its key. */
export function findQuestion(
  form: BuilderForm,
  key: string,
): { sectionIndex: number; questionIndex: number } | null {
  for (const [sectionIndex, section] of form.sections.entries()) {
    const questionIndex = section.questions.findIndex((q) => q.key === key);
    if (questionIndex >= 0) {
      return { sectionIndex, questionIndex };
    }
  }
  return null;
}

/** A small starting form for a stage that has none yet: one section, one required short-text question. */
export function starterForm(labels: {
  sectionTh: string;
  sectionEn: string;
  questionTh: string;
  questionEn: string;
}): BuilderForm {
  const empty: BuilderForm = { sections: [] };
  const section = newSection(empty, labels.sectionTh, labels.sectionEn);
  const question = newQuestion(empty, 'short_text', labels.questionTh, labels.questionEn);
  question.question.required = true;
  return { sections: [{ ...section, questions: [question] }] };
}
