import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  PARTNER_ROLES,
  PARTNER_SECTORS,
  type PartnerDetail,
  type PartnerRole,
  type PartnerSector,
} from '@shared/contracts/network';
import { PROVINCES } from '@shared/reference/provinces';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { Field } from '@web/components/ui/fields';
import { spreadErrors } from '@web/lib/field-errors';
import { toApiError } from '@web/lib/api';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { networkApi, usePartner } from '../api';
import '@web/components/ui/form.css';
import '../network.css';

interface Values {
  nameTh: string;
  nameEn: string;
  sector: PartnerSector;
  roles: PartnerRole[];
  descriptionTh: string;
  descriptionEn: string;
  provinceCode: string;
  website: string;
  contactEmail: string;
}

const EMPTY: Values = {
  nameTh: '',
  nameEn: '',
  sector: 'academic',
  roles: [],
  descriptionTh: '',
  descriptionEn: '',
  provinceCode: '',
  website: '',
  contactEmail: '',
};

function valuesOf(p: PartnerDetail): Values {
  return {
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    sector: p.sector,
    roles: [...p.roles],
    descriptionTh: p.descriptionTh,
    descriptionEn: p.descriptionEn,
    provinceCode: p.provinceCode === null ? '' : String(p.provinceCode),
    website: p.website ?? '',
    contactEmail: p.contactEmail ?? '',
  };
}

const FIELDS = [
  'nameTh',
  'nameEn',
  'sector',
  'roles',
  'descriptionTh',
  'descriptionEn',
  'provinceCode',
  'website',
  'contactEmail',
];

