import type { DbOrTx } from '@server/db/client';
import { innovations } from '@server/db/schema/index';
import { INNOVATION_CORPUS, type CorpusInnovation } from '@server/modules/innovations/innovations.corpus';
import { innovationSearchText } from '@server/modules/innovations/innovations.search';

/** The corpus entry's row values (published unless told otherwise), its search text worked out as writes do. */
export function corpusRow(entry: CorpusInnovation, overrides: Partial<typeof innovations.$inferInsert> = {}) {
  return {
    titleTh: entry.titleTh,
    titleEn: entry.titleEn,
    summaryTh: entry.summaryTh,
    summaryEn: entry.summaryEn,
    problemTh: entry.problemTh,
    problemEn: entry.problemEn,
    solutionTh: entry.solutionTh,
    solutionEn: entry.solutionEn,
    howItWorksTh: entry.howItWorksTh,
    howItWorksEn: entry.howItWorksEn,
    targetUsersTh: entry.targetUsersTh,
    targetUsersEn: entry.targetUsersEn,
    themes: entry.themes,
    sdgs: entry.sdgs,
    provinceCodes: [entry.originProvinceCode],
    originProvinceCode: entry.originProvinceCode,
    originVillageName: entry.originVillageName,
    srl: entry.srl,
    isDiffusionReady: entry.isDiffusionReady,
    adoptionPackage: entry.adoptionPackage,
    adoptionCostSatang: entry.adoptionCostSatang,
    adoptionRequirementsTh: entry.adoptionRequirementsTh,
    adoptionRequirementsEn: entry.adoptionRequirementsEn,
    isFeatured: entry.isFeatured,
    status: 'published',
    publishedAt: new Date('2026-10-01T03:00:00Z'),
    searchText: innovationSearchText(entry),
    ...overrides,
  } satisfies typeof innovations.$inferInsert;
}

/** Inserts the whole demonstration corpus as published entries; returns the ids by corpus key. */
export async function loadCorpus(db: DbOrTx): Promise<Map<string, string>> {
  const rows = await db
    .insert(innovations)
    .values(INNOVATION_CORPUS.map((entry) => corpusRow(entry)))
    .returning({ id: innovations.id, titleTh: innovations.titleTh });
  const keyByTitle = new Map(INNOVATION_CORPUS.map((e) => [e.titleTh, e.key]));
  return new Map(rows.map((r) => [keyByTitle.get(r.titleTh) ?? r.titleTh, r.id]));
}
