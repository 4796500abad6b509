import { describe, expect, it } from 'vitest';
import type { Actor } from '@server/lib/authz';
import { REVIEW_PHASES, outcomesForStage } from '@shared/contracts/decisions';
import { PHASE_MOVES, canMovePhase, decisionPolicy, isScreenable } from './decisions.policy';

const actor = (roles: Actor['roles']): Actor => ({
  userId: 'u',
  sessionId: 's',
  roles,
  drivingUnitId: null,
  csrfToken: 'c',
  mfaPending: false,
  totpEnabled: false,
  mustEnrollTotp: false,
});

describe('selection phases', () => {
  it.each([
    ['screening', 'review', true],
    ['screening', 'screened_out', true],
    ['screening', 'decided', false],
    ['screening', 'panel', false],
    ['review', 'panel', true],
    ['review', 'decision', true],
    ['review', 'decided', true],
    ['panel', 'decision', true],
    ['panel', 'review', false],
    ['decision', 'panel', false],
    ['decision', 'decided', true],
    ['decided', 'decided', true],
    ['decided', 'review', false],
    ['screened_out', 'review', true],
    ['screened_out', 'decided', true],
    ['screened_out', 'panel', false],
  ] as const)('%s → %s: %s', (from, to, allowed) => {
    expect(canMovePhase(from, to)).toBe(allowed);
  });

  it('names every phase in the transition map, and screening closes once past review', () => {
    expect(Object.keys(PHASE_MOVES).sort()).toEqual([...REVIEW_PHASES].sort());
    expect(REVIEW_PHASES.filter(isScreenable)).toEqual(['screening', 'review', 'screened_out']);
  });

  it('offers the outcomes of each stage', () => {
    expect(outcomesForStage('proposal')).toEqual(['award', 'reject', 'waitlist', 'revision']);
    expect(outcomesForStage('full')).toEqual(['award', 'reject', 'waitlist', 'revision']);
    expect(outcomesForStage('concept')).toEqual(['invite_full', 'reject', 'waitlist']);
  });
});

describe('who decides', () => {
  it.each([
    [['programme_officer'], false, true, true],
    [['administrator'], false, true, true],
    [['reviewer'], false, false, false],
    [[], true, false, true],
    [[], false, false, false],
  ] as const)('roles %j, member %s: decide %s, read %s', (roles, isMember, decides, reads) => {
    expect(decisionPolicy.officer(actor([...roles]))).toBe(decides);
    expect(decisionPolicy.readReleased(actor([...roles]), { isMember })).toBe(reads);
  });
});
