import type { Database, DbOrTx } from '@server/db/client';
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

/** The list query fields both libraries share. */
interface LibraryListQuery {
  q?: string | undefined;
  active: 'true' | 'false' | 'all';
  sort: 'code' | '-code';
  limit: number;
  cursor?: number | undefined;
}

/**
 * One page of a library list (`{ data, page, abilities }`, offset paging by `cursor`): `load` reads the rows with
 * the shared filters (words, active) to which it adds its own.
 */
export async function listLibraryPage<R, T>(
  actor: Actor | null,
  query: LibraryListQuery,
  load: (
    filter: { text: string | undefined; isActive: boolean | undefined },
    order: 'asc' | 'desc',
    limit: number,
    offset: number,
  ) => Promise<{ rows: R[]; total: number }>,
  toEntry: (row: R, actor: Actor | null) => T,
): Promise<{
  data: T[];
  page: { total: number; nextCursor: number | null };
  abilities: { manage: boolean };
}> {
  const offset = query.cursor ?? 0;
  const { rows, total } = await load(
    { text: query.q?.trim() || undefined, isActive: activeCondition(query.active) },
    query.sort === '-code' ? 'desc' : 'asc',
    query.limit,
    offset,
  );
  return {
    data: rows.map((r) => toEntry(r, actor)),
    page: { total, nextCursor: offset + rows.length < total ? offset + rows.length : null },
    abilities: { manage: canManage(actor) },
  };
}

/** A library table as the shared create and update steps use it; `entityType` also names the audit actions. */
interface LibraryTable<R, C> {
  entityType: 'impact_indicator' | 'financial_proxy';
  insert: (tx: DbOrTx) => Promise<R | null>;
  find: (tx: DbOrTx, id: string) => Promise<R | null>;
  update: (tx: DbOrTx, id: string, changes: C) => Promise<R>;
}

/**
 * Adds a library entry (officers, administrators) in one transaction: `insert` yields null when `code` is taken
 * (409 naming `code`); the audit event records `created(row)`.
 */
export async function createLibraryEntry<R extends { id: string }>(
  db: Database,
  actor: Actor,
  meta: RequestMeta,
  entry: Pick<LibraryTable<R, never>, 'entityType' | 'insert'> & {
    code: string;
    created: (row: R) => Record<string, unknown>;
  },
): Promise<R> {
  authorize(actor, impactLibraryPolicy.manage, actor);
  return db.transaction(async (tx) => {
    const inserted = await entry.insert(tx);
    if (!inserted) {
      throw codeTaken(entry.code);
    }
    await recordAudit(tx, meta, {
      action: `${entry.entityType}.created`,
      entityType: entry.entityType,
      entityId: inserted.id,
      after: entry.created(inserted),
    });
    return inserted;
  });
}

/**
 * Changes a library entry (officers, administrators) in one transaction: reads it locked (404 when missing), 409 when
 * `body.version` is stale, writes the rest of `body` and audits the `snapshot` before and after.
 */
export async function updateLibraryEntry<R extends { version: number }, B extends { version: number }>(
  db: Database,
  actor: Actor,
  id: string,
  body: B,
  meta: RequestMeta,
  entry: Pick<LibraryTable<R, Omit<B, 'version'>>, 'entityType' | 'find' | 'update'> & {
    snapshot: (row: R) => Record<string, unknown>;
  },
): Promise<R> {
  return db.transaction(async (tx) => {
    const before = await entry.find(tx, id);
    authorize(actor, impactLibraryPolicy.manage, before);
    assertLibraryVersion(before.version, body.version);
    const { version: _version, ...changes } = body;
    const after = await entry.update(tx, id, changes);
    await recordAudit(tx, meta, {
      action: `${entry.entityType}.updated`,
      entityType: entry.entityType,
      entityId: id,
      before: entry.snapshot(before),
      after: entry.snapshot(after),
    });
    return after;
  });
}

/** The columns every library entry has. */
type LibraryEntryRow = Pick<
  repo.IndicatorRow,
  | 'id'
  | 'code'
  | 'nameTh'
  | 'nameEn'
  | 'descriptionTh'
  | 'descriptionEn'
  | 'unitTh'
  | 'unitEn'
  | 'themes'
  | 'isStarter'
  | 'isActive'
  | 'version'
  | 'updatedAt'
>;

/** The response fields every library entry (indicator, financial proxy) shares, with the actor's abilities. */
export function libraryEntryFields(row: LibraryEntryRow, actor: Actor | null) {
  return {
    id: row.id,
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    unitTh: row.unitTh,
    unitEn: row.unitEn,
    themes: row.themes as ThemeCode[],
    isStarter: row.isStarter,
    isActive: row.isActive,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: { manage: canManage(actor) },
  };
}

/** The library row read, or 404 when there is none. */
export function foundEntry<R>(row: R | null): R {
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return row;
}

function toIndicator(row: repo.IndicatorRow, actor: Actor | null): ImpactIndicator {
  return {
    ...libraryEntryFields(row, actor),
    type: row.type as IndicatorType,
    direction: row.direction as IndicatorDirection,
    aggregation: row.aggregation as IndicatorAggregation,
    disaggregations: row.disaggregations as Disaggregation[],
    sdgTargets: row.sdgTargets,
    irisMetricId: row.irisMetricId,
  };
}

/** The indicator library, searched (code, names, description, unit, IRIS+ id) and filtered, sorted by code. */
export async function listImpactIndicators(
  db: Database,
  actor: Actor | null,
  query: ImpactIndicatorListQuery,
): Promise<ImpactIndicatorList> {
  return listLibraryPage(
    actor,
    query,
    (filter, order, limit, offset) =>
      repo.listIndicators(db, { ...filter, type: query.type, theme: query.theme }, order, limit, offset),
    toIndicator,
  );
}

/** One library indicator (active or not). */
export async function getImpactIndicator(
  db: Database,
  actor: Actor | null,
  id: string,
): Promise<ImpactIndicator> {
  return toIndicator(foundEntry(await repo.findIndicator(db, id)), actor);
}

/** Adds an indicator to the library (officers, administrators); 409 naming `code` when the code is taken. Audited. */
export async function createImpactIndicator(
  db: Database,
  actor: Actor,
  body: CreateImpactIndicatorBody,
  meta: RequestMeta,
): Promise<ImpactIndicator> {
  const row = await createLibraryEntry(db, actor, meta, {
    entityType: 'impact_indicator',
    code: body.code,
    insert: (tx) =>
      repo.insertIndicator(tx, {
        ...body,
        disaggregations: [...body.disaggregations],
        sdgTargets: [...body.sdgTargets],
        themes: [...body.themes],
      }),
    created: (inserted) => ({ code: inserted.code, nameTh: inserted.nameTh, unitTh: inserted.unitTh }),
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
  const row = await updateLibraryEntry(db, actor, id, body, meta, {
    entityType: 'impact_indicator',
    find: (tx, rowId) => repo.findIndicator(tx, rowId, true),
    update: repo.updateIndicator,
    snapshot,
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
