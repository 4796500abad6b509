import type { PeoplesChoice, Vote } from '@shared/contracts/peoples-choice';
import { apiSend } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const path = (callId: string) => `/api/calls/${encodeURIComponent(callId)}/peoples-choice`;

export const peoplesChoiceApi = {
  vote: (callId: string, proposalId: string) =>
    apiSend<Vote>('POST', `${path(callId)}/votes`, { proposalId }),
};

/** A call's people's choice: the shortlist, my vote, and the results once closed. */
export function usePeoplesChoice(callId: string | undefined) {
  return useFreshApi<PeoplesChoice>(callId ? path(callId) : null);
}
