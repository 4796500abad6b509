import type { Database } from '@server/db/client';
import { AppError, fieldIssue } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import { recordAudit } from '@server/modules/audit/audit.service';
import type {
  CreateImpactIndicatorBody,
  Disaggregation,
  ImpactIndicator,
  ImpactIndicatorList,
  ImpactIndicatorListQuery,
  IndicatorAggregation,
  IndicatorDirection,
  IndicatorType,
  UpdateImpactIndicatorBody,
} from '@shared/contracts/impact-library';
import type { ThemeCode } from '@shared/reference/themes';
import { impactLibraryPolicy } from './impact.policy';
import * as repo from './indicator-library.repo';

/** 409 for a stale write: the row changed since the person read it. */
export function assertLibraryVersion(current: number, sent: number): void {
  if (current !== sent) {
    throw new AppError('CONFLICT', 'errors.STALE_VERSION', { currentVersion: current });
  }
}

/** 409 naming the field when a library code is already used. */
export function codeTaken(code: string): AppError {
  return new AppError(
    'CONFLICT',
    'errors.impactLibrary.CODE_TAKEN',
    { issues: [fieldIssue('body.code', 'taken', 'errors.impactLibrary.CODE_TAKEN', { code })] },
    { code },
  );
}

/** The `active` list filter as a column condition (undefined = no condition). */
export function activeCondition(active: 'true' | 'false' | 'all'): boolean | undefined {
  return active === 'all' ? undefined : active === 'true';
}

const canManage = (actor: Actor | null) => actor !== null && impactLibraryPolicy.manage(actor);

function toIndicator(row: repo.IndicatorRow, actor: Actor | null): ImpactIndicator {
  return {
    id: row.id,
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    unitTh: row.unitTh,
    unitEn: row.unitEn,
    type: row.type as IndicatorType,
    direction: row.direction as IndicatorDirection,
    aggregation: row.aggregation as IndicatorAggregation,
    disaggregations: row.disaggregations as Disaggregation[],
    sdgTargets: row.sdgTargets,
    irisMetricId: row.irisMetricId,
    themes: row.themes as ThemeCode[],
    isStarter: row.isStarter,
    isActive: row.isActive,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: { manage: canManage(actor) },
  };
}

/** The indicator library, searched (code, names, description, unit, IRIS+ id) and filtered, sorted by code. */
export async function listImpactIndicators(
  db: Database,
  actor: Actor | null,
  query: ImpactIndicatorListQuery,
): Promise<ImpactIndicatorList> {
  const offset = query.cursor ?? 0;
  const { rows, total } = await repo.listIndicators(
    db,
    {
      text: query.q?.trim() || undefined,
      type: query.type,
      theme: query.theme,
      isActive: activeCondition(query.active),
    },
    query.sort === '-code' ? 'desc' : 'asc',
    query.limit,
    offset,
  );
  return {
    data: rows.map((r) => toIndicator(r, actor)),
    page: { total, nextCursor: offset + rows.length < total ? offset + rows.length : null },
    abilities: { manage: canManage(actor) },
  };
}

/** One library indicator (active or not). */
export async function getImpactIndicator(
  db: Database,
  actor: Actor | null,
  id: string,
): Promise<ImpactIndicator> {
  const row = await repo.findIndicator(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toIndicator(row, actor);
}

/** Adds an indicator to the library (officers, administrators); 409 naming `code` when the code is taken. Audited. */
export async function createImpactIndicator(
  db: Database,
  actor: Actor,
  body: CreateImpactIndicatorBody,
  meta: RequestMeta,
): Promise<ImpactIndicator> {
  authorize(actor, impactLibraryPolicy.manage, actor);
  const row = await db.transaction(async (tx) => {
    const inserted = await repo.insertIndicator(tx, {
      ...body,
      disaggregations: [...body.disaggregations],
      sdgTargets: [...body.sdgTargets],
      themes: [...body.themes],
    });
    if (!inserted) {
      throw codeTaken(body.code);
    }
    await recordAudit(tx, meta, {
      action: 'impact_indicator.created',
      entityType: 'impact_indicator',
      entityId: inserted.id,
      after: { code: inserted.code, nameTh: inserted.nameTh, unitTh: inserted.unitTh },
    });
    return inserted;
  });
  return toIndicator(row, actor);
}

/**
 * Changes a library indicator (officers, administrators), deactivating or reactivating it with `isActive`; a stale
 * version gets 409. The code stays: project indicators copied it. Audited.
 */
export async function updateImpactIndicator(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateImpactIndicatorBody,
  meta: RequestMeta,
): Promise<ImpactIndicator> {
  const row = await db.transaction(async (tx) => {
    const before = await repo.findIndicator(tx, id, true);
    authorize(actor, impactLibraryPolicy.manage, before);
    assertLibraryVersion(before.version, body.version);
    const { version: _version, ...changes } = body;
    const after = await repo.updateIndicator(tx, id, changes);
    await recordAudit(tx, meta, {
      action: 'impact_indicator.updated',
      entityType: 'impact_indicator',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
  return toIndicator(row, actor);
}

function snapshot(row: repo.IndicatorRow) {
  return {
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    unitTh: row.unitTh,
    type: row.type,
    direction: row.direction,
    aggregation: row.aggregation,
    irisMetricId: row.irisMetricId,
    sdgTargets: row.sdgTargets.join(','),
    isActive: row.isActive,
  };
}
