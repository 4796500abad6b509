import type { AdoptionStatus } from '@shared/contracts/diffusion';

/**
 * The adoption status timeline: interested → planning → implementing → adopted → sustained, one step forward at a
 * time; any status before sustained may end in discontinued (with a reason). Sustained and discontinued are final.
 * Dates never go backwards (a step is dated on or after the previous one) and are never in the future.
 */
export function nextStatuses(status: AdoptionStatus): readonly AdoptionStatus[] {
  switch (status) {
    case 'interested':
      return ['planning', 'discontinued'];
    case 'planning':
      return ['implementing', 'discontinued'];
    case 'implementing':
      return ['adopted', 'discontinued'];
    case 'adopted':
      return ['sustained', 'discontinued'];
    case 'sustained':
      return [];
    case 'discontinued':
      return [];
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export function canTransition(from: AdoptionStatus, to: AdoptionStatus): boolean {
  return nextStatuses(from).includes(to);
}

/** Final statuses: nothing follows them. */
export function isFinalStatus(status: AdoptionStatus): boolean {
  return nextStatuses(status).length === 0;
}

/** Statuses at which the innovation counts as taken up at the site. */
export function hasBeenAdopted(status: AdoptionStatus): boolean {
  return status === 'adopted' || status === 'sustained';
}

/** Why a status change is refused; `null` when it is allowed. */
export type TransitionProblem =
  | { field: 'toStatus'; reason: 'not_allowed'; from: AdoptionStatus; to: AdoptionStatus }
  | { field: 'occurredOn'; reason: 'before_previous'; previous: string }
  | { field: 'occurredOn'; reason: 'in_future'; today: string }
  | { field: 'reason'; reason: 'reason_required' };

export interface TransitionInput {
  from: AdoptionStatus;
  to: AdoptionStatus;
  /** The new step's date, YYYY-MM-DD. */
  occurredOn: string;
  /** The date of the latest step so far. */
  previousOn: string;
  /** Today in Bangkok, YYYY-MM-DD. */
  today: string;
  /** The discontinuation reason (ignored for other statuses). */
  reason: string;
}

/** Checks one status change against the timeline rules; every problem, in field order. */
export function checkTransition(input: TransitionInput): TransitionProblem[] {
  const problems: TransitionProblem[] = [];
  if (!canTransition(input.from, input.to)) {
    problems.push({ field: 'toStatus', reason: 'not_allowed', from: input.from, to: input.to });
  }
  if (input.occurredOn < input.previousOn) {
    problems.push({ field: 'occurredOn', reason: 'before_previous', previous: input.previousOn });
  }
  if (input.occurredOn > input.today) {
    problems.push({ field: 'occurredOn', reason: 'in_future', today: input.today });
  }
  if (input.to === 'discontinued' && input.reason.trim() === '') {
    problems.push({ field: 'reason', reason: 'reason_required' });
  }
  return problems;
}

/** The fields an adoption takes on reaching `to` on `on`. */
export function applyTransition(
  adoption: { adoptedOn: string | null },
  to: AdoptionStatus,
  on: string,
  reason: string,
): { status: AdoptionStatus; statusOn: string; adoptedOn: string | null; discontinuedReason: string } {
  return {
    status: to,
    statusOn: on,
    adoptedOn: to === 'adopted' ? on : adoption.adoptedOn,
    discontinuedReason: to === 'discontinued' ? reason.trim() : '',
  };
}
