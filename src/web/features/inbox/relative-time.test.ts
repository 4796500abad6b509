import { describe, expect, it } from 'vitest';
import { relativeTime } from './relative-time';

const NOW = new Date('2026-11-27T05:00:00Z');
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('relativeTime', () => {
  it('says "just now" under a minute', () => {
    expect(relativeTime(ago(10), NOW, 'th', 'เมื่อสักครู่')).toBe('เมื่อสักครู่');
  });

  it('counts minutes, hours and days in the language', () => {
    expect(relativeTime(ago(5 * 60), NOW, 'en', 'just now')).toBe('5 minutes ago');
    expect(relativeTime(ago(3 * 3600), NOW, 'en', 'just now')).toBe('3 hours ago');
    expect(relativeTime(ago(26 * 3600), NOW, 'en', 'just now')).toBe('yesterday');
    expect(relativeTime(ago(5 * 60), NOW, 'th', 'เมื่อสักครู่')).toBe('5 นาทีที่ผ่านมา');
  });

  it('gives the Bangkok date in the Buddhist Era after a week', () => {
    expect(relativeTime('2026-11-01T20:00:00Z', NOW, 'th', '')).toBe('2 พ.ย. 2569');
    expect(relativeTime('2026-11-01T20:00:00Z', NOW, 'en', '')).toBe('2 Nov 2026');
  });
});
