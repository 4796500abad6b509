import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { SroiModelInput } from '@shared/contracts/sroi';
import {
  calculateSroi,
  discountFactor,
  inputDiscountFactor,
  parseSroiModel,
  projectDropoff,
  roundHalfUp,
  SroiValidationError,
  type SroiResult,
} from './sroi';

const CasesFileSchema = z.object({
  cases: z.array(
    z.looseObject({
      id: z.string(),
      type: z.string(),
      convention: z.string().optional(),
      inputs: z.record(z.string(), z.unknown()),
      expected: z.record(z.string(), z.unknown()),
    }),
  ),
});

const casesFile = CasesFileSchema.parse(
  JSON.parse(fs.readFileSync(path.resolve('..', 'shared', 'impact', 'sroi-cases.json'), 'utf8')),
);

const DropoffCaseInputs = z.object({ impact: z.number(), dropoff: z.number(), duration: z.number() });
const DropoffExpected = z.object({ series: z.array(z.number()), dp: z.number() });
const FactorsCaseInputs = z.object({ rate: z.number(), years: z.array(z.number()) });
const FactorsExpected = z.object({ factors: z.array(z.number()), dp: z.number() });
const PublishedFigure = z.object({ value: z.number(), dp: z.number() });
const ConventionFigures = z.looseObject({ dp: z.number() });

/** Fields of a result that an `expected` key of sroi-cases.json names. */
const RESULT_FIELD: Record<string, (r: SroiResult) => number | null> = {
  pv_benefits: (r) => r.presentValue,
  pv_investment: (r) => r.investmentPresentValue,
  investment: (r) => r.investmentPresentValue,
  npv: (r) => r.netPresentValue,
  ratio: (r) => r.ratio,
  sroi: (r) => r.ratio,
  net_ratio: (r) => r.netRatio,
  payback_months: (r) => r.paybackMonths,
};

function fieldOf(key: string): (r: SroiResult) => number | null {
  const field = RESULT_FIELD[key];
  if (!field) {
    throw new Error(`sroi-cases.json: expected field "${key}" has no mapping in this test`);
  }
  return field;
}

/** Every check of one case as [label, computed, published, dp]. */
function checksOf(c: (typeof casesFile.cases)[number]): [string, number | null, number, number][] {
  switch (c.type) {
    case 'dropoff_series': {
      const inputs = DropoffCaseInputs.parse(c.inputs);
      const expected = DropoffExpected.parse(c.expected);
      const series = projectDropoff(inputs.impact, inputs.dropoff, inputs.duration);
      expect(series).toHaveLength(expected.series.length);
      return expected.series.map((v, i) => [`year ${i + 1}`, series[i] ?? null, v, expected.dp]);
    }
    case 'discount_factors': {
      const inputs = FactorsCaseInputs.parse(c.inputs);
      const expected = FactorsExpected.parse(c.expected);
      expect(inputs.years).toHaveLength(expected.factors.length);
      return inputs.years.map((year, i) => [
        `year ${year}`,
        discountFactor(year, inputs.rate, 'svi-2012'),
        expected.factors[i] ?? Number.NaN,
        expected.dp,
      ]);
    }
    case 'full_model': {
      const model = { ...c.inputs, convention: c.convention ?? 'svi-2012' };
      const result = calculateSroi(model);
      return Object.entries(c.expected).flatMap(([key, value]): [string, number | null, number, number][] => {
        const published = PublishedFigure.safeParse(value);
        if (published.success) {
          return [[key, fieldOf(key)(result), published.data.value, published.data.dp]];
        }
        const convention = /^(th_base_year|svi_2012|nz_cbax_midyear)_same_inputs$/.exec(key)?.[1];
        if (!convention) {
          throw new Error(`sroi-cases.json: unknown expected entry "${key}"`);
        }
        const figures = ConventionFigures.parse(value);
        const other = calculateSroi({
          ...model,
          convention: convention.replaceAll('_', '-'),
        });
        return Object.entries(figures)
          .filter(([k]) => k !== 'dp')
          .map(([k, v]) => [`${key}.${k}`, fieldOf(k)(other), z.number().parse(v), figures.dp]);
      });
    }
    default:
      throw new Error(`sroi-cases.json: unknown case type "${c.type}"`);
  }
}

