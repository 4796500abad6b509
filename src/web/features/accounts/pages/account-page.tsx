import { useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation } from 'react-router';
import {
  ChangePasswordBodySchema,
  PASSWORD_MIN,
  UpdateProfileBodySchema,
  type Me,
  type SessionInfo,
} from '@shared/contracts/identity';
import { Badge } from '@web/components/ui/badge';
import { FormAlert, FormSuccess, SelectField, SubmitButton, TextField } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { apiErrorText, contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useFreshApi } from '@web/lib/use-api';
import { accountsApi } from '../api';
import { useAuth } from '../auth';
import { PrivacySection } from '../components/privacy-section';
import { RequireAuth } from '../components/require-auth';
import { TotpDisable, TotpEnrolment } from '../components/totp-enrolment';
import '@web/components/ui/form.css';
import '../accounts.css';

const PROFILE_FIELDS = ['name', 'phone', 'locale'] as const;

function ProfileSection({ me }: { me: Me }) {
  const { t, setLanguage } = useI18n();
  const { update } = useAuth();
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const resolver = useMemo(() => contractResolver(UpdateProfileBodySchema, t, { phone: 'forms.phone' }), [t]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { name: me.name, phone: me.phone, locale: me.locale } });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setSaved(false);
    try {
      const next = await accountsApi.updateProfile(values);
      update(next);
      setSaved(true);
      if (next.locale !== me.locale) {
        setLanguage(next.locale);
      }
    } catch (caught) {
      const { fields, form } = serverFormErrors(toApiError(caught), PROFILE_FIELDS, t);
      for (const [name, message] of Object.entries(fields)) {
        setError(name as (typeof PROFILE_FIELDS)[number], { type: 'server', message }, { shouldFocus: true });
      }
      setProblem(form);
    }
  });

  return (
    <section className="account-section" aria-labelledby="profile-title" data-testid="profile-section">
      <h2 id="profile-title">{t('accounts.profile.detailsTitle')}</h2>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
        {saved ? <FormSuccess>{t('accounts.profile.saved')}</FormSuccess> : null}
        <dl className="account-email">
          <dt>{t('accounts.fields.email')}</dt>
          <dd data-testid="profile-email">{me.email}</dd>
          <dd className="account-email__note">{t('accounts.profile.emailNote')}</dd>
        </dl>
        <TextField
          label={t('accounts.fields.name')}
          autoComplete="name"
          error={errors.name?.message}
          registration={register('name')}
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
            setValueAs: (value: string | null | undefined) => (value?.trim() ? value.trim() : null),
          })}
        />
        <SelectField
          label={t('accounts.fields.language')}
          error={errors.locale?.message}
          registration={register('locale')}
        >
          <option value="th" lang="th">
            {t('accounts.languages.th')}
          </option>
          <option value="en" lang="en">
            {t('accounts.languages.en')}
          </option>
        </SelectField>
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
            {t('accounts.profile.save')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;

function PasswordSection({ email }: { email: string }) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const resolver = useMemo(() => contractResolver(ChangePasswordBodySchema, t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { currentPassword: '', newPassword: '' } });

  const onSubmit = handleSubmit(async ({ currentPassword, newPassword }) => {
    setProblem(null);
    setChanged(false);
    try {
      await accountsApi.changePassword(currentPassword, newPassword);
      reset();
      setChanged(true);
    } catch (caught) {
      const { fields, form } = serverFormErrors(toApiError(caught), PASSWORD_FIELDS, t);
      for (const [name, message] of Object.entries(fields)) {
        setError(
          name as (typeof PASSWORD_FIELDS)[number],
          { type: 'server', message },
          { shouldFocus: true },
        );
      }
      setProblem(form);
    }
  });

  return (
    <section className="account-section" aria-labelledby="password-title">
      <h2 id="password-title">{t('accounts.profile.passwordTitle')}</h2>
      <p className="account-section__intro">{t('accounts.profile.passwordIntro')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
        {changed ? <FormSuccess>{t('accounts.profile.passwordChanged')}</FormSuccess> : null}
        {/* The account's username, so that password managers file the new password under it. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={t('accounts.fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          registration={register('currentPassword')}
        />
        <TextField
          label={t('accounts.fields.newPassword')}
          hint={t('accounts.fields.passwordHint', { minimum: PASSWORD_MIN })}
          type="password"
          autoComplete="new-password"
          error={errors.newPassword?.message}
          registration={register('newPassword')}
        />
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
            {t('accounts.profile.changePassword')}
          </SubmitButton>
        </div>
      </form>
    </section>
  );
}

function TwoFactorSection({ me }: { me: Me }) {
  const { t } = useI18n();
  const [notice, setNotice] = useState<string | null>(null);
  const [turningOff, setTurningOff] = useState(false);
  return (
    <section className="account-section" aria-labelledby="totp-title" data-testid="totp-section">
      <h2 id="totp-title">{t('accounts.totp.title')}</h2>
      {notice ? <FormSuccess>{notice}</FormSuccess> : null}
      <p className="totp-status">
        <Badge tone={me.totpEnabled ? 'brand' : 'neutral'}>
          {me.totpEnabled ? t('accounts.totp.statusOn') : t('accounts.totp.statusOff')}
        </Badge>
      </p>
      <p className="account-section__intro">
        {me.totpEnabled ? t('accounts.totp.on') : t('accounts.totp.off')}
      </p>
      {me.totpEnabled ? (
        turningOff ? (
          <TotpDisable
            onDisabled={() => {
              setTurningOff(false);
              setNotice(t('accounts.totp.turnedOff'));
            }}
          />
        ) : (
          <button type="button" className="button button--secondary" onClick={() => setTurningOff(true)}>
            {t('accounts.totp.turnOff')}
          </button>
        )
      ) : (
        <TotpEnrolment onEnabled={() => setNotice(t('accounts.totp.enabled'))} />
      )}
    </section>
  );
}

/** "Chrome on Windows"-like name from a user-agent string, or the raw string's start. */
export function deviceName(userAgent: string | null): string | null {
  if (!userAgent) {
    return null;
  }
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /(Chrome|Chromium|HeadlessChrome)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) {
    return `${browser} · ${system}`;
  }
  return browser ?? system ?? userAgent.slice(0, 60);
}

function SessionItem({ session, onRevoked }: { session: SessionInfo; onRevoked: () => void }) {
  const { t, lang } = useI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const device = deviceName(session.userAgent) ?? t('accounts.profile.unknownDevice');

  const revoke = () => {
    setBusy(true);
    setProblem(null);
    accountsApi.revokeSession(session.id).then(onRevoked, (caught: unknown) => {
      setBusy(false);
      setProblem(apiErrorText(toApiError(caught), t));
    });
  };

  return (
    <li
      className={session.current ? 'session session--current' : 'session'}
      data-testid={session.current ? 'session-current' : 'session'}
    >
      <div className="session__body">
        <p className="session__device">
          <span>{device}</span>
          {session.current ? <Badge tone="brand">{t('accounts.profile.thisDevice')}</Badge> : null}
        </p>
        <dl className="session__facts">
          <div>
            <dt>{t('accounts.profile.signedInAt')}</dt>
            <dd>{formatDate(session.createdAt, lang, 'dateTime')}</dd>
          </div>
          <div>
            <dt>{t('accounts.profile.lastSeen')}</dt>
            <dd>{formatDate(session.lastSeenAt, lang, 'dateTime')}</dd>
          </div>
          {session.ip ? (
            <div>
              <dt>{t('accounts.profile.ip')}</dt>
              <dd>{session.ip}</dd>
            </div>
          ) : null}
        </dl>
        {session.userAgent ? <p className="session__agent">{session.userAgent}</p> : null}
        {problem ? <FormAlert>{problem}</FormAlert> : null}
      </div>
      {session.current ? null : (
        <div>
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            aria-label={t('accounts.profile.revokeLabel', { device })}
            onClick={revoke}
          >
            {busy ? t('forms.working') : t('accounts.profile.revoke')}
          </button>
        </div>
      )}
    </li>
  );
}

function SessionsSection() {
  const { t } = useI18n();
  const sessions = useFreshApi<SessionInfo[]>('/api/auth/sessions');
  const [revoked, setRevoked] = useState(false);
  const onRevoked = () => {
    setRevoked(true);
    sessions.reload();
  };
  return (
    <section id="sessions" className="account-section" aria-labelledby="sessions-title" tabIndex={-1}>
      <h2 id="sessions-title">{t('accounts.profile.sessionsTitle')}</h2>
      <p className="account-section__intro">{t('accounts.profile.sessionsIntro')}</p>
      {revoked ? <FormSuccess>{t('accounts.profile.revoked')}</FormSuccess> : null}
      {sessions.status === 'success' ? (
        <ul className="session-list" data-testid="sessions">
          {sessions.data.map((session) => (
            <SessionItem key={session.id} session={session} onRevoked={onRevoked} />
          ))}
        </ul>
      ) : sessions.status === 'error' ? (
        <ErrorState error={sessions.error} onRetry={sessions.reload} />
      ) : (
        <LoadingState />
      )}
    </section>
  );
}

function AccountView({ me }: { me: Me }) {
  const { t } = useI18n();
  const location = useLocation();

  // "My sessions" links to /account#sessions: bring that section into view once the page is there.
  useEffect(() => {
    if (location.hash === '#sessions') {
      const target = document.getElementById('sessions');
      target?.scrollIntoView({ block: 'start' });
      target?.focus({ preventScroll: true });
    }
  }, [location.hash, location.key]);

  return (
    <>
      <PageHeader title={t('accounts.profile.title')} intro={<p>{t('accounts.profile.intro')}</p>}>
        <p className="account-roles">
          <span>{t('accounts.profile.roles')}:</span>
          {me.roles.length > 0 ? (
            me.roles.map((role) => (
              <Badge key={role} tone="brand">
                {t(`accounts.roles.${role}`)}
              </Badge>
            ))
          ) : (
            <Badge>{t('accounts.profile.noRole')}</Badge>
          )}
        </p>
      </PageHeader>
      <div className="container page-body">
        <div className="account-sections">
          <ProfileSection me={me} />
          <PasswordSection email={me.email} />
          <TwoFactorSection me={me} />
          <SessionsSection />
          <PrivacySection email={me.email} />
        </div>
      </div>
    </>
  );
}

function AccountContent() {
  const { t } = useI18n();
  usePageTitle(t('accounts.profile.title'));
  const { me } = useAuth();
  return me ? <AccountView me={me} /> : null;
}

/** The signed-in person's account: profile, password, second factor, sessions and personal data (PDPA). */
export default function AccountPage() {
  return (
    <RequireAuth>
      <AccountContent />
    </RequireAuth>
  );
}
