import type { ChangeEvent } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { SelectField, TextField } from '@web/components/ui/form';
import { useDistricts, useProvinces, useSubdistricts } from '@web/features/provinces/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import type { OrganisationFormValues } from '../form-values';

function codeOf(value: string): number | null {
  return value === '' ? null : Number(value);
}

/**
 * Address: a free line, then province → district → subdistrict selects, each listing the areas inside the one
 * above; choosing a district or subdistrict fills the postal code (which stays editable).
 */
export function AreaFields({ form }: { form: UseFormReturn<OrganisationFormValues> }) {
  const { t, lang } = useI18n();
  const {
    register,
    setValue,
    control,
    formState: { errors },
  } = form;
  const [provinceCode, districtCode, subdistrictCode] = useWatch({
    control,
    name: ['provinceCode', 'districtCode', 'subdistrictCode'],
  });
  const provinces = useProvinces();
  const districts = useDistricts(codeOf(provinceCode));
  const subdistricts = useSubdistricts(codeOf(districtCode));
  const collator = new Intl.Collator(lang);
  const byName = (a: { nameTh: string; nameEn: string }, b: { nameTh: string; nameEn: string }) =>
    collator.compare(localName(a, lang), localName(b, lang));

  const districtList = districts.status === 'success' ? districts.data : [];
  const subdistrictList = subdistricts.status === 'success' ? subdistricts.data : [];
  const dirty = { shouldDirty: true };

  const province = register('provinceCode', {
    onChange: () => {
      setValue('districtCode', '', dirty);
      setValue('subdistrictCode', '', dirty);
      setValue('postalCode', '', dirty);
    },
  });
  const district = register('districtCode', {
    onChange: (event: ChangeEvent<HTMLSelectElement>) => {
      setValue('subdistrictCode', '', dirty);
      const chosen = districtList.find((d) => String(d.code) === event.target.value);
      setValue('postalCode', chosen?.postalCode ?? '', dirty);
    },
  });
  const subdistrict = register('subdistrictCode', {
    onChange: (event: ChangeEvent<HTMLSelectElement>) => {
      const chosen = subdistrictList.find((s) => String(s.code) === event.target.value);
      const inDistrict = districtList.find((d) => String(d.code) === districtCode);
      const postal = chosen?.postalCode ?? inDistrict?.postalCode;
      if (postal) {
        setValue('postalCode', postal, dirty);
      }
    },
  });

  return (
    <>
      <TextField
        label={t('orgs.fields.addressLine')}
        hint={t('orgs.fields.addressLineHint')}
        autoComplete="street-address"
        error={errors.addressLine?.message}
        registration={register('addressLine')}
      />
      <div className="panel-form__grid">
        <SelectField
          label={t('orgs.fields.province')}
          error={errors.provinceCode?.message}
          registration={province}
          value={provinceCode}
          disabled={provinces.status !== 'success'}
          data-testid="org-province"
        >
          <option value="">
            {provinces.status === 'success' ? t('orgs.fields.chooseProvince') : t('common.loading')}
          </option>
          {provinces.status === 'success'
            ? [...provinces.data].sort(byName).map((p) => (
                <option key={p.code} value={String(p.code)}>
                  {localName(p, lang)}
                </option>
              ))
            : null}
        </SelectField>
        <SelectField
          label={t('orgs.fields.district')}
          error={errors.districtCode?.message}
          registration={district}
          value={districtCode}
          disabled={provinceCode === '' || districts.status !== 'success'}
          data-testid="org-district"
        >
          <option value="">
            {provinceCode === ''
              ? t('orgs.fields.chooseProvinceFirst')
              : districts.status === 'success'
                ? t('orgs.fields.chooseDistrict')
                : t('common.loading')}
          </option>
          {[...districtList].sort(byName).map((d) => (
            <option key={d.code} value={String(d.code)}>
              {localName(d, lang)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('orgs.fields.subdistrict')}
          error={errors.subdistrictCode?.message}
          registration={subdistrict}
          value={subdistrictCode}
          disabled={districtCode === '' || subdistricts.status !== 'success'}
          data-testid="org-subdistrict"
        >
          <option value="">
            {districtCode === ''
              ? t('orgs.fields.chooseDistrictFirst')
              : subdistricts.status === 'success'
                ? t('orgs.fields.chooseSubdistrict')
                : t('common.loading')}
          </option>
          {[...subdistrictList].sort(byName).map((s) => (
            <option key={s.code} value={String(s.code)}>
              {localName(s, lang)}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('orgs.fields.postalCode')}
          hint={t('orgs.fields.postalCodeHint')}
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={5}
          error={errors.postalCode?.message}
          registration={register('postalCode')}
          data-testid="org-postal-code"
        />
      </div>
    </>
  );
}
