import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useSearchParams } from 'react-router';
import { LoginBodySchema, TotpLoginBodySchema } from '@shared/contracts/identity';
import { FormAlert, SubmitButton, TextField } from '@web/components/ui/form';
import { toApiError, type ApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { safeNextPath } from '../api';
import { useAuth } from '../auth';
import { AuthCard } from '../components/auth-card';

interface FormProblem {
  message: string;
  lockedUntil: string | null;
}

function lockedUntilOf(error: ApiError): string | null {
  const details = error.details;
  if (error.code === 'ACCOUNT_LOCKED' && typeof details === 'object' && details !== null) {
    const until: unknown = (details as { lockedUntil?: unknown }).lockedUntil;
    return typeof until === 'string' ? until : null;
  }
  return null;
}

function ProblemAlert({ problem }: { problem: FormProblem }) {
  const { t, lang } = useI18n();
  return (
    <FormAlert testId="form-error">
      <p>{problem.message}</p>
      {problem.lockedUntil ? (
        <p>{t('accounts.login.lockedUntil', { time: formatDate(problem.lockedUntil, lang, 'dateTime') })}</p>
      ) : null}
    </FormAlert>
  );
}

function PasswordStep({ onTotpRequired }: { onTotpRequired: () => void }) {
  const { t } = useI18n();
  const { signIn } = useAuth();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const resolver = useMemo(() => contractResolver(LoginBodySchema, t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      const result = await signIn(values);
      if (result.status === 'totp_required') {
        onTotpRequired();
      }
    } catch (caught) {
      const error = toApiError(caught);
      const { fields, form } = serverFormErrors(error, ['email', 'password'], t);
      for (const [name, message] of Object.entries(fields)) {
        setError(name as 'email' | 'password', { type: 'server', message }, { shouldFocus: true });
      }
      setProblem(form ? { message: form, lockedUntil: lockedUntilOf(error) } : null);
    }
  });

  return (
    <>
      <h1>{t('accounts.login.title')}</h1>
      <p className="auth-card__intro">{t('accounts.login.intro')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} data-testid="login-form">
        {problem ? <ProblemAlert problem={problem} /> : null}
        <TextField
          label={t('accounts.fields.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          spellCheck={false}
          error={errors.email?.message}
          registration={register('email')}
        />
        <TextField
          label={t('accounts.fields.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          registration={register('password')}
        />
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
            {t('accounts.login.submit')}
          </SubmitButton>
          <Link to="/forgot-password">{t('accounts.login.forgot')}</Link>
        </div>
      </form>
      <div className="auth-card__footer">
        <p>
          {t('accounts.login.noAccount')} <Link to="/register">{t('account.register')}</Link>
        </p>
      </div>
    </>
  );
}

function TotpStep({ onStartOver }: { onStartOver: () => void }) {
  const { t } = useI18n();
  const { completeTotp, signOut } = useAuth();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const resolver = useMemo(() => contractResolver(TotpLoginBodySchema, t, { code: 'forms.code' }), [t]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { code: '' } });

  const onSubmit = handleSubmit(async ({ code }) => {
    setProblem(null);
    try {
      await completeTotp(code);
    } catch (caught) {
      const error = toApiError(caught);
      const { fields, form } = serverFormErrors(error, ['code'], t);
      if (fields.code) {
        setError('code', { type: 'server', message: fields.code }, { shouldFocus: true });
      }
      setProblem(form ? { message: form, lockedUntil: lockedUntilOf(error) } : null);
    }
  });

  const startOver = () => {
    signOut()
      .catch(() => undefined)
      .finally(onStartOver);
  };

  return (
    <>
      <h1>{t('accounts.login.totpTitle')}</h1>
      <p className="auth-card__intro">{t('accounts.login.totpIntro')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} data-testid="totp-form">
        {problem ? <ProblemAlert problem={problem} /> : null}
        <TextField
          label={t('accounts.fields.code')}
          type="text"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          pattern="[0-9]*"
          autoFocus
          error={errors.code?.message}
          registration={register('code', { setValueAs: (value: string) => value.replace(/\s/g, '') })}
        />
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
            {t('accounts.login.totpSubmit')}
          </SubmitButton>
          <button type="button" className="button button--secondary" onClick={startOver}>
            {t('accounts.login.startOver')}
          </button>
        </div>
      </form>
    </>
  );
}

/** Sign in: email and password, then the six-digit code when the account uses a second factor. */
export default function LoginPage() {
  const { t } = useI18n();
  usePageTitle(t('accounts.login.title'));
  const { me } = useAuth();
  const [params] = useSearchParams();
  const [step, setStep] = useState<'password' | 'totp'>('password');

  if (me) {
    return <Navigate to={safeNextPath(params.get('next'))} replace />;
  }
  return (
    <AuthCard testId="login-page">
      {step === 'password' ? (
        <PasswordStep onTotpRequired={() => setStep('totp')} />
      ) : (
        <TotpStep onStartOver={() => setStep('password')} />
      )}
    </AuthCard>
  );
}