function PartnerForm({ partner, onReload }: { partner: PartnerDetail | null; onReload: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(partner ? valuesOf(partner) : EMPTY);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const title = partner ? t('network.form.editTitle') : t('network.form.newTitle');
  usePageTitle(title);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body = {
      nameTh: values.nameTh,
      nameEn: values.nameEn,
      sector: values.sector,
      roles: values.roles,
      descriptionTh: values.descriptionTh,
      descriptionEn: values.descriptionEn,
      provinceCode: values.provinceCode ? Number(values.provinceCode) : null,
      website: values.website.trim() || null,
      contactEmail: values.contactEmail.trim() || null,
    };
    setBusy(true);
    setErrors({ fields: {}, rest: [] });
    const send = partner
      ? networkApi.update(partner.id, { version: partner.version, ...body })
      : networkApi.create({ ...body, organisationId: null });
    send.then(
      (saved) => void navigate(`/network/partners/${saved.id}`),
      (error: unknown) => {
        setBusy(false);
        const spread = spreadErrors(
          toApiError(error),
          (name) => FIELDS.includes(name.split('.')[0] ?? name),
          t,
        );
        const fields: Record<string, string> = {};
        for (const [name, message] of Object.entries(spread.fields)) {
          fields[name.split('.')[0] ?? name] = message;
        }
        setErrors({ fields, rest: spread.stale ? [t('network.stale')] : spread.rest });
        if (spread.stale) {
          onReload();
        }
      },
    );
  };

  return (
    <>
      <PageHeader
        title={title}
        back={
          partner
            ? { to: `/network/partners/${partner.id}`, label: partner.nameTh }
            : { to: '/network', label: t('network.partner.backToDirectory') }
        }
      />
      <div className="container page-body nw-page">
        <form className="nw-form nw-form--page" onSubmit={submit} noValidate data-testid="partner-form">
          {errors.rest.length > 0 ? (
            <FormAlert>
              {errors.rest.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </FormAlert>
          ) : null}
          <div className="nw-form__grid">
            <Field label={t('network.form.nameTh')} error={errors.fields.nameTh} className="nw-form__wide">
              {(tie) => (
                <input
                  {...tie}
                  value={values.nameTh}
                  maxLength={300}
                  onChange={(e) => set('nameTh', e.target.value)}
                  data-testid="partner-name-th"
                />
              )}
            </Field>
            <Field label={t('network.form.nameEn')} error={errors.fields.nameEn} className="nw-form__wide">
              {(tie) => (
                <input
                  {...tie}
                  lang="en"
                  value={values.nameEn}
                  maxLength={300}
                  onChange={(e) => set('nameEn', e.target.value)}
                  data-testid="partner-name-en"
                />
              )}
            </Field>
            <Field label={t('network.form.sector')} error={errors.fields.sector}>
              {(tie) => (
                <select
                  {...tie}
                  value={values.sector}
                  onChange={(e) => set('sector', e.target.value as PartnerSector)}
                  data-testid="partner-sector"
                >
                  {PARTNER_SECTORS.map((s) => (
                    <option key={s} value={s}>
                      {t(`network.sector.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('network.form.province')} error={errors.fields.provinceCode}>
              {(tie) => (
                <select
                  {...tie}
                  value={values.provinceCode}
                  onChange={(e) => set('provinceCode', e.target.value)}
                >
                  <option value="">{t('network.none')}</option>
                  {[...PROVINCES]
                    .sort((a, b) =>
                      lang === 'en'
                        ? a.nameEn.localeCompare(b.nameEn)
                        : a.nameTh.localeCompare(b.nameTh, 'th'),
                    )
                    .map((p) => (
                      <option key={p.code} value={p.code}>
                        {lang === 'en' ? p.nameEn : p.nameTh}
                      </option>
                    ))}
                </select>
              )}
            </Field>
            <fieldset
              className="nw-form__wide nw-checks"
              aria-invalid={errors.fields.roles ? true : undefined}
            >
              <legend>{t('network.form.roles')}</legend>
              {PARTNER_ROLES.map((role) => (
                <label key={role} className="nw-check">
                  <input
                    type="checkbox"
                    checked={values.roles.includes(role)}
                    data-testid={`partner-role-${role}`}
                    onChange={(e) =>
                      set(
                        'roles',
                        e.target.checked ? [...values.roles, role] : values.roles.filter((r) => r !== role),
                      )
                    }
                  />
                  {t(`network.role.${role}`)}
                </label>
              ))}
              {errors.fields.roles ? <p className="field__error">{t('network.form.chooseRole')}</p> : null}
            </fieldset>
            <Field
              label={t('network.form.descriptionTh')}
              error={errors.fields.descriptionTh}
              className="nw-form__wide"
            >
              {(tie) => (
                <textarea
                  {...tie}
                  rows={4}
                  value={values.descriptionTh}
                  maxLength={4000}
                  onChange={(e) => set('descriptionTh', e.target.value)}
                />
              )}
            </Field>
            <Field
              label={t('network.form.descriptionEn')}
              error={errors.fields.descriptionEn}
              className="nw-form__wide"
            >
              {(tie) => (
                <textarea
                  {...tie}
                  lang="en"
                  rows={3}
                  value={values.descriptionEn}
                  maxLength={4000}
                  onChange={(e) => set('descriptionEn', e.target.value)}
                />
              )}
            </Field>
            <Field label={t('network.form.website')} error={errors.fields.website}>
              {(tie) => (
                <input
                  {...tie}
                  type="url"
                  value={values.website}
                  placeholder="https://"
                  onChange={(e) => set('website', e.target.value)}
                />
              )}
            </Field>
            <Field label={t('network.form.contactEmail')} error={errors.fields.contactEmail}>
              {(tie) => (
                <input
                  {...tie}
                  type="email"
                  value={values.contactEmail}
                  onChange={(e) => set('contactEmail', e.target.value)}
                />
              )}
            </Field>
          </div>
          <p className="nw-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="partner-save"
            >
              {busy ? t('network.saving') : partner ? t('network.save') : t('network.form.create')}
            </button>
          </p>
        </form>
      </div>
    </>
  );
}

function EditPartner({ id }: { id: string }) {
  const partner = usePartner(id);
  if (partner.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={partner.error} onRetry={partner.reload} />
      </div>
    );
  }
  if (partner.status !== 'success') {
    return <LoadingState />;
  }
  return <PartnerForm key={partner.data.version} partner={partner.data} onReload={partner.reload} />;
}

/** `/admin/network/partners/new` and `/admin/network/partners/:id/edit`: officers add or edit a partner. */
export default function PartnerEditPage() {
  const { id } = useParams();
  return (
    <RequireAuth>
      {id ? <EditPartner id={id} /> : <PartnerForm partner={null} onReload={() => undefined} />}
    </RequireAuth>
  );
}
