import type { EligibilityCheck, EligibilityResult } from '@shared/contracts/calls';
import type { Language } from '@shared/i18n/index';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { PROVINCES } from '@shared/reference/provinces';
import { isMessageKey } from '@web/components/form-renderer/issues';
import { formatBaht, localName } from '@web/lib/format';
import type { Translate } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import './eligibility-checks.css';

/** An eligibility check's reason in words: organisation types and provinces by name, money in baht. */
export function eligibilityReason(check: EligibilityCheck, t: Translate, lang: Language): string {
  const params: Record<string, string | number> = { ...check.params };
  const type = ORGANISATION_TYPES.find((o) => o.code === params.type);
  if (type) {
    params.type = localName(type, lang);
  }
  if (typeof params.provinces === 'string') {
    params.provinces = params.provinces
      .split(',')
      .filter(Boolean)
      .map((code) => {
        const province = PROVINCES.find((p) => p.code === Number(code));
        return province ? localName(province, lang) : code;
      })
      .join(', ');
  }
  for (const name of ['requestedSatang', 'minSatang', 'maxSatang']) {
    if (typeof params[name] === 'number') {
      params[name] = formatBaht(params[name], lang);
    }
  }
  return isMessageKey(check.key) ? t(check.key, params) : check.key;
}

/** "Eligible / not eligible", then each rule with a mark and its reason. */
export function EligibilityChecks({ result, testId }: { result: EligibilityResult; testId?: string }) {
  const { t, lang } = useI18n();
  return (
    <div
      className={result.eligible ? 'eligibility eligibility--pass' : 'eligibility eligibility--fail'}
      data-testid={testId}
    >
      <p className="eligibility__verdict">
        {result.eligible ? t('eligibility.eligible') : t('eligibility.notEligible')}
      </p>
      {result.checks.length > 0 ? (
        <ul className="eligibility__checks">
          {result.checks.map((check) => (
            <li
              key={check.rule}
              className={check.passed ? 'eligibility__check--pass' : 'eligibility__check--fail'}
            >
              <span className="eligibility__mark" aria-hidden="true">
                {check.passed ? '✓' : '✕'}
              </span>
              <span className="visually-hidden">
                {check.passed ? t('calls.apply.passed') : t('calls.apply.failed')}:{' '}
              </span>
              <span>{eligibilityReason(check, t, lang)}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
