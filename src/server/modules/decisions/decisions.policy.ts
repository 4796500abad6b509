import { hasRole, type Actor } from '@server/lib/authz';
import type { ReviewPhase } from '@shared/contracts/decisions';

/** Programme officers and administrators screen, move, shortlist, decide and release. */
export function isSelectionOfficer(actor: Actor): boolean {
  return hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');
}

export const decisionPolicy = {
  officer: (actor: Actor) => isSelectionOfficer(actor),
  /** Members of the applicant organisation read a released decision; officers read any. */
  readReleased: (actor: Actor, access: { isMember: boolean }) => access.isMember || isSelectionOfficer(actor),
};

/**
 * The phases a proposal may move to from each phase. Screening passes (→ review) or fails (→ screened_out), and may
 * be done again until the panel or decision phase; a decision (→ decided) may follow review, panel or decision, and
 * a screened-out proposal may only be rejected.
 */
export const PHASE_MOVES: Record<ReviewPhase, readonly ReviewPhase[]> = {
  screening: ['review', 'screened_out'],
  review: ['review', 'screened_out', 'panel', 'decision', 'decided'],
  panel: ['decision', 'decided'],
  decision: ['decided'],
  decided: ['decided'],
  screened_out: ['review', 'screened_out', 'decided'],
};

export function canMovePhase(from: ReviewPhase, to: ReviewPhase): boolean {
  return PHASE_MOVES[from].includes(to);
}

/** Phases in which screening may still be done (again). */
export function isScreenable(phase: ReviewPhase): boolean {
  switch (phase) {
    case 'screening':
    case 'review':
    case 'screened_out':
      return true;
    case 'panel':
    case 'decision':
    case 'decided':
      return false;
    default: {
      const exhaustive: never = phase;
      return exhaustive;
    }
  }
}
