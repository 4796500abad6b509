import type { ReactNode } from 'react';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';

/** Whether the signed-in person manages calls: a programme officer or an administrator. */
export function isOfficer(me: Parameters<typeof hasRole>[0]): boolean {
  return hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
}

/**
 * Shows its page only to programme officers and administrators (others see "no access"; signed-out visitors are
 * sent to sign in first). The server checks again on every request.
 */
export function RequireOfficer({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  return (
    <RequireAuth role={hasRole(me, 'programme_officer') ? 'programme_officer' : 'administrator'}>
      {children}
    </RequireAuth>
  );
}
