import { hasRole, type Actor } from '@server/lib/authz';

/** What the policies need to know about a resource. */
export interface ResourceAccess {
  drivingUnitId: string | null;
  status: string;
}

/** Programme officers and administrators: every resource of the library. */
export function isLibraryOfficer(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** A driving unit's staff: the resources of their own unit. */
export function isUnitStaff(actor: Actor | null): actor is Actor & { drivingUnitId: string } {
  return (
    hasRole(actor, 'driving_unit_staff') &&
    actor?.drivingUnitId !== null &&
    actor?.drivingUnitId !== undefined
  );
}

/** Who may do what with the knowledge library; services assert these, responses carry them as abilities. */
export const knowledgePolicy = {
  create: (actor: Actor) => isLibraryOfficer(actor) || isUnitStaff(actor),
  manage: (actor: Actor, r: ResourceAccess) =>
    isLibraryOfficer(actor) || (isUnitStaff(actor) && actor.drivingUnitId === r.drivingUnitId),
  read: (actor: Actor | null, r: ResourceAccess) =>
    r.status === 'published' ||
    (actor !== null &&
      (isLibraryOfficer(actor) || (isUnitStaff(actor) && actor.drivingUnitId === r.drivingUnitId))),
};
