import type { Actor } from '@server/lib/authz';
import type { ActivityStatus, ActivityTransition } from '@shared/contracts/activities';

/** What the activity rules look at. */
export interface ActivityScope {
  drivingUnitId: string;
  status: string;
  publishedAt: Date | null;
}

const isOfficer = (actor: Actor) =>
  actor.roles.includes('administrator') || actor.roles.includes('programme_officer');

/** The status each command moves an activity to, and from which statuses it may. */
export const ACTIVITY_TRANSITION_MAP: Record<
  ActivityTransition,
  { from: readonly ActivityStatus[]; to: ActivityStatus }
> = {
  publish: { from: ['draft'], to: 'published' },
  cancel: { from: ['draft', 'published'], to: 'cancelled' },
  complete: { from: ['published'], to: 'completed' },
};

export function canTransition(status: string, transition: ActivityTransition): boolean {
  return (ACTIVITY_TRANSITION_MAP[transition].from as readonly string[]).includes(status);
}

export const activityPolicy = {
  /** Officers and administrators act for every unit; a unit's staff for their own unit only. */
  manageUnit: (actor: Actor, drivingUnitId: string): boolean =>
    isOfficer(actor) || (actor.roles.includes('driving_unit_staff') && actor.drivingUnitId === drivingUnitId),
  /** Manage an activity: edit, publish, cancel, complete, registrations, attendance, certificates. */
  manage: (actor: Actor, activity: ActivityScope): boolean =>
    activityPolicy.manageUnit(actor, activity.drivingUnitId),
  /** Anyone sees an activity once published; drafts only its managers. */
  view: (actor: Actor | null, activity: ActivityScope): boolean =>
    (activity.status !== 'draft' && activity.publishedAt !== null) ||
    (actor !== null && activityPolicy.manage(actor, activity)),
  /** Sees the managers' list of some unit. */
  listManaged: (actor: Actor): boolean =>
    isOfficer(actor) || (actor.roles.includes('driving_unit_staff') && actor.drivingUnitId !== null),
  isOfficer,
};
