/**
 * All SQL of the SI Network's tables (partners, partner_mous, partner_mou_documents, partner_contributions,
 * partner_links). Names of the programmes, projects and driving units that partners link to are READ from their
 * tables (owned by other modules) for display and to check that a linked thing exists; nothing here writes them.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  drivingUnits,
  organisations,
  partnerContributions,
  partnerLinks,
  partnerMouDocuments,
  partnerMous,
  partners,
  programmes,
  projects,
} from '@server/db/schema/index';
import type { PartnerRole, PartnerSector } from '@shared/contracts/network';

export type PartnerRow = typeof partners.$inferSelect;
export type MouRow = typeof partnerMous.$inferSelect;
export type DocumentRow = typeof partnerMouDocuments.$inferSelect;
export type ContributionRow = typeof partnerContributions.$inferSelect;
export type LinkRow = typeof partnerLinks.$inferSelect;

/** `%`, `_` and `\` stand for themselves in an ILIKE pattern. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export interface PartnerFilter {
  role?: PartnerRole | undefined;
  sector?: PartnerSector | undefined;
  /** The text typed (matched anywhere in the names and descriptions, so part of a Thai word finds it). */
  text?: string | undefined;
  /** `to_tsquery('simple', …)` of the text (Thai segmented, the last word a prefix). */
  tsQuery?: string | null | undefined;
}

function whereOf(filter: PartnerFilter): SQL {
  const conditions: SQL[] = [];
  if (filter.role) {
    conditions.push(sql`${partners.roles} @> ARRAY[${filter.role}]::text[]`);
  }
  if (filter.sector) {
    conditions.push(eq(partners.sector, filter.sector));
  }
  if (filter.text) {
    const pattern = `%${escapeLike(filter.text)}%`;
    const arms: SQL[] = [
      sql`${partners.nameTh} ILIKE ${pattern}`,
      sql`${partners.nameEn} ILIKE ${pattern}`,
      sql`${partners.descriptionTh} ILIKE ${pattern}`,
      sql`${partners.descriptionEn} ILIKE ${pattern}`,
    ];
    if (filter.tsQuery) {
      arms.unshift(sql`${partners.searchVector} @@ to_tsquery('simple', ${filter.tsQuery})`);
    }
    conditions.push(sql`(${sql.join(arms, sql` OR `)})`);
  }
  return and(...conditions) ?? sql`true`;
}

// Correlated subqueries in plain SQL: inside a select from `partners`, Drizzle would leave the columns unqualified.
const mouCount = sql<number>`(SELECT count(*)::int FROM partner_mous m WHERE m.partner_id = partners.id)`;
const linkCount = sql<number>`(SELECT count(*)::int FROM partner_links l WHERE l.partner_id = partners.id)`;
const activeMou = (today: string) =>
  sql<boolean>`EXISTS (SELECT 1 FROM partner_mous m WHERE m.partner_id = partners.id
    AND m.starts_on <= ${today}::date AND (m.ends_on IS NULL OR m.ends_on >= ${today}::date))`;

export interface PartnerListRow extends PartnerRow {
  mouCount: number;
  linkCount: number;
  hasActiveMou: boolean;
}

export async function listPartners(
  db: DbOrTx,
  filter: PartnerFilter,
  limit: number,
  offset: number,
  today: string,
): Promise<{ rows: PartnerListRow[]; total: number }> {
  const where = whereOf(filter);
  const order: SQL[] = [];
  if (filter.tsQuery) {
    order.push(sql`ts_rank(${partners.searchVector}, to_tsquery('simple', ${filter.tsQuery})) DESC`);
  }
  order.push(asc(partners.nameTh), asc(partners.id));
  const rows = await db
    .select({
      partner: partners,
      mouCount,
      linkCount,
      hasActiveMou: activeMou(today),
    })
    .from(partners)
    .where(where)
    .orderBy(...order)
    .limit(limit)
    .offset(offset);
  const [total] = await db.select({ n: count() }).from(partners).where(where);
  return {
    rows: rows.map((r) => ({
      ...r.partner,
      mouCount: Number(r.mouCount),
      linkCount: Number(r.linkCount),
      hasActiveMou: Boolean(r.hasActiveMou),
    })),
    total: total?.n ?? 0,
  };
}

