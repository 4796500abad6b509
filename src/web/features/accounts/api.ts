import type {
  LoginBody,
  LoginResult,
  Me,
  PlatformRole,
  RegisterBody,
  SessionInfo,
} from '@shared/contracts/identity';
import { apiGet, apiGetRaw, apiSend } from '@web/lib/api';

/** The current privacy notice, which registration accepts by version. */
export interface PrivacyNotice {
  version: string;
  textTh: string;
  textEn: string;
}

export interface TotpSetup {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export interface ProfilePatch {
  name?: string;
  phone?: string | null;
  locale?: 'th' | 'en';
}

const AUTH = '/api/auth';

export const accountsApi = {
  getMe: () => apiGet<Me>(`${AUTH}/me`),
  getPrivacyNotice: () => apiGet<PrivacyNotice>(`${AUTH}/privacy-notice`),
  register: (body: RegisterBody) => apiSend<{ id: string }>('POST', `${AUTH}/register`, body),
  verifyEmail: (token: string) => apiSend('POST', `${AUTH}/verify-email`, { token }),
  login: (body: LoginBody) => apiSend<LoginResult>('POST', `${AUTH}/login`, body),
  loginTotp: (code: string) => apiSend<Me>('POST', `${AUTH}/login/totp`, { code }),
  logout: () => apiSend('POST', `${AUTH}/logout`),
  updateProfile: (patch: ProfilePatch) => apiSend<Me>('PATCH', `${AUTH}/me`, patch),
  forgotPassword: (email: string) => apiSend('POST', `${AUTH}/password/forgot`, { email }),
  resetPassword: (token: string, password: string) =>
    apiSend('POST', `${AUTH}/password/reset`, { token, password }),
  changePassword: (currentPassword: string, newPassword: string) =>
    apiSend('POST', `${AUTH}/password/change`, { currentPassword, newPassword }),
  listSessions: () => apiGet<SessionInfo[]>(`${AUTH}/sessions`),
  revokeSession: (id: string) => apiSend('DELETE', `${AUTH}/sessions/${encodeURIComponent(id)}`),
  startTotp: () => apiSend<TotpSetup>('POST', `${AUTH}/totp/setup`),
  enableTotp: (code: string) => apiSend('POST', `${AUTH}/totp/enable`, { code }),
  disableTotp: (code: string) => apiSend('POST', `${AUTH}/totp/disable`, { code }),
  /** All my personal data (PDPA), as the JSON document the server offers for download. */
  exportPersonalData: () => apiGetRaw<Record<string, unknown>>(`${AUTH}/me/export`),
  /** Erases my account and personal data (PDPA); the session ends with it. */
  eraseAccount: (password: string) => apiSend<{ ok: true }>('POST', `${AUTH}/me/erase`, { password }),
};

export function hasRole(me: Me | null, role: PlatformRole): boolean {
  return me?.roles.includes(role) ?? false;
}

/** A same-site path to return to after signing in (`?next=`), never another origin. */
export function safeNextPath(next: string | null | undefined, fallback = '/account'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) {
    return fallback;
  }
  return next;
}

/** `/login?next=<path>` for a page that needs a signed-in person. */
export function loginPath(next: string): string {
  return `/login?next=${encodeURIComponent(next)}`;
}
