import { describe, expect, it } from 'vitest';
import type { Question } from '@shared/contracts/forms';
import type { Translate } from '@web/lib/forms';
import { checkDefinition, issuesUnder, serverIssues } from './issues';
import {
  changeQuestionType,
  cleanIdInput,
  conditionSources,
  dropConditionsOn,
  fromDefinition,
  idFromLabel,
  isValidId,
  moveItem,
  moveQuestion,
  newOption,
  newQuestion,
  newSection,
  pruneConditionValues,
  renameConditionTarget,
  starterForm,
  toDefinition,
  uniqueId,
  type BuilderForm,
} from './model';

const t: Translate = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);

function sampleForm(): BuilderForm {
  return fromDefinition({
    sections: [
      {
        id: 'about',
        titleTh: 'เกี่ยวกับ',
        titleEn: 'About',
        questions: [
          {
            id: 'kind',
            labelTh: 'ประเภท',
            labelEn: 'Kind',
            required: true,
            type: 'single_choice',
            options: [
              { value: 'water', labelTh: 'น้ำ', labelEn: 'Water' },
              { value: 'food', labelTh: 'อาหาร', labelEn: 'Food' },
            ],
          },
          { id: 'has_partner', labelTh: 'มีภาคี', labelEn: 'Has partner', required: false, type: 'yes_no' },
        ],
      },
      {
        id: 'detail',
        titleTh: 'รายละเอียด',
        titleEn: 'Detail',
        questions: [
          {
            id: 'partner_name',
            labelTh: 'ชื่อภาคี',
            labelEn: 'Partner name',
            required: true,
            type: 'short_text',
            showWhen: { questionId: 'has_partner', anyOf: ['yes'] },
          },
          {
            id: 'water_source',
            labelTh: 'แหล่งน้ำ',
            labelEn: 'Water source',
            required: false,
            type: 'long_text',
            showWhen: { questionId: 'kind', anyOf: ['water', 'food'] },
          },
        ],
      },
    ],
  });
}

describe('ids from labels', () => {
  it('makes a-z0-9_ ids that start with a letter', () => {
    expect(idFromLabel('Budget plan (2569)', new Set(), 'question')).toBe('budget_plan_2569');
    expect(idFromLabel('  Team -- members  ', new Set(), 'question')).toBe('team_members');
    expect(idFromLabel('2nd phase', new Set(), 'question')).toBe('question_2nd_phase');
    expect(idFromLabel('Café résumé', new Set(), 'question')).toBe('cafe_resume');
  });

  it('falls back when the label has no Latin letters (Thai only)', () => {
    expect(idFromLabel('ชื่อโครงการ', new Set(), 'question')).toBe('question');
    expect(idFromLabel('ชื่อโครงการ', new Set(['question', 'question_2']), 'question')).toBe('question_3');
  });

  it('keeps ids unique and within 50 characters', () => {
    const long = 'a'.repeat(60);
    const first = idFromLabel(long, new Set(), 'q');
    expect(first).toHaveLength(50);
    const second = uniqueId(first, new Set([first]));
    expect(second).toHaveLength(50);
    expect(second.endsWith('_2')).toBe(true);
    expect(isValidId(second)).toBe(true);
  });

  it('cleans what a person types into an id field', () => {
    expect(cleanIdInput('Project Title-2')).toBe('project_title_2');
    expect(cleanIdInput('ชื่อ name!')).toBe('_name');
    expect(isValidId('_name')).toBe(false);
    expect(isValidId('name_2')).toBe(true);
  });
});

