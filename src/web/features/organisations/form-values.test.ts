import { describe, expect, it } from 'vitest';
import type { Organisation } from '@shared/contracts/organisations';
import { ORGANISATION_TYPE_CODES } from '@shared/reference/organisation-types';
import {
  EMPTY_ORGANISATION_FORM,
  formToBody,
  identifierRule,
  organisationToForm,
  validateOrganisationForm,
  type OrganisationFormValues,
} from './form-values';

/** Echoes the key, so that tests can assert which message was chosen. */
const t = (key: string) => key;

function form(values: Partial<OrganisationFormValues>): OrganisationFormValues {
  return { ...EMPTY_ORGANISATION_FORM, ...values };
}

describe('identifierRule', () => {
  it('gives every organisation type a rule', () => {
    for (const type of ORGANISATION_TYPE_CODES) {
      expect(identifierRule(type)).toBeDefined();
    }
  });

  it.each([
    ['private_company', 'juristicId', true],
    ['npo_foundation', 'juristicId', true],
    ['government_agency', 'juristicId', false],
    ['community_enterprise', 'communityEnterpriseCode', true],
    ['youth_group', null, false],
    ['', null, false],
  ] as const)('%s → %s (required: %s)', (type, field, required) => {
    expect(identifierRule(type)).toEqual({ field, required });
  });
});

describe('formToBody', () => {
  it('turns empty inputs into null and area codes into numbers', () => {
    const body = formToBody(
      form({
        nameTh: 'กลุ่มเยาวชนรักษ์ถิ่น',
        type: 'youth_group',
        provinceCode: '50',
        districtCode: '5001',
        subdistrictCode: '500101',
        postalCode: '50200',
        themes: ['health'],
      }),
    );
    expect(body).toMatchObject({
      nameEn: null,
      juristicId: null,
      communityEnterpriseCode: null,
      provinceCode: 50,
      districtCode: 5001,
      subdistrictCode: 500101,
      postalCode: '50200',
      website: null,
      description: '',
      themes: ['health'],
    });
  });

  it('clears the identifier that the chosen type does not use', () => {
    const body = formToBody(
      form({
        type: 'youth_group',
        juristicId: '0105561234567',
        communityEnterpriseCode: '4-34-01-05/1-0012',
      }),
    );
    expect(body.juristicId).toBeNull();
    expect(body.communityEnterpriseCode).toBeNull();
  });
});

describe('validateOrganisationForm', () => {
  it('accepts an informal youth group with only a name and a type', () => {
    const result = validateOrganisationForm(form({ nameTh: 'กลุ่มเยาวชน', type: 'youth_group' }), t);
    expect(result.ok).toBe(true);
  });

  it('asks for the name and the type', () => {
    const result = validateOrganisationForm(form({}), t);
    expect(result).toEqual({
      ok: false,
      errors: { nameTh: 'forms.required', type: 'orgs.form.typeRequired' },
    });
  });

  it('requires a valid juristic number for a company, and normalises its dashes', () => {
    const missing = validateOrganisationForm(form({ nameTh: 'บริษัท', type: 'private_company' }), t);
    expect(missing).toEqual({ ok: false, errors: { juristicId: 'forms.required' } });
    const wrong = validateOrganisationForm(
      form({ nameTh: 'บริษัท', type: 'private_company', juristicId: '0105561234567' }),
      t,
    );
    expect(wrong).toEqual({ ok: false, errors: { juristicId: 'orgs.form.juristicIdInvalid' } });
    const right = validateOrganisationForm(
      form({ nameTh: 'บริษัท', type: 'private_company', juristicId: '0-1055-61234-56-0' }),
      t,
    );
    expect(right.ok && right.body.juristicId).toBe('0105561234560');
  });

  it('checks the community-enterprise code, the postal code, the website and the email', () => {
    const result = validateOrganisationForm(
      form({
        nameTh: 'วิสาหกิจชุมชน',
        type: 'community_enterprise',
        communityEnterpriseCode: '4340105',
        postalCode: '502',
        website: 'ftp://example.org',
        contactEmail: 'not-an-email',
      }),
      t,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        communityEnterpriseCode: 'orgs.form.ceCodeInvalid',
        postalCode: 'orgs.form.postalCodeInvalid',
        website: 'orgs.form.websiteInvalid',
        contactEmail: 'forms.email',
      },
    });
  });
});

describe('organisationToForm', () => {
  it('fills the form from an organisation and keeps only known themes', () => {
    const organisation: Organisation = {
      id: 'o1',
      nameTh: 'มูลนิธิ',
      nameEn: null,
      type: 'npo_foundation',
      juristicId: '0105561234560',
      communityEnterpriseCode: null,
      addressLine: null,
      provinceCode: 50,
      districtCode: 5001,
      subdistrictCode: null,
      postalCode: '50200',
      contactEmail: null,
      contactPhone: null,
      website: null,
      description: '',
      themes: ['health', 'retired_theme'],
      version: 3,
      myRole: 'owner',
      abilities: { edit: true, manageMembers: true },
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    };
    expect(organisationToForm(organisation)).toMatchObject({
      nameEn: '',
      provinceCode: '50',
      districtCode: '5001',
      subdistrictCode: '',
      themes: ['health'],
    });
  });
});
