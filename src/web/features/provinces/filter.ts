import type { Province } from '@shared/contracts/geo';

/** Lower-cased, without the spaces, hyphens and dots people put in or leave out ("Chiang Mai" / "chiangmai"). */
function normalise(text: string): string {
  return text.toLocaleLowerCase().replace(/[\s\-.]+/g, '');
}

/** Whether a province matches the explorer's filter text: by Thai or English name, or by its code. */
export function matchesProvince(
  province: Pick<Province, 'code' | 'nameTh' | 'nameEn'>,
  query: string,
): boolean {
  const q = normalise(query);
  if (q === '') {
    return true;
  }
  return (
    normalise(province.nameTh).includes(q) ||
    normalise(province.nameEn).includes(q) ||
    String(province.code) === q
  );
}
