import { useId, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { DrivingUnit, PlatformRole, UserSummary } from '@shared/contracts/identity';
import { Badge } from '@web/components/ui/badge';
import { FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { ConfirmAction } from '@web/features/organisations/components/confirm-action';
import { toApiError } from '@web/lib/api';
import { formatDate, localName } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { adminUsersApi, useDrivingUnits, useUsers } from '../api';
import { GrantRoleForm } from '../components/grant-role-form';
import '@web/components/ui/form.css';
import '../admin-users.css';

type Outcome = { kind: 'ok' | 'problem'; message: string } | null;

function SearchForm({ search, onSearch }: { search: string; onSearch: (value: string) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [value, setValue] = useState(search);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSearch(value.trim());
  };
  return (
    <form className="admin-search" role="search" onSubmit={submit}>
      <div className="field">
        <label htmlFor={id}>{t('adminUsers.searchLabel')}</label>
        <input
          id={id}
          type="search"
          value={value}
          maxLength={100}
          placeholder={t('adminUsers.searchPlaceholder')}
          onChange={(event) => setValue(event.target.value)}
          data-testid="user-search"
        />
      </div>
      <div className="admin-search__buttons">
        <button type="submit" className="button button--primary">
          {t('adminUsers.search')}
        </button>
        {search ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setValue('');
              onSearch('');
            }}
          >
            {t('adminUsers.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}

function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  switch (status) {
    case 'active':
      return <Badge tone="brand">{t('adminUsers.status.active')}</Badge>;
    case 'erased':
      return <Badge tone="target">{t('adminUsers.status.erased')}</Badge>;
    default:
      return <Badge>{status}</Badge>;
  }
}

function UsersTable({
  users,
  units,
  myId,
  busy,
  onGrant,
  onRevoke,
}: {
  users: UserSummary[];
  units: DrivingUnit[];
  myId: string;
  busy: boolean;
  onGrant: (user: UserSummary, role: PlatformRole, drivingUnitId: string | null) => Promise<boolean>;
  onRevoke: (user: UserSummary, role: PlatformRole) => void;
}) {
  const { t, lang } = useI18n();
  const unitName = (unitId: string | null) => {
    const unit = units.find((u) => u.id === unitId);
    return unit ? localName(unit, lang) : null;
  };
  return (
    <table className="data-table data-table--stack admin-users" data-testid="users-table">
      <caption className="visually-hidden">{t('adminUsers.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('adminUsers.account')}</th>
          <th scope="col">{t('adminUsers.statusLabel')}</th>
          <th scope="col">{t('adminUsers.roles')}</th>
          <th scope="col">{t('adminUsers.grantTitle')}</th>
        </tr>
      </thead>
      <tbody>
        {users.map((user) => {
          const name = user.name || t('adminUsers.deletedUser');
          return (
            <tr key={user.id} data-testid="user-row" data-email={user.email ?? ''}>
              <th scope="row" data-label={t('adminUsers.account')}>
                <span className="admin-user">
                  <span className="admin-user__name">
                    {name}
                    {user.id === myId ? <span className="admin-user__me"> {t('adminUsers.you')}</span> : null}
                  </span>
                  {user.email ? <span className="admin-user__email">{user.email}</span> : null}
                  <span className="admin-user__since">
                    {t('adminUsers.since', { date: formatDate(user.createdAt, lang) })}
                  </span>
                </span>
              </th>
              <td data-label={t('adminUsers.statusLabel')}>
                <StatusBadge status={user.status} />
              </td>
              <td data-label={t('adminUsers.roles')}>
                {user.roles.length === 0 ? (
                  <span className="admin-users__none">{t('accounts.profile.noRole')}</span>
                ) : (
                  <ul className="admin-roles">
                    {user.roles.map((held) => {
                      const roleName = t(`accounts.roles.${held.role}`);
                      const unit = held.role === 'driving_unit_staff' ? unitName(held.drivingUnitId) : null;
                      return (
                        <li key={held.role} className="admin-role" data-role={held.role}>
                          <span className="admin-role__name">
                            <Badge tone="brand">{roleName}</Badge>
                            {unit ? <span className="admin-role__unit">{unit}</span> : null}
                          </span>
                          <ConfirmAction
                            label={t('adminUsers.revoke')}
                            question={t('adminUsers.revokeQuestion', { role: roleName, name })}
                            confirmLabel={t('adminUsers.revokeConfirm')}
                            cancelLabel={t('adminUsers.cancel')}
                            busy={busy}
                            danger
                            onConfirm={() => onRevoke(user, held.role)}
                            testId="revoke-role"
                          />
                        </li>
                      );
                    })}
                  </ul>
                )}
              </td>
              <td data-label={t('adminUsers.grantTitle')} className="admin-users__grant">
                {user.status === 'active' ? (
                  <GrantRoleForm
                    user={user}
                    units={units}
                    busy={busy}
                    onGrant={(role, unitId) => onGrant(user, role, unitId)}
                  />
                ) : (
                  <span className="admin-users__none">–</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function AdminUsers() {
  const { t } = useI18n();
  usePageTitle(t('adminUsers.title'));
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const users = useUsers(search);
  const units = useDrivingUnits();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const onSearch = (value: string) => {
    setOutcome(null);
    setParams(value ? { search: value } : {}, { replace: true });
  };

  const act = async (action: () => Promise<unknown>, done: string): Promise<boolean> => {
    setBusy(true);
    setOutcome(null);
    try {
      await action();
      setOutcome({ kind: 'ok', message: done });
      users.reload();
      return true;
    } catch (caught) {
      setOutcome({ kind: 'problem', message: apiErrorText(toApiError(caught), t) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const nameOf = (user: UserSummary) => user.name || user.email || user.id;
  const onGrant = (user: UserSummary, role: PlatformRole, drivingUnitId: string | null) =>
    act(
      () => adminUsersApi.grantRole(user.id, role, drivingUnitId),
      t('adminUsers.granted', { role: t(`accounts.roles.${role}`), name: nameOf(user) }),
    );
  const onRevoke = (user: UserSummary, role: PlatformRole) =>
    void act(
      () => adminUsersApi.revokeRole(user.id, role),
      t('adminUsers.revoked', { role: t(`accounts.roles.${role}`), name: nameOf(user) }),
    );

  let body;
  if (users.status === 'error') {
    body = <ErrorState error={users.error} onRetry={users.reload} />;
  } else if (users.status !== 'success' || units.status === 'loading' || units.status === 'idle') {
    body = <LoadingState />;
  } else if (users.data.length === 0) {
    body = <EmptyState>{t('adminUsers.empty')}</EmptyState>;
  } else {
    body = (
      <>
        <p className="admin-users__count">{t('adminUsers.count', { count: users.data.length })}</p>
        <UsersTable
          users={users.data}
          units={units.status === 'success' ? units.data : []}
          myId={me?.id ?? ''}
          busy={busy}
          onGrant={onGrant}
          onRevoke={onRevoke}
        />
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('adminUsers.title')} intro={<p>{t('adminUsers.intro')}</p>} />
      <div className="container page-body">
        <SearchForm key={search} search={search} onSearch={onSearch} />
        <div className="admin-users__outcome" aria-live="polite">
          {outcome?.kind === 'ok' ? <FormSuccess>{outcome.message}</FormSuccess> : null}
        </div>
        {outcome?.kind === 'problem' ? (
          <div className="admin-users__problem">
            <FormAlert testId="admin-users-error">{outcome.message}</FormAlert>
          </div>
        ) : null}
        {body}
      </div>
    </>
  );
}

/** Administrators: every account with its platform roles; grant and revoke roles. */
export default function AdminUsersPage() {
  return (
    <RequireAuth role="administrator">
      <AdminUsers />
    </RequireAuth>
  );
}
