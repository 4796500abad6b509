import { FORM_LIMITS } from '@shared/contracts/forms';

const THAI_DIGITS = /[๐-๙]/g;

/**
 * Baht typed by a person ("1,500,000", "2500.5", "฿ 300", "๑๒๐ บาท") as integer satang. `undefined` for an empty
 * field, `null` when the text is not an amount of money (negative, more than two decimals, letters, too large).
 */
export function parseBahtInput(text: string): number | null | undefined {
  const cleaned = text
    .replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))
    .replace(/บาท/g, '')
    .replace(/[\s,฿]/g, '');
  if (cleaned === '') {
    return undefined;
  }
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match) {
    return null;
  }
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const satang = whole * 100 + fraction;
  return Number.isSafeInteger(satang) && satang <= FORM_LIMITS.moneyMaxSatang ? satang : null;
}

/** Integer satang as the text of a baht input: grouped, always with two decimals ("1,500,000.00"). */
export function formatBahtInput(satang: number | null | undefined): string {
  if (satang === null || satang === undefined || !Number.isFinite(satang)) {
    return '';
  }
  const whole = Math.trunc(satang / 100);
  const rest = Math.abs(satang % 100);
  const grouped = String(Math.abs(whole)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${satang < 0 ? '-' : ''}${grouped}.${String(rest).padStart(2, '0')}`;
}

/**
 * A number typed by a person ("1,234.5", "-3") or `undefined` for an empty field, `null` when it is not a number.
 */
export function parseNumberInput(text: string): number | null | undefined {
  const cleaned = text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50)).replace(/[\s,]/g, '');
  if (cleaned === '') {
    return undefined;
  }
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(cleaned)) {
    return null;
  }
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}
