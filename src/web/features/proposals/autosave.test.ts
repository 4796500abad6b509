import { describe, expect, it } from 'vitest';
import {
  applySaved,
  differences,
  isDirty,
  mergeKeepMine,
  saveBody,
  sameAnswer,
  type Draft,
} from './autosave';

const draft = (answers: Draft['answers'], more: Partial<Draft> = {}): Draft => ({
  titleTh: 'ข้อเสนอ',
  titleEn: '',
  problemStatementId: null,
  coApplicantIds: [],
  answers,
  ...more,
});

describe('comparing answers', () => {
  it('treats every empty answer alike and ignores key order', () => {
    expect(sameAnswer('', undefined)).toBe(true);
    expect(sameAnswer([], null)).toBe(true);
    expect(sameAnswer({ current: null, target: null }, undefined)).toBe(true);
    expect(sameAnswer({ a: 1, b: [2, { c: 3, d: 4 }] }, { b: [2, { d: 4, c: 3 }], a: 1 })).toBe(true);
    expect(sameAnswer([1, 2], [2, 1])).toBe(false);
    expect(sameAnswer('a', 'a ')).toBe(false);
  });

  it('is dirty only when something differs from the last acknowledged save', () => {
    const synced = draft({
      summary: 'x',
      budget: [{ category: 'other', description: 'a', amountSatang: 100 }],
    });
    expect(isDirty(draft({ ...synced.answers }), synced)).toBe(false);
    expect(isDirty(draft({ ...synced.answers, extra: '' }), synced)).toBe(false);
    expect(isDirty(draft({ ...synced.answers, summary: 'xy' }), synced)).toBe(true);
    expect(isDirty(draft(synced.answers, { titleEn: 'Proposal' }), synced)).toBe(true);
  });
});

describe('autosave body', () => {
  it('sends the version and only the parts that changed, the answers whole', () => {
    const synced = draft({ a: 'one', b: 'two' });
    const local = draft({ a: 'one', b: 'three' }, { titleEn: 'Title' });
    expect(saveBody(local, synced, 7)).toEqual({
      version: 7,
      titleEn: 'Title',
      answers: { a: 'one', b: 'three' },
    });
    expect(saveBody(synced, synced, 7)).toBeNull();
  });

  it('does not send an empty Thai title, and remembers what was sent', () => {
    const synced = draft({ a: 'one' });
    const local = draft({ a: 'two' }, { titleTh: '  ' });
    const body = saveBody(local, synced, 3);
    expect(body).toEqual({ version: 3, answers: { a: 'two' } });
    const after = applySaved(synced, local, body ?? { version: 3 });
    expect(after.titleTh).toBe('ข้อเสนอ');
    expect(after.answers).toEqual({ a: 'two' });
    expect(isDirty(local, after)).toBe(true);
  });
});

describe('keep mine after a conflict', () => {
  const base = draft({ summary: 'base', plan: 'base plan', budget: [] }, { titleEn: 'Base' });

  it('keeps what I changed and takes their changes elsewhere', () => {
    const mine = draft({ summary: 'my summary', plan: 'base plan', budget: [] }, { titleEn: 'Base' });
    const theirs = draft(
      { summary: 'base', plan: 'their plan', budget: [], extra: 'new' },
      { titleEn: 'Theirs' },
    );
    expect(mergeKeepMine(base, mine, theirs)).toEqual(
      draft({ summary: 'my summary', plan: 'their plan', budget: [], extra: 'new' }, { titleEn: 'Theirs' }),
    );
  });

  it('overwrites theirs where both changed the same answer, never dropping what I typed', () => {
    const mine = draft({ summary: 'typed in tab B', plan: 'base plan', budget: [] }, { titleEn: 'Base' });
    const theirs = draft({ summary: 'typed in tab A', plan: 'base plan', budget: [] }, { titleEn: 'Base' });
    const merged = mergeKeepMine(base, mine, theirs);
    expect(merged.answers.summary).toBe('typed in tab B');
    expect(differences(mine, theirs, ['summary', 'plan'])).toEqual([
      { kind: 'answer', questionId: 'summary', mine: 'typed in tab B', theirs: 'typed in tab A' },
    ]);
  });

  it('keeps an answer I cleared cleared', () => {
    const mine = draft({ summary: '', plan: 'base plan', budget: [] }, { titleEn: 'Base' });
    const theirs = draft({ summary: 'base', plan: 'base plan', budget: [] }, { titleEn: 'Base' });
    expect(mergeKeepMine(base, mine, theirs).answers.summary).toBe('');
  });

  it('lists differences fields first, then answers in the form order', () => {
    const mine = draft({ b: '1', a: '1' }, { titleTh: 'ของฉัน' });
    const theirs = draft({ a: '2', b: '2' });
    expect(
      differences(mine, theirs, ['a', 'b']).map((d) => (d.kind === 'field' ? d.field : d.questionId)),
    ).toEqual(['titleTh', 'a', 'b']);
  });
});
