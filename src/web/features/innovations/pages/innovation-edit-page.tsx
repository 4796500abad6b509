import { useEffect, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { Link, useNavigate, useParams } from 'react-router';
import {
  CreateInnovationBodySchema,
  UpdateInnovationBodySchema,
  type InnovationDetail,
} from '@shared/contracts/innovations';
import type { OrganisationRef } from '@shared/contracts/proposals';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES, type ThemeCode } from '@shared/reference/themes';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { BahtField, Field } from '@web/components/ui/fields';
import { FieldError, FormAlert, FormSuccess } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { hasRole } from '@web/features/accounts/api';
import { useAuth } from '@web/features/accounts/auth';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useDistricts, useProvinces, useSubdistricts } from '@web/features/provinces/api';
import { apiGet, fieldIssues, toApiError, withQuery } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { apiErrorText, issueMessage } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { innovationApi, useInnovation, useInnovationChoices } from '../api';
import { CurationPanel } from '../components/curation-panel';
import { DiffusionPanel } from '../components/diffusion-panel';
import { MediaPanel } from '../components/media-panel';
import '@web/components/ui/form.css';
import '../innovations.css';

const TEXT_PAIRS = ['title', 'summary', 'problem', 'solution', 'howItWorks', 'targetUsers'] as const;
type TextKey = `${(typeof TEXT_PAIRS)[number]}${'Th' | 'En'}`;

interface Values extends Record<TextKey, string> {
  themes: ThemeCode[];
  sdgs: string[];
  programmeId: string;
  drivingUnitId: string;
  originProvinceCode: string;
  originDistrictCode: string;
  originSubdistrictCode: string;
  originVillageName: string;
  adoptionCost: string;
  adoptionRequirementsTh: string;
  adoptionRequirementsEn: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  srl: string;
  owners: Array<{ id: string; nameTh: string; nameEn: string }>;
}

function valuesOf(i: InnovationDetail | null): Values {
  return {
    titleTh: i?.titleTh ?? '',
    titleEn: i?.titleEn ?? '',
    summaryTh: i?.summaryTh ?? '',
    summaryEn: i?.summaryEn ?? '',
    problemTh: i?.problemTh ?? '',
    problemEn: i?.problemEn ?? '',
    solutionTh: i?.solutionTh ?? '',
    solutionEn: i?.solutionEn ?? '',
    howItWorksTh: i?.howItWorksTh ?? '',
    howItWorksEn: i?.howItWorksEn ?? '',
    targetUsersTh: i?.targetUsersTh ?? '',
    targetUsersEn: i?.targetUsersEn ?? '',
    themes: i ? [...i.themes] : [],
    sdgs: i ? i.sdgs.map(String) : [],
    programmeId: i?.programme?.id ?? '',
    drivingUnitId: i?.drivingUnit?.id ?? '',
    originProvinceCode: i?.origin.province ? String(i.origin.province.code) : '',
    originDistrictCode: i?.origin.district ? String(i.origin.district.code) : '',
    originSubdistrictCode: i?.origin.subdistrict ? String(i.origin.subdistrict.code) : '',
    originVillageName: i?.origin.villageName ?? '',
    adoptionCost:
      i?.adoptionCostSatang !== null && i?.adoptionCostSatang !== undefined
        ? String(i.adoptionCostSatang / 100)
        : '',
    adoptionRequirementsTh: i?.adoptionRequirementsTh ?? '',
    adoptionRequirementsEn: i?.adoptionRequirementsEn ?? '',
    contactName: i?.contactName ?? '',
    contactEmail: i?.contactEmail ?? '',
    contactPhone: i?.contactPhone ?? '',
    srl: i?.srl !== null && i?.srl !== undefined ? String(i.srl) : '',
    owners: i ? i.owners.map((o) => ({ ...o })) : [],
  };
}

const numberOrNull = (text: string) => (text ? Number(text) : null);

