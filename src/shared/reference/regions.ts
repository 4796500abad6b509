export const REGION_CODES = ['north', 'northeast', 'central', 'east', 'west', 'south'] as const;
export type RegionCode = (typeof REGION_CODES)[number];

export interface RegionFact {
  code: RegionCode;
  nameTh: string;
  nameEn: string;
}

/** Thailand's six geographic regions (the Royal Society's scheme), in display order. */
export const REGIONS: readonly RegionFact[] = [
  { code: 'north', nameTh: 'ภาคเหนือ', nameEn: 'North' },
  { code: 'northeast', nameTh: 'ภาคตะวันออกเฉียงเหนือ', nameEn: 'Northeast' },
  { code: 'central', nameTh: 'ภาคกลาง', nameEn: 'Central' },
  { code: 'east', nameTh: 'ภาคตะวันออก', nameEn: 'East' },
  { code: 'west', nameTh: 'ภาคตะวันตก', nameEn: 'West' },
  { code: 'south', nameTh: 'ภาคใต้', nameEn: 'South' },
];
