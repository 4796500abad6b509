import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LoadingState } from '@web/components/ui/states';
import { toApiError, type ApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { accountsApi } from '../api';
import { useAuth } from '../auth';
import { AuthCard, ResultCard } from '../components/auth-card';
import { TokenProblem, tokenProblemOf } from '../components/token-problem';

/**
 * Each token is posted once per page load, even when React runs the effect twice (StrictMode) or the page
 * re-renders: a second POST would answer "already used".
 */
const verifications = new Map<string, Promise<unknown>>();

function verifyOnce(token: string): Promise<unknown> {
  let pending = verifications.get(token);
  if (!pending) {
    pending = accountsApi.verifyEmail(token);
    verifications.set(token, pending);
  }
  return pending;
}

type Outcome = { token: string; status: 'verified' } | { token: string; status: 'failed'; error: ApiError };

/** Opens the link from the verification email: confirms the address, or explains what to do with a bad link. */
export default function VerifyEmailPage() {
  const { t } = useI18n();
  usePageTitle(t('accounts.verify.title'));
  const { me } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (!token) {
      return undefined;
    }
    let active = true;
    verifyOnce(token).then(
      () => {
        if (active) {
          setOutcome({ token, status: 'verified' });
        }
      },
      (error: unknown) => {
        if (active) {
          setOutcome({ token, status: 'failed', error: toApiError(error) });
        }
      },
    );
    return () => {
      active = false;
    };
  }, [token]);

  const retry = () => {
    verifications.delete(token);
    setOutcome(null);
  };

  if (!token) {
    return <TokenProblem purpose="verify" kind="invalid" />;
  }
  if (!outcome || outcome.token !== token) {
    return (
      <AuthCard>
        <h1>{t('accounts.verify.title')}</h1>
        <LoadingState label={t('accounts.verify.checking')} />
      </AuthCard>
    );
  }
  if (outcome.status === 'failed') {
    return (
      <TokenProblem
        purpose="verify"
        kind={tokenProblemOf(outcome.error)}
        error={outcome.error}
        onRetry={retry}
      />
    );
  }
  return (
    <ResultCard
      tone="ok"
      title={t('accounts.verify.successTitle')}
      testId="verify-success"
      actions={
        me ? (
          <Link className="button button--primary" to="/account">
            {t('account.profile')}
          </Link>
        ) : (
          <Link className="button button--primary" to="/login" data-testid="verify-sign-in">
            {t('account.signIn')}
          </Link>
        )
      }
    >
      <p>{t('accounts.verify.successText')}</p>
    </ResultCard>
  );
}