describe('sroi-cases.json', () => {
  it('holds cases', () => {
    expect(casesFile.cases.length).toBeGreaterThan(0);
  });

  it.each(casesFile.cases.map((c) => [c.id, c] as const))(
    'reproduces %s at its published precision',
    (_, c) => {
      const checks = checksOf(c);
      expect(checks.length).toBeGreaterThan(0);
      for (const [label, computed, published, dp] of checks) {
        expect(computed, label).not.toBeNull();
        expect(roundHalfUp(computed ?? Number.NaN, dp), `${c.id} ${label}`).toBe(published);
      }
    },
  );
});

const outcome = (
  o: Partial<SroiModelInput['outcomes'][number]> = {},
): SroiModelInput['outcomes'][number] => ({
  id: 'A',
  quantity: 10,
  proxy: 100,
  deadweight: 0.1,
  displacement: 0,
  attribution: 0.2,
  dropoff: 0.1,
  duration: 1,
  startYear: 1,
  ...o,
});

const model = (m: Partial<SroiModelInput> = {}): SroiModelInput => ({
  currency: 'THB',
  discountRate: 0.035,
  convention: 'svi-2012',
  inputs: [{ label: 'grant', value: 500, year: 0 }],
  outcomes: [outcome()],
  ...m,
});

function issuesOf(raw: unknown): string[] {
  const parsed = parseSroiModel(raw);
  return parsed.ok ? [] : parsed.issues.map((i) => `${i.path}: ${i.message}`);
}

describe('roundHalfUp', () => {
  it.each([
    [2.675, 2, 2.68],
    [1.005, 2, 1.01],
    [11.695, 2, 11.7],
    [0.5, 0, 1],
    [-0.5, 0, -1],
    [2.134, 2, 2.13],
  ])('rounds %d to %d dp as %d', (value, dp, expected) => {
    expect(roundHalfUp(value, dp)).toBe(expected);
  });
});

