import { useId, useRef, useState, type FormEvent } from 'react';
import {
  PLATFORM_ROLES,
  type DrivingUnit,
  type PlatformRole,
  type UserSummary,
} from '@shared/contracts/identity';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/**
 * Grants one more platform role to an account: the roles it does not have yet, and for driving-unit staff the
 * unit they work for (required).
 */
export function GrantRoleForm({
  user,
  units,
  busy,
  onGrant,
}: {
  user: UserSummary;
  units: DrivingUnit[];
  busy: boolean;
  onGrant: (role: PlatformRole, drivingUnitId: string | null) => Promise<boolean>;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const available = PLATFORM_ROLES.filter((role) => !user.roles.some((held) => held.role === role));
  const [role, setRole] = useState<PlatformRole | ''>('');
  const [unit, setUnit] = useState('');
  const [roleError, setRoleError] = useState<string | null>(null);
  const [unitError, setUnitError] = useState<string | null>(null);
  const roleRef = useRef<HTMLSelectElement>(null);
  const unitRef = useRef<HTMLSelectElement>(null);

  if (available.length === 0) {
    return <p className="admin-users__all-roles">{t('adminUsers.allRoles')}</p>;
  }

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setRoleError(null);
    setUnitError(null);
    if (role === '') {
      setRoleError(t('adminUsers.chooseRoleFirst'));
      roleRef.current?.focus();
      return;
    }
    if (role === 'driving_unit_staff' && unit === '') {
      setUnitError(t('adminUsers.chooseUnitFirst'));
      unitRef.current?.focus();
      return;
    }
    if (await onGrant(role, role === 'driving_unit_staff' ? unit : null)) {
      setRole('');
      setUnit('');
    }
  };

  const name = user.name || user.email || user.id;
  return (
    <form
      className="admin-grant"
      noValidate
      onSubmit={(event) => void submit(event)}
      aria-label={t('adminUsers.grantFor', { name })}
      data-testid="grant-role-form"
    >
      <div className="field form-field" data-invalid={roleError ? 'true' : undefined}>
        <label htmlFor={`${id}-role`}>{t('adminUsers.roleToGrant')}</label>
        <select
          id={`${id}-role`}
          ref={roleRef}
          value={role}
          onChange={(event) => {
            setRole(event.target.value as PlatformRole | '');
            setRoleError(null);
          }}
          aria-invalid={roleError ? true : undefined}
          aria-describedby={roleError ? `${id}-role-error` : undefined}
          data-testid="grant-role"
        >
          <option value="">{t('adminUsers.chooseRole')}</option>
          {available.map((option) => (
            <option key={option} value={option}>
              {t(`accounts.roles.${option}`)}
            </option>
          ))}
        </select>
        {roleError ? (
          <p id={`${id}-role-error`} className="field__error">
            {roleError}
          </p>
        ) : null}
      </div>
      {role === 'driving_unit_staff' ? (
        <div className="field form-field" data-invalid={unitError ? 'true' : undefined}>
          <label htmlFor={`${id}-unit`}>{t('adminUsers.drivingUnit')}</label>
          <select
            id={`${id}-unit`}
            ref={unitRef}
            value={unit}
            onChange={(event) => {
              setUnit(event.target.value);
              setUnitError(null);
            }}
            aria-invalid={unitError ? true : undefined}
            aria-describedby={unitError ? `${id}-unit-error` : undefined}
            data-testid="grant-unit"
          >
            <option value="">{t('adminUsers.chooseUnit')}</option>
            {units.map((option) => (
              <option key={option.id} value={option.id}>
                {localName(option, lang)}
              </option>
            ))}
          </select>
          {unitError ? (
            <p id={`${id}-unit-error`} className="field__error">
              {unitError}
            </p>
          ) : null}
        </div>
      ) : null}
      <button type="submit" className="action-button action-button--solid" disabled={busy}>
        {t('adminUsers.grant')}
      </button>
    </form>
  );
}
