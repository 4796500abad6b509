import type { Database, DbOrTx } from '@server/db/client';
import { AppError, invalidField, notFound } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import { PROGRAMMES } from '@shared/reference/programmes';
import type { Programme } from '@shared/contracts/reference';
import type { UpdateProgrammeBody } from '@shared/contracts/calls';
import { recordAudit } from '@server/modules/audit/audit.service';
import { listDrivingUnits } from '@server/modules/driving-units/driving-units.service';
import * as repo from './programmes.repo';
import { programmePolicy } from './programmes.policy';

/** Makes sure the five programmes of the plan exist. */
export async function ensureSeedProgrammes(db: DbOrTx): Promise<void> {
  await repo.insertMissingProgrammes(
    db,
    PROGRAMMES.map((p, index) => ({ ...p, objectives: [...p.objectives], sortOrder: index + 1 })),
  );
}

function toProgramme(row: repo.ProgrammeRow): Programme {
  return {
    ...row,
    type: row.type as Programme['type'],
    budgetSatang: row.budgetSatang === null ? null : Number(row.budgetSatang),
  };
}

export async function listProgrammes(db: Database): Promise<Programme[]> {
  return (await repo.listProgrammes(db)).map(toProgramme);
}

export async function getProgrammeOrThrow(db: DbOrTx, slug: string): Promise<Programme> {
  const row = await repo.findProgrammeBySlug(db, slug);
  if (!row) {
    throw notFound('programme', slug);
  }
  return toProgramme(row);
}

/** The programme of a slug, or undefined: for other modules that report an unknown slug as a field problem. */
export async function findProgramme(db: DbOrTx, slug: string): Promise<Programme | undefined> {
  const row = await repo.findProgrammeBySlug(db, slug);
  return row ? toProgramme(row) : undefined;
}

/**
 * Officers update a programme (type, texts, objectives, owner, fiscal years, budget) if `version` is still current;
 * a concurrent edit gives CONFLICT with the current version, never a silent overwrite.
 */
export async function updateProgramme(
  db: Database,
  actor: Actor,
  slug: string,
  body: UpdateProgrammeBody,
  meta: RequestMeta,
): Promise<Programme> {
  authorize(actor, programmePolicy.edit, {});
  const { version, ...changes } = body;
  if (changes.drivingUnitId) {
    const units = await listDrivingUnits(db);
    if (!units.some((u) => u.id === changes.drivingUnitId)) {
      throw invalidField('body.drivingUnitId', 'errors.UNKNOWN_DRIVING_UNIT');
    }
  }
  const fiscalYears = changes.fiscalYears
    ? [...new Set(changes.fiscalYears)].sort((a, b) => a - b)
    : undefined;
  return db.transaction(async (tx) => {
    const before = await getProgrammeOrThrow(tx, slug);
    const updated = await repo.updateProgramme(tx, slug, version, {
      ...changes,
      ...(fiscalYears ? { fiscalYears } : {}),
    });
    if (!updated) {
      throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: before.version });
    }
    const after = toProgramme(updated);
    await recordAudit(tx, meta, {
      action: 'programme.updated',
      entityType: 'programme',
      entityId: before.id,
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}
