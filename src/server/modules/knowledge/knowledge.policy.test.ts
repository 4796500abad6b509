import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '@server/lib/authz';
import type { PlatformRole } from '@shared/contracts/identity';
import { knowledgePolicy, type ResourceAccess } from './knowledge.policy';
import { networkPolicy } from '@server/modules/network/network.policy';
import { totalsOf } from '@server/modules/network/network.service';

const UNIT_A = '00000000-0000-4000-8000-00000000000a';
const UNIT_B = '00000000-0000-4000-8000-00000000000b';

function actor(role: PlatformRole | null, drivingUnitId: string | null = null): Actor {
  return { ...systemActor('00000000-0000-4000-8000-000000000001', role ? [role] : []), drivingUnitId };
}

const officer = actor('programme_officer');
const admin = actor('administrator');
const staffA = actor('driving_unit_staff', UNIT_A);
const staffB = actor('driving_unit_staff', UNIT_B);
const partner = actor('partner');
const member = actor(null);

const draftOfA: ResourceAccess = { drivingUnitId: UNIT_A, status: 'draft' };
const publishedOfA: ResourceAccess = { drivingUnitId: UNIT_A, status: 'published' };
const draftOfAgency: ResourceAccess = { drivingUnitId: null, status: 'draft' };

describe('knowledge policy', () => {
  it.each([
    ['officer', officer, true, true, true, true],
    ['administrator', admin, true, true, true, true],
    ["unit A's staff", staffA, true, true, true, false],
    ["unit B's staff", staffB, true, false, true, false],
    ['partner', partner, false, false, true, false],
    ['member', member, false, false, true, false],
  ] as const)('%s', (_name, who, create, manageOwnUnit, readPublished, manageAgency) => {
    expect(knowledgePolicy.create(who)).toBe(create);
    expect(knowledgePolicy.manage(who, draftOfA)).toBe(manageOwnUnit);
    expect(knowledgePolicy.read(who, draftOfA)).toBe(manageOwnUnit);
    expect(knowledgePolicy.read(who, publishedOfA)).toBe(readPublished);
    expect(knowledgePolicy.manage(who, draftOfAgency)).toBe(manageAgency);
  });

  it('anyone, signed in or not, reads only published resources', () => {
    expect(knowledgePolicy.read(null, publishedOfA)).toBe(true);
    expect(knowledgePolicy.read(null, draftOfA)).toBe(false);
  });
});

describe('network policy', () => {
  it.each([
    ['officer', officer, true, true],
    ['administrator', admin, true, true],
    ['unit staff', staffA, false, true],
    ['partner', partner, false, false],
    ['member', member, false, false],
  ] as const)('%s', (_name, who, manage, documents) => {
    expect(networkPolicy.manage(who)).toBe(manage);
    expect(networkPolicy.readDocuments(who)).toBe(documents);
  });
});

describe('contribution totals', () => {
  it('adds cash and in kind per year and overall', () => {
    expect(
      totalsOf([
        { fiscalYear: 2570, cashSatang: 0, inKindSatang: 5 },
        { fiscalYear: 2569, cashSatang: 100, inKindSatang: 20 },
      ]),
    ).toEqual({
      cashSatang: 100,
      inKindSatang: 25,
      totalSatang: 125,
      byFiscalYear: [
        { fiscalYear: 2570, cashSatang: 0, inKindSatang: 5, totalSatang: 5 },
        { fiscalYear: 2569, cashSatang: 100, inKindSatang: 20, totalSatang: 120 },
      ],
    });
    expect(totalsOf([])).toEqual({ cashSatang: 0, inKindSatang: 0, totalSatang: 0, byFiscalYear: [] });
  });
});
