import { useId } from 'react';
import { FieldError, describedBy } from '@web/components/ui/form';
import { useDistricts, useProvinces, useSubdistricts } from '@web/features/provinces/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** A site as a form holds it: select values and text, '' when not chosen. */
export interface SiteValues {
  provinceCode: string;
  districtCode: string;
  subdistrictCode: string;
  villageNo: string;
  villageName: string;
}

export const EMPTY_SITE: SiteValues = {
  provinceCode: '',
  districtCode: '',
  subdistrictCode: '',
  villageNo: '',
  villageName: '',
};

const codeOf = (value: string): number | null => (value === '' ? null : Number(value));

/** The site's values as a request body has them: numbers or null. */
export function siteBody(site: SiteValues) {
  return {
    provinceCode: Number(site.provinceCode) || 0,
    districtCode: codeOf(site.districtCode),
    subdistrictCode: codeOf(site.subdistrictCode),
    villageNo: codeOf(site.villageNo),
    villageName: site.villageName.trim(),
  };
}

/**
 * Province → district → subdistrict selects (each lists the areas inside the one above; districts and subdistricts
 * appear when the geography is loaded), the village number and the village name.
 */
export function SiteFields({
  value,
  onChange,
  errors,
  testId,
}: {
  value: SiteValues;
  onChange: (next: SiteValues) => void;
  errors: Partial<Record<keyof SiteValues, string>>;
  testId: string;
}) {
  const { t, lang } = useI18n();
  const id = useId();
  const provinces = useProvinces();
  const districts = useDistricts(codeOf(value.provinceCode));
  const subdistricts = useSubdistricts(codeOf(value.districtCode));
  const collator = new Intl.Collator(lang);
  const byName = (a: { nameTh: string; nameEn: string }, b: { nameTh: string; nameEn: string }) =>
    collator.compare(localName(a, lang), localName(b, lang));
  const districtList = districts.status === 'success' ? districts.data : [];
  const subdistrictList = subdistricts.status === 'success' ? subdistricts.data : [];

  const select = (
    key: 'provinceCode' | 'districtCode' | 'subdistrictCode',
    label: string,
    placeholder: string,
    options: Array<{ code: number; nameTh: string; nameEn: string }>,
    disabled: boolean,
    next: (code: string) => SiteValues,
  ) => (
    <div className="field form-field" data-invalid={errors[key] ? 'true' : undefined}>
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select
        id={`${id}-${key}`}
        value={value[key]}
        disabled={disabled}
        aria-invalid={errors[key] ? true : undefined}
        aria-describedby={describedBy(errors[key] ? `${id}-${key}-error` : undefined)}
        onChange={(event) => onChange(next(event.target.value))}
        data-testid={`${testId}-${key}`}
      >
        <option value="">{placeholder}</option>
        {[...options].sort(byName).map((o) => (
          <option key={o.code} value={String(o.code)}>
            {localName(o, lang)}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-${key}-error`} message={errors[key]} />
    </div>
  );

  return (
    <div className="nd-site">
      {select(
        'provinceCode',
        t('needs.form.province'),
        provinces.status === 'success' ? t('needs.form.chooseProvince') : t('common.loading'),
        provinces.status === 'success' ? provinces.data : [],
        provinces.status !== 'success',
        (code) => ({ ...value, provinceCode: code, districtCode: '', subdistrictCode: '', villageNo: '' }),
      )}
      {select(
        'districtCode',
        t('needs.form.district'),
        t('needs.form.notChosen'),
        districtList,
        value.provinceCode === '' || districtList.length === 0,
        (code) => ({ ...value, districtCode: code, subdistrictCode: '', villageNo: '' }),
      )}
      {select(
        'subdistrictCode',
        t('needs.form.subdistrict'),
        t('needs.form.notChosen'),
        subdistrictList,
        value.districtCode === '' || subdistrictList.length === 0,
        (code) => ({ ...value, subdistrictCode: code, villageNo: code === '' ? '' : value.villageNo }),
      )}
      <div className="field form-field" data-invalid={errors.villageNo ? 'true' : undefined}>
        <label htmlFor={`${id}-villageNo`}>{t('needs.form.villageNo')}</label>
        <input
          id={`${id}-villageNo`}
          type="number"
          inputMode="numeric"
          min={1}
          max={99}
          value={value.villageNo}
          disabled={value.subdistrictCode === ''}
          aria-invalid={errors.villageNo ? true : undefined}
          aria-describedby={describedBy(errors.villageNo ? `${id}-villageNo-error` : undefined)}
          onChange={(event) => onChange({ ...value, villageNo: event.target.value })}
          data-testid={`${testId}-villageNo`}
        />
        <FieldError id={`${id}-villageNo-error`} message={errors.villageNo} />
      </div>
      <div className="field form-field" data-invalid={errors.villageName ? 'true' : undefined}>
        <label htmlFor={`${id}-villageName`}>{t('needs.form.villageName')}</label>
        <input
          id={`${id}-villageName`}
          type="text"
          maxLength={200}
          value={value.villageName}
          aria-invalid={errors.villageName ? true : undefined}
          aria-describedby={describedBy(errors.villageName ? `${id}-villageName-error` : undefined)}
          onChange={(event) => onChange({ ...value, villageName: event.target.value })}
          data-testid={`${testId}-villageName`}
        />
        <FieldError id={`${id}-villageName-error`} message={errors.villageName} />
      </div>
    </div>
  );
}
