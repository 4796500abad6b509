import type { Database } from '@server/db/client';
import { notFound } from '@server/lib/errors';
import type { AreaIndicator, IndicatorValues, ProvinceIndicatorValue } from '@shared/contracts/indicators';
import { listProvinceCodes } from '@server/modules/geo/geo.service';
import * as repo from './indicators.repo';
import { readIndicatorCsv } from './indicators.csv';

type IndicatorRow = Awaited<ReturnType<typeof repo.listIndicators>>[number];

function toIndicator(row: IndicatorRow): AreaIndicator {
  return {
    ...row,
    higherIsNeedier: row.higherIsNeedier === 1,
    years: (row.years ?? []).map(Number),
    defaultYear: row.defaultYear === null ? null : Number(row.defaultYear),
    provinceCount: Number(row.provinceCount),
  };
}

export async function listIndicators(db: Database): Promise<AreaIndicator[]> {
  return (await repo.listIndicators(db)).map(toIndicator);
}

/** Values of one indicator for every province that has one, in the given year or the latest. */
export async function getIndicatorValues(
  db: Database,
  code: string,
  year: number | undefined,
): Promise<IndicatorValues> {
  const indicator = (await repo.listIndicators(db)).find((i) => i.code === code);
  if (!indicator) {
    throw notFound('indicator', code);
  }
  const chosenYear = year ?? (await repo.latestYear(db, code));
  const values = chosenYear === null ? [] : await repo.listValues(db, code, chosenYear);
  return { indicator: toIndicator(indicator), year: chosenYear, values };
}

export async function listProvinceIndicatorValues(
  db: Database,
  provinceCode: number,
): Promise<ProvinceIndicatorValue[]> {
  return repo.listProvinceValues(db, provinceCode);
}

/** Imports an area-indicator CSV: every row is checked first, then all are written in one transaction. */
export async function importIndicatorCsv(
  db: Database,
  file: string,
): Promise<{ indicators: number; values: number }> {
  const content = await readIndicatorCsv(
    file,
    await listProvinceCodes(db),
    await repo.listIndicatorCodes(db),
  );
  await db.transaction(async (tx) => {
    await repo.upsertIndicators(tx, content.definitions);
    await repo.upsertValues(tx, content.values);
  });
  return {
    indicators: new Set(content.values.map((v) => v.indicatorCode)).size,
    values: content.values.length,
  };
}
