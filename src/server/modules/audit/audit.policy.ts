import { hasRole, type Actor } from '@server/lib/authz';

export const auditPolicy = {
  read: (actor: Actor) => hasRole(actor, 'administrator'),
};
