import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import type { CallDetail } from '@shared/contracts/calls';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { REGIONS } from '@shared/reference/regions';
import { THEMES } from '@shared/reference/themes';
import {
  CheckboxField,
  SaveProblemAlert,
  SelectField,
  SubmitButton,
  TextField,
} from '@web/components/ui/form';
import { LoadingState } from '@web/components/ui/states';
import { useProgrammes } from '@web/features/programmes/api';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatBaht, localName } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { callAdminApi } from '../api';
import { bahtToSatang } from '../baht';
import {
  CALL_FIELDS,
  callFieldOfServerPath,
  validateCallForm,
  type CallField,
  type CallFormValues,
} from '../call-form-values';
import { BangkokDateTimeField } from './bangkok-date-time-field';
import { CheckboxGroup } from './checkbox-group';
import { ThaiEnglishFields, useValidationResolver } from './form-parts';
import { ProvincePicker } from './province-picker';

type Problem = { kind: 'error' | 'stale'; message: string };

const TEXT_FIELDS: ReadonlySet<CallField> = new Set<CallField>([
  'programmeSlug',
  'code',
  'titleTh',
  'titleEn',
  'descriptionTh',
  'descriptionEn',
  'fiscalYear',
  'totalBudget',
  'minGrant',
  'maxGrant',
  'maxProposalsPerOrganisation',
]);

/** "= 1,500,000 บาท" under a baht input, so the officer sees the amount as it will be shown. */
function useBahtHint(text: string): string | undefined {
  const { lang } = useI18n();
  const satang = bahtToSatang(text);
  return typeof satang === 'number' ? formatBaht(satang, lang) : undefined;
}

/**
 * The call form, for a new call (no `editing`) or an existing one (`editing` carries its id and the version the
 * officer started from: a save over someone else's change is refused and reported, never overwritten).
 */
