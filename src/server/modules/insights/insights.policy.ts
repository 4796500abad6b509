import { hasRole, type Actor } from '@server/lib/authz';
import { isProjectOfficer } from '@server/modules/projects/projects.policy';

/** Policy insight reports: officers and administrators see everything; a driving unit's staff their unit's part. */
export function canSeeInsights(actor: Actor): boolean {
  return isProjectOfficer(actor) || (hasRole(actor, 'driving_unit_staff') && actor.drivingUnitId !== null);
}