export async function findPartner(db: DbOrTx, id: string, lock = false): Promise<PartnerRow | null> {
  const query = db.select().from(partners).where(eq(partners.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function partnerCounts(
  db: DbOrTx,
  id: string,
  today: string,
): Promise<{ mouCount: number; linkCount: number; hasActiveMou: boolean }> {
  const [row] = await db
    .select({ mouCount, linkCount, hasActiveMou: activeMou(today) })
    .from(partners)
    .where(eq(partners.id, id));
  return {
    mouCount: Number(row?.mouCount ?? 0),
    linkCount: Number(row?.linkCount ?? 0),
    hasActiveMou: Boolean(row?.hasActiveMou),
  };
}

export async function insertPartner(db: DbOrTx, values: typeof partners.$inferInsert): Promise<PartnerRow> {
  const [row] = await db.insert(partners).values(values).returning();
  if (!row) {
    throw new Error('partner not inserted');
  }
  return row;
}

export async function updatePartner(
  db: DbOrTx,
  id: string,
  values: Partial<typeof partners.$inferInsert>,
): Promise<PartnerRow> {
  const [row] = await db
    .update(partners)
    .set({ ...values, version: sql`${partners.version} + 1`, updatedAt: new Date() })
    .where(eq(partners.id, id))
    .returning();
  if (!row) {
    throw new Error('partner not updated');
  }
  return row;
}

export async function deletePartner(db: DbOrTx, id: string): Promise<void> {
  await db.delete(partners).where(eq(partners.id, id));
}

// ---- MOUs and documents -------------------------------------------------------------------------------------------

export interface MouWithUnit extends MouRow {
  unitNameTh: string | null;
  unitNameEn: string | null;
}

export async function listMous(db: DbOrTx, partnerId: string): Promise<MouWithUnit[]> {
  const rows = await db
    .select({ mou: partnerMous, unitNameTh: drivingUnits.nameTh, unitNameEn: drivingUnits.nameEn })
    .from(partnerMous)
    .leftJoin(drivingUnits, eq(drivingUnits.id, partnerMous.drivingUnitId))
    .where(eq(partnerMous.partnerId, partnerId))
    .orderBy(desc(partnerMous.signedOn), asc(partnerMous.id));
  return rows.map((r) => ({ ...r.mou, unitNameTh: r.unitNameTh, unitNameEn: r.unitNameEn }));
}

export async function findMou(db: DbOrTx, id: string, lock = false): Promise<MouRow | null> {
  const query = db.select().from(partnerMous).where(eq(partnerMous.id, id));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertMou(db: DbOrTx, values: typeof partnerMous.$inferInsert): Promise<MouRow> {
  const [row] = await db.insert(partnerMous).values(values).returning();
  if (!row) {
    throw new Error('mou not inserted');
  }
  return row;
}

export async function updateMou(
  db: DbOrTx,
  id: string,
  values: Partial<typeof partnerMous.$inferInsert>,
): Promise<MouRow> {
  const [row] = await db
    .update(partnerMous)
    .set({ ...values, version: sql`${partnerMous.version} + 1`, updatedAt: new Date() })
    .where(eq(partnerMous.id, id))
    .returning();
  if (!row) {
    throw new Error('mou not updated');
  }
  return row;
}

export async function deleteMou(db: DbOrTx, id: string): Promise<void> {
  await db.delete(partnerMous).where(eq(partnerMous.id, id));
}

export async function listDocuments(db: DbOrTx, mouIds: string[]): Promise<DocumentRow[]> {
  if (mouIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(partnerMouDocuments)
    .where(inArray(partnerMouDocuments.mouId, mouIds))
    .orderBy(asc(partnerMouDocuments.createdAt), asc(partnerMouDocuments.id));
}

export async function countDocuments(db: DbOrTx, mouId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(partnerMouDocuments)
    .where(eq(partnerMouDocuments.mouId, mouId));
  return row?.n ?? 0;
}

export async function findDocument(db: DbOrTx, mouId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await db
    .select()
    .from(partnerMouDocuments)
    .where(and(eq(partnerMouDocuments.mouId, mouId), eq(partnerMouDocuments.id, id)));
  return row ?? null;
}

export async function insertDocument(
  db: DbOrTx,
  values: typeof partnerMouDocuments.$inferInsert,
): Promise<DocumentRow> {
  const [row] = await db.insert(partnerMouDocuments).values(values).returning();
  if (!row) {
    throw new Error('document not inserted');
  }
  return row;
}

export async function deleteDocument(db: DbOrTx, id: string): Promise<void> {
  await db.delete(partnerMouDocuments).where(eq(partnerMouDocuments.id, id));
}

/** The storage keys of every document of a partner's MOUs (to remove the bytes after the partner goes). */
export async function documentKeysOfPartner(db: DbOrTx, partnerId: string): Promise<string[]> {
  const rows = await db
    .select({ key: partnerMouDocuments.storageKey })
    .from(partnerMouDocuments)
    .innerJoin(partnerMous, eq(partnerMous.id, partnerMouDocuments.mouId))
    .where(eq(partnerMous.partnerId, partnerId));
  return rows.map((r) => r.key);
}

export async function documentKeysOfMou(db: DbOrTx, mouId: string): Promise<string[]> {
  const rows = await db
    .select({ key: partnerMouDocuments.storageKey })
    .from(partnerMouDocuments)
    .where(eq(partnerMouDocuments.mouId, mouId));
  return rows.map((r) => r.key);
}

// ---- Contributions ------------------------------------------------------------------------------------------------

export interface ContributionWithNames extends ContributionRow {
  programmeNameTh: string | null;
  programmeNameEn: string | null;
  projectTitleTh: string | null;
  projectTitleEn: string | null;
}

export async function listContributions(db: DbOrTx, partnerId: string): Promise<ContributionWithNames[]> {
  const rows = await db
    .select({
      c: partnerContributions,
      programmeNameTh: programmes.nameTh,
      programmeNameEn: programmes.nameEn,
      projectTitleTh: projects.titleTh,
      projectTitleEn: projects.titleEn,
    })
    .from(partnerContributions)
    .leftJoin(programmes, eq(programmes.id, partnerContributions.programmeId))
    .leftJoin(projects, eq(projects.id, partnerContributions.projectId))
    .where(eq(partnerContributions.partnerId, partnerId))
    .orderBy(
      desc(partnerContributions.fiscalYear),
      desc(partnerContributions.createdAt),
      asc(partnerContributions.id),
    );
  return rows.map((r) => ({
    ...r.c,
    programmeNameTh: r.programmeNameTh,
    programmeNameEn: r.programmeNameEn,
    projectTitleTh: r.projectTitleTh,
    projectTitleEn: r.projectTitleEn,
  }));
}

/** Cash and in-kind sums by fiscal year (BE), newest year first; summed in SQL over bigint satang. */
export async function contributionSums(
  db: DbOrTx,
  partnerId: string,
): Promise<Array<{ fiscalYear: number; cashSatang: number; inKindSatang: number }>> {
  const rows = await db
    .select({
      fiscalYear: partnerContributions.fiscalYear,
      cash: sql<string>`coalesce(sum(${partnerContributions.amountSatang}) FILTER (WHERE ${partnerContributions.kind} = 'cash'), 0)::text`,
      inKind: sql<string>`coalesce(sum(${partnerContributions.amountSatang}) FILTER (WHERE ${partnerContributions.kind} = 'in_kind'), 0)::text`,
    })
    .from(partnerContributions)
    .where(eq(partnerContributions.partnerId, partnerId))
    .groupBy(partnerContributions.fiscalYear)
    .orderBy(desc(partnerContributions.fiscalYear));
  return rows.map((r) => ({
    fiscalYear: r.fiscalYear,
    cashSatang: Number(r.cash),
    inKindSatang: Number(r.inKind),
  }));
}

export async function findContribution(db: DbOrTx, id: string): Promise<ContributionRow | null> {
  const [row] = await db.select().from(partnerContributions).where(eq(partnerContributions.id, id));
  return row ?? null;
}

export async function insertContribution(
  db: DbOrTx,
  values: typeof partnerContributions.$inferInsert,
): Promise<ContributionRow> {
  const [row] = await db.insert(partnerContributions).values(values).returning();
  if (!row) {
    throw new Error('contribution not inserted');
  }
  return row;
}

export async function deleteContribution(db: DbOrTx, id: string): Promise<void> {
  await db.delete(partnerContributions).where(eq(partnerContributions.id, id));
}

// ---- Links --------------------------------------------------------------------------------------------------------

export interface LinkWithNames extends LinkRow {
  programmeNameTh: string | null;
  programmeNameEn: string | null;
  programmeSlug: string | null;
  projectTitleTh: string | null;
  projectTitleEn: string | null;
  unitNameTh: string | null;
  unitNameEn: string | null;
}

function linksQuery(db: DbOrTx) {
  return db
    .select({
      link: partnerLinks,
      programmeNameTh: programmes.nameTh,
      programmeNameEn: programmes.nameEn,
      programmeSlug: programmes.slug,
      projectTitleTh: projects.titleTh,
      projectTitleEn: projects.titleEn,
      unitNameTh: drivingUnits.nameTh,
      unitNameEn: drivingUnits.nameEn,
    })
    .from(partnerLinks)
    .leftJoin(programmes, eq(programmes.id, partnerLinks.programmeId))
    .leftJoin(projects, eq(projects.id, partnerLinks.projectId))
    .leftJoin(drivingUnits, eq(drivingUnits.id, partnerLinks.drivingUnitId));
}

type LinkQueryRow = Awaited<ReturnType<ReturnType<typeof linksQuery>['execute']>>[number];

function withNames(r: LinkQueryRow): LinkWithNames {
  return {
    ...r.link,
    programmeNameTh: r.programmeNameTh,
    programmeNameEn: r.programmeNameEn,
    programmeSlug: r.programmeSlug,
    projectTitleTh: r.projectTitleTh,
    projectTitleEn: r.projectTitleEn,
    unitNameTh: r.unitNameTh,
    unitNameEn: r.unitNameEn,
  };
}

export async function listLinks(db: DbOrTx, partnerId: string): Promise<LinkWithNames[]> {
  const rows = await linksQuery(db)
    .where(eq(partnerLinks.partnerId, partnerId))
    .orderBy(asc(partnerLinks.createdAt), asc(partnerLinks.id));
  return rows.map(withNames);
}

export async function findLink(db: DbOrTx, id: string): Promise<LinkRow | null> {
  const [row] = await db.select().from(partnerLinks).where(eq(partnerLinks.id, id));
  return row ?? null;
}

export async function findSameLink(
  db: DbOrTx,
  partnerId: string,
  column: 'programmeId' | 'projectId' | 'drivingUnitId',
  targetId: string,
  role: string,
): Promise<LinkRow | null> {
  const [row] = await db
    .select()
    .from(partnerLinks)
    .where(
      and(
        eq(partnerLinks.partnerId, partnerId),
        eq(partnerLinks[column], targetId),
        eq(partnerLinks.role, role),
      ),
    );
  return row ?? null;
}

export async function insertLink(db: DbOrTx, values: typeof partnerLinks.$inferInsert): Promise<LinkRow> {
  const [row] = await db.insert(partnerLinks).values(values).returning();
  if (!row) {
    throw new Error('link not inserted');
  }
  return row;
}

export async function deleteLink(db: DbOrTx, id: string): Promise<void> {
  await db.delete(partnerLinks).where(eq(partnerLinks.id, id));
}

// ---- Things partners link to (read-only over other modules' tables) ----------------------------------------------

export async function programmeExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: programmes.id }).from(programmes).where(eq(programmes.id, id));
  return row !== undefined;
}

export async function projectExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: projects.id }).from(projects).where(eq(projects.id, id));
  return row !== undefined;
}

