import type { DatabaseHandle } from './client';
import { runMigrations } from './migrate';
import { syncGeoReference } from '@server/modules/geo/geo.service';
import { syncReferenceLists } from '@server/modules/reference/reference.service';
import { ensureSeedProgrammes } from '@server/modules/programmes/programmes.service';
import { ensurePrivacyNotice } from '@server/modules/accounts/accounts.service';
import { ensureImpactStarterSets } from '@server/modules/impact/impact.starter';

/**
 * Brings a database up to date: applies pending migrations, then writes the reference facts kept in the project
 * (regions, 77 provinces, themes, SDGs, organisation types, objectives, the five programmes). Safe to repeat.
 */
export async function prepareDatabase(handle: DatabaseHandle, migrationsDir: string): Promise<void> {
  await runMigrations(handle, migrationsDir);
  await handle.withAdvisoryLock(720_002, async () => {
    await handle.db.transaction(async (tx) => {
      await syncGeoReference(tx);
      await syncReferenceLists(tx);
      await ensureSeedProgrammes(tx);
      await ensurePrivacyNotice(tx);
      await ensureImpactStarterSets(tx);
    });
  });
}