describe('validation', () => {
  it('accepts a valid model', () => {
    expect(issuesOf(model())).toEqual([]);
  });

  it.each([
    [
      'deadweight above 1',
      { outcomes: [outcome({ deadweight: 1.2 })] },
      'outcomes[0].deadweight: must be between 0 and 1',
    ],
    [
      'negative attribution',
      { outcomes: [outcome({ attribution: -0.1 })] },
      'outcomes[0].attribution: must be between 0 and 1',
    ],
    [
      'displacement above 1',
      { outcomes: [outcome({ displacement: 2 })] },
      'outcomes[0].displacement: must be between 0 and 1',
    ],
    [
      'dropoff above 1',
      { outcomes: [outcome({ dropoff: 1.5 })] },
      'outcomes[0].dropoff: must be between 0 and 1',
    ],
    [
      'duration 0',
      { outcomes: [outcome({ duration: 0 })] },
      'outcomes[0].duration: must be an integer greater than or equal to 1',
    ],
    [
      'fractional duration',
      { outcomes: [outcome({ duration: 1.5 })] },
      'outcomes[0].duration: must be an integer',
    ],
    [
      'startYear 0',
      { outcomes: [outcome({ startYear: 0 })] },
      'outcomes[0].startYear: must be an integer greater than or equal to 1',
    ],
    [
      'fractional startYear',
      { outcomes: [outcome({ startYear: 1.5 })] },
      'outcomes[0].startYear: must be an integer',
    ],
    [
      'negative input year',
      { inputs: [{ label: 'g', value: 1, year: -1 }] },
      'inputs[0].year: must be an integer greater than or equal to 0',
    ],
    ['no outcomes', { outcomes: [] }, 'outcomes: must hold at least one outcome'],
    ['no inputs', { inputs: [] }, 'inputs: must hold at least one input'],
    [
      'zero investment',
      { inputs: [{ label: 'g', value: 0, year: 0 }] },
      'inputs: the present value of the inputs must be greater than 0, otherwise the ratio is undefined',
    ],
    [
      'negative investment',
      { inputs: [{ label: 'g', value: -5, year: 0 }] },
      'inputs: the present value of the inputs must be greater than 0, otherwise the ratio is undefined',
    ],
    [
      'quantity missing',
      { outcomes: [outcome({ quantity: undefined })] },
      'outcomes[0].quantity: is required (or give quantityByYear)',
    ],
    [
      'duration missing',
      { outcomes: [outcome({ duration: undefined })] },
      'outcomes[0].duration: is required with quantity',
    ],
    [
      'quantity and quantityByYear',
      { outcomes: [outcome({ duration: undefined, dropoff: undefined, quantityByYear: [1] })] },
      'outcomes[0].quantity: must not be given together with quantityByYear',
    ],
    [
      'a duration that differs from quantityByYear',
      { outcomes: [outcome({ quantity: undefined, dropoff: undefined, duration: 2, quantityByYear: [1] })] },
      'outcomes[0].duration: must not be given together with quantityByYear (or must equal its length)',
    ],
    [
      'a drop-off with quantityByYear',
      {
        outcomes: [outcome({ quantity: undefined, duration: undefined, dropoff: 0.1, quantityByYear: [1] })],
      },
      'outcomes[0].dropoff: must not be given together with quantityByYear; build the taper into the series',
    ],
    [
      'empty quantityByYear',
      {
        outcomes: [
          outcome({ quantity: undefined, duration: undefined, dropoff: undefined, quantityByYear: [] }),
        ],
      },
      'outcomes[0].quantityByYear: must hold at least one year',
    ],
    [
      'negative quantity',
      { outcomes: [outcome({ quantity: -1 })] },
      'outcomes[0].quantity: must be greater than or equal to 0',
    ],
    ['duplicate ids', { outcomes: [outcome(), outcome()] }, 'outcomes[1].id: duplicate outcome id "A"'],
    ['discount rate above 1', { discountRate: 3.5 }, 'discountRate: must be between 0 and 1'],
    [
      'additive deductions above 1 under th-base-year',
      {
        convention: 'th-base-year',
        outcomes: [outcome({ deadweight: 0.5, attribution: 0.4, displacement: 0.2 })],
      },
      'outcomes[0].deadweight: deadweight + displacement + attribution must not exceed 1 under the additive th-base-year convention',
    ],
  ] as [string, Partial<SroiModelInput>, string][])('rejects %s', (_, patch, message) => {
    expect(issuesOf(model(patch))).toContain(message);
  });

  it('rejects an unknown convention and a proxy that is not a number', () => {
    const issues = issuesOf({
      ...model(),
      convention: 'svi-2009',
      outcomes: [{ ...outcome(), proxy: '500' }],
    });
    expect(issues.some((i) => i.startsWith('convention: '))).toBe(true);
    expect(issues.some((i) => i.startsWith('outcomes[0].proxy: '))).toBe(true);
  });

  it('accepts a redundant duration equal to the series length and a zero drop-off with quantityByYear', () => {
    expect(
      issuesOf(
        model({
          outcomes: [outcome({ quantity: undefined, duration: 2, dropoff: 0, quantityByYear: [2, 1] })],
        }),
      ),
    ).toEqual([]);
  });

  it('accepts multiplicative deductions above 1 in sum under svi-2012', () => {
    expect(
      issuesOf(model({ outcomes: [outcome({ deadweight: 0.5, attribution: 0.4, displacement: 0.2 })] })),
    ).toEqual([]);
  });

  it('calculateSroi throws SroiValidationError naming the field', () => {
    expect(() => calculateSroi(model({ outcomes: [outcome({ deadweight: 1.2 })] }))).toThrow(
      SroiValidationError,
    );
    expect(() => calculateSroi(model({ outcomes: [outcome({ deadweight: 1.2 })] }))).toThrow(
      'outcomes[0].deadweight: must be between 0 and 1',
    );
  });
});

