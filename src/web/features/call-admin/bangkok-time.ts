import { BUDDHIST_ERA_OFFSET } from '@web/lib/format';

/** Bangkok is seven hours ahead of UTC all year (no daylight saving). */
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** A moment as a person types it in Bangkok: calendar date in the Buddhist Era and a 24-hour time. */
export interface BangkokDateTime {
  /** Day of the month, "1"–"31". */
  day: string;
  /** Month, "1"–"12". */
  month: string;
  /** Year in the Buddhist Era, e.g. "2569". */
  yearBe: string;
  /** "HH:MM" or "HH:MM:SS". */
  time: string;
}

export const EMPTY_BANGKOK_DATE_TIME: BangkokDateTime = { day: '', month: '', yearBe: '', time: '' };

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** Whether every part is empty (an optional moment not given). */
export function isBlankDateTime(value: BangkokDateTime): boolean {
  return !value.day.trim() && !value.month.trim() && !value.yearBe.trim() && !value.time.trim();
}

/**
 * The ISO 8601 instant, with the +07:00 offset, of a date and time typed in Bangkok; null when any part is missing
 * or not a real calendar date or time (31 February, 24:00, year 69).
 */
export function bangkokToIso(value: BangkokDateTime): string | null {
  const day = Number(value.day);
  const month = Number(value.month);
  const yearBe = Number(value.yearBe);
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(value.time.trim());
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(yearBe) || !time) {
    return null;
  }
  const yearCe = yearBe - BUDDHIST_ERA_OFFSET;
  const hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = Number(time[3] ?? '0');
  if (yearCe < 1900 || yearCe > 2200 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) {
    return null;
  }
  if (second > 59) {
    return null;
  }
  // Date.UTC rolls 31 February over into March: a date that comes back different was not a real one.
  const check = new Date(Date.UTC(yearCe, month - 1, day));
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) {
    return null;
  }
  return `${pad(yearCe, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}+07:00`;
}

/** The Bangkok date and time of an instant (any ISO 8601 string with an offset), for the fields to start from. */
export function isoToBangkok(iso: string | null | undefined): BangkokDateTime {
  if (!iso) {
    return EMPTY_BANGKOK_DATE_TIME;
  }
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) {
    return EMPTY_BANGKOK_DATE_TIME;
  }
  const local = new Date(ms + BANGKOK_OFFSET_MS);
  const seconds = local.getUTCSeconds();
  const hm = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  return {
    day: String(local.getUTCDate()),
    month: String(local.getUTCMonth() + 1),
    yearBe: String(local.getUTCFullYear() + BUDDHIST_ERA_OFFSET),
    time: seconds === 0 ? hm : `${hm}:${pad(seconds)}`,
  };
}

/** The Bangkok calendar date (YYYY-MM-DD, Common Era) of an instant: what `<input type="date">` holds. */
export function bangkokDateOf(ms: number): string {
  const local = new Date(ms + BANGKOK_OFFSET_MS);
  return `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

/** The end of a Bangkok day (23:59:59+07:00) of a `YYYY-MM-DD` date, e.g. a revision due date; null if invalid. */
export function endOfBangkokDay(date: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) {
    return null;
  }
  return bangkokToIso({
    day: String(Number(match[3])),
    month: String(Number(match[2])),
    yearBe: String(Number(match[1]) + BUDDHIST_ERA_OFFSET),
    time: '23:59:59',
  });
}

/** The current Bangkok fiscal year in the Buddhist Era: Thai fiscal years start on 1 October. */
export function currentFiscalYearBe(now: number = Date.now()): number {
  const local = new Date(now + BANGKOK_OFFSET_MS);
  const yearCe = local.getUTCFullYear() + (local.getUTCMonth() >= 9 ? 1 : 0);
  return yearCe + BUDDHIST_ERA_OFFSET;
}
