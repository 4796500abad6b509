import type { Database } from '@server/db/client';
import type { DrivingUnit } from '@shared/contracts/identity';
import * as repo from './driving-units.repo';

export interface DrivingUnitInput {
  nameTh: string;
  nameEn: string;
  kind: 'area_based' | 'entrepreneurs_youth';
  regionCode: string | null;
  provinceCodes: number[];
}

/** Creates a driving unit unless one with the same English name exists; returns its id. */
export async function ensureDrivingUnit(db: Database, input: DrivingUnitInput): Promise<string> {
  const existing = await repo.findDrivingUnitByName(db, input.nameEn);
  if (existing) {
    return existing.id;
  }
  const { provinceCodes, ...values } = input;
  return db.transaction((tx) => repo.insertDrivingUnit(tx, values, provinceCodes));
}

export async function listDrivingUnits(db: Database): Promise<DrivingUnit[]> {
  const rows = await repo.listDrivingUnits(db);
  return rows.map((r) => ({
    ...r,
    kind: r.kind as DrivingUnit['kind'],
    provinceCodes: (r.provinceCodes ?? []).map(Number),
  }));
}
