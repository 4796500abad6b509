import { describe, expect, it } from 'vitest';
import { actionKey, describeChangeValue } from './changes';

describe('describeChangeValue', () => {
  it('reads empty, redacted and plain values', () => {
    expect(describeChangeValue(null)).toEqual({ kind: 'empty' });
    expect(describeChangeValue('')).toEqual({ kind: 'empty' });
    expect(describeChangeValue('[redacted]')).toEqual({ kind: 'redacted' });
    expect(describeChangeValue('th')).toEqual({ kind: 'text', text: 'th' });
    expect(describeChangeValue(false)).toEqual({ kind: 'text', text: 'false' });
    expect(describeChangeValue(3)).toEqual({ kind: 'text', text: '3' });
    expect(describeChangeValue({ a: 1 })).toEqual({ kind: 'text', text: '{"a":1}' });
  });
});

describe('actionKey', () => {
  it('turns the dotted action code into a catalogue key', () => {
    expect(actionKey('user.password_reset_requested')).toBe('user_password_reset_requested');
  });
});
