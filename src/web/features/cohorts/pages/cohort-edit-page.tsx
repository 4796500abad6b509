import { useId, useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  COHORT_AUDIENCES,
  COHORT_LIMITS,
  type CohortAudience,
  type CohortDetail,
  type CreateCohortBody,
} from '@shared/contracts/cohorts';
import { FieldError, FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { currentFiscalYearBe } from '@web/features/call-admin/bangkok-time';
import { useProgrammes } from '@web/features/programmes/api';
import { useDrivingUnits } from '@web/features/projects/api';
import { toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { cohortsApi, useCohort } from '../api';
import { cohortName, spreadErrors } from '../labels';
import '@web/components/ui/form.css';
import '@web/components/ui/panel.css';
import '../cohorts.css';

interface Draft {
  drivingUnitId: string;
  programmeId: string;
  nameTh: string;
  nameEn: string;
  descriptionTh: string;
  descriptionEn: string;
  fiscalYear: string;
  startsOn: string;
  endsOn: string;
  audiences: CohortAudience[];
}

function draftOf(cohort: CohortDetail | null, unitId: string | null): Draft {
  return {
    drivingUnitId: cohort?.drivingUnitId ?? unitId ?? '',
    programmeId: cohort?.programmeId ?? '',
    nameTh: cohort?.nameTh ?? '',
    nameEn: cohort?.nameEn ?? '',
    descriptionTh: cohort?.descriptionTh ?? '',
    descriptionEn: cohort?.descriptionEn ?? '',
    fiscalYear: String(cohort?.fiscalYear ?? currentFiscalYearBe()),
    startsOn: cohort?.startsOn ?? '',
    endsOn: cohort?.endsOn ?? '',
    audiences: cohort?.audiences ?? [],
  };
}

function CohortForm({ cohort }: { cohort: CohortDetail | null }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const id = useId();
  const isOfficer = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
  const units = useDrivingUnits();
  const programmes = useProgrammes();
  const [draft, setDraft] = useState<Draft>(() => draftOf(cohort, me?.drivingUnitId ?? null));
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!draft.nameTh.trim()) {
      setErrors({ fields: { nameTh: t('cohorts.edit.nameRequired') }, rest: [] });
      return;
    }
    const body: CreateCohortBody = {
      programmeId: draft.programmeId || null,
      nameTh: draft.nameTh,
      nameEn: draft.nameEn,
      descriptionTh: draft.descriptionTh,
      descriptionEn: draft.descriptionEn,
      fiscalYear: Number(draft.fiscalYear),
      startsOn: draft.startsOn || null,
      endsOn: draft.endsOn || null,
      audiences: draft.audiences,
      ...(cohort === null && isOfficer && draft.drivingUnitId ? { drivingUnitId: draft.drivingUnitId } : {}),
    };
    setBusy(true);
    const { drivingUnitId: _unit, ...fields } = body;
    const sent = cohort
      ? cohortsApi.update(cohort.id, { ...fields, version: cohort.version })
      : cohortsApi.create(body);
    sent.then(
      (saved) => void navigate(`/cohorts/${saved.id}`),
      (error: unknown) => {
        setBusy(false);
        const apiError = toApiError(error);
        setErrors(
          apiError.code === 'CONFLICT' && cohort
            ? { fields: {}, rest: [t('cohorts.edit.stale')] }
            : spreadErrors(apiError, t),
        );
      },
    );
  };

  const text = (key: 'nameTh' | 'nameEn', label: string, required = false) => (
    <div className="field form-field" data-invalid={errors.fields[key] ? 'true' : undefined}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        value={draft[key]}
        maxLength={COHORT_LIMITS.name}
        required={required}
        aria-invalid={errors.fields[key] ? true : undefined}
        aria-describedby={errors.fields[key] ? `${id}-${key}-error` : undefined}
        onChange={(event) => set(key, event.target.value)}
        data-testid={`cohort-${key}`}
      />
      <FieldError id={`${id}-${key}-error`} message={errors.fields[key]} />
    </div>
  );
  const area = (key: 'descriptionTh' | 'descriptionEn', label: string) => (
    <div className="field form-field form-textarea">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <textarea
        id={`${id}-${key}`}
        rows={4}
        value={draft[key]}
        maxLength={COHORT_LIMITS.description}
        onChange={(event) => set(key, event.target.value)}
      />
      <FieldError id={`${id}-${key}-error`} message={errors.fields[key]} />
    </div>
  );
  const date = (key: 'startsOn' | 'endsOn', label: string) => (
    <div className="field form-field" data-invalid={errors.fields[key] ? 'true' : undefined}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="date"
        value={draft[key]}
        aria-invalid={errors.fields[key] ? true : undefined}
        aria-describedby={errors.fields[key] ? `${id}-${key}-error` : undefined}
        onChange={(event) => set(key, event.target.value)}
        data-testid={`cohort-${key}`}
      />
      <FieldError id={`${id}-${key}-error`} message={errors.fields[key]} />
    </div>
  );

  return (
    <form className="panel-card panel-form co-form" onSubmit={onSubmit} noValidate data-testid="cohort-form">
      {errors.rest.length > 0 ? (
        <FormAlert>
          {errors.rest.map((m) => (
            <span key={m} className="co-block">
              {m}
            </span>
          ))}
        </FormAlert>
      ) : null}
      {cohort === null && isOfficer ? (
        <div className="field form-field" data-invalid={errors.fields.drivingUnitId ? 'true' : undefined}>
          <label htmlFor={`${id}-unit`}>{t('cohorts.edit.unit')}</label>
          <select
            id={`${id}-unit`}
            value={draft.drivingUnitId}
            onChange={(event) => set('drivingUnitId', event.target.value)}
            aria-invalid={errors.fields.drivingUnitId ? true : undefined}
          >
            <option value="">{t('cohorts.edit.chooseUnit')}</option>
            {(units.status === 'success' ? units.data : []).map((u) => (
              <option key={u.id} value={u.id}>
                {localName(u, lang)}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-unit-error`} message={errors.fields.drivingUnitId} />
        </div>
      ) : null}
      <div className="panel-form__grid">
        {text('nameTh', t('cohorts.edit.nameTh'), true)}
        {text('nameEn', t('cohorts.edit.nameEn'))}
        <div className="field form-field">
          <label htmlFor={`${id}-programme`}>{t('cohorts.edit.programme')}</label>
          <select
            id={`${id}-programme`}
            value={draft.programmeId}
            onChange={(event) => set('programmeId', event.target.value)}
          >
            <option value="">{t('cohorts.edit.noProgramme')}</option>
            {(programmes.status === 'success' ? programmes.data : []).map((p) => (
              <option key={p.id} value={p.id}>
                {localName(p, lang)}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-programme-error`} message={errors.fields.programmeId} />
        </div>
        <div className="field form-field" data-invalid={errors.fields.fiscalYear ? 'true' : undefined}>
          <label htmlFor={`${id}-fy`}>{t('cohorts.edit.fiscalYear')}</label>
          <input
            id={`${id}-fy`}
            type="number"
            inputMode="numeric"
            min={COHORT_LIMITS.fiscalYearMin}
            max={COHORT_LIMITS.fiscalYearMax}
            value={draft.fiscalYear}
            aria-invalid={errors.fields.fiscalYear ? true : undefined}
            onChange={(event) => set('fiscalYear', event.target.value)}
          />
          <FieldError id={`${id}-fy-error`} message={errors.fields.fiscalYear} />
        </div>
        {date('startsOn', t('cohorts.edit.startsOn'))}
        {date('endsOn', t('cohorts.edit.endsOn'))}
      </div>
      {area('descriptionTh', t('cohorts.edit.descriptionTh'))}
      {area('descriptionEn', t('cohorts.edit.descriptionEn'))}
      <fieldset className="co-fieldset">
        <legend>{t('cohorts.edit.audiences')}</legend>
        <div className="co-checks">
          {COHORT_AUDIENCES.map((a) => (
            <label key={a} className="co-check">
              <input
                type="checkbox"
                checked={draft.audiences.includes(a)}
                onChange={(event) =>
                  set(
                    'audiences',
                    event.target.checked ? [...draft.audiences, a] : draft.audiences.filter((x) => x !== a),
                  )
                }
              />
              {t(`cohorts.audience.${a}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="form-actions co-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="cohort-save">
          {cohort ? t('cohorts.edit.save') : t('cohorts.edit.create')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void navigate(cohort ? `/cohorts/${cohort.id}` : '/cohorts')}
        >
          {t('cohorts.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

function EditCohort() {
  const { t, lang } = useI18n();
  const { id } = useParams();
  const cohort = useCohort(id);
  const title = id ? t('cohorts.edit.editTitle') : t('cohorts.edit.newTitle');
  usePageTitle(title);
  return (
    <>
      <PageHeader
        title={title}
        intro={<p>{t('cohorts.edit.intro')}</p>}
        back={
          id && cohort.status === 'success'
            ? { to: `/cohorts/${id}`, label: cohortName(cohort.data, lang) }
            : { to: '/cohorts', label: t('cohorts.page.back') }
        }
      />
      <div className="container page-body co-page">
        {!id ? (
          <CohortForm cohort={null} />
        ) : cohort.status === 'error' ? (
          <ErrorState error={cohort.error} onRetry={cohort.reload} />
        ) : cohort.status !== 'success' ? (
          <LoadingState />
        ) : (
          <CohortForm cohort={cohort.data} />
        )}
      </div>
    </>
  );
}

/** `/cohorts/new` and `/cohorts/:id/edit`: a cohort's details (the unit's staff, officers). */
export default function CohortEditPage() {
  return (
    <RequireAuth>
      <EditCohort />
    </RequireAuth>
  );
}
