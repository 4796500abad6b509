import type { Database, DatabaseEngine } from '@server/db/client';
import type { OrganisationTypeCode } from '@shared/reference/organisation-types';
import type { RegionCode } from '@shared/reference/regions';
import type { ThemeCode } from '@shared/reference/themes';
import type { WeightedSampler } from './distributions';
import type { Loader } from './loader';
import type { Random } from './random';
import type { ScaleSize } from './sizes';
import type { Place } from './text';

/** What every phase of the generator gets. */
export interface ScaleContext {
  db: Database;
  engine: DatabaseEngine;
  loader: Loader;
  /** The root stream; each phase forks its own. */
  random: Random;
  size: ScaleSize;
  /** The instant the data is generated "as of": nothing happens after it. */
  asOf: Date;
  /** Its Bangkok date (ISO). */
  today: string;
  /** Its fiscal year (BE). */
  fiscalYearNow: number;
  /** The one password hash every generated account shares. */
  passwordHash: string;
  log: (line: string) => void;
}

export interface ProvinceInfo {
  code: number;
  region: RegionCode;
  nameTh: string;
  nameEn: string;
}

export interface SubdistrictInfo {
  code: number;
  districtCode: number;
  nameTh: string;
  nameEn: string;
}

/** Geography and reference rows the generated data refers to. */
export interface Reference {
  /** The provinces data is generated in (all, or one region's). */
  provinces: ProvinceInfo[];
  districtNames: Map<number, { nameTh: string; nameEn: string }>;
  subdistrictsByProvince: Map<number, SubdistrictInfo[]>;
  /** The poor-province target group (กลุ่มจังหวัดยากจน) within `provinces`; all of `provinces` when it has none. */
  targetGroup: number[];
  /** Busy provinces first: a Zipf sampler over `provinces`. */
  provinceSampler: WeightedSampler<number>;
  themeSampler: WeightedSampler<ThemeCode>;
  programmeIds: Map<string, string>;
  libraryIndicators: LibraryIndicator[];
  /** A random place (subdistrict when imported) in a province. */
  placeIn(random: Random, provinceCode: number): Place;
}

export interface LibraryIndicator {
  id: string;
  code: string;
  nameTh: string;
  nameEn: string;
  unitTh: string;
  unitEn: string;
  type: string;
  direction: string;
  aggregation: string;
  disaggregations: string[];
  themes: string[];
}

export interface UnitInfo {
  id: string;
  kind: 'area_based' | 'entrepreneurs_youth';
  regionCode: RegionCode | null;
  provinceCodes: number[];
  staffUserIds: string[];
}

export interface ReviewerInfo {
  userId: string;
  themes: ThemeCode[];
  provinceCode: number;
}

export interface People {
  adminUserId: string;
  officerUserIds: string[];
  units: UnitInfo[];
  /** The area-based unit of each province (the first by name, as the application picks it). */
  areaUnitByProvince: Map<number, string>;
  reviewers: ReviewerInfo[];
  partnerUserIds: string[];
  /** Applicants in the order organisations take their owners. */
  applicantUserIds: string[];
  partners: Array<{ id: string; nameTh: string }>;
}

/** The organisations, in parallel arrays (50,000 of them at national size). */
export interface Organisations {
  ids: string[];
  types: OrganisationTypeCode[];
  provinceCodes: number[];
  places: Place[];
  nameTh: string[];
  nameEn: string[];
  ownerUserIds: string[];
  /** Members (owner first) of each organisation. */
  memberUserIds: string[][];
  byType: Map<OrganisationTypeCode, number[]>;
  byProvince: Map<number, number[]>;
}
