import type { ReviewStatus } from '@shared/contracts/reviews';

export const REVIEW_TRANSITION_NAMES = ['save', 'submit', 'reopen'] as const;
export type ReviewTransition = (typeof REVIEW_TRANSITION_NAMES)[number];

interface Move {
  from: readonly ReviewStatus[];
  to: ReviewStatus;
}

/**
 * The review status machine: a draft is saved any number of times and submitted once; a submitted review is locked
 * until an officer reopens it, which makes it a draft again.
 */
export const REVIEW_TRANSITIONS = {
  save: { from: ['draft'], to: 'draft' },
  submit: { from: ['draft'], to: 'submitted' },
  reopen: { from: ['submitted'], to: 'draft' },
} as const satisfies Record<ReviewTransition, Move>;

/** The status a transition leads to from `status`, or null when the machine does not allow it. */
export function nextReviewStatus(status: ReviewStatus, transition: ReviewTransition): ReviewStatus | null {
  const move: Move = REVIEW_TRANSITIONS[transition];
  return move.from.includes(status) ? move.to : null;
}
