import { useMemo, useState, type FormEvent } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import {
  ADOPTER_TYPES,
  BENEFICIARY_GROUPS,
  isAdopterType,
  type AdopterType,
  type AdoptionDetail,
  type BeneficiaryGroup,
} from '@shared/contracts/diffusion';
import type { PartnerList } from '@shared/contracts/network';
import { parseBahtInput } from '@web/components/form-renderer/money';
import { BahtField, DateField, Field } from '@web/components/ui/fields';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useOrganisations } from '@web/features/organisations/api';
import { useDistricts, useProvinces, useSubdistricts } from '@web/features/provinces/api';
import { spreadErrors } from '@web/lib/field-errors';
import { toApiError } from '@web/lib/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useApiRaw } from '@web/lib/use-api';
import { diffusionApi, useAdoption, useInnovationDiffusion } from '../api';
import { bangkokToday } from '../components/status-dialog';
import { adopterTypeText, provinceName, titleIn } from '../labels';
import '@web/components/ui/form.css';
import '../diffusion.css';

interface Values {
  provinceCode: string;
  districtCode: string;
  subdistrictCode: string;
  villageNo: string;
  villageName: string;
  adopterOrganisationId: string;
  adopterName: string;
  adopterType: AdopterType;
  diffusionPartnerId: string;
  diffusionPartnerName: string;
  sourceAdoptionId: string;
  interestedOn: string;
  note: string;
  adaptationsTh: string;
  adaptationsEn: string;
  beneficiaries: Record<BeneficiaryGroup, string>;
  funding: string;
  localFundingSource: string;
}

const NO_GROUPS = Object.fromEntries(BENEFICIARY_GROUPS.map((g) => [g, ''])) as Record<
  BeneficiaryGroup,
  string
>;

function emptyValues(): Values {
  return {
    provinceCode: '',
    districtCode: '',
    subdistrictCode: '',
    villageNo: '',
    villageName: '',
    adopterOrganisationId: '',
    adopterName: '',
    adopterType: 'local_government',
    diffusionPartnerId: '',
    diffusionPartnerName: '',
    sourceAdoptionId: '',
    interestedOn: bangkokToday(),
    note: '',
    adaptationsTh: '',
    adaptationsEn: '',
    beneficiaries: { ...NO_GROUPS },
    funding: '',
    localFundingSource: '',
  };
}

