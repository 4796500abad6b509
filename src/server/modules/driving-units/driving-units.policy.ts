import { hasRole, type Actor } from '@server/lib/authz';

/** Programme officers and administrators: every unit, the national roll-up, targets. */
export function isUnitOfficer(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** Staff of this very unit. */
export function isStaffOf(actor: Actor | null, drivingUnitId: string): boolean {
  return (
    actor !== null &&
    hasRole(actor, 'driving_unit_staff') &&
    actor.drivingUnitId !== null &&
    actor.drivingUnitId === drivingUnitId
  );
}

/**
 * Who may do what with a driving unit. Its public page is everyone's; the dashboard and staff list are its own staff's
 * and the officers'; the unit's staff keep their profile; targets are set by officers (the agency), not by the unit.
 */
export const unitPolicy = {
  viewDashboard: (actor: Actor | null, unitId: string) => isUnitOfficer(actor) || isStaffOf(actor, unitId),
  editProfile: (actor: Actor | null, unitId: string) => isUnitOfficer(actor) || isStaffOf(actor, unitId),
  editTargets: (actor: Actor | null, _unitId: string) => isUnitOfficer(actor),
  viewRollup: (actor: Actor | null) => isUnitOfficer(actor),
};

export type UnitAbility = keyof Omit<typeof unitPolicy, 'viewRollup'>;
