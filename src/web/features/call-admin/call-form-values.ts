import type {
  CallDetail,
  CallStageMode,
  CreateCallBody,
  EligibilityRules,
  FormStage,
} from '@shared/contracts/calls';
import { CallCodeSchema } from '@shared/contracts/calls';
import { ORGANISATION_TYPE_CODES, type OrganisationTypeCode } from '@shared/reference/organisation-types';
import { REGION_CODES, type RegionCode } from '@shared/reference/regions';
import { THEME_CODES, type ThemeCode } from '@shared/reference/themes';
import type { MessageKey } from '@web/lib/i18n';
import { bahtToSatang, satangToBahtText } from './baht';
import {
  bangkokToIso,
  currentFiscalYearBe,
  EMPTY_BANGKOK_DATE_TIME,
  isBlankDateTime,
  isoToBangkok,
  type BangkokDateTime,
} from './bangkok-time';

/** The call form's own values: inputs hold text; dates are Bangkok date-time parts. */
export interface CallFormValues {
  programmeSlug: string;
  code: string;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  opensAt: BangkokDateTime;
  closesAt: BangkokDateTime;
  fullClosesAt: BangkokDateTime;
  fiscalYear: string;
  totalBudget: string;
  minGrant: string;
  maxGrant: string;
  stageMode: CallStageMode;
  organisationTypes: OrganisationTypeCode[];
  provinceCodes: string[];
  regionCodes: RegionCode[];
  targetGroupOnly: boolean;
  themes: ThemeCode[];
  maxProposalsPerOrganisation: string;
}

/** The form's fields in the order they appear (the first invalid one takes the focus). */
export const CALL_FIELDS = [
  'programmeSlug',
  'code',
  'titleTh',
  'titleEn',
  'descriptionTh',
  'descriptionEn',
  'opensAt',
  'closesAt',
  'fullClosesAt',
  'fiscalYear',
  'totalBudget',
  'minGrant',
  'maxGrant',
  'stageMode',
  'organisationTypes',
  'provinceCodes',
  'regionCodes',
  'targetGroupOnly',
  'themes',
  'maxProposalsPerOrganisation',
] as const satisfies ReadonlyArray<keyof CallFormValues>;
export type CallField = (typeof CALL_FIELDS)[number];

/** Where a server field (`body.eligibility.themes`, `body.totalBudgetSatang`) shows on this form. */
export function callFieldOfServerPath(path: string): CallField | undefined {
  const name = path.replace(/^body\./, '').replace(/^eligibility\./, '');
  const bySatang: Record<string, CallField> = {
    totalBudgetSatang: 'totalBudget',
    minGrantSatang: 'minGrant',
    maxGrantSatang: 'maxGrant',
  };
  const head = name.split('.')[0] ?? '';
  const field = bySatang[head] ?? head;
  return (CALL_FIELDS as readonly string[]).includes(field) ? (field as CallField) : undefined;
}

export function emptyCallForm(programmeSlug = '', now: number = Date.now()): CallFormValues {
  return {
    programmeSlug,
    code: '',
    titleTh: '',
    titleEn: '',
    descriptionTh: '',
    descriptionEn: '',
    opensAt: { ...EMPTY_BANGKOK_DATE_TIME, time: '09:00' },
    closesAt: { ...EMPTY_BANGKOK_DATE_TIME, time: '23:59:59' },
    fullClosesAt: { ...EMPTY_BANGKOK_DATE_TIME, time: '23:59:59' },
    fiscalYear: String(currentFiscalYearBe(now)),
    totalBudget: '',
    minGrant: '0',
    maxGrant: '',
    stageMode: 'single',
    organisationTypes: [],
    provinceCodes: [],
    regionCodes: [],
    targetGroupOnly: false,
    themes: [],
    maxProposalsPerOrganisation: '',
  };
}

/** The form's values for a call being edited. */
export function callToForm(call: CallDetail): CallFormValues {
  const rules = call.eligibility;
  return {
    programmeSlug: call.programmeSlug,
    code: call.code,
    titleTh: call.titleTh,
    titleEn: call.titleEn,
    descriptionTh: call.descriptionTh,
    descriptionEn: call.descriptionEn,
    opensAt: isoToBangkok(call.opensAt),
    closesAt: isoToBangkok(call.closesAt),
    fullClosesAt: call.fullClosesAt
      ? isoToBangkok(call.fullClosesAt)
      : { ...EMPTY_BANGKOK_DATE_TIME, time: '23:59:59' },
    fiscalYear: String(call.fiscalYear),
    totalBudget: satangToBahtText(call.totalBudgetSatang),
    minGrant: satangToBahtText(call.minGrantSatang),
    maxGrant: satangToBahtText(call.maxGrantSatang),
    stageMode: call.stageMode,
    organisationTypes: [...rules.organisationTypes],
    provinceCodes: rules.provinceCodes.map(String),
    regionCodes: [...rules.regionCodes],
    targetGroupOnly: rules.targetGroupOnly,
    themes: [...rules.themes],
    maxProposalsPerOrganisation:
      rules.maxProposalsPerOrganisation === null ? '' : String(rules.maxProposalsPerOrganisation),
  };
}

export type CallValidation =
  { ok: true; body: CreateCallBody } | { ok: false; errors: Partial<Record<CallField, MessageKey>> };

