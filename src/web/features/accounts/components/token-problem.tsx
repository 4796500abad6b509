import { Link } from 'react-router';
import type { ApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { ErrorState } from '@web/components/ui/states';
import { ResultCard } from './auth-card';

export type TokenProblemKind = 'invalid' | 'expired' | 'used';

/** The kind of a one-time link's failure, or null when it is some other error (network, rate limit…). */
export function tokenProblemOf(error: ApiError): TokenProblemKind | null {
  switch (error.code) {
    case 'TOKEN_EXPIRED':
      return 'expired';
    case 'TOKEN_USED':
      return 'used';
    case 'TOKEN_INVALID':
    case 'VALIDATION_FAILED':
      return 'invalid';
    default:
      return null;
  }
}

/**
 * A clear page for a bad one-time link with the next step: for email verification, expired → ask for a new link
 * or register again, used → sign in; for password reset, ask for a new link (used → sign in too).
 */
export function TokenProblem({
  purpose,
  kind,
  error,
  onRetry,
}: {
  purpose: 'verify' | 'reset';
  kind: TokenProblemKind | null;
  error?: ApiError;
  onRetry?: () => void;
}) {
  const { t } = useI18n();
  if (kind === null) {
    return (
      <div className="container auth-page">
        {error ? <ErrorState error={error} onRetry={onRetry} /> : null}
      </div>
    );
  }
  const signIn = (
    <Link key="sign-in" className="button button--primary" to="/login">
      {t('account.signIn')}
    </Link>
  );
  const newLink = (
    <Link
      key="new-link"
      className={kind === 'used' ? 'button button--secondary' : 'button button--primary'}
      to="/forgot-password"
    >
      {t('accounts.verify.requestLink')}
    </Link>
  );
  const registerAgain = (
    <Link key="register" className="button button--secondary" to="/register">
      {t('accounts.verify.registerAgain')}
    </Link>
  );
  const prefix = purpose === 'verify' ? 'accounts.verify' : 'accounts.reset';
  const actions =
    kind === 'used'
      ? purpose === 'verify'
        ? [signIn]
        : [signIn, newLink]
      : purpose === 'verify'
        ? kind === 'expired'
          ? [newLink, registerAgain]
          : [registerAgain]
        : [newLink];
  return (
    <ResultCard
      tone="problem"
      title={t(`${prefix}.${kind}Title`)}
      testId={`token-${kind}`}
      actions={<>{actions}</>}
    >
      <p>{t(`${prefix}.${kind}Text`)}</p>
    </ResultCard>
  );
}
