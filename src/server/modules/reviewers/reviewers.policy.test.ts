import { describe, expect, it } from 'vitest';
import type { Actor } from '@server/lib/authz';
import type { PlatformRole } from '@shared/contracts/identity';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '@shared/contracts/reviewers';
import { canMoveInvitation, reviewersPolicy, type AssignmentAccess } from './reviewers.policy';

function actor(userId: string, roles: PlatformRole[]): Actor {
  return {
    userId,
    sessionId: 's',
    roles,
    drivingUnitId: null,
    csrfToken: 'c',
    mfaPending: false,
    totpEnabled: false,
    mustEnrollTotp: false,
  };
}

const reviewer = actor('r1', ['reviewer']);
const other = actor('r2', ['reviewer']);
const officer = actor('o1', ['programme_officer']);
const applicant = actor('a1', []);

const access = (status: AssignmentStatus, isSubmitted = false): AssignmentAccess => ({
  reviewerId: 'r1',
  status,
  isSubmitted,
});

describe('reviewersPolicy', () => {
  it('lets officers manage and reviewers keep a profile', () => {
    expect([officer, reviewer, applicant].map((a) => reviewersPolicy.manage(a))).toEqual([
      true,
      false,
      false,
    ]);
    expect([officer, reviewer, applicant].map((a) => reviewersPolicy.ownProfile(a))).toEqual([
      false,
      true,
      false,
    ]);
  });

  it.each(ASSIGNMENT_STATUSES.map((s) => [s]))('declare / decline / remove when %s', (status) => {
    const live = status === 'pending_coi' || status === 'active';
    expect(reviewersPolicy.declare(reviewer, access(status))).toBe(status === 'pending_coi');
    expect(reviewersPolicy.declare(other, access(status))).toBe(false);
    expect(reviewersPolicy.decline(reviewer, access(status))).toBe(live);
    expect(reviewersPolicy.decline(reviewer, access(status, true))).toBe(false);
    expect(reviewersPolicy.decline(other, access(status))).toBe(false);
    expect(reviewersPolicy.remove(officer, access(status))).toBe(live);
    expect(reviewersPolicy.remove(officer, access(status, true))).toBe(false);
    expect(reviewersPolicy.remove(reviewer, access(status))).toBe(false);
  });
});

describe('invitation transitions', () => {
  it.each([
    ['invited', 'accepted', true],
    ['invited', 'declined', true],
    ['accepted', 'declined', false],
    ['accepted', 'invited', false],
    ['declined', 'invited', true],
    ['declined', 'accepted', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMoveInvitation(from, to)).toBe(allowed);
  });
});