describe('reordering', () => {
  it('moves an item up or down and ignores moves past the ends', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('moves a question across the edge of its section into the next one', () => {
    const form = sampleForm();
    const down = moveQuestion(form, 0, 1, 1);
    expect(down.sections[0]?.questions.map((q) => q.question.id)).toEqual(['kind']);
    expect(down.sections[1]?.questions.map((q) => q.question.id)).toEqual([
      'has_partner',
      'partner_name',
      'water_source',
    ]);
    const up = moveQuestion(down, 1, 0, -1);
    expect(up.sections[0]?.questions.map((q) => q.question.id)).toEqual(['kind', 'has_partner']);
    expect(moveQuestion(form, 0, 0, -1)).toBe(form);
  });

  it('reports a condition that comes to point forward', () => {
    const form = sampleForm();
    // Move "partner name" up into the first section, above "has partner".
    let moved = moveQuestion(form, 1, 0, -1);
    moved = moveQuestion(moved, 0, 2, -1);
    const issues = checkDefinition(toDefinition(moved), t);
    expect([...issues.values()]).toContain('errors.form.showWhenUnknown');
  });
});

describe('conditions', () => {
  it('offers only earlier choice and yes/no questions', () => {
    const form = sampleForm();
    const partner = form.sections[1]?.questions[0];
    expect(conditionSources(form, partner?.key ?? '').map((s) => s.id)).toEqual(['kind', 'has_partner']);
    const kind = form.sections[0]?.questions[0];
    expect(conditionSources(form, kind?.key ?? '')).toEqual([]);
    const yesNo = conditionSources(form, partner?.key ?? '')[1];
    expect(yesNo?.values.map((v) => v.value)).toEqual(['yes', 'no']);
  });

  it('follows a renamed question and forgets a removed one', () => {
    const renamed = renameConditionTarget(sampleForm(), 'has_partner', 'partnered');
    expect(renamed.sections[1]?.questions[0]?.question.showWhen?.questionId).toBe('partnered');
    const dropped = dropConditionsOn(sampleForm(), 'kind');
    expect(dropped.sections[1]?.questions[1]?.question.showWhen).toBeUndefined();
    expect(dropped.sections[1]?.questions[0]?.question.showWhen).toBeDefined();
  });

  it('keeps only values a choice still offers', () => {
    const form = sampleForm();
    const kind = form.sections[0]?.questions[0]?.question;
    if (kind?.type !== 'single_choice') {
      throw new Error('sample changed');
    }
    const fewer: Question = { ...kind, options: kind.options.filter((o) => o.value === 'water') };
    const pruned = pruneConditionValues(form, fewer);
    expect(pruned.sections[1]?.questions[1]?.question.showWhen?.anyOf).toEqual(['water']);
    const notChoice = changeQuestionType(kind, 'short_text');
    expect(
      pruneConditionValues(form, notChoice).sections[1]?.questions[1]?.question.showWhen,
    ).toBeUndefined();
  });
});

describe('questions and sections', () => {
  it('keeps the shared fields and a choice question’s options when the type changes', () => {
    const kind = sampleForm().sections[0]?.questions[0]?.question;
    if (!kind) {
      throw new Error('sample changed');
    }
    const multiple = changeQuestionType(kind, 'multiple_choice');
    expect(multiple).toMatchObject({ id: 'kind', labelEn: 'Kind', required: true, type: 'multiple_choice' });
    expect(multiple.type === 'multiple_choice' ? multiple.options : []).toHaveLength(2);
    const file = changeQuestionType(kind, 'file');
    expect(file).toMatchObject({ type: 'file', accept: ['pdf'], maxFiles: 1 });
    expect('options' in file).toBe(false);
  });

  it('gives new questions, sections and options unused ids', () => {
    const form = sampleForm();
    expect(newQuestion(form, 'number', 'จำนวน', 'Kind').question.id).toBe('kind_2');
    expect(newSection(form, 'เกี่ยวกับ', 'About').section.id).toBe('about_2');
    const taken = [
      { value: 'water', labelTh: 'น้ำ', labelEn: 'Water' },
      { value: 'option_3', labelTh: 'x', labelEn: 'x' },
    ];
    expect(newOption(taken, 'ใหม่', 'New').value).toBe('option_3_2');
    expect(newOption(taken.slice(0, 1), 'ใหม่', 'New').value).toBe('option_2');
  });

  it('makes a starter form that passes the shared schema, and every question type does too', () => {
    const form = starterForm({ sectionTh: 'ส่วน', sectionEn: 'Part', questionTh: 'ชื่อ', questionEn: 'Name' });
    expect(checkDefinition(toDefinition(form), t).size).toBe(0);
    const section = form.sections[0];
    if (!section) {
      throw new Error('no section');
    }
    const types = [
      'short_text',
      'long_text',
      'number',
      'money',
      'date',
      'single_choice',
      'multiple_choice',
      'yes_no',
      'file',
      'area',
      'team_table',
      'budget_table',
      'milestones_table',
      'themes',
      'sdgs',
      'logic_model',
      'srl',
    ] as const;
    let all: BuilderForm = form;
    for (const type of types) {
      const item = newQuestion(all, type, `คำถาม ${type}`, `Question ${type}`);
      const first = all.sections[0];
      if (!first) {
        throw new Error('no section');
      }
      all = { sections: [{ ...first, questions: [...first.questions, item] }] };
    }
    expect(checkDefinition(toDefinition(all), t).size).toBe(0);
  });

  it('leaves out empty help texts', () => {
    const form = sampleForm();
    const first = form.sections[0];
    if (!first) {
      throw new Error('no section');
    }
    first.section.helpTh = '  ';
    expect(toDefinition(form).sections[0]).not.toHaveProperty('helpTh', '  ');
    expect(toDefinition(form).sections[0]?.helpTh).toBeUndefined();
  });
});

describe('problems of a definition', () => {
  it('words each problem at its path', () => {
    const form = sampleForm();
    const second = form.sections[1];
    if (!second?.questions[0]) {
      throw new Error('sample changed');
    }
    second.questions[0].question = { ...second.questions[0].question, id: 'kind', labelTh: '' };
    const issues = checkDefinition(toDefinition(form), t);
    expect(issues.get('sections.1.questions.0.id')).toBe('errors.form.duplicateId');
    expect(issues.get('sections.1.questions.0.labelTh')).toBe('forms.required');
    expect(
      issuesUnder(issues, 'sections.1.questions.0')
        .map((i) => i.rest)
        .sort(),
    ).toEqual(['id', 'labelTh']);
    expect(issuesUnder(issues, 'sections.0.questions.0')).toEqual([]);
  });

  it('words a bad id with the id rule', () => {
    const form = sampleForm();
    const first = form.sections[0];
    if (!first) {
      throw new Error('no section');
    }
    first.section.id = '1st';
    expect(checkDefinition(toDefinition(form), t).get('sections.0.id')).toBe('calls.admin.builder.idRule');
  });

  it('maps the server’s field paths onto the builder’s', () => {
    const issues = serverIssues(
      [
        {
          field: 'body.definition.sections.0.questions.1.id',
          code: 'custom',
          message: 'ซ้ำ',
          messageEn: 'dup',
        },
        { field: 'body.definition.sections', code: 'too_small', message: 'server words' },
      ],
      'fallback',
    );
    expect(issues.get('sections.0.questions.1.id')).toBe('ซ้ำ');
    expect(issues.get('sections')).toBe('fallback');
  });
});
