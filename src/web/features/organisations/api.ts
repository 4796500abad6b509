import type { z } from 'zod';
import type {
  CreateOrganisationBody,
  InvitationSchema,
  Member,
  MemberRole,
  Organisation,
  UpdateOrganisationBody,
} from '@shared/contracts/organisations';
import { apiGet, apiSend, withQuery } from '@web/lib/api';
import { useFreshApi } from '@web/lib/use-api';

export type Invitation = z.infer<typeof InvitationSchema>;
export type OrganisationScope = 'mine' | 'all';

const ORGS = '/api/organisations';

function orgPath(id: string, rest = ''): string {
  return `${ORGS}/${encodeURIComponent(id)}${rest}`;
}

function memberPath(id: string, userId: string): string {
  return orgPath(id, `/members/${encodeURIComponent(userId)}`);
}

export const organisationsApi = {
  list: (scope: OrganisationScope) => apiGet<Organisation[]>(withQuery(ORGS, { scope })),
  get: (id: string) => apiGet<Organisation>(orgPath(id)),
  create: (body: CreateOrganisationBody) => apiSend<Organisation>('POST', ORGS, body),
  update: (id: string, body: UpdateOrganisationBody) => apiSend<Organisation>('PATCH', orgPath(id), body),
  invite: (id: string, email: string, role: MemberRole) =>
    apiSend('POST', orgPath(id, '/invitations'), { email, role }),
  acceptInvitation: (token: string) =>
    apiSend<{ organisationId: string }>('POST', '/api/invitations/accept', { token }),
  changeRole: (id: string, userId: string, role: MemberRole) =>
    apiSend('PATCH', memberPath(id, userId), { role }),
  removeMember: (id: string, userId: string) => apiSend('DELETE', memberPath(id, userId)),
  transferOwnership: (id: string, userId: string) =>
    apiSend('POST', orgPath(id, '/transfer-ownership'), { userId }),
};

/** My organisations, or (staff) all of them; always fresh, as membership changes. */
export function useOrganisations(scope: OrganisationScope) {
  return useFreshApi<Organisation[]>(withQuery(ORGS, { scope }));
}

export function useOrganisation(id: string | undefined) {
  return useFreshApi<Organisation>(id ? orgPath(id) : null);
}

export function useMembers(id: string | null) {
  return useFreshApi<Member[]>(id ? orgPath(id, '/members') : null);
}

/** Open invitations: only owners may read them (pass null otherwise). */
export function useInvitations(id: string | null) {
  return useFreshApi<Invitation[]>(id ? orgPath(id, '/invitations') : null);
}
