import { hasRole, type Actor } from '@server/lib/authz';

/** Programme officers and administrators keep the SI Network's records. */
export function isNetworkOfficer(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** Staff who may read MOU documents (signed copies): officers, administrators and driving units' staff. */
export function isNetworkStaff(actor: Actor | null): boolean {
  return isNetworkOfficer(actor) || hasRole(actor, 'driving_unit_staff');
}

/** Who may do what with the network; services assert these, responses carry them as abilities. */
export const networkPolicy = {
  manage: (actor: Actor) => isNetworkOfficer(actor),
  readDocuments: (actor: Actor) => isNetworkStaff(actor),
};
