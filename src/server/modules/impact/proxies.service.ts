import type { Database } from '@server/db/client';
import { AppError } from '@server/lib/errors';
import { authorize, type Actor, type RequestMeta } from '@server/lib/authz';
import { recordAudit } from '@server/modules/audit/audit.service';
import type {
  CreateFinancialProxyBody,
  FinancialProxy,
  FinancialProxyList,
  FinancialProxyListQuery,
  UpdateFinancialProxyBody,
} from '@shared/contracts/impact-library';
import type { ThemeCode } from '@shared/reference/themes';
import { impactLibraryPolicy } from './impact.policy';
import { activeCondition, assertLibraryVersion, codeTaken } from './indicator-library.service';
import * as repo from './proxies.repo';

const canManage = (actor: Actor | null) => actor !== null && impactLibraryPolicy.manage(actor);

function toProxy(row: repo.ProxyRow, actor: Actor | null): FinancialProxy {
  return {
    id: row.id,
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    valueSatang: row.valueSatang,
    currency: row.currency,
    unitTh: row.unitTh,
    unitEn: row.unitEn,
    priceYear: row.priceYear,
    sourceTitle: row.sourceTitle,
    sourceUrl: row.sourceUrl,
    themes: row.themes as ThemeCode[],
    isStarter: row.isStarter,
    isActive: row.isActive,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    abilities: { manage: canManage(actor) },
  };
}

/** The financial proxy library, searched (code, names, description, unit, source) and filtered, sorted by code. */
export async function listFinancialProxies(
  db: Database,
  actor: Actor | null,
  query: FinancialProxyListQuery,
): Promise<FinancialProxyList> {
  const offset = query.cursor ?? 0;
  const { rows, total } = await repo.listProxies(
    db,
    { text: query.q?.trim() || undefined, theme: query.theme, isActive: activeCondition(query.active) },
    query.sort === '-code' ? 'desc' : 'asc',
    query.limit,
    offset,
  );
  return {
    data: rows.map((r) => toProxy(r, actor)),
    page: { total, nextCursor: offset + rows.length < total ? offset + rows.length : null },
    abilities: { manage: canManage(actor) },
  };
}

/** One financial proxy (active or not). */
export async function getFinancialProxy(
  db: Database,
  actor: Actor | null,
  id: string,
): Promise<FinancialProxy> {
  const row = await repo.findProxy(db, id);
  if (!row) {
    throw new AppError('NOT_FOUND');
  }
  return toProxy(row, actor);
}

/** Adds a proxy to the library (officers, administrators); 409 naming `code` when the code is taken. Audited. */
export async function createFinancialProxy(
  db: Database,
  actor: Actor,
  body: CreateFinancialProxyBody,
  meta: RequestMeta,
): Promise<FinancialProxy> {
  authorize(actor, impactLibraryPolicy.manage, actor);
  const row = await db.transaction(async (tx) => {
    const inserted = await repo.insertProxy(tx, { ...body, themes: [...body.themes] });
    if (!inserted) {
      throw codeTaken(body.code);
    }
    await recordAudit(tx, meta, {
      action: 'financial_proxy.created',
      entityType: 'financial_proxy',
      entityId: inserted.id,
      after: snapshot(inserted),
    });
    return inserted;
  });
  return toProxy(row, actor);
}

/** Changes a proxy (officers, administrators), `isActive` included; a stale version gets 409. Audited. */
export async function updateFinancialProxy(
  db: Database,
  actor: Actor,
  id: string,
  body: UpdateFinancialProxyBody,
  meta: RequestMeta,
): Promise<FinancialProxy> {
  const row = await db.transaction(async (tx) => {
    const before = await repo.findProxy(tx, id, true);
    authorize(actor, impactLibraryPolicy.manage, before);
    assertLibraryVersion(before.version, body.version);
    const { version: _version, ...changes } = body;
    const after = await repo.updateProxy(tx, id, changes);
    await recordAudit(tx, meta, {
      action: 'financial_proxy.updated',
      entityType: 'financial_proxy',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
  return toProxy(row, actor);
}

function snapshot(row: repo.ProxyRow) {
  return {
    code: row.code,
    nameTh: row.nameTh,
    valueSatang: row.valueSatang,
    currency: row.currency,
    unitTh: row.unitTh,
    priceYear: row.priceYear,
    sourceTitle: row.sourceTitle,
    sourceUrl: row.sourceUrl,
    isActive: row.isActive,
  };
}
