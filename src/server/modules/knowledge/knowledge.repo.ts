/**
 * All SQL of the knowledge library (knowledge_resources); the names of driving units are READ from their table
 * (owned by the driving-units module) for display and to check that a unit exists.
 */
import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { drivingUnits, knowledgeResources } from '@server/db/schema/index';
import type { KnowledgeAudience, KnowledgeKind } from '@shared/contracts/knowledge';
import type { ThemeCode } from '@shared/reference/themes';

export type ResourceRow = typeof knowledgeResources.$inferSelect;
export interface ResourceWithUnit extends ResourceRow {
  unitNameTh: string | null;
  unitNameEn: string | null;
}

/** `%`, `_` and `\` stand for themselves in an ILIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface ResourceFilter {
  /** Published resources only (the public library). */
  publishedOnly: boolean;
  /** Only this unit's resources (a unit's staff managing theirs). */
  drivingUnitId?: string | undefined;
  kind?: KnowledgeKind | undefined;
  theme?: ThemeCode | undefined;
  audience?: KnowledgeAudience | undefined;
  text?: string | undefined;
  tsQuery?: string | null | undefined;
}

function whereOf(filter: ResourceFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.publishedOnly) {
    conditions.push(eq(knowledgeResources.status, 'published'));
  }
  if (filter.drivingUnitId) {
    conditions.push(eq(knowledgeResources.drivingUnitId, filter.drivingUnitId));
  }
  if (filter.kind) {
    conditions.push(eq(knowledgeResources.kind, filter.kind));
  }
  if (filter.theme) {
    conditions.push(sql`${knowledgeResources.themes} @> ARRAY[${filter.theme}]::text[]`);
  }
  if (filter.audience) {
    conditions.push(sql`${knowledgeResources.audiences} @> ARRAY[${filter.audience}]::text[]`);
  }
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    const arms: SQL[] = [
      sql`${knowledgeResources.titleTh} ILIKE ${pattern}`,
      sql`${knowledgeResources.titleEn} ILIKE ${pattern}`,
      sql`${knowledgeResources.summaryTh} ILIKE ${pattern}`,
      sql`${knowledgeResources.summaryEn} ILIKE ${pattern}`,
    ];
    if (filter.tsQuery) {
      arms.unshift(sql`${knowledgeResources.searchVector} @@ to_tsquery('simple', ${filter.tsQuery})`);
    }
    conditions.push(sql`(${sql.join(arms, sql` OR `)})`);
  }
  return and(...conditions) ?? sql`true`;
}

function selectWithUnit(db: DbOrTx) {
  return db
    .select({ r: knowledgeResources, unitNameTh: drivingUnits.nameTh, unitNameEn: drivingUnits.nameEn })
    .from(knowledgeResources)
    .leftJoin(drivingUnits, eq(drivingUnits.id, knowledgeResources.drivingUnitId));
}

export async function listResources(
  db: DbOrTx,
  filter: ResourceFilter,
  limit: number,
  offset: number,
): Promise<{ rows: ResourceWithUnit[]; total: number }> {
  const where = whereOf(filter);
  const order: SQL[] = [];
  if (filter.tsQuery) {
    order.push(
      sql`ts_rank(${knowledgeResources.searchVector}, to_tsquery('simple', ${filter.tsQuery})) DESC`,
    );
  }
  order.push(
    sql`${knowledgeResources.publishedAt} DESC NULLS FIRST`,
    desc(knowledgeResources.createdAt),
    asc(knowledgeResources.id),
  );
  const rows = await selectWithUnit(db)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(knowledgeResources).where(where);
  return {
    rows: rows.map((x) => ({ ...x.r, unitNameTh: x.unitNameTh, unitNameEn: x.unitNameEn })),
    total: total?.n ?? 0,
  };
}

export async function findResource(db: DbOrTx, id: string, lock = false): Promise<ResourceWithUnit | null> {
  if (lock) {
    await db
      .select({ id: knowledgeResources.id })
      .from(knowledgeResources)
      .where(eq(knowledgeResources.id, id))
      .for('update');
  }
  const [row] = await selectWithUnit(db).where(eq(knowledgeResources.id, id));
  return row ? { ...row.r, unitNameTh: row.unitNameTh, unitNameEn: row.unitNameEn } : null;
}

export async function insertResource(
  db: DbOrTx,
  values: typeof knowledgeResources.$inferInsert,
): Promise<ResourceRow> {
  const [row] = await db.insert(knowledgeResources).values(values).returning();
  if (!row) {
    throw new Error('resource not inserted');
  }
  return row;
}

export async function updateResource(
  db: DbOrTx,
  id: string,
  values: Partial<typeof knowledgeResources.$inferInsert>,
): Promise<ResourceRow> {
  const [row] = await db
    .update(knowledgeResources)
    .set({ ...values, version: sql`${knowledgeResources.version} + 1`, updatedAt: new Date() })
    .where(eq(knowledgeResources.id, id))
    .returning();
  if (!row) {
    throw new Error('resource not updated');
  }
  return row;
}

export async function deleteResource(db: DbOrTx, id: string): Promise<void> {
  await db.delete(knowledgeResources).where(eq(knowledgeResources.id, id));
}

/** Adds one to a published resource's download count, atomically (concurrent downloads all count). */
export async function countDownload(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(knowledgeResources)
    .set({ downloadCount: sql`${knowledgeResources.downloadCount} + 1` })
    .where(and(eq(knowledgeResources.id, id), eq(knowledgeResources.status, 'published')));
}

export async function drivingUnitExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: drivingUnits.id }).from(drivingUnits).where(eq(drivingUnits.id, id));
  return row !== undefined;
}
