import type { CallPhase } from '@shared/contracts/calls';

/**
 * Compares instants to the second, as deadlines are announced: a call closing at 23:59:59 Asia/Bangkok accepts a
 * submission during that whole second and refuses one at 00:00:00.
 */
export function isBeforeDeadline(now: Date, deadline: Date): boolean {
  return Math.floor(now.getTime() / 1000) <= Math.floor(deadline.getTime() / 1000);
}

/** Where a call is in its life at `now`: closed by status or deadline, upcoming before it opens, else open. */
export function callPhase(call: { opensAt: Date; closesAt: Date; status: string }, now: Date): CallPhase {
  if (call.status === 'closed' || call.status === 'archived') {
    return 'closed';
  }
  if (now < call.opensAt) {
    return 'upcoming';
  }
  return isBeforeDeadline(now, call.closesAt) ? 'open' : 'closed';
}
