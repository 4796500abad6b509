import type { ProjectStatus } from '@shared/contracts/projects';
import { hasRole, type Actor } from '@server/lib/authz';

/** What the policies need to know about a project and the actor's place in its organisation. */
export interface ProjectAccess {
  status: ProjectStatus;
  drivingUnitId: string | null;
  /** The actor's role in the grantee organisation, or null. */
  memberRole: 'owner' | 'editor' | 'viewer' | null;
}

/** Programme officers and administrators: the national roll-up. */
export function isProjectOfficer(actor: Actor): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** Staff of the project's supervising driving unit: their portfolio only. */
export function isSupervisingStaff(actor: Actor, project: Pick<ProjectAccess, 'drivingUnitId'>): boolean {
  return (
    hasRole(actor, 'driving_unit_staff') &&
    actor.drivingUnitId !== null &&
    actor.drivingUnitId === project.drivingUnitId
  );
}

const isWriter = (p: ProjectAccess) => p.memberRole === 'owner' || p.memberRole === 'editor';
const isStaff = (actor: Actor, p: ProjectAccess) => isProjectOfficer(actor) || isSupervisingStaff(actor, p);

/** Who may do what with a funded project; services assert these, responses carry them as abilities. */
export const projectPolicy = {
  read: (actor: Actor, p: ProjectAccess) => isStaff(actor, p) || p.memberRole !== null,
  editSetup: (actor: Actor, p: ProjectAccess) => isProjectOfficer(actor) && p.status === 'setup',
  issueAgreement: (actor: Actor, p: ProjectAccess) => isProjectOfficer(actor) && p.status === 'setup',
  withdrawAgreement: (actor: Actor, p: ProjectAccess) =>
    isProjectOfficer(actor) && p.status === 'agreement_issued',
  acceptAgreement: (_actor: Actor, p: ProjectAccess) =>
    p.memberRole === 'owner' && p.status === 'agreement_issued',
  changeUnit: (actor: Actor, p: ProjectAccess) => isProjectOfficer(actor) && p.status !== 'closed',
  recordPayment: (actor: Actor, p: ProjectAccess) => isProjectOfficer(actor) && p.status === 'active',
  editReports: (_actor: Actor, p: ProjectAccess) => isWriter(p) && p.status === 'active',
  reviewReports: (actor: Actor, p: ProjectAccess) => isStaff(actor, p) && p.status === 'active',
  requestReallocation: (actor: Actor, p: ProjectAccess) =>
    (isWriter(p) || isStaff(actor, p)) && p.status === 'active',
  decideReallocation: (actor: Actor, p: ProjectAccess) => isStaff(actor, p) && p.status === 'active',
  close: (actor: Actor, p: ProjectAccess) => isProjectOfficer(actor) && p.status === 'active',
};

export type ProjectAbility = keyof typeof projectPolicy;
