import { hasRole, type Actor } from '@server/lib/authz';

/** What the policies need to know about a cohort and the actor's place in it. */
export interface CohortAccess {
  drivingUnitId: string;
  /** The actor is a member of the cohort. */
  isMember: boolean;
}

/** Programme officers and administrators: every unit's cohorts. */
export function isCohortOfficer(actor: Actor): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** Staff of the cohort's driving unit. */
export function isUnitStaff(actor: Actor, drivingUnitId: string): boolean {
  return (
    hasRole(actor, 'driving_unit_staff') &&
    actor.drivingUnitId !== null &&
    actor.drivingUnitId === drivingUnitId
  );
}

const manages = (actor: Actor, c: CohortAccess) =>
  isCohortOfficer(actor) || isUnitStaff(actor, c.drivingUnitId);

/** Who may do what with a cohort; services assert these, responses carry them as abilities. */
export const cohortPolicy = {
  /** See the cohort at all (others get NOT_FOUND). */
  read: (actor: Actor, c: CohortAccess) => manages(actor, c) || c.isMember,
  /** Edit it, its members and questionnaire; read its members and results. */
  manage: (actor: Actor, c: CohortAccess) => manages(actor, c),
  /** Answer its questionnaire. */
  answer: (_actor: Actor, c: CohortAccess) => c.isMember,
  /** Make a cohort for a unit. */
  create: (actor: Actor, drivingUnitId: string) =>
    isCohortOfficer(actor) || isUnitStaff(actor, drivingUnitId),
};
