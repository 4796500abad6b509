import { hasRole, type Actor } from '@server/lib/authz';

/** Programme officers and administrators keep every adoption record. */
export function isDiffusionOfficer(actor: Actor | null): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

/** Staff who read every adoption (drafts' innovations included): officers, administrators, driving units' staff. */
export function isDiffusionStaff(actor: Actor | null): boolean {
  return isDiffusionOfficer(actor) || hasRole(actor, 'driving_unit_staff');
}

/** What the policy needs to know about the actor beyond roles, loaded by the service. */
export interface ActorScope {
  /** Organisations the actor is a member of. */
  organisationIds: readonly string[];
  /** Provinces of the actor's driving unit (driving-unit staff), empty otherwise. */
  unitProvinceCodes: readonly number[];
}

/** An adoption (or one about to be recorded) as the policy sees it. */
export interface AdoptionScope {
  provinceCode: number;
  adopterOrganisationId: string | null;
}

/**
 * Who may record and manage an adoption (its fields, its status, its updates): officers and administrators; a
 * driving unit's staff for adoptions in their unit's provinces; the adopter organisation's members for their own
 * organisation's adoptions.
 */
export function canManageAdoption(actor: Actor | null, scope: ActorScope, adoption: AdoptionScope): boolean {
  if (!actor) {
    return false;
  }
  if (isDiffusionOfficer(actor)) {
    return true;
  }
  if (hasRole(actor, 'driving_unit_staff') && scope.unitProvinceCodes.includes(adoption.provinceCode)) {
    return true;
  }
  return (
    adoption.adopterOrganisationId !== null && scope.organisationIds.includes(adoption.adopterOrganisationId)
  );
}

/** Whether the actor may record adoptions at all (shows the "record an adoption" entry point). */
export function mayRecordAdoptions(actor: Actor | null, scope: ActorScope): boolean {
  return (
    isDiffusionOfficer(actor) ||
    (hasRole(actor, 'driving_unit_staff') && scope.unitProvinceCodes.length > 0) ||
    (actor !== null && scope.organisationIds.length > 0)
  );
}

/** Villages' names and descriptions are edited by officers and unit staff of the province. */
export function canEditVillage(
  actor: Actor | null,
  scope: ActorScope,
  village: { provinceCode: number },
): boolean {
  return (
    isDiffusionOfficer(actor) ||
    (hasRole(actor, 'driving_unit_staff') && scope.unitProvinceCodes.includes(village.provinceCode))
  );
}
