import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useParams } from 'react-router';
import type { Programme } from '@shared/contracts/reference';
import { PROGRAMME_TYPES } from '@shared/reference/programmes';
import { FormSuccess, SaveProblemAlert, SelectField, SubmitButton, TextField } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { useFlagshipObjectives } from '@web/features/reference/api';
import { fieldIssues, toApiError } from '@web/lib/api';
import { formatBaht, localName } from '@web/lib/format';
import { apiErrorText } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { callAdminApi, useDrivingUnits, useEditableProgramme } from '../api';
import { bahtToSatang } from '../baht';
import { CheckboxGroup } from '../components/checkbox-group';
import { ThaiEnglishFields, useValidationResolver } from '../components/form-parts';
import { RequireOfficer } from '../components/require-officer';
import {
  PROGRAMME_FIELDS,
  programmeToForm,
  validateProgrammeForm,
  type ProgrammeField,
  type ProgrammeFormValues,
} from '../programme-form-values';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../call-admin.css';

type Outcome = { kind: 'ok' | 'error' | 'stale'; message: string } | null;

const SERVER_FIELDS: Record<string, ProgrammeField> = {
  budgetSatang: 'budget',
  ownerTeam: 'ownerTeam',
  drivingUnitId: 'drivingUnitId',
};

