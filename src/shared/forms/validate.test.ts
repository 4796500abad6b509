import { describe, expect, it } from 'vitest';
import {
  FormDefinitionSchema,
  type Answers,
  type FormDefinition,
  type FormDefinitionInput,
  type QuestionInput,
} from '@shared/contracts/forms';
import {
  answerAttachmentIds,
  answerProvinces,
  answerThemes,
  budgetTotalSatang,
  hasBudgetTable,
  isQuestionVisible,
  keepVisibleAnswers,
  validateAnswers,
} from './validate';

const label = { labelTh: 'คำถาม', labelEn: 'Question' };
const FILE_A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const FILE_B = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function form(...questions: QuestionInput[]): FormDefinition {
  const input: FormDefinitionInput = {
    sections: [{ id: 'main', titleTh: 'ส่วนหลัก', titleEn: 'Main', questions }],
  };
  return FormDefinitionSchema.parse(input);
}

/** Issues as `field key` strings, for short expectations. */
function issues(definition: FormDefinition, answers: Answers, mode: 'draft' | 'submit'): string[] {
  return validateAnswers(definition, answers, mode).map((i) => `${i.field} ${i.key}`);
}

type Case = [name: string, question: QuestionInput, value: unknown, draft: string[], submit: string[]];

const q = (question: Record<string, unknown>) => ({ id: 'q', ...label, ...question }) as QuestionInput;
const at = (key: string, path = '') => `answers.q${path} errors.form.${key}`;

const CASES: Case[] = [
  // short text: the question's limit applies on submit; drafts only keep to the hard limit
  ['short text within limits', q({ type: 'short_text', maxLength: 10 }), 'สวัสดี', [], []],
  [
    'short text over its limit',
    q({ type: 'short_text', maxLength: 10 }),
    'x'.repeat(11),
    [],
    [at('tooLong')],
  ],
  [
    'short text over the hard limit',
    q({ type: 'short_text' }),
    'x'.repeat(501),
    [at('tooLong')],
    [at('tooLong')],
  ],
  ['short text of the wrong type', q({ type: 'short_text' }), 42, [at('invalidType')], [at('invalidType')]],
  // long text counts characters, not UTF-16 units
  ['long text too short', q({ type: 'long_text', minLength: 5 }), 'กขค', [], [at('tooShort')]],
  ['long text just long enough', q({ type: 'long_text', minLength: 3, maxLength: 3 }), 'กขค', [], []],
  ['long text too long', q({ type: 'long_text', maxLength: 3 }), 'กขคง', [], [at('tooLong')]],
  // number
  ['number in range', q({ type: 'number', min: 1, max: 10, integer: true }), 5, [], []],
  ['number below min', q({ type: 'number', min: 1 }), 0, [], [at('belowMin')]],
  ['number above max', q({ type: 'number', max: 10 }), 11, [], [at('aboveMax')]],
  ['number not whole', q({ type: 'number', integer: true }), 2.5, [], [at('notInteger')]],
  ['number as text', q({ type: 'number' }), '5', [at('invalidType')], [at('invalidType')]],
  ['number infinite', q({ type: 'number' }), Infinity, [at('invalidType')], [at('invalidType')]],
  // money is whole satang
  ['money in range', q({ type: 'money', minSatang: 100, maxSatang: 1000 }), 500, [], []],
  ['money below min', q({ type: 'money', minSatang: 100 }), 50, [], [at('moneyBelowMin')]],
  ['money above max', q({ type: 'money', maxSatang: 1000 }), 2000, [], [at('moneyAboveMax')]],
  [
    'money with a fraction of a satang',
    q({ type: 'money' }),
    1.5,
    [at('invalidMoney')],
    [at('invalidMoney')],
  ],
  ['money negative', q({ type: 'money' }), -1, [at('invalidMoney')], [at('invalidMoney')]],
  [
    'money over the platform limit',
    q({ type: 'money' }),
    1e12 + 1,
    [at('invalidMoney')],
    [at('invalidMoney')],
  ],
  // date
  ['date in range', q({ type: 'date', min: '2026-01-01', max: '2026-12-31' }), '2026-06-01', [], []],
  ['date before min', q({ type: 'date', min: '2026-01-01' }), '2025-12-31', [], [at('dateBeforeMin')]],
  ['date after max', q({ type: 'date', max: '2026-12-31' }), '2027-01-01', [], [at('dateAfterMax')]],
  ['date impossible', q({ type: 'date' }), '2026-13-01', [at('invalidDate')], [at('invalidDate')]],
  ['date in another format', q({ type: 'date' }), '01/02/2026', [at('invalidDate')], [at('invalidDate')]],
];

