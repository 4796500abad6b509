import { eq } from 'drizzle-orm';
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
