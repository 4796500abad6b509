/**
 * SQL of adoptions, their timeline events and updates, and villages. Innovations, organisations, partners, needs and
 * problem statements are READ here (to check that a reference exists and for display); nothing here writes them.
 */
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '@server/db/client';
import {
  adoptionEvents,
  drivingUnitProvinces,
  adoptions,
  adoptionUpdates,
  innovationNeeds,
  innovationOwners,
  innovations,
  organisationMembers,
  organisations,
  partners,
  problemStatements,
  users,
  villages,
} from '@server/db/schema/index';

export type AdoptionRow = typeof adoptions.$inferSelect;
export type AdoptionInsert = typeof adoptions.$inferInsert;
export type EventRow = typeof adoptionEvents.$inferSelect;
export type UpdateRow = typeof adoptionUpdates.$inferSelect;
export type VillageRow = typeof villages.$inferSelect;

// ---- References ----------------------------------------------------------------------------------------------------

export interface InnovationRef {
  id: string;
  titleTh: string;
  titleEn: string;
  status: string;
  isDiffusionReady: boolean;
  organisationId: string | null;
  drivingUnitId: string | null;
  originProvinceCode: number | null;
  originDistrictCode: number | null;
  originSubdistrictCode: number | null;
  originVillageName: string;
  themes: string[];
}

const innovationRefColumns = {
  id: innovations.id,
  titleTh: innovations.titleTh,
  titleEn: innovations.titleEn,
  status: innovations.status,
  isDiffusionReady: innovations.isDiffusionReady,
  organisationId: innovations.organisationId,
  drivingUnitId: innovations.drivingUnitId,
  originProvinceCode: innovations.originProvinceCode,
  originDistrictCode: innovations.originDistrictCode,
  originSubdistrictCode: innovations.originSubdistrictCode,
  originVillageName: innovations.originVillageName,
  themes: innovations.themes,
};

export async function findInnovation(db: DbOrTx, id: string): Promise<InnovationRef | null> {
  const [row] = await db.select(innovationRefColumns).from(innovations).where(eq(innovations.id, id));
  return row ?? null;
}

export async function findInnovations(db: DbOrTx, ids: string[]): Promise<InnovationRef[]> {
  if (ids.length === 0) {
    return [];
  }
  return db.select(innovationRefColumns).from(innovations).where(inArray(innovations.id, ids));
}

export async function findOrganisation(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: organisations.id, nameTh: organisations.nameTh, type: organisations.type })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row ?? null;
}

export async function findPartner(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ id: partners.id, nameTh: partners.nameTh, nameEn: partners.nameEn })
    .from(partners)
    .where(eq(partners.id, id));
  return row ?? null;
}

export async function needExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: innovationNeeds.id })
    .from(innovationNeeds)
    .where(eq(innovationNeeds.id, id));
  return row !== undefined;
}

export async function problemStatementExists(db: DbOrTx, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: problemStatements.id })
    .from(problemStatements)
    .where(eq(problemStatements.id, id));
  return row !== undefined;
}

/** Organisations the person is a member of (any seat). */
export async function memberOrganisationIds(db: DbOrTx, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationMembers.organisationId })
    .from(organisationMembers)
    .where(eq(organisationMembers.userId, userId));
  return rows.map((r) => r.id);
}

/** Owner organisations of an innovation. */
export async function innovationOwnerIds(db: DbOrTx, innovationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: innovationOwners.organisationId })
    .from(innovationOwners)
    .where(eq(innovationOwners.innovationId, innovationId));
  return rows.map((r) => r.id);
}

// ---- Villages ------------------------------------------------------------------------------------------------------

export interface VillageSite {
  provinceCode: number;
  districtCode: number;
  subdistrictCode: number;
  villageNo: number;
  nameTh: string;
}

/**
 * The village at a subdistrict's หมู่ที่, created when missing. A village already on file keeps its name unless that
 * name is empty.
 */
export async function upsertVillage(db: DbOrTx, site: VillageSite): Promise<string> {
  const [row] = await db
    .insert(villages)
    .values(site)
    .onConflictDoUpdate({
      target: [villages.subdistrictCode, villages.villageNo],
      set: {
        nameTh: sql`CASE WHEN ${villages.nameTh} = '' THEN excluded.name_th ELSE ${villages.nameTh} END`,
      },
    })
    .returning({ id: villages.id });
  if (!row) {
    throw new Error('village upsert returned no row');
  }
  return row.id;
}

