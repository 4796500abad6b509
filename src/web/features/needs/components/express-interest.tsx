import { Link, useLocation } from 'react-router';
import { loginPath } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { useI18n } from '@web/lib/i18n';
import { useInterestOptions } from '../api';
import { InterestButton } from './interest-dialog';
import '../needs.css';

/**
 * A local government's "we want to adopt this" on a diffusion-ready innovation's page: a sign-in prompt for visitors,
 * a note for people with no eligible organisation, the adoption already opened, or the button and its dialog.
 */
export function ExpressInterest({ innovationId }: { innovationId: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const { status } = useAuth();
  const options = useInterestOptions(innovationId);
  if (options.status !== 'success' || !options.data.isDiffusionReady || status === 'loading') {
    return null;
  }
  const data = options.data;
  let body;
  if (status !== 'signed_in') {
    body = (
      <p className="nd-muted">
        {t('needs.interest.signIn')}{' '}
        <Link to={loginPath(location.pathname)} data-testid="interest-sign-in">
          {t('needs.interest.signInLink')}
        </Link>
      </p>
    );
  } else if (data.existingAdoptionId) {
    body = (
      <p className="nd-muted" data-testid="interest-existing">
        {t('needs.interest.already')}{' '}
        <Link to={`/adoptions/${data.existingAdoptionId}`}>{t('needs.interest.openAdoption')}</Link>
      </p>
    );
  } else if (data.organisations.length === 0) {
    body = <p className="nd-muted">{t('needs.interest.notEligible')}</p>;
  } else {
    body = (
      <>
        <p className="nd-muted">{t('needs.interest.intro')}</p>
        <InterestButton innovationId={innovationId} innovationTitle="" />
      </>
    );
  }
  return (
    <section
      className="nd-interest"
      aria-labelledby={`interest-${innovationId}`}
      data-testid="express-interest"
    >
      <h2 id={`interest-${innovationId}`}>{t('needs.interest.title')}</h2>
      {body}
    </section>
  );
}
