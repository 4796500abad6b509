/**
 * What matching reads: published diffusion-ready innovations with their adoptions, the provinces' poverty levels
 * (the poor-province target group and the NESDC ranked lists) and problem statements. Read only.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@server/db/client';
import {
  adoptions,
  areaIndicatorValues,
  innovations,
  problemStatements,
  provinceGroupMembers,
} from '@server/db/schema/index';
import type { AdoptionStatus } from '@shared/contracts/diffusion';
import { TARGET_GROUP_CODE } from '@shared/reference/province-groups';
import type { MatchCandidate, PovertyLevel } from './matching';

/** The indicator whose ranked lists (any year) name the provinces with the highest poverty ratio. */
export const POVERTY_RANK_INDICATOR = 'poverty_rank_nesdc';

/** Every published, diffusion-ready innovation with the provinces and statuses of its adoptions. */
export async function listCandidates(db: DbOrTx): Promise<MatchCandidate[]> {
  const rows = await db
    .select({
      id: innovations.id,
      titleTh: innovations.titleTh,
      titleEn: innovations.titleEn,
      summaryTh: innovations.summaryTh,
      summaryEn: innovations.summaryEn,
      themes: innovations.themes,
      srl: innovations.srl,
      adoptionCostSatang: innovations.adoptionCostSatang,
      originProvinceCode: innovations.originProvinceCode,
    })
    .from(innovations)
    .where(and(eq(innovations.status, 'published'), eq(innovations.isDiffusionReady, true)));
  if (rows.length === 0) {
    return [];
  }
  const sites = await db
    .select({
      innovationId: adoptions.innovationId,
      provinceCode: adoptions.provinceCode,
      status: adoptions.status,
    })
    .from(adoptions)
    .where(
      inArray(
        adoptions.innovationId,
        rows.map((r) => r.id),
      ),
    );
  const byInnovation = new Map<string, MatchCandidate['sites']>();
  for (const site of sites) {
    const list = byInnovation.get(site.innovationId) ?? [];
    list.push({ provinceCode: site.provinceCode, status: site.status as AdoptionStatus });
    byInnovation.set(site.innovationId, list);
  }
  return rows.map((r) => ({ ...r, sites: byInnovation.get(r.id) ?? [] }));
}

/** Each province's poverty level as far as the platform knows; provinces not listed are `other`. */
export async function povertyLevels(db: DbOrTx): Promise<Map<number, PovertyLevel>> {
  const [target, ranked] = await Promise.all([
    db
      .select({ code: provinceGroupMembers.provinceCode })
      .from(provinceGroupMembers)
      .where(eq(provinceGroupMembers.groupCode, TARGET_GROUP_CODE)),
    db
      .selectDistinct({ code: areaIndicatorValues.provinceCode })
      .from(areaIndicatorValues)
      .where(eq(areaIndicatorValues.indicatorCode, POVERTY_RANK_INDICATOR)),
  ]);
  const levels = new Map<number, PovertyLevel>();
  for (const r of ranked) {
    levels.set(r.code, 'high');
  }
  for (const r of target) {
    levels.set(r.code, 'target');
  }
  return levels;
}

export async function findProblemStatement(db: DbOrTx, id: string) {
  const [row] = await db
    .select({
      id: problemStatements.id,
      titleTh: problemStatements.titleTh,
      titleEn: problemStatements.titleEn,
      theme: problemStatements.theme,
      provinceCode: problemStatements.provinceCode,
      districtCode: problemStatements.districtCode,
      status: problemStatements.status,
    })
    .from(problemStatements)
    .where(eq(problemStatements.id, id));
  return row ?? null;
}
