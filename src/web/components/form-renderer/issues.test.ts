import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '@shared/i18n/index';
import { interpolate } from '@web/lib/format';
import type { MessageKey } from '@web/lib/i18n';
import { domIdOf, issueText, issuesOfQuestion, questionOfField } from './issues';

function translate(key: MessageKey, values: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES.th;
  for (const part of key.split('.')) {
    node = (node as Record<string, unknown>)[part];
  }
  return interpolate(String(node), values);
}

describe('answer issues', () => {
  const issues = [
    { field: 'answers.budget', key: 'errors.form.required' },
    { field: 'answers.budget.2.amountSatang', key: 'errors.form.invalidValue' },
    { field: 'answers.budget_note', key: 'errors.form.tooLong', params: { max: 10 } },
  ];

  it('finds the question of a field and the issues of a question', () => {
    expect(questionOfField('answers.budget.2.amountSatang')).toBe('budget');
    expect(questionOfField('titleTh')).toBeNull();
    expect(issuesOfQuestion(issues, 'budget')).toHaveLength(2);
    expect(issuesOfQuestion(issues, 'budget_note')).toHaveLength(1);
  });

  it('makes element ids from fields', () => {
    expect(domIdOf('pf-', 'answers.budget.2.amountSatang')).toBe('pf-answers-budget-2-amountSatang');
  });

  it('words money in baht and dates in the Buddhist Era', () => {
    expect(
      issueText(
        { field: 'answers.x', key: 'errors.form.moneyAboveMax', params: { maxSatang: 50_000_000 } },
        translate,
        'th',
      ),
    ).toBe('จำนวนเงินต้องไม่เกิน 500,000 บาท');
    expect(
      issueText(
        { field: 'answers.d', key: 'errors.form.dateBeforeMin', params: { min: '2026-01-15' } },
        translate,
        'th',
      ),
    ).toBe('วันที่ต้องไม่ก่อน 15 มกราคม 2569');
    expect(
      issueText({ field: 'answers.n', key: 'errors.form.tooLong', params: { max: 10 } }, translate, 'th'),
    ).toBe('ยาวเกิน 10 ตัวอักษร');
    expect(issueText({ field: 'answers.x', key: 'errors.form.noSuchKey' }, translate, 'th')).toBe(
      'ค่าที่กรอกไม่ถูกต้อง',
    );
  });
});
