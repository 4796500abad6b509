import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  flagshipObjectives,
  organisationTypes,
  provinceGroupMembers,
  provinceGroups,
  provinces,
  sdgs,
  themes,
} from '@server/db/schema/index';

export const listThemes = (db: DbOrTx) => db.select().from(themes).orderBy(asc(themes.number));
export const listSdgs = (db: DbOrTx) => db.select().from(sdgs).orderBy(asc(sdgs.number));
export const listOrganisationTypes = (db: DbOrTx) =>
  db
    .select({
      code: organisationTypes.code,
      nameTh: organisationTypes.nameTh,
      nameEn: organisationTypes.nameEn,
    })
    .from(organisationTypes)
    .orderBy(asc(organisationTypes.sortOrder));
export const listFlagshipObjectives = (db: DbOrTx) =>
  db.select().from(flagshipObjectives).orderBy(asc(flagshipObjectives.number));

export async function upsertThemes(db: DbOrTx, rows: Array<typeof themes.$inferInsert>) {
  await db
    .insert(themes)
    .values(rows)
    .onConflictDoUpdate({
      target: themes.code,
      set: { number: sql`excluded.number`, nameTh: sql`excluded.name_th`, nameEn: sql`excluded.name_en` },
    });
}

export async function upsertSdgs(db: DbOrTx, rows: Array<typeof sdgs.$inferInsert>) {
  await db
    .insert(sdgs)
    .values(rows)
    .onConflictDoUpdate({
      target: sdgs.number,
      set: { nameTh: sql`excluded.name_th`, nameEn: sql`excluded.name_en` },
    });
}

export async function upsertOrganisationTypes(
  db: DbOrTx,
  rows: Array<typeof organisationTypes.$inferInsert>,
) {
  await db
    .insert(organisationTypes)
    .values(rows)
    .onConflictDoUpdate({
      target: organisationTypes.code,
      set: {
        nameTh: sql`excluded.name_th`,
        nameEn: sql`excluded.name_en`,
        sortOrder: sql`excluded.sort_order`,
      },
    });
}

export async function upsertFlagshipObjectives(
  db: DbOrTx,
  rows: Array<typeof flagshipObjectives.$inferInsert>,
) {
  await db
    .insert(flagshipObjectives)
    .values(rows)
    .onConflictDoUpdate({
      target: flagshipObjectives.number,
      set: { nameTh: sql`excluded.name_th`, nameEn: sql`excluded.name_en` },
    });
}

export async function findProvinceGroup(db: DbOrTx, code: string) {
  const rows = await db.select().from(provinceGroups).where(eq(provinceGroups.code, code));
  return rows[0];
}

export async function listProvinceGroupMembers(db: DbOrTx, code: string) {
  return db
    .select({
      provinceCode: provinceGroupMembers.provinceCode,
      nameTh: provinces.nameTh,
      nameEn: provinces.nameEn,
      rank: provinceGroupMembers.rank,
    })
    .from(provinceGroupMembers)
    .innerJoin(provinces, eq(provinces.code, provinceGroupMembers.provinceCode))
    .where(eq(provinceGroupMembers.groupCode, code))
    .orderBy(sql`${provinceGroupMembers.rank} NULLS LAST`, asc(provinceGroupMembers.provinceCode));
}

export async function listProvinceGroupCodes(db: DbOrTx, code: string): Promise<number[]> {
  const rows = await db
    .select({ provinceCode: provinceGroupMembers.provinceCode })
    .from(provinceGroupMembers)
    .where(eq(provinceGroupMembers.groupCode, code));
  return rows.map((r) => r.provinceCode);
}

export async function replaceProvinceGroup(
  db: DbOrTx,
  group: typeof provinceGroups.$inferInsert,
  members: Array<{ provinceCode: number; rank: number | null }>,
) {
  await db
    .insert(provinceGroups)
    .values(group)
    .onConflictDoUpdate({
      target: provinceGroups.code,
      set: {
        nameTh: group.nameTh,
        nameEn: group.nameEn,
        descriptionTh: group.descriptionTh ?? '',
        descriptionEn: group.descriptionEn ?? '',
        source: group.source ?? null,
        updatedAt: sql`now()`,
      },
    });
  await db.delete(provinceGroupMembers).where(eq(provinceGroupMembers.groupCode, group.code));
  if (members.length > 0) {
    await db.insert(provinceGroupMembers).values(members.map((m) => ({ groupCode: group.code, ...m })));
  }
}
