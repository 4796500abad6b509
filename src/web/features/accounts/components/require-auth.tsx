import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { PlatformRole } from '@shared/contracts/identity';
import { LoadingState } from '@web/components/ui/states';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { hasRole, loginPath } from '../api';
import { useAuth } from '../auth';
import { ResultCard } from './auth-card';

function NoAccess() {
  const { t } = useI18n();
  usePageTitle(t('accounts.guard.noAccessTitle'));
  return (
    <ResultCard
      tone="problem"
      title={t('accounts.guard.noAccessTitle')}
      testId="no-access"
      actions={
        <Link className="button button--primary" to="/">
          {t('common.backHome')}
        </Link>
      }
    >
      <p>{t('accounts.guard.noAccessText')}</p>
    </ResultCard>
  );
}

/**
 * Shows its page only to a signed-in person (else sends them to sign in, then back), and with `role` only to
 * people with that role (else a "no access" page). The server checks everything again.
 */
export function RequireAuth({ role, children }: { role?: PlatformRole; children: ReactNode }) {
  const { status, me } = useAuth();
  const location = useLocation();
  if (status === 'loading') {
    return <LoadingState />;
  }
  if (!me) {
    return <Navigate to={loginPath(location.pathname + location.search + location.hash)} replace />;
  }
  if (role && !hasRole(me, role)) {
    return <NoAccess />;
  }
  return children;
}