export async function findVillage(db: DbOrTx, id: string): Promise<VillageRow | null> {
  const [row] = await db.select().from(villages).where(eq(villages.id, id));
  return row ?? null;
}

export async function findVillages(db: DbOrTx, ids: string[]): Promise<VillageRow[]> {
  if (ids.length === 0) {
    return [];
  }
  return db.select().from(villages).where(inArray(villages.id, ids));
}

export async function updateVillage(
  db: DbOrTx,
  id: string,
  patch: Pick<VillageRow, 'nameTh' | 'nameEn' | 'descriptionTh' | 'descriptionEn'>,
): Promise<void> {
  await db
    .update(villages)
    .set({ ...patch, updatedAt: new Date() })
    .where(eq(villages.id, id));
}

// ---- Adoptions -----------------------------------------------------------------------------------------------------

export async function insertAdoption(db: DbOrTx, values: AdoptionInsert): Promise<AdoptionRow> {
  const [row] = await db.insert(adoptions).values(values).returning();
  if (!row) {
    throw new Error('adoption insert returned no row');
  }
  return row;
}

export async function findAdoption(db: DbOrTx, id: string, forUpdate = false): Promise<AdoptionRow | null> {
  const query = db.select().from(adoptions).where(eq(adoptions.id, id));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
}

export async function updateAdoption(
  db: DbOrTx,
  id: string,
  version: number,
  patch: Partial<AdoptionInsert>,
): Promise<AdoptionRow | null> {
  const [row] = await db
    .update(adoptions)
    .set({ ...patch, version: version + 1, updatedAt: new Date() })
    .where(and(eq(adoptions.id, id), eq(adoptions.version, version)))
    .returning();
  return row ?? null;
}

export interface AdoptionFilter {
  innovationIds?: string[] | undefined;
  /** Only adoptions of innovations this reader may read (the catalogue's read rule); every adoption when absent. */
  readableBy?: InnovationReader | undefined;
  villageId?: string | undefined;
  provinceCode?: number | undefined;
  status?: string | undefined;
  theme?: string | undefined;
}

/** Who reads a list, for the catalogue's rule: published entries, or their own unit's or organisations' drafts. */
export interface InnovationReader {
  drivingUnitId: string | null;
  organisationIds: readonly string[];
}

function readableCondition(reader: InnovationReader): SQL {
  const either: SQL[] = [eq(innovations.status, 'published')];
  if (reader.drivingUnitId) {
    either.push(eq(innovations.drivingUnitId, reader.drivingUnitId));
  }
  if (reader.organisationIds.length > 0) {
    either.push(
      sql`exists (select 1 from ${innovationOwners} where ${innovationOwners.innovationId} = ${innovations.id} and ${inArray(innovationOwners.organisationId, [...reader.organisationIds])})`,
    );
  }
  return or(...either) ?? sql`false`;
}

