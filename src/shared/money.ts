/**
 * Splits an amount of satang evenly over `parts` places: whole satang, the remainder one satang each to the first
 * places, so that the parts always add up to the amount. No parts give an empty list.
 */
export function splitEvenly(amount: number, parts: number): number[] {
  if (parts <= 0) {
    return [];
  }
  const base = Math.floor(amount / parts);
  const remainder = amount - base * parts;
  return Array.from({ length: parts }, (_, i) => base + (i < remainder ? 1 : 0));
}
