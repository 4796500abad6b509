/** All SQL of the indicator library (impact_indicators). */
import { and, asc, count, desc, eq, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { impactIndicators } from '@server/db/schema/index';
import type { IndicatorType } from '@shared/contracts/impact-library';
import type { ThemeCode } from '@shared/reference/themes';

export type IndicatorRow = typeof impactIndicators.$inferSelect;
export type IndicatorInsert = typeof impactIndicators.$inferInsert;

/** `%`, `_` and `\` stand for themselves in an ILIKE pattern. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Text search over `columns`: every word of `text` (split on spaces; Thai runs stay whole) must appear in one of
 * them, case-insensitively.
 */
export function wordsMatch(text: string, columns: ReadonlyArray<SQL | AnyColumn>): SQL {
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  const perWord = words.map((word) => {
    const pattern = `%${escapeLike(word)}%`;
    return sql`(${sql.join(
      columns.map((column) => sql`${column} ILIKE ${pattern}`),
      sql` OR `,
    )})`;
  });
  return and(...perWord) ?? sql`true`;
}

export interface IndicatorFilter {
  text?: string | undefined;
  type?: IndicatorType | undefined;
  theme?: ThemeCode | undefined;
  /** true: active only; false: deactivated only; undefined: all. */
  isActive?: boolean | undefined;
}

function whereOf(filter: IndicatorFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.isActive !== undefined) {
    conditions.push(eq(impactIndicators.isActive, filter.isActive));
  }
  if (filter.type) {
    conditions.push(eq(impactIndicators.type, filter.type));
  }
  if (filter.theme) {
    conditions.push(sql`${impactIndicators.themes} @> ARRAY[${filter.theme}]::text[]`);
  }
  if (filter.text) {
    conditions.push(
      wordsMatch(filter.text, [
        impactIndicators.code,
        impactIndicators.nameTh,
        impactIndicators.nameEn,
        impactIndicators.descriptionTh,
        impactIndicators.descriptionEn,
        impactIndicators.unitTh,
        impactIndicators.unitEn,
        sql`coalesce(${impactIndicators.irisMetricId}, '')`,
      ]),
    );
  }
  return and(...conditions) ?? sql`true`;
}

export async function listIndicators(
  db: DbOrTx,
  filter: IndicatorFilter,
  order: 'asc' | 'desc',
  limit: number,
  offset: number,
): Promise<{ rows: IndicatorRow[]; total: number }> {
  const where = whereOf(filter);
  const rows = await db
    .select()
    .from(impactIndicators)
    .where(where)
    .orderBy(order === 'asc' ? asc(impactIndicators.code) : desc(impactIndicators.code))
    .limit(limit)
    .offset(offset);
  const [counted] = await db.select({ n: count() }).from(impactIndicators).where(where);
  return { rows, total: Number(counted?.n ?? 0) };
}

export async function findIndicator(db: DbOrTx, id: string, lock = false): Promise<IndicatorRow | null> {
  const query = db.select().from(impactIndicators).where(eq(impactIndicators.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0] ?? null;
}

export async function indicatorCodeExists(db: DbOrTx, code: string): Promise<boolean> {
  const rows = await db
    .select({ id: impactIndicators.id })
    .from(impactIndicators)
    .where(eq(impactIndicators.code, code))
    .limit(1);
  return rows.length > 0;
}

/** Inserts an indicator; null when its code is taken (the unique key decides, race-free). */
export async function insertIndicator(db: DbOrTx, values: IndicatorInsert): Promise<IndicatorRow | null> {
  const rows = await db.insert(impactIndicators).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

/** Inserts the rows whose codes are not in the library yet; rows already there are left as they are. */
export async function insertIndicatorsIfMissing(db: DbOrTx, values: IndicatorInsert[]): Promise<number> {
  if (values.length === 0) {
    return 0;
  }
  const rows = await db
    .insert(impactIndicators)
    .values(values)
    .onConflictDoNothing({ target: impactIndicators.code })
    .returning({ id: impactIndicators.id });
  return rows.length;
}

/** Writes changes and raises the version. */
export async function updateIndicator(
  db: DbOrTx,
  id: string,
  changes: Partial<IndicatorInsert>,
): Promise<IndicatorRow> {
  const rows = await db
    .update(impactIndicators)
    .set({ ...changes, version: sql`${impactIndicators.version} + 1`, updatedAt: new Date() })
    .where(eq(impactIndicators.id, id))
    .returning();
  const row = rows[0];
  if (!row) {
    throw new Error(`impact indicator ${id} vanished during update`);
  }
  return row;
}
