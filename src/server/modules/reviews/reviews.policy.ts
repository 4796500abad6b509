import { hasRole, type Actor } from '@server/lib/authz';
import type { ReviewStatus } from '@shared/contracts/reviews';
import { nextReviewStatus } from './reviews.transitions';

const isOfficer = (actor: Actor) => hasRole(actor, 'programme_officer') || hasRole(actor, 'administrator');

/**
 * Who may do what with rubrics and reviews. A reviewer reaches their own review only through an open assignment
 * (the reviewers service checks that); these are the role and status rules.
 */
export const reviewPolicy = {
  /** Rubrics, rankings, named reviews and reopening: programme officers and administrators. */
  manage: (actor: Actor) => isOfficer(actor),
  /** A reviewer saves or submits their review while it is a draft. */
  edit: (_actor: Actor, review: { status: ReviewStatus }) => nextReviewStatus(review.status, 'save') !== null,
  /** Officers reopen submitted reviews. */
  reopen: (actor: Actor, review: { status: ReviewStatus }) =>
    isOfficer(actor) && nextReviewStatus(review.status, 'reopen') !== null,
};
