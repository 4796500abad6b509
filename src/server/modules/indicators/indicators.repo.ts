import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { forEachChunk } from '@server/db/chunks';
import { areaIndicators, areaIndicatorValues } from '@server/db/schema/index';

export async function listIndicators(db: DbOrTx) {
  return db
    .select({
      code: areaIndicators.code,
      nameTh: areaIndicators.nameTh,
      nameEn: areaIndicators.nameEn,
      unit: areaIndicators.unit,
      descriptionTh: areaIndicators.descriptionTh,
      descriptionEn: areaIndicators.descriptionEn,
      higherIsNeedier: areaIndicators.higherIsNeedier,
      years: sql<
        number[]
      >`coalesce((SELECT array_agg(DISTINCT v.year ORDER BY v.year DESC) FROM area_indicator_values v WHERE v.indicator_code = area_indicators.code), '{}')`,
      defaultYear: sql<
        number | null
      >`(SELECT v.year FROM area_indicator_values v WHERE v.indicator_code = area_indicators.code GROUP BY v.year ORDER BY count(*) DESC, v.year DESC LIMIT 1)`,
      provinceCount: sql<number>`(SELECT count(DISTINCT v.province_code)::int FROM area_indicator_values v WHERE v.indicator_code = area_indicators.code)`,
    })
    .from(areaIndicators)
    .orderBy(asc(areaIndicators.code));
}

export async function latestYear(db: DbOrTx, indicatorCode: string): Promise<number | null> {
  const rows = await db
    .select({ year: areaIndicatorValues.year })
    .from(areaIndicatorValues)
    .where(eq(areaIndicatorValues.indicatorCode, indicatorCode))
    .orderBy(desc(areaIndicatorValues.year))
    .limit(1);
  return rows[0]?.year ?? null;
}

export async function listValues(db: DbOrTx, indicatorCode: string, year: number) {
  return db
    .select({
      provinceCode: areaIndicatorValues.provinceCode,
      value: areaIndicatorValues.value,
      unit: areaIndicatorValues.unit,
      sourceUrl: areaIndicatorValues.sourceUrl,
      note: areaIndicatorValues.note,
    })
    .from(areaIndicatorValues)
    .where(and(eq(areaIndicatorValues.indicatorCode, indicatorCode), eq(areaIndicatorValues.year, year)))
    .orderBy(asc(areaIndicatorValues.provinceCode));
}

export async function listProvinceValues(db: DbOrTx, provinceCode: number) {
  return db
    .select({
      indicatorCode: areaIndicatorValues.indicatorCode,
      nameTh: areaIndicators.nameTh,
      nameEn: areaIndicators.nameEn,
      year: areaIndicatorValues.year,
      value: areaIndicatorValues.value,
      unit: areaIndicatorValues.unit,
      sourceUrl: areaIndicatorValues.sourceUrl,
      note: areaIndicatorValues.note,
    })
    .from(areaIndicatorValues)
    .innerJoin(areaIndicators, eq(areaIndicators.code, areaIndicatorValues.indicatorCode))
    .where(eq(areaIndicatorValues.provinceCode, provinceCode))
    .orderBy(asc(areaIndicatorValues.indicatorCode), desc(areaIndicatorValues.year));
}

export async function listIndicatorCodes(db: DbOrTx): Promise<Set<string>> {
  const rows = await db.select({ code: areaIndicators.code }).from(areaIndicators);
  return new Set(rows.map((r) => r.code));
}

export interface IndicatorDefinitionRow {
  code: string;
  nameTh: string;
  nameEn: string;
  unit: string;
  higherIsNeedier: number;
}

export async function upsertIndicators(db: DbOrTx, rows: IndicatorDefinitionRow[]) {
  if (rows.length === 0) {
    return;
  }
  await db
    .insert(areaIndicators)
    .values(rows)
    .onConflictDoUpdate({
      target: areaIndicators.code,
      set: {
        nameTh: sql`excluded.name_th`,
        nameEn: sql`excluded.name_en`,
        unit: sql`excluded.unit`,
        updatedAt: sql`now()`,
      },
    });
}

export interface IndicatorValueRow {
  indicatorCode: string;
  year: number;
  provinceCode: number;
  value: number;
  unit: string;
  sourceUrl: string;
  note: string;
}

export async function upsertValues(db: DbOrTx, rows: IndicatorValueRow[]) {
  await forEachChunk(rows, 1000, (chunk) =>
    db
      .insert(areaIndicatorValues)
      .values(chunk)
      .onConflictDoUpdate({
        target: [
          areaIndicatorValues.indicatorCode,
          areaIndicatorValues.year,
          areaIndicatorValues.provinceCode,
        ],
        set: {
          value: sql`excluded.value`,
          unit: sql`excluded.unit`,
          sourceUrl: sql`excluded.source_url`,
          note: sql`excluded.note`,
          updatedAt: sql`now()`,
        },
      }),
  );
}

/** Figures loaded, by indicator and year: how many provinces, which sources, when last written. */
export async function listIndicatorYears(db: DbOrTx) {
  return db
    .select({
      code: areaIndicators.code,
      nameTh: areaIndicators.nameTh,
      nameEn: areaIndicators.nameEn,
      unit: areaIndicators.unit,
      year: areaIndicatorValues.year,
      provinceCount: sql<number>`count(DISTINCT ${areaIndicatorValues.provinceCode})::int`,
      sources: sql<
        string[]
      >`(array_agg(DISTINCT ${areaIndicatorValues.sourceUrl} ORDER BY ${areaIndicatorValues.sourceUrl}))[1:5]`,
      sourceCount: sql<number>`count(DISTINCT ${areaIndicatorValues.sourceUrl})::int`,
      updatedAt: sql<string>`max(${areaIndicatorValues.updatedAt})`,
    })
    .from(areaIndicatorValues)
    .innerJoin(areaIndicators, eq(areaIndicators.code, areaIndicatorValues.indicatorCode))
    .groupBy(
      areaIndicators.code,
      areaIndicators.nameTh,
      areaIndicators.nameEn,
      areaIndicators.unit,
      areaIndicatorValues.year,
    )
    .orderBy(asc(areaIndicators.code), desc(areaIndicatorValues.year));
}
