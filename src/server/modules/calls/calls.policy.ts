import { hasRole, type Actor } from '@server/lib/authz';
import type { CallStatus } from '@shared/contracts/calls';

const isOfficer = (actor: Actor | null) =>
  hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');

/** Who may do what with calls. Drafts and archived calls are for officers only. */
export const callPolicy = {
  view: (actor: Actor | null, call: { status: CallStatus }) =>
    call.status === 'published' || call.status === 'closed' || isOfficer(actor),
  manage: (actor: Actor | null) => isOfficer(actor),
};
