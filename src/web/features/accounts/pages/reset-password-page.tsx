import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import { PASSWORD_MIN, ResetPasswordBodySchema } from '@shared/contracts/identity';
import { FormAlert, SubmitButton, TextField } from '@web/components/ui/form';
import { toApiError, type ApiError } from '@web/lib/api';
import { contractResolver, serverFormErrors, type Translate } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { accountsApi } from '../api';
import { AuthCard, ResultCard } from '../components/auth-card';
import { TokenProblem, tokenProblemOf } from '../components/token-problem';

/** The new password twice: the contract's password rule, and both entries equal. */
function resetFormSchema(t: Translate) {
  return z
    .object({ password: ResetPasswordBodySchema.shape.password, confirmPassword: z.string() })
    .refine((values) => values.password === values.confirmPassword, {
      path: ['confirmPassword'],
      message: t('forms.passwordsDiffer'),
    });
}

/** Sets a new password with the token from the reset email. */
export default function ResetPasswordPage() {
  const { t } = useI18n();
  usePageTitle(t('accounts.reset.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [done, setDone] = useState(false);
  const [tokenError, setTokenError] = useState<ApiError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resolver = useMemo(() => contractResolver(resetFormSchema(t), t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { password: '', confirmPassword: '' } });

  const onSubmit = handleSubmit(async ({ password }) => {
    setProblem(null);
    try {
      await accountsApi.resetPassword(token, password);
      setDone(true);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code.startsWith('TOKEN_')) {
        setTokenError(error);
        return;
      }
      const { fields, form } = serverFormErrors(error, ['password', 'token'], t);
      if (fields.token) {
        setTokenError(error);
        return;
      }
      if (fields.password) {
        setError('password', { type: 'server', message: fields.password }, { shouldFocus: true });
      }
      setProblem(form);
    }
  });

  if (!token) {
    return <TokenProblem purpose="reset" kind="invalid" />;
  }
  if (tokenError) {
    return <TokenProblem purpose="reset" kind={tokenProblemOf(tokenError) ?? 'invalid'} />;
  }
  if (done) {
    return (
      <ResultCard
        tone="ok"
        title={t('accounts.reset.doneTitle')}
        testId="reset-done"
        actions={
          <Link className="button button--primary" to="/login">
            {t('account.signIn')}
          </Link>
        }
      >
        <p>{t('accounts.reset.doneText')}</p>
      </ResultCard>
    );
  }
  return (
    <AuthCard testId="reset-page">
      <h1>{t('accounts.reset.title')}</h1>
      <p className="auth-card__intro">{t('accounts.reset.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
        <TextField
          label={t('accounts.fields.newPassword')}
          hint={t('accounts.fields.passwordHint', { minimum: PASSWORD_MIN })}
          type="password"
          autoComplete="new-password"
          error={errors.password?.message}
          registration={register('password')}
        />
        <TextField
          label={t('accounts.fields.confirmPassword')}
          type="password"
          autoComplete="new-password"
          error={errors.confirmPassword?.message}
          registration={register('confirmPassword')}
        />
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
            {t('accounts.reset.submit')}
          </SubmitButton>
        </div>
      </form>
    </AuthCard>
  );
}
