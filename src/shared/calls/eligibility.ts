import type { EligibilityCheck, EligibilityResult, EligibilityRules } from '@shared/contracts/calls';
import { PROVINCES } from '@shared/reference/provinces';

/** What eligibility is judged on. Proposal facts are absent before a proposal exists (the applicant's pre-check). */
export interface EligibilityFacts {
  organisationType: string;
  organisationProvinceCode: number | null;
  /** Provinces the proposal works in (area answers); when empty, the organisation's province counts. */
  proposalProvinceCodes?: number[];
  proposalThemes?: string[];
  /** Requested money in satang, when known. */
  requestedSatang?: number | null;
  /** Proposals this organisation already has in the call (not withdrawn), not counting the one judged. */
  otherProposalCount: number;
  /** Provinces of the target province group (กลุ่มจังหวัดยากจน). */
  targetGroupProvinceCodes: readonly number[];
  grant?: { minSatang: number; maxSatang: number };
}

const regionOf = new Map(PROVINCES.map((p) => [p.code, p.region]));

/** Whether a province lies in the call's area (no area rule: everywhere). */
export function provinceInArea(
  rules: EligibilityRules,
  code: number,
  targetGroup: readonly number[],
): boolean {
  const anyArea = rules.provinceCodes.length > 0 || rules.regionCodes.length > 0 || rules.targetGroupOnly;
  if (!anyArea) {
    return true;
  }
  const region = regionOf.get(code);
  return (
    rules.provinceCodes.includes(code) ||
    (region !== undefined && rules.regionCodes.includes(region)) ||
    (rules.targetGroupOnly && targetGroup.includes(code))
  );
}

/**
 * Judges an organisation (and, when given, its proposal) against a call's rules. Every rule the call sets yields one
 * check with its reason, passed or not, so that "not eligible, because …" can be shown in full.
 */
export function evaluateEligibility(rules: EligibilityRules, facts: EligibilityFacts): EligibilityResult {
  const checks: EligibilityCheck[] = [];

  if (rules.organisationTypes.length > 0) {
    const passed = (rules.organisationTypes as readonly string[]).includes(facts.organisationType);
    checks.push({
      rule: 'organisation_type',
      passed,
      key: passed ? 'eligibility.orgTypePass' : 'eligibility.orgTypeFail',
      params: { type: facts.organisationType },
    });
  }

  const anyArea = rules.provinceCodes.length > 0 || rules.regionCodes.length > 0 || rules.targetGroupOnly;
  if (anyArea) {
    const proposed = facts.proposalProvinceCodes ?? [];
    if (proposed.length > 0) {
      const outside = proposed.filter((c) => !provinceInArea(rules, c, facts.targetGroupProvinceCodes));
      checks.push({
        rule: 'area',
        passed: outside.length === 0,
        key: outside.length === 0 ? 'eligibility.areaPass' : 'eligibility.areaProposalFail',
        params: { provinces: outside.join(',') },
      });
    } else if (facts.organisationProvinceCode === null) {
      checks.push({ rule: 'area', passed: false, key: 'eligibility.areaUnknown' });
    } else {
      const passed = provinceInArea(rules, facts.organisationProvinceCode, facts.targetGroupProvinceCodes);
      checks.push({
        rule: 'area',
        passed,
        key: passed ? 'eligibility.areaPass' : 'eligibility.areaFail',
        params: { provinces: String(facts.organisationProvinceCode) },
      });
    }
  }

  if (rules.themes.length > 0 && facts.proposalThemes !== undefined) {
    const passed = facts.proposalThemes.some((t) => (rules.themes as readonly string[]).includes(t));
    checks.push({ rule: 'theme', passed, key: passed ? 'eligibility.themePass' : 'eligibility.themeFail' });
  }

  if (rules.maxProposalsPerOrganisation !== null) {
    const passed = facts.otherProposalCount < rules.maxProposalsPerOrganisation;
    checks.push({
      rule: 'proposal_limit',
      passed,
      key: passed ? 'eligibility.limitPass' : 'eligibility.limitFail',
      params: { max: rules.maxProposalsPerOrganisation, count: facts.otherProposalCount },
    });
  }

  if (facts.grant && facts.requestedSatang !== undefined && facts.requestedSatang !== null) {
    const { minSatang, maxSatang } = facts.grant;
    const passed = facts.requestedSatang >= minSatang && facts.requestedSatang <= maxSatang;
    checks.push({
      rule: 'budget',
      passed,
      key: passed ? 'eligibility.budgetPass' : 'eligibility.budgetFail',
      params: { requestedSatang: facts.requestedSatang, minSatang, maxSatang },
    });
  }

  return { eligible: checks.every((c) => c.passed), checks };
}
