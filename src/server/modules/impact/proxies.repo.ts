/** All SQL of the financial proxy library (financial_proxies). */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { financialProxies } from '@server/db/schema/index';
import type { ThemeCode } from '@shared/reference/themes';
import { wordsMatch } from './indicator-library.repo';

export type ProxyRow = typeof financialProxies.$inferSelect;
export type ProxyInsert = typeof financialProxies.$inferInsert;

export interface ProxyFilter {
  text?: string | undefined;
  theme?: ThemeCode | undefined;
  /** true: active only; false: deactivated only; undefined: all. */
  isActive?: boolean | undefined;
}

function whereOf(filter: ProxyFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.isActive !== undefined) {
    conditions.push(eq(financialProxies.isActive, filter.isActive));
  }
  if (filter.theme) {
    conditions.push(sql`${financialProxies.themes} @> ARRAY[${filter.theme}]::text[]`);
  }
  if (filter.text) {
    conditions.push(
      wordsMatch(filter.text, [
        financialProxies.code,
        financialProxies.nameTh,
        financialProxies.nameEn,
        financialProxies.descriptionTh,
        financialProxies.descriptionEn,
        financialProxies.unitTh,
        financialProxies.unitEn,
        financialProxies.sourceTitle,
      ]),
    );
  }
  return and(...conditions) ?? sql`true`;
}

export async function listProxies(
  db: DbOrTx,
  filter: ProxyFilter,
  order: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: ProxyRow[]; total: number }> {
  const where = whereOf(filter);
  const rows = await db
    .select()
    .from(financialProxies)
    .where(where)
    .orderBy(order === 'asc' ? asc(financialProxies.code) : desc(financialProxies.code))
    .limit(limit)
    .offset(offset);
  const [counted] = await db.select({ n: count() }).from(financialProxies).where(where);
  return { rows, total: Number(counted?.n ?? 0) };
}

export async function findProxy(db: DbOrTx, id: string, lock = false): Promise<ProxyRow | null> {
  const query = db.select().from(financialProxies).where(eq(financialProxies.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

/** Inserts a proxy; null when its code is taken. */
export async function insertProxy(db: DbOrTx, values: ProxyInsert): Promise<ProxyRow | null> {
  const rows = await db.insert(financialProxies).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Inserts the rows whose codes are not in the library yet; rows already there are left as they are. */
export async function insertProxiesIfMissing(db: DbOrTx, values: ProxyInsert[]): Promise<number> {
  if (values.length === 0) {
    return 0;
  }
  const rows = await db
    .insert(financialProxies)
    .values(values)
    .onConflictDoNothing({ target: financialProxies.code })
    .returning({ id: financialProxies.id });
  return rows.length;
}

/** Writes changes and raises the version. */
export async function updateProxy(db: DbOrTx, id: string, changes: Partial<ProxyInsert>): Promise<ProxyRow> {
  const rows = await db
    .update(financialProxies)
    .set({ ...changes, version: sql`${financialProxies.version} + 1`, updatedAt: new Date() })
    .where(eq(financialProxies.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error(`financial proxy ${id} vanished during update`);
  }
  return row;
}
