import { z } from 'zod';
import {
  DISAGGREGATIONS,
  IMPACT_LIBRARY_LIMITS,
  INDICATOR_AGGREGATIONS,
  INDICATOR_DIRECTIONS,
  INDICATOR_TYPES,
  IRIS_METRIC_ID,
  LIBRARY_CODE,
  SDG_TARGET,
  type CreateFinancialProxyBody,
  type CreateImpactIndicatorBody,
  type FinancialProxy,
  type ImpactIndicator,
} from '@shared/contracts/impact-library';
import { THEME_CODES } from '@shared/reference/themes';
import { formatBahtInput, parseBahtInput } from '@web/components/form-renderer/money';
import type { Language } from '@shared/i18n/languages';
import type { Translate } from '@web/lib/forms';

/** The SDG targets typed in one box: separated by commas, semicolons or spaces. */
export function parseSdgTargets(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** A typed year as Common Era: four digits; 2400 and above is read as Buddhist Era (− 543). Null when not a year. */
export function yearFromInput(text: string): number | null {
  const cleaned = text.trim().replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
  if (!/^\d{4}$/.test(cleaned)) {
    return null;
  }
  const year = Number(cleaned);
  return year >= 2400 ? year - 543 : year;
}

/** A Common-Era year in the box, in the language's calendar (Buddhist Era in Thai). */
export function yearToInput(yearCe: number, lang: Language): string {
  return String(lang === 'th' ? yearCe + 543 : yearCe);
}

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

/** The indicator form's schema, its messages in the interface language (`t`). */
export function indicatorFormSchema(t: Translate) {
  const required = (max: number) => z.string().trim().min(1).max(max);
  return z.object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(IMPACT_LIBRARY_LIMITS.code)
      .refine((v) => LIBRARY_CODE.test(v.toUpperCase()), { message: t('impactLibrary.errors.CODE_FORMAT') }),
    nameTh: required(IMPACT_LIBRARY_LIMITS.name),
    nameEn: required(IMPACT_LIBRARY_LIMITS.name),
    descriptionTh: z.string().max(IMPACT_LIBRARY_LIMITS.description),
    descriptionEn: z.string().max(IMPACT_LIBRARY_LIMITS.description),
    unitTh: required(IMPACT_LIBRARY_LIMITS.unit),
    unitEn: required(IMPACT_LIBRARY_LIMITS.unit),
    type: z.enum(INDICATOR_TYPES),
    direction: z.enum(INDICATOR_DIRECTIONS),
    aggregation: z.enum(INDICATOR_AGGREGATIONS),
    disaggregations: z.array(z.enum(DISAGGREGATIONS)),
    sdgText: z
      .string()
      .max(300)
      .refine((v) => parseSdgTargets(v).every((target) => SDG_TARGET.test(target)), {
        message: t('impactLibrary.errors.SDG_FORMAT'),
      })
      .refine((v) => unique(parseSdgTargets(v)), { message: t('impactLibrary.errors.DUPLICATE_ITEM') }),
    irisMetricId: z
      .string()
      .trim()
      .refine((v) => v === '' || IRIS_METRIC_ID.test(v.toUpperCase()), {
        message: t('impactLibrary.errors.IRIS_FORMAT'),
      }),
    themes: z.array(z.enum(THEME_CODES)),
  });
}
export type IndicatorFormValues = z.input<ReturnType<typeof indicatorFormSchema>>;

export const EMPTY_INDICATOR: IndicatorFormValues = {
  code: '',
  nameTh: '',
  nameEn: '',
  descriptionTh: '',
  descriptionEn: '',
  unitTh: '',
  unitEn: '',
  type: 'count',
  direction: 'increase',
  aggregation: 'sum',
  disaggregations: [],
  sdgText: '',
  irisMetricId: '',
  themes: [],
};

export function indicatorToValues(row: ImpactIndicator): IndicatorFormValues {
  return {
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    unitTh: row.unitTh,
    unitEn: row.unitEn,
    type: row.type,
    direction: row.direction,
    aggregation: row.aggregation,
    disaggregations: [...row.disaggregations],
    sdgText: row.sdgTargets.join(', '),
    irisMetricId: row.irisMetricId ?? '',
    themes: [...row.themes],
  };
}

/** The request body of the form (code and IRIS+ id upper-cased, SDG box split, empty IRIS+ id → null). */
export function indicatorBody(values: IndicatorFormValues): CreateImpactIndicatorBody {
  const iris = values.irisMetricId.trim().toUpperCase();
  return {
    code: values.code.trim().toUpperCase(),
    nameTh: values.nameTh.trim(),
    nameEn: values.nameEn.trim(),
    descriptionTh: values.descriptionTh.trim(),
    descriptionEn: values.descriptionEn.trim(),
    unitTh: values.unitTh.trim(),
    unitEn: values.unitEn.trim(),
    type: values.type,
    direction: values.direction,
    aggregation: values.aggregation,
    disaggregations: [...values.disaggregations],
    sdgTargets: parseSdgTargets(values.sdgText),
    irisMetricId: iris === '' ? null : iris,
    themes: [...values.themes],
  };
}

