import type { ContestStatus, ContestTransition } from '@shared/contracts/contests';

interface Move {
  from: readonly ContestStatus[];
  to: ContestStatus;
}

/**
 * The contest status machine: draft → open (nominations) → judging → announced → archived; an unused draft may be
 * archived too.
 */
export const CONTEST_MOVES = {
  open: { from: ['draft'], to: 'open' },
  start_judging: { from: ['open'], to: 'judging' },
  announce: { from: ['judging'], to: 'announced' },
  archive: { from: ['draft', 'announced'], to: 'archived' },
} as const satisfies Record<ContestTransition, Move>;

/** The status a transition leads to from `status`, or null when the machine does not allow it. */
export function nextContestStatus(
  status: ContestStatus,
  transition: ContestTransition,
): ContestStatus | null {
  const move: Move = CONTEST_MOVES[transition];
  return move.from.includes(status) ? move.to : null;
}

/** Entries: submitted → accepted | rejected; an officer may change their mind until a winner is chosen. */
export function nextEntryStatus(
  status: 'submitted' | 'accepted' | 'rejected' | 'winner',
  decision: 'accept' | 'reject',
): 'accepted' | 'rejected' | null {
  switch (status) {
    case 'submitted':
      return decision === 'accept' ? 'accepted' : 'rejected';
    case 'accepted':
      return decision === 'reject' ? 'rejected' : null;
    case 'rejected':
      return decision === 'accept' ? 'accepted' : null;
    case 'winner':
      return null;
    default: {
      const exhaustive: never = status;
      return exhaustive;
    }
  }
}
