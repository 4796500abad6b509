import { describe, expect, it } from 'vitest';
import { CATALOGUES, LANGUAGES } from './index';

// The web gets each language's catalogue as a JSON asset (scripts/vite-i18n-catalogues.ts): it must survive JSON.
describe('catalogues as JSON', () => {
  it.each(LANGUAGES)(
    '%s holds only nested objects of strings, so its JSON is the catalogue itself',
    (lang) => {
      const catalogue = CATALOGUES[lang];
      expect(JSON.parse(JSON.stringify(catalogue))).toStrictEqual(catalogue);
      const leaves: unknown[] = [];
      const walk = (node: unknown): void => {
        if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
          Object.values(node).forEach(walk);
        } else {
          leaves.push(node);
        }
      };
      walk(catalogue);
      expect(leaves.every((leaf) => typeof leaf === 'string')).toBe(true);
    },
  );
});
