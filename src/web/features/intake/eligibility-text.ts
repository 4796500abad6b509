import type { EligibilityCheck } from '@shared/contracts/calls';
import type { Language } from '@shared/i18n/index';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { PROVINCES } from '@shared/reference/provinces';
import { formatBaht, localName } from '@web/lib/format';
import { isMessageKey, type MessageKey, type MessageValues } from '@web/lib/i18n';

/**
 * The catalogue key and values of one eligibility check, with codes made readable: an organisation type by its
 * name, province codes by their names, satang as baht. Unknown keys fall back to the general pass / fail wording.
 */
export function eligibilityReason(
  check: EligibilityCheck,
  lang: Language,
): { key: MessageKey; values: MessageValues } {
  const name = check.key.replace(/^eligibility\./, '');
  const reason = `eligibility.${name}`;
  const key: MessageKey =
    !name.includes('.') && isMessageKey(reason)
      ? reason
      : check.passed
        ? 'eligibility.eligible'
        : 'eligibility.notEligible';
  const values: MessageValues = { ...check.params };
  const type = ORGANISATION_TYPES.find((o) => o.code === check.params?.type);
  if (type) {
    values.type = localName(type, lang);
  }
  const provinces = check.params?.provinces;
  if (typeof provinces === 'string' && provinces !== '') {
    values.provinces = provinces
      .split(',')
      .map((code) => {
        const province = PROVINCES.find((p) => p.code === Number(code));
        return province ? localName(province, lang) : code;
      })
      .join(', ');
  }
  for (const money of ['requestedSatang', 'minSatang', 'maxSatang'] as const) {
    const value = check.params?.[money];
    if (typeof value === 'number') {
      values[money] = formatBaht(value, lang);
    }
  }
  return { key, values };
}
