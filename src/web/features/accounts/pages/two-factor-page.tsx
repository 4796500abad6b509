import { useState } from 'react';
import { Link } from 'react-router';
import { FormSuccess } from '@web/components/ui/form';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useAuth } from '../auth';
import { AuthCard } from '../components/auth-card';
import { RequireAuth } from '../components/require-auth';
import { TotpEnrolment } from '../components/totp-enrolment';
import '../accounts.css';

function TwoFactorContent() {
  const { t } = useI18n();
  usePageTitle(t('accounts.totp.requiredTitle'));
  const { me } = useAuth();
  const [justEnabled, setJustEnabled] = useState(false);
  if (!me) {
    return null;
  }
  return (
    <AuthCard wide testId="two-factor-page">
      <h1>{t('accounts.totp.requiredTitle')}</h1>
      {me.totpEnabled ? (
        <>
          <FormSuccess>{justEnabled ? t('accounts.totp.enabled') : t('accounts.totp.alreadyOn')}</FormSuccess>
          <div className="form-actions auth-card__footer">
            <Link className="button button--primary" to="/account">
              {t('accounts.totp.continue')}
            </Link>
          </div>
        </>
      ) : (
        <>
          <p className="auth-card__intro">
            {me.mustEnrollTotp ? t('accounts.totp.requiredIntro') : t('accounts.totp.optionalIntro')}
          </p>
          <TotpEnrolment onEnabled={() => setJustEnabled(true)} />
        </>
      )}
    </AuthCard>
  );
}

/**
 * Two-factor set-up on its own page: where people whose role requires a second factor are sent until they set
 * it up (every other page redirects here while `mustEnrollTotp` holds).
 */
export default function TwoFactorPage() {
  return (
    <RequireAuth>
      <TwoFactorContent />
    </RequireAuth>
  );
}
