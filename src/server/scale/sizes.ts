import type { RegionCode } from '@shared/reference/regions';

/** How much data to generate. */
export interface ScaleSize {
  organisations: number;
  users: number;
  proposals: number;
  reviews: number;
  projects: number;
  indicatorValues: number;
  innovations: number;
  adoptions: number;
  /** Fiscal years (BE) of calls, the current one included. */
  fiscalYears: number;
  /** Limit the data to one region's provinces (one driving unit's area); null: the whole country. */
  region: RegionCode | null;
}

export const SIZE_NAMES = ['national', 'unit'] as const;
export type SizeName = (typeof SIZE_NAMES)[number];

export const SIZES: Record<SizeName, ScaleSize> = {
  national: {
    organisations: 50_000,
    users: 100_000,
    proposals: 200_000,
    reviews: 600_000,
    projects: 20_000,
    indicatorValues: 2_000_000,
    innovations: 100_000,
    adoptions: 300_000,
    fiscalYears: 5,
    region: null,
  },
  unit: {
    organisations: 500,
    users: 1_000,
    proposals: 2_000,
    reviews: 6_000,
    projects: 200,
    indicatorValues: 50_000,
    innovations: 1_000,
    adoptions: 3_000,
    fiscalYears: 5,
    region: 'north',
  },
};

/** A size multiplied by `factor` (each count at least the smallest that still makes a consistent database). */
export function scaleSize(size: ScaleSize, factor: number, region?: RegionCode | null): ScaleSize {
  const times = (n: number, min: number) => Math.max(min, Math.round(n * factor));
  return {
    organisations: times(size.organisations, 10),
    users: times(size.users, 30),
    proposals: times(size.proposals, 40),
    reviews: times(size.reviews, 60),
    projects: times(size.projects, 4),
    indicatorValues: times(size.indicatorValues, 40),
    innovations: times(size.innovations, 10),
    adoptions: times(size.adoptions, 20),
    fiscalYears: size.fiscalYears,
    region: region === undefined ? size.region : region,
  };
}
