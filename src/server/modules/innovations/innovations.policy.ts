import { hasRole, type Actor } from '@server/lib/authz';
import type { MemberRole } from '@shared/contracts/organisations';
import type { InnovationStatus } from '@shared/contracts/innovations';

/** What the rules need to know about an entry and the actor's place in it. */
export interface InnovationAccess {
  status: InnovationStatus;
  /** The actor's best role in the entry's owner organisations; null when they belong to none. */
  memberRole: MemberRole | null;
  drivingUnitId: string | null;
}

/** Programme officers and administrators keep the catalogue: they add, publish, feature and assess entries. */
export function isCurator(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

function isUnitStaffOf(actor: Actor | null, drivingUnitId: string | null): boolean {
  return (
    drivingUnitId !== null && hasRole(actor, 'driving_unit_staff') && actor?.drivingUnitId === drivingUnitId
  );
}

/** The best of several membership roles (owner > editor > viewer). */
export function bestRole(roles: ReadonlyArray<MemberRole | null>): MemberRole | null {
  for (const role of ['owner', 'editor', 'viewer'] as const) {
    if (roles.includes(role)) {
      return role;
    }
  }
  return null;
}

/** A command that moves an entry's status. */
export type CurationCommand = 'publish' | 'unpublish';

/** The catalogue's status machine: draft → published → unpublished → published. */
export const INNOVATION_TRANSITIONS: Readonly<Record<InnovationStatus, readonly InnovationStatus[]>> = {
  draft: ['published'],
  published: ['unpublished'],
  unpublished: ['published'],
};

/** Where a command takes an entry from `from`, or null when it may not. */
export function nextInnovationStatus(
  from: InnovationStatus,
  command: CurationCommand,
): InnovationStatus | null {
  let to: InnovationStatus;
  switch (command) {
    case 'publish':
      to = 'published';
      break;
    case 'unpublish':
      to = 'unpublished';
      break;
    default: {
      const exhaustive: never = command;
      return exhaustive;
    }
  }
  return INNOVATION_TRANSITIONS[from].includes(to) ? to : null;
}

/**
 * Who may do what with the catalogue. Everyone reads published entries; drafts and unpublished ones only curators,
 * the owner organisations' members and the supervising unit's staff. Curators and the owners' owners and editors
 * edit the content (a published entry stays published when its owners correct it); only curators publish,
 * feature, assess the SRL, set the adoption package and change the owners. The owners' members and curators
 * nominate a published entry to a contest.
 */
export const innovationPolicy = {
  create: (actor: Actor) => isCurator(actor),
  read: (actor: Actor | null, r: InnovationAccess) =>
    r.status === 'published' ||
    isCurator(actor) ||
    r.memberRole !== null ||
    isUnitStaffOf(actor, r.drivingUnitId),
  edit: (actor: Actor, r: InnovationAccess) =>
    isCurator(actor) || r.memberRole === 'owner' || r.memberRole === 'editor',
  curate: (actor: Actor, _r: InnovationAccess) => isCurator(actor),
  nominate: (actor: Actor, r: InnovationAccess) =>
    r.status === 'published' && (isCurator(actor) || r.memberRole !== null),
};
