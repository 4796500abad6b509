import { describe, expect, it } from 'vitest';
import { SroiAssessmentModelSchema, type SroiAssessmentModel } from '@shared/contracts/sroi-assessments';
import { calculateSroi } from './sroi';
import {
  bahtToSatang,
  blankOutcome,
  evaluateAssessmentModel,
  fractionToPercentText,
  headlineOf,
  nextId,
  parseIssuePath,
  percentToFraction,
  satangToBahtText,
  storedModelIssues,
  svi2012Comparison,
  toEngineModel,
  toStoredIssue,
  toStoredPath,
  yearsAndMonths,
} from './sroi-assessment';

/** Participants' outcome of the spec's example, in satang: 20 × 500 baht, DW 20 %, AT 25 %, DO 10 %, 3 years. */
function sampleModel(overrides: Partial<SroiAssessmentModel> = {}): SroiAssessmentModel {
  return SroiAssessmentModelSchema.parse({
    discountRate: 0.035,
    stakeholders: [{ id: 's1', name: 'ผู้เข้าร่วม' }],
    inputs: [{ stakeholderId: null, label: 'ทุน', valueSatang: 1_000_000, year: 0 }],
    outcomes: [
      {
        id: 'A',
        stakeholderId: 's1',
        quantity: 20,
        proxySatang: 50_000,
        deadweight: 0.2,
        attribution: 0.25,
        dropoff: 0.1,
        duration: 3,
      },
    ],
    ...overrides,
  });
}

describe('toEngineModel', () => {
  it('carries satang as the engine values, stakeholders by name, and leaves out empty optional fields', () => {
    const engine = toEngineModel(sampleModel());
    expect(engine.inputs[0]).toEqual({ label: 'ทุน', value: 1_000_000, year: 0 });
    expect(engine.outcomes[0]).toMatchObject({
      id: 'A',
      stakeholder: 'ผู้เข้าร่วม',
      proxy: 50_000,
      quantity: 20,
    });
    expect(engine.outcomes[0]).not.toHaveProperty('quantityByYear');
    expect(engine.outcomes[0]).not.toHaveProperty('description');
    expect(engine.discountRate).toBe(0.035);
    expect(toEngineModel(sampleModel({ discountRate: null }))).not.toHaveProperty('discountRate');
  });

  it('gives the same result in satang as the engine on the model in baht, times 100', () => {
    const inSatang = calculateSroi(toEngineModel(sampleModel()));
    const inBaht = calculateSroi({
      discountRate: 0.035,
      inputs: [{ label: 'grant', value: 10_000 }],
      outcomes: [
        { id: 'A', quantity: 20, proxy: 500, deadweight: 0.2, attribution: 0.25, dropoff: 0.1, duration: 3 },
      ],
    });
    expect(inSatang.presentValue).toBeCloseTo(inBaht.presentValue * 100, 6);
    expect(inSatang.ratio).toBeCloseTo(inBaht.ratio, 12);
    expect(inSatang.perStakeholder).toEqual([
      { stakeholder: 'ผู้เข้าร่วม', presentValue: inSatang.presentValue },
    ]);
  });
});

describe('issue paths', () => {
  it.each([
    ['outcomes[2].proxy', 'outcomes[2].proxySatang'],
    ['inputs[0].value', 'inputs[0].valueSatang'],
    ['inputs[1].stakeholder', 'inputs[1].stakeholderId'],
    ['outcomes[0].deadweight', 'outcomes[0].deadweight'],
    ['outcomes[0].quantityByYear[3]', 'outcomes[0].quantityByYear[3]'],
    ['inputs', 'inputs'],
    ['', ''],
  ])('%s → %s', (engine, stored) => {
    expect(toStoredPath(engine)).toBe(stored);
  });

  it('parses a stored path into section, index and field', () => {
    expect(parseIssuePath('outcomes[2].deadweight')).toEqual({
      section: 'outcomes',
      index: 2,
      field: 'deadweight',
    });
    expect(parseIssuePath('inputs')).toEqual({ section: 'inputs', index: null, field: null });
  });

  it.each([
    [{ path: 'outcomes[0].deadweight', message: 'must be between 0 and 1' }, 'FRACTION'],
    [{ path: 'outcomes[0].duration', message: 'must be an integer greater than or equal to 1' }, 'MIN_ONE'],
    [{ path: 'outcomes[1].id', message: 'duplicate outcome id "A"' }, 'DUPLICATE_ID'],
    [{ path: 'outcomes[0].quantity', message: 'is required (or give quantityByYear)' }, 'QUANTITY_REQUIRED'],
    [{ path: 'outcomes[0].duration', message: 'is required with quantity' }, 'DURATION_REQUIRED'],
    [
      {
        path: 'outcomes[0].dropoff',
        message: 'must not be given together with quantityByYear; build the taper',
      },
      'DROPOFF_WITH_SERIES',
    ],
    [{ path: 'inputs', message: 'must hold at least one input' }, 'NO_INPUTS'],
    [{ path: 'x', message: 'something new' }, 'OTHER'],
  ])('classifies %j as %s', (issue, code) => {
    expect(toStoredIssue(issue).code).toBe(code);
  });

  it('keeps the duplicate id as a parameter', () => {
    expect(toStoredIssue({ path: 'outcomes[1].id', message: 'duplicate outcome id "A"' }).params).toEqual({
      id: 'A',
    });
  });
});

