import { createContext, use, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { LoginBody, LoginResult, Me } from '@shared/contracts/identity';
import { onApiError, setCsrfToken, toApiError } from '@web/lib/api';
import { accountsApi } from './api';

export type AuthStatus = 'loading' | 'signed_out' | 'signed_in';

type AuthState =
  { status: 'loading'; me: null } | { status: 'signed_out'; me: null } | { status: 'signed_in'; me: Me };

export interface Auth {
  status: AuthStatus;
  /** The signed-in person, or null (signed out, or still loading). */
  me: Me | null;
  /** Password step; with `totp_required` the caller asks for the code and calls `completeTotp`. */
  signIn: (body: LoginBody) => Promise<LoginResult>;
  /** Second-factor step of signing in. */
  completeTotp: (code: string) => Promise<Me>;
  signOut: () => Promise<void>;
  /** Reloads the person from GET /api/auth/me (null when signed out). */
  refresh: () => Promise<Me | null>;
  /** Takes a fresh Me from an answer (e.g. after a profile update). */
  update: (me: Me) => void;
}

const AuthContext = createContext<Auth | null>(null);

const ME_PATH = '/api/auth/me';

/**
 * A non-secret hint that this browser has a session. The session cookie itself is httpOnly, so without the hint
 * every anonymous visit would ask GET /api/auth/me and get a 401 (logged by browsers as a console error). The
 * hint is set on signing in, refreshed while the session answers, and dropped as soon as the session does not.
 */
export const SESSION_HINT_COOKIE = 'si_signed_in';
const HINT_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

function hasSessionHint(): boolean {
  return document.cookie.split(';').some((part) => part.trim().startsWith(`${SESSION_HINT_COOKIE}=`));
}

function writeSessionHint(signedIn: boolean): void {
  const secure = window.location.protocol === 'https:' ? '; Secure' : '';
  document.cookie = signedIn
    ? `${SESSION_HINT_COOKIE}=1; Path=/; Max-Age=${HINT_MAX_AGE_SECONDS}; SameSite=Lax${secure}`
    : `${SESSION_HINT_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}`;
}

/**
 * The signed-in state of the whole app: loads GET /api/auth/me on start, keeps the CSRF token for lib/api.ts, and
 * listens to every API error: an ended session signs the app out; a required second factor reloads the person,
 * whose `mustEnrollTotp` then sends them to the set-up page.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>(() =>
    hasSessionHint() ? { status: 'loading', me: null } : { status: 'signed_out', me: null },
  );

  const apply = useCallback((me: Me | null) => {
    setCsrfToken(me?.csrfToken ?? null);
    writeSessionHint(me !== null);
    setState(me ? { status: 'signed_in', me } : { status: 'signed_out', me: null });
  }, []);

  const refresh = useCallback(async (): Promise<Me | null> => {
    try {
      const me = await accountsApi.getMe();
      apply(me);
      return me;
    } catch (error) {
      if (toApiError(error).status === 401) {
        apply(null);
        return null;
      }
      throw error;
    }
  }, [apply]);

  useEffect(() => {
    if (!hasSessionHint()) {
      return undefined;
    }
    let active = true;
    accountsApi.getMe().then(
      (me) => {
        if (active) {
          apply(me);
        }
      },
      () => {
        if (active) {
          apply(null);
        }
      },
    );
    return () => {
      active = false;
    };
  }, [apply]);

  useEffect(
    () =>
      onApiError((error, path) => {
        if (error.code === 'TOTP_ENROLLMENT_REQUIRED') {
          refresh().catch(() => undefined);
        } else if (error.code === 'UNAUTHENTICATED' && path !== ME_PATH) {
          setCsrfToken(null);
          writeSessionHint(false);
          setState((current) =>
            current.status === 'signed_in' ? { status: 'signed_out', me: null } : current,
          );
        }
      }),
    [refresh],
  );

  const signIn = useCallback(
    async (body: LoginBody): Promise<LoginResult> => {
      const result = await accountsApi.login(body);
      setCsrfToken(result.csrfToken);
      if (result.status === 'signed_in' && result.me) {
        apply(result.me);
      }
      return result;
    },
    [apply],
  );

  const completeTotp = useCallback(
    async (code: string): Promise<Me> => {
      const me = await accountsApi.loginTotp(code);
      apply(me);
      return me;
    },
    [apply],
  );

  const signOut = useCallback(async () => {
    try {
      await accountsApi.logout();
    } finally {
      apply(null);
    }
  }, [apply]);

  const value = useMemo<Auth>(
    () => ({
      status: state.status,
      me: state.me,
      signIn,
      completeTotp,
      signOut,
      refresh,
      update: apply,
    }),
    [state, signIn, completeTotp, signOut, refresh, apply],
  );

  return <AuthContext value={value}>{children}</AuthContext>;
}

/** The app's signed-in state (inside AuthProvider). */
export function useAuth(): Auth {
  const auth = use(AuthContext);
  if (!auth) {
    throw new Error('useAuth must be used inside <AuthProvider>');
  }
  return auth;
}
