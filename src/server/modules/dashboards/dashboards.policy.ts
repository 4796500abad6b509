import { hasRole, type Actor } from '@server/lib/authz';

/** Programme officers and administrators: every project, and any unit by filter. */
export function isDashboardOfficer(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** A driving unit's staff member with a unit: their unit's figures only. */
export function isUnitStaff(actor: Actor | null): actor is Actor & { drivingUnitId: string } {
  return actor !== null && hasRole(actor, 'driving_unit_staff') && actor.drivingUnitId !== null;
}

/** Who sees the officer and unit dashboards: officers (all) and a unit's staff (theirs); nobody else. */
export const dashboardPolicy = {
  view: (actor: Actor | null) => isDashboardOfficer(actor) || isUnitStaff(actor),
};