describe('evaluateAssessmentModel', () => {
  it('computes a valid model with no issues and the result the engine gives', () => {
    const model = sampleModel();
    const evaluation = evaluateAssessmentModel(model);
    expect(evaluation.issues).toEqual([]);
    expect(evaluation.result).toEqual(calculateSroi(toEngineModel(model)));
    expect(evaluation.comparison).toBeNull();
    const headline = headlineOf(evaluation.result ?? calculateSroi(toEngineModel(model)));
    expect(Number.isInteger(headline.presentValueSatang)).toBe(true);
    expect(headline.investmentSatang).toBe(1_000_000);
  });

  it('names the stored fields of an invalid model and gives no result', () => {
    const model = sampleModel({
      inputs: [],
      outcomes: [{ ...blankOutcome('A'), proxySatang: 100 }],
    });
    const { result, issues } = evaluateAssessmentModel(model);
    expect(result).toBeNull();
    expect(issues.map((i) => [i.path, i.code])).toEqual([['inputs', 'NO_INPUTS']]);
    const second = evaluateAssessmentModel(sampleModel({ outcomes: [blankOutcome('A'), blankOutcome('A')] }));
    expect(second.issues.map((i) => [i.path, i.code])).toEqual([
      ['outcomes[0].quantity', 'QUANTITY_REQUIRED'],
      ['outcomes[0].duration', 'DURATION_REQUIRED'],
      ['outcomes[1].id', 'DUPLICATE_ID'],
      ['outcomes[1].quantity', 'QUANTITY_REQUIRED'],
      ['outcomes[1].duration', 'DURATION_REQUIRED'],
    ]);
  });

  it('flags unknown and duplicate stakeholders', () => {
    const model = sampleModel({
      stakeholders: [
        { id: 's1', name: 'a', description: '', size: null },
        { id: 's1', name: 'b', description: '', size: null },
      ],
      inputs: [{ stakeholderId: 'nope', label: 'x', valueSatang: 100, year: 0, nonCash: false }],
    });
    expect(storedModelIssues(model).map((i) => [i.path, i.code])).toEqual([
      ['stakeholders[1].id', 'DUPLICATE_STAKEHOLDER'],
      ['inputs[0].stakeholderId', 'UNKNOWN_STAKEHOLDER'],
    ]);
    expect(evaluateAssessmentModel(model).result).toBeNull();
  });

  it('refuses values too large to store', () => {
    const outcome = sampleModel().outcomes[0] ?? blankOutcome('A');
    const model = sampleModel({ outcomes: [{ ...outcome, quantity: 1e300, proxySatang: 9e15 }] });
    const { result, issues } = evaluateAssessmentModel(model);
    expect(result).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(['TOO_LARGE']);
  });

  it('recomputes a th-base-year model under svi-2012 at its default rate', () => {
    const model = sampleModel({ convention: 'th-base-year', discountRate: 0.02 });
    const { result, comparison } = evaluateAssessmentModel(model);
    expect(result?.convention).toBe('th-base-year');
    expect(comparison?.convention).toBe('svi-2012');
    expect(comparison?.discountSchedule).toBe('green-book');
    const engine = toEngineModel(model);
    expect(comparison).toEqual(calculateSroi({ ...engine, convention: 'svi-2012', discountRate: undefined }));
    expect(svi2012Comparison(toEngineModel(sampleModel()))).toBeNull();
  });
});

describe('entry helpers', () => {
  it.each([
    ['1,250.50', 125_050],
    ['1250', 125_000],
    ['0.5', 50],
    ['-20', -2000],
    ['฿ 3 000', 300_000],
    ['1.234', null],
    ['abc', null],
    ['', null],
  ])('bahtToSatang(%j) = %j', (text, satang) => {
    expect(bahtToSatang(text)).toBe(satang);
  });

  it('writes satang back as baht text', () => {
    expect(satangToBahtText(125_050)).toBe('1250.50');
    expect(satangToBahtText(125_000)).toBe('1250');
    expect(satangToBahtText(-5)).toBe('-0.05');
    expect(bahtToSatang(satangToBahtText(987_654_321))).toBe(987_654_321);
  });

  it('converts percentages and fractions without binary noise', () => {
    expect(percentToFraction('20')).toBe(0.2);
    expect(percentToFraction('12.5 %')).toBe(0.125);
    expect(percentToFraction('x')).toBeNull();
    expect(fractionToPercentText(0.035)).toBe('3.5');
    expect(fractionToPercentText(0.07)).toBe('7');
  });

  it('splits months into years and months', () => {
    expect(yearsAndMonths(26.4)).toEqual({ years: 2, months: 2 });
    expect(yearsAndMonths(11.6)).toEqual({ years: 1, months: 0 });
  });

  it('finds the next free id', () => {
    expect(nextId('O', ['O1', 'O3'])).toBe('O2');
    expect(nextId('S', [])).toBe('S1');
  });
});
