import { useId, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { OrganisationRef } from '@shared/contracts/proposals';
import type { ReviewerLanguage, ReviewerProfile } from '@shared/contracts/reviewers';
import type { ThemeCode } from '@shared/reference/themes';
import { THEMES } from '@shared/reference/themes';
import { PageHeader } from '@web/components/ui/page-header';
import {
  CheckboxField,
  FormAlert,
  FormSuccess,
  SaveProblemAlert,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { CheckboxGroup } from '@web/features/call-admin/components/checkbox-group';
import { ProvincePicker } from '@web/features/call-admin/components/province-picker';
import { apiGet, toApiError, withQuery } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { reviewersApi, useMyProfile } from '../api';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '@web/features/call-admin/call-admin.css';
import '../reviewers.css';

interface Values {
  affiliation: string;
  expertiseTh: string;
  expertiseEn: string;
  themes: string[];
  provinceCodes: string[];
  languages: string[];
  maxLoad: string;
  isActive: boolean;
}

const toValues = (p: ReviewerProfile): Values => ({
  affiliation: p.affiliation,
  expertiseTh: p.expertiseTh,
  expertiseEn: p.expertiseEn,
  themes: [...p.themes],
  provinceCodes: p.provinceCodes.map(String),
  languages: [...p.languages],
  maxLoad: String(p.maxLoad),
  isActive: p.isActive,
});

function ProfileForm({
  profile,
  onSaved,
  onReload,
}: {
  profile: ReviewerProfile;
  onSaved: (p: ReviewerProfile) => void;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const { register, handleSubmit, control } = useForm<Values>({ defaultValues: toValues(profile) });
  const provinces = useWatch({ control, name: 'provinceCodes' });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const [problem, setProblem] = useState<{ kind: 'error' | 'stale'; message: string } | null>(null);
  const submit = handleSubmit(async (v) => {
    setBusy(true);
    setSaved(false);
    setProblem(null);
    try {
      const next = await reviewersApi.saveProfile({
        version: profile.version,
        affiliation: v.affiliation,
        expertiseTh: v.expertiseTh,
        expertiseEn: v.expertiseEn,
        themes: v.themes as ThemeCode[],
        provinceCodes: v.provinceCodes.map(Number),
        languages: (v.languages.length > 0 ? v.languages : ['th']) as ReviewerLanguage[],
        maxLoad: Number(v.maxLoad),
        isActive: v.isActive,
      });
      setSaved(true);
      onSaved(next);
    } catch (error) {
      const apiError = toApiError(error);
      setProblem(
        apiError.status === 409
          ? { kind: 'stale', message: t('reviewers.profile.stale') }
          : { kind: 'error', message: apiErrorText(apiError, t) },
      );
    } finally {
      setBusy(false);
    }
  });
  return (
    <form
      className="form panel-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="reviewer-profile-form"
    >
      <TextField
        label={t('reviewers.profile.affiliation')}
        registration={register('affiliation')}
        maxLength={300}
      />
      <div className="panel-form__grid">
        <TextAreaField
          label={t('reviewers.profile.expertiseTh')}
          rows={3}
          registration={register('expertiseTh')}
        />
        <TextAreaField
          label={t('reviewers.profile.expertiseEn')}
          rows={3}
          lang="en"
          registration={register('expertiseEn')}
        />
      </div>
      <CheckboxGroup
        legend={t('reviewers.profile.themes')}
        options={THEMES.map((th) => ({ value: th.code, label: localName(th, lang) }))}
        registration={register('themes')}
        columns
      />
      <ProvincePicker
        legend={t('reviewers.profile.provinces')}
        hint={t('reviewers.profile.provincesHint')}
        selected={provinces}
        registration={register('provinceCodes')}
      />
      <CheckboxGroup
        legend={t('reviewers.profile.languages')}
        options={[
          { value: 'th', label: t('reviewers.profile.language.th') },
          { value: 'en', label: t('reviewers.profile.language.en') },
        ]}
        registration={register('languages')}
      />
      <div className="panel-form__grid">
        <TextField
          label={t('reviewers.profile.maxLoad')}
          type="number"
          min={0}
          max={200}
          inputMode="numeric"
          registration={register('maxLoad')}
        />
      </div>
      <CheckboxField label={t('reviewers.profile.isActive')} registration={register('isActive')} />
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('reviewers.profile.reload')}
          onReloadLatest={onReload}
        />
      ) : null}
      {saved ? <FormSuccess>{t('reviewers.profile.saved')}</FormSuccess> : null}
      <div className="button-row">
        <SubmitButton busy={busy} busyLabel={t('reviewers.profile.saving')}>
          {t('reviewers.profile.save')}
        </SubmitButton>
      </div>
    </form>
  );
}

