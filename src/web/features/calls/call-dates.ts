import type { CallPhase } from '@shared/contracts/calls';
import { TIME_ZONE } from '@web/lib/format';

const DAY_MS = 24 * 60 * 60 * 1000;

const bangkokDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Bangkok calendar date of an instant, as days since 1970-01-01. */
function dayNumber(instant: Date): number {
  return Math.round(Date.parse(`${bangkokDay.format(instant)}T00:00:00Z`) / DAY_MS);
}

/** Calendar days in Bangkok from `from` to `to` (0: the same day; negative: `to` is earlier). */
export function bangkokDaysBetween(from: Date, to: Date): number {
  return dayNumber(to) - dayNumber(from);
}

export type CallCountdown =
  | { kind: 'closesToday' }
  | { kind: 'daysLeft'; count: number }
  | { kind: 'opensToday' }
  | { kind: 'opensIn'; count: number }
  | { kind: 'closed' };

/** How far a call is from opening or closing, in Bangkok calendar days. */
export function callCountdown(
  call: { phase: CallPhase; opensAt: string; closesAt: string },
  now: Date,
): CallCountdown {
  switch (call.phase) {
    case 'open': {
      const days = bangkokDaysBetween(now, new Date(call.closesAt));
      return days <= 0 ? { kind: 'closesToday' } : { kind: 'daysLeft', count: days };
    }
    case 'upcoming': {
      const days = bangkokDaysBetween(now, new Date(call.opensAt));
      return days <= 0 ? { kind: 'opensToday' } : { kind: 'opensIn', count: days };
    }
    case 'closed':
      return { kind: 'closed' };
    default: {
      const exhaustive: never = call.phase;
      return exhaustive;
    }
  }
}