function valuesOf(a: AdoptionDetail): Values {
  const text = (n: number | null) => (n === null ? '' : String(n));
  return {
    provinceCode: String(a.provinceCode),
    districtCode: text(a.districtCode),
    subdistrictCode: text(a.subdistrictCode),
    villageNo: text(a.village?.villageNo ?? null),
    villageName: a.village?.nameTh ?? '',
    adopterOrganisationId: a.adopterOrganisationId ?? '',
    adopterName: a.adopterName,
    adopterType: isAdopterType(a.adopterType) ? a.adopterType : 'community_group',
    diffusionPartnerId: a.diffusionPartner?.id ?? '',
    diffusionPartnerName: a.diffusionPartner && !a.diffusionPartner.id ? a.diffusionPartner.nameTh : '',
    sourceAdoptionId: a.source?.id ?? '',
    interestedOn: a.interestedOn,
    note: '',
    adaptationsTh: a.adaptationsTh,
    adaptationsEn: a.adaptationsEn,
    beneficiaries: {
      ...NO_GROUPS,
      ...Object.fromEntries(a.beneficiaries.map((b) => [b.group, String(b.count)])),
    },
    funding: a.localFundingSatang > 0 ? String(a.localFundingSatang / 100) : '',
    localFundingSource: a.localFundingSource,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const codeOf = (value: string) => (value === '' ? null : Number(value));

const FIELD_NAMES: Record<string, true> = Object.fromEntries(
  [
    'provinceCode',
    'districtCode',
    'subdistrictCode',
    'villageNo',
    'villageName',
    'adopterOrganisationId',
    'adopterName',
    'adopterType',
    'diffusionPartnerId',
    'diffusionPartnerName',
    'sourceAdoptionId',
    'interestedOn',
    'note',
    'adaptationsTh',
    'adaptationsEn',
    'beneficiaries',
    'localFundingSatang',
    'localFundingSource',
  ].map((name) => [name, true]),
);

function AdoptionForm({
  innovationId,
  needId = null,
  adoption,
  onReload,
}: {
  innovationId: string;
  /** The need the new adoption answers (`?need=` in the address). */
  needId?: string | null;
  adoption: AdoptionDetail | null;
  onReload: () => void;
}) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [values, setValues] = useState<Values>(adoption ? valuesOf(adoption) : emptyValues());
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ fields: Record<string, string>; rest: string[] }>({
    fields: {},
    rest: [],
  });
  const diffusion = useInnovationDiffusion(innovationId);
  const organisations = useOrganisations('mine');
  const partners = useApiRaw<PartnerList>('/api/partners?role=diffusion_partner&limit=100');
  const provinces = useProvinces();
  const districts = useDistricts(codeOf(values.provinceCode));
  const subdistricts = useSubdistricts(codeOf(values.districtCode));
  const collator = useMemo(() => new Intl.Collator(lang), [lang]);
  const byName = (a: { nameTh: string; nameEn: string }, b: { nameTh: string; nameEn: string }) =>
    collator.compare(localName(a, lang), localName(b, lang));
  const title = adoption ? t('diffusion.form.editTitle') : t('diffusion.form.newTitle');
  usePageTitle(title);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const innovation = diffusion.status === 'success' ? diffusion.data.innovation : null;
  const sources =
    diffusion.status === 'success'
      ? diffusion.data.adoptions.filter((a) => a.adoptedOn !== null && a.id !== adoption?.id)
      : [];
  const myOrganisations = organisations.status === 'success' ? organisations.data : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const funding = parseBahtInput(values.funding);
    if (funding === null) {
      setErrors({ fields: { localFundingSatang: t('common.moneyNotAmount') }, rest: [] });
      return;
    }
    const fields = {
      provinceCode: Number(values.provinceCode),
      districtCode: codeOf(values.districtCode),
      subdistrictCode: codeOf(values.subdistrictCode),
      villageNo: codeOf(values.villageNo),
      villageName: values.villageName,
      adopterOrganisationId: values.adopterOrganisationId || null,
      adopterName: values.adopterName,
      adopterType: values.adopterType,
      diffusionPartnerId: values.diffusionPartnerId || null,
      diffusionPartnerName: values.diffusionPartnerId ? '' : values.diffusionPartnerName,
      sourceAdoptionId: values.sourceAdoptionId || null,
      adaptationsTh: values.adaptationsTh,
      adaptationsEn: values.adaptationsEn,
      beneficiaries: BENEFICIARY_GROUPS.filter((g) => values.beneficiaries[g].trim() !== '').map((group) => ({
        group,
        count: Number(values.beneficiaries[group]),
      })),
      localFundingSatang: funding ?? 0,
      localFundingSource: values.localFundingSource,
    };
    setBusy(true);
    setErrors({ fields: {}, rest: [] });
    const send = adoption
      ? diffusionApi.update(adoption.id, { ...fields, version: adoption.version })
      : diffusionApi.create({
          ...fields,
          innovationId,
          needId,
          problemStatementId: null,
          interestedOn: values.interestedOn || null,
          note: values.note,
        });
    send.then(
      (saved) => void navigate(`/adoptions/${saved.id}`),
      (error: unknown) => {
        setBusy(false);
        const spread = spreadErrors(
          toApiError(error),
          (name) => (name.split('.')[0] ?? '') in FIELD_NAMES,
          t,
        );
        const mapped: Record<string, string> = {};
        for (const [name, message] of Object.entries(spread.fields)) {
          mapped[name.split('.')[0] ?? name] = message;
        }
        setErrors({ fields: mapped, rest: spread.stale ? [t('diffusion.stale')] : spread.rest });
        if (spread.stale) {
          onReload();
        }
      },
    );
  };

  const province = provinces.status === 'success' ? [...provinces.data].sort(byName) : [];
  const districtList = districts.status === 'success' ? [...districts.data].sort(byName) : [];
  const subdistrictList = subdistricts.status === 'success' ? [...subdistricts.data].sort(byName) : [];

  return (
    <>
      <PageHeader
        title={title}
        eyebrow={innovation ? titleIn(innovation, lang) : undefined}
        back={
          adoption
            ? { to: `/adoptions/${adoption.id}`, label: adoption.adopterName }
            : {
                to: `/innovations/${innovationId}`,
                label: innovation ? titleIn(innovation, lang) : t('diffusion.form.innovation'),
              }
        }
      />
      <div className="container page-body df-page">
        <form className="df-form df-form--page" onSubmit={submit} noValidate data-testid="adoption-form">
          {errors.rest.length > 0 ? (
            <FormAlert>
              {errors.rest.map((m) => (
                <p key={m}>{m}</p>
              ))}
            </FormAlert>
          ) : null}
          <fieldset className="df-fieldset">
            <legend>{t('diffusion.form.site')}</legend>
            <div className="df-form__grid">
              <Field label={t('diffusion.form.province')} error={errors.fields.provinceCode}>
                {(tie) => (
                  <select
                    {...tie}
                    value={values.provinceCode}
                    onChange={(e) =>
                      setValues((v) => ({
                        ...v,
                        provinceCode: e.target.value,
                        districtCode: '',
                        subdistrictCode: '',
                      }))
                    }
                    data-testid="adoption-province"
                  >
                    <option value="">{t('diffusion.form.chooseProvince')}</option>
                    {province.map((p) => (
                      <option key={p.code} value={p.code}>
                        {localName(p, lang)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('diffusion.form.district')} error={errors.fields.districtCode}>
                {(tie) => (
                  <select
                    {...tie}
                    value={values.districtCode}
                    disabled={values.provinceCode === ''}
                    onChange={(e) =>
                      setValues((v) => ({ ...v, districtCode: e.target.value, subdistrictCode: '' }))
                    }
                    data-testid="adoption-district"
                  >
                    <option value="">{t('diffusion.form.chooseDistrict')}</option>
                    {districtList.map((d) => (
                      <option key={d.code} value={d.code}>
                        {localName(d, lang)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('diffusion.form.subdistrict')} error={errors.fields.subdistrictCode}>
                {(tie) => (
                  <select
                    {...tie}
                    value={values.subdistrictCode}
                    disabled={values.districtCode === ''}
                    onChange={(e) => set('subdistrictCode', e.target.value)}
                    data-testid="adoption-subdistrict"
                  >
                    <option value="">{t('diffusion.form.chooseSubdistrict')}</option>
                    {subdistrictList.map((s) => (
                      <option key={s.code} value={s.code}>
                        {localName(s, lang)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label={t('diffusion.form.villageNo')}
                error={errors.fields.villageNo}
                hint={t('diffusion.form.villageHint')}
              >
                {(tie) => (
                  <input
                    {...tie}
                    inputMode="numeric"
                    value={values.villageNo}
                    disabled={values.subdistrictCode === '' && values.villageNo === ''}
                    onChange={(e) => set('villageNo', e.target.value.replace(/\D/g, '').slice(0, 2))}
                    data-testid="adoption-village-no"
                  />
                )}
              </Field>
              <Field label={t('diffusion.form.villageName')} error={errors.fields.villageName}>
                {(tie) => (
                  <input
                    {...tie}
                    value={values.villageName}
                    maxLength={300}
                    onChange={(e) => set('villageName', e.target.value)}
                    data-testid="adoption-village-name"
                  />
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="df-fieldset">
            <legend>{t('diffusion.form.adopter')}</legend>
            <div className="df-form__grid">
              <Field
                label={t('diffusion.form.adopterOrganisation')}
                error={errors.fields.adopterOrganisationId}
              >
                {(tie) => (
                  <select
                    {...tie}
                    value={values.adopterOrganisationId}
                    onChange={(e) => {
                      const org = myOrganisations.find((o) => o.id === e.target.value);
                      setValues((v) => ({
                        ...v,
                        adopterOrganisationId: e.target.value,
                        ...(org
                          ? {
                              adopterName: org.nameTh,
                              adopterType: isAdopterType(org.type) ? org.type : v.adopterType,
                            }
                          : {}),
                      }));
                    }}
                    data-testid="adoption-organisation"
                  >
                    <option value="">{t('diffusion.form.namedAdopter')}</option>
                    {adoption?.adopterOrganisationId &&
                    !myOrganisations.some((o) => o.id === adoption.adopterOrganisationId) ? (
                      <option value={adoption.adopterOrganisationId}>{adoption.adopterName}</option>
                    ) : null}
                    {myOrganisations.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.nameTh}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label={t('diffusion.form.adopterType')} error={errors.fields.adopterType}>
                {(tie) => (
                  <select
                    {...tie}
                    value={values.adopterType}
                    onChange={(e) => set('adopterType', e.target.value as AdopterType)}
                    data-testid="adoption-adopter-type"
                  >
                    {ADOPTER_TYPES.map((type) => (
                      <option key={type} value={type}>
                        {adopterTypeText(type, t)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field
                label={t('diffusion.form.adopterName')}
                error={errors.fields.adopterName}
                className="df-form__wide"
              >
                {(tie) => (
                  <input
                    {...tie}
                    value={values.adopterName}
                    maxLength={300}
                    onChange={(e) => set('adopterName', e.target.value)}
                    data-testid="adoption-adopter-name"
                  />
                )}
              </Field>
              <Field label={t('diffusion.form.partnerFromNetwork')} error={errors.fields.diffusionPartnerId}>
                {(tie) => (
                  <select
                    {...tie}
                    value={values.diffusionPartnerId}
                    onChange={(e) => set('diffusionPartnerId', e.target.value)}
                  >
                    <option value="">{t('diffusion.none')}</option>
                    {partners.status === 'success'
                      ? partners.data.data.map((p) => (
                          <option key={p.id} value={p.id}>
                            {lang === 'en' && p.nameEn ? p.nameEn : p.nameTh}
                          </option>
                        ))
                      : null}
                  </select>
                )}
              </Field>
              <Field label={t('diffusion.form.partnerName')} error={errors.fields.diffusionPartnerName}>
                {(tie) => (
                  <input
                    {...tie}
                    value={values.diffusionPartnerName}
                    disabled={values.diffusionPartnerId !== ''}
                    maxLength={300}
                    onChange={(e) => set('diffusionPartnerName', e.target.value)}
                  />
                )}
              </Field>
              <Field
                label={t('diffusion.form.source')}
                error={errors.fields.sourceAdoptionId}
                className="df-form__wide"
              >
                {(tie) => (
                  <select
                    {...tie}
                    value={values.sourceAdoptionId}
                    onChange={(e) => set('sourceAdoptionId', e.target.value)}
                    data-testid="adoption-source"
                  >
                    <option value="">{t('diffusion.form.sourceOrigin')}</option>
                    {sources.map((s) => (
                      <option key={s.id} value={s.id}>
                        {s.adopterName} ({provinceName(s.provinceCode, lang)})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {adoption ? null : (
                <>
                  <DateField
                    label={t('diffusion.form.interestedOn')}
                    value={values.interestedOn}
                    max={bangkokToday()}
                    onChange={(v) => set('interestedOn', v)}
                    error={errors.fields.interestedOn}
                  />
                  <Field label={t('diffusion.form.note')} error={errors.fields.note}>
                    {(tie) => (
                      <input
                        {...tie}
                        value={values.note}
                        maxLength={1000}
                        onChange={(e) => set('note', e.target.value)}
                      />
                    )}
                  </Field>
                </>
              )}
            </div>
          </fieldset>

          <fieldset className="df-fieldset">
            <legend>{t('diffusion.adoption.adaptations')}</legend>
            <div className="df-form__grid">
              <Field
                label={t('diffusion.form.adaptationsTh')}
                error={errors.fields.adaptationsTh}
                className="df-form__wide"
              >
                {(tie) => (
                  <textarea
                    {...tie}
                    rows={4}
                    maxLength={4000}
                    value={values.adaptationsTh}
                    onChange={(e) => set('adaptationsTh', e.target.value)}
                  />
                )}
              </Field>
              <Field
                label={t('diffusion.form.adaptationsEn')}
                error={errors.fields.adaptationsEn}
                className="df-form__wide"
              >
                {(tie) => (
                  <textarea
                    {...tie}
                    lang="en"
                    rows={3}
                    maxLength={4000}
                    value={values.adaptationsEn}
                    onChange={(e) => set('adaptationsEn', e.target.value)}
                  />
                )}
              </Field>
            </div>
          </fieldset>

          <fieldset className="df-fieldset">
            <legend>{t('diffusion.form.beneficiaries')}</legend>
            {errors.fields.beneficiaries ? (
              <p className="field__error">{errors.fields.beneficiaries}</p>
            ) : null}
            <div className="df-form__groups">
              {BENEFICIARY_GROUPS.map((group) => (
                <Field key={group} label={t(`diffusion.beneficiaryGroup.${group}`)}>
                  {(tie) => (
                    <input
                      {...tie}
                      inputMode="numeric"
                      value={values.beneficiaries[group]}
                      placeholder="0"
                      onChange={(e) =>
                        set('beneficiaries', {
                          ...values.beneficiaries,
                          [group]: e.target.value.replace(/\D/g, '').slice(0, 8),
                        })
                      }
                      data-testid={`adoption-group-${group}`}
                    />
                  )}
                </Field>
              ))}
            </div>
          </fieldset>

          <fieldset className="df-fieldset">
            <legend>{t('diffusion.adoption.funding')}</legend>
            <div className="df-form__grid">
              <BahtField
                label={t('diffusion.form.funding')}
                value={values.funding}
                onChange={(v) => set('funding', v)}
                error={errors.fields.localFundingSatang}
              />
              <Field label={t('diffusion.form.fundingSource')} error={errors.fields.localFundingSource}>
                {(tie) => (
                  <input
                    {...tie}
                    value={values.localFundingSource}
                    maxLength={300}
                    onChange={(e) => set('localFundingSource', e.target.value)}
                  />
                )}
              </Field>
            </div>
          </fieldset>

          <p className="df-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="adoption-save"
            >
              {busy ? t('diffusion.saving') : adoption ? t('diffusion.save') : t('diffusion.form.create')}
            </button>
          </p>
        </form>
      </div>
    </>
  );
}

function EditAdoption({ id }: { id: string }) {
  const adoption = useAdoption(id);
  if (adoption.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={adoption.error} onRetry={adoption.reload} />
      </div>
    );
  }
  if (adoption.status !== 'success') {
    return <LoadingState />;
  }
  return (
    <AdoptionForm
      key={adoption.data.version}
      innovationId={adoption.data.innovation.id}
      adoption={adoption.data}
      onReload={adoption.reload}
    />
  );
}

/** `/adoptions/new?innovation=…` and `/adoptions/:id/edit`: record or edit an adoption. */
export default function AdoptionEditPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const innovationId = params.get('innovation');
  return (
    <RequireAuth>
      {id ? (
        <EditAdoption id={id} />
      ) : innovationId ? (
        <AdoptionForm
          innovationId={innovationId}
          needId={UUID.test(params.get('need') ?? '') ? params.get('need') : null}
          adoption={null}
          onReload={() => undefined}
        />
      ) : (
        <div className="container page-body">
          <EmptyState>{t('diffusion.form.noInnovation')}</EmptyState>
        </div>
      )}
    </RequireAuth>
  );
}