function Conflicts({
  profile,
  onChange,
}: {
  profile: ReviewerProfile;
  onChange: (p: ReviewerProfile) => void;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const [text, setText] = useState('');
  const [reason, setReason] = useState('');
  const [found, setFound] = useState<OrganisationRef[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const nameOf = (o: { nameTh: string; nameEn: string | null }) => (lang === 'en' && o.nameEn) || o.nameTh;
  const run = (command: Promise<ReviewerProfile>) => {
    setError(null);
    command.then(onChange, (e: unknown) => setError(apiErrorText(toApiError(e), t)));
  };
  return (
    <div className="rv-conflicts" data-testid="reviewer-conflicts">
      <p className="ca-muted">{t('reviewers.profile.conflictsIntro')}</p>
      {profile.conflicts.length === 0 ? (
        <p className="ca-muted">{t('reviewers.profile.noConflicts')}</p>
      ) : (
        <ul className="rv-conflict-list">
          {profile.conflicts.map((c) => {
            const name = (lang === 'en' && c.organisationNameEn) || c.organisationNameTh;
            return (
              <li key={c.organisationId}>
                <span>
                  <strong>{name}</strong>
                  {c.reason ? <span className="ca-muted"> · {c.reason}</span> : null}
                </span>
                <button
                  type="button"
                  className="button button--secondary rv-small"
                  onClick={() => run(reviewersApi.removeConflict(c.organisationId))}
                  aria-label={t('reviewers.profile.remove', { name })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form
        className="rv-pool__search"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          if (text.trim().length < 2) {
            return;
          }
          apiGet<OrganisationRef[]>(withQuery('/api/organisations/lookup', { q: text.trim() })).then(
            setFound,
            (e: unknown) => setError(apiErrorText(toApiError(e), t)),
          );
        }}
      >
        <div className="field form-field">
          <label htmlFor={`${id}-q`}>{t('reviewers.profile.findOrganisation')}</label>
          <input id={`${id}-q`} type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </div>
        <div className="field form-field">
          <label htmlFor={`${id}-reason`}>{t('reviewers.profile.conflictReason')}</label>
          <input id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          {t('reviewers.admin.pool.searchButton')}
        </button>
      </form>
      {found && found.length === 0 ? <p className="ca-muted">{t('reviewers.profile.noMatch')}</p> : null}
      {found && found.length > 0 ? (
        <ul className="rv-conflict-list">
          {found
            .filter((o) => !profile.conflicts.some((c) => c.organisationId === o.id))
            .map((o) => (
              <li key={o.id}>
                <span>{nameOf(o)}</span>
                <button
                  type="button"
                  className="button button--primary rv-small"
                  onClick={() => {
                    run(reviewersApi.addConflict({ organisationId: o.id, reason: reason.trim() }));
                    setFound(null);
                    setText('');
                    setReason('');
                  }}
                >
                  {t('reviewers.profile.add')}
                </button>
              </li>
            ))}
        </ul>
      ) : null}
      {error ? <FormAlert>{error}</FormAlert> : null}
    </div>
  );
}

function ProfileBody() {
  const { t } = useI18n();
  const loaded = useMyProfile();
  const [current, setCurrent] = useState<ReviewerProfile | null>(null);
  const [formKey, setFormKey] = useState(0);
  usePageTitle(t('reviewers.profile.title'));
  const profile = current ?? (loaded.status === 'success' ? loaded.data : null);
  return (
    <>
      <PageHeader
        title={t('reviewers.profile.title')}
        intro={<p>{t('reviewers.profile.intro')}</p>}
        back={{ to: '/reviews', label: t('reviewers.profile.back') }}
      />
      <div className="container page-body rv-page">
        {loaded.status === 'error' && !profile ? (
          <ErrorState error={loaded.error} onRetry={loaded.reload} />
        ) : null}
        {!profile && loaded.status !== 'error' ? <LoadingState /> : null}
        {profile ? (
          <>
            <section className="panel-card rv-section" aria-label={t('reviewers.profile.title')}>
              <ProfileForm
                key={`${formKey}:${loaded.status === 'success' ? loaded.data.version : 0}`}
                profile={profile}
                onSaved={setCurrent}
                onReload={() => {
                  setCurrent(null);
                  loaded.reload();
                  setFormKey((n) => n + 1);
                }}
              />
            </section>
            <section className="panel-card rv-section" aria-labelledby="rv-conflicts-title">
              <h2 id="rv-conflicts-title">{t('reviewers.profile.conflicts')}</h2>
              <Conflicts profile={profile} onChange={setCurrent} />
            </section>
          </>
        ) : null}
      </div>
    </>
  );
}

/** The reviewer's own profile: expertise, provinces, languages, load, and organisations they are conflicted with. */
export default function ReviewerProfilePage() {
  return (
    <RequireAuth role="reviewer">
      <ProfileBody />
    </RequireAuth>
  );
}
