import type { Database } from '@server/db/client';
import type { Actor, RequestMeta } from '@server/lib/authz';
import type {
  CreateFinancialProxyBody,
  FinancialProxy,
  FinancialProxyList,
  FinancialProxyListQuery,
  UpdateFinancialProxyBody,
} from '@shared/contracts/impact-library';
import {
  createLibraryEntry,
  foundEntry,
  libraryEntryFields,
  listLibraryPage,
  updateLibraryEntry,
} from './indicator-library.service';
import * as repo from './proxies.repo';

function toProxy(row: repo.ProxyRow, actor: Actor | null): FinancialProxy {
  return {
    ...libraryEntryFields(row, actor),
    valueSatang: row.valueSatang,
    currency: row.currency,
    priceYear: row.priceYear,
    sourceTitle: row.sourceTitle,
    sourceUrl: row.sourceUrl,
  };
}

/** The financial proxy library, searched (code, names, description, unit, source) and filtered, sorted by code. */
export async function listFinancialProxies(
  db: Database,
  actor: Actor | null,
  query: FinancialProxyListQuery,
): Promise<FinancialProxyList> {
  return listLibraryPage(
    actor,
    query,
    (filter, order, limit, offset) =>
      repo.listProxies(db, { ...filter, theme: query.theme }, order, limit, offset),
    toProxy,
  );
}

/** One financial proxy (active or not). */
export async function getFinancialProxy(
  db: Database,
  actor: Actor | null,
  id: string,
): Promise<FinancialProxy> {
  return toProxy(foundEntry(await repo.findProxy(db, id)), actor);
}

/** Adds a proxy to the library (officers, administrators); 409 naming `code` when the code is taken. Audited. */
export async function createFinancialProxy(
  db: Database,
  actor: Actor,
  body: CreateFinancialProxyBody,
  meta: RequestMeta,
): Promise<FinancialProxy> {
  const row = await createLibraryEntry(db, actor, meta, {
    entityType: 'financial_proxy',
    code: body.code,
    insert: (tx) => repo.insertProxy(tx, { ...body, themes: [...body.themes] }),
    created: snapshot,
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
  const row = await updateLibraryEntry(db, actor, id, body, meta, {
    entityType: 'financial_proxy',
    find: (tx, rowId) => repo.findProxy(tx, rowId, true),
    update: repo.updateProxy,
    snapshot,
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
