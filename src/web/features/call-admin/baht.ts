/**
 * Baht typed by a person ("1,500,000", "2500.5", "฿ 300") as integer satang; null when it is not an amount of
 * money (negative, more than two decimals, letters). An empty field is `undefined`, so callers tell "not given" from
 * "wrong".
 */
export function bahtToSatang(text: string): number | null | undefined {
  const cleaned = text.replace(/[\s,฿]/g, '').replace(/บาท$/, '');
  if (cleaned === '') {
    return undefined;
  }
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(cleaned);
  if (!match) {
    return null;
  }
  const whole = Number(match[1]);
  const fraction = Number((match[2] ?? '').padEnd(2, '0'));
  const satang = whole * 100 + fraction;
  return Number.isSafeInteger(satang) ? satang : null;
}

/** Integer satang as the text of a baht input: "1500000", or "2500.50" when there are satang. */
export function satangToBahtText(satang: number | null | undefined): string {
  if (satang === null || satang === undefined) {
    return '';
  }
  const whole = Math.trunc(satang / 100);
  const rest = Math.abs(satang % 100);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0')}`;
}
