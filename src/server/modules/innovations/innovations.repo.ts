import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  calls,
  districts,
  drivingUnits,
  innovationMedia,
  innovationOwners,
  innovationSrlHistory,
  innovations,
  organisationMembers,
  organisations,
  partners,
  programmes,
  projects,
  provinces,
  subdistricts,
} from '@server/db/schema/index';

export type InnovationRow = typeof innovations.$inferSelect;
export type InnovationContent = Omit<
  typeof innovations.$inferInsert,
  'id' | 'status' | 'version' | 'createdAt' | 'updatedAt'
>;
export type InnovationChanges = Partial<
  Omit<typeof innovations.$inferInsert, 'id' | 'version' | 'createdAt'>
>;
export type MediaRow = typeof innovationMedia.$inferSelect;
export type NewMedia = typeof innovationMedia.$inferInsert;
export type SrlRow = typeof innovationSrlHistory.$inferSelect;

export interface Named {
  id: string;
  nameTh: string;
  nameEn: string;
}

export interface Place {
  code: number;
  parentCode: number;
  nameTh: string;
  nameEn: string;
}

function one<T>(rows: T[], what: string): T {
  const row = rows[0];
  if (!row) {
    throw new Error(`${what} returned no row`);
  }
  return row;
}

export async function findInnovation(
  db: DbOrTx,
  id: string,
  lock = false,
): Promise<InnovationRow | undefined> {
  const query = db.select().from(innovations).where(eq(innovations.id, id));
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

export async function findByProject(db: DbOrTx, projectId: string): Promise<InnovationRow | undefined> {
  const rows = await db.select().from(innovations).where(eq(innovations.projectId, projectId)).for('update');
  return rows[0];
}

export async function insertInnovation(
  db: DbOrTx,
  values: InnovationContent & { status?: string; publishedAt?: Date | null },
): Promise<InnovationRow> {
  return one(
    await db
      .insert(innovations)
      .values({ status: 'draft', ...values })
      .returning(),
    'innovation insert',
  );
}

/** Changes an entry and moves its version on. */
export async function updateInnovation(
  db: DbOrTx,
  id: string,
  values: InnovationChanges,
): Promise<InnovationRow> {
  return one(
    await db
      .update(innovations)
      .set({ ...values, version: sql`${innovations.version} + 1`, updatedAt: sql`now()` })
      .where(eq(innovations.id, id))
      .returning(),
    `innovation ${id} update`,
  );
}

/**
 * Changes an entry's gallery fields without moving its version: photos and documents come and go beside the
 * content, and an editor's unsaved changes to the content stay valid.
 */
export async function touchInnovation(
  db: DbOrTx,
  id: string,
  values: Pick<InnovationChanges, 'coverMediaId'> = {},
): Promise<void> {
  await db
    .update(innovations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(innovations.id, id));
}

// ---- Owners ---------------------------------------------------------------------------------------------------------

/** The owner organisations, the lead first, then by name. */
export async function listOwners(db: DbOrTx, innovationId: string): Promise<Named[]> {
  return db
    .select({ id: organisations.id, nameTh: organisations.nameTh, nameEn: organisations.nameEn })
    .from(innovationOwners)
    .innerJoin(organisations, eq(organisations.id, innovationOwners.organisationId))
    .innerJoin(innovations, eq(innovations.id, innovationOwners.innovationId))
    .where(eq(innovationOwners.innovationId, innovationId))
    .orderBy(
      sql`(${organisations.id} = ${innovations.organisationId}) desc`,
      asc(innovationOwners.createdAt),
      asc(organisations.nameTh),
    )
    .then((rows) => rows.map((r) => ({ ...r, nameEn: r.nameEn ?? '' })));
}

export async function listOwnerIds(db: DbOrTx, innovationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: innovationOwners.organisationId })
    .from(innovationOwners)
    .where(eq(innovationOwners.innovationId, innovationId));
  return rows.map((r) => r.id);
}

/** Sets the owners to exactly `organisationIds`. */
export async function replaceOwners(db: DbOrTx, innovationId: string, organisationIds: readonly string[]) {
  await db.delete(innovationOwners).where(eq(innovationOwners.innovationId, innovationId));
  if (organisationIds.length > 0) {
    await db
      .insert(innovationOwners)
      .values(organisationIds.map((organisationId) => ({ innovationId, organisationId })))
      .onConflictDoNothing();
  }
}

