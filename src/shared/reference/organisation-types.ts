export const ORGANISATION_TYPE_CODES = [
  'community_enterprise',
  'social_enterprise',
  'youth_group',
  'npo_foundation',
  'university',
  'local_government',
  'private_company',
  'civil_society_group',
  'government_agency',
  'international_agency',
] as const;
export type OrganisationTypeCode = (typeof ORGANISATION_TYPE_CODES)[number];

export interface OrganisationTypeFact {
  code: OrganisationTypeCode;
  nameTh: string;
  nameEn: string;
}

/** Kinds of organisation that apply to, run or partner in the programmes. */
export const ORGANISATION_TYPES: readonly OrganisationTypeFact[] = [
  { code: 'community_enterprise', nameTh: 'วิสาหกิจชุมชน', nameEn: 'Community enterprise' },
  { code: 'social_enterprise', nameTh: 'วิสาหกิจเพื่อสังคม', nameEn: 'Social enterprise' },
  { code: 'youth_group', nameTh: 'กลุ่มเยาวชน', nameEn: 'Youth group' },
  {
    code: 'npo_foundation',
    nameTh: 'องค์กรไม่แสวงหากำไร / มูลนิธิ',
    nameEn: 'Non-profit organisation / foundation',
  },
  { code: 'university', nameTh: 'มหาวิทยาลัย / สถาบันการศึกษา', nameEn: 'University / academic institution' },
  {
    code: 'local_government',
    nameTh: 'องค์กรปกครองส่วนท้องถิ่น (อปท.)',
    nameEn: 'Local administrative organisation',
  },
  { code: 'private_company', nameTh: 'บริษัทเอกชน', nameEn: 'Private company' },
  { code: 'civil_society_group', nameTh: 'กลุ่มภาคประชาสังคม', nameEn: 'Civil-society group' },
  { code: 'government_agency', nameTh: 'หน่วยงานภาครัฐ', nameEn: 'Government agency' },
  { code: 'international_agency', nameTh: 'หน่วยงานระหว่างประเทศ', nameEn: 'International agency' },
];