const MAX_SATANG = 1_000_000_000_000_000;

/**
 * Checks the form and builds the request body: required texts, the receipt code, real Bangkok dates in order
 * (opens < closes < full-proposal deadline), fiscal year, baht amounts (min ≤ max ≤ total) and the eligibility rules.
 * Returns one catalogue key per invalid field.
 */
export function validateCallForm(values: CallFormValues): CallValidation {
  const errors: Partial<Record<CallField, MessageKey>> = {};
  const need = (field: CallField, value: string) => {
    if (value.trim() === '') {
      errors[field] = 'forms.required';
    }
  };
  need('programmeSlug', values.programmeSlug);
  need('titleTh', values.titleTh);
  need('titleEn', values.titleEn);

  const code = values.code.trim().toUpperCase();
  if (code === '') {
    errors.code = 'forms.required';
  } else if (!CallCodeSchema.safeParse(code).success) {
    errors.code = 'calls.admin.form.codeInvalid';
  }

  const moment = (field: 'opensAt' | 'closesAt' | 'fullClosesAt', value: BangkokDateTime) => {
    const iso = bangkokToIso(value);
    if (!iso) {
      errors[field] = isBlankDateTime({ ...value, time: '' })
        ? 'forms.required'
        : 'calls.admin.form.dateInvalid';
    }
    return iso;
  };
  const opensAt = moment('opensAt', values.opensAt);
  const closesAt = moment('closesAt', values.closesAt);
  if (opensAt && closesAt && Date.parse(closesAt) <= Date.parse(opensAt)) {
    errors.closesAt = 'calls.admin.form.closesBeforeOpens';
  }
  let fullClosesAt: string | null = null;
  if (values.stageMode === 'two_stage') {
    fullClosesAt = moment('fullClosesAt', values.fullClosesAt);
    if (fullClosesAt && closesAt && Date.parse(fullClosesAt) <= Date.parse(closesAt)) {
      errors.fullClosesAt = 'calls.admin.form.fullBeforeCloses';
    }
  }

  const fiscalYear = Number(values.fiscalYear.trim());
  if (values.fiscalYear.trim() === '') {
    errors.fiscalYear = 'forms.required';
  } else if (!Number.isInteger(fiscalYear) || fiscalYear < 2500 || fiscalYear > 2700) {
    errors.fiscalYear = 'calls.admin.form.fiscalYearInvalid';
  }

  const money = (field: 'totalBudget' | 'minGrant' | 'maxGrant', text: string, required: boolean) => {
    const satang = bahtToSatang(text);
    if (satang === undefined) {
      if (required) {
        errors[field] = 'forms.required';
      }
      return 0;
    }
    if (satang === null || satang > MAX_SATANG) {
      errors[field] = 'calls.admin.form.moneyInvalid';
      return 0;
    }
    return satang;
  };
  const totalBudgetSatang = money('totalBudget', values.totalBudget, true);
  const minGrantSatang = money('minGrant', values.minGrant, false);
  const maxGrantSatang = money('maxGrant', values.maxGrant, true);
  if (!errors.minGrant && !errors.maxGrant && minGrantSatang > maxGrantSatang) {
    errors.maxGrant = 'calls.admin.form.maxBelowMin';
  }
  if (!errors.maxGrant && !errors.totalBudget && maxGrantSatang > totalBudgetSatang) {
    errors.maxGrant = 'calls.admin.form.maxAboveTotal';
  }

  let maxProposals: number | null = null;
  const limit = values.maxProposalsPerOrganisation.trim();
  if (limit !== '') {
    maxProposals = Number(limit);
    if (!Number.isInteger(maxProposals) || maxProposals < 1 || maxProposals > 100) {
      errors.maxProposalsPerOrganisation = 'calls.admin.form.limitInvalid';
    }
  }

  if (Object.keys(errors).length > 0 || !opensAt || !closesAt) {
    return { ok: false, errors };
  }
  const eligibility: EligibilityRules = {
    organisationTypes: values.organisationTypes.filter((c) =>
      (ORGANISATION_TYPE_CODES as readonly string[]).includes(c),
    ),
    provinceCodes: [...new Set(values.provinceCodes.map(Number))].filter((c) => Number.isInteger(c)),
    regionCodes: values.regionCodes.filter((c) => (REGION_CODES as readonly string[]).includes(c)),
    targetGroupOnly: values.targetGroupOnly,
    themes: values.themes.filter((c) => (THEME_CODES as readonly string[]).includes(c)),
    maxProposalsPerOrganisation: maxProposals,
  };
  return {
    ok: true,
    body: {
      programmeSlug: values.programmeSlug,
      code,
      titleTh: values.titleTh.trim(),
      titleEn: values.titleEn.trim(),
      descriptionTh: values.descriptionTh.trim(),
      descriptionEn: values.descriptionEn.trim(),
      opensAt,
      closesAt,
      fullClosesAt,
      fiscalYear,
      totalBudgetSatang,
      minGrantSatang,
      maxGrantSatang,
      stageMode: values.stageMode,
      eligibility,
    },
  };
}

/** The form stages of a call: one form, or a concept note and then a full proposal. */
export function callStages(call: { stageMode: CallStageMode }): FormStage[] {
  return call.stageMode === 'two_stage' ? ['concept', 'full'] : ['proposal'];
}