const options = [
  { value: 'a', labelTh: 'ก', labelEn: 'A' },
  { value: 'b', labelTh: 'ข', labelEn: 'B' },
  { value: 'c', labelTh: 'ค', labelEn: 'C' },
];
const area = { provinceCode: 58, districtCode: 5801, subdistrictCode: 580101 };
const budgetRow = { category: 'personnel', description: 'ค่าตอบแทน', amountSatang: 100 };

CASES.push(
  ['single choice known', q({ type: 'single_choice', options }), 'a', [], []],
  [
    'single choice unknown',
    q({ type: 'single_choice', options }),
    'z',
    [at('invalidChoice')],
    [at('invalidChoice')],
  ],
  [
    'multiple choice within counts',
    q({ type: 'multiple_choice', options, minSelected: 2, maxSelected: 2 }),
    ['a', 'b'],
    [],
    [],
  ],
  [
    'multiple choice too few',
    q({ type: 'multiple_choice', options, minSelected: 2 }),
    ['a'],
    [],
    [at('tooFewSelected')],
  ],
  [
    'multiple choice too many',
    q({ type: 'multiple_choice', options, maxSelected: 2 }),
    ['a', 'b', 'c'],
    [],
    [at('tooManySelected')],
  ],
  [
    'multiple choice repeated',
    q({ type: 'multiple_choice', options }),
    ['a', 'a'],
    [at('invalidChoice')],
    [at('invalidChoice')],
  ],
  [
    'multiple choice unknown',
    q({ type: 'multiple_choice', options }),
    ['z'],
    [at('invalidChoice')],
    [at('invalidChoice')],
  ],
  ['yes/no', q({ type: 'yes_no' }), false, [], []],
  ['yes/no as text', q({ type: 'yes_no' }), 'yes', [at('invalidType')], [at('invalidType')]],
  ['file ids', q({ type: 'file', accept: ['pdf'] }), [FILE_A], [], []],
  [
    'too many files',
    q({ type: 'file', accept: ['pdf'] }),
    [FILE_A, FILE_B],
    [at('tooManyFiles')],
    [at('tooManyFiles')],
  ],
  [
    'file that is not an id',
    q({ type: 'file', accept: ['pdf'] }),
    ['x.pdf'],
    [at('invalidType')],
    [at('invalidType')],
  ],
  ['area to the subdistrict', q({ type: 'area', level: 'subdistrict', multiple: false }), [area], [], []],
  [
    'area without district',
    q({ type: 'area', level: 'district' }),
    [{ provinceCode: 58 }],
    [],
    [at('required', '.0.districtCode')],
  ],
  [
    'area without subdistrict',
    q({ type: 'area', level: 'subdistrict' }),
    [{ provinceCode: 58, districtCode: 5801 }],
    [],
    [at('required', '.0.subdistrictCode')],
  ],
  ['province-level area', q({ type: 'area', level: 'province' }), [{ provinceCode: 58 }], [], []],
  [
    'two areas where one is allowed',
    q({ type: 'area', level: 'province', multiple: false }),
    [{ provinceCode: 58 }, { provinceCode: 10 }],
    [],
    [at('onlyOneArea')],
  ],
  [
    'area with a bad code',
    q({ type: 'area', level: 'province' }),
    [{ provinceCode: 5 }],
    [at('invalidArea', '.0')],
    [at('invalidArea', '.0')],
  ],
  [
    'area not a list',
    q({ type: 'area', level: 'province' }),
    'ขอนแก่น',
    [at('invalidType')],
    [at('invalidType')],
  ],
  ['team row', q({ type: 'team_table' }), [{ name: 'สมชาย', role: 'หัวหน้าโครงการ' }], [], []],
  [
    'team row without a name',
    q({ type: 'team_table' }),
    [{ name: ' ', role: 'ผู้ช่วย' }],
    [],
    [at('required', '.0.name')],
  ],
  [
    'team row missing a column',
    q({ type: 'team_table' }),
    [{ name: 'สมชาย' }],
    [at('invalidValue', '.0.role')],
    [at('invalidValue', '.0.role')],
  ],
  [
    'team table too long',
    q({ type: 'team_table', maxRows: 1 }),
    [
      { name: 'ก', role: 'ข' },
      { name: 'ค', role: 'ง' },
    ],
    [at('tooManyRows')],
    [at('tooManyRows')],
  ],
  ['budget row', q({ type: 'budget_table', categories: ['personnel', 'materials'] }), [budgetRow], [], []],
  [
    'budget row of a category the form leaves out',
    q({ type: 'budget_table', categories: ['personnel'] }),
    [{ ...budgetRow, category: 'equipment' }],
    [],
    [at('invalidChoice', '.0.category')],
  ],
  [
    'budget row in fractions of a satang',
    q({ type: 'budget_table' }),
    [{ ...budgetRow, amountSatang: 1.5 }],
    [at('invalidValue', '.0.amountSatang')],
    [at('invalidValue', '.0.amountSatang')],
  ],
  [
    'budget row without a description',
    q({ type: 'budget_table' }),
    [{ ...budgetRow, description: '' }],
    [],
    [at('required', '.0.description')],
  ],
  ['milestone', q({ type: 'milestones_table' }), [{ title: 'ทดลองใช้', dueDate: '2027-03-31' }], [], []],
  [
    'milestone without a date',
    q({ type: 'milestones_table' }),
    [{ title: 'ทดลองใช้', dueDate: '' }],
    [],
    [at('required', '.0.dueDate')],
  ],
  [
    'milestone with a bad date',
    q({ type: 'milestones_table' }),
    [{ title: 'ทดลองใช้', dueDate: 'soon' }],
    [at('invalidValue', '.0.dueDate')],
    [at('invalidValue', '.0.dueDate')],
  ],
  ['themes', q({ type: 'themes', maxSelected: 1 }), ['health'], [], []],
  [
    'too many themes',
    q({ type: 'themes', maxSelected: 1 }),
    ['health', 'environment'],
    [],
    [at('tooManySelected')],
  ],
  ['unknown theme', q({ type: 'themes' }), ['space'], [at('invalidChoice')], [at('invalidChoice')]],
  ['SDGs', q({ type: 'sdgs', maxSelected: 2 }), [1, 17], [], []],
  ['SDG 18', q({ type: 'sdgs' }), [18], [at('invalidChoice')], [at('invalidChoice')]],
  ['too many SDGs', q({ type: 'sdgs', maxSelected: 2 }), [1, 2, 3], [], [at('tooManySelected')]],
  ['logic model', q({ type: 'logic_model' }), { inputs: 'ทุน', impact: 'รายได้เพิ่ม' }, [], []],
  [
    'logic model with an unknown part',
    q({ type: 'logic_model' }),
    { budget: 'x' },
    [at('invalidValue')],
    [at('invalidValue')],
  ],
  ['SRL now and target', q({ type: 'srl' }), { current: 3, target: 5 }, [], []],
  ['SRL target below now', q({ type: 'srl' }), { current: 5, target: 3 }, [], [at('srlTargetBelowCurrent')]],
  ['SRL without a target', q({ type: 'srl' }), { current: 3 }, [], [at('required')]],
  ['SRL out of scale', q({ type: 'srl' }), { current: 10 }, [at('invalidValue')], [at('invalidValue')]],
);

