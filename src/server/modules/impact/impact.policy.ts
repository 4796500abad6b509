import { hasRole, type Actor } from '@server/lib/authz';
import {
  isProjectOfficer,
  isSupervisingStaff,
  type ProjectAccess,
} from '@server/modules/projects/projects.policy';

const isWriter = (p: ProjectAccess) => p.memberRole === 'owner' || p.memberRole === 'editor';
const isStaff = (actor: Actor, p: ProjectAccess) => isProjectOfficer(actor) || isSupervisingStaff(actor, p);
const isOpen = (p: ProjectAccess) => p.status !== 'closed';

/** The libraries (indicators, financial proxies): officers and administrators manage them; anyone reads them. */
export const impactLibraryPolicy = {
  manage: (actor: Actor) => isProjectOfficer(actor),
};

/**
 * A project's impact records. The grantee's owners and editors, the supervising unit's staff and officers keep the
 * logic model and indicators while the project is open; values are entered by the same people; only staff verify
 * them. SROI drafts are kept by the same people at any status (an evaluative assessment is made at close-out);
 * only staff finalise a version.
 */
export const impactPolicy = {
  read: (actor: Actor, p: ProjectAccess) => isStaff(actor, p) || p.memberRole !== null,
  editPlan: (actor: Actor, p: ProjectAccess) => (isWriter(p) || isStaff(actor, p)) && isOpen(p),
  enterValues: (actor: Actor, p: ProjectAccess) =>
    (isWriter(p) || isStaff(actor, p)) && p.status === 'active',
  verifyValues: (actor: Actor, p: ProjectAccess) => isStaff(actor, p),
  editSroi: (actor: Actor, p: ProjectAccess) => isWriter(p) || isStaff(actor, p),
  finaliseSroi: (actor: Actor, p: ProjectAccess) => isStaff(actor, p),
};
export type ImpactAbility = keyof typeof impactPolicy;

/** Portfolio views: officers and administrators see every project; a driving unit's staff see their unit's. */
export function canSeePortfolio(actor: Actor): boolean {
  return isProjectOfficer(actor) || (hasRole(actor, 'driving_unit_staff') && actor.drivingUnitId !== null);
}
