import fp from 'fastify-plugin';
import { invalidField } from '@server/lib/errors';

const SOURCES = [
  ['params', 'params'],
  ['query', 'query'],
  ['body', 'body'],
] as const;

/** The dotted path of the first key or string value holding a NUL character, or null. */
export function findNulCharacter(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') {
    return value.includes('\u0000') ? path : null;
  }
  if (value === null || typeof value !== 'object' || depth > 64) {
    return null;
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    if (key.includes('\u0000')) {
      return childPath;
    }
    const found = findNulCharacter(child, childPath, depth + 1);
    if (found) {
      return found;
    }
  }
  return null;
}

/**
 * Text the database cannot store is refused before validation: a NUL character (U+0000) in any key or string of the
 * path parameters, the query or a parsed body is VALIDATION_FAILED on that field, never a database error.
 */
export const textInputPlugin = fp(
  (app, _opts, done) => {
    app.addHook('preValidation', async (request) => {
      for (const [property, field] of SOURCES) {
        const found = findNulCharacter(request[property], field);
        if (found) {
          throw invalidField(found, 'errors.NUL_CHARACTER');
        }
      }
    });
    done();
  },
  { name: 'text-input' },
);
