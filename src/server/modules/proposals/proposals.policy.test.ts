import { describe, expect, it } from 'vitest';
import type { Actor } from '@server/lib/authz';
import type { PlatformRole } from '@shared/contracts/identity';
import { PROPOSAL_STATUSES, type ProposalStatus } from '@shared/contracts/proposals';
import type { MemberRole } from '@shared/contracts/organisations';
import { proposalPolicy, type ProposalAccess } from './proposals.policy';

function actor(roles: PlatformRole[] = []): Actor {
  return {
    userId: 'u',
    sessionId: 's',
    roles,
    drivingUnitId: null,
    csrfToken: 'c',
    mfaPending: false,
    totpEnabled: false,
    mustEnrollTotp: false,
  };
}

const access = (myRole: MemberRole | null, status: ProposalStatus, co = false): ProposalAccess => ({
  myRole,
  isCoApplicantMember: co,
  status,
});

describe('proposal policy', () => {
  const officer = actor(['programme_officer']);
  const applicant = actor();

  it.each([
    ['owner', false, true],
    ['editor', false, true],
    ['viewer', false, true],
    [null, true, true],
    [null, false, false],
  ] as const)('a member with role %s (co-applicant %s) may view: %s', (role, co, allowed) => {
    expect(proposalPolicy.view(applicant, access(role, 'draft', co))).toBe(allowed);
  });

  it('lets officers view every proposal but write none', () => {
    for (const status of PROPOSAL_STATUSES) {
      expect(proposalPolicy.view(officer, access(null, status))).toBe(true);
      expect(proposalPolicy.write(officer, access(null, status))).toBe(false);
    }
  });

  it.each(PROPOSAL_STATUSES.map((s) => [s]))('edits, submits and withdraws by status: %s', (status) => {
    const editable = status === 'draft' || status === 'returned';
    for (const role of ['owner', 'editor'] as const) {
      expect(proposalPolicy.edit(applicant, access(role, status))).toBe(editable);
      expect(proposalPolicy.submit(applicant, access(role, status))).toBe(editable);
      expect(proposalPolicy.withdraw(applicant, access(role, status))).toBe(status !== 'withdrawn');
    }
    expect(proposalPolicy.edit(applicant, access('viewer', status))).toBe(false);
    expect(proposalPolicy.withdraw(applicant, access('viewer', status))).toBe(false);
  });

  it.each(PROPOSAL_STATUSES.map((s) => [s]))('officer actions by status: %s', (status) => {
    expect(proposalPolicy.returnForRevision(officer, access(null, status))).toBe(status === 'submitted');
    expect(proposalPolicy.overrideEligibility(officer, access(null, status))).toBe(
      status === 'submitted' || status === 'returned',
    );
    expect(proposalPolicy.returnForRevision(applicant, access('owner', status))).toBe(false);
    expect(proposalPolicy.overrideEligibility(actor(['administrator']), access(null, status))).toBe(
      status === 'submitted' || status === 'returned',
    );
  });
});
