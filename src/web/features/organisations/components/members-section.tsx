import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  MEMBER_ROLES,
  type Member,
  type MemberRole,
  type Organisation,
} from '@shared/contracts/organisations';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { toApiError } from '@web/lib/api';
import { formatDate } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { organisationsApi, useMembers } from '../api';
import { ConfirmAction } from './confirm-action';
import { RoleBadge } from './labels';

type Outcome = { kind: 'ok' | 'problem'; message: string } | null;

/**
 * Members and their roles. Owners change roles, remove members and hand over ownership; every member can leave.
 * The server re-checks each step (the last owner can neither leave nor be demoted).
 */
export function MembersSection({
  organisation,
  myUserId,
  onAccessChanged,
}: {
  organisation: Organisation;
  myUserId: string;
  onAccessChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const headingId = useId();
  const members = useMembers(organisation.id);
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const canManage = organisation.abilities.manageMembers;

  const nameOf = (member: Member) => member.name || t('orgs.members.deletedUser');

  const run = async (key: string, action: () => Promise<unknown>, done: string, after?: () => void) => {
    setBusy(key);
    setOutcome(null);
    try {
      await action();
      setOutcome({ kind: 'ok', message: done });
      members.reload();
      after?.();
    } catch (caught) {
      setOutcome({ kind: 'problem', message: apiErrorText(toApiError(caught), t) });
    } finally {
      setBusy(null);
    }
  };

  const changeRole = (member: Member, role: MemberRole) =>
    void run(
      `role:${member.userId}`,
      () => organisationsApi.changeRole(organisation.id, member.userId, role),
      t('orgs.members.roleChanged', { name: nameOf(member), role: t(`organisations.role.${role}`) }),
    );

  const remove = (member: Member) =>
    void run(
      `remove:${member.userId}`,
      () => organisationsApi.removeMember(organisation.id, member.userId),
      t('orgs.members.removed', { name: nameOf(member) }),
    );

  const transfer = (member: Member) =>
    void run(
      `transfer:${member.userId}`,
      () => organisationsApi.transferOwnership(organisation.id, member.userId),
      t('orgs.members.transferred', { name: nameOf(member) }),
      onAccessChanged,
    );

  const leave = () =>
    void run(
      'leave',
      () => organisationsApi.removeMember(organisation.id, myUserId),
      t('orgs.members.left'),
      () => void navigate('/organisations', { state: { notice: 'left' } }),
    );

  let table;
  if (members.status === 'error') {
    table = <ErrorState error={members.error} onRetry={members.reload} />;
  } else if (members.status !== 'success') {
    table = <LoadingState />;
  } else {
    table = (
      <table className="data-table data-table--stack org-members" data-testid="members-table">
        <caption className="visually-hidden">
          {t('orgs.members.caption', { count: members.data.length })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('orgs.members.name')}</th>
            <th scope="col">{t('orgs.members.role')}</th>
            <th scope="col">{t('orgs.members.joinedAt')}</th>
            {canManage ? <th scope="col">{t('orgs.members.actions')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {members.data.map((member) => {
            const isMe = member.userId === myUserId;
            const name = nameOf(member);
            return (
              <tr key={member.userId} data-testid="member-row" data-email={member.email ?? ''}>
                <th scope="row" data-label={t('orgs.members.name')}>
                  <span className="org-member">
                    <span
                      className={member.name ? 'org-member__name' : 'org-member__name org-member__erased'}
                    >
                      {name}
                      {isMe ? <span className="org-member__me"> {t('orgs.members.you')}</span> : null}
                    </span>
                    {member.email && member.name ? (
                      <span className="org-member__email">{member.email}</span>
                    ) : null}
                  </span>
                </th>
                <td data-label={t('orgs.members.role')}>
                  {canManage && !isMe ? (
                    <select
                      className="org-role-select"
                      value={member.role}
                      aria-label={t('orgs.members.roleOf', { name })}
                      disabled={busy !== null}
                      onChange={(event) => changeRole(member, event.target.value as MemberRole)}
                      data-testid="member-role"
                    >
                      {MEMBER_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`organisations.role.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <RoleBadge role={member.role} />
                  )}
                </td>
                <td data-label={t('orgs.members.joinedAt')}>{formatDate(member.joinedAt, lang)}</td>
                {canManage ? (
                  <td data-label={t('orgs.members.actions')}>
                    {isMe ? (
                      <span className="org-muted">–</span>
                    ) : (
                      <div className="org-actions">
                        {member.role !== 'owner' ? (
                          <ConfirmAction
                            label={t('orgs.members.transfer')}
                            question={t('orgs.members.transferQuestion', { name })}
                            confirmLabel={t('orgs.members.transferConfirm')}
                            cancelLabel={t('orgs.confirm.cancel')}
                            busy={busy !== null}
                            onConfirm={() => transfer(member)}
                            testId="transfer"
                          />
                        ) : null}
                        <ConfirmAction
                          label={t('orgs.members.remove')}
                          question={t('orgs.members.removeQuestion', { name })}
                          confirmLabel={t('orgs.members.removeConfirm')}
                          cancelLabel={t('orgs.confirm.cancel')}
                          busy={busy !== null}
                          danger
                          onConfirm={() => remove(member)}
                          testId="remove-member"
                        />
                      </div>
                    )}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    );
  }

  return (
    <section className="org-section" aria-labelledby={headingId} data-testid="members-section">
      <h2 id={headingId}>{t('orgs.members.title')}</h2>
      <div aria-live="polite">
        {outcome?.kind === 'ok' ? <FormSuccess>{outcome.message}</FormSuccess> : null}
      </div>
      {outcome?.kind === 'problem' ? <FormAlert testId="members-error">{outcome.message}</FormAlert> : null}
      {table}
      {organisation.myRole ? (
        <div className="org-leave">
          <ConfirmAction
            label={t('orgs.members.leave')}
            question={t('orgs.members.leaveQuestion')}
            confirmLabel={t('orgs.members.leaveConfirm')}
            cancelLabel={t('orgs.confirm.cancel')}
            busy={busy !== null}
            danger
            onConfirm={leave}
            testId="leave"
          />
        </div>
      ) : null}
    </section>
  );
}
