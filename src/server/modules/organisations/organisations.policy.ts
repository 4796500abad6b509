import { hasRole, type Actor } from '@server/lib/authz';
import type { MemberRole } from '@shared/contracts/organisations';

/** What the policies need to know of an organisation: the actor's membership role in it. */
export interface OrganisationAccess {
  myRole: MemberRole | null;
}

export function isStaff(actor: Actor): boolean {
  return hasRole(actor, 'administrator') || hasRole(actor, 'programme_officer');
}

export const organisationPolicy = {
  view: (actor: Actor, org: OrganisationAccess) => org.myRole !== null || isStaff(actor),
  edit: (_actor: Actor, org: OrganisationAccess) => org.myRole === 'owner' || org.myRole === 'editor',
  manageMembers: (_actor: Actor, org: OrganisationAccess) => org.myRole === 'owner',
  listAll: (actor: Actor) => isStaff(actor),
};
