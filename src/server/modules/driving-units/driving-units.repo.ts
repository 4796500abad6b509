import { eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import { drivingUnitProvinces, drivingUnits } from '@server/db/schema/index';

export async function findDrivingUnitByName(db: DbOrTx, nameEn: string) {
  const rows = await db.select().from(drivingUnits).where(eq(drivingUnits.nameEn, nameEn));
  return rows[0];
}

export async function insertDrivingUnit(
  db: DbOrTx,
  values: typeof drivingUnits.$inferInsert,
  provinceCodes: number[],
) {
  const rows = await db.insert(drivingUnits).values(values).returning({ id: drivingUnits.id });
  const id = rows[0]?.id ?? '';
  if (provinceCodes.length > 0) {
    await db
      .insert(drivingUnitProvinces)
      .values(provinceCodes.map((provinceCode) => ({ drivingUnitId: id, provinceCode })));
  }
  return id;
}

export async function listDrivingUnits(db: DbOrTx) {
  return db
    .select({
      id: drivingUnits.id,
      nameTh: drivingUnits.nameTh,
      nameEn: drivingUnits.nameEn,
      kind: drivingUnits.kind,
      regionCode: drivingUnits.regionCode,
      provinceCodes: sql<
        number[]
      >`coalesce((SELECT array_agg(p.province_code ORDER BY p.province_code) FROM driving_unit_provinces p WHERE p.driving_unit_id = driving_units.id), '{}')`,
    })
    .from(drivingUnits)
    .orderBy(drivingUnits.nameTh);
}
