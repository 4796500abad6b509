import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '@server/lib/authz';
import type { PlatformRole } from '@shared/contracts/identity';
import {
  canEditVillage,
  canManageAdoption,
  isDiffusionStaff,
  mayRecordAdoptions,
  type ActorScope,
} from './diffusion.policy';

const ORG = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';

function actor(role: PlatformRole | null): Actor {
  return systemActor('user', role ? [role] : []);
}

const noScope: ActorScope = { organisationIds: [], unitProvinceCodes: [] };
const member: ActorScope = { organisationIds: [ORG], unitProvinceCodes: [] };
const unit58: ActorScope = { organisationIds: [], unitProvinceCodes: [58, 57] };

describe('diffusion policy', () => {
  const adoptionIn58 = { provinceCode: 58, adopterOrganisationId: ORG };
  const adoptionIn96 = { provinceCode: 96, adopterOrganisationId: OTHER };

  it.each([
    ['anonymous', null, noScope, adoptionIn58, false],
    ['an applicant with no organisation', actor(null), noScope, adoptionIn58, false],
    ['a member of the adopter organisation', actor(null), member, adoptionIn58, true],
    ['a member of another organisation', actor(null), member, adoptionIn96, false],
    [
      'a named adopter (no organisation) for a member',
      actor(null),
      member,
      { provinceCode: 58, adopterOrganisationId: null },
      false,
    ],
    ['unit staff in their province', actor('driving_unit_staff'), unit58, adoptionIn58, true],
    ['unit staff outside their provinces', actor('driving_unit_staff'), unit58, adoptionIn96, false],
    ['a partner', actor('partner'), noScope, adoptionIn58, false],
    ['a reviewer', actor('reviewer'), noScope, adoptionIn58, false],
    ['a programme officer', actor('programme_officer'), noScope, adoptionIn96, true],
    ['an administrator', actor('administrator'), noScope, adoptionIn96, true],
  ] as const)('%s: manage = %s', (_name, who, scope, adoption, expected) => {
    expect(canManageAdoption(who, scope, adoption)).toBe(expected);
  });

  it('who sees the entry point to record adoptions, reads all adoptions and edits villages', () => {
    expect(mayRecordAdoptions(null, noScope)).toBe(false);
    expect(mayRecordAdoptions(actor(null), noScope)).toBe(false);
    expect(mayRecordAdoptions(actor(null), member)).toBe(true);
    expect(mayRecordAdoptions(actor('driving_unit_staff'), unit58)).toBe(true);
    expect(mayRecordAdoptions(actor('driving_unit_staff'), noScope)).toBe(false);
    expect(mayRecordAdoptions(actor('programme_officer'), noScope)).toBe(true);
    expect(isDiffusionStaff(actor('driving_unit_staff'))).toBe(true);
    expect(isDiffusionStaff(actor('partner'))).toBe(false);
    expect(isDiffusionStaff(null)).toBe(false);
    expect(canEditVillage(actor('driving_unit_staff'), unit58, { provinceCode: 58 })).toBe(true);
    expect(canEditVillage(actor('driving_unit_staff'), unit58, { provinceCode: 96 })).toBe(false);
    expect(canEditVillage(actor(null), member, { provinceCode: 58 })).toBe(false);
    expect(canEditVillage(actor('administrator'), noScope, { provinceCode: 96 })).toBe(true);
  });
});
