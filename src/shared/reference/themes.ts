export const THEME_CODES = [
  'environment',
  'food_water_energy',
  'government_education',
  'finance_employment_welfare',
  'sustainable_agriculture',
  'urbanisation',
  'health',
  'tourism_culture',
  'disaster_management',
] as const;
export type ThemeCode = (typeof THEME_CODES)[number];

export interface ThemeFact {
  code: ThemeCode;
  number: number;
  nameTh: string;
  nameEn: string;
}

/** The nine sectoral social-innovation themes, numbered as the programme numbers them. */
export const THEMES: readonly ThemeFact[] = [
  { code: 'environment', number: 1, nameTh: 'การอนุรักษ์สิ่งแวดล้อม', nameEn: 'Environmental conservation' },
  {
    code: 'food_water_energy',
    number: 2,
    nameTh: 'ความเชื่อมโยงระหว่าง อาหาร น้ำ และพลังงาน',
    nameEn: 'Food–water–energy nexus',
  },
  { code: 'government_education', number: 3, nameTh: 'ภาครัฐและการศึกษา', nameEn: 'Government and education' },
  {
    code: 'finance_employment_welfare',
    number: 4,
    nameTh: 'การเงิน การจ้างงาน และสวัสดิการสังคม',
    nameEn: 'Finance, employment and social welfare',
  },
  { code: 'sustainable_agriculture', number: 5, nameTh: 'เกษตรกรรมยั่งยืน', nameEn: 'Sustainable agriculture' },
  { code: 'urbanisation', number: 6, nameTh: 'ความเป็นเมือง', nameEn: 'Urbanisation' },
  { code: 'health', number: 7, nameTh: 'สุขภาพ', nameEn: 'Health' },
  { code: 'tourism_culture', number: 8, nameTh: 'การท่องเที่ยวและวัฒนธรรม', nameEn: 'Tourism and culture' },
  { code: 'disaster_management', number: 9, nameTh: 'การจัดการภัยพิบัติ', nameEn: 'Disaster management' },
];
