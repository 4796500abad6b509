import { describe, expect, it } from 'vitest';
import { CreateCallBodySchema, UpdateProgrammeBodySchema } from '@shared/contracts/calls';
import {
  callFieldOfServerPath,
  callStages,
  emptyCallForm,
  validateCallForm,
  type CallFormValues,
} from './call-form-values';
import { parseFiscalYears, validateProgrammeForm, type ProgrammeFormValues } from './programme-form-values';

const NOW = Date.parse('2026-05-01T03:00:00Z');

function filled(patch: Partial<CallFormValues> = {}): CallFormValues {
  return {
    ...emptyCallForm('city-challenge', NOW),
    code: 'cc',
    titleTh: 'รอบโจทย์เมือง 2569',
    titleEn: 'City Challenge 2569',
    opensAt: { day: '1', month: '6', yearBe: '2569', time: '09:00' },
    closesAt: { day: '31', month: '7', yearBe: '2569', time: '23:59:59' },
    totalBudget: '10,000,000',
    minGrant: '100000',
    maxGrant: '500000.50',
    ...patch,
  };
}

describe('validateCallForm', () => {
  it('builds a body the shared contract accepts, with Bangkok instants and satang', () => {
    const result = validateCallForm(
      filled({
        organisationTypes: ['community_enterprise'],
        provinceCodes: ['50', '57', '50'],
        regionCodes: ['northeast'],
        themes: ['health'],
        maxProposalsPerOrganisation: '2',
      }),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.body).toMatchObject({
      code: 'CC',
      opensAt: '2026-06-01T09:00:00+07:00',
      closesAt: '2026-07-31T23:59:59+07:00',
      fullClosesAt: null,
      fiscalYear: 2569,
      totalBudgetSatang: 1_000_000_000,
      minGrantSatang: 10_000_000,
      maxGrantSatang: 50_000_050,
      stageMode: 'single',
    });
    expect(result.body.eligibility).toEqual({
      organisationTypes: ['community_enterprise'],
      provinceCodes: [50, 57],
      regionCodes: ['northeast'],
      targetGroupOnly: false,
      themes: ['health'],
      maxProposalsPerOrganisation: 2,
    });
    expect(CreateCallBodySchema.safeParse(result.body).success).toBe(true);
  });

  it('asks for the required fields', () => {
    const result = validateCallForm(emptyCallForm('', NOW));
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors).toMatchObject({
      programmeSlug: 'forms.required',
      code: 'forms.required',
      titleTh: 'forms.required',
      opensAt: 'forms.required',
      closesAt: 'forms.required',
      totalBudget: 'forms.required',
      maxGrant: 'forms.required',
    });
  });

  it('checks the code, the dates in order and the money', () => {
    const result = validateCallForm(
      filled({
        code: 'C1',
        closesAt: { day: '31', month: '5', yearBe: '2569', time: '23:59:59' },
        minGrant: '600000',
        fiscalYear: '69',
        maxProposalsPerOrganisation: '0',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) {
      return;
    }
    expect(result.errors).toEqual({
      code: 'calls.admin.form.codeInvalid',
      closesAt: 'calls.admin.form.closesBeforeOpens',
      maxGrant: 'calls.admin.form.maxBelowMin',
      fiscalYear: 'calls.admin.form.fiscalYearInvalid',
      maxProposalsPerOrganisation: 'calls.admin.form.limitInvalid',
    });
    const invalidDate = validateCallForm(
      filled({ opensAt: { day: '31', month: '2', yearBe: '2569', time: '09:00' } }),
    );
    expect(invalidDate.ok ? null : invalidDate.errors.opensAt).toBe('calls.admin.form.dateInvalid');
    const tooBig = validateCallForm(filled({ maxGrant: '20,000,000' }));
    expect(tooBig.ok ? null : tooBig.errors.maxGrant).toBe('calls.admin.form.maxAboveTotal');
  });

  it('needs a full-proposal deadline after the concept deadline for two-stage calls', () => {
    const missing = validateCallForm(filled({ stageMode: 'two_stage' }));
    expect(missing.ok ? null : missing.errors.fullClosesAt).toBe('forms.required');
    const early = validateCallForm(
      filled({
        stageMode: 'two_stage',
        fullClosesAt: { day: '1', month: '7', yearBe: '2569', time: '12:00' },
      }),
    );
    expect(early.ok ? null : early.errors.fullClosesAt).toBe('calls.admin.form.fullBeforeCloses');
    const good = validateCallForm(
      filled({
        stageMode: 'two_stage',
        fullClosesAt: { day: '30', month: '9', yearBe: '2569', time: '23:59:59' },
      }),
    );
    expect(good.ok && good.body.fullClosesAt).toBe('2026-09-30T23:59:59+07:00');
  });

  it('starts a new call in the current fiscal year, with the day-end closing time', () => {
    const empty = emptyCallForm('', NOW);
    expect(empty.fiscalYear).toBe('2569');
    expect(empty.closesAt.time).toBe('23:59:59');
  });

  it('places server field problems on the form', () => {
    expect(callFieldOfServerPath('body.totalBudgetSatang')).toBe('totalBudget');
    expect(callFieldOfServerPath('body.eligibility.provinceCodes.3')).toBe('provinceCodes');
    expect(callFieldOfServerPath('body.closesAt')).toBe('closesAt');
    expect(callFieldOfServerPath('body.version')).toBeUndefined();
  });

  it('names the stages of a call', () => {
    expect(callStages({ stageMode: 'single' })).toEqual(['proposal']);
    expect(callStages({ stageMode: 'two_stage' })).toEqual(['concept', 'full']);
  });
});

describe('programme form', () => {
  const values: ProgrammeFormValues = {
    type: 'city_challenge',
    nameTh: 'นวัตกรรมเพื่อเมือง',
    nameEn: 'City innovation',
    summaryTh: '',
    summaryEn: '',
    descriptionTh: '',
    descriptionEn: '',
    objectives: ['3', '1', '3'],
    ownerKind: 'team',
    ownerTeam: 'ทีมเมือง',
    drivingUnitId: '',
    fiscalYears: '2570, 2569 2570',
    budget: '25,000,000',
  };

  it('reads Buddhist-Era fiscal years', () => {
    expect(parseFiscalYears('2570, 2569 2570')).toEqual([2569, 2570]);
    expect(parseFiscalYears('')).toEqual([]);
    expect(parseFiscalYears('2026')).toBeNull();
    expect(parseFiscalYears('69')).toBeNull();
  });

  it('builds a PATCH body the shared contract accepts', () => {
    const result = validateProgrammeForm(values);
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.body).toMatchObject({
      objectives: [1, 3],
      ownerTeam: 'ทีมเมือง',
      drivingUnitId: null,
      fiscalYears: [2569, 2570],
      budgetSatang: 2_500_000_000,
    });
    expect(UpdateProgrammeBodySchema.safeParse({ ...result.body, version: 1 }).success).toBe(true);
  });

  it('clears the budget when it is left empty and asks for the owner that was chosen', () => {
    const cleared = validateProgrammeForm({ ...values, budget: '', ownerKind: 'none' });
    expect(cleared.ok && cleared.body).toMatchObject({
      budgetSatang: null,
      ownerTeam: null,
      drivingUnitId: null,
    });
    const noUnit = validateProgrammeForm({ ...values, ownerKind: 'unit' });
    expect(noUnit.ok ? null : noUnit.errors.drivingUnitId).toBe('calls.admin.programme.chooseUnit');
    const bad = validateProgrammeForm({ ...values, nameEn: ' ', fiscalYears: '25x', budget: '-1' });
    expect(bad.ok ? null : bad.errors).toEqual({
      nameEn: 'forms.required',
      fiscalYears: 'calls.admin.programme.fiscalYearsInvalid',
      budget: 'calls.admin.form.moneyInvalid',
    });
  });
});