export async function drivingUnitExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: drivingUnits.id }).from(drivingUnits).where(eq(drivingUnits.id, id));
  return row !== undefined;
}

export async function listLinkTargets(db: DbOrTx) {
  const [programmeRows, projectRows, unitRows] = await Promise.all([
    db
      .select({ id: programmes.id, nameTh: programmes.nameTh, nameEn: programmes.nameEn })
      .from(programmes)
      .orderBy(asc(programmes.sortOrder), asc(programmes.nameTh)),
    db
      .select({ id: projects.id, nameTh: projects.titleTh, nameEn: projects.titleEn })
      .from(projects)
      .orderBy(asc(projects.titleTh))
      .limit(500),
    db
      .select({ id: drivingUnits.id, nameTh: drivingUnits.nameTh, nameEn: drivingUnits.nameEn })
      .from(drivingUnits)
      .orderBy(asc(drivingUnits.nameTh)),
  ]);
  return { programmeRows, projectRows, unitRows };
}

// ---- The graph ----------------------------------------------------------------------------------------------------

export async function graphPartners(db: DbOrTx, role: PartnerRole | undefined): Promise<PartnerRow[]> {
  const query = db.select().from(partners);
  return role
    ? query.where(sql`${partners.roles} @> ARRAY[${role}]::text[]`).orderBy(asc(partners.nameTh))
    : query.orderBy(asc(partners.nameTh));
}