describe('validateAnswers, one question type at a time', () => {
  it.each(CASES)('%s', (_name, question, value, draft, submit) => {
    const definition = form(question);
    expect(issues(definition, { q: value }, 'draft')).toEqual(draft);
    expect(issues(definition, { q: value }, 'submit')).toEqual(submit);
  });

  const everyType: QuestionInput[] = [
    q({ type: 'short_text' }),
    q({ type: 'long_text' }),
    q({ type: 'number' }),
    q({ type: 'money' }),
    q({ type: 'date' }),
    q({ type: 'single_choice', options }),
    q({ type: 'multiple_choice', options }),
    q({ type: 'yes_no' }),
    q({ type: 'file', accept: ['pdf'] }),
    q({ type: 'area', level: 'province' }),
    q({ type: 'team_table' }),
    q({ type: 'budget_table' }),
    q({ type: 'milestones_table' }),
    q({ type: 'themes' }),
    q({ type: 'sdgs' }),
    q({ type: 'logic_model' }),
    q({ type: 'srl' }),
  ];

  it('covers all seventeen question types', () => {
    expect(new Set(everyType.map((question) => question.type)).size).toBe(17);
  });

  it.each(everyType.map((question) => [question.type, question] as const))(
    'a required %s left empty is fine in a draft and refused on submit',
    (_type, question) => {
      const definition = form({ ...question, required: true });
      for (const empty of [undefined, null, '', [], {}]) {
        const answers = empty === undefined ? {} : { q: empty };
        expect(issues(definition, answers, 'draft')).toEqual([]);
        expect(issues(definition, answers, 'submit')).toEqual([at('required')]);
      }
    },
  );

  it('reports answers to questions the form does not have, in both modes', () => {
    const definition = form(q({ type: 'short_text' }));
    expect(issues(definition, { other: 'x' }, 'draft')).toEqual([
      'answers.other errors.form.unknownQuestion',
    ]);
    expect(issues(definition, { other: 'x' }, 'submit')).toEqual([
      'answers.other errors.form.unknownQuestion',
    ]);
  });
});

