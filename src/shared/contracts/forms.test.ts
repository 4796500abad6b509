import { describe, expect, it } from 'vitest';
import { FormDefinitionSchema, type QuestionInput } from './forms';

const label = { labelTh: 'คำถาม', labelEn: 'Question' };
const options = [
  { value: 'a', labelTh: 'ก', labelEn: 'A' },
  { value: 'b', labelTh: 'ข', labelEn: 'B' },
];

function problems(...sections: QuestionInput[][]): Array<[string, string]> {
  const result = FormDefinitionSchema.safeParse({
    sections: sections.map((questions, i) => ({ id: `s${i}`, titleTh: 'ส่วน', titleEn: 'Part', questions })),
  });
  return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
}

describe('FormDefinitionSchema', () => {
  it.each([
    ['a plain form', [[{ id: 'a', type: 'short_text', ...label }]], []],
    [
      'question ids repeated across sections',
      [[{ id: 'a', type: 'short_text', ...label }], [{ id: 'a', type: 'long_text', ...label }]],
      [['sections.1.questions.0.id', 'errors.form.duplicateId']],
    ],
    [
      'a condition on an earlier choice',
      [
        [
          { id: 'a', type: 'single_choice', ...label, options },
          { id: 'b', type: 'short_text', ...label, showWhen: { questionId: 'a', anyOf: ['a'] } },
        ],
      ],
      [],
    ],
    [
      'a condition on a later question',
      [
        [
          { id: 'b', type: 'short_text', ...label, showWhen: { questionId: 'a', anyOf: ['yes'] } },
          { id: 'a', type: 'yes_no', ...label },
        ],
      ],
      [['sections.0.questions.0.showWhen', 'errors.form.showWhenUnknown']],
    ],
    [
      'a condition on a text question',
      [
        [
          { id: 'a', type: 'short_text', ...label },
          { id: 'b', type: 'short_text', ...label, showWhen: { questionId: 'a', anyOf: ['x'] } },
        ],
      ],
      [['sections.0.questions.1.showWhen', 'errors.form.showWhenNotChoice']],
    ],
    [
      'repeated option values',
      [[{ id: 'a', type: 'multiple_choice', ...label, options: [options[0], options[0]] }]],
      [['sections.0.questions.0.options', 'errors.form.duplicateOption']],
    ],
    [
      'a number range upside down',
      [[{ id: 'a', type: 'number', ...label, min: 5, max: 1 }]],
      [['sections.0.questions.0', 'errors.form.minAboveMax']],
    ],
    [
      'a money range upside down',
      [[{ id: 'a', type: 'money', ...label, minSatang: 5, maxSatang: 1 }]],
      [['sections.0.questions.0', 'errors.form.minAboveMax']],
    ],
    [
      'a text length range upside down',
      [[{ id: 'a', type: 'long_text', ...label, minLength: 50, maxLength: 10 }]],
      [['sections.0.questions.0', 'errors.form.minAboveMax']],
    ],
  ] as Array<[string, QuestionInput[][], Array<[string, string]>]>)('%s', (_name, sections, expected) => {
    expect(problems(...sections)).toEqual(expected);
  });

  it('refuses an empty form and ids that are not keys', () => {
    expect(FormDefinitionSchema.safeParse({ sections: [] }).success).toBe(false);
    expect(problems([{ id: 'Bad Id', type: 'short_text', ...label }])).not.toEqual([]);
  });

  it('fills the defaults a renderer relies on', () => {
    const parsed = FormDefinitionSchema.parse({
      sections: [
        {
          id: 's',
          titleTh: 'ส่วน',
          titleEn: 'Part',
          questions: [
            { id: 'f', type: 'file', ...label, accept: ['pdf'] },
            { id: 'b', type: 'budget_table', ...label },
          ],
        },
      ],
    });
    expect(parsed.sections[0]?.questions).toMatchObject([
      { required: false, maxFiles: 1, maxSizeBytes: 10 * 1024 * 1024 },
      {
        required: false,
        maxRows: 100,
        categories: ['personnel', 'operating', 'materials', 'equipment', 'services', 'other'],
      },
    ]);
  });
});
