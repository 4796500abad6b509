import { describe, expect, it } from 'vitest';
import { en } from './en';
import { th } from './th';
import { negotiateLanguage } from './languages';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) {
    return [prefix];
  }
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('catalogues', () => {
  it('have the same keys in Thai and English', () => {
    expect(keys(en).sort()).toEqual(keys(th).sort());
  });

  it('have no empty strings', () => {
    for (const catalogue of [th, en]) {
      const flat = keys(catalogue).map((k) =>
        k.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], catalogue),
      );
      expect(flat.every((v) => typeof v === 'string' && v.trim().length > 0)).toBe(true);
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    for (const key of keys(th)) {
      const get = (c: unknown) =>
        key.split('.').reduce<unknown>((o, part) => (o as Record<string, unknown>)[part], c) as string;
      const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(get(en)), key).toEqual(placeholders(get(th)));
    }
  });
});

describe('negotiateLanguage', () => {
  it.each([
    [undefined, undefined, 'th'],
    ['en', undefined, 'en'],
    ['en', 'th', 'en'],
    ['fr', 'en-GB,en;q=0.9', 'en'],
    [undefined, 'fr-FR, en;q=0.5, th;q=0.8', 'th'],
    [undefined, 'de, fr;q=0.9', 'th'],
    [undefined, 'en;q=0', 'th'],
    [undefined, 'EN-us', 'en'],
  ] as const)('cookie %s, Accept-Language %s → %s', (cookie, accept, expected) => {
    expect(negotiateLanguage(cookie, accept)).toBe(expected);
  });
});
