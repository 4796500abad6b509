import type { Language } from '@shared/i18n/index';
import { formatDate } from '@web/lib/format';

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/**
 * How long ago something happened, in words ("5 นาทีที่ผ่านมา", "3 hours ago"); under a minute `justNow`; after a
 * week the Bangkok date (Buddhist Era in Thai).
 */
export function relativeTime(value: string | Date, now: Date, lang: Language, justNow: string): string {
  const then = new Date(value);
  const seconds = Math.round((now.getTime() - then.getTime()) / 1000);
  if (seconds < 45) {
    return justNow;
  }
  if (seconds >= WEEK_SECONDS) {
    return formatDate(then, lang, 'medium');
  }
  const format = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  let chosen: [Intl.RelativeTimeFormatUnit, number] = ['minute', 60];
  for (const unit of UNITS) {
    if (seconds >= unit[1]) {
      chosen = unit;
    }
  }
  return format.format(-Math.max(1, Math.round(seconds / chosen[1])), chosen[0]);
}
