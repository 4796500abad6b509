import type { NeedStatus } from '@shared/contracts/needs';
import type { Language } from '@shared/i18n/index';
import { PROVINCES } from '@shared/reference/provinces';
import { THEMES } from '@shared/reference/themes';
import { Badge, type BadgeTone } from '@web/components/ui/badge';
import { useI18n } from '@web/lib/i18n';
import type { IssueLike, Translate } from '@web/lib/forms';
import { issueMessage } from '@web/lib/forms';

export function themeName(code: string | null, lang: Language): string {
  const theme = THEMES.find((x) => x.code === code);
  return theme ? (lang === 'en' ? theme.nameEn : theme.nameTh) : '';
}

export function provinceName(code: number | null, lang: Language): string {
  const province = PROVINCES.find((p) => p.code === code);
  return province ? (lang === 'en' ? province.nameEn : province.nameTh) : '';
}

/** "หมู่ 3 บ้านบางปลาหมอ, ปัตตานี": village, then province. */
export function siteText(
  site: { provinceCode: number | null; villageNo?: number | null; villageName?: string },
  lang: Language,
  t: Translate,
): string {
  const village = [
    site.villageNo ? t('needs.detail.village', { no: site.villageNo }) : '',
    site.villageName ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return [village, provinceName(site.provinceCode, lang)].filter(Boolean).join(', ');
}

const STATUS_TONE: Record<NeedStatus, BadgeTone> = {
  pending: 'accent',
  published: 'brand',
  rejected: 'neutral',
  addressed: 'success',
  closed: 'neutral',
};

export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  const { t } = useI18n();
  return <Badge tone={STATUS_TONE[status]}>{t(`needs.status.${status}`)}</Badge>;
}

/** Zod issues of a body checked against its contract, worded for a person, by top-level field. */
export function issuesByField(
  issues: ReadonlyArray<IssueLike & { path: ReadonlyArray<PropertyKey>; message: string }>,
  t: Translate,
  custom: Partial<Record<string, string>> = {},
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    if (!(name in fields)) {
      fields[name] = custom[name] ?? issueMessage(issue, t);
    }
  }
  return fields;
}