/** The request body the form's values make (the cost in baht becomes satang; a mistyped amount stays as NaN). */
function bodyOf(v: Values, isCurator: boolean) {
  const satang = parseBahtInput(v.adoptionCost);
  const texts = Object.fromEntries(
    TEXT_PAIRS.flatMap((k) => [`${k}Th`, `${k}En`]).map((k) => [k, v[k as TextKey]]),
  ) as Record<TextKey, string>;
  return {
    ...texts,
    themes: v.themes,
    sdgs: v.sdgs.map(Number).sort((a, b) => a - b),
    ...(isCurator ? { programmeId: v.programmeId || null, drivingUnitId: v.drivingUnitId || null } : {}),
    originProvinceCode: numberOrNull(v.originProvinceCode),
    originDistrictCode: numberOrNull(v.originDistrictCode),
    originSubdistrictCode: numberOrNull(v.originSubdistrictCode),
    originVillageName: v.originVillageName,
    adoptionCostSatang: satang === undefined ? null : satang === null ? Number.NaN : satang,
    adoptionRequirementsTh: v.adoptionRequirementsTh,
    adoptionRequirementsEn: v.adoptionRequirementsEn,
    contactName: v.contactName,
    contactEmail: v.contactEmail.trim(),
    contactPhone: v.contactPhone.trim(),
    ...(isCurator ? { ownerOrganisationIds: v.owners.map((o) => o.id) } : {}),
  };
}

/** The form field a body path names (`adoptionCostSatang` → `adoptionCost`, `ownerOrganisationIds.0` → `owners`). */
function fieldOf(path: string): keyof Values | null {
  const name = path.replace(/^body\./, '').split('.')[0] ?? '';
  if (name === 'adoptionCostSatang') {
    return 'adoptionCost';
  }
  if (name === 'ownerOrganisationIds') {
    return 'owners';
  }
  return name in valuesOf(null) ? (name as keyof Values) : null;
}

/** A resolver checking the body the values make against the shared contract, messages in the UI language. */
function useContractResolver(isCurator: boolean, creating: boolean): Resolver<Values> {
  const { t } = useI18n();
  return (values) => {
    const body = bodyOf(values, isCurator);
    const parsed = creating
      ? CreateInnovationBodySchema.safeParse({ ...body, srl: numberOrNull(values.srl) })
      : UpdateInnovationBodySchema.safeParse({ ...body, version: 1 });
    if (parsed.success) {
      return { values, errors: {} };
    }
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const name = fieldOf(issue.path.join('.'));
      if (name && !errors[name]) {
        errors[name] = { type: issue.code, message: issueMessage(issue, t) };
      }
    }
    return { values: {}, errors };
  };
}

