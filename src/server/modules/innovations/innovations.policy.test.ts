import { describe, expect, it } from 'vitest';
import { systemActor, type Actor } from '@server/lib/authz';
import { INNOVATION_STATUSES, type InnovationStatus } from '@shared/contracts/innovations';
import type { MemberRole } from '@shared/contracts/organisations';
import {
  bestRole,
  INNOVATION_TRANSITIONS,
  innovationPolicy,
  nextInnovationStatus,
  type InnovationAccess,
} from './innovations.policy';
import { publishIssues } from './innovations.service';

const officer = systemActor('u-officer', ['programme_officer']);
const admin = systemActor('u-admin', ['administrator']);
const applicant = systemActor('u-applicant');
const unitStaff: Actor = { ...systemActor('u-staff', ['driving_unit_staff']), drivingUnitId: 'unit-a' };

const access = (
  status: InnovationStatus,
  memberRole: MemberRole | null = null,
  drivingUnitId: string | null = 'unit-a',
): InnovationAccess => ({ status, memberRole, drivingUnitId });

describe('innovationPolicy', () => {
  it.each([
    ['anonymous', null, null, { draft: false, published: true, unpublished: false }],
    ['an applicant of no owner', applicant, null, { draft: false, published: true, unpublished: false }],
    ["an owner's viewer", applicant, 'viewer', { draft: true, published: true, unpublished: true }],
    ['an officer', officer, null, { draft: true, published: true, unpublished: true }],
    ["the unit's staff", unitStaff, null, { draft: true, published: true, unpublished: true }],
  ] as const)('read: %s', (_name, actor, role, expected) => {
    for (const status of INNOVATION_STATUSES) {
      expect(innovationPolicy.read(actor, access(status, role))).toBe(expected[status]);
    }
  });

  it("another unit's staff do not see drafts", () => {
    expect(innovationPolicy.read(unitStaff, access('draft', null, 'unit-b'))).toBe(false);
    expect(innovationPolicy.read(unitStaff, access('draft', null, null))).toBe(false);
  });

  it.each([
    [officer, null, { create: true, edit: true, curate: true }],
    [admin, null, { create: true, edit: true, curate: true }],
    [applicant, 'owner', { create: false, edit: true, curate: false }],
    [applicant, 'editor', { create: false, edit: true, curate: false }],
    [applicant, 'viewer', { create: false, edit: false, curate: false }],
    [applicant, null, { create: false, edit: false, curate: false }],
    [unitStaff, null, { create: false, edit: false, curate: false }],
  ] as const)('create / edit / curate for %o as %s', (actor, role, expected) => {
    const r = access('published', role);
    expect({
      create: innovationPolicy.create(actor),
      edit: innovationPolicy.edit(actor, r),
      curate: innovationPolicy.curate(actor, r),
    }).toEqual(expected);
  });

  it('nominates only published entries, as an owner member or an officer', () => {
    expect(innovationPolicy.nominate(applicant, access('published', 'viewer'))).toBe(true);
    expect(innovationPolicy.nominate(officer, access('published'))).toBe(true);
    expect(innovationPolicy.nominate(applicant, access('published'))).toBe(false);
    expect(innovationPolicy.nominate(applicant, access('draft', 'owner'))).toBe(false);
    expect(innovationPolicy.nominate(officer, access('unpublished'))).toBe(false);
  });

  it('takes the best of several membership roles', () => {
    expect(bestRole([null, 'viewer', 'editor'])).toBe('editor');
    expect(bestRole(['viewer', 'owner'])).toBe('owner');
    expect(bestRole([null])).toBeNull();
    expect(bestRole([])).toBeNull();
  });
});

describe('the status machine', () => {
  it.each([
    ['draft', 'publish', 'published'],
    ['draft', 'unpublish', null],
    ['published', 'publish', null],
    ['published', 'unpublish', 'unpublished'],
    ['unpublished', 'publish', 'published'],
    ['unpublished', 'unpublish', null],
  ] as const)('%s --%s--> %s', (from, command, to) => {
    expect(nextInnovationStatus(from, command)).toBe(to);
  });

  it('every status has its moves and never moves to itself', () => {
    for (const status of INNOVATION_STATUSES) {
      expect(INNOVATION_TRANSITIONS[status].length).toBeGreaterThan(0);
      expect(INNOVATION_TRANSITIONS[status]).not.toContain(status);
    }
  });
});

describe('publishIssues', () => {
  it('names each missing field, and nothing for a complete entry', () => {
    const complete = { titleTh: 'ก', summaryTh: 'สรุป', themes: ['health'], originProvinceCode: 92 };
    expect(publishIssues(complete)).toEqual([]);
    expect(
      publishIssues({ ...complete, summaryTh: '  ', themes: [], originProvinceCode: null }).map(
        (i) => i.field,
      ),
    ).toEqual(['summaryTh', 'themes', 'originProvinceCode']);
  });
});
