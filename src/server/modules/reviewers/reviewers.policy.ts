import { hasRole, type Actor } from '@server/lib/authz';
import type { AssignmentStatus, InvitationStatus } from '@shared/contracts/reviewers';

/** Programme officers and administrators run a call's review. */
export function isOfficer(actor: Actor): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** An assignment as the rules see it. */
export interface AssignmentAccess {
  reviewerId: string;
  status: AssignmentStatus;
  /** The assignment's review has been submitted. */
  isSubmitted: boolean;
}

/** Who may do what in the reviewer pool and with assignments. */
export const reviewersPolicy = {
  /** Settings, the pool, invitations, assignments of a call. */
  manage: (actor: Actor) => isOfficer(actor),
  /** Keep a reviewer profile and declared conflicts. */
  ownProfile: (actor: Actor) => hasRole(actor, 'reviewer'),
  /** Declare a conflict of interest, or none: only the reviewer, only before it is declared. */
  declare: (actor: Actor, a: AssignmentAccess) => a.reviewerId === actor.userId && a.status === 'pending_coi',
  /** Decline an assignment: the reviewer, before their review is submitted. */
  decline: (actor: Actor, a: AssignmentAccess) =>
    a.reviewerId === actor.userId && (a.status === 'pending_coi' || a.status === 'active') && !a.isSubmitted,
  /** Remove an assignment: officers, while it is live and its review not submitted. */
  remove: (actor: Actor, a: AssignmentAccess) =>
    isOfficer(actor) && (a.status === 'pending_coi' || a.status === 'active') && !a.isSubmitted,
};

/** An invitation's moves: a reviewer answers an open invitation once; an officer may invite again after a decline. */
export const INVITATION_TRANSITIONS: Record<InvitationStatus, readonly InvitationStatus[]> = {
  invited: ['accepted', 'declined'],
  accepted: [],
  declined: ['invited'],
};

export function canMoveInvitation(from: InvitationStatus, to: InvitationStatus): boolean {
  return INVITATION_TRANSITIONS[from].includes(to);
}
