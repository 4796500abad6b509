import type {
  CallDetail,
  CallForm,
  CallStatus,
  CallSummary,
  CallTransition,
  CreateCallInput,
  FormStage,
  ProblemStatement,
  UpdateCallBody,
  UpdateProblemStatementBody,
  UpdateProgrammeBody,
} from '@shared/contracts/calls';
import type { z } from 'zod';
import type { FormDefinition } from '@shared/contracts/forms';
import type { DrivingUnit } from '@shared/contracts/identity';
import type { Programme } from '@shared/contracts/reference';
import type { ProblemStatementBodySchema } from '@shared/contracts/calls';
import { apiGet, apiSend, withQuery } from '@web/lib/api';
import { forgetCached, useApi, useFreshApi } from '@web/lib/use-api';

export type ProblemStatementInput = z.input<typeof ProblemStatementBodySchema>;

const CALLS = '/api/calls';

function callPath(id: string, rest = ''): string {
  return `${CALLS}/${encodeURIComponent(id)}${rest}`;
}

function problemPath(id: string, rest = ''): string {
  return `/api/problem-statements/${encodeURIComponent(id)}${rest}`;
}

export const callAdminApi = {
  updateProgramme: async (slug: string, body: UpdateProgrammeBody) => {
    const saved = await apiSend<Programme>('PATCH', `/api/programmes/${encodeURIComponent(slug)}`, body);
    forgetCached('/api/programmes');
    return saved;
  },
  listCalls: (status: CallStatus) => apiGet<CallSummary[]>(withQuery(CALLS, { phase: 'all', status })),
  createCall: (body: CreateCallInput) => apiSend<CallDetail>('POST', CALLS, body),
  updateCall: (id: string, body: UpdateCallBody) => apiSend<CallDetail>('PATCH', callPath(id), body),
  transition: (id: string, transition: CallTransition) =>
    apiSend<CallDetail>('POST', callPath(id, `/${transition}`)),
  saveForm: (id: string, stage: FormStage, definition: FormDefinition) =>
    apiSend<CallForm>('PUT', callPath(id, `/forms/${stage}`), { definition }),
  createProblem: (callId: string, body: ProblemStatementInput) =>
    apiSend<ProblemStatement>('POST', callPath(callId, '/problem-statements'), body),
  updateProblem: (id: string, body: UpdateProblemStatementBody) =>
    apiSend<ProblemStatement>('PATCH', problemPath(id), body),
  publishProblem: (id: string) => apiSend<ProblemStatement>('POST', problemPath(id, '/publish')),
  withdrawProblem: (id: string) => apiSend<ProblemStatement>('POST', problemPath(id, '/withdraw')),
};

/** A call as it is now (officers see drafts too); never from the session cache. */
export function useCall(id: string | undefined) {
  return useFreshApi<CallDetail>(id ? callPath(id) : null);
}

/** Every version of a call's forms, newest last per stage. */
export function useCallForms(id: string | undefined) {
  return useFreshApi<CallForm[]>(id ? callPath(id, '/forms') : null);
}

export function useEditableProgramme(slug: string | undefined) {
  return useFreshApi<Programme>(slug ? `/api/programmes/${encodeURIComponent(slug)}` : null);
}

export function useDrivingUnits() {
  return useApi<DrivingUnit[]>('/api/driving-units');
}
