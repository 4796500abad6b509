import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import {
  ACTIVITY_AUDIENCES,
  ACTIVITY_KINDS,
  type ActivityAudience,
  type ActivityDetail,
  type ActivityKind,
  type CreateActivityBody,
} from '@shared/contracts/activities';
import type { District } from '@shared/contracts/geo';
import {
  CheckboxField,
  FormAlert,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
} from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { BangkokDateTimeField } from '@web/features/call-admin/components/bangkok-date-time-field';
import {
  bangkokToIso,
  EMPTY_BANGKOK_DATE_TIME,
  isBlankDateTime,
  isoToBangkok,
  type BangkokDateTime,
} from '@web/features/call-admin/bangkok-time';
import { useDrivingUnits } from '@web/features/projects/api';
import { useProvinces } from '@web/features/provinces/api';
import { toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { serverFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useApi } from '@web/lib/use-api';
import { activitiesApi, useActivity, useFacilitatorOptions } from '../api';
import '@web/components/ui/form.css';
import '@web/features/call-admin/call-admin.css';
import '../activities.css';

interface Values {
  drivingUnitId: string;
  kind: ActivityKind;
  titleTh: string;
  titleEn: string;
  descriptionTh: string;
  descriptionEn: string;
  startsAt: BangkokDateTime;
  endsAt: BangkokDateTime;
  registrationClosesAt: BangkokDateTime;
  provinceCode: string;
  districtCode: string;
  venue: string;
  onlineUrl: string;
  capacity: string;
  hours: string;
  givesCertificate: boolean;
  audiences: ActivityAudience[];
  facilitators: string[];
}

const FIELDS = [
  'drivingUnitId',
  'kind',
  'titleTh',
  'titleEn',
  'descriptionTh',
  'descriptionEn',
  'startsAt',
  'endsAt',
  'registrationClosesAt',
  'provinceCode',
  'districtCode',
  'venue',
  'onlineUrl',
  'capacity',
  'hours',
  'audiences',
  'facilitators',
] as const;

function initialValues(activity: ActivityDetail | null, unitId: string): Values {
  return {
    drivingUnitId: activity?.drivingUnitId ?? unitId,
    kind: activity?.kind ?? 'training_workshop',
    titleTh: activity?.titleTh ?? '',
    titleEn: activity?.titleEn ?? '',
    descriptionTh: activity?.descriptionTh ?? '',
    descriptionEn: activity?.descriptionEn ?? '',
    startsAt: activity ? isoToBangkok(activity.startsAt) : EMPTY_BANGKOK_DATE_TIME,
    endsAt: activity ? isoToBangkok(activity.endsAt) : EMPTY_BANGKOK_DATE_TIME,
    registrationClosesAt: isoToBangkok(activity?.registrationClosesAt ?? null),
    provinceCode: activity?.provinceCode ? String(activity.provinceCode) : '',
    districtCode: activity?.districtCode ? String(activity.districtCode) : '',
    venue: activity?.venue ?? '',
    onlineUrl: activity?.onlineUrl ?? '',
    capacity: String(activity?.capacity ?? 30),
    hours: String(activity?.hours ?? 6),
    givesCertificate: activity?.givesCertificate ?? true,
    audiences: activity?.audiences ?? [],
    facilitators: activity?.facilitators.map((f) => f.personId) ?? [],
  };
}

function Editor({ activity }: { activity: ActivityDetail | null }) {
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const isOfficer = hasRole(me, 'administrator') || hasRole(me, 'programme_officer');
  const units = useDrivingUnits();
  const provinces = useProvinces();
  const { register, handleSubmit, control, formState } = useForm<Values>({
    defaultValues: initialValues(activity, me?.drivingUnitId ?? ''),
  });
  const values = useWatch({ control }) as Values;
  const districts = useApi<District[]>(
    values.provinceCode ? `/api/geo/provinces/${values.provinceCode}/districts` : null,
  );
  const options = useFacilitatorOptions(values.drivingUnitId || null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);

  const submit = handleSubmit(async (v) => {
    setFieldErrors({});
    setProblem(null);
    const when = (d: BangkokDateTime) => bangkokToIso(d) ?? '';
    const body: CreateActivityBody = {
      kind: v.kind,
      titleTh: v.titleTh,
      titleEn: v.titleEn,
      descriptionTh: v.descriptionTh,
      descriptionEn: v.descriptionEn,
      startsAt: when(v.startsAt),
      endsAt: when(v.endsAt),
      registrationClosesAt: isBlankDateTime(v.registrationClosesAt) ? null : when(v.registrationClosesAt),
      provinceCode: v.provinceCode ? Number(v.provinceCode) : null,
      districtCode: v.districtCode ? Number(v.districtCode) : null,
      venue: v.venue,
      onlineUrl: v.onlineUrl.trim() ? v.onlineUrl.trim() : null,
      capacity: Number(v.capacity),
      hours: Number(v.hours || 0),
      givesCertificate: v.givesCertificate,
      audiences: v.audiences,
      cohortId: activity?.cohortId ?? null,
      facilitators: v.facilitators.map((personId) => ({
        personId,
        role: activity?.facilitators.find((f) => f.personId === personId)?.role ?? 'facilitator',
      })),
    };
    try {
      const saved = activity
        ? await activitiesApi.update(activity.id, { ...body, version: activity.version })
        : await activitiesApi.create({ ...body, ...(isOfficer ? { drivingUnitId: v.drivingUnitId } : {}) });
      void navigate(`/admin/activities/${saved.id}`);
    } catch (error) {
      const apiError = toApiError(error);
      const errors = serverFormErrors(apiError, FIELDS, t);
      setFieldErrors(errors.fields);
      setProblem(errors.form ?? (Object.keys(errors.fields).length > 0 ? null : apiError.message));
    }
  });

  const dateFields = (name: 'startsAt' | 'endsAt' | 'registrationClosesAt') => ({
    day: register(`${name}.day`),
    month: register(`${name}.month`),
    yearBe: register(`${name}.yearBe`),
    time: register(`${name}.time`),
  });

  return (
    <form className="ac-form" onSubmit={(e) => void submit(e)} noValidate data-testid="activity-form">
      {problem ? <FormAlert testId="form-error">{problem}</FormAlert> : null}
      <div className="ac-form__row">
        {isOfficer && !activity ? (
          <SelectField
            label={t('activities.ui.unit')}
            registration={register('drivingUnitId')}
            error={fieldErrors.drivingUnitId}
          >
            <option value="">—</option>
            {units.status === 'success'
              ? units.data.map((u) => (
                  <option key={u.id} value={u.id}>
                    {localName(u, lang)}
                  </option>
                ))
              : null}
          </SelectField>
        ) : null}
        <SelectField label={t('activities.ui.kind')} registration={register('kind')} error={fieldErrors.kind}>
          {ACTIVITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`activities.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField
        label={t('activities.ui.titleTh')}
        registration={register('titleTh')}
        error={fieldErrors.titleTh}
        required
        maxLength={300}
      />
      <TextField
        label={t('activities.ui.titleEn')}
        registration={register('titleEn')}
        error={fieldErrors.titleEn}
        maxLength={300}
      />
      <TextAreaField
        label={t('activities.ui.descriptionTh')}
        registration={register('descriptionTh')}
        error={fieldErrors.descriptionTh}
        rows={4}
      />
      <TextAreaField
        label={t('activities.ui.descriptionEn')}
        registration={register('descriptionEn')}
        error={fieldErrors.descriptionEn}
        rows={3}
      />
      <BangkokDateTimeField
        legend={t('activities.ui.startsAt')}
        value={values.startsAt}
        error={fieldErrors.startsAt}
        fields={dateFields('startsAt')}
        testId="starts-at"
      />
      <BangkokDateTimeField
        legend={t('activities.ui.endsAt')}
        value={values.endsAt}
        error={fieldErrors.endsAt}
        fields={dateFields('endsAt')}
        testId="ends-at"
      />
      <BangkokDateTimeField
        legend={t('activities.ui.registrationClosesAt')}
        value={values.registrationClosesAt}
        error={fieldErrors.registrationClosesAt}
        fields={dateFields('registrationClosesAt')}
        testId="registration-closes-at"
      />
      <div className="ac-form__row">
        <SelectField
          label={t('activities.ui.province')}
          registration={register('provinceCode')}
          error={fieldErrors.provinceCode}
        >
          <option value="">—</option>
          {provinces.status === 'success'
            ? provinces.data.map((p) => (
                <option key={p.code} value={p.code}>
                  {localName(p, lang)}
                </option>
              ))
            : null}
        </SelectField>
        <SelectField
          label={t('activities.ui.district')}
          registration={register('districtCode')}
          error={fieldErrors.districtCode}
        >
          <option value="">—</option>
          {districts.status === 'success'
            ? districts.data.map((d) => (
                <option key={d.code} value={d.code}>
                  {localName(d, lang)}
                </option>
              ))
            : null}
        </SelectField>
      </div>
      <TextField
        label={t('activities.ui.venue')}
        registration={register('venue')}
        error={fieldErrors.venue}
        maxLength={500}
      />
      <TextField
        label={t('activities.ui.onlineUrl')}
        registration={register('onlineUrl')}
        error={fieldErrors.onlineUrl}
        type="url"
        placeholder="https://"
      />
      <div className="ac-form__row">
        <TextField
          label={t('activities.ui.capacity')}
          registration={register('capacity')}
          error={fieldErrors.capacity}
          type="number"
          min={1}
          max={5000}
          inputMode="numeric"
        />
        <TextField
          label={t('activities.ui.hours')}
          registration={register('hours')}
          error={fieldErrors.hours}
          type="number"
          min={0}
          max={500}
          step={0.25}
        />
      </div>
      <CheckboxField
        label={t('activities.ui.givesCertificate')}
        registration={register('givesCertificate')}
      />
      <fieldset className="ac-checks">
        <legend>{t('activities.ui.audiences')}</legend>
        {ACTIVITY_AUDIENCES.map((a) => (
          <label key={a}>
            <input type="checkbox" value={a} {...register('audiences')} />
            {t(`activities.audiences.${a}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="ac-checks">
        <legend>{t('activities.ui.facilitators')}</legend>
        <p className="field__hint">{t('activities.ui.facilitatorsHint')}</p>
        {options.status === 'success' && options.data.length === 0 ? (
          <p>{t('activities.ui.noFacilitatorOptions')}</p>
        ) : null}
        {options.status === 'success'
          ? options.data.map((o) => (
              <label key={o.personId}>
                <input type="checkbox" value={o.personId} {...register('facilitators')} />
                {lang === 'en' && o.nameEn ? o.nameEn : o.nameTh}
              </label>
            ))
          : null}
        {fieldErrors.facilitators ? <p className="field__error">{fieldErrors.facilitators}</p> : null}
      </fieldset>
      <div className="ac-actions">
        <SubmitButton busy={formState.isSubmitting} busyLabel={t('activities.ui.save')}>
          {t('activities.ui.save')}
        </SubmitButton>
        <Link to={activity ? `/admin/activities/${activity.id}` : '/admin/activities'}>
          {t('activities.ui.close')}
        </Link>
      </div>
    </form>
  );
}

function EditExisting({ id }: { id: string }) {
  const result = useActivity(id);
  if (result.status === 'error') {
    return <ErrorState error={result.error} onRetry={result.reload} />;
  }
  if (result.status !== 'success') {
    return <LoadingState />;
  }
  return <Editor activity={result.data} />;
}

/** Unit staff and officers create a draft activity or change one (the whole form again, with its version). */
export default function ActivityEditorPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const title = id ? t('activities.ui.editorEdit') : t('activities.ui.editorNew');
  usePageTitle(title);
  return (
    <RequireAuth>
      <PageHeader
        title={title}
        back={{
          to: id ? `/admin/activities/${id}` : '/admin/activities',
          label: t('activities.ui.manageTitle'),
        }}
      />
      <div className="container page-body">{id ? <EditExisting id={id} /> : <Editor activity={null} />}</div>
    </RequireAuth>
  );
}
