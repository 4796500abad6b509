import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from '@shared/i18n/index';
import { catalogueString, errorMessageKey, fillPlaceholders, isMessageKey } from './i18n';

function leaves(node: unknown, prefix = ''): Array<[string, string]> {
  if (typeof node === 'string') {
    return [[prefix, node]];
  }
  return Object.entries(node as Record<string, unknown>).flatMap(([key, child]) =>
    leaves(child, prefix ? `${prefix}.${key}` : key),
  );
}

// tests/setup/unit-i18n.ts gives i18next both catalogues, as main.tsx gives it the visitor's one.
describe('useI18n().t', () => {
  it.each(LANGUAGES)('gives what i18next gives for every %s message, with and without values', (lang) => {
    for (const [key, template] of leaves(CATALOGUES[lang])) {
      const names = [...template.matchAll(/\{\{(.+?)\}\}/g)].map((m) => (m[1] ?? '').trim());
      const values = Object.fromEntries(names.map((name, index) => [name, index % 2 ? index : `<${name}>`]));
      expect(fillPlaceholders(template, values), key).toBe(i18next.t(key, { ...values, lng: lang }));
      expect(fillPlaceholders(template, {}), key).toBe(i18next.t(key, { lng: lang }));
    }
  });
});

describe('catalogue look-ups', () => {
  it('find strings, not sections or unknown keys', () => {
    expect(catalogueString('nav.home', 'en')).toBe(CATALOGUES.en.nav.home);
    expect(catalogueString('nav.home')).toBe(CATALOGUES.th.nav.home);
    expect(catalogueString('nav')).toBeUndefined();
    expect(isMessageKey('nav.nowhere')).toBe(false);
    expect(errorMessageKey('NETWORK_ERROR')).toBe('errors.NETWORK_ERROR');
    expect(errorMessageKey('NO_SUCH_CODE')).toBeUndefined();
    expect(errorMessageKey('form.required')).toBeUndefined();
  });
});
