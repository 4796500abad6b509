import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { ForgotPasswordBodySchema } from '@shared/contracts/identity';
import { FormAlert, SubmitButton, TextField } from '@web/components/ui/form';
import { toApiError } from '@web/lib/api';
import { contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { accountsApi } from '../api';
import { AuthCard, ResultCard } from '../components/auth-card';

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export default function ForgotPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('accounts.forgot.title'));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resolver = useMemo(() => contractResolver(ForgotPasswordBodySchema, t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { email: '' } });

  const onSubmit = handleSubmit(async ({ email }) => {
    setProblem(null);
    try {
      await accountsApi.forgotPassword(email);
      setSentTo(email);
    } catch (caught) {
      const { fields, form } = serverFormErrors(toApiError(caught), ['email'], t);
      if (fields.email) {
        setError('email', { type: 'server', message: fields.email }, { shouldFocus: true });
      }
      setProblem(form);
    }
  });

  if (sentTo) {
    return (
      <ResultCard
        tone="info"
        title={t('accounts.forgot.sentTitle')}
        testId="forgot-sent"
        actions={
          <Link className="button button--secondary" to="/login">
            {t('accounts.forgot.backToLogin')}
          </Link>
        }
      >
        <p>{t('accounts.forgot.sentText', { email: sentTo })}</p>
        <p className="auth-card__intro">{t('accounts.register.sentHint')}</p>
      </ResultCard>
    );
  }
  return (
    <AuthCard testId="forgot-page">
      <h1>{t('accounts.forgot.title')}</h1>
      <p className="auth-card__intro">{t('accounts.forgot.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
        <TextField
          label={t('accounts.fields.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          error={errors.email?.message}
          registration={register('email')}
        />
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
            {t('accounts.forgot.submit')}
          </SubmitButton>
          <Link to="/login">{t('accounts.forgot.backToLogin')}</Link>
        </div>
      </form>
    </AuthCard>
  );
}
