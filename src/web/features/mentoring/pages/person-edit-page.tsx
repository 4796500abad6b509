import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  EXPERTISE,
  PERSONNEL_ROLES,
  type Expertise,
  type PersonDetail,
  type PersonnelRole,
} from '@shared/contracts/mentoring';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useProvinces } from '@web/features/provinces/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { mentoringApi, useDrivingUnitChoices, usePerson } from '../api';
import { Field } from '@web/components/ui/fields';
import { CheckboxGroup } from '../components/checkbox-group';
import { useFormCommand } from '../components/use-form-command';
import '@web/components/ui/form.css';
import '../mentoring.css';

const FIELDS = [
  'nameTh',
  'nameEn',
  'roles',
  'expertise',
  'drivingUnitId',
  'provinceCode',
  'bioTh',
  'bioEn',
  'accountEmail',
] as const;

function PersonForm({ person }: { person: PersonDetail | null }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { me } = useAuth();
  const units = useDrivingUnitChoices();
  const provinces = useProvinces();
  const isOfficer = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
  const [nameTh, setNameTh] = useState(person?.nameTh ?? '');
  const [nameEn, setNameEn] = useState(person?.nameEn ?? '');
  const [roles, setRoles] = useState<PersonnelRole[]>(person?.roles ?? ['mentor']);
  const [expertise, setExpertise] = useState<Expertise[]>(person?.expertise ?? []);
  const [unitId, setUnitId] = useState(person ? (person.drivingUnitId ?? '') : (me?.drivingUnitId ?? ''));
  const [provinceCode, setProvinceCode] = useState(person?.provinceCode ? String(person.provinceCode) : '');
  const [bioTh, setBioTh] = useState(person?.bioTh ?? '');
  const [bioEn, setBioEn] = useState(person?.bioEn ?? '');
  const [isMentor, setIsMentor] = useState(person?.isMentor ?? true);
  const [isActive, setIsActive] = useState(person?.isActive ?? true);
  const [accountEmail, setAccountEmail] = useState('');
  const { errors, busy, run } = useFormCommand(FIELDS);

  const body = {
    nameTh,
    nameEn,
    roles,
    expertise,
    drivingUnitId: unitId || null,
    provinceCode: provinceCode ? Number(provinceCode) : null,
    bioTh,
    bioEn,
    isMentor,
    isActive,
    ...(accountEmail.trim() ? { accountEmail: accountEmail.trim() } : {}),
  };

  return (
    <form
      className="me-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        let savedId = person?.id ?? '';
        void run(
          async () => {
            const saved = person
              ? await mentoringApi.updatePerson(person.id, { ...body, version: person.version })
              : await mentoringApi.createPerson(body);
            savedId = saved.id;
          },
          () => {
            void navigate(`/personnel/${savedId}`);
          },
        );
      }}
    >
      <div className="me-form__grid">
        <Field label={t('mentoring.editor.nameTh')} error={errors.fields.nameTh}>
          {(tie) => (
            <input
              {...tie}
              value={nameTh}
              maxLength={200}
              onChange={(e) => setNameTh(e.target.value)}
              data-testid="person-name-th"
            />
          )}
        </Field>
        <Field label={t('mentoring.editor.nameEn')} error={errors.fields.nameEn}>
          {(tie) => (
            <input {...tie} value={nameEn} maxLength={200} onChange={(e) => setNameEn(e.target.value)} />
          )}
        </Field>
      </div>
      <CheckboxGroup
        legend={t('mentoring.editor.roles')}
        options={PERSONNEL_ROLES.map((r) => ({ value: r, label: t(`mentoring.role.${r}`) }))}
        value={roles}
        onChange={setRoles}
        error={errors.fields.roles}
        testId="person-roles"
      />
      <CheckboxGroup
        legend={t('mentoring.editor.expertise')}
        options={EXPERTISE.map((e) => ({ value: e, label: t(`mentoring.expertise.${e}`) }))}
        value={expertise}
        onChange={setExpertise}
        error={errors.fields.expertise}
      />
      <div className="me-form__grid">
        <Field label={t('mentoring.editor.unit')} error={errors.fields.drivingUnitId}>
          {(tie) => (
            <select {...tie} value={unitId} onChange={(e) => setUnitId(e.target.value)} disabled={!isOfficer}>
              <option value="">{t('mentoring.personnel.noUnit')}</option>
              {(units.status === 'success' ? units.data : []).map((u) => (
                <option key={u.id} value={u.id}>
                  {localName(u, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('mentoring.editor.province')} error={errors.fields.provinceCode}>
          {(tie) => (
            <select {...tie} value={provinceCode} onChange={(e) => setProvinceCode(e.target.value)}>
              <option value="">{t('mentoring.editor.noProvince')}</option>
              {(provinces.status === 'success' ? provinces.data : []).map((p) => (
                <option key={p.code} value={p.code}>
                  {localName(p, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('mentoring.editor.bioTh')} error={errors.fields.bioTh} className="form-textarea">
        {(tie) => (
          <textarea
            {...tie}
            rows={4}
            maxLength={4000}
            value={bioTh}
            onChange={(e) => setBioTh(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('mentoring.editor.bioEn')} error={errors.fields.bioEn} className="form-textarea">
        {(tie) => (
          <textarea
            {...tie}
            rows={3}
            maxLength={4000}
            value={bioEn}
            onChange={(e) => setBioEn(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('mentoring.editor.accountEmail')} error={errors.fields.accountEmail}>
        {(tie) => (
          <input
            {...tie}
            type="email"
            value={accountEmail}
            maxLength={254}
            placeholder={person?.hasAccount ? '••••' : ''}
            onChange={(e) => setAccountEmail(e.target.value)}
          />
        )}
      </Field>
      <div className="me-checks__row">
        <label className="me-check">
          <input type="checkbox" checked={isMentor} onChange={(e) => setIsMentor(e.target.checked)} />
          {t('mentoring.editor.isMentor')}
        </label>
        <label className="me-check">
          <input type="checkbox" checked={isActive} onChange={(e) => setIsActive(e.target.checked)} />
          {t('mentoring.editor.isActive')}
        </label>
      </div>
      {errors.form ? <FormAlert testId="person-error">{errors.form}</FormAlert> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="person-save">
          {t('mentoring.editor.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void navigate(person ? `/personnel/${person.id}` : '/personnel')}
        >
          {t('mentoring.editor.cancel')}
        </button>
      </div>
    </form>
  );
}

function Editor() {
  const { t } = useI18n();
  const { id } = useParams();
  const person = usePerson(id);
  const title = id ? t('mentoring.editor.editTitle') : t('mentoring.editor.newTitle');
  usePageTitle(title);
  return (
    <>
      <PageHeader
        title={title}
        back={{ to: id ? `/personnel/${id}` : '/personnel', label: t('mentoring.personnel.title') }}
      />
      <div className="container page-body me-page">
        {!id ? (
          <PersonForm person={null} />
        ) : person.status === 'error' ? (
          <ErrorState error={person.error} onRetry={person.reload} />
        ) : person.status !== 'success' ? (
          <LoadingState />
        ) : (
          <PersonForm person={person.data} />
        )}
      </div>
    </>
  );
}

/** Adds a person to the registry or edits one (officers; a unit's staff for their unit). */
export default function PersonEditPage() {
  return (
    <RequireAuth>
      <Editor />
    </RequireAuth>
  );
}
