import { addDays, bangkokDate, fiscalYearOf } from '@shared/projects/plan';

/** Dates of the scale data: calendar dates in Asia/Bangkok (UTC+7 all year), fiscal years in the Buddhist Era. */

const DAY_MS = 86_400_000;

/** An instant at `hour`:`minute` Bangkok time on an ISO date. */
export function atBangkok(isoDate: string, hour = 10, minute = 0): Date {
  return new Date(`${isoDate}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);
}

/** The instant `days` (may be fractional) after `at`. */
export function plusDays(at: Date, days: number): Date {
  return new Date(at.getTime() + days * DAY_MS);
}

/** Whole days from `a` to `b` (b − a), by Bangkok calendar dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY_MS);
}

/** 1 October (Bangkok) that starts fiscal year `fy` (BE): FY2569 starts on 2025-10-01. */
export function fiscalYearStart(fy: number): string {
  return `${fy - 544}-10-01`;
}

/** The ISO date `months` calendar months after `isoDate` (day clamped to the month's length). */
export function addMonths(isoDate: string, months: number): string {
  const [y = 0, m = 1, d = 1] = isoDate.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export { addDays, bangkokDate, fiscalYearOf };