/** The form field a server issue's path names (`body.sdgTargets.1` → `sdgText`), or null. */
export function indicatorFieldOf(path: string): keyof IndicatorFormValues | null {
  const [head] = path.replace(/^body\./, '').split('.');
  if (head === 'sdgTargets') {
    return 'sdgText';
  }
  return head !== undefined && head in EMPTY_INDICATOR ? (head as keyof IndicatorFormValues) : null;
}

/** The financial proxy form's schema: value typed in baht, price year in either calendar. */
export function proxyFormSchema(t: Translate) {
  const required = (max: number) => z.string().trim().min(1).max(max);
  return z.object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(IMPACT_LIBRARY_LIMITS.code)
      .refine((v) => LIBRARY_CODE.test(v.toUpperCase()), { message: t('impactLibrary.errors.CODE_FORMAT') }),
    nameTh: required(IMPACT_LIBRARY_LIMITS.name),
    nameEn: required(IMPACT_LIBRARY_LIMITS.name),
    descriptionTh: z.string().max(IMPACT_LIBRARY_LIMITS.description),
    descriptionEn: z.string().max(IMPACT_LIBRARY_LIMITS.description),
    valueBaht: z.string().refine(
      (v) => {
        const satang = parseBahtInput(v);
        return typeof satang === 'number' && satang >= 1 && satang <= IMPACT_LIBRARY_LIMITS.valueSatangMax;
      },
      { message: t('common.moneyNotAmount') },
    ),
    currency: z
      .string()
      .trim()
      .refine((v) => /^[A-Za-z]{3}$/.test(v), { message: t('impactLibrary.errors.CURRENCY_FORMAT') }),
    unitTh: required(IMPACT_LIBRARY_LIMITS.unit),
    unitEn: required(IMPACT_LIBRARY_LIMITS.unit),
    priceYear: z.string().refine(
      (v) => {
        const year = yearFromInput(v);
        return (
          year !== null &&
          year >= IMPACT_LIBRARY_LIMITS.priceYearMin &&
          year <= IMPACT_LIBRARY_LIMITS.priceYearMax
        );
      },
      { message: t('forms.invalid') },
    ),
    sourceTitle: required(IMPACT_LIBRARY_LIMITS.sourceTitle),
    sourceUrl: z
      .string()
      .trim()
      .max(IMPACT_LIBRARY_LIMITS.sourceUrl)
      .refine((v) => v === '' || /^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(v), {
        message: t('impactLibrary.errors.URL_FORMAT'),
      }),
    themes: z.array(z.enum(THEME_CODES)),
  });
}
export type ProxyFormValues = z.input<ReturnType<typeof proxyFormSchema>>;

export const EMPTY_PROXY: ProxyFormValues = {
  code: '',
  nameTh: '',
  nameEn: '',
  descriptionTh: '',
  descriptionEn: '',
  valueBaht: '',
  currency: 'THB',
  unitTh: '',
  unitEn: '',
  priceYear: '',
  sourceTitle: '',
  sourceUrl: '',
  themes: [],
};

export function proxyToValues(row: FinancialProxy, lang: Language): ProxyFormValues {
  return {
    code: row.code,
    nameTh: row.nameTh,
    nameEn: row.nameEn,
    descriptionTh: row.descriptionTh,
    descriptionEn: row.descriptionEn,
    valueBaht: formatBahtInput(row.valueSatang),
    currency: row.currency,
    unitTh: row.unitTh,
    unitEn: row.unitEn,
    priceYear: yearToInput(row.priceYear, lang),
    sourceTitle: row.sourceTitle,
    sourceUrl: row.sourceUrl,
    themes: [...row.themes],
  };
}

/** The request body of the proxy form: baht → satang, year → Common Era. Call after the schema accepted it. */
export function proxyBody(values: ProxyFormValues): CreateFinancialProxyBody {
  return {
    code: values.code.trim().toUpperCase(),
    nameTh: values.nameTh.trim(),
    nameEn: values.nameEn.trim(),
    descriptionTh: values.descriptionTh.trim(),
    descriptionEn: values.descriptionEn.trim(),
    valueSatang: parseBahtInput(values.valueBaht) ?? 0,
    currency: values.currency.trim().toUpperCase(),
    unitTh: values.unitTh.trim(),
    unitEn: values.unitEn.trim(),
    priceYear: yearFromInput(values.priceYear) ?? 0,
    sourceTitle: values.sourceTitle.trim(),
    sourceUrl: values.sourceUrl.trim(),
    themes: [...values.themes],
  };
}

/** The form field a server issue's path names (`body.valueSatang` → `valueBaht`), or null. */
export function proxyFieldOf(path: string): keyof ProxyFormValues | null {
  const [head] = path.replace(/^body\./, '').split('.');
  if (head === 'valueSatang') {
    return 'valueBaht';
  }
  return head !== undefined && head in EMPTY_PROXY ? (head as keyof ProxyFormValues) : null;
}
