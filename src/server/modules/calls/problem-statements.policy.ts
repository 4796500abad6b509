import { hasRole, type Actor } from '@server/lib/authz';
import type { ProblemStatus } from '@shared/contracts/calls';

export interface StatementAccess {
  status: ProblemStatus;
  ownerUserId: string | null;
}

const isOfficer = (actor: Actor | null) =>
  hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
const isPoster = (actor: Actor | null, s: StatementAccess) =>
  actor !== null && s.ownerUserId === actor.userId;

/**
 * Problem statements: everyone sees published ones; officers see and moderate all; a poster sees their own and
 * may edit or withdraw it while it waits for an officer.
 */
export const statementPolicy = {
  seesAll: (actor: Actor | null) => isOfficer(actor),
  view: (actor: Actor | null, s: StatementAccess) =>
    s.status === 'published' || isOfficer(actor) || isPoster(actor, s),
  edit: (actor: Actor | null, s: StatementAccess) =>
    isOfficer(actor) || (isPoster(actor, s) && s.status === 'pending'),
  publish: (actor: Actor | null) => isOfficer(actor),
  withdraw: (actor: Actor | null, s: StatementAccess) =>
    isOfficer(actor) || (isPoster(actor, s) && s.status === 'pending'),
  /** Officers publish directly; partners post for approval (local-government owners are checked by the service). */
  postDirectly: (actor: Actor | null) => isOfficer(actor),
  postAsPartner: (actor: Actor | null) => hasRole(actor, 'partner'),
};
