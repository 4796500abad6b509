import { describe, expect, it } from 'vitest';
import type { Actor } from '@server/lib/authz';
import type { PlatformRole } from '@shared/contracts/identity';
import { REVIEW_STATUSES } from '@shared/contracts/reviews';
import { reviewPolicy } from './reviews.policy';
import { nextReviewStatus, REVIEW_TRANSITION_NAMES } from './reviews.transitions';

const actor = (...roles: PlatformRole[]): Actor => ({
  userId: 'u',
  sessionId: 's',
  roles,
  drivingUnitId: null,
  csrfToken: 'c',
  mfaPending: false,
  totpEnabled: false,
  mustEnrollTotp: false,
});

describe('the review status machine', () => {
  it.each([
    ['draft', 'save', 'draft'],
    ['draft', 'submit', 'submitted'],
    ['draft', 'reopen', null],
    ['submitted', 'save', null],
    ['submitted', 'submit', null],
    ['submitted', 'reopen', 'draft'],
  ] as const)('%s --%s--> %s', (from, transition, to) => {
    expect(nextReviewStatus(from, transition)).toBe(to);
  });

  it('covers every status and transition', () => {
    expect(REVIEW_STATUSES.length * REVIEW_TRANSITION_NAMES.length).toBe(6);
  });
});

describe('reviewPolicy', () => {
  const reviewer = actor('reviewer');
  const officer = actor('programme_officer');
  const admin = actor('administrator');
  const applicant = actor();

  it.each([
    ['reviewer', reviewer, false],
    ['applicant', applicant, false],
    ['programme officer', officer, true],
    ['administrator', admin, true],
  ] as const)('manage: %s → %s', (_name, who, allowed) => {
    expect(reviewPolicy.manage(who)).toBe(allowed);
  });

  it.each([
    ['draft', true, false],
    ['submitted', false, true],
  ] as const)('a %s review: edit %s, officer reopen %s', (status, edit, reopen) => {
    expect(reviewPolicy.edit(reviewer, { status })).toBe(edit);
    expect(reviewPolicy.reopen(officer, { status })).toBe(reopen);
    expect(reviewPolicy.reopen(reviewer, { status })).toBe(false);
  });
});
