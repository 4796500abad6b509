import { and, asc, eq, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import { forEachChunk } from '@server/db/chunks';
import { districts, provinceGroupMembers, provinces, regions, subdistricts } from '@server/db/schema/index';
import type { GeoJsonGeometry } from '@server/db/schema/index';

import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';

const districtCount = sql<number>`(SELECT count(*)::int FROM districts d WHERE d.province_code = provinces.code)`;
const subdistrictCount = sql<number>`(SELECT count(*)::int FROM subdistricts s JOIN districts d ON d.code = s.district_code WHERE d.province_code = provinces.code)`;

const provinceColumns = {
  code: provinces.code,
  nameTh: provinces.nameTh,
  nameEn: provinces.nameEn,
  regionCode: provinces.regionCode,
  hasBoundary: sql<boolean>`${provinces.boundary} IS NOT NULL`,
  districtCount,
  subdistrictCount,
  targetRank: provinceGroupMembers.rank,
  isTarget: sql<boolean>`${provinceGroupMembers.provinceCode} IS NOT NULL`,
};

export async function listRegions(db: DbOrTx) {
  return db
    .select({
      code: regions.code,
      nameTh: regions.nameTh,
      nameEn: regions.nameEn,
      provinceCount: sql<number>`(SELECT count(*)::int FROM provinces p WHERE p.region_code = regions.code)`,
    })
    .from(regions)
    .orderBy(asc(regions.sortOrder));
}

export async function listProvinces(db: DbOrTx, filter: { regionCode?: string | undefined }) {
  return db
    .select(provinceColumns)
    .from(provinces)
    .leftJoin(
      provinceGroupMembers,
      and(
        eq(provinceGroupMembers.provinceCode, provinces.code),
        eq(provinceGroupMembers.groupCode, TARGET_GROUP_CODE),
      ),
    )
    .where(filter.regionCode ? eq(provinces.regionCode, filter.regionCode) : undefined)
    .orderBy(asc(provinces.code));
}

export async function findProvince(db: DbOrTx, code: number) {
  const rows = await db
    .select({ ...provinceColumns, regionNameTh: regions.nameTh, regionNameEn: regions.nameEn })
    .from(provinces)
    .innerJoin(regions, eq(regions.code, provinces.regionCode))
    .leftJoin(
      provinceGroupMembers,
      and(
        eq(provinceGroupMembers.provinceCode, provinces.code),
        eq(provinceGroupMembers.groupCode, TARGET_GROUP_CODE),
      ),
    )
    .where(eq(provinces.code, code));
  return rows[0];
}

export async function listDistricts(db: DbOrTx, provinceCode: number) {
  return db
    .select({
      code: districts.code,
      provinceCode: districts.provinceCode,
      nameTh: districts.nameTh,
      nameEn: districts.nameEn,
      postalCode: districts.postalCode,
      subdistrictCount: sql<number>`(SELECT count(*)::int FROM subdistricts s WHERE s.district_code = districts.code)`,
    })
    .from(districts)
    .where(eq(districts.provinceCode, provinceCode))
    .orderBy(asc(districts.code));
}

export async function districtExists(db: DbOrTx, code: number): Promise<boolean> {
  const rows = await db.select({ code: districts.code }).from(districts).where(eq(districts.code, code));
  return rows.length > 0;
}

export async function listSubdistricts(db: DbOrTx, districtCode: number) {
  return db
    .select({
      code: subdistricts.code,
      districtCode: subdistricts.districtCode,
      nameTh: subdistricts.nameTh,
      nameEn: subdistricts.nameEn,
      postalCode: subdistricts.postalCode,
    })
    .from(subdistricts)
    .where(eq(subdistricts.districtCode, districtCode))
    .orderBy(asc(subdistricts.code));
}

export async function listBoundaries(db: DbOrTx) {
  return db
    .select({
      code: provinces.code,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
      boundary: provinces.boundary,
    })
    .from(provinces)
    .where(sql`${provinces.boundary} IS NOT NULL`)
    .orderBy(asc(provinces.code));
}

export async function listProvinceCodes(db: DbOrTx): Promise<Set<number>> {
  const rows = await db.select({ code: provinces.code }).from(provinces);
  return new Set(rows.map((r) => r.code));
}

export async function countAdministrativeAreas(db: DbOrTx) {
  const rows = await queryRows<{ provinces: number; districts: number; subdistricts: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM ${provinces}) AS provinces,
               (SELECT count(*)::int FROM ${districts}) AS districts,
               (SELECT count(*)::int FROM ${subdistricts}) AS subdistricts`,
  );
  const row = rows[0];
  return {
    provinces: Number(row?.provinces ?? 0),
    districts: Number(row?.districts ?? 0),
    subdistricts: Number(row?.subdistricts ?? 0),
  };
}

export interface RegionRow {
  code: string;
  nameTh: string;
  nameEn: string;
  sortOrder: number;
}
export interface ProvinceRow {
  code: number;
  regionCode: string;
  nameTh: string;
  nameEn: string;
}
export interface AreaRow {
  code: number;
  parentCode: number;
  nameTh: string;
  nameEn: string;
  postalCode: string | null;
}

export async function upsertRegions(db: DbOrTx, rows: RegionRow[]) {
  await db
    .insert(regions)
    .values(rows)
    .onConflictDoUpdate({
      target: regions.code,
      set: {
        nameTh: sql`excluded.name_th`,
        nameEn: sql`excluded.name_en`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
}

export async function upsertProvinces(db: DbOrTx, rows: ProvinceRow[]) {
  await db
    .insert(provinces)
    .values(rows)
    .onConflictDoUpdate({
      target: provinces.code,
      set: {
        nameTh: sql`excluded.name_th`,
        nameEn: sql`excluded.name_en`,
        regionCode: sql`excluded.region_code`,
        updatedAt: sql`now()`,
      },
      // Only a province whose facts changed is written: a start (or a restore) leaves the others as they were.
      setWhere: sql`(${provinces.nameTh}, ${provinces.nameEn}, ${provinces.regionCode})
        IS DISTINCT FROM (excluded.name_th, excluded.name_en, excluded.region_code)`,
    });
}

const CHUNK = 1000;

export async function upsertDistricts(db: DbOrTx, rows: AreaRow[]) {
  await forEachChunk(rows, CHUNK, (chunk) =>
    db
      .insert(districts)
      .values(
        chunk.map((r) => ({
          code: r.code,
          provinceCode: r.parentCode,
          nameTh: r.nameTh,
          nameEn: r.nameEn,
          postalCode: r.postalCode,
        })),
      )
      .onConflictDoUpdate({
        target: districts.code,
        set: {
          provinceCode: sql`excluded.province_code`,
          nameTh: sql`excluded.name_th`,
          nameEn: sql`excluded.name_en`,
          postalCode: sql`excluded.postal_code`,
          updatedAt: sql`now()`,
        },
      }),
  );
}

export async function upsertSubdistricts(db: DbOrTx, rows: AreaRow[]) {
  await forEachChunk(rows, CHUNK, (chunk) =>
    db
      .insert(subdistricts)
      .values(
        chunk.map((r) => ({
          code: r.code,
          districtCode: r.parentCode,
          nameTh: r.nameTh,
          nameEn: r.nameEn,
          postalCode: r.postalCode,
        })),
      )
      .onConflictDoUpdate({
        target: subdistricts.code,
        set: {
          districtCode: sql`excluded.district_code`,
          nameTh: sql`excluded.name_th`,
          nameEn: sql`excluded.name_en`,
          postalCode: sql`excluded.postal_code`,
          updatedAt: sql`now()`,
        },
      }),
  );
}

export async function setProvinceBoundary(
  db: DbOrTx,
  code: number,
  boundary: GeoJsonGeometry,
  source: string,
) {
  await db
    .update(provinces)
    .set({ boundary, boundarySource: source, updatedAt: sql`now()` })
    .where(eq(provinces.code, code));
}

/** Provinces with a boundary, by the file it came from. */
export async function listBoundarySources(db: DbOrTx) {
  return db
    .select({
      source: sql<string>`coalesce(${provinces.boundarySource}, '')`,
      provinces: sql<number>`count(*)::int`,
    })
    .from(provinces)
    .where(sql`${provinces.boundary} IS NOT NULL`)
    .groupBy(provinces.boundarySource)
    .orderBy(sql`count(*) DESC`);
}
