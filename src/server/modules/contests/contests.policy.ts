import { hasRole, type Actor } from '@server/lib/authz';
import type { ContestStatus } from '@shared/contracts/contests';

const isOfficer = (actor: Actor | null) =>
  hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');

/** Who may do what with award contests. Drafts are for officers only; judges are reviewers added by officers. */
export const contestPolicy = {
  view: (actor: Actor | null, contest: { status: ContestStatus }) =>
    contest.status !== 'draft' || isOfficer(actor),
  manage: (actor: Actor | null) => isOfficer(actor),
  /** Reviewers can be added as judges. */
  canJudge: (actor: Actor | null) => hasRole(actor, 'reviewer'),
};