describe('warnings', () => {
  const codes = (m: SroiModelInput) => calculateSroi(m).warnings.map((w) => `${w.code} ${w.path}`);

  it('flags a duration over 5 years without evidence, not with it', () => {
    expect(codes(model({ outcomes: [outcome({ duration: 6 })] }))).toContain(
      'LONG_DURATION outcomes[0].duration',
    );
    expect(
      codes(model({ outcomes: [outcome({ duration: 6, durationEvidence: 'cohort study' })] })),
    ).not.toContain('LONG_DURATION outcomes[0].duration');
    expect(
      codes(
        model({
          outcomes: [
            outcome({
              quantity: undefined,
              duration: undefined,
              dropoff: undefined,
              quantityByYear: [1, 1, 1, 1, 1, 1],
            }),
          ],
        }),
      ),
    ).toContain('LONG_DURATION outcomes[0].quantityByYear');
  });

  it('flags zero drop-off over several years', () => {
    expect(codes(model({ outcomes: [outcome({ dropoff: 0, duration: 2 })] }))).toContain(
      'NO_DROPOFF outcomes[0].dropoff',
    );
    expect(codes(model({ outcomes: [outcome({ dropoff: 0, duration: 1 })] }))).not.toContain(
      'NO_DROPOFF outcomes[0].dropoff',
    );
  });

  it('flags zero attribution and deadweight together', () => {
    expect(codes(model({ outcomes: [outcome({ deadweight: 0, attribution: 0 })] }))).toContain(
      'NO_DEADWEIGHT_OR_ATTRIBUTION outcomes[0]',
    );
    expect(codes(model({ outcomes: [outcome({ deadweight: 0, attribution: 0.1 })] }))).toEqual([]);
  });

  it('flags a ratio above 10', () => {
    expect(codes(model({ outcomes: [outcome({ quantity: 100 })] }))).toContain('HIGH_RATIO ');
    expect(codes(model())).toEqual([]);
  });

  it('flags deductions that nz-cbax-midyear ignores', () => {
    expect(codes(model({ convention: 'nz-cbax-midyear' }))).toContain('DEDUCTIONS_IGNORED outcomes[0]');
  });
});

describe('svi-2012', () => {
  it('deducts multiplicatively, drops off geometrically from year 2 and discounts year 1 once', () => {
    const r = calculateSroi(model({ outcomes: [outcome({ duration: 3, startYear: 1 })] }));
    const impact = 1000 * 0.9 * 0.8;
    const [o] = r.perOutcome;
    expect(o?.grossValue).toBe(1000);
    expect(o?.impact).toBeCloseTo(impact, 10);
    const values = o?.years.map((y) => y.value) ?? [];
    expect(values).toHaveLength(3);
    [impact, impact * 0.9, impact * 0.81].forEach((v, i) => expect(values[i]).toBeCloseTo(v, 9));
    const pv = impact / 1.035 + (impact * 0.9) / 1.035 ** 2 + (impact * 0.81) / 1.035 ** 3;
    expect(r.presentValue).toBeCloseTo(pv, 9);
    expect(r.investmentPresentValue).toBe(500);
    expect(r.netPresentValue).toBeCloseTo(pv - 500, 9);
    expect(r.ratio).toBeCloseTo(pv / 500, 12);
    expect(r.netRatio).toBeCloseTo(pv / 500 - 1, 12);
    expect(r.paybackMonths).toBeCloseTo(500 / (impact / 12), 12);
    expect(r.paybackKind).toBe('simple_undiscounted');
    expect(r.perYear.map((y) => y.year)).toEqual([1, 2, 3]);
    expect(r.perYear.reduce((a, y) => a + y.presentValue, 0)).toBeCloseTo(pv, 9);
  });

  it('places a start-year-2 outcome in years 2.., discounts inputs after year 0 and not in year 0', () => {
    const r = calculateSroi(
      model({
        outcomes: [outcome({ startYear: 2, duration: 2, deadweight: 0, attribution: 0.5, dropoff: 0.5 })],
        inputs: [
          { label: 'grant', value: 300, year: 0 },
          { label: 'volunteer time', value: 200, year: 1 },
        ],
      }),
    );
    expect(r.perOutcome[0]?.years.map((y) => y.year)).toEqual([2, 3]);
    expect(r.perYear).toEqual([
      { year: 1, value: 0, presentValue: 0 },
      expect.objectContaining({ year: 2, value: 500 }),
      expect.objectContaining({ year: 3, value: 250 }),
    ]);
    expect(r.presentValue).toBeCloseTo(500 / 1.035 ** 2 + 250 / 1.035 ** 3, 9);
    expect(r.investmentPresentValue).toBeCloseTo(300 + 200 / 1.035, 9);
  });

  it('reduces PV with a negative proxy', () => {
    const base = calculateSroi(model());
    const r = calculateSroi(
      model({
        outcomes: [outcome(), outcome({ id: 'N', proxy: -10, quantity: 1, deadweight: 0, attribution: 0 })],
      }),
    );
    expect(r.presentValue).toBeCloseTo(base.presentValue - 10 / 1.035, 9);
  });

  it('uses the Green Book declining schedule when the rate is left to its default', () => {
    const r = calculateSroi(
      model({
        discountRate: undefined,
        outcomes: [outcome({ duration: 31, dropoff: 0.1, durationEvidence: 'x' })],
      }),
    );
    expect(r.discountRate).toBe(0.035);
    expect(r.discountSchedule).toBe('green-book');
    const y31 = r.perOutcome[0]?.years[30];
    expect(y31?.presentValue).toBeCloseTo((y31?.value ?? 0) / (1.035 ** 30 * 1.03), 9);
    expect(discountFactor(80, 0.035, 'svi-2012', 'green-book')).toBeCloseTo(
      1 / (1.035 ** 30 * 1.03 ** 45 * 1.025 ** 5),
      12,
    );
    expect(calculateSroi(model()).discountSchedule).toBe('constant');
  });

  it('reports the discounted payback interpolated within the year', () => {
    const r = calculateSroi(
      model({ outcomes: [outcome({ deadweight: 0, attribution: 0, dropoff: 0.1, duration: 2 })] }),
    );
    // year 1 PV 1000/1.035 ≥ 500, so payback falls in year 1
    expect(r.discountedPaybackMonths).toBeCloseTo(12 * (500 / (1000 / 1.035)), 9);
    const never = calculateSroi(model({ outcomes: [outcome({ quantity: 1 })] }));
    expect(never.discountedPaybackMonths).toBeNull();
  });
});

