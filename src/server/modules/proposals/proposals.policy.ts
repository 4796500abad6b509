import { hasRole, type Actor } from '@server/lib/authz';
import type { MemberRole } from '@shared/contracts/organisations';
import type { ProposalStatus } from '@shared/contracts/proposals';

/** What the rules need to know of a proposal and of the actor's relation to it. */
export interface ProposalAccess {
  /** The actor's role in the applicant organisation, or null. */
  myRole: MemberRole | null;
  /** The actor belongs to a co-applicant organisation (read only). */
  isCoApplicantMember: boolean;
  status: ProposalStatus;
}

export function isOfficer(actor: Actor): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

const writes = (access: ProposalAccess) => access.myRole === 'owner' || access.myRole === 'editor';

/**
 * Who may do what with a proposal. Time limits (deadlines, revision due dates) are checked by the service, which
 * knows the clock; these are the role and status rules.
 */
export const proposalPolicy = {
  view: (actor: Actor, p: ProposalAccess) => p.myRole !== null || p.isCoApplicantMember || isOfficer(actor),
  /** Change answers and attachments: owners and editors of the applicant, while a draft or returned. */
  edit: (_actor: Actor, p: ProposalAccess) => writes(p) && (p.status === 'draft' || p.status === 'returned'),
  submit: (_actor: Actor, p: ProposalAccess) =>
    writes(p) && (p.status === 'draft' || p.status === 'returned'),
  withdraw: (_actor: Actor, p: ProposalAccess) => writes(p) && p.status !== 'withdrawn',
  /** Owners and editors, whatever the status: the service then says why the status does not allow it. */
  write: (_actor: Actor, p: ProposalAccess) => writes(p),
  returnForRevision: (actor: Actor, p: ProposalAccess) => isOfficer(actor) && p.status === 'submitted',
  overrideEligibility: (actor: Actor, p: ProposalAccess) =>
    isOfficer(actor) && (p.status === 'submitted' || p.status === 'returned'),
  officer: (actor: Actor) => isOfficer(actor),
};
