import type { DbOrTx } from '@server/db/client';
import type { RequestMeta } from '@server/lib/authz';
import { recordAudit } from '@server/modules/audit/audit.service';
import * as repo from './needs.repo';

/**
 * Marks the need an adoption answers as addressed when the adoption reaches `adopted`: call it in the adoption's
 * status-change transaction. Only a published need changes (a pending, rejected, closed or already addressed one stays
 * as it is); audited. Returns how many needs changed (0 or 1). Kept apart from needs.service (which calls the
 * adoptions service) so that the adoptions service can call it without an import cycle.
 */
export async function markNeedAddressedByAdoption(
  tx: DbOrTx,
  adoption: { id: string; needId: string | null },
  meta: RequestMeta,
  now: Date,
): Promise<number> {
  if (adoption.needId === null) {
    return 0;
  }
  const row = await repo.findNeed(tx, adoption.needId, true);
  if (!row || row.status !== 'published') {
    return 0;
  }
  await repo.updateNeed(tx, row.id, { status: 'addressed', moderatedAt: now });
  await recordAudit(tx, meta, {
    action: 'need.address',
    entityType: 'innovation_need',
    entityId: row.id,
    before: { status: row.status },
    after: { status: 'addressed', adoptionId: adoption.id },
  });
  return 1;
}