describe('th-base-year', () => {
  it('deducts additively and does not discount the base year', () => {
    const r = calculateSroi(
      model({
        convention: 'th-base-year',
        discountRate: 0.02,
        outcomes: [
          outcome({ deadweight: 0.1, attribution: 0.2, displacement: 0.1, dropoff: 0.1, duration: 2 }),
        ],
        inputs: [
          { label: 'grant', value: 400, year: 0 },
          { label: 'year 2', value: 100, year: 2 },
        ],
      }),
    );
    const impact = 1000 * (1 - 0.4);
    expect(r.perOutcome[0]?.impact).toBeCloseTo(impact, 9);
    expect(r.presentValue).toBeCloseTo(impact + (impact * 0.9) / 1.02, 9);
    expect(r.investmentPresentValue).toBeCloseTo(400 + 100 / 1.02, 9);
    expect(r.paybackMonths).toBeCloseTo(r.investmentPresentValue / (impact / 12), 9);
  });

  it('defaults the rate to 2 %', () => {
    expect(calculateSroi(model({ convention: 'th-base-year', discountRate: undefined })).discountRate).toBe(
      0.02,
    );
    expect(discountFactor(1, 0.02, 'th-base-year')).toBe(1);
    expect(inputDiscountFactor(0, 0.02, 'th-base-year')).toBe(1);
  });
});

