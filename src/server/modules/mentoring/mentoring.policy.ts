import type { RequestStatus } from '@shared/contracts/mentoring';
import { hasRole, type Actor } from '@server/lib/authz';

/** Programme officers and administrators: every unit's personnel and requests. */
export function isMentoringOfficer(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** Staff of the given driving unit (their own unit only). */
export function isStaffOfUnit(actor: Actor | null, drivingUnitId: string | null): boolean {
  return (
    actor !== null &&
    hasRole(actor, 'driving_unit_staff') &&
    actor.drivingUnitId !== null &&
    actor.drivingUnitId === drivingUnitId
  );
}

/** What the policies need to know about a registry entry. */
export interface PersonAccess {
  drivingUnitId: string | null;
}

const manages = (actor: Actor | null, unitId: string | null) =>
  isMentoringOfficer(actor) || isStaffOfUnit(actor, unitId);

/** Who may change the registry: officers any entry, a unit's staff their unit's people. */
export const personnelPolicy = {
  edit: (actor: Actor | null, p: PersonAccess) => manages(actor, p.drivingUnitId),
  recognise: (actor: Actor | null, p: PersonAccess) => manages(actor, p.drivingUnitId),
};

/** What the actor is to a mentoring request. */
export interface RequestAccess {
  status: RequestStatus;
  drivingUnitId: string | null;
  /** The requester, or a member of the asking organisation (or of the project's organisation). */
  isMentee: boolean;
  /** The assigned mentor's account. */
  isMentor: boolean;
}

/** Who may do what with a mentoring request; services assert these, responses carry them as abilities. */
export const requestPolicy = {
  read: (actor: Actor, r: RequestAccess) => manages(actor, r.drivingUnitId) || r.isMentee || r.isMentor,
  assign: (actor: Actor, r: RequestAccess) =>
    manages(actor, r.drivingUnitId) && (r.status === 'open' || r.status === 'assigned'),
  decline: (actor: Actor, r: RequestAccess) => manages(actor, r.drivingUnitId) && r.status === 'open',
  close: (actor: Actor, r: RequestAccess) =>
    (manages(actor, r.drivingUnitId) || r.isMentor) && r.status === 'assigned',
  logSession: (_actor: Actor, r: RequestAccess) => r.isMentor && r.status === 'assigned',
  /** Rating a session of the request (the service also checks it is not rated yet). */
  rate: (_actor: Actor, r: RequestAccess) => r.isMentee && !r.isMentor,
};

export type RequestAbility = keyof typeof requestPolicy;