describe('questions shown only when an earlier answer matches', () => {
  const chain = form(
    { id: 'has_partner', type: 'yes_no', ...label },
    {
      id: 'partner_kind',
      type: 'single_choice',
      ...label,
      options,
      showWhen: { questionId: 'has_partner', anyOf: ['yes'] },
    },
    {
      id: 'partner_name',
      type: 'short_text',
      ...label,
      required: true,
      showWhen: { questionId: 'partner_kind', anyOf: ['b'] },
    },
    {
      id: 'tags',
      type: 'multiple_choice',
      ...label,
      options,
    },
    {
      id: 'tag_note',
      type: 'long_text',
      ...label,
      required: true,
      showWhen: { questionId: 'tags', anyOf: ['c'] },
    },
  );

  it.each([
    ['nothing answered: the chain is hidden', {}, []],
    [
      'yes, then b: the required end of the chain is asked for',
      { has_partner: true, partner_kind: 'b' },
      ['answers.partner_name errors.form.required'],
    ],
    ['yes, then a: the end of the chain stays hidden', { has_partner: true, partner_kind: 'a' }, []],
    [
      'no: the middle is hidden, so the end is too, whatever the middle says',
      { has_partner: false, partner_kind: 'b' },
      [],
    ],
    ['a hidden answer is not checked', { has_partner: false, partner_kind: 'zzz' }, []],
    [
      'a multiple choice shows a question when any chosen value matches',
      { tags: ['a', 'c'] },
      ['answers.tag_note errors.form.required'],
    ],
    ['a multiple choice without the value keeps it hidden', { tags: ['a'] }, []],
  ] as Array<[string, Answers, string[]]>)('%s', (_name, answers, expected) => {
    expect(issues(chain, answers, 'submit')).toEqual(expected);
    expect(issues(chain, answers, 'draft')).toEqual([]);
  });

  it('isQuestionVisible follows the chain', () => {
    const [, kind, name] = chain.sections[0]?.questions ?? [];
    if (!kind || !name) {
      throw new Error('form has three questions');
    }
    expect(isQuestionVisible(kind, { has_partner: true }, chain)).toBe(true);
    expect(isQuestionVisible(name, { has_partner: false, partner_kind: 'b' }, chain)).toBe(false);
    expect(isQuestionVisible(name, { has_partner: true, partner_kind: 'b' }, chain)).toBe(true);
  });

  it('keepVisibleAnswers drops hidden and unknown answers', () => {
    expect(
      keepVisibleAnswers(chain, {
        has_partner: false,
        partner_kind: 'b',
        partner_name: 'x',
        stale: 1,
        tags: [],
      }),
    ).toEqual({ has_partner: false, tags: [] });
  });
});

