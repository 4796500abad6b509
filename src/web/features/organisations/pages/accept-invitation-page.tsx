import { useState } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { LoadingState } from '@web/components/ui/states';
import { FormAlert } from '@web/components/ui/form';
import { loginPath } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { ResultCard } from '@web/features/accounts/components/auth-card';
import { toApiError, type ApiError } from '@web/lib/api';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { organisationsApi } from '../api';
import '../organisations.css';

type Problem = 'invalid' | 'expired' | 'used' | 'otherEmail';

function problemOf(error: ApiError): Problem | null {
  switch (error.code) {
    case 'TOKEN_EXPIRED':
      return 'expired';
    case 'TOKEN_USED':
      return 'used';
    case 'TOKEN_INVALID':
    case 'VALIDATION_FAILED':
      return 'invalid';
    case 'FORBIDDEN':
      return 'otherEmail';
    default:
      return null;
  }
}

/** A clear page for an invitation that cannot be used, with the next step. */
function InvitationProblem({ problem, email }: { problem: Problem; email: string }) {
  const { t } = useI18n();
  const { signOut } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const here = location.pathname + location.search;
  const switchAccount = () => {
    signOut()
      .catch(() => undefined)
      .finally(() => void navigate(loginPath(here)));
  };
  const actions =
    problem === 'otherEmail' ? (
      <>
        <button type="button" className="button button--primary" onClick={switchAccount}>
          {t('orgs.accept.switchAccount')}
        </button>
        <Link className="button button--secondary" to="/organisations">
          {t('orgs.accept.myOrganisations')}
        </Link>
      </>
    ) : (
      <Link className="button button--primary" to="/organisations">
        {t('orgs.accept.myOrganisations')}
      </Link>
    );
  return (
    <ResultCard
      tone="problem"
      title={t(`orgs.accept.${problem}Title`)}
      testId={`invitation-${problem}`}
      actions={actions}
    >
      <p>{t(`orgs.accept.${problem}Text`, { email })}</p>
    </ResultCard>
  );
}

/**
 * The invitation link from the email (`/invitations/accept?token=…`): signed out, it asks the person to sign in
 * (or register) and come back; signed in, one button accepts and opens the organisation.
 */
export default function AcceptInvitationPage() {
  const { t } = useI18n();
  usePageTitle(t('orgs.accept.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const location = useLocation();
  const navigate = useNavigate();
  const { status, me } = useAuth();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  if (status === 'loading') {
    return <LoadingState />;
  }
  if (!token) {
    return <InvitationProblem problem="invalid" email="" />;
  }
  if (!me) {
    const next = location.pathname + location.search;
    return (
      <ResultCard
        tone="info"
        title={t('orgs.accept.title')}
        testId="invitation-sign-in"
        actions={
          <>
            <Link className="button button--primary" to={loginPath(next)} data-testid="invitation-login">
              {t('orgs.accept.signIn')}
            </Link>
            <Link className="button button--secondary" to="/register">
              {t('account.register')}
            </Link>
          </>
        }
      >
        <p>{t('orgs.accept.signInText')}</p>
        <p className="auth-card__intro">{t('orgs.accept.registerHint')}</p>
      </ResultCard>
    );
  }
  if (problem) {
    return <InvitationProblem problem={problem} email={me.email} />;
  }

  const accept = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { organisationId } = await organisationsApi.acceptInvitation(token);
      void navigate(`/organisations/${organisationId}`, { replace: true, state: { notice: 'joined' } });
    } catch (caught) {
      const error = toApiError(caught);
      const kind = problemOf(error);
      if (kind) {
        setProblem(kind);
      } else {
        setFailure(apiErrorText(error, t));
      }
      setBusy(false);
    }
  };

  return (
    <ResultCard
      tone="info"
      title={t('orgs.accept.title')}
      testId="invitation-accept"
      actions={
        <>
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            aria-disabled={busy}
            onClick={() => void accept()}
            data-testid="accept-invitation"
          >
            {busy ? t('forms.working') : t('orgs.accept.accept')}
          </button>
          <Link className="button button--secondary" to="/organisations">
            {t('orgs.accept.notNow')}
          </Link>
        </>
      }
    >
      {failure ? <FormAlert testId="accept-error">{failure}</FormAlert> : null}
      <p>{t('orgs.accept.signedInAs', { email: me.email })}</p>
      <p className="auth-card__intro">{t('orgs.accept.text')}</p>
    </ResultCard>
  );
}
