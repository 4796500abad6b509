/** How one value of an audit change reads: empty, hidden (redacted by the server), or its text. */
export type ChangeValue = { kind: 'empty' } | { kind: 'redacted' } | { kind: 'text'; text: string };

export const REDACTED = '[redacted]';

export function describeChangeValue(value: unknown): ChangeValue {
  if (value === null || value === undefined || value === '') {
    return { kind: 'empty' };
  }
  if (value === REDACTED) {
    return { kind: 'redacted' };
  }
  if (typeof value === 'string') {
    return { kind: 'text', text: value };
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return { kind: 'text', text: String(value) };
  }
  return { kind: 'text', text: JSON.stringify(value) };
}

/** The catalogue key suffix of an action code (`user.registered` → `user_registered`). */
export function actionKey(action: string): string {
  return action.replace(/\./g, '_');
}
