/**
 * Thai 13-digit identifiers — the citizen ID (เลขประจำตัวประชาชน) and the juristic-person registration number
 * (เลขทะเบียนนิติบุคคล) — end with a mod-11 check digit over the first twelve digits weighted 13 … 2.
 */
export function hasValidThaiIdChecksum(value: string): boolean {
  if (!/^\d{13}$/.test(value)) {
    return false;
  }
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    sum += Number(value[i]) * (13 - i);
  }
  return (11 - (sum % 11)) % 10 === Number(value[12]);
}

/** Strips the dashes and spaces people type in 1-2345-67890-12-3. */
export function normaliseThaiId(value: string): string {
  return value.replace(/[\s-]/g, '');
}

/** A citizen ID for display to anyone but its owner: 1-2345-XXXXX-XX-3 → only the first five and last digit show. */
export function maskCitizenId(value: string): string {
  const digits = normaliseThaiId(value);
  if (digits.length !== 13) {
    return 'X-XXXX-XXXXX-XX-X';
  }
  return `${digits[0]}-${digits.slice(1, 5)}-XXXXX-XX-${digits[12]}`;
}

/** A community-enterprise registration code (รหัสทะเบียนวิสาหกิจชุมชน), e.g. 4-34-01-05/1-0012. */
export const COMMUNITY_ENTERPRISE_CODE = /^\d-\d{2}-\d{2}-\d{2}\/\d-\d{4}$/;
