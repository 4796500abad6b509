import { hasRole, type Actor } from '@server/lib/authz';

/** Programme officers and administrators maintain the programmes; everyone may read them. */
export const programmePolicy = {
  edit: (actor: Actor) => hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator'),
};