describe('facts drawn from answers', () => {
  const definition = form(
    { id: 'show_extra', type: 'yes_no', ...label },
    { id: 'budget', type: 'budget_table', ...label },
    {
      id: 'extra_budget',
      type: 'budget_table',
      ...label,
      showWhen: { questionId: 'show_extra', anyOf: ['yes'] },
    },
    { id: 'where', type: 'area', ...label, level: 'province' },
    {
      id: 'more_where',
      type: 'area',
      ...label,
      level: 'district',
      showWhen: { questionId: 'show_extra', anyOf: ['yes'] },
    },
    { id: 'themes', type: 'themes', ...label },
    { id: 'docs', type: 'file', ...label, accept: ['pdf'], maxFiles: 3 },
  );
  const answers: Answers = {
    show_extra: false,
    budget: [
      { category: 'personnel', description: 'ก', amountSatang: 150_000_00 },
      { category: 'materials', description: 'ข', amountSatang: 25_50 },
      { category: 'materials', description: 'ไม่ถูกต้อง', amountSatang: -5 },
    ],
    extra_budget: [{ category: 'other', description: 'ค', amountSatang: 1_000_00 }],
    where: [{ provinceCode: 58 }, { provinceCode: 40 }, { provinceCode: 58 }, { provinceCode: 'x' }],
    more_where: [{ provinceCode: 10, districtCode: 1001 }],
    themes: ['health', 'environment', 'health', 'space'],
    docs: [FILE_A, FILE_B],
  };

  it.each([
    [
      'budget total of visible tables, valid rows only',
      () => budgetTotalSatang(definition, answers),
      150_025_50,
    ],
    [
      'budget total with the hidden table shown',
      () => budgetTotalSatang(definition, { ...answers, show_extra: true }),
      151_025_50,
    ],
    ['provinces, sorted and without repeats', () => answerProvinces(definition, answers), [40, 58]],
    [
      'provinces of a shown area question',
      () => answerProvinces(definition, { ...answers, show_extra: true }),
      [10, 40, 58],
    ],
    ['themes, known ones only', () => answerThemes(definition, answers), ['environment', 'health']],
    ['attachment ids', () => answerAttachmentIds(definition, answers), [FILE_A, FILE_B]],
    ['a form with a budget table', () => hasBudgetTable(definition), true],
    ['a form without one', () => hasBudgetTable(form(q({ type: 'money' }))), false],
    ['no budget answers', () => budgetTotalSatang(definition, {}), 0],
  ] as Array<[string, () => unknown, unknown]>)('%s', (_name, compute, expected) => {
    expect(compute()).toEqual(expected);
  });
});