/** Organisations found by name, to add as owners (officers). */
function OwnerPicker({
  owners,
  onChange,
  error,
}: {
  owners: Values['owners'];
  onChange: (owners: Values['owners']) => void;
  error: string | undefined;
}) {
  const { t, lang } = useI18n();
  const [q, setQ] = useState('');
  const [result, setResult] = useState<{ q: string; found: OrganisationRef[] }>({ q: '', found: [] });
  const text = q.trim();
  const found = text.length >= 2 && result.q === text ? result.found : [];
  useEffect(() => {
    if (text.length < 2) {
      return undefined;
    }
    const controller = new AbortController();
    const timer = window.setTimeout(() => {
      apiGet<OrganisationRef[]>(withQuery('/api/organisations/lookup', { q: text.slice(0, 100) }), {
        signal: controller.signal,
      }).then(
        (rows) => setResult({ q: text, found: rows }),
        () => setResult({ q: text, found: [] }),
      );
    }, 300);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [text]);
  return (
    <div className="in-form__owners">
      {owners.length > 0 ? (
        <ul className="in-owners">
          {owners.map((o) => (
            <li key={o.id} className="in-owner">
              {localName(o, lang)}
              <button
                type="button"
                aria-label={t('innovations.editor.removeOwner', { name: localName(o, lang) })}
                onClick={() => onChange(owners.filter((x) => x.id !== o.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <Field
        label={t('innovations.editor.ownerSearch')}
        hint={t('innovations.editor.ownersHint')}
        error={error}
      >
        {(tie) => (
          <input
            {...tie}
            type="search"
            value={q}
            maxLength={100}
            autoComplete="off"
            onChange={(e) => setQ(e.target.value)}
            data-testid="innovation-owner-search"
          />
        )}
      </Field>
      {found.length > 0 ? (
        <ul className="in-lookup">
          {found
            .filter((f) => !owners.some((o) => o.id === f.id))
            .map((f) => (
              <li key={f.id}>
                <button
                  type="button"
                  onClick={() => {
                    onChange([...owners, { id: f.id, nameTh: f.nameTh, nameEn: f.nameEn ?? '' }]);
                    setQ('');
                  }}
                >
                  {t('innovations.editor.addOwner')}:{' '}
                  {localName({ nameTh: f.nameTh, nameEn: f.nameEn ?? '' }, lang)}
                </button>
              </li>
            ))}
        </ul>
      ) : null}
    </div>
  );
}

function InnovationForm({
  innovation,
  onSaved,
}: {
  innovation: InnovationDetail | null;
  onSaved: () => void;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { me } = useAuth();
  const isCurator = hasRole(me, 'programme_officer') || hasRole(me, 'administrator');
  const choices = useInnovationChoices(isCurator);
  const provinces = useProvinces();
  const [problem, setProblem] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const resolver = useContractResolver(isCurator, innovation === null);
  const {
    register,
    handleSubmit,
    setError,
    setValue,
    control,
    formState: { errors, isSubmitting },
  } = useForm<Values>({ resolver, defaultValues: valuesOf(innovation) });
  const values = useWatch({ control }) as Values;
  const districts = useDistricts(values.originProvinceCode ? Number(values.originProvinceCode) : null);
  const subdistricts = useSubdistricts(values.originDistrictCode ? Number(values.originDistrictCode) : null);

  const onSubmit = handleSubmit(
    async (v) => {
      setProblem(null);
      setSaved(false);
      const body = bodyOf(v, isCurator);
      try {
        if (innovation) {
          await innovationApi.update(innovation.id, { ...body, version: innovation.version });
          setSaved(true);
          onSaved();
        } else {
          const created = await innovationApi.create({ ...body, srl: numberOrNull(v.srl) });
          void navigate(`/innovations/${created.id}/edit`);
        }
      } catch (caught) {
        const error = toApiError(caught);
        let shown = 0;
        for (const issue of fieldIssues(error)) {
          const name = fieldOf(issue.field);
          if (name) {
            setError(name, { type: 'server', message: issue.message });
            shown += 1;
          }
        }
        const stale = error.code === 'CONFLICT' && shown === 0;
        setProblem(stale ? t('innovations.editor.stale') : apiErrorText(error, t));
        if (stale) {
          onSaved();
        }
      }
    },
    () => setProblem(t('innovations.editor.fixErrors')),
  );

  const text = (
    name: TextKey | 'adoptionRequirementsTh' | 'adoptionRequirementsEn',
    rows = 0,
    max = 8000,
  ) => (
    <Field label={t(`innovations.editor.${name}`)} error={errors[name]?.message}>
      {(tie) =>
        rows > 0 ? (
          <textarea
            {...tie}
            {...register(name)}
            rows={rows}
            maxLength={max}
            lang={name.endsWith('En') ? 'en' : undefined}
          />
        ) : (
          <input
            {...tie}
            {...register(name)}
            maxLength={max}
            lang={name.endsWith('En') ? 'en' : undefined}
            data-testid={`innovation-${name}`}
          />
        )
      }
    </Field>
  );

  /** Selects are controlled: their options load after the form, so the DOM cannot hold the value until then. */
  const pick = (
    name:
      'programmeId' | 'drivingUnitId' | 'originProvinceCode' | 'originDistrictCode' | 'originSubdistrictCode',
    value: string,
  ) => setValue(name, value, { shouldDirty: true });
  const toggleTheme = (item: ThemeCode, on: boolean) =>
    setValue('themes', on ? [...values.themes, item] : values.themes.filter((x) => x !== item), {
      shouldDirty: true,
    });
  const toggleSdg = (item: string, on: boolean) =>
    setValue('sdgs', on ? [...values.sdgs, item] : values.sdgs.filter((x) => x !== item), {
      shouldDirty: true,
    });

  return (
    <form className="in-form" onSubmit={(e) => void onSubmit(e)} noValidate data-testid="innovation-form">
      <fieldset>
        <legend>{t('innovations.editor.content')}</legend>
        <div className="in-pairs">
          {text('titleTh', 0, 300)}
          {text('titleEn', 0, 300)}
          {text('summaryTh', 4, 2000)}
          {text('summaryEn', 4, 2000)}
          {text('problemTh', 4)}
          {text('problemEn', 4)}
          {text('solutionTh', 4)}
          {text('solutionEn', 4)}
          {text('howItWorksTh', 4)}
          {text('howItWorksEn', 4)}
          {text('targetUsersTh', 2, 1000)}
          {text('targetUsersEn', 2, 1000)}
        </div>
      </fieldset>

      <fieldset>
        <legend>{t('innovations.editor.classification')}</legend>
        <fieldset className="in-checks" aria-describedby={errors.themes ? 'in-themes-error' : undefined}>
          <legend>{t('innovations.editor.themes')}</legend>
          {THEMES.map((theme) => (
            <label key={theme.code} className="in-check">
              <input
                type="checkbox"
                checked={values.themes.includes(theme.code)}
                onChange={(e) => toggleTheme(theme.code, e.target.checked)}
              />
              {localName(theme, lang)}
            </label>
          ))}
        </fieldset>
        <FieldError id="in-themes-error" message={errors.themes?.message} />
        <fieldset className="in-checks">
          <legend>{t('innovations.editor.sdgs')}</legend>
          {SDGS.map((sdg) => (
            <label key={sdg.number} className="in-check" title={localName(sdg, lang)}>
              <input
                type="checkbox"
                checked={values.sdgs.includes(String(sdg.number))}
                onChange={(e) => toggleSdg(String(sdg.number), e.target.checked)}
              />
              {sdg.number}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>{t('innovations.editor.where')}</legend>
        <div className="in-grid">
          {isCurator ? (
            <>
              <Field label={t('innovations.editor.programme')} error={errors.programmeId?.message}>
                {(tie) => (
                  <select
                    {...tie}
                    value={values.programmeId}
                    onChange={(e) => pick('programmeId', e.target.value)}
                  >
                    <option value="">{t('innovations.editor.none')}</option>
                    {(choices.status === 'success' ? choices.data.programmes : []).map((p) => (
                      <option key={p.id} value={p.id}>
                        {localName(p, lang)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('innovations.editor.drivingUnit')} error={errors.drivingUnitId?.message}>
                {(tie) => (
                  <select
                    {...tie}
                    value={values.drivingUnitId}
                    onChange={(e) => pick('drivingUnitId', e.target.value)}
                  >
                    <option value="">{t('innovations.editor.none')}</option>
                    {(choices.status === 'success' ? choices.data.drivingUnits : []).map((u) => (
                      <option key={u.id} value={u.id}>
                        {localName(u, lang)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </>
          ) : null}
          <Field label={t('innovations.editor.province')} error={errors.originProvinceCode?.message}>
            {(tie) => (
              <select
                {...tie}
                value={values.originProvinceCode}
                onChange={(e) => {
                  pick('originProvinceCode', e.target.value);
                  pick('originDistrictCode', '');
                  pick('originSubdistrictCode', '');
                }}
                data-testid="innovation-province"
              >
                <option value="">{t('innovations.editor.none')}</option>
                {(provinces.status === 'success' ? provinces.data : []).map((p) => (
                  <option key={p.code} value={p.code}>
                    {localName(p, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('innovations.editor.district')} error={errors.originDistrictCode?.message}>
            {(tie) => (
              <select
                {...tie}
                value={values.originDistrictCode}
                onChange={(e) => {
                  pick('originDistrictCode', e.target.value);
                  pick('originSubdistrictCode', '');
                }}
                disabled={!values.originProvinceCode}
              >
                <option value="">{t('innovations.editor.none')}</option>
                {(districts.status === 'success' ? districts.data : []).map((d) => (
                  <option key={d.code} value={d.code}>
                    {localName(d, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('innovations.editor.subdistrict')} error={errors.originSubdistrictCode?.message}>
            {(tie) => (
              <select
                {...tie}
                value={values.originSubdistrictCode}
                onChange={(e) => pick('originSubdistrictCode', e.target.value)}
                disabled={!values.originDistrictCode}
              >
                <option value="">{t('innovations.editor.none')}</option>
                {(subdistricts.status === 'success' ? subdistricts.data : []).map((s) => (
                  <option key={s.code} value={s.code}>
                    {localName(s, lang)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('innovations.editor.villageName')} error={errors.originVillageName?.message}>
            {(tie) => <input {...tie} {...register('originVillageName')} maxLength={200} />}
          </Field>
          {isCurator && innovation === null ? (
            <Field label={t('innovations.editor.srl')} error={errors.srl?.message}>
              {(tie) => (
                <select {...tie} {...register('srl')}>
                  <option value="">{t('innovations.editor.none')}</option>
                  {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => (
                    <option key={n} value={n}>
                      SRL {n}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
        </div>
        {isCurator ? (
          <fieldset className="in-checks">
            <legend>{t('innovations.editor.owners')}</legend>
            <OwnerPicker
              owners={values.owners}
              onChange={(owners) => setValue('owners', owners, { shouldDirty: true })}
              error={errors.owners?.message}
            />
          </fieldset>
        ) : null}
      </fieldset>

      <fieldset>
        <legend>{t('innovations.editor.adopt')}</legend>
        <div className="in-pairs">
          <BahtField
            label={t('innovations.editor.adoptionCost')}
            value={values.adoptionCost}
            onChange={(v) => setValue('adoptionCost', v, { shouldDirty: true })}
            error={errors.adoptionCost?.message}
          />
          <Field label={t('innovations.editor.contactName')} error={errors.contactName?.message}>
            {(tie) => <input {...tie} {...register('contactName')} maxLength={200} />}
          </Field>
          <Field label={t('innovations.editor.contactEmail')} error={errors.contactEmail?.message}>
            {(tie) => <input {...tie} {...register('contactEmail')} type="email" maxLength={254} />}
          </Field>
          <Field label={t('innovations.editor.contactPhone')} error={errors.contactPhone?.message}>
            {(tie) => <input {...tie} {...register('contactPhone')} type="tel" maxLength={30} />}
          </Field>
          {text('adoptionRequirementsTh', 3)}
          {text('adoptionRequirementsEn', 3)}
        </div>
      </fieldset>

      {problem ? <FormAlert testId="innovation-error">{problem}</FormAlert> : null}
      {saved ? <FormSuccess>{t('innovations.editor.saved')}</FormSuccess> : null}
      <p className="in-actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={isSubmitting}
          data-testid="innovation-save"
        >
          {isSubmitting
            ? t('innovations.editor.saving')
            : innovation
              ? t('innovations.editor.save')
              : t('innovations.editor.create')}
        </button>
        <Link
          to={innovation ? `/innovations/${innovation.id}` : '/admin/innovations'}
          className="button button--secondary"
        >
          {innovation ? t('innovations.editor.view') : t('innovations.editor.cancel')}
        </Link>
      </p>
    </form>
  );
}

function Editor({ id }: { id: string | undefined }) {
  const { t } = useI18n();
  const innovation = useInnovation(id);
  const title = id ? t('innovations.editor.editTitle') : t('innovations.editor.newTitle');
  usePageTitle(title);
  const header = (
    <PageHeader
      title={title}
      back={
        id
          ? { to: `/innovations/${id}`, label: t('innovations.editor.view') }
          : { to: '/admin/innovations', label: t('innovations.admin.title') }
      }
    />
  );
  if (!id) {
    return (
      <>
        {header}
        <div className="container page-body in-page">
          <InnovationForm innovation={null} onSaved={() => undefined} />
        </div>
      </>
    );
  }
  if (innovation.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={innovation.error} onRetry={innovation.reload} />
      </div>
    );
  }
  if (innovation.status !== 'success') {
    return <LoadingState />;
  }
  const data = innovation.data;
  return (
    <>
      {header}
      <div className="container page-body in-page">
        {data.abilities.curate ? <CurationPanel innovation={data} onChanged={innovation.reload} /> : null}
        <InnovationForm key={data.version} innovation={data} onSaved={innovation.reload} />
        <MediaPanel innovation={data} onChanged={innovation.reload} />
        {data.abilities.curate ? <DiffusionPanel innovation={data} onChanged={innovation.reload} /> : null}
      </div>
    </>
  );
}

/** `/innovations/new` (officers) and `/innovations/:id/edit` (officers and the owners' editors). */
export default function InnovationEditPage() {
  const { id } = useParams();
  return (
    <RequireAuth>
      <Editor id={id} />
    </RequireAuth>
  );
}