/** Adds an owner when it is not one already. */
export async function addOwner(db: DbOrTx, innovationId: string, organisationId: string): Promise<void> {
  await db.insert(innovationOwners).values({ innovationId, organisationId }).onConflictDoNothing();
}

// ---- What an entry refers to ----------------------------------------------------------------------------------------

export async function existingOrganisationIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export async function existingPartnerIds(db: DbOrTx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) {
    return new Set();
  }
  const rows = await db
    .select({ id: partners.id })
    .from(partners)
    .where(inArray(partners.id, [...ids]));
  return new Set(rows.map((r) => r.id));
}

export async function findProgramme(db: DbOrTx, id: string) {
  const rows = await db
    .select({
      id: programmes.id,
      slug: programmes.slug,
      nameTh: programmes.nameTh,
      nameEn: programmes.nameEn,
    })
    .from(programmes)
    .where(eq(programmes.id, id));
  return rows[0];
}

export async function findDrivingUnit(db: DbOrTx, id: string): Promise<Named | undefined> {
  const rows = await db
    .select({ id: drivingUnits.id, nameTh: drivingUnits.nameTh, nameEn: drivingUnits.nameEn })
    .from(drivingUnits)
    .where(eq(drivingUnits.id, id));
  return rows[0];
}

export async function findProvince(db: DbOrTx, code: number): Promise<Place | undefined> {
  const rows = await db
    .select({
      code: provinces.code,
      parentCode: sql<number>`0`,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
    })
    .from(provinces)
    .where(eq(provinces.code, code));
  return rows[0];
}

export async function findDistrict(db: DbOrTx, code: number): Promise<Place | undefined> {
  const rows = await db
    .select({
      code: districts.code,
      parentCode: districts.provinceCode,
      nameTh: districts.nameTh,
      nameEn: districts.nameEn,
    })
    .from(districts)
    .where(eq(districts.code, code));
  return rows[0];
}

export async function findSubdistrict(db: DbOrTx, code: number): Promise<Place | undefined> {
  const rows = await db
    .select({
      code: subdistricts.code,
      parentCode: subdistricts.districtCode,
      nameTh: subdistricts.nameTh,
      nameEn: subdistricts.nameEn,
    })
    .from(subdistricts)
    .where(eq(subdistricts.code, code));
  return rows[0];
}

export async function listPartnersByIds(db: DbOrTx, ids: readonly string[]): Promise<Named[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db
    .select({ id: partners.id, nameTh: partners.nameTh, nameEn: partners.nameEn })
    .from(partners)
    .where(inArray(partners.id, [...ids]));
  return rows;
}

export async function findProjectRef(db: DbOrTx, id: string) {
  const rows = await db
    .select({ id: projects.id, agreementNumber: projects.agreementNumber })
    .from(projects)
    .where(eq(projects.id, id));
  return rows[0];
}

/** What close-out carries over from the project: its programme (through its call), unit, start SRL and area. */
export async function findProjectOrigin(db: DbOrTx, projectId: string) {
  const rows = await db
    .select({
      programmeId: calls.programmeId,
      drivingUnitId: projects.drivingUnitId,
      srlStart: projects.srlStart,
      startsOn: projects.startsOn,
      orgProvinceCode: organisations.provinceCode,
      orgDistrictCode: organisations.districtCode,
      orgSubdistrictCode: organisations.subdistrictCode,
    })
    .from(projects)
    .innerJoin(calls, eq(calls.id, projects.callId))
    .innerJoin(organisations, eq(organisations.id, projects.organisationId))
    .where(eq(projects.id, projectId));
  return rows[0];
}

