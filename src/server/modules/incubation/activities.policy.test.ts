import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '@server/lib/authz';
import type { PlatformRole } from '@shared/contracts/identity';
import { activityPolicy, canTransition } from './activities.policy';

const UNIT = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';

function actor(role: PlatformRole | null, drivingUnitId: string | null = null): Actor {
  return { ...systemActor('u', role ? [role] : []), drivingUnitId };
}

const activity = (status: string, published = status !== 'draft') => ({
  drivingUnitId: UNIT,
  status,
  publishedAt: published ? new Date() : null,
});

describe('activityPolicy', () => {
  it.each([
    ['administrator', null, true],
    ['programme_officer', null, true],
    ['driving_unit_staff', UNIT, true],
    ['driving_unit_staff', OTHER, false],
    ['reviewer', null, false],
    [null, null, false],
  ] as const)('manage: %s of %s → %s', (role, unit, allowed) => {
    expect(activityPolicy.manage(actor(role, unit), activity('draft'))).toBe(allowed);
  });

  it.each([
    ['draft', null, false],
    ['draft', 'driving_unit_staff', true],
    ['published', null, true],
    ['completed', null, true],
    ['cancelled', null, true],
  ] as const)('view %s by %s → %s', (status, role, allowed) => {
    const who = role ? actor(role, UNIT) : null;
    expect(activityPolicy.view(who, activity(status))).toBe(allowed);
  });

  it('hides an activity cancelled before it was ever published', () => {
    expect(activityPolicy.view(null, activity('cancelled', false))).toBe(false);
  });

  it.each([
    ['draft', 'publish', true],
    ['published', 'publish', false],
    ['draft', 'cancel', true],
    ['published', 'cancel', true],
    ['completed', 'cancel', false],
    ['published', 'complete', true],
    ['draft', 'complete', false],
    ['cancelled', 'complete', false],
  ] as const)('%s → %s allowed: %s', (status, transition, allowed) => {
    expect(canTransition(status, transition)).toBe(allowed);
  });
});
