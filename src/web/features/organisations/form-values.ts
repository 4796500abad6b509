import type { FieldErrors, Resolver } from 'react-hook-form';
import {
  CreateOrganisationBodySchema,
  type CreateOrganisationBody,
  type Organisation,
} from '@shared/contracts/organisations';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import { THEME_CODES, type ThemeCode } from '@shared/reference/themes';
import { issueMessage, type Translate } from '@web/lib/forms';
import type { MessageKey } from '@web/lib/i18n';

/** Which identifier an organisation of a type shows, and whether it must be given. */
export interface IdentifierRule {
  field: 'juristicId' | 'communityEnterpriseCode' | null;
  required: boolean;
}

/**
 * Registered bodies (companies, foundations, social enterprises) have a juristic-person number; public bodies have
 * the same 13-digit number but may leave it out; community enterprises have their registration code; informal
 * groups (youth, civil society) and international agencies have none.
 */
export function identifierRule(type: OrganisationTypeCode | ''): IdentifierRule {
  switch (type) {
    case 'social_enterprise':
    case 'npo_foundation':
    case 'private_company':
      return { field: 'juristicId', required: true };
    case 'university':
    case 'local_government':
    case 'government_agency':
      return { field: 'juristicId', required: false };
    case 'community_enterprise':
      return { field: 'communityEnterpriseCode', required: true };
    case 'youth_group':
    case 'civil_society_group':
    case 'international_agency':
    case '':
      return { field: null, required: false };
  }
}

/** The form's own values: text inputs and selects hold strings; an empty string means "not given". */
export interface OrganisationFormValues {
  nameTh: string;
  nameEn: string;
  type: OrganisationTypeCode | '';
  juristicId: string;
  communityEnterpriseCode: string;
  addressLine: string;
  provinceCode: string;
  districtCode: string;
  subdistrictCode: string;
  postalCode: string;
  contactEmail: string;
  contactPhone: string;
  website: string;
  description: string;
  themes: ThemeCode[];
}

/** The form's fields in the order they appear (the first invalid one takes the focus). */
export const ORGANISATION_FIELDS = [
  'nameTh',
  'nameEn',
  'type',
  'juristicId',
  'communityEnterpriseCode',
  'addressLine',
  'provinceCode',
  'districtCode',
  'subdistrictCode',
  'postalCode',
  'contactEmail',
  'contactPhone',
  'website',
  'description',
  'themes',
] as const satisfies ReadonlyArray<keyof OrganisationFormValues>;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export const EMPTY_ORGANISATION_FORM: OrganisationFormValues = {
  nameTh: '',
  nameEn: '',
  type: '',
  juristicId: '',
  communityEnterpriseCode: '',
  addressLine: '',
  provinceCode: '',
  districtCode: '',
  subdistrictCode: '',
  postalCode: '',
  contactEmail: '',
  contactPhone: '',
  website: '',
  description: '',
  themes: [],
};

function isThemeCode(value: string): value is ThemeCode {
  return (THEME_CODES as readonly string[]).includes(value);
}

function text(value: string | null | undefined): string {
  return value ?? '';
}

function code(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The form's values for an organisation being edited. */
export function organisationToForm(organisation: Organisation): OrganisationFormValues {
  return {
    nameTh: organisation.nameTh,
    nameEn: text(organisation.nameEn),
    type: organisation.type,
    juristicId: text(organisation.juristicId),
    communityEnterpriseCode: text(organisation.communityEnterpriseCode),
    addressLine: text(organisation.addressLine),
    provinceCode: code(organisation.provinceCode),
    districtCode: code(organisation.districtCode),
    subdistrictCode: code(organisation.subdistrictCode),
    postalCode: text(organisation.postalCode),
    contactEmail: text(organisation.contactEmail),
    contactPhone: text(organisation.contactPhone),
    website: text(organisation.website),
    description: organisation.description,
    themes: organisation.themes.filter(isThemeCode),
  };
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function codeOrNull(value: string): number | null {
  return value === '' ? null : Number(value);
}

/**
 * The request body (before the contract's own parsing) for the form's values: empty inputs become null, so that
 * an edit can clear a field; the identifier the type does not use is cleared.
 */
export function formToBody(values: OrganisationFormValues): Record<keyof CreateOrganisationBody, unknown> {
  const rule = identifierRule(values.type);
  return {
    nameTh: values.nameTh,
    nameEn: orNull(values.nameEn),
    type: values.type === '' ? undefined : values.type,
    juristicId: rule.field === 'juristicId' ? orNull(values.juristicId) : null,
    communityEnterpriseCode:
      rule.field === 'communityEnterpriseCode' ? orNull(values.communityEnterpriseCode) : null,
    addressLine: orNull(values.addressLine),
    provinceCode: codeOrNull(values.provinceCode),
    districtCode: codeOrNull(values.districtCode),
    subdistrictCode: codeOrNull(values.subdistrictCode),
    postalCode: orNull(values.postalCode),
    contactEmail: orNull(values.contactEmail),
    contactPhone: orNull(values.contactPhone),
    website: orNull(values.website),
    description: values.description.trim(),
    themes: values.themes,
  };
}

/** Fields whose rule is a pattern or a refinement: Zod's own words would not help a person. */
const HINTS: Partial<Record<OrganisationField, MessageKey>> = {
  type: 'orgs.form.typeRequired',
  juristicId: 'orgs.form.juristicIdInvalid',
  communityEnterpriseCode: 'orgs.form.ceCodeInvalid',
  postalCode: 'orgs.form.postalCodeInvalid',
  contactPhone: 'forms.phone',
  website: 'orgs.form.websiteInvalid',
};

function isField(name: unknown): name is OrganisationField {
  return typeof name === 'string' && (ORGANISATION_FIELDS as readonly string[]).includes(name);
}

export type OrganisationValidation =
  | { ok: true; body: CreateOrganisationBody }
  | { ok: false; errors: Partial<Record<OrganisationField, string>> };

/**
 * Checks the form with the shared contract (`CreateOrganisationBodySchema`) plus the identifier the type needs,
 * and returns the body to send or one message per field, in the UI language.
 */
export function validateOrganisationForm(
  values: OrganisationFormValues,
  t: Translate,
): OrganisationValidation {
  const errors: Partial<Record<OrganisationField, string>> = {};
  const result = CreateOrganisationBodySchema.safeParse(formToBody(values));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const [name] = issue.path;
      if (!isField(name) || errors[name] !== undefined) {
        continue;
      }
      const hint = HINTS[name];
      errors[name] = hint ? t(hint) : issueMessage(issue, t);
    }
  }
  const rule = identifierRule(values.type);
  if (rule.field && rule.required && values[rule.field].trim() === '' && errors[rule.field] === undefined) {
    errors[rule.field] = t('forms.required');
  }
  if (result.success && Object.keys(errors).length === 0) {
    return { ok: true, body: result.data };
  }
  return { ok: false, errors };
}

/** A react-hook-form resolver around `validateOrganisationForm` (errors keep the form's field order). */
export function organisationResolver(t: Translate): Resolver<OrganisationFormValues> {
  return async (values) => {
    const validation = validateOrganisationForm(values, t);
    if (validation.ok) {
      return { values, errors: {} };
    }
    const errors: FieldErrors<OrganisationFormValues> = {};
    for (const name of ORGANISATION_FIELDS) {
      const message = validation.errors[name];
      if (message !== undefined) {
        errors[name] = { type: 'validate', message };
      }
    }
    return { values: {}, errors };
  };
}
