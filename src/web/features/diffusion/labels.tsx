import type { AdopterType, AdoptionStatus, AdoptionSummary } from '@shared/contracts/diffusion';
import { isAdopterType } from '@shared/contracts/diffusion';
import type { Language } from '@shared/i18n/index';
import { PROVINCES } from '@shared/reference/provinces';
import { useI18n, type I18n } from '@web/lib/i18n';
import { STATUS_COLORS } from './map-points';

/** A province's name in the interface's language. */
export function provinceName(code: number | null, lang: Language): string {
  const province = PROVINCES.find((p) => p.code === code);
  if (!province) {
    return code === null ? '' : String(code);
  }
  return lang === 'en' ? province.nameEn : province.nameTh;
}

/** A title in the interface's language, falling back to Thai. */
export function titleIn(p: { titleTh: string; titleEn: string }, lang: Language): string {
  return lang === 'en' && p.titleEn ? p.titleEn : p.titleTh;
}

/** A name in the interface's language, falling back to Thai. */
export function nameIn(p: { nameTh: string; nameEn: string }, lang: Language): string {
  return lang === 'en' && p.nameEn ? p.nameEn : p.nameTh;
}

/** Where an adoption is, shortest useful form: "หมู่ 3 บ้านปางหมู, แม่ฮ่องสอน" or the province alone. */
export function siteText(
  adoption: Pick<AdoptionSummary, 'village' | 'provinceCode'>,
  i18n: Pick<I18n, 't' | 'lang'>,
) {
  const province = provinceName(adoption.provinceCode, i18n.lang);
  if (!adoption.village) {
    return province;
  }
  const village = i18n.t('diffusion.villageLabel', {
    no: adoption.village.villageNo,
    name: nameIn(adoption.village, i18n.lang),
  });
  return `${village}, ${province}`;
}

export function adopterTypeText(type: string, t: I18n['t']): string {
  return isAdopterType(type) ? t(`diffusion.adopterType.${type satisfies AdopterType}`) : type;
}

/** A status as a coloured dot and its name (the name carries the meaning; the dot matches the map). */
export function StatusLabel({ status }: { status: AdoptionStatus }) {
  const { t } = useI18n();
  return (
    <span className={`df-status df-status--${status}`} data-status={status}>
      <span className="df-status__dot" style={{ background: STATUS_COLORS[status] }} aria-hidden="true" />
      {t(`diffusion.status.${status}`)}
    </span>
  );
}
