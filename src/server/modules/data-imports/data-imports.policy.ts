import { hasRole, type Actor } from '@server/lib/authz';

/**
 * Reference data (area indicators, province boundaries) is the administrators' to load, like the province groups and
 * the rest of the reference data; programme officers read it but do not replace it.
 */
export const dataImportPolicy = {
  run: (actor: Actor) => hasRole(actor, 'administrator'),
};