export async function graphLinks(db: DbOrTx, partnerIds: string[]): Promise<LinkWithNames[]> {
  if (partnerIds.length === 0) {
    return [];
  }
  const rows = await linksQuery(db)
    .where(inArray(partnerLinks.partnerId, partnerIds))
    .orderBy(asc(partnerLinks.createdAt), asc(partnerLinks.id));
  return rows.map(withNames);
}

export async function graphMous(db: DbOrTx, partnerIds: string[]): Promise<MouWithUnit[]> {
  if (partnerIds.length === 0) {
    return [];
  }
  const rows = await db
    .select({ mou: partnerMous, unitNameTh: drivingUnits.nameTh, unitNameEn: drivingUnits.nameEn })
    .from(partnerMous)
    .leftJoin(drivingUnits, eq(drivingUnits.id, partnerMous.drivingUnitId))
    .where(inArray(partnerMous.partnerId, partnerIds))
    .orderBy(asc(partnerMous.signedOn), asc(partnerMous.id));
  return rows.map((r) => ({ ...r.mou, unitNameTh: r.unitNameTh, unitNameEn: r.unitNameEn }));
}

/** Programmes and units by id (the graph's structure edges: a project's programme and unit). */
export async function projectParents(
  db: DbOrTx,
  projectIds: string[],
): Promise<Array<{ id: string; drivingUnitId: string | null }>> {
  if (projectIds.length === 0) {
    return [];
  }
  return db
    .select({ id: projects.id, drivingUnitId: projects.drivingUnitId })
    .from(projects)
    .where(inArray(projects.id, projectIds));
}

export async function organisationExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  return row !== undefined;
}
