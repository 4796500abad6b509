import type { DbOrTx } from '@server/db/client';
import type { RequestMeta } from '@server/lib/authz';
import type { ScalingRecommendation } from '@shared/contracts/projects';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as repo from './innovations.repo';

/** What a closed project gives the innovation catalogue. */
export interface ProjectInnovationInput {
  projectId: string;
  organisationId: string;
  titleTh: string;
  titleEn: string;
  summaryTh: string;
  themes: string[];
  provinceCodes: number[];
  srl: number | null;
  lessonsLearned: string;
  scalingRecommendations: ScalingRecommendation[];
}

/**
 * Creates the catalogue entry of a closed project as a draft, or updates the entry it already has (its status stays
 * as it is), inside the caller's transaction; audited. Returns the entry's id.
 */
export async function upsertProjectInnovation(
  tx: DbOrTx,
  input: ProjectInnovationInput,
  meta: RequestMeta,
): Promise<string> {
  const existing = await repo.findByProject(tx, input.projectId);
  const content: repo.InnovationContent = { ...input };
  const row = existing
    ? await repo.updateInnovation(tx, existing.id, content)
    : await repo.insertInnovation(tx, content);
  await recordAudit(tx, meta, {
    action: existing ? 'innovation.updated_from_project' : 'innovation.created_from_project',
    entityType: 'innovation',
    entityId: row.id,
    before: existing
      ? { titleTh: existing.titleTh, srl: existing.srl, lessonsLearned: existing.lessonsLearned }
      : null,
    after: {
      titleTh: row.titleTh,
      srl: row.srl,
      lessonsLearned: row.lessonsLearned,
      projectId: input.projectId,
    },
  });
  return row.id;
}
