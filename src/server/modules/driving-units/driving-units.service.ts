import type { Database } from '@server/db/client';
import type { CreateDrivingUnitBody, DrivingUnit } from '@shared/contracts/identity';
import { AppError, invalidField } from '@server/lib/errors';
import { hasRole, type Actor, type RequestMeta } from '@server/lib/authz';
import { recordAudit } from '@server/modules/audit/audit.service';
import { findAreaProblems } from '@server/modules/geo/geo.service';
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

/** Administrators create a driving unit (the incubation capability adds targets, staff pages and more). */
export async function createDrivingUnit(
  db: Database,
  actor: Actor,
  body: CreateDrivingUnitBody,
  meta: RequestMeta,
): Promise<DrivingUnit> {
  if (!hasRole(actor, 'administrator')) {
    throw new AppError('FORBIDDEN');
  }
  const codes = [...new Set(body.provinceCodes)];
  for (const [index, code] of codes.entries()) {
    if ((await findAreaProblems(db, { provinceCode: code })).length > 0) {
      throw invalidField(`body.provinceCodes.${index}`, 'errors.UNKNOWN_PROVINCE', { code });
    }
  }
  const id = await db.transaction(async (tx) => {
    const { provinceCodes: _codes, ...values } = body;
    const created = await repo.insertDrivingUnit(tx, values, codes);
    await recordAudit(tx, meta, {
      action: 'driving_unit.created',
      entityType: 'driving_unit',
      entityId: created,
      after: { ...values, provinceCodes: codes },
    });
    return created;
  });
  const unit = (await listDrivingUnits(db)).find((u) => u.id === id);
  if (!unit) {
    throw new AppError('INTERNAL');
  }
  return unit;
}