export function CallForm({
  initial,
  editing,
  cancelTo,
  onSaved,
  onReloadLatest,
}: {
  initial: CallFormValues;
  editing?: { id: string; version: number };
  cancelTo: string;
  onSaved: (call: CallDetail) => void;
  onReloadLatest?: () => void;
}) {
  const { t, lang } = useI18n();
  const programmes = useProgrammes();
  const [problem, setProblem] = useState<Problem | null>(null);
  const resolver = useValidationResolver(validateCallForm);
  const {
    register,
    handleSubmit,
    setError,
    setFocus,
    control,
    formState: { errors, isSubmitting },
  } = useForm<CallFormValues>({ resolver, defaultValues: initial });
  const values = useWatch({ control }) as CallFormValues;
  const totalHint = useBahtHint(values.totalBudget);
  const minHint = useBahtHint(values.minGrant);
  const maxHint = useBahtHint(values.maxGrant);

  const showServerErrors = (fields: Partial<Record<CallField, string>>) => {
    const invalid = CALL_FIELDS.filter((name) => fields[name] !== undefined);
    for (const name of invalid) {
      setError(name, { type: 'server', message: fields[name] });
    }
    const first = invalid[0];
    if (first === 'opensAt' || first === 'closesAt' || first === 'fullClosesAt') {
      setFocus(`${first}.day`);
    } else if (first && TEXT_FIELDS.has(first)) {
      setFocus(first);
    }
    return invalid.length;
  };

  const onInvalid = () => setProblem({ kind: 'error', message: t('calls.admin.form.fixErrors') });

  const onSubmit = handleSubmit(async (raw) => {
    setProblem(null);
    const validation = validateCallForm(raw);
    if (!validation.ok) {
      return;
    }
    try {
      const saved = editing
        ? await callAdminApi.updateCall(editing.id, { ...validation.body, version: editing.version })
        : await callAdminApi.createCall(validation.body);
      onSaved(saved);
    } catch (caught) {
      const error = toApiError(caught);
      const fields: Partial<Record<CallField, string>> = {};
      for (const issue of fieldIssues(error)) {
        const name = callFieldOfServerPath(issue.field);
        if (name && fields[name] === undefined) {
          fields[name] = issue.messageEn === undefined ? apiErrorText(error, t) : issue.message;
        }
      }
      const shown = showServerErrors(fields);
      setProblem({
        kind: editing && error.code === 'CONFLICT' && shown === 0 ? 'stale' : 'error',
        message: apiErrorText(error, t),
      });
    }
  }, onInvalid);

  const dateFields = (name: 'opensAt' | 'closesAt' | 'fullClosesAt') => ({
    day: register(`${name}.day`),
    month: register(`${name}.month`),
    yearBe: register(`${name}.yearBe`),
    time: register(`${name}.time`),
  });

  return (
    <form
      className="form panel-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="call-form"
    >
      <fieldset className="panel-form__section">
        <legend>{t('calls.admin.form.basics')}</legend>
        {programmes.status === 'success' ? (
          <SelectField
            label={t('calls.admin.form.programme')}
            error={errors.programmeSlug?.message}
            registration={register('programmeSlug')}
            data-testid="call-programme"
          >
            <option value="">{t('calls.admin.form.chooseProgramme')}</option>
            {programmes.data.map((p) => (
              <option key={p.slug} value={p.slug}>
                {localName(p, lang)}
              </option>
            ))}
          </SelectField>
        ) : (
          <LoadingState />
        )}
        <TextField
          label={t('calls.admin.form.code')}
          hint={t('calls.admin.form.codeHint')}
          autoComplete="off"
          spellCheck={false}
          maxLength={6}
          className="ca-code-input"
          error={errors.code?.message}
          registration={register('code', {
            setValueAs: (value: string) => value.toUpperCase(),
          })}
        />
        <ThaiEnglishFields
          th={{
            label: t('calls.admin.form.titleTh'),
            error: errors.titleTh?.message,
            registration: register('titleTh'),
          }}
          en={{
            label: t('calls.admin.form.titleEn'),
            error: errors.titleEn?.message,
            registration: register('titleEn'),
          }}
          maxLength={300}
        />
        <ThaiEnglishFields
          th={{
            label: t('calls.admin.form.descriptionTh'),
            error: errors.descriptionTh?.message,
            registration: register('descriptionTh'),
          }}
          en={{
            label: t('calls.admin.form.descriptionEn'),
            error: errors.descriptionEn?.message,
            registration: register('descriptionEn'),
          }}
          maxLength={20000}
          rows={6}
        />
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>{t('calls.admin.form.schedule')}</legend>
        <p className="field__hint">{t('calls.admin.form.scheduleHint')}</p>
        <fieldset className="ca-radios" data-testid="stage-mode">
          <legend>{t('calls.admin.form.stageMode')}</legend>
          <div className="form-check__row">
            <input id="stage-single" type="radio" value="single" {...register('stageMode')} />
            <label htmlFor="stage-single">{t('calls.admin.stageMode.single')}</label>
          </div>
          <div className="form-check__row">
            <input id="stage-two" type="radio" value="two_stage" {...register('stageMode')} />
            <label htmlFor="stage-two">{t('calls.admin.stageMode.two_stage')}</label>
          </div>
        </fieldset>
        <BangkokDateTimeField
          legend={t('calls.admin.form.opensAt')}
          value={values.opensAt}
          error={errors.opensAt?.message}
          fields={dateFields('opensAt')}
          testId="opens-at"
        />
        <BangkokDateTimeField
          legend={
            values.stageMode === 'two_stage'
              ? t('calls.admin.form.conceptClosesAt')
              : t('calls.admin.form.closesAt')
          }
          hint={t('calls.admin.form.closesHint')}
          value={values.closesAt}
          error={errors.closesAt?.message}
          fields={dateFields('closesAt')}
          withSeconds
          testId="closes-at"
        />
        {values.stageMode === 'two_stage' ? (
          <BangkokDateTimeField
            legend={t('calls.admin.form.fullClosesAt')}
            value={values.fullClosesAt}
            error={errors.fullClosesAt?.message}
            fields={dateFields('fullClosesAt')}
            withSeconds
            testId="full-closes-at"
          />
        ) : null}
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>{t('calls.admin.form.money')}</legend>
        <div className="panel-form__grid">
          <TextField
            label={t('calls.admin.form.fiscalYear')}
            hint={t('calls.admin.form.fiscalYearHint')}
            inputMode="numeric"
            maxLength={4}
            error={errors.fiscalYear?.message}
            registration={register('fiscalYear')}
          />
          <TextField
            label={t('calls.admin.form.totalBudget')}
            hint={totalHint}
            inputMode="decimal"
            autoComplete="off"
            error={errors.totalBudget?.message}
            registration={register('totalBudget')}
          />
          <TextField
            label={t('calls.admin.form.minGrant')}
            hint={minHint}
            inputMode="decimal"
            autoComplete="off"
            error={errors.minGrant?.message}
            registration={register('minGrant')}
          />
          <TextField
            label={t('calls.admin.form.maxGrant')}
            hint={maxHint}
            inputMode="decimal"
            autoComplete="off"
            error={errors.maxGrant?.message}
            registration={register('maxGrant')}
          />
        </div>
      </fieldset>

      <fieldset className="panel-form__section" data-testid="eligibility-rules">
        <legend>{t('calls.admin.form.eligibility')}</legend>
        <p className="field__hint">{t('calls.admin.form.eligibilityHint')}</p>
        <CheckboxGroup
          legend={t('calls.admin.form.organisationTypes')}
          hint={t('calls.admin.form.anyIfNone')}
          error={errors.organisationTypes?.message}
          options={ORGANISATION_TYPES.map((o) => ({ value: o.code, label: localName(o, lang) }))}
          registration={register('organisationTypes')}
          columns
          testId="eligibility-org-types"
        />
        <CheckboxGroup
          legend={t('calls.admin.form.regions')}
          error={errors.regionCodes?.message}
          options={REGIONS.map((r) => ({ value: r.code, label: localName(r, lang) }))}
          registration={register('regionCodes')}
          columns
        />
        <ProvincePicker
          legend={t('calls.admin.form.provinces')}
          hint={t('calls.admin.form.areaHint')}
          selected={values.provinceCodes}
          registration={register('provinceCodes')}
        />
        <CheckboxField
          label={t('calls.admin.form.targetGroupOnly')}
          error={errors.targetGroupOnly?.message}
          registration={register('targetGroupOnly')}
        />
        <CheckboxGroup
          legend={t('calls.admin.form.themes')}
          hint={t('calls.admin.form.anyIfNone')}
          error={errors.themes?.message}
          options={THEMES.map((theme) => ({ value: theme.code, label: localName(theme, lang) }))}
          registration={register('themes')}
        />
        <TextField
          label={t('calls.admin.form.maxProposals')}
          hint={t('calls.admin.form.maxProposalsHint')}
          inputMode="numeric"
          maxLength={3}
          className="ca-short-input"
          error={errors.maxProposalsPerOrganisation?.message}
          registration={register('maxProposalsPerOrganisation')}
        />
      </fieldset>

      {problem ? (
        <SaveProblemAlert
          kind={problem.kind}
          message={problem.message}
          reloadLabel={t('calls.admin.reloadLatest')}
          onReloadLatest={onReloadLatest}
        />
      ) : null}

      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
          {editing ? t('calls.admin.form.save') : t('calls.admin.form.create')}
        </SubmitButton>
        <Link to={cancelTo}>{t('calls.admin.cancel')}</Link>
      </div>
    </form>
  );
}
