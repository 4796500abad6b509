import { describe, expect, it } from 'vitest';
import { EligibilityRulesSchema, type EligibilityRules } from '@shared/contracts/calls';
import { evaluateEligibility, provinceInArea, type EligibilityFacts } from './eligibility';

const rules = (r: Partial<EligibilityRules> = {}) => EligibilityRulesSchema.parse(r);

/** A community enterprise in Mae Hong Son (58, north), with no proposal in the call yet. */
const base: EligibilityFacts = {
  organisationType: 'community_enterprise',
  organisationProvinceCode: 58,
  otherProposalCount: 0,
  targetGroupProvinceCodes: [58, 63],
};

type Case = [
  name: string,
  rules: EligibilityRules,
  facts: Partial<EligibilityFacts>,
  failing: string[],
  rulesChecked: string[],
];

const CASES: Case[] = [
  ['no rules: anyone, nothing to check', rules(), {}, [], []],
  [
    'organisation type allowed',
    rules({ organisationTypes: ['community_enterprise'] }),
    {},
    [],
    ['organisation_type'],
  ],
  [
    'organisation type refused',
    rules({ organisationTypes: ['local_government'] }),
    {},
    ['eligibility.orgTypeFail'],
    ['organisation_type'],
  ],
  ['province listed', rules({ provinceCodes: [58] }), {}, [], ['area']],
  ['province not listed', rules({ provinceCodes: [40] }), {}, ['eligibility.areaFail'], ['area']],
  ['region matches', rules({ regionCodes: ['north'] }), {}, [], ['area']],
  ['region does not match', rules({ regionCodes: ['south'] }), {}, ['eligibility.areaFail'], ['area']],
  ['in the target province group', rules({ targetGroupOnly: true }), {}, [], ['area']],
  [
    'outside the target province group',
    rules({ targetGroupOnly: true }),
    { organisationProvinceCode: 10 },
    ['eligibility.areaFail'],
    ['area'],
  ],
  [
    'target group or a listed province',
    rules({ targetGroupOnly: true, provinceCodes: [10] }),
    { organisationProvinceCode: 10 },
    [],
    ['area'],
  ],
  [
    'organisation without a province',
    rules({ provinceCodes: [58] }),
    { organisationProvinceCode: null },
    ['eligibility.areaUnknown'],
    ['area'],
  ],
  ['no area rule ignores a missing province', rules(), { organisationProvinceCode: null }, [], []],
  [
    'the proposal area counts over the organisation’s',
    rules({ provinceCodes: [40] }),
    { proposalProvinceCodes: [40] },
    [],
    ['area'],
  ],
  [
    'one proposal province outside',
    rules({ targetGroupOnly: true }),
    { proposalProvinceCodes: [58, 10, 63] },
    ['eligibility.areaProposalFail'],
    ['area'],
  ],
  [
    'an empty proposal area falls back to the organisation',
    rules({ provinceCodes: [40] }),
    { proposalProvinceCodes: [] },
    ['eligibility.areaFail'],
    ['area'],
  ],
  ['themes unknown before a proposal: not checked', rules({ themes: ['health'] }), {}, [], []],
  [
    'a proposal theme matches',
    rules({ themes: ['health'] }),
    { proposalThemes: ['environment', 'health'] },
    [],
    ['theme'],
  ],
  [
    'no proposal theme matches',
    rules({ themes: ['health'] }),
    { proposalThemes: ['environment'] },
    ['eligibility.themeFail'],
    ['theme'],
  ],
  [
    'a proposal without themes',
    rules({ themes: ['health'] }),
    { proposalThemes: [] },
    ['eligibility.themeFail'],
    ['theme'],
  ],
  [
    'under the proposal limit',
    rules({ maxProposalsPerOrganisation: 2 }),
    { otherProposalCount: 1 },
    [],
    ['proposal_limit'],
  ],
  [
    'at the proposal limit',
    rules({ maxProposalsPerOrganisation: 2 }),
    { otherProposalCount: 2 },
    ['eligibility.limitFail'],
    ['proposal_limit'],
  ],
  [
    'budget within the grant range, bounds included',
    rules(),
    { grant: { minSatang: 100, maxSatang: 1000 }, requestedSatang: 1000 },
    [],
    ['budget'],
  ],
  [
    'budget at the minimum',
    rules(),
    { grant: { minSatang: 100, maxSatang: 1000 }, requestedSatang: 100 },
    [],
    ['budget'],
  ],
  [
    'budget below the minimum',
    rules(),
    { grant: { minSatang: 100, maxSatang: 1000 }, requestedSatang: 99 },
    ['eligibility.budgetFail'],
    ['budget'],
  ],
  [
    'budget above the maximum',
    rules(),
    { grant: { minSatang: 100, maxSatang: 1000 }, requestedSatang: 1001 },
    ['eligibility.budgetFail'],
    ['budget'],
  ],
  [
    'budget not known yet',
    rules(),
    { grant: { minSatang: 100, maxSatang: 1000 }, requestedSatang: null },
    [],
    [],
  ],
  [
    'every rule is reported, not only the first failure',
    rules({
      organisationTypes: ['university'],
      provinceCodes: [40],
      themes: ['health'],
      maxProposalsPerOrganisation: 1,
    }),
    {
      otherProposalCount: 1,
      proposalThemes: ['environment'],
      grant: { minSatang: 0, maxSatang: 10 },
      requestedSatang: 11,
    },
    [
      'eligibility.orgTypeFail',
      'eligibility.areaFail',
      'eligibility.themeFail',
      'eligibility.limitFail',
      'eligibility.budgetFail',
    ],
    ['organisation_type', 'area', 'theme', 'proposal_limit', 'budget'],
  ],
];

describe('evaluateEligibility', () => {
  it.each(CASES)('%s', (_name, callRules, facts, failing, checked) => {
    const result = evaluateEligibility(callRules, { ...base, ...facts });
    expect(result.checks.map((c) => c.rule)).toEqual(checked);
    expect(result.checks.filter((c) => !c.passed).map((c) => c.key)).toEqual(failing);
    expect(result.eligible).toBe(failing.length === 0);
  });

  it('names the provinces outside the area and the counts of the limit', () => {
    const area = evaluateEligibility(rules({ provinceCodes: [58] }), {
      ...base,
      proposalProvinceCodes: [58, 10, 40],
    });
    expect(area.checks[0]?.params).toEqual({ provinces: '10,40' });
    const limit = evaluateEligibility(rules({ maxProposalsPerOrganisation: 3 }), {
      ...base,
      otherProposalCount: 1,
    });
    expect(limit.checks[0]).toMatchObject({ key: 'eligibility.limitPass', params: { max: 3, count: 1 } });
  });
});

describe('provinceInArea', () => {
  it.each([
    [rules(), 10, true],
    [rules({ provinceCodes: [10] }), 10, true],
    [rules({ provinceCodes: [10] }), 11, false],
    [rules({ regionCodes: ['northeast'] }), 40, true],
    [rules({ regionCodes: ['northeast'] }), 58, false],
    [rules({ targetGroupOnly: true }), 63, true],
    [rules({ targetGroupOnly: true }), 40, false],
  ] as Array<[EligibilityRules, number, boolean]>)('%o, province %i → %s', (callRules, code, expected) => {
    expect(provinceInArea(callRules, code, base.targetGroupProvinceCodes)).toBe(expected);
  });
});