/** Choices for the editor. */
export async function listChoices(db: DbOrTx) {
  const [programmeRows, unitRows, partnerRows] = await Promise.all([
    db
      .select({ id: programmes.id, nameTh: programmes.nameTh, nameEn: programmes.nameEn })
      .from(programmes)
      .orderBy(asc(programmes.sortOrder), asc(programmes.nameTh)),
    db
      .select({ id: drivingUnits.id, nameTh: drivingUnits.nameTh, nameEn: drivingUnits.nameEn })
      .from(drivingUnits)
      .orderBy(asc(drivingUnits.nameTh)),
    db
      .select({ id: partners.id, nameTh: partners.nameTh, nameEn: partners.nameEn })
      .from(partners)
      .orderBy(asc(partners.nameTh))
      .limit(500),
  ]);
  return { programmes: programmeRows, drivingUnits: unitRows, partners: partnerRows };
}

// ---- SRL history ----------------------------------------------------------------------------------------------------

export async function insertSrl(db: DbOrTx, values: typeof innovationSrlHistory.$inferInsert): Promise<void> {
  await db.insert(innovationSrlHistory).values(values);
}

export async function listSrl(db: DbOrTx, innovationId: string): Promise<SrlRow[]> {
  return db
    .select()
    .from(innovationSrlHistory)
    .where(eq(innovationSrlHistory.innovationId, innovationId))
    .orderBy(asc(innovationSrlHistory.assessedOn), asc(innovationSrlHistory.createdAt));
}

export async function findSrlFrom(db: DbOrTx, innovationId: string, source: string) {
  const rows = await db
    .select()
    .from(innovationSrlHistory)
    .where(and(eq(innovationSrlHistory.innovationId, innovationId), eq(innovationSrlHistory.source, source)));
  return rows;
}

// ---- Media ----------------------------------------------------------------------------------------------------------

export async function listMedia(db: DbOrTx, innovationId: string): Promise<MediaRow[]> {
  return db
    .select()
    .from(innovationMedia)
    .where(eq(innovationMedia.innovationId, innovationId))
    .orderBy(asc(innovationMedia.position), asc(innovationMedia.createdAt));
}

export async function countMedia(db: DbOrTx, innovationId: string): Promise<number> {
  const rows = await db
    .select({ n: count() })
    .from(innovationMedia)
    .where(eq(innovationMedia.innovationId, innovationId));
  return rows[0]?.n ?? 0;
}

export async function findMedia(
  db: DbOrTx,
  innovationId: string,
  mediaId: string,
): Promise<MediaRow | undefined> {
  const rows = await db
    .select()
    .from(innovationMedia)
    .where(and(eq(innovationMedia.id, mediaId), eq(innovationMedia.innovationId, innovationId)));
  return rows[0];
}

export async function insertMedia(db: DbOrTx, values: NewMedia): Promise<MediaRow> {
  return one(await db.insert(innovationMedia).values(values).returning(), 'media insert');
}

export async function updateMedia(
  db: DbOrTx,
  mediaId: string,
  values: Partial<Pick<NewMedia, 'captionTh' | 'captionEn' | 'position'>>,
): Promise<void> {
  await db.update(innovationMedia).set(values).where(eq(innovationMedia.id, mediaId));
}

export async function deleteMedia(db: DbOrTx, mediaId: string): Promise<void> {
  await db.delete(innovationMedia).where(eq(innovationMedia.id, mediaId));
}

/** Published entries owned by an organisation `userId` belongs to (every published one when `userId` is null). */
export async function listNominable(db: DbOrTx, userId: string | null, limit: number) {
  const lead = db
    .select({ nameTh: organisations.nameTh })
    .from(organisations)
    .where(eq(organisations.id, innovations.organisationId));
  const query = db
    .selectDistinct({
      id: innovations.id,
      titleTh: innovations.titleTh,
      titleEn: innovations.titleEn,
      ownerNameTh: sql<string | null>`(${lead})`,
    })
    .from(innovations);
  const rows = userId
    ? await query
        .innerJoin(innovationOwners, eq(innovationOwners.innovationId, innovations.id))
        .innerJoin(
          organisationMembers,
          and(
            eq(organisationMembers.organisationId, innovationOwners.organisationId),
            eq(organisationMembers.userId, userId),
          ),
        )
        .where(eq(innovations.status, 'published'))
        .orderBy(asc(innovations.titleTh))
        .limit(limit)
    : await query.where(eq(innovations.status, 'published')).orderBy(asc(innovations.titleTh)).limit(limit);
  return rows;
}
