import { useMemo, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import type { Organisation } from '@shared/contracts/organisations';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { THEMES } from '@shared/reference/themes';
import {
  SaveProblemAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@web/components/ui/form';
import '@web/components/ui/panel.css';
import { toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { organisationsApi } from '../api';
import {
  ORGANISATION_FIELDS,
  identifierRule,
  organisationResolver,
  validateOrganisationForm,
  type OrganisationFormValues,
} from '../form-values';
import { AreaFields } from './area-fields';
import { CheckboxGroupField, Optional } from './fields';

type Problem = { kind: 'error'; message: string } | { kind: 'stale'; message: string };

/**
 * The organisation profile form, for creating one (no `editing`) or editing one (`editing` gives its id and the
 * version the person started from, sent back so that a concurrent save is reported, never overwritten).
 */
export function OrganisationForm({
  initial,
  editing,
  cancelTo,
  onSaved,
  onReloadLatest,
}: {
  initial: OrganisationFormValues;
  editing?: { id: string; version: number };
  cancelTo: string;
  onSaved: (organisation: Organisation) => void;
  onReloadLatest?: () => void;
}) {
  const { t, lang } = useI18n();
  const [problem, setProblem] = useState<Problem | null>(null);
  const resolver = useMemo(() => organisationResolver(t), [t]);
  const form = useForm<OrganisationFormValues>({ resolver, defaultValues: initial });
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = form;
  const type = useWatch({ control, name: 'type' });
  const rule = identifierRule(type);
  const optional = <Optional>{t('forms.optional')}</Optional>;

  const onSubmit = handleSubmit(async (values) => {
    setProblem(null);
    const validation = validateOrganisationForm(values, t);
    if (!validation.ok) {
      return;
    }
    try {
      const saved = editing
        ? await organisationsApi.update(editing.id, { ...validation.body, version: editing.version })
        : await organisationsApi.create(validation.body);
      onSaved(saved);
    } catch (caught) {
      const error = toApiError(caught);
      const { fields, form: formMessage } = serverFormErrors(error, ORGANISATION_FIELDS, t);
      const invalid = ORGANISATION_FIELDS.filter((name) => fields[name] !== undefined);
      for (const name of invalid) {
        setError(name, { type: 'server', message: fields[name] });
      }
      const first = invalid[0];
      if (first) {
        setFocus(first);
      }
      if (formMessage) {
        setProblem({
          kind: editing && error.code === 'CONFLICT' ? 'stale' : 'error',
          message: formMessage,
        });
      }
    }
  });

  return (
    <form
      className="form panel-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="organisation-form"
    >
      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('orgs.form.reloadLatest')}
          onReloadLatest={onReloadLatest}
        />
      ) : null}

      <fieldset className="panel-form__section">
        <legend>{t('orgs.form.basics')}</legend>
        <TextField
          label={t('orgs.fields.nameTh')}
          lang="th"
          autoComplete="organization"
          error={errors.nameTh?.message}
          registration={register('nameTh')}
        />
        <TextField
          label={
            <>
              {t('orgs.fields.nameEn')} {optional}
            </>
          }
          lang="en"
          error={errors.nameEn?.message}
          registration={register('nameEn')}
        />
        <SelectField
          label={t('orgs.fields.type')}
          hint={t('orgs.fields.typeHint')}
          error={errors.type?.message}
          registration={register('type')}
          data-testid="org-type"
        >
          <option value="">{t('orgs.fields.chooseType')}</option>
          {ORGANISATION_TYPES.map((option) => (
            <option key={option.code} value={option.code}>
              {localName(option, lang)}
            </option>
          ))}
        </SelectField>
        {rule.field === 'juristicId' ? (
          <TextField
            label={
              <>
                {t('orgs.fields.juristicId')} {rule.required ? null : optional}
              </>
            }
            hint={t('orgs.fields.juristicIdHint')}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            maxLength={17}
            error={errors.juristicId?.message}
            registration={register('juristicId')}
          />
        ) : null}
        {rule.field === 'communityEnterpriseCode' ? (
          <TextField
            label={t('orgs.fields.communityEnterpriseCode')}
            hint={t('orgs.fields.communityEnterpriseCodeHint')}
            autoComplete="off"
            spellCheck={false}
            maxLength={20}
            error={errors.communityEnterpriseCode?.message}
            registration={register('communityEnterpriseCode')}
          />
        ) : null}
        {type !== '' && rule.field === null ? (
          <p className="org-form__note" data-testid="no-identifier">
            {t('orgs.form.noIdentifier')}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>
          {t('orgs.form.address')} {optional}
        </legend>
        <AreaFields form={form} />
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>
          {t('orgs.form.contacts')} {optional}
        </legend>
        <div className="panel-form__grid">
          <TextField
            label={t('orgs.fields.contactEmail')}
            type="email"
            inputMode="email"
            autoComplete="email"
            spellCheck={false}
            error={errors.contactEmail?.message}
            registration={register('contactEmail')}
          />
          <TextField
            label={t('orgs.fields.contactPhone')}
            hint={t('accounts.fields.phoneHint')}
            type="tel"
            autoComplete="tel"
            error={errors.contactPhone?.message}
            registration={register('contactPhone')}
          />
        </div>
        <TextField
          label={t('orgs.fields.website')}
          hint={t('orgs.fields.websiteHint')}
          type="url"
          inputMode="url"
          autoComplete="url"
          spellCheck={false}
          error={errors.website?.message}
          registration={register('website')}
        />
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>{t('orgs.form.about')}</legend>
        <TextAreaField
          label={
            <>
              {t('orgs.fields.description')} {optional}
            </>
          }
          hint={t('orgs.fields.descriptionHint')}
          rows={5}
          error={errors.description?.message}
          registration={register('description')}
        />
        <CheckboxGroupField
          legend={
            <>
              {t('orgs.fields.themes')} {optional}
            </>
          }
          hint={t('orgs.fields.themesHint')}
          error={errors.themes?.message}
          options={THEMES.map((theme) => ({ value: theme.code, label: localName(theme, lang) }))}
          registration={register('themes')}
        />
      </fieldset>

      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
          {editing ? t('orgs.form.save') : t('orgs.form.create')}
        </SubmitButton>
        <Link to={cancelTo}>{t('orgs.form.cancel')}</Link>
      </div>
    </form>
  );
}
