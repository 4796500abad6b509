import type { Database, DbOrTx } from '@server/db/client';
import { notFound } from '@server/lib/errors';
import { PROGRAMMES } from '@shared/reference/programmes';
import type { Programme } from '@shared/contracts/reference';
import * as repo from './programmes.repo';

/** Makes sure the five programmes of the plan exist. */
export async function ensureSeedProgrammes(db: DbOrTx): Promise<void> {
  await repo.insertMissingProgrammes(
    db,
    PROGRAMMES.map((p, index) => ({ ...p, objectives: [...p.objectives], sortOrder: index + 1 })),
  );
}

export async function listProgrammes(db: Database): Promise<Programme[]> {
  return (await repo.listProgrammes(db)) as Programme[];
}

export async function getProgrammeOrThrow(db: Database, slug: string): Promise<Programme> {
  const row = await repo.findProgrammeBySlug(db, slug);
  if (!row) {
    throw notFound('programme', slug);
  }
  return row as Programme;
}
