import { randomBytes } from 'node:crypto';

/** Crockford's base32: no I, L, O or U, so a code read aloud or typed by hand is not mistaken. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Length of a verification code: 10 characters, 50 random bits. */
export const CODE_LENGTH = 10;

/** A random, unguessable verification code, e.g. `7K3QX9M2TD`. */
export function newVerificationCode(): string {
  const bytes = randomBytes(CODE_LENGTH);
  let code = '';
  for (const byte of bytes) {
    code += ALPHABET[byte % 32];
  }
  return code;
}

/**
 * A code as typed by a person, in the stored form: upper case, without spaces or dashes, with the letters Crockford
 * reads as digits (O → 0, I and L → 1). Null when it cannot be a code.
 */
export function normaliseVerificationCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== CODE_LENGTH || [...code].some((c) => !ALPHABET.includes(c))) {
    return null;
  }
  return code;
}

/** The code grouped for reading, e.g. `7K3QX-9M2TD`. */
export function formatVerificationCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}
