import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { TotpLoginBodySchema } from '@shared/contracts/identity';
import { FormAlert, SubmitButton, TextField } from '@web/components/ui/form';
import { toApiError } from '@web/lib/api';
import { apiErrorText, contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { accountsApi, type TotpSetup } from '../api';
import { useAuth } from '../auth';

/** The six-digit code field, shared by enabling and turning off the second factor. */
function useCodeForm() {
  const { t } = useI18n();
  const resolver = useMemo(() => contractResolver(TotpLoginBodySchema, t, { code: 'forms.code' }), [t]);
  return useForm({ resolver, defaultValues: { code: '' } });
}

const stripSpaces = (value: string) => value.replace(/\s/g, '');

/**
 * Two-factor set-up: starts enrolment (a secret and its QR code, shown as an <img> from a data: URL, never as
 * injected markup), then confirms it with a code from the app. `onEnabled` runs after the person is reloaded.
 */
export function TotpEnrolment({ onEnabled }: { onEnabled?: () => void }) {
  const { t } = useI18n();
  const { refresh } = useAuth();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useCodeForm();

  const start = () => {
    setProblem(null);
    setStarting(true);
    accountsApi
      .startTotp()
      .then(setSetup, (caught: unknown) => setProblem(apiErrorText(toApiError(caught), t)))
      .finally(() => setStarting(false));
  };

  const onSubmit = handleSubmit(async ({ code }) => {
    setProblem(null);
    try {
      await accountsApi.enableTotp(code);
      await refresh();
      onEnabled?.();
    } catch (caught) {
      const { fields, form } = serverFormErrors(toApiError(caught), ['code'], t);
      if (fields.code) {
        setError('code', { type: 'server', message: fields.code }, { shouldFocus: true });
      }
      setProblem(form);
    }
  });

  if (!setup) {
    return (
      <div className="totp-setup">
        {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
        <div>
          <button type="button" className="button button--primary" disabled={starting} onClick={start}>
            {starting ? t('forms.working') : t('accounts.totp.setUp')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <form
      className="totp-setup"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="totp-enrol-form"
    >
      {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
      <ol>
        <li>
          <p>{t('accounts.totp.scanIntro')}</p>
          <img
            className="totp-setup__qr"
            src={`data:image/svg+xml;utf8,${encodeURIComponent(setup.qrSvg)}`}
            alt={t('accounts.totp.qrAlt')}
            width={192}
            height={192}
          />
          <p>
            {t('accounts.totp.manual')}:{' '}
            <code className="totp-setup__secret" data-testid="totp-secret">
              {setup.secret}
            </code>
          </p>
        </li>
        <li>
          <p>{t('accounts.totp.confirmIntro')}</p>
          <div className="form">
            <TextField
              label={t('accounts.fields.code')}
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              error={errors.code?.message}
              registration={register('code', { setValueAs: stripSpaces })}
            />
            <div className="form-actions">
              <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
                {t('accounts.totp.enable')}
              </SubmitButton>
            </div>
          </div>
        </li>
      </ol>
    </form>
  );
}

/** Turning the second factor off, confirmed with a current code (refused for roles that require it). */
export function TotpDisable({ onDisabled }: { onDisabled: () => void }) {
  const { t } = useI18n();
  const { refresh } = useAuth();
  const [problem, setProblem] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useCodeForm();

  const onSubmit = handleSubmit(async ({ code }) => {
    setProblem(null);
    try {
      await accountsApi.disableTotp(code);
      await refresh();
      onDisabled();
    } catch (caught) {
      const { fields, form } = serverFormErrors(toApiError(caught), ['code'], t);
      if (fields.code) {
        setError('code', { type: 'server', message: fields.code }, { shouldFocus: true });
      }
      setProblem(form);
    }
  });

  return (
    <form className="form totp-setup" noValidate onSubmit={(event) => void onSubmit(event)}>
      {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
      <p className="account-section__intro">{t('accounts.totp.turnOffIntro')}</p>
      <TextField
        label={t('accounts.fields.code')}
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        error={errors.code?.message}
        registration={register('code', { setValueAs: stripSpaces })}
      />
      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')} variant="secondary">
          {t('accounts.totp.turnOff')}
        </SubmitButton>
      </div>
    </form>
  );
}
