import { describe, expect, it } from 'vitest';
import { bangkokDaysBetween, callCountdown } from './call-dates';

describe('Bangkok calendar days', () => {
  it('counts days by the Bangkok calendar, not by 24-hour spans', () => {
    // 23:30 and 00:30 the next day in Bangkok (UTC+7) are one day apart, though only an hour passes.
    expect(bangkokDaysBetween(new Date('2026-03-01T16:30:00Z'), new Date('2026-03-01T17:30:00Z'))).toBe(1);
    // 00:30 and 23:59 of the same Bangkok day.
    expect(bangkokDaysBetween(new Date('2026-02-28T17:30:00Z'), new Date('2026-03-01T16:59:59Z'))).toBe(0);
    expect(bangkokDaysBetween(new Date('2026-03-10T00:00:00Z'), new Date('2026-03-01T00:00:00Z'))).toBe(-9);
  });

  it('tells days left, closing today, opening and closed', () => {
    const closes = '2026-03-31T16:59:59Z'; // 31 March 2026, 23:59:59 in Bangkok
    const opens = '2026-03-01T01:00:00Z';
    expect(
      callCountdown({ phase: 'open', opensAt: opens, closesAt: closes }, new Date('2026-03-21T03:00:00Z')),
    ).toEqual({ kind: 'daysLeft', count: 10 });
    expect(
      callCountdown({ phase: 'open', opensAt: opens, closesAt: closes }, new Date('2026-03-31T10:00:00Z')),
    ).toEqual({ kind: 'closesToday' });
    expect(
      callCountdown(
        { phase: 'upcoming', opensAt: opens, closesAt: closes },
        new Date('2026-02-27T03:00:00Z'),
      ),
    ).toEqual({ kind: 'opensIn', count: 2 });
    expect(callCountdown({ phase: 'closed', opensAt: opens, closesAt: closes }, new Date())).toEqual({
      kind: 'closed',
    });
  });
});