function ProgrammeEditor({
  programme,
  onSaved,
  onReloadLatest,
}: {
  programme: Programme;
  onSaved: (saved: Programme) => void;
  onReloadLatest: () => void;
}) {
  const { t, lang } = useI18n();
  const units = useDrivingUnits();
  const objectives = useFlagshipObjectives();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const resolver = useValidationResolver(validateProgrammeForm);
  const {
    register,
    handleSubmit,
    setError,
    control,
    formState: { errors, isSubmitting },
  } = useForm<ProgrammeFormValues>({ resolver, defaultValues: programmeToForm(programme) });
  const ownerKind = useWatch({ control, name: 'ownerKind' });
  const budget = useWatch({ control, name: 'budget' });
  const budgetSatang = bahtToSatang(budget);

  const onSubmit = handleSubmit(
    async (values) => {
      setOutcome(null);
      const validation = validateProgrammeForm(values);
      if (!validation.ok) {
        return;
      }
      try {
        const saved = await callAdminApi.updateProgramme(programme.slug, {
          ...validation.body,
          version: programme.version,
        });
        onSaved(saved);
      } catch (caught) {
        const error = toApiError(caught);
        let shown = 0;
        for (const issue of fieldIssues(error)) {
          const name = issue.field.replace(/^body\./, '').split('.')[0] ?? '';
          const field =
            SERVER_FIELDS[name] ??
            ((PROGRAMME_FIELDS as readonly string[]).includes(name) ? (name as ProgrammeField) : undefined);
          if (field) {
            shown += 1;
            setError(field, {
              type: 'server',
              message: issue.messageEn === undefined ? apiErrorText(error, t) : issue.message,
            });
          }
        }
        setOutcome({
          kind: error.code === 'CONFLICT' && shown === 0 ? 'stale' : 'error',
          message: apiErrorText(error, t),
        });
      }
    },
    () => setOutcome({ kind: 'error', message: t('calls.admin.form.fixErrors') }),
  );

  return (
    <form
      className="form panel-form"
      noValidate
      onSubmit={(event) => void onSubmit(event)}
      data-testid="programme-form"
    >
      <fieldset className="panel-form__section">
        <legend>{t('calls.admin.programme.basics')}</legend>
        <SelectField
          label={t('programmes.typeLabel')}
          error={errors.type?.message}
          registration={register('type')}
        >
          {PROGRAMME_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`programmes.type.${type}`)}
            </option>
          ))}
        </SelectField>
        <div className="panel-form__grid">
          <ThaiEnglishFields
            th={{
              label: t('calls.admin.programme.nameTh'),
              error: errors.nameTh?.message,
              registration: register('nameTh'),
            }}
            en={{
              label: t('calls.admin.programme.nameEn'),
              error: errors.nameEn?.message,
              registration: register('nameEn'),
            }}
            maxLength={300}
          />
        </div>
        <ThaiEnglishFields
          th={{
            label: t('calls.admin.programme.summaryTh'),
            error: errors.summaryTh?.message,
            registration: register('summaryTh'),
          }}
          en={{
            label: t('calls.admin.programme.summaryEn'),
            error: errors.summaryEn?.message,
            registration: register('summaryEn'),
          }}
          maxLength={1000}
          rows={3}
        />
        <ThaiEnglishFields
          th={{
            label: t('calls.admin.programme.descriptionTh'),
            error: errors.descriptionTh?.message,
            registration: register('descriptionTh'),
          }}
          en={{
            label: t('calls.admin.programme.descriptionEn'),
            error: errors.descriptionEn?.message,
            registration: register('descriptionEn'),
          }}
          maxLength={10000}
          rows={6}
        />
        <CheckboxGroup
          legend={t('calls.admin.programme.objectives')}
          hint={t('calls.admin.programme.objectivesHint')}
          error={errors.objectives?.message}
          options={[1, 2, 3, 4, 5].map((n) => {
            const objective =
              objectives.status === 'success' ? objectives.data.find((o) => o.number === n) : undefined;
            return {
              value: String(n),
              label: objective
                ? t('calls.admin.programme.objective', { number: n, name: localName(objective, lang) })
                : t('calls.admin.programme.objectiveNumber', { number: n }),
            };
          })}
          registration={register('objectives')}
          testId="programme-objectives"
        />
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>{t('calls.admin.programme.owner')}</legend>
        <fieldset className="ca-radios" data-testid="owner-kind">
          <legend className="visually-hidden">{t('calls.admin.programme.ownerKind')}</legend>
          {(['team', 'unit', 'none'] as const).map((kind) => (
            <div key={kind} className="form-check__row">
              <input id={`owner-${kind}`} type="radio" value={kind} {...register('ownerKind')} />
              <label htmlFor={`owner-${kind}`}>{t(`calls.admin.programme.ownerKinds.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        {ownerKind === 'team' ? (
          <TextField
            label={t('calls.admin.programme.ownerTeam')}
            maxLength={300}
            error={errors.ownerTeam?.message}
            registration={register('ownerTeam')}
          />
        ) : null}
        {ownerKind === 'unit' ? (
          <SelectField
            // Mounted again once the units are loaded, so that it shows the programme's unit.
            key={units.status}
            label={t('calls.admin.programme.drivingUnit')}
            error={errors.drivingUnitId?.message}
            registration={register('drivingUnitId')}
            data-testid="driving-unit"
          >
            <option value="">{t('calls.admin.programme.chooseUnit')}</option>
            {units.status === 'success'
              ? units.data.map((unit) => (
                  <option key={unit.id} value={unit.id}>
                    {localName(unit, lang)}
                  </option>
                ))
              : null}
          </SelectField>
        ) : null}
      </fieldset>

      <fieldset className="panel-form__section">
        <legend>{t('calls.admin.programme.money')}</legend>
        <div className="panel-form__grid">
          <TextField
            label={t('calls.admin.programme.fiscalYears')}
            hint={t('calls.admin.programme.fiscalYearsHint')}
            inputMode="numeric"
            autoComplete="off"
            error={errors.fiscalYears?.message}
            registration={register('fiscalYears')}
          />
          <TextField
            label={t('calls.admin.programme.budget')}
            hint={
              typeof budgetSatang === 'number'
                ? formatBaht(budgetSatang, lang)
                : t('calls.admin.programme.budgetHint')
            }
            inputMode="decimal"
            autoComplete="off"
            error={errors.budget?.message}
            registration={register('budget')}
          />
        </div>
      </fieldset>

      <div aria-live="polite">
        {outcome?.kind === 'ok' ? <FormSuccess>{outcome.message}</FormSuccess> : null}
      </div>
      {outcome && outcome.kind !== 'ok' ? (
        <SaveProblemAlert
          kind={outcome.kind}
          message={outcome.message}
          reloadLabel={t('calls.admin.reloadLatest')}
          onReloadLatest={onReloadLatest}
        />
      ) : null}
      <div className="form-actions">
        <SubmitButton busy={isSubmitting} busyLabel={t('forms.working')}>
          {t('calls.admin.programme.save')}
        </SubmitButton>
        <Link to={`/programmes/${programme.slug}`}>{t('calls.admin.programme.view')}</Link>
      </div>
    </form>
  );
}

function EditProgramme() {
  const { t, lang } = useI18n();
  const { slug } = useParams();
  const programme = useEditableProgramme(slug);
  const [saved, setSaved] = useState<Programme | null>(null);
  usePageTitle(t('calls.admin.programme.title'));

  if (programme.status === 'error') {
    return programme.error.isNotFound || programme.error.status === 400 ? (
      <NotFoundState
        title={t('programmes.notFound')}
        text={t('programmes.notFoundText', { slug: slug ?? '' })}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
    ) : (
      <div className="container page-body">
        <ErrorState error={programme.error} onRetry={programme.reload} />
      </div>
    );
  }
  if (programme.status !== 'success') {
    return <LoadingState />;
  }
  // After a save the editor starts again from what the server kept (the new version).
  const current = saved && saved.version > programme.data.version ? saved : programme.data;
  return (
    <>
      <PageHeader
        title={t('calls.admin.programme.title')}
        intro={<p>{localName(current, lang)}</p>}
        back={{ to: '/admin/calls', label: t('calls.admin.list.title') }}
      />
      <div className="container page-body">
        {saved && saved.version === current.version ? (
          <div className="ca-notice">
            <FormSuccess>{t('calls.admin.programme.saved', { version: saved.version })}</FormSuccess>
          </div>
        ) : null}
        <div className="panel-card">
          <ProgrammeEditor
            key={current.version}
            programme={current}
            onSaved={setSaved}
            onReloadLatest={() => {
              setSaved(null);
              programme.reload();
            }}
          />
        </div>
      </div>
    </>
  );
}

/** Officers edit a programme: type, names and texts, objectives, owner, fiscal years and budget. */
export default function ProgrammeEditPage() {
  return (
    <RequireOfficer>
      <EditProgramme />
    </RequireOfficer>
  );
}
