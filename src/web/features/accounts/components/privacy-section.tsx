import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { EraseAccountBodySchema } from '@shared/contracts/identity';
import { CheckboxField, FormAlert, FormSuccess, SubmitButton, TextField } from '@web/components/ui/form';
import { useOrganisations } from '@web/features/organisations/api';
import { toApiError, type ApiError } from '@web/lib/api';
import { apiErrorText, contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { accountsApi } from '../api';
import { useAuth } from '../auth';

/** The name the download is saved under (the server's content-disposition says the same). */
export const EXPORT_FILE_NAME = 'si-platform-personal-data.json';

/** How long the download's object URL is kept before it is released. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** Saves `data` as a JSON file through a temporary link to an object URL. */
function saveJson(data: unknown, fileName: string): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

function ExportPart() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const download = () => {
    setBusy(true);
    setDone(false);
    setProblem(null);
    accountsApi
      .exportPersonalData()
      .then(
        (data) => {
          saveJson(data, EXPORT_FILE_NAME);
          setDone(true);
        },
        (caught: unknown) => setProblem(apiErrorText(toApiError(caught), t)),
      )
      .finally(() => setBusy(false));
  };

  return (
    <div className="privacy-part" data-testid="privacy-export">
      <h3>{t('accounts.privacy.exportTitle')}</h3>
      <p>{t('accounts.privacy.exportIntro')}</p>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {done ? <FormSuccess>{t('accounts.privacy.exported')}</FormSuccess> : null}
      <button type="button" className="button button--secondary" disabled={busy} onClick={download}>
        {busy ? t('forms.working') : t('accounts.privacy.exportButton')}
      </button>
    </div>
  );
}

/** The organisations an erasure is waiting on (the person is their only owner), by name when known. */
function OwnedOrganisations({ ids }: { ids: string[] }) {
  const { t, lang } = useI18n();
  const mine = useOrganisations('mine');
  const names = new Map(
    mine.status === 'success'
      ? mine.data.map((org) => [org.id, lang === 'en' && org.nameEn ? org.nameEn : org.nameTh])
      : [],
  );
  return (
    <div data-testid="owned-organisations">
      <p>{t('accounts.privacy.ownedOrganisations')}</p>
      <ul className="owned-organisations">
        {ids.map((id) => (
          <li key={id}>
            <Link to={`/organisations/${encodeURIComponent(id)}`}>
              {names.get(id) ?? t('accounts.privacy.organisation', { id })}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The organisations of a 409 "only owner" answer (`details.organisationIds`). */
function organisationIdsOf(error: ApiError): string[] {
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('organisationIds' in details)) {
    return [];
  }
  const ids: unknown = details.organisationIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

const EraseFormSchema = EraseAccountBodySchema.extend({ confirm: z.literal(true) });
const ERASE_FIELDS = ['password'] as const;

function ErasePart({ email }: { email: string }) {
  const { t } = useI18n();
  const { refresh, signOut } = useAuth();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [owned, setOwned] = useState<string[]>([]);
  const resolver = useMemo(
    () => contractResolver(EraseFormSchema, t, { confirm: 'accounts.privacy.confirmRequired' }),
    [t],
  );
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { password: '' } });

  const onSubmit = handleSubmit(async ({ password }) => {
    setProblem(null);
    setOwned([]);
    try {
      await accountsApi.eraseAccount(password);
    } catch (caught) {
      const error = toApiError(caught);
      if (error.code === 'INVALID_STATE') {
        setProblem(apiErrorText(error, t));
        setOwned(organisationIdsOf(error));
        return;
      }
      const { fields, form } = serverFormErrors(error, ERASE_FIELDS, t);
      for (const [name, message] of Object.entries(fields)) {
        setError(name as (typeof ERASE_FIELDS)[number], { type: 'server', message }, { shouldFocus: true });
      }
      setProblem(form);
      return;
    }
    // Leave the guarded page first, then drop the signed-in state: the session has ended on the server, so
    // reloading the person answers 401 and signs the app out (CSRF token and the `si_signed_in` hint included).
    void navigate('/', { state: { notice: 'erased' } });
    refresh().catch(() => signOut().catch(() => undefined));
  });

  return (
    <div className="privacy-part" data-testid="privacy-erase">
      <h3>{t('accounts.privacy.eraseTitle')}</h3>
      <p>{t('accounts.privacy.eraseIntro')}</p>
      <p>{t('accounts.privacy.eraseKept')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {problem ? (
          <FormAlert testId="erase-error">
            <p>{problem}</p>
            {owned.length > 0 ? <OwnedOrganisations ids={owned} /> : null}
          </FormAlert>
        ) : null}
        {/* The account's username, so that password managers offer the right password. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          label={t('accounts.fields.currentPassword')}
          hint={t('accounts.privacy.passwordHint')}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message}
          registration={register('password')}
        />
        <CheckboxField
          label={t('accounts.privacy.confirm')}
          error={errors.confirm?.message}
          registration={register('confirm')}
        />
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')} variant="danger">
            {t('accounts.privacy.eraseButton')}
          </SubmitButton>
        </div>
      </form>
    </div>
  );
}

/** PDPA rights on the account page: download my personal data, and erase my account. */
export function PrivacySection({ email }: { email: string }) {
  const { t } = useI18n();
  return (
    <section className="account-section" aria-labelledby="privacy-title" data-testid="privacy-section">
      <h2 id="privacy-title">{t('accounts.privacy.title')}</h2>
      <p className="account-section__intro">{t('accounts.privacy.intro')}</p>
      <ExportPart />
      <ErasePart email={email} />
    </section>
  );
}