function whereOf(filter: AdoptionFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.innovationIds) {
    if (filter.innovationIds.length === 0) {
      return sql`false`;
    }
    conditions.push(inArray(adoptions.innovationId, filter.innovationIds));
  }
  if (filter.readableBy) {
    conditions.push(readableCondition(filter.readableBy));
  }
  if (filter.villageId) {
    conditions.push(eq(adoptions.villageId, filter.villageId));
  }
  if (filter.provinceCode !== undefined) {
    conditions.push(eq(adoptions.provinceCode, filter.provinceCode));
  }
  if (filter.status) {
    conditions.push(eq(adoptions.status, filter.status));
  }
  if (filter.theme) {
    conditions.push(sql`${innovations.themes} @> ARRAY[${filter.theme}]::text[]`);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

/** Adoptions with their innovation's status (for the public filter), oldest interest first. */
export async function listAdoptions(
  db: DbOrTx,
  filter: AdoptionFilter,
  limit = 5000,
): Promise<AdoptionRow[]> {
  const rows = await db
    .select({ adoption: adoptions })
    .from(adoptions)
    .innerJoin(innovations, eq(innovations.id, adoptions.innovationId))
    .where(whereOf(filter))
    .orderBy(asc(adoptions.interestedOn), asc(adoptions.createdAt))
    .limit(limit);
  return rows.map((r) => r.adoption);
}

// ---- Timeline events -----------------------------------------------------------------------------------------------

export async function insertEvent(db: DbOrTx, values: typeof adoptionEvents.$inferInsert): Promise<EventRow> {
  const [row] = await db.insert(adoptionEvents).values(values).returning();
  if (!row) {
    throw new Error('event insert returned no row');
  }
  return row;
}

export async function listEvents(db: DbOrTx, adoptionIds: string[]): Promise<EventRow[]> {
  if (adoptionIds.length === 0) {
    return [];
  }
  return db
    .select()
    .from(adoptionEvents)
    .where(inArray(adoptionEvents.adoptionId, adoptionIds))
    .orderBy(asc(adoptionEvents.occurredOn), asc(adoptionEvents.createdAt));
}

// ---- Updates (stories) ---------------------------------------------------------------------------------------------

export async function insertUpdate(
  db: DbOrTx,
  values: typeof adoptionUpdates.$inferInsert,
): Promise<UpdateRow> {
  const [row] = await db.insert(adoptionUpdates).values(values).returning();
  if (!row) {
    throw new Error('update insert returned no row');
  }
  return row;
}

export interface UpdateWithAuthor extends UpdateRow {
  authorName: string | null;
}

export async function listUpdates(
  db: DbOrTx,
  adoptionIds: string[],
  limit = 200,
): Promise<UpdateWithAuthor[]> {
  if (adoptionIds.length === 0) {
    return [];
  }
  const result = await db
    .select({
      update: adoptionUpdates,
      authorName: sql<string | null>`CASE WHEN ${users.erasedAt} IS NULL THEN ${users.name} END`,
    })
    .from(adoptionUpdates)
    .leftJoin(users, eq(users.id, adoptionUpdates.authorId))
    .where(inArray(adoptionUpdates.adoptionId, adoptionIds))
    .orderBy(desc(adoptionUpdates.createdAt))
    .limit(limit);
  return result.map((r) => ({ ...r.update, authorName: r.authorName }));
}

export async function findUpdate(db: DbOrTx, id: string): Promise<UpdateRow | null> {
  const [row] = await db.select().from(adoptionUpdates).where(eq(adoptionUpdates.id, id));
  return row ?? null;
}

export async function deleteUpdate(db: DbOrTx, id: string): Promise<void> {
  await db.delete(adoptionUpdates).where(eq(adoptionUpdates.id, id));
}

/** Provinces of a driving unit. */
export async function unitProvinceCodes(db: DbOrTx, drivingUnitId: string): Promise<number[]> {
  const rows = await db
    .select({ code: drivingUnitProvinces.provinceCode })
    .from(drivingUnitProvinces)
    .where(eq(drivingUnitProvinces.drivingUnitId, drivingUnitId));
  return rows.map((r) => r.code);
}

/** Area names of a subdistrict, for the village page. */
export async function areaNames(db: DbOrTx, subdistrictCode: number) {
  const rows = await queryRows<{ province_th: string; district_th: string; subdistrict_th: string }>(
    db,
    sql`
    SELECT p.name_th AS province_th, d.name_th AS district_th, s.name_th AS subdistrict_th
    FROM subdistricts s JOIN districts d ON d.code = s.district_code JOIN provinces p ON p.code = d.province_code
    WHERE s.code = ${subdistrictCode}`,
  );
  const row = rows[0];
  return {
    provinceTh: row?.province_th ?? '',
    districtTh: row?.district_th ?? '',
    subdistrictTh: row?.subdistrict_th ?? '',
  };
}

/** Published innovations whose origin is this subdistrict and village name. */
export async function innovationsOriginatingIn(db: DbOrTx, subdistrictCode: number, villageName: string) {
  return db
    .select({ id: innovations.id, titleTh: innovations.titleTh, titleEn: innovations.titleEn })
    .from(innovations)
    .where(
      and(
        eq(innovations.status, 'published'),
        eq(innovations.originSubdistrictCode, subdistrictCode),
        sql`btrim(${innovations.originVillageName}) <> ''`,
        sql`position(btrim(${innovations.originVillageName}) in ${villageName}) > 0
          OR position(${villageName} in btrim(${innovations.originVillageName})) > 0`,
      ),
    )
    .orderBy(asc(innovations.titleTh));
}

/** Published innovations (and their origin province) having adoptions in the list. */
export async function originsOf(db: DbOrTx, innovationIds: string[]) {
  if (innovationIds.length === 0) {
    return [];
  }
  return db
    .select({
      id: innovations.id,
      titleTh: innovations.titleTh,
      titleEn: innovations.titleEn,
      originProvinceCode: innovations.originProvinceCode,
    })
    .from(innovations)
    .where(inArray(innovations.id, innovationIds));
}
