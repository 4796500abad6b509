import { describe, expect, it } from 'vitest';
import { acceptAttribute, checkChosenFile, formatFileSize } from './file-kinds';

describe('file checks before upload', () => {
  const rules = { accept: ['pdf', 'image'] as const, maxSizeBytes: 2 * 1024 * 1024 };

  it('accepts a file of an accepted kind within the size', () => {
    expect(
      checkChosenFile({ name: 'แผนงาน.PDF', size: 1000 }, { ...rules, accept: [...rules.accept] }),
    ).toBeNull();
    expect(
      checkChosenFile({ name: 'photo.jpeg', size: 2 * 1024 * 1024 }, { ...rules, accept: [...rules.accept] }),
    ).toBeNull();
  });

  it('refuses other kinds and files over the size', () => {
    expect(
      checkChosenFile({ name: 'budget.xlsx', size: 10 }, { ...rules, accept: [...rules.accept] }),
    ).toEqual({
      problem: 'wrongType',
      name: 'budget.xlsx',
    });
    expect(
      checkChosenFile({ name: 'noextension', size: 10 }, { ...rules, accept: [...rules.accept] })?.problem,
    ).toBe('wrongType');
    expect(
      checkChosenFile(
        { name: 'big.pdf', size: 2 * 1024 * 1024 + 1 },
        { ...rules, accept: [...rules.accept] },
      ),
    ).toEqual({ problem: 'tooBig', name: 'big.pdf', size: 2 * 1024 * 1024 + 1 });
  });

  it('builds the accept attribute and sizes for people', () => {
    expect(acceptAttribute(['pdf', 'word'])).toBe('.pdf,.doc,.docx,.odt');
    expect(formatFileSize(500)).toBe('1 KB');
    expect(formatFileSize(820 * 1024)).toBe('820 KB');
    expect(formatFileSize(12.5 * 1024 * 1024)).toBe('13 MB');
    expect(formatFileSize(2.25 * 1024 * 1024)).toBe('2.3 MB');
  });
});