describe('nz-cbax-midyear', () => {
  it('discounts mid-year, applies no separate deductions and leaves inputs undiscounted', () => {
    const r = calculateSroi(
      model({
        convention: 'nz-cbax-midyear',
        discountRate: undefined,
        outcomes: [
          { id: 'L', proxy: 7343, quantityByYear: [100, 80, 60] },
          { id: 'J', proxy: 400, quantityByYear: [10] },
        ],
        inputs: [
          { label: 'cost', value: 500_000, year: 0 },
          { label: 'cost', value: 100_000, year: 2 },
        ],
      }),
    );
    expect(r.discountRate).toBe(0.02);
    const pvL = (100 * 7343) / 1.02 ** 0.5 + (80 * 7343) / 1.02 ** 1.5 + (60 * 7343) / 1.02 ** 2.5;
    const pvJ = 4000 / 1.02 ** 0.5;
    expect(r.perOutcome.map((o) => o.presentValue)).toEqual([expect.closeTo(pvL, 6), expect.closeTo(pvJ, 6)]);
    expect(r.investmentPresentValue).toBe(600_000);
    expect(r.ratio).toBeCloseTo((pvL + pvJ) / 600_000, 12);
    expect(r.switchingValues.deadweight).toBeNull();
    expect(r.sensitivity.rows.map((row) => row.parameter)).not.toContain('deadweight');
  });

  it('ignores deductions given under nz-cbax-midyear', () => {
    const withDeductions = calculateSroi(model({ convention: 'nz-cbax-midyear' }));
    const without = calculateSroi(
      model({ convention: 'nz-cbax-midyear', outcomes: [outcome({ deadweight: 0, attribution: 0 })] }),
    );
    expect(withDeductions.presentValue).toBe(without.presentValue);
  });
});

describe('sensitivity and switching values', () => {
  const base = model({
    outcomes: [
      outcome({ duration: 3, dropoff: 0.2 }),
      outcome({
        id: 'B',
        quantity: 4,
        proxy: 50,
        deadweight: 0.3,
        attribution: 0.1,
        displacement: 0.1,
        duration: 2,
        dropoff: 0.3,
      }),
    ],
    inputs: [{ label: 'grant', value: 1000, year: 0 }],
  });
  const r = calculateSroi(base);

  it('holds a ±20 % row per parameter', () => {
    expect(r.sensitivity.change).toBe(0.2);
    const params = ['deadweight', 'displacement', 'attribution', 'dropoff', 'proxy', 'quantity', 'inputs'];
    expect(r.sensitivity.rows.map((row) => `${row.parameter} ${row.change}`)).toEqual(
      params.flatMap((p) => [`${p} -0.2`, `${p} 0.2`]),
    );
    const proxyUp = r.sensitivity.rows.find((row) => row.parameter === 'proxy' && row.change === 0.2);
    expect(proxyUp?.ratio).toBeCloseTo(r.ratio * 1.2, 12);
    const inputsUp = r.sensitivity.rows.find((row) => row.parameter === 'inputs' && row.change === 0.2);
    expect(inputsUp?.ratio).toBeCloseTo(r.ratio / 1.2, 12);
    const dwUp = r.sensitivity.rows.find((row) => row.parameter === 'deadweight' && row.change === 0.2);
    expect(dwUp?.ratio).toBeLessThan(r.ratio);
    expect(r.sensitivity.ratioRange.low).toBeCloseTo(r.ratio * 0.8, 12);
  });

  it('gives switching values that move the ratio to 1 : 1', () => {
    const k = r.switchingValues.proxyMultiplier ?? Number.NaN;
    expect(k).toBeCloseTo(r.investmentPresentValue / r.presentValue, 12);
    const scaled = calculateSroi({
      ...base,
      outcomes: base.outcomes.map((o) => ({ ...o, proxy: o.proxy * k })),
    });
    expect(scaled.ratio).toBeCloseTo(1, 9);

    const kA = r.switchingValues.perOutcome.find((o) => o.id === 'A')?.proxyMultiplier ?? Number.NaN;
    const scaledA = calculateSroi({
      ...base,
      outcomes: base.outcomes.map((o) => (o.id === 'A' ? { ...o, proxy: o.proxy * kA } : o)),
    });
    expect(scaledA.ratio).toBeCloseTo(1, 9);

    for (const p of ['deadweight', 'attribution', 'displacement', 'dropoff'] as const) {
      const x = r.switchingValues[p];
      expect(x, p).not.toBeNull();
      const moved = calculateSroi({ ...base, outcomes: base.outcomes.map((o) => ({ ...o, [p]: x })) });
      expect(moved.ratio, p).toBeCloseTo(1, 6);
    }
  });

  it('gives null when no value of the fraction reaches 1 : 1', () => {
    const small = calculateSroi(model({ outcomes: [outcome({ quantity: 1 })] }));
    expect(small.ratio).toBeLessThan(1);
    expect(small.switchingValues.deadweight).toBeNull();
    expect(small.switchingValues.dropoff).toBeNull();
  });
});
