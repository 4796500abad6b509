import type { CallStatus, CallTransition, ProblemStatus } from '@shared/contracts/calls';

interface Move<S extends string> {
  from: readonly S[];
  to: S;
}

/**
 * The call status machine: draft → published → closed → archived, a closed call may be reopened, and a draft that
 * never went out may be archived.
 */
export const CALL_TRANSITIONS = {
  publish: { from: ['draft'], to: 'published' },
  close: { from: ['published'], to: 'closed' },
  archive: { from: ['draft', 'closed'], to: 'archived' },
  reopen: { from: ['closed'], to: 'published' },
} as const satisfies Record<CallTransition, Move<CallStatus>>;

/** The status a transition leads to from `status`, or null when the machine does not allow it. */
export function nextCallStatus(status: CallStatus, transition: CallTransition): CallStatus | null {
  const move: Move<CallStatus> = CALL_TRANSITIONS[transition];
  return move.from.includes(status) ? move.to : null;
}

export const PROBLEM_TRANSITION_NAMES = ['publish', 'withdraw'] as const;
export type ProblemTransition = (typeof PROBLEM_TRANSITION_NAMES)[number];

/** Problem statements: pending (posted by a partner) → published; either may be withdrawn; withdrawn may return. */
export const PROBLEM_TRANSITIONS = {
  publish: { from: ['pending', 'withdrawn'], to: 'published' },
  withdraw: { from: ['pending', 'published'], to: 'withdrawn' },
} as const satisfies Record<ProblemTransition, Move<ProblemStatus>>;

export function nextProblemStatus(
  status: ProblemStatus,
  transition: ProblemTransition,
): ProblemStatus | null {
  const move: Move<ProblemStatus> = PROBLEM_TRANSITIONS[transition];
  return move.from.includes(status) ? move.to : null;
}
