import type {
  CertificateVerification,
  ContestDetail,
  ContestEntry,
  ContestJudge,
  ContestRanking,
  ContestScore,
  ContestStatus,
  ContestSummary,
  ContestTransition,
  ContestWinners,
  CreateContestInput,
  JudgeCandidate,
  JudgingSheet,
  MyJudging,
  NominableProposal,
  NominateInput,
  ScoreInput,
  UpdateContestInput,
} from '@shared/contracts/contests';
import { apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

const contestPath = (id: string, rest = '') => `/api/contests/${encodeURIComponent(id)}${rest}`;
const entryPath = (id: string, rest = '') => `/api/contest-entries/${encodeURIComponent(id)}${rest}`;

export const contestsApi = {
  create: (body: CreateContestInput) => apiSend<ContestDetail>('POST', '/api/contests', body),
  update: (id: string, body: UpdateContestInput) => apiSend<ContestDetail>('PATCH', contestPath(id), body),
  transition: (id: string, transition: ContestTransition) =>
    apiSend<ContestDetail>('POST', contestPath(id, `/${transition.replace('_', '-')}`)),
  nominate: (id: string, body: NominateInput) =>
    apiSend<ContestEntry>('POST', contestPath(id, '/entries'), body),
  decide: (entry: ContestEntry, decision: 'accept' | 'reject') =>
    apiSend<ContestEntry>('POST', entryPath(entry.id, '/decision'), { decision, version: entry.version }),
  addJudge: (id: string, userId: string) =>
    apiSend<ContestJudge[]>('POST', contestPath(id, '/judges'), { userId }),
  removeJudge: (id: string, userId: string) =>
    apiSend<ContestJudge[]>('DELETE', contestPath(id, `/judges/${encodeURIComponent(userId)}`)),
  saveScore: (entryId: string, body: ScoreInput) =>
    apiSend<ContestScore>('PUT', entryPath(entryId, '/score'), body),
  submitScore: (entryId: string, body: ScoreInput) =>
    apiSend<ContestScore>('POST', entryPath(entryId, '/score/submit'), body),
  declareConflict: (entryId: string, statement: string) =>
    apiSend<ContestScore>('POST', entryPath(entryId, '/conflict'), { statement }),
  setWinners: (id: string, categoryId: string, winners: Array<{ entryId: string; place: number }>) =>
    apiSend<ContestEntry[]>('PUT', contestPath(id, `/categories/${encodeURIComponent(categoryId)}/winners`), {
      winners,
    }),
  revokeCertificate: (entryId: string, reason: string) =>
    apiSend<ContestEntry>('POST', entryPath(entryId, '/certificate/revoke'), { reason }),
};

/** The PDF of a winner's certificate, in a language. */
export function certificatePdfUrl(entryId: string, lang: 'th' | 'en'): string {
  return withQuery(entryPath(entryId, '/certificate.pdf'), { lang });
}

export function useContests(status?: ContestStatus) {
  return useFreshApi<ContestSummary[]>(withQuery('/api/contests', { status }));
}

export function useContest(id: string | undefined) {
  return useFreshApi<ContestDetail>(id ? contestPath(id) : null);
}

export function useEntries(id: string | undefined, enabled = true) {
  return useFreshApi<ContestEntry[]>(id && enabled ? contestPath(id, '/entries') : null);
}

export function useJudges(id: string | undefined) {
  return useFreshApi<ContestJudge[]>(id ? contestPath(id, '/judges') : null);
}

export function useJudgeCandidates(id: string | undefined) {
  return useFreshApi<JudgeCandidate[]>(id ? contestPath(id, '/judge-candidates') : null);
}

export function useRanking(id: string | undefined) {
  return useFreshApi<ContestRanking>(id ? contestPath(id, '/ranking') : null);
}

export function useWinners(id: string | undefined) {
  return useFreshApi<ContestWinners>(id ? contestPath(id, '/winners') : null);
}

export function useJudgingSheet(id: string | undefined) {
  return useFreshApi<JudgingSheet>(id ? contestPath(id, '/judging') : null);
}

export function useMyJudging() {
  return useFreshApi<MyJudging[]>('/api/contest-judging');
}

export function useNominableProposals(enabled: boolean) {
  return useFreshApi<NominableProposal[]>(enabled ? '/api/contests/nominable-proposals' : null);
}

export function useCertificate(code: string | undefined) {
  return useFreshApi<CertificateVerification>(
    code ? `/api/contest-certificates/${encodeURIComponent(code)}` : null,
  );
}
