import { useId, useState, type FormEvent } from 'react';
import type { CohortDetail, MemberLookup } from '@shared/contracts/cohorts';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { EmptyState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { cohortsApi } from '../api';
import { inLang, spreadErrors } from '../labels';

/** Members of a cohort (managers): add by email (with an organisation the person belongs to) and remove. */
export function MembersSection({ cohort, onChanged }: { cohort: CohortDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const id = useId();
  const [email, setEmail] = useState('');
  const [found, setFound] = useState<MemberLookup | null>(null);
  const [organisationId, setOrganisationId] = useState('');
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fail = (error: unknown) => {
    setBusy(false);
    setErrors(spreadErrors(toApiError(error), t));
  };

  const onFind = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setFound(null);
    setErrors({ fields: {}, rest: [] });
    setBusy(true);
    cohortsApi.lookupMember(cohort.id, email.trim()).then(
      (person) => {
        setBusy(false);
        setFound(person);
        setOrganisationId(person.organisations[0]?.id ?? '');
      },
      (error: unknown) => {
        const apiError = toApiError(error);
        setBusy(false);
        setErrors(
          apiError.isNotFound
            ? { fields: { email: t('cohorts.errors.UNKNOWN_EMAIL') }, rest: [] }
            : spreadErrors(apiError, t),
        );
      },
    );
  };

  const onAdd = () => {
    if (!found) {
      return;
    }
    setBusy(true);
    cohortsApi
      .addMember(cohort.id, { email: email.trim(), organisationId: organisationId || null })
      .then(() => {
        setBusy(false);
        setDone(t('cohorts.members.added', { name: found.name }));
        setFound(null);
        setEmail('');
        onChanged();
      }, fail);
  };

  const onRemove = (userId: string, name: string) => {
    if (!window.confirm(t('cohorts.members.removeConfirm', { name }))) {
      return;
    }
    setDone(null);
    cohortsApi.removeMember(cohort.id, userId).then(() => onChanged(), fail);
  };

  return (
    <section className="co-section" aria-labelledby={`${id}-title`} data-testid="members-section">
      <h2 id={`${id}-title`}>
        {t('cohorts.members.title')}{' '}
        <span className="co-muted co-inline">
          {t('cohorts.members.count', { count: formatNumber(cohort.members.length, lang) })}
        </span>
      </h2>
      <p className="co-intro">{t('cohorts.members.intro')}</p>
      <form className="co-member-form" onSubmit={onFind} noValidate>
        <div className="field form-field" data-invalid={errors.fields.email ? 'true' : undefined}>
          <label htmlFor={`${id}-email`}>{t('cohorts.members.email')}</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setFound(null);
            }}
            aria-invalid={errors.fields.email ? true : undefined}
            aria-describedby={errors.fields.email ? `${id}-email-error` : undefined}
            data-testid="member-email"
          />
          <FieldError id={`${id}-email-error`} message={errors.fields.email} />
        </div>
        <button type="submit" className="button button--secondary" disabled={busy || !email.trim()}>
          {t('cohorts.members.find')}
        </button>
      </form>
      {errors.rest.length > 0 ? <FormAlert>{errors.rest.join(' ')}</FormAlert> : null}
      {done ? <FormSuccess>{done}</FormSuccess> : null}
      {found ? (
        <div className="co-found" data-testid="member-found">
          {found.isMember ? (
            <p>{t('cohorts.members.alreadyMember', { name: found.name })}</p>
          ) : (
            <>
              <p>{t('cohorts.members.found', { name: found.name })}</p>
              <div
                className="field form-field"
                data-invalid={errors.fields.organisationId ? 'true' : undefined}
              >
                <label htmlFor={`${id}-org`}>{t('cohorts.members.organisation')}</label>
                <select
                  id={`${id}-org`}
                  value={organisationId}
                  onChange={(event) => setOrganisationId(event.target.value)}
                >
                  <option value="">{t('cohorts.members.noOrganisation')}</option>
                  {found.organisations.map((o) => (
                    <option key={o.id} value={o.id}>
                      {inLang(lang, o.nameTh, o.nameEn)}
                    </option>
                  ))}
                </select>
                <FieldError id={`${id}-org-error`} message={errors.fields.organisationId} />
              </div>
              <button
                type="button"
                className="button button--primary"
                onClick={onAdd}
                disabled={busy}
                data-testid="member-add"
              >
                {t('cohorts.members.add')}
              </button>
            </>
          )}
        </div>
      ) : null}
      {cohort.members.length === 0 ? (
        <EmptyState>{t('cohorts.members.empty')}</EmptyState>
      ) : (
        <table className="data-table data-table--stack co-table" data-testid="members-table">
          <caption className="visually-hidden">{t('cohorts.members.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cohorts.members.col.name')}</th>
              <th scope="col">{t('cohorts.members.col.organisation')}</th>
              <th scope="col">{t('cohorts.members.col.pre')}</th>
              <th scope="col">{t('cohorts.members.col.post')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('cohorts.members.remove')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {cohort.members.map((m) => (
              <tr key={m.userId} data-testid="member-row">
                <td data-label={t('cohorts.members.col.name')}>
                  <div>
                    {m.name}
                    {m.email ? <span className="co-muted">{m.email}</span> : null}
                  </div>
                </td>
                <td data-label={t('cohorts.members.col.organisation')}>
                  {m.organisationNameTh ? inLang(lang, m.organisationNameTh, m.organisationNameEn) : '–'}
                </td>
                <td data-label={t('cohorts.members.col.pre')}>
                  <Answered done={m.answeredPre} />
                </td>
                <td data-label={t('cohorts.members.col.post')}>
                  <Answered done={m.answeredPost} />
                </td>
                <td>
                  {!m.answeredPre && !m.answeredPost ? (
                    <button
                      type="button"
                      className="button button--secondary co-small-button"
                      onClick={() => onRemove(m.userId, m.name)}
                    >
                      {t('cohorts.members.remove')}
                    </button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Answered({ done }: { done: boolean }) {
  const { t } = useI18n();
  return (
    <span className={done ? 'co-phase co-phase--done' : 'co-phase'}>
      {done ? t('cohorts.list.answered') : t('cohorts.list.notAnswered')}
    </span>
  );
}
