import { useId, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { InviteBodySchema, MEMBER_ROLES } from '@shared/contracts/organisations';
import { FormAlert, FormSuccess, SelectField, SubmitButton, TextField } from '@web/components/ui/form';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { contractResolver, serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { organisationsApi, useInvitations } from '../api';
import { RoleBadge } from './labels';

const INVITE_FIELDS = ['email', 'role'] as const;

/** Owners invite people by email (with the role they will have) and see the invitations still open. */
export function InvitationsSection({ organisationId }: { organisationId: string }) {
  const { t, lang } = useI18n();
  const headingId = useId();
  const invitations = useInvitations(organisationId);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const resolver = useMemo(() => contractResolver(InviteBodySchema, t), [t]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors, isSubmitting },
  } = useForm({ resolver, defaultValues: { email: '', role: 'editor' as const } });

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    setSentTo(null);
    try {
      await organisationsApi.invite(organisationId, values.email, values.role);
      setSentTo(values.email);
      reset({ email: '', role: values.role });
      invitations.reload();
    } catch (caught) {
      const { fields, form } = serverFormErrors(toApiError(caught), INVITE_FIELDS, t);
      for (const name of INVITE_FIELDS) {
        const message = fields[name];
        if (message !== undefined) {
          setError(name, { type: 'server', message }, { shouldFocus: true });
        }
      }
      setProblem(form);
    }
  });

  return (
    <section className="org-section" aria-labelledby={headingId} data-testid="invitations-section">
      <h2 id={headingId}>{t('orgs.invitations.title')}</h2>
      <p className="org-section__intro">{t('orgs.invitations.intro')}</p>
      <form className="form org-invite" noValidate onSubmit={(event) => void onSubmit(event)}>
        <div aria-live="polite">
          {sentTo ? <FormSuccess>{t('orgs.invitations.sent', { email: sentTo })}</FormSuccess> : null}
        </div>
        {problem ? <FormAlert testId="invite-error">{problem}</FormAlert> : null}
        <div className="org-invite__fields">
          <TextField
            label={t('orgs.invitations.email')}
            type="email"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            error={errors.email?.message}
            registration={register('email')}
            data-testid="invite-email"
          />
          <SelectField
            label={t('orgs.invitations.role')}
            error={errors.role?.message}
            registration={register('role')}
            data-testid="invite-role"
          >
            {MEMBER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`organisations.role.${role}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <p className="field__hint">{t('orgs.invitations.roleHint')}</p>
        <div className="form-actions">
          <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
            {t('orgs.invitations.send')}
          </SubmitButton>
        </div>
      </form>

      <h3 className="org-invitations__title">{t('orgs.invitations.openTitle')}</h3>
      {invitations.status === 'error' ? (
        <ErrorState error={invitations.error} onRetry={invitations.reload} />
      ) : invitations.status !== 'success' ? (
        <LoadingState />
      ) : invitations.data.length === 0 ? (
        <EmptyState>{t('orgs.invitations.none')}</EmptyState>
      ) : (
        <ul className="org-invitations" data-testid="open-invitations">
          {invitations.data.map((invitation) => (
            <li key={invitation.id} className="org-invitation">
              <span className="org-invitation__email">{invitation.email}</span>
              <RoleBadge role={invitation.role} />
              <span className="org-invitation__expires">
                {t('orgs.invitations.expires', { date: formatDate(invitation.expiresAt, lang) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
