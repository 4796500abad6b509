import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate } from 'react-router';
import { PASSWORD_MIN, RegisterBodySchema } from '@shared/contracts/identity';
import { CheckboxField, FormAlert, SubmitButton, TextField } from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useApi } from '@web/lib/use-api';
import { accountsApi, type PrivacyNotice } from '../api';
import { useAuth } from '../auth';
import { AuthCard, ResultCard } from '../components/auth-card';
import '../accounts.css';

/** The form's part of the registration body: the notice version and the language are added on submit. */
const RegisterFormSchema = RegisterBodySchema.omit({ privacyNoticeVersion: true, locale: true });
const FIELDS = ['name', 'email', 'phone', 'password', 'acceptPrivacyNotice'] as const;
type FieldName = (typeof FIELDS)[number];

function PrivacyNoticeBox({ notice }: { notice: PrivacyNotice }) {
  const { t, lang } = useI18n();
  return (
    <section className="privacy-notice" aria-labelledby="privacy-title" data-testid="privacy-notice">
      <h2 id="privacy-title">{t('accounts.register.privacyTitle')}</h2>
      <p className="privacy-notice__version">
        {t('accounts.register.privacyVersion', { version: notice.version })}
      </p>
      <p>{lang === 'th' ? notice.textTh : notice.textEn}</p>
    </section>
  );
}

function RegisterForm({ notice, onDone }: { notice: PrivacyNotice; onDone: (email: string) => void }) {
  const { t, lang } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const resolver = useMemo(
    () =>
      contractResolver(RegisterFormSchema, t, {
        phone: 'forms.phone',
        acceptPrivacyNotice: 'accounts.register.acceptRequired',
      }),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { name: '', email: '', password: '' } });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    try {
      await accountsApi.register({ ...values, privacyNoticeVersion: notice.version, locale: lang });
      onDone(values.email);
    } catch (caught) {
      const { fields, form } = serverFormErrors(toApiError(caught), FIELDS, t);
      for (const [name, message] of Object.entries(fields)) {
        setError(name as FieldName, { type: 'server', message }, { shouldFocus: true });
      }
      setProblem(form);
    }
  });

  return (
    <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} data-testid="register-form">
      {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
      <TextField
        label={t('accounts.fields.name')}
        autoComplete="name"
        error={errors.name?.message}
        registration={register('name')}
      />
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
        label={
          <>
            {t('accounts.fields.phone')} <span className="field__optional">{t('forms.optional')}</span>
          </>
        }
        hint={t('accounts.fields.phoneHint')}
        type="tel"
        autoComplete="tel"
        error={errors.phone?.message}
        registration={register('phone', {
          setValueAs: (value: string | undefined) => (value?.trim() ? value.trim() : undefined),
        })}
      />
      <TextField
        label={t('accounts.fields.password')}
        hint={t('accounts.fields.passwordHint', { minimum: PASSWORD_MIN })}
        type="password"
        autoComplete="new-password"
        error={errors.password?.message}
        registration={register('password')}
      />
      <PrivacyNoticeBox notice={notice} />
      <CheckboxField
        label={t('accounts.register.accept')}
        error={errors.acceptPrivacyNotice?.message}
        registration={register('acceptPrivacyNotice')}
      />
      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
          {t('accounts.register.submit')}
        </SubmitButton>
      </div>
    </form>
  );
}

/** Registration with the privacy notice and its required acceptance; then "check your email". */
export default function RegisterPage() {
  const { t } = useI18n();
  usePageTitle(t('accounts.register.title'));
  const { me } = useAuth();
  const notice = useApi<PrivacyNotice>('/api/auth/privacy-notice');
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <ResultCard tone="info" title={t('accounts.register.sentTitle')} testId="register-sent">
        <p>{t('accounts.register.sentText', { email: sentTo })}</p>
        <p className="auth-card__intro">{t('accounts.register.sentHint')}</p>
      </ResultCard>
    );
  }
  if (me) {
    return <Navigate to="/account" replace />;
  }
  return (
    <AuthCard wide testId="register-page">
      <h1>{t('accounts.register.title')}</h1>
      <p className="auth-card__intro">{t('accounts.register.intro')}</p>
      {notice.status === 'success' ? (
        <RegisterForm notice={notice.data} onDone={setSentTo} />
      ) : notice.status === 'error' ? (
        <ErrorState error={notice.error} onRetry={notice.reload} />
      ) : (
        <LoadingState />
      )}
      <div className="auth-card__footer">
        <p>
          {t('accounts.register.haveAccount')} <Link to="/login">{t('account.signIn')}</Link>
        </p>
      </div>
    </AuthCard>
  );
}
